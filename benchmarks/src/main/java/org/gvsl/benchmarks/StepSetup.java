package org.gvsl.benchmarks;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * The training step the step commands measure: the full GVSL graph of some widths for a cubic crop and batch, and
 * one fixed random batch (seed 1; the target is the fixed image).
 *
 * <p>Options, shared by {@link TrainingStepMemory} and {@link StepProfile}: {@code --widths paper|narrow|c0,…,c8}
 * (default paper), {@code --size S} (32), {@code --batch N} (2).
 */
final class StepSetup {

    /** The usage text of the options read here. */
    static final String USAGE = "--widths paper|narrow|c0,…,c8 --size S --batch N";

    private String widths = "paper";
    private int size = 32;
    private int batch = 2;

    /**
     * Reads the option at {@code args[i]} if it is one of these.
     *
     * @return the index of its last word, or −1 if the option is not one of these
     */
    int read(String[] args, int i) {
        switch (args[i]) {
            case "--widths" -> widths = args[i + 1];
            case "--size" -> size = Integer.parseInt(args[i + 1]);
            case "--batch" -> batch = Integer.parseInt(args[i + 1]);
            default -> {
                return -1;
            }
        }
        return i + 1;
    }

    UNetWidths widths() {
        return UNetWidths.parse(widths);
    }

    int size() {
        return size;
    }

    int batch() {
        return batch;
    }

    /** Builds the float32 graph. */
    GvslGraph graph() {
        return GvslGraphFactory.build(GvslConfig.builder().optWidths(widths()).build(), batch,
                SpatialSize.cube(size));
    }

    /** The random batch for {@code graph}: fixed, moving, and the fixed image again as the target. */
    Map<String, INDArray> inputs(GvslGraph graph) {
        Nd4j.getRandom().setSeed(1);
        INDArray fixed = Nd4j.rand(DataType.FLOAT, batch, 1, size, size, size);
        return graph.inputs(fixed, Nd4j.rand(DataType.FLOAT, batch, 1, size, size, size), fixed);
    }
}
