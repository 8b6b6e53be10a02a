package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.gvsl.GvslGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark command: trains the GVSL graph for a number of steps on one fixed random batch and prints, per step,
 * the seconds, the loss terms, the resident set size, and how busy the other processes were; at the end the median
 * step time after warm-up and the peak resident size. It is how the step time and the flat memory claimed in the
 * README were measured (timed tests are not allowed to assert speed).
 *
 * <p>Usage: {@code benchmarks/run TrainingStepMemory [--widths paper|narrow|c0,…,c8] [--size 32] [--batch 2]
 * [--steps 100] [--warmup 2] [--no-release]}; {@code --no-release} skips the per-step
 * {@link NativeMemory#releaseAfterStep()} to show why it is there.
 */
public final class TrainingStepMemory {

    private TrainingStepMemory() {
    }

    public static void main(String[] args) {
        StepSetup setup = new StepSetup();
        int steps = 100;
        int warmup = 2;
        boolean release = true;
        for (int i = 0; i < args.length; i++) {
            int last = setup.read(args, i);
            if (last >= 0) {
                i = last;
                continue;
            }
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--no-release" -> release = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: "
                        + StepSetup.USAGE + " --steps K --warmup W --no-release");
            }
        }
        System.out.println(NativeBackend.describe());
        GvslGraph graph = setup.graph();
        Map<String, INDArray> inputs = setup.inputs(graph);
        System.out.printf(Locale.ROOT, "widths %s, %d³, batch %d, %d steps (%d warm-up), release after step: %s%n",
                setup.widths(), setup.size(), setup.batch(), steps, warmup, release);
        List<Double> timed = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            MachineLoad load = MachineLoad.start();
            long t0 = System.nanoTime();
            Map<String, Double> losses = graph.fit(inputs);
            if (release) {
                NativeMemory.releaseAfterStep();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (step > warmup) {
                timed.add(seconds);
            }
            System.out.printf(Locale.ROOT, "step %4d  %7.2f s  total %.5f  rss %6.0f MB  others %.2f cores  own %.2f cores%n",
                    step, seconds, losses.get(GvslGraph.LOSS_TOTAL), NativeMemory.residentBytes() / 1e6,
                    load.othersSince(), load.ownSince());
        }
        timed.sort(null);
        double median = timed.isEmpty() ? Double.NaN : timed.get(timed.size() / 2);
        System.out.printf(Locale.ROOT, "median step %.2f s over %d steps; peak RSS %.0f MB%n", median, timed.size(),
                NativeMemory.peakResidentBytes() / 1e6);
    }
}
