package org.gvsl.model.backend;

import com.sun.management.OperatingSystemMXBean;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Native (off-heap) memory of the process: how arrays are kept, reading the resident set size, and releasing the
 * arrays of a finished training step.
 *
 * <p>Why {@link #releaseAfterStep()} exists: ND4J keeps array data off the Java heap and frees it only when the
 * garbage collector collects the small Java objects that own it. A SameDiff step allocates hundreds of megabytes of
 * such arrays but hardly any heap, so the collector rarely runs and the resident size climbs by the size of a step
 * per step (measured: narrow model, 32³, batch 2: 1.7 → 4.4 GB in 30 steps). A collection after each step keeps it
 * flat (0.95–1.03 GB over 40 steps) and costs 20–50 ms.
 *
 * <p>Why {@link #configure()} turns off SameDiff's session array cache: each training step runs in a new session
 * whose memory manager ({@code ArrayCacheMemoryMgr}) keeps every array that the step releases, up to a quarter of
 * JavaCPP's {@code maxbytes} (3.6 GB with the launchers' 60 % of 24 GB), and hands one out again only for a later
 * request of exactly the same shape. Over a step hardly any are reused: in a full-width 32³ step the arrays held
 * (live and cached) climbed to 2.85 GB by the end of the backward pass, while the live ones peaked at 1.56 GB.
 * Without the cache a released array is freed at once. ND4J's own switch ({@code -Dorg.nd4j.autodiff.samediff=true})
 * turns it back on.
 */
public final class NativeMemory {

    /**
     * ND4J's system property that enables the session array cache when {@code true}, its default
     * ({@code ND4JSystemProperties.SAMEDIFF_MEMORY_CACHE_DISABLE}, despite the name).
     */
    public static final String ARRAY_CACHE_PROPERTY = "org.nd4j.autodiff.samediff";

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CGROUP = Path.of("/proc/self/cgroup");

    private NativeMemory() {
    }

    /**
     * Sets up how the process's native memory is used, before any graph runs: SameDiff's session array cache off
     * unless the user set {@value #ARRAY_CACHE_PROPERTY}. Called by {@link GraphRuntime#start()}.
     */
    static void configure() {
        if (System.getProperty(ARRAY_CACHE_PROPERTY) == null) {
            System.setProperty(ARRAY_CACHE_PROPERTY, "false");
        }
    }

    /** Whether SameDiff's session array cache is on (see {@link #configure()}). */
    public static boolean arrayCacheOn() {
        return Boolean.parseBoolean(System.getProperty(ARRAY_CACHE_PROPERTY, "true"));
    }

    /** Frees the native arrays of the step that just finished (a full garbage collection). */
    public static void releaseAfterStep() {
        System.gc();
    }

    /** The resident set size in bytes (Linux {@code VmRSS}), or −1 where {@code /proc} is unavailable. */
    public static long residentBytes() {
        return field(STATUS, "VmRSS:");
    }

    /** The peak resident set size in bytes (Linux {@code VmHWM}), or −1 where {@code /proc} is unavailable. */
    public static long peakResidentBytes() {
        return field(STATUS, "VmHWM:");
    }

    /**
     * The memory this process may use for arrays before JavaCPP refuses to allocate: the smaller of JavaCPP's
     * {@code maxPhysicalBytes} (when set) and the machine's RAM.
     */
    public static long limitBytes() {
        long ram = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long javacpp = Pointer.maxPhysicalBytes();
        return javacpp > 0 ? Math.min(javacpp, ram) : ram;
    }

    /**
     * The most resident memory this process can reach: its resident set plus the memory the system has available
     * ({@code MemAvailable}), capped by the limit of its memory cgroup (v1 or v2, e.g. a container's) and by {@link #limitBytes()}; −1 where
     * {@code /proc} is unavailable.
     */
    public static long reachableBytes() {
        long resident = residentBytes();
        long available = field(MEMINFO, "MemAvailable:");
        if (resident < 0 || available < 0) {
            return -1;
        }
        long reachable = resident + available;
        long limit = cgroupLimit();
        long capped = limit > 0 ? Math.min(reachable, limit) : reachable;
        return Math.min(capped, limitBytes());
    }

    /** The memory limit of this process's cgroup in bytes, or −1 when there is none (or it cannot be read). */
    private static long cgroupLimit() {
        try {
            for (String line : Files.readAllLines(CGROUP)) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                Path limit = f[0].equals("0") && f[1].isEmpty()
                        ? Path.of("/sys/fs/cgroup", f[2], "memory.max")                        // v2
                        : f[1].equals("memory") ? Path.of("/sys/fs/cgroup/memory", f[2], "memory.limit_in_bytes")
                        : null;                                                                // v1
                if (limit != null && Files.isReadable(limit)) {
                    String value = Files.readString(limit).trim();
                    long bytes = value.equals("max") ? -1 : Long.parseLong(value);
                    // v1 writes "no limit" as a huge page-aligned number
                    return bytes > 0 && bytes < Long.MAX_VALUE / 2 ? bytes : -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A {@code NAME: value kB} line of a {@code /proc} file, in bytes, or −1. */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
