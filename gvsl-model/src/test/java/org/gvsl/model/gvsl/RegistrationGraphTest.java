package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistrationGraphTest {

    private static final GvslConfig TINY = GvslConfig.builder()
            .optWidths(new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4)).build();

    @Test
    void oneRegistrationGivesTheFieldTheWarpedImageAndTheMatrix() {
        RegistrationGraph g = GvslGraphFactory.registration(TINY, 1, new SpatialSize(6, 8, 10));
        INDArray fixed = Nd4j.rand(DataType.FLOAT, 1, 1, 6, 8, 10);
        RegistrationGraph.Result r = g.register(fixed, fixed.mul(0.5));
        assertArrayEquals(new long[] {1, 3, 6, 8, 10}, r.dvf().shape());
        assertArrayEquals(new long[] {1, 1, 6, 8, 10}, r.warped().shape());
        assertArrayEquals(new long[] {1, 3, 4}, r.affine().shape());
        assertEquals(DataType.FLOAT, r.dvf().dataType());
    }

    @Test
    void inputsOfAnotherShapeAreRejectedNamingTheInput() {
        RegistrationGraph g = GvslGraphFactory.registration(TINY, 1, SpatialSize.cube(8));
        INDArray ok = Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.register(ok, Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 9, 8)));
        assertEquals("the registration graph takes 'moving' of shape [1, 1, 8, 8, 8], got [1, 1, 8, 9, 8]",
                e.getMessage());
    }
}
