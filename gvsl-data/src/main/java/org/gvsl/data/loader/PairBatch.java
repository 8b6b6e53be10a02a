package org.gvsl.data.loader;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * One training batch as ND4J arrays, {@code [N, 1, D, H, W]} float32 each (method.md §5): {@code fixed} = x_A^t,
 * {@code moving} = x_B, {@code target} = x_A. Closing the batch releases the arrays' off-heap memory.
 *
 * @param step    the training step this batch belongs to
 * @param fixed   appearance-transformed x_A, the network's fixed input
 * @param moving  x_B, the network's moving input
 * @param target  clean x_A, the NCC and restoration target
 * @param sources per element, "A-name | B-name" (for messages and logs)
 */
public record PairBatch(long step, INDArray fixed, INDArray moving, INDArray target, List<String> sources)
        implements AutoCloseable {

    /**
     * Stacks pairs into a batch (on the calling thread, so that arrays are created where they are used).
     *
     * @param pairs at least one pair, all of one crop shape
     */
    public static PairBatch of(long step, List<TrainingPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one pair");
        }
        var shape = pairs.get(0).target().shape();
        int voxels = shape.voxelCount();
        float[] fixed = new float[pairs.size() * voxels];
        float[] moving = new float[fixed.length];
        float[] target = new float[fixed.length];
        List<String> sources = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            TrainingPair p = pairs.get(i);
            if (!p.target().shape().equals(shape) || !p.fixed().shape().equals(shape) || !p.moving().shape().equals(shape)) {
                throw new IllegalArgumentException("pair " + i + " has shapes " + p.fixed().shape() + "/" + p.moving().shape()
                        + "/" + p.target().shape() + ", expected " + shape);
            }
            p.fixed().copyTo(fixed, i * voxels);
            p.moving().copyTo(moving, i * voxels);
            p.target().copyTo(target, i * voxels);
            sources.add(p.sourceA() + " | " + p.sourceB());
        }
        long[] dims = {pairs.size(), 1, shape.depth(), shape.height(), shape.width()};
        return new PairBatch(step, Nd4j.create(fixed, dims, DataType.FLOAT), Nd4j.create(moving, dims, DataType.FLOAT),
                Nd4j.create(target, dims, DataType.FLOAT), List.copyOf(sources));
    }

    /** Batch size N. */
    public int size() {
        return sources.size();
    }

    /** Releases the three arrays. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {fixed, moving, target}) {
            if (a.closeable()) {
                a.close();
            }
        }
    }
}
