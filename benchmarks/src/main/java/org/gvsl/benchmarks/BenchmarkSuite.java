package org.gvsl.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JMH suite: every subject of this package in one run, or the kernels only ({@code --kernels}: warp, NCC,
 * smoothness, GroupNorm, U-Net), with the results written as JMH JSON for {@link JmhTable} (unless {@code -rf}
 * names another format; to {@code -rff FILE}, by default {@value #DEFAULT_RESULT} in the working directory). Every
 * benchmark class's own {@code main} runs through {@link #main(List, String[], boolean)} too.
 *
 * <p>How to run: {@code benchmarks/run BenchmarkSuite [--kernels] [JMH options, e.g. -p size=32]}; JMH's
 * {@code -p} applies to every benchmark that has the parameter, and regexes given as arguments replace the suite's
 * list. CUDA: build with {@code mvn -Pcuda install -DskipTests} first (see {@code benchmarks/gpu-check}).
 */
public final class BenchmarkSuite {

    /** The kernel subjects, timed forward and backward. */
    static final List<Class<?>> KERNELS = List.of(WarpBenchmark.class, LocalNccBenchmark.class,
            SmoothnessBenchmark.class, GroupNormBenchmark.class, UNetBenchmark.class);

    /** Every subject: the kernels, the training step and the loader. */
    static final List<Class<?>> ALL = List.of(WarpBenchmark.class, LocalNccBenchmark.class, SmoothnessBenchmark.class,
            GroupNormBenchmark.class, UNetBenchmark.class, TrainingStepBenchmark.class, LoaderBenchmark.class);

    /** Where the suite writes its JSON results when no {@code -rff} is given. */
    static final String DEFAULT_RESULT = "jmh-suite.json";

    private static final String KERNELS_FLAG = "--kernels";

    private BenchmarkSuite() {
    }

    /** Runs the suite; {@code --kernels} first restricts it to the kernels, JMH options follow. */
    public static void main(String[] args) {
        boolean kernels = args.length > 0 && args[0].equals(KERNELS_FLAG);
        main(kernels ? KERNELS : ALL, kernels ? Arrays.copyOfRange(args, 1, args.length) : args, true);
    }

    /**
     * A benchmark program's {@code main}: runs the benchmarks of {@code classes} with JMH command-line options;
     * a bad option is a one-line usage error (exit 2), a failed run exits 1.
     *
     * @param json whether the results are written as JSON (to {@value #DEFAULT_RESULT} unless {@code -rff} names a
     *             file) when the options name no result format
     */
    static void main(List<Class<?>> classes, String[] jmhArgs, boolean json) {
        try {
            run(classes, jmhArgs, json);
        } catch (CommandLineOptionException e) {
            System.err.println("benchmarks: " + e.getMessage() + " (JMH options: -h)");
            System.exit(2);
        } catch (RunnerException e) {
            System.err.println("benchmarks: the JMH run failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the benchmarks of {@code classes} (or of the regexes among the options) with JMH command-line options.
     *
     * @return JMH's results, one per benchmark and parameter combination
     */
    static Collection<RunResult> run(List<Class<?>> classes, String[] jmhArgs, boolean json)
            throws CommandLineOptionException, RunnerException {
        CommandLineOptions options = new CommandLineOptions(jmhArgs);
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options);
        if (options.getIncludes().isEmpty()) {
            classes.forEach(c -> builder.include(includePattern(c)));
        }
        if (json && !options.getResultFormat().hasValue()) {
            builder.resultFormat(ResultFormatType.JSON);
            if (!options.getResult().hasValue()) {
                builder.result(DEFAULT_RESULT);
            }
        }
        return new Runner(builder.build()).run();
    }

    /** The JMH include regex of exactly one class's benchmarks. */
    static String includePattern(Class<?> benchmark) {
        return "^" + Pattern.quote(benchmark.getName()) + "\\.";
    }
}
