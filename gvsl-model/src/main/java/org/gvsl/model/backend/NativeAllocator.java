package org.gvsl.model.backend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How glibc's {@code malloc}, which allocates ND4J's CPU arrays, should be set up for training: the value of
 * {@code GLIBC_TUNABLES} the project's launchers and tests run with, and a warning when a process runs without it.
 *
 * <p>Why: a SameDiff step allocates and frees gigabytes of arrays (30 GB in a full-width 64³ step). With glibc's
 * defaults each large array is a fresh {@code mmap}, unmapped again when freed, and ND4J zero-fills every new array
 * on the calling thread, so each step page-faults its whole volume of arrays into existence, zeroed by the kernel
 * and then again by ND4J: measured, 28 of a 58 s step at 64³, with one core idle meanwhile. With one arena, no
 * {@code mmap} and no trimming, freed memory stays in the process and the next array reuses it: the same step took
 * 21.5 s (18.8 → 2.0 million page faults; huge pages cut them to 0.2 million; README "Speed and memory"). The cost:
 * the resident set does not shrink after a step (it stays at the step's peak), and at 64³ the peak lies 1.3–1.6 GB
 * above the defaults', the heap's fragmentation.
 *
 * <p>The setting must be in the environment when the process starts (glibc reads it once); a running JVM cannot
 * change it, so {@link #warnIfUnset()} can only tell. The value is written once, in the root pom
 * ({@code gvsl.glibcTunables}), and reaches this class as the resource {@code glibc-tunables}.
 */
public final class NativeAllocator {

    /** The environment variable glibc reads its tunables from. */
    public static final String VARIABLE = "GLIBC_TUNABLES";

    private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);

    private static final String RECOMMENDED = readRecommended();

    private NativeAllocator() {
    }

    /** The recommended value of {@value #VARIABLE}, e.g. {@code glibc.malloc.arena_max=1:…}. */
    public static String recommended() {
        return RECOMMENDED;
    }

    private static String readRecommended() {
        try (InputStream in = NativeAllocator.class.getResourceAsStream("glibc-tunables")) {
            if (in == null) {
                throw new IllegalStateException("gvsl-model's resource glibc-tunables is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code environment} (the value of {@value #VARIABLE}, or null) holds every setting of
     * {@link #recommended()}; a later repetition of a name overrides an earlier one, as in glibc.
     */
    public static boolean isSet(String environment) {
        if (environment == null) {
            return false;
        }
        List<String> given = Arrays.asList(environment.split(":"));
        for (String setting : recommended().split(":")) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            String last = null;
            for (String g : given) {
                if (g.startsWith(name)) {
                    last = g;
                }
            }
            if (!setting.equals(last)) {
                return false;
            }
        }
        return true;
    }

    /**
     * On Linux, logs one warning when this process runs without the recommended allocator setting (an IDE run
     * configuration, a user's own launcher), with the value to set. Called by {@link GraphRuntime#start()}.
     */
    static void warnIfUnset() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && !isSet(System.getenv(VARIABLE))) {
            LOG.warn("{} is not set to {}: large training steps may run up to 2.5x slower (page faults of freshly "
                    + "allocated arrays). Set it in the environment of the process (e.g. the IDE run configuration); "
                    + "./gvsl and benchmarks/run set it themselves.", VARIABLE, recommended());
        }
    }
}
