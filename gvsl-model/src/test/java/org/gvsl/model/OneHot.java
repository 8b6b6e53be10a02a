package org.gvsl.model;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/** Random one-hot label tensors for the downstream tests. */
public final class OneHot {

    private OneHot() {
    }

    /** One-hot labels {@code [n, k, size]} in float64, each voxel's class drawn uniformly from a seeded generator. */
    public static INDArray random(int n, int k, SpatialSize size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, size.shape(n, k));
        for (int i = 0; i < n; i++) {
            for (long v = 0; v < size.voxels(); v++) {
                y.putScalar(new long[] {i, r.nextInt(k), v / ((long) size.h() * size.w()), v / size.w() % size.h(),
                        v % size.w()}, 1.0);
            }
        }
        return y;
    }
}
