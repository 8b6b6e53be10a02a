package org.gvsl.data.loader;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * One supervised segmentation batch as ND4J arrays. Closing the batch releases the arrays' off-heap memory.
 *
 * @param step    the training step this batch belongs to
 * @param image   the image crops {@code [N, 1, D, H, W]} float32
 * @param labels  the label crops {@code [N, D, H, W]} int32, classes 0..K−1
 * @param classes K
 * @param sources per element, the image's name
 */
public record LabelledBatch(long step, INDArray image, INDArray labels, int classes, List<String> sources)
        implements AutoCloseable {

    /**
     * Stacks crops into a batch (on the calling thread, so that arrays are created where they are used).
     *
     * @param crops   at least one crop, all of one shape, labels integers in {@code [0, classes)}
     * @param classes K
     */
    public static LabelledBatch of(long step, List<LabelledCrop> crops, int classes) {
        if (crops.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one crop");
        }
        var shape = crops.get(0).image().shape();
        int voxels = shape.voxelCount();
        float[] image = new float[crops.size() * voxels];
        int[] labels = new int[image.length];
        List<String> sources = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            LabelledCrop c = crops.get(i);
            if (!c.image().shape().equals(shape) || !c.labels().shape().equals(shape)) {
                throw new IllegalArgumentException("crop " + i + " has shapes " + c.image().shape() + "/"
                        + c.labels().shape() + ", expected " + shape);
            }
            c.image().copyTo(image, i * voxels);
            for (int v = 0; v < voxels; v++) {
                float label = c.labels().get(v);
                if (!(label >= 0 && label < classes)) {
                    throw new IllegalArgumentException(c.source() + ": label " + label + " is outside [0, " + classes
                            + ")");
                }
                labels[i * voxels + v] = (int) label;
            }
            sources.add(c.source());
        }
        long n = crops.size();
        return new LabelledBatch(step,
                Nd4j.create(image, new long[] {n, 1, shape.depth(), shape.height(), shape.width()}, DataType.FLOAT),
                Nd4j.createFromArray(labels).reshape(n, shape.depth(), shape.height(), shape.width()), classes,
                List.copyOf(sources));
    }

    /**
     * The labels one-hot, {@code [N, K, D, H, W]} float32: 1 at {@code [n, labels[n, v], v]}, 0 elsewhere; a new array
     * on every call, which the caller closes.
     */
    public INDArray oneHot() {
        return oneHot(labels, classes);
    }

    /**
     * One-hot encoding of an integer label tensor {@code [N, D, H, W]} with classes {@code [0, K)}: {@code [N, K, D,
     * H, W]} float32.
     *
     * @throws IllegalArgumentException naming a label outside {@code [0, K)}
     */
    public static INDArray oneHot(INDArray labels, int classes) {
        if (labels.rank() != 4) {
            throw new IllegalArgumentException("labels must be [N, D, H, W], got " + java.util.Arrays.toString(
                    labels.shape()));
        }
        int n = Math.toIntExact(labels.size(0));
        long voxelsLong = labels.length() / n;
        int voxels = Math.toIntExact(voxelsLong);
        int[] values = labels.dup('c').data().asInt();
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(n, classes), voxels)];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < voxels; v++) {
                int k = values[i * voxels + v];
                if (k < 0 || k >= classes) {
                    throw new IllegalArgumentException("label " + k + " is outside [0, " + classes + ")");
                }
                out[(i * classes + k) * voxels + v] = 1f;
            }
        }
        return Nd4j.create(out, new long[] {n, classes, labels.size(1), labels.size(2), labels.size(3)},
                DataType.FLOAT);
    }

    /** Batch size N. */
    public int size() {
        return sources.size();
    }

    /** Releases the two arrays. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {image, labels}) {
            if (a.closeable()) {
                a.close();
            }
        }
    }
}
