package org.gvsl.selfcheck.model;

import org.gvsl.model.losses.Smoothness;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/** Case {@code smooth}: the smoothness loss of a random field and its gradient. */
public final class SmoothCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "smooth";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        long[] shape = c.array("u").shape();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Evaluation e = new Evaluation(c, type);
            SDVariable u = e.variable("u");
            SDVariable loss = Smoothness.loss(u, (int) shape[0], SpatialSize.of(shape));
            e.expectValue(loss, "loss");
            e.expectGradient(u, "grad_u");
            results.addAll(e.run(loss));
        }
        return results;
    }
}
