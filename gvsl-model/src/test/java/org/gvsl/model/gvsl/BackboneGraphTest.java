package org.gvsl.model.gvsl;

import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackboneGraphTest {

    private static final UNetWidths TINY = new UNetWidths(4, 4, 8, 8, 8, 8, 8, 4, 4);

    @Test
    void theFeaturesAreTheUNetsOfTheSameWeights() {
        SpatialSize size = new SpatialSize(8, 12, 8);
        BackboneGraph g = GvslGraphFactory.backbone(TINY, 7, 1, size);
        SameDiff plain = org.gvsl.model.backend.GraphRuntime.newGraph();
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 1, 8, 12, 8);
        UNet3D.Features f = new UNet3D(new ParameterFactory(plain, DataType.FLOAT, 7), "unet", TINY)
                .forward(plain.constant(image), size);
        Map<String, INDArray> expected = plain.output(Map.of(), f.local().name(), f.global().name());
        BackboneGraph.Features actual = g.features(image.castTo(DataType.DOUBLE));
        assertEquals(expected.get(f.local().name()), actual.local(), "same seed, same parameters, same features");
        assertEquals(expected.get(f.global().name()), actual.global());
    }

    @Test
    void anImageOfAnotherShapeIsRejectedNamingBoth() {
        BackboneGraph g = GvslGraphFactory.backbone(TINY, 1, 1, SpatialSize.cube(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.features(Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 9)));
        assertEquals("the backbone graph takes an image of shape [1, 1, 8, 8, 8], got [1, 1, 8, 8, 9]", e.getMessage());
    }
}
