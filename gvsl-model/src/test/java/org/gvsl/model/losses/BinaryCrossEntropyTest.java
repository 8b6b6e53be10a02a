package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryCrossEntropyTest {

    private static double loss(double[] z, double[] y, int outputs) {
        SameDiff sd = GradientCheck.graph();
        INDArray logits = Nd4j.createFromArray(z).reshape(-1, outputs);
        INDArray target = Nd4j.createFromArray(y).reshape(-1, outputs);
        return Graphs.eval(BinaryCrossEntropy.loss(sd.constant(logits), sd.constant(target), outputs)).getDouble(0);
    }

    @Test
    void aZeroLogitCostsLogTwoWhateverTheTarget() {
        assertEquals(Math.log(2), loss(new double[] {0, 0, 0}, new double[] {0, 1, 0.5}, 1), 1e-15);
    }

    @Test
    void equalsTheTextbookFormulaOnModerateLogits() {
        double[] z = {-2.5, 0.3, 1.7, -0.2, 4.0, -3.1};
        double[] y = {0, 1, 1, 0, 0, 1};
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            sum -= y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s);
        }
        assertEquals(sum / z.length, loss(z, y, 2), 1e-14);
    }

    @Test
    void extremeLogitsStayFinite() {
        // z = 100, y = 0: −log(1 − σ(100)) = 100 + log(1 + e^−100); z = −800, y = 1: 800 (e^800 overflows a double)
        assertEquals((100 + 800) / 2.0, loss(new double[] {100, -800}, new double[] {0, 1}, 1), 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SameDiff sd = GradientCheck.graph();
        INDArray z0 = Nd4j.createFromArray(new double[] {-2.5, 0.3, 1.7, -0.2, 4.0, -3.1}).reshape(3, 2);
        var z = sd.var("logits", z0);
        var y = sd.constant(Nd4j.createFromArray(new double[] {0, 1, 1, 0, 0.25, 1}).reshape(3, 2));
        GradientCheck.assertGradientsMatch(BinaryCrossEntropy.loss(z, y, 2), "binary cross-entropy");
    }

    @Test
    void aTargetOfAnotherWidthIsRejected() {
        SameDiff sd = GradientCheck.graph();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.loss(
                sd.constant(Nd4j.zeros(3, 2)), sd.constant(Nd4j.zeros(3, 1)), 2));
        assertTrue(e.getMessage().contains("target") && e.getMessage().contains("[3, 1]"), e.getMessage());
    }
}
