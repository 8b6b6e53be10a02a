package org.gvsl.model.shape;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Arrays;

/**
 * Shape validation at graph-building time. SameDiff knows the shapes of placeholders, variables and constants
 * (a placeholder's unknown dimension is −1, which matches anything); for intermediate results it may not, and
 * then the check passes and the native op reports a mismatch at run time. A negative entry of the expected shape
 * (e.g. a dynamic batch size) matches anything too.
 */
public final class ShapeCheck {

    private ShapeCheck() {
    }

    /**
     * @param owner    the operation, for the message (e.g. "the warp")
     * @param what     the argument, for the message (e.g. "displacement field")
     * @throws IllegalArgumentException naming both shapes when a known shape differs
     */
    public static void require(SDVariable v, long[] expected, String owner, String what) {
        long[] actual = v.getShape();
        if (actual == null) {
            return;
        }
        boolean matches = actual.length == expected.length;
        for (int i = 0; matches && i < actual.length; i++) {
            matches = actual[i] < 0 || expected[i] < 0 || actual[i] == expected[i];
        }
        if (!matches) {
            throw new IllegalArgumentException(owner + " expected the " + what + " with shape "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(actual));
        }
    }
}
