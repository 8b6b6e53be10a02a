package org.gvsl.model.heads;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AffineMatrixTest {

    private static INDArray matrix(double[] raw) {
        SameDiff sd = GradientCheck.graph();
        SDVariable r = sd.constant(Nd4j.createFromArray(raw).reshape(1, 15));
        return Graphs.eval(AffineMatrix.fromRaw(r).asMatrix());
    }

    @Test
    void zeroRawValuesGiveTheIdentity() {
        INDArray a = matrix(new double[15]);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, a.data().asDouble(), 0.0);
    }

    @Test
    void rotationAboutZUsesTheRangePiOverNine() {
        double[] raw = new double[15];
        raw[2] = 0.5;
        double t = 0.5 * Math.PI / 9;
        assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t), 0, 0, Math.sin(t), Math.cos(t), 0, 0, 0, 0, 1, 0},
                matrix(raw).data().asDouble(), 1e-15);
    }

    @Test
    void scaleShearAndTranslationEnterAsSpecified() {
        double[] raw = new double[15];
        raw[3] = 0.4;           // sx = 1.1
        raw[6] = 2.5;           // tx unclamped
        raw[9] = -0.5;          // shear xy = tan(−π/36)
        double[] m = matrix(raw).data().asDouble();
        // M = Sh·S: row 0 = [1.1, tan φxy, 0 | tx]
        assertArrayEquals(new double[] {1.1, Math.tan(-Math.PI / 36), 0, 2.5}, java.util.Arrays.copyOf(m, 4), 1e-15);
    }

    @Test
    void rawValuesBeyondOneAreClampedAndGetNoGradient() {
        double[] raw = new double[15];
        raw[0] = 3.0;
        double[] one = raw.clone();
        one[0] = 1.0;
        assertEquals(matrix(one), matrix(raw));

        SameDiff sd = GradientCheck.graph();
        SDVariable r = sd.var("raw", Nd4j.createFromArray(raw).reshape(1, 15));
        SDVariable loss = AffineMatrix.fromRaw(r).asMatrix().sum();
        sd.setLossVariables(loss.name());
        INDArray grad = sd.calculateGradients(Map.of(), "raw").get("raw");
        assertEquals(0.0, grad.getDouble(0, 0), 0.0);
    }

    @Test
    void gradientsMatchFiniteDifferencesForABatchOfThree() {
        SameDiff sd = GradientCheck.graph();
        SDVariable raw = sd.var("raw", Nd4j.rand(DataType.DOUBLE, 3, 15).muli(1.8).subi(0.9));
        AffineMatrix a = AffineMatrix.fromRaw(raw);
        GradientCheck.assertGradientsMatch(a.asMatrix().mul(sd.constant(Nd4j.randn(DataType.DOUBLE, 3, 3, 4))).sum());
    }
}
