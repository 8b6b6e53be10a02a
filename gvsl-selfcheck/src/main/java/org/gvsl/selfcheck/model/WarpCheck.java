package org.gvsl.selfcheck.model;

import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.warp.TrilinearWarp;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/** Case {@code warp}: values and both gradients of {@code Σ(warp(image, Φ)·G)}, 46% of samples out of bounds. */
public final class WarpCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "warp";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        long[] shape = c.array("image").shape();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Evaluation e = new Evaluation(c, type);
            SDVariable image = e.variable("image");
            SDVariable phi = e.variable("phi");
            SDVariable warped = TrilinearWarp.warp(image, phi, (int) shape[0], (int) shape[1], SpatialSize.of(shape));
            e.expectValue(warped, "warped");
            e.expectGradient(image, "grad_image");
            e.expectGradient(phi, "grad_phi");
            results.addAll(e.run(e.sumProduct(warped, "G")));
        }
        return results;
    }
}
