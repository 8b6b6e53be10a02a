package org.gvsl.model.optim;

import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingStepTest {

    @Test
    void reportsTheTermsOfTheForwardPassBeforeTheUpdate() {
        SameDiff sd = GradientCheck.graph();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 2);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new double[][] {{1.0}, {-2.0}}));
        SDVariable y = sd.mmul(x, w);
        SDVariable squares = sd.mean(y.mul(y)).rename("squares");
        SDVariable level = sd.mean(y).rename("level");
        squares.add(level).rename("total");
        sd.setLossVariables("total");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(0.1, 0.9, 0.999, 1e-8))
                .dataSetFeatureMapping("x").markLabelsUnused().build());
        INDArray batch = Nd4j.createFromArray(new double[][] {{1, 1}, {2, 0}});
        // y = (−1, 2): squares (1 + 4)/2 = 2.5, level 0.5
        Map<String, Double> terms = TrainingStep.fit(sd, new MultiDataSet(new INDArray[] {batch}, null),
                List.of("level", "squares"));
        assertEquals(List.of("level", "squares"), List.copyOf(terms.keySet()));
        assertEquals(0.5, terms.get("level"), 1e-15);
        assertEquals(2.5, terms.get("squares"), 1e-15);
        assertNotEquals(1.0, sd.getArrForVarName("w").getDouble(0), "the step updated the weight");
    }

    @Test
    void aTermTheStepDidNotComputeIsAnError() {
        SameDiff sd = GradientCheck.graph();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 1);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new double[][] {{2.0}}));
        sd.mean(sd.mmul(x, w)).rename("loss");
        sd.mean(x).rename("unrelated");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(0.1, 0.9, 0.999, 1e-8))
                .dataSetFeatureMapping("x").markLabelsUnused().build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrainingStep.fit(sd,
                new MultiDataSet(new INDArray[] {Nd4j.ones(DataType.DOUBLE, 2, 1)}, null), List.of("unrelated")));
        assertTrue(e.getMessage().contains("'unrelated'"), e.getMessage());
    }
}
