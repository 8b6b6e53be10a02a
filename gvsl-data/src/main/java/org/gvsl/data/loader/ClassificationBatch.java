package org.gvsl.data.loader;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * One classification batch as ND4J arrays. Closing the batch releases the arrays' off-heap memory.
 *
 * <p>Targets for K sigmoid outputs: with K = 1 the class itself (which must be 0 or 1), {@code [N, 1]}; with K ≥ 2
 * the one-hot of the class (each output a one-vs-rest probability), {@code [N, K]}.
 *
 * @param step    the training step this batch belongs to
 * @param image   the crops {@code [N, 1, D, H, W]} float32
 * @param targets the sigmoid targets {@code [N, K]} float32 in {0, 1}
 * @param classes per element, the class label (for ROC-AUC)
 * @param sources per element, the image's name
 */
public record ClassificationBatch(long step, INDArray image, INDArray targets, int[] classes, List<String> sources)
        implements AutoCloseable {

    /**
     * Stacks crops into a batch.
     *
     * @param crops   at least one crop, all of one shape
     * @param outputs K, the number of sigmoid outputs
     * @throws IllegalArgumentException naming a class that K outputs cannot represent
     */
    public static ClassificationBatch of(long step, List<ClassifiedCrop> crops, int outputs) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one crop");
        }
        var shape = crops.get(0).image().shape();
        int voxels = shape.voxelCount();
        float[] image = new float[crops.size() * voxels];
        float[] targets = new float[crops.size() * outputs];
        int[] classes = new int[crops.size()];
        List<String> sources = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            ClassifiedCrop c = crops.get(i);
            if (!c.image().shape().equals(shape)) {
                throw new IllegalArgumentException("crop " + i + " has shape " + c.image().shape() + ", expected "
                        + shape);
            }
            c.image().copyTo(image, i * voxels);
            requireRepresentable(c.classLabel(), outputs, c.source());
            if (outputs == 1) {
                targets[i] = c.classLabel();
            } else {
                targets[i * outputs + c.classLabel()] = 1f;
            }
            classes[i] = c.classLabel();
            sources.add(c.source());
        }
        long n = crops.size();
        return new ClassificationBatch(step,
                Nd4j.create(image, new long[] {n, 1, shape.depth(), shape.height(), shape.width()}, DataType.FLOAT),
                Nd4j.create(targets, new long[] {n, outputs}, DataType.FLOAT), classes, List.copyOf(sources));
    }

    /**
     * Checks that K outputs can represent a class: 0 or 1 for K = 1, {@code [0, K)} otherwise.
     *
     * @param source names the image in the message
     */
    static void requireRepresentable(int classLabel, int outputs, String source) {
        int limit = outputs == 1 ? 2 : outputs;
        if (classLabel < 0 || classLabel >= limit) {
            throw new IllegalArgumentException(source + ": class " + classLabel + " does not fit " + outputs
                    + " output(s) (one output takes classes 0 and 1; K outputs take 0..K−1)");
        }
    }

    /** Batch size N. */
    public int size() {
        return sources.size();
    }

    /** Releases the two arrays. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {image, targets}) {
            if (a.closeable()) {
                a.close();
            }
        }
    }
}
