package org.gvsl.selfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Case {@code groupnorm}: GroupNorm of {@code x} for each group count of the case's {@code groups}, with that
 * count's γ, β ({@code gamma_gG}, {@code beta_gG}) against {@code y_gG}. The case's {@code eps} must be the one
 * {@link GroupNorm} implements.
 */
public final class GroupNormCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "groupnorm";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        c.requireAttribute("eps", GroupNorm.EPSILON, "GroupNorm");
        List<OutputResult> results = new ArrayList<>();
        long[] shape = c.array("x").shape();
        int channels = (int) shape[1];
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (JsonNode count : c.attribute("groups")) {
                int groups = count.asInt();
                Evaluation e = new Evaluation(c, type);
                GroupNorm norm = new GroupNorm(new ParameterFactory(e.sd, type, 0), "gn", groups, channels);
                ModelWeights.assign(e.sd, Map.of("gn.weight", c.array("gamma_g" + groups),
                        "gn.bias", c.array("beta_g" + groups)), false);
                e.expectValue(norm.forward(e.constant("x"), SpatialSize.of(shape)), "y_g" + groups);
                results.addAll(e.runForward());
            }
        }
        return results;
    }
}
