package org.gvsl.selfcheck.model;

import org.gvsl.model.blocks.GroupNorm;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Case {@code groupnorm}: GroupNorm with 2 and 4 groups and perturbed γ, β. */
public final class GroupNormCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "groupnorm";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        int channels = (int) c.array("x").shape()[1];
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int groups : new int[] {2, 4}) {
                Evaluation e = new Evaluation(c, type);
                GroupNorm norm = new GroupNorm(new ParameterFactory(e.sd, type, 0), "gn", groups, channels);
                ModelWeights.assign(e.sd, Map.of("gn.weight", c.array("gamma_g" + groups),
                        "gn.bias", c.array("beta_g" + groups)), false);
                e.expectValue(norm.forward(e.constant("x"), SpatialSize.of(c.array("x").shape())), "y_g" + groups);
                results.addAll(e.runForward());
            }
        }
        return results;
    }
}
