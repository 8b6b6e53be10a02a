package org.gvsl.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the repository's scripts from the repository root, the way a user does, but on the test's own class
 * path ({@code GVSL_CLASSPATH}, so the launchers build nothing) and with one math thread (a smoke run must not
 * spin against the build beside it).
 */
final class ScriptRun {

    /** The repository root: the benchmarks module's parent (surefire runs in the module's folder). */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private static final long TIMEOUT_MINUTES = 20;

    /** What a script printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private ScriptRun() {
    }

    /** Runs {@code script} (relative to the root) with arguments; fails the test if it runs past the time-out. */
    static Result run(String script, String... args) throws IOException, InterruptedException {
        return run(Map.of(), script, args);
    }

    /** As {@link #run(String, String...)}, with extra environment variables. */
    static Result run(Map<String, String> env, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("GVSL_CLASSPATH", testClassPath());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().putAll(env);
        Path log = Files.createTempFile("script-run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(script + " ran past " + TIMEOUT_MINUTES + " min:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Whether a program runs: {@code command} exits 0 within a minute. */
    static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The class path surefire gives the tests (its booter jar hides it from {@code java.class.path}). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
