package org.gvsl.selfcheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.eval.metrics.Dice;
import org.gvsl.eval.metrics.DiceAccumulator;
import org.gvsl.eval.metrics.RocAuc;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.Tolerance;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Case {@code metrics}: Dice per case and class for the case's {@code classes} (the bundled case has an undefined
 * class, a false-positive class and a perfect case), the per-case and overall means with undefined classes left
 * out, and ROC-AUC for every input the case's {@code auc.cases} lists (ties, all tied, perfect, inverted,
 * one-class and undefined in the bundled case).
 */
public final class MetricsCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "metrics";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        int classes = c.attribute("classes").asInt();
        INDArray predictions = c.array("dice_pred");
        INDArray truths = c.array("dice_gt");
        DiceAccumulator dice = new DiceAccumulator(classes);
        int cases = (int) predictions.size(0);
        double[][] perClass = new double[cases][];
        for (int i = 0; i < cases; i++) {
            perClass[i] = dice.add(predictions.slice(i).dup().data().asInt(), truths.slice(i).dup().data().asInt());
        }
        results.add(c.check("dice_per_class", Nd4j.createFromArray(perClass)));

        // The means are held to the tolerance of the per-class values they average.
        JsonNode skipEmpty = c.attribute("dice").get("conventions").get("skip_empty");
        Tolerance meanTolerance = c.tolerance("dice_per_class");
        double[] perCase = new double[cases];
        for (int i = 0; i < cases; i++) {
            perCase[i] = Dice.meanOverClasses(perClass[i]);
        }
        double[] expectedPerCase = new double[cases];
        for (int i = 0; i < cases; i++) {
            expectedPerCase[i] = skipEmpty.get("per_case").get(i).asDouble();
        }
        results.add(new OutputResult(c.name(), "dice_per_case",
                meanTolerance.compare(Nd4j.createFromArray(perCase), Nd4j.createFromArray(expectedPerCase))));
        results.add(new OutputResult(c.name(), "dice_mean",
                meanTolerance.compare(Nd4j.scalar(dice.mean()), Nd4j.scalar(skipEmpty.get("mean").asDouble()))));

        JsonNode auc = c.attribute("auc");
        Tolerance aucTolerance = new Tolerance(auc.get("tolerance").get("atol").asDouble(),
                auc.get("tolerance").get("rtol").asDouble());
        for (Map.Entry<String, JsonNode> e : auc.get("cases").properties()) {
            double[] scores = c.array("auc_" + e.getKey() + "_scores").castTo(DataType.DOUBLE).toDoubleVector();
            int[] labels = c.array("auc_" + e.getKey() + "_labels").toIntVector();
            boolean undefined = e.getValue().get("undefined").asBoolean();
            double actual;
            try {
                actual = RocAuc.of(scores, labels);
            } catch (IllegalArgumentException ex) {
                actual = Double.NaN;
            }
            // An undefined AUC must be reported as undefined (NaN here), a defined one must match.
            double expected = undefined ? Double.NaN : e.getValue().get("expected").asDouble();
            results.add(new OutputResult(c.name(), "auc_" + e.getKey(),
                    aucTolerance.compare(Nd4j.scalar(actual), Nd4j.scalar(expected))));
        }
        return results;
    }
}
