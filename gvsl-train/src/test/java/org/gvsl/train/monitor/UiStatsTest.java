package org.gvsl.train.monitor;

import com.google.flatbuffers.Table;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.common.primitives.Pair;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.UIEvent;
import org.nd4j.graph.ui.LogFileWriter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class UiStatsTest {

    @Test
    void theUiFileRecordsTheTrueTotalLoss(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(UiStats.FILE);

        // A graph whose loss variable SameDiff never evaluates during fit (as the GVSL graph's): the trainer reports it.
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable w = sd.var("w", Nd4j.createFromArray(0.5f, -2f, 3f));
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, 3);
        w.mul(w).mul(c).sum().rename(GvslGraph.LOSS_TOTAL);
        sd.setLossVariables(GvslGraph.LOSS_TOTAL);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(1e-3, 0.9, 0.999, 1e-8))
                .dataSetFeatureMapping("c").markLabelsUnused().build());
        UiStats stats = UiStats.attach(sd, file);
        sd.fit(new MultiDataSet(new INDArray[] {Nd4j.createFromArray(1f, 1e-3f, 1e-7f)}, null));
        stats.stepDone(0.4321);

        boolean found = false;
        for (Pair<UIEvent, Table> event : new LogFileWriter(file.toFile()).readEvents()) {
            if (event.getSecond() instanceof FlatArray array) {
                double v = Nd4j.createFromFlatArray(array).getDouble(0);
                found |= Math.abs(v - 0.4321) < 1e-6;
            }
        }
        assertTrue(found, "the reported total loss is in " + file);
    }
}
