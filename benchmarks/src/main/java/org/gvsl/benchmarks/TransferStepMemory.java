package org.gvsl.benchmarks;

import org.gvsl.model.backend.NativeBackend;
import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferGraphFactory;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Locale;
import java.util.Map;

/**
 * A benchmark command: trains a downstream segmentation graph ({@link TransferGraphFactory}) for a few steps on one
 * fixed random batch and prints, per step, the seconds, the loss and the resident memory, then the peak. It shows
 * what linear evaluation (frozen backbone, no backward pass through it) saves against fine-tuning.
 *
 * <p>Usage: {@code benchmarks/run TransferStepMemory [--widths paper|narrow|c0,…,c8] [--size 32] [--batch 2]
 * [--classes 8] [--mode linear|fine_tune] [--steps 5]}.
 */
public final class TransferStepMemory {

    private TransferStepMemory() {
    }

    public static void main(String[] args) {
        String widths = "paper";
        int size = 32;
        int batch = 2;
        int classes = 8;
        TransferMode mode = TransferMode.FINE_TUNE;
        int steps = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--widths" -> widths = args[++i];
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--classes" -> classes = Integer.parseInt(args[++i]);
                case "--mode" -> mode = TransferMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --widths W "
                        + "--size S --batch N --classes K --mode linear|fine_tune --steps N");
            }
        }
        System.out.println(NativeBackend.describe());
        TransferConfig config = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(classes)
                .optWidths(UNetWidths.parse(widths)).optMode(mode).build();
        TransferGraph graph = TransferGraphFactory.build(config, SpatialSize.cube(size));
        Nd4j.getRandom().setSeed(1);
        INDArray image = Nd4j.rand(DataType.FLOAT, batch, 1, size, size, size);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, classes, size, size, size);
        labels.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(1);
        Map<String, INDArray> inputs = graph.inputs(image, labels);
        System.out.printf(Locale.ROOT, "%s, widths %s, %d³, batch %d, %d classes, %d trained tensors; rss %.0f MB%n",
                mode, config.widths(), size, batch, classes, graph.parameterNames().size(),
                NativeMemory.residentBytes() / 1e6);
        for (int step = 1; step <= steps; step++) {
            MachineLoad load = MachineLoad.start();
            long t0 = System.nanoTime();
            Map<String, Double> losses = graph.fit(inputs);
            NativeMemory.releaseAfterStep();
            System.out.printf(Locale.ROOT, "step %3d  %7.2f s  dice loss %.5f  rss %6.0f MB  others %.2f cores%n", step,
                    (System.nanoTime() - t0) / 1e9, losses.get(TransferGraph.LOSS_DICE),
                    NativeMemory.residentBytes() / 1e6, load.othersSince());
        }
        System.out.printf(Locale.ROOT, "peak RSS %.0f MB%n", NativeMemory.peakResidentBytes() / 1e6);
    }
}
