package org.gvsl.selfcheck.model;

import org.gvsl.model.losses.LocalNcc;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Case {@code ncc}: the loss and both gradients for each window of the case's {@code windows}. The case's {@code
 * eps} must be the one {@link LocalNcc} implements.
 */
public final class NccCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "ncc";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        c.requireAttribute("eps", LocalNcc.EPSILON, "LocalNcc");
        List<OutputResult> results = new ArrayList<>();
        long[] shape = c.array("I").shape();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (var window : c.attribute("windows")) {
                int w = window.asInt();
                Evaluation e = new Evaluation(c, type);
                SDVariable i = e.variable("I");
                SDVariable j = e.variable("J");
                SDVariable loss = new LocalNcc(w).loss(i, j, (int) shape[0], SpatialSize.of(shape));
                e.expectValue(loss, "loss_w" + w);
                e.expectGradient(i, "grad_I_w" + w);
                e.expectGradient(j, "grad_J_w" + w);
                results.addAll(e.run(loss));
            }
        }
        return results;
    }
}
