package org.gvsl.model.heads;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.OneHot;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.losses.CrossEntropy;
import org.gvsl.model.losses.SoftDice;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentationHeadTest {

    private static final SpatialSize SIZE = new SpatialSize(2, 3, 4);

    @Test
    void parametersAreNamedAsTheReferenceOutConvWithPyTorchsDefaultRange() {
        SameDiff sd = GradientCheck.graph();
        new SegmentationHead(new ParameterFactory(sd, DataType.DOUBLE, 3), 8, 5);
        INDArray w = sd.getArrForVarName("out_conv.weight");
        assertArrayEquals(new long[] {5, 8, 3, 3, 3}, w.shape());
        assertArrayEquals(new long[] {5}, sd.getArrForVarName("out_conv.bias").shape());
        double bound = 1 / Math.sqrt(8 * 27);
        assertTrue(w.amaxNumber().doubleValue() <= bound && w.amaxNumber().doubleValue() > 0.9 * bound,
                "U(±1/√fan_in) with fan_in 216: max |w| " + w.amaxNumber());
    }

    @Test
    void theLogitsAreAThreeCubedConvolutionAndTheProbabilitiesSumToOne() {
        SameDiff sd = GradientCheck.graph();
        SegmentationHead head = new SegmentationHead(new ParameterFactory(sd, DataType.DOUBLE, 3), 2, 3);
        sd.getArrForVarName("out_conv.weight").assign(0);
        sd.getArrForVarName("out_conv.bias").assign(Nd4j.createFromArray(0.0, 1.0, 2.0));
        // one weight: class 1 sees channel 0 of the centre voxel
        sd.getArrForVarName("out_conv.weight").putScalar(new long[] {1, 0, 1, 1, 1}, 2.0);
        INDArray f = Nd4j.rand(DataType.DOUBLE, SIZE.shape(2, 2));
        SDVariable logits = head.logits(sd.constant(f));
        INDArray z = Graphs.eval(logits);
        assertArrayEquals(SIZE.shape(2, 3), z.shape());
        assertEquals(1.0 + 2 * f.getDouble(1, 0, 1, 2, 3), z.getDouble(1, 1, 1, 2, 3), 1e-15);
        assertEquals(2.0, z.getDouble(0, 2, 0, 0, 0), 1e-15);
        INDArray p = Graphs.eval(SegmentationHead.probabilities(logits));
        assertEquals(0.0, p.sum(1).sub(1.0).amaxNumber().doubleValue(), 1e-15);
        double e0 = Math.exp(0);
        double e1 = Math.exp(1.0 + 2 * f.getDouble(1, 0, 1, 2, 3));
        double e2 = Math.exp(2);
        assertEquals(e1 / (e0 + e1 + e2), p.getDouble(1, 1, 1, 2, 3), 1e-15);
    }

    @Test
    void gradientOfHeadAndLossMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        SegmentationHead head = new SegmentationHead(new ParameterFactory(sd, DataType.DOUBLE, 5), 2, 3);
        SDVariable f = sd.var("features", Nd4j.randn(DataType.DOUBLE, SIZE.shape(2, 2)));
        SDVariable logits = head.logits(f);
        SDVariable y = sd.constant(OneHot.random(2, 3, SIZE, 2));
        SDVariable loss = SoftDice.loss(SegmentationHead.probabilities(logits), y, 3, SIZE)
                .add(CrossEntropy.loss(logits, y, 3, SIZE).mul(0.5));
        GradientCheck.assertGradientsMatch(loss, "segmentation head + soft Dice + 0.5·cross-entropy");
    }

    @Test
    void fewerThanTwoClassesAreRejected() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentationHead(new ParameterFactory(sd, DataType.FLOAT, 0), 8, 1));
        assertTrue(e.getMessage().contains("at least 2 classes") && e.getMessage().contains("got 1"), e.getMessage());
    }
}
