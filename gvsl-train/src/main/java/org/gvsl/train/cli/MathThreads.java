package org.gvsl.train.cli;

import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The number of threads ND4J's native code uses within one op: OpenMP's (which oneDNN uses too) and ND4J's own
 * thread pool. ND4J's default is one per core (or {@code OMP_NUM_THREADS}). It is a setting of the whole process,
 * so only the {@code gvsl} program changes it ({@link Gvsl#run}, for every command whose options have
 * {@code --threads}); library code never does.
 *
 * <p>Two things measured with ND4J 1.0.0-M2.1 decide how this is done and used:
 * <ul>
 *   <li>{@code Environment.setMaxThreads} alone does not lower the count once the backend is loaded (it stays at
 *       the core count), so the OpenMP count is set through {@code NativeOps.setOmpNumThreads}, which does.</li>
 *   <li>Training is bit-reproducible with any thread count, also while other runs compete for the cores
 *       (checked with one and two threads). An earlier last-bit difference between competing two-thread runs
 *       came from an unlocked {@code scatter_add} whose threads raced on duplicate rows; the gather gradient now
 *       locks it ({@link org.gvsl.model.ops.DifferentiableGather}).</li>
 * </ul>
 * On a small machine the loader's threads also compete with these: OpenMP threads wait for each other by
 * spinning, so a core taken by another thread slows every op (README, "Speed and memory").
 */
final class MathThreads {

    private MathThreads() {
    }

    /**
     * Sets the thread count of ND4J ops ({@code threads > 0}) or keeps the current one ({@code 0}); starts the
     * backend first ({@link GraphRuntime#start()}), as the count is a setting of the loaded native library.
     *
     * @return the OpenMP thread count now in effect
     */
    static int apply(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be ≥ 0 (0 = ND4J's default), got " + threads);
        }
        GraphRuntime.start();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        if (threads > 0) {
            ops.setOmpNumThreads(threads);
            Environment env = Nd4j.getEnvironment();
            env.setMaxThreads(threads);
            env.setMaxMasterThreads(threads);
        }
        return ops.ompGetMaxThreads();
    }
}
