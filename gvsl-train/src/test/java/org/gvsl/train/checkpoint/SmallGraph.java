package org.gvsl.train.checkpoint;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A trainable SameDiff graph of three weights, loss {@code Σ c·w²}, trained with our Adam (test fixture). */
final class SmallGraph {

    private SmallGraph() {
    }

    /** A fresh graph; {@code name} is the parameter's name. */
    static SameDiff create(String name) {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable w = sd.var(name, Nd4j.createFromArray(0.5f, -2f, 3f));
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, 3);
        sd.setLossVariables(w.mul(w).mul(c).sum().name());
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(0.1, 0.9, 0.999, 1e-8))
                .dataSetFeatureMapping("c").markLabelsUnused().build());
        return sd;
    }

    /** One Adam step. */
    static void step(SameDiff sd) {
        sd.fit(new MultiDataSet(new INDArray[] {Nd4j.createFromArray(1f, 1e-3f, 1e-7f)}, null));
    }
}
