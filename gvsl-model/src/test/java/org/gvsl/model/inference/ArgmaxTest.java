package org.gvsl.model.inference;

import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgmaxTest {

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    @Test
    void eachVoxelGetsItsLargestClassAndATieTheFirst() {
        // 3 classes over 4 voxels (1×1×4): winners 2, 0, 1, and a 0/1 tie → 0
        INDArray p = Nd4j.createFromArray(new float[] {
                0.1f, 0.7f, 0.2f, 0.4f,
                0.2f, 0.2f, 0.5f, 0.4f,
                0.7f, 0.1f, 0.3f, 0.2f}).reshape(3, 1, 1, 4);
        assertArrayEquals(new int[] {2, 0, 1, 0}, Argmax.labels(p));
        assertArrayEquals(new int[] {2, 0, 1, 0}, Argmax.labels(p.reshape(1, 3, 1, 1, 4)));
    }

    @Test
    void labelsFollowCOrderOverTheVolume() {
        // class 1 wins only at (d, h, w) = (1, 0, 2) of a 2×2×3 volume: flat index (1·2 + 0)·3 + 2 = 8
        INDArray p = Nd4j.zeros(2, 2, 2, 3);
        p.putScalar(new long[] {1, 1, 0, 2}, 1.0);
        int[] labels = Argmax.labels(p);
        int[] expected = new int[12];
        expected[8] = 1;
        assertArrayEquals(expected, labels);
    }

    @Test
    void anotherRankIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Argmax.labels(Nd4j.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
    }
}
