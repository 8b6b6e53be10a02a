package org.gvsl.model.optim;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasCorrectedAdamTest {

    private static final double LR = 0.1;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    /** Loss Σ c·w² (c fed as the placeholder, as SameDiff's fit wants an input) with gradient 2·c·w. */
    private static SameDiff problem(double[] w0) {
        SameDiff sd = GradientCheck.graph();
        var w = sd.var("w", Nd4j.createFromArray(w0));
        var c = sd.placeHolder("c", w.dataType(), 3);
        sd.setLossVariables(w.mul(w).mul(c).sum().name());
        train(sd);
        return sd;
    }

    private static void train(SameDiff sd) {
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(LR, B1, B2, EPS))
                .dataSetFeatureMapping("c").markLabelsUnused().build());
    }

    private static void step(SameDiff sd) {
        INDArray c = Nd4j.createFromArray(1.0, 1e-3, 1e-7).castTo(sd.getVariable("w").dataType());
        sd.fit(new MultiDataSet(new INDArray[] {c}, null));
    }

    /** The same two steps computed by hand with PyTorch's formula. */
    private static double[] expectedAfterTwoSteps(double[] w0) {
        double[] c = {1.0, 1e-3, 1e-7};
        double[] w = w0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 2; t++) {
            for (int i = 0; i < 3; i++) {
                double g = 2 * c[i] * w[i];
                m[i] = B1 * m[i] + (1 - B1) * g;
                v[i] = B2 * v[i] + (1 - B2) * g * g;
                double mHat = m[i] / (1 - Math.pow(B1, t));
                double vHat = v[i] / (1 - Math.pow(B2, t));
                w[i] -= LR * mHat / (Math.sqrt(vHat) + EPS);
            }
        }
        return w;
    }

    @Test
    void twoStepsMatchKingmaAndBaIncludingTinyGradients() {
        double[] w0 = {0.5, -2.0, 3.0};
        SameDiff sd = problem(w0);
        step(sd);
        step(sd);
        // The third weight's gradient (6e-7) is where ND4J's own Adam would move 24% less.
        assertArrayEquals(expectedAfterTwoSteps(w0), sd.getArrForVarName("w").toDoubleVector(), 1e-12);
    }

    @Test
    void stateAndStepCountSurviveSaveAndLoad(@TempDir Path dir) throws Exception {
        double[] w0 = {0.5, -2.0, 3.0};
        SameDiff sd = problem(w0);
        step(sd);
        Path file = dir.resolve("model.fb");
        sd.save(file.toFile(), true);
        SameDiff loaded = GraphRuntime.load(file, true);
        step(loaded);
        step(sd);
        assertArrayEquals(sd.getArrForVarName("w").toDoubleVector(), loaded.getArrForVarName("w").toDoubleVector(), 0.0);
        assertEquals(new BiasCorrectedAdam(LR, B1, B2, EPS), loaded.getTrainingConfig().getUpdater());
    }

    @Test
    void worksInFloat32() {
        SameDiff sd = GradientCheck.graph();
        var w = sd.var("w", Nd4j.createFromArray(1.0f, -1.0f, 2.0f));
        var c = sd.placeHolder("c", DataType.FLOAT, 3);
        sd.setLossVariables(w.mul(w).mul(c).sum().name());
        train(sd);
        step(sd);
        // First step: every weight moves by lr·g/(|g| + ε) towards zero; g = 2·c·w.
        float tiny = (float) (2 - LR * 4e-7 / (4e-7 + EPS));
        assertArrayEquals(new float[] {0.9f, -0.9f, tiny}, sd.getArrForVarName("w").toFloatVector(), 1e-6f);
        assertEquals(DataType.FLOAT, sd.getArrForVarName("w").dataType());
    }

    @Test
    void invalidHyperParametersAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasCorrectedAdam.requireValid(Double.NaN, 0.9, 0.999, 1e-8));
        assertTrue(e.getMessage().contains("learningRate") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BiasCorrectedAdam.requireValid(1e-4, 1.0, 0.999, 1e-8));
        assertTrue(e.getMessage().contains("beta1=1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BiasCorrectedAdam.requireValid(1e-4, 0.9, 0.999, 0));
        assertTrue(e.getMessage().contains("adamEpsilon") && e.getMessage().contains("0.0"), e.getMessage());
    }
}
