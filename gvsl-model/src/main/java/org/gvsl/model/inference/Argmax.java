package org.gvsl.model.inference;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The label map of per-class scores: {@code label[v] = argmax_k p[k, v]}, the first class on a tie (as numpy's
 * {@code argmax}). Input {@code [K, D, H, W]} or {@code [1, K, D, H, W]}; output the labels in C order over
 * {@code [D, H, W]}, as {@code gvsl-eval}'s {@code Dice.perClass} and a NIfTI label map take them.
 */
public final class Argmax {

    private Argmax() {
    }

    /** The label of every voxel. */
    public static int[] labels(INDArray probabilities) {
        long[] s = probabilities.shape();
        INDArray p = s.length == 5 && s[0] == 1 ? probabilities.reshape(s[1], s[2], s[3], s[4]) : probabilities;
        if (p.rank() != 4) {
            throw new IllegalArgumentException("argmax needs scores [K, D, H, W] or [1, K, D, H, W], got "
                    + Arrays.toString(s));
        }
        INDArray argmax = Nd4j.argMax(p, 0);
        int[] labels = argmax.reshape(argmax.length()).toIntVector();
        argmax.close();
        return labels;
    }
}
