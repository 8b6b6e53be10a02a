package org.gvsl.model.shape;

import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeCheckTest {

    @Test
    void anUnknownPlaceholderDimensionMatchesAnything() {
        SameDiff sd = GradientCheck.graph();
        var x = sd.placeHolder("x", DataType.FLOAT, -1, 1, 4, 4, 4);
        assertDoesNotThrow(() -> ShapeCheck.require(x, new long[] {2, 1, 4, 4, 4}, "op", "input"));
    }

    @Test
    void aNegativeExpectedDimensionMatchesAnything() {
        SameDiff sd = GradientCheck.graph();
        var x = sd.placeHolder("x", DataType.FLOAT, 3, 2, 4, 4, 4);
        assertDoesNotThrow(() -> ShapeCheck.require(x, new long[] {-1, 2, 4, 4, 4}, "op", "input"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeCheck.require(x, new long[] {-1, 3, 4, 4, 4}, "op", "input"));
        assertTrue(e.getMessage().contains("[-1, 3, 4, 4, 4]"), e.getMessage());
    }

    @Test
    void aKnownMismatchNamesTheOperationTheArgumentAndBothShapes() {
        SameDiff sd = GradientCheck.graph();
        var x = sd.placeHolder("x", DataType.FLOAT, 2, 1, 4, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeCheck.require(x, new long[] {2, 1, 4, 4, 5}, "the warp", "image"));
        assertTrue(e.getMessage().equals("the warp expected the image with shape [2, 1, 4, 4, 5], got [2, 1, 4, 4, 4]"),
                e.getMessage());
    }
}
