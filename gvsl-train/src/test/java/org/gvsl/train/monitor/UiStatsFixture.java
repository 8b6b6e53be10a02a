package org.gvsl.train.monitor;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.common.primitives.Pair;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.UIAddName;
import org.nd4j.graph.UIEvent;
import org.nd4j.graph.UIEventType;
import org.nd4j.graph.UIGraphStructure;
import org.nd4j.graph.UIStaticInfoRecord;
import org.nd4j.graph.ui.LogFileWriter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny {@code ui-stats.bin} written by {@link UiStats} (a 3-weight graph, {@link #LOSSES} reported for two
 * steps), and what DL4J's SameDiff page reads from such a file, read the same way through ND4J's
 * {@link LogFileWriter}.
 */
public final class UiStatsFixture {

    /** The total losses reported for steps 0 and 1. */
    public static final double[] LOSSES = {0.75, 0.5};
    /** The name of the graph's trainable variable. */
    public static final String WEIGHT = "tinyweight";

    private UiStatsFixture() {
    }

    /** Writes the statistics of two steps to {@code file}. */
    public static void write(Path file) {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable w = sd.var(WEIGHT, Nd4j.createFromArray(0.5f, -2f, 3f));
        SDVariable c = sd.placeHolder("c", DataType.FLOAT, 3);
        w.mul(w).mul(c).sum().rename(GvslGraph.LOSS_TOTAL);
        sd.setLossVariables(GvslGraph.LOSS_TOTAL);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new BiasCorrectedAdam(1e-3, 0.9, 0.999, 1e-8))
                .dataSetFeatureMapping("c").markLabelsUnused().build());
        GraphRuntime.createGradientFunction(sd);
        UiStats stats = UiStats.attach(sd, file);
        for (double loss : LOSSES) {
            sd.fit(new MultiDataSet(new INDArray[] {Nd4j.createFromArray(1f, 1f, 1f)}, null));
            stats.stepDone(loss);
        }
    }

    /** The variable names of the graph structure in a statistics file. */
    public static List<String> variableNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (Pair<UIStaticInfoRecord, ?> record : new LogFileWriter(file.toFile()).readStatic().getData()) {
            if (record.getSecond() instanceof UIGraphStructure graph) {
                for (int i = 0; i < graph.variablesLength(); i++) {
                    names.add(graph.variables(i).name());
                }
            }
        }
        return names;
    }

    /** The scalar events named {@code name} in a statistics file, as iteration → value. */
    public static Map<Integer, Double> scalars(Path file, String name) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, Double> values = new TreeMap<>();
        for (Pair<UIEvent, ?> event : new LogFileWriter(file.toFile()).readEvents()) {
            UIEvent header = event.getFirst();
            if (header.eventType() == UIEventType.ADD_NAME) {
                names.put(((UIAddName) event.getSecond()).nameIdx(), ((UIAddName) event.getSecond()).name());
            } else if (header.eventType() == UIEventType.SCALAR && name.equals(names.get(header.nameIdx()))) {
                values.put(header.iteration(), Nd4j.createFromFlatArray((FlatArray) event.getSecond()).getDouble(0));
            }
        }
        return values;
    }
}
