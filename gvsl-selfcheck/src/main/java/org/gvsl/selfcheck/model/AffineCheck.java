package org.gvsl.selfcheck.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.model.heads.AffineDisplacement;
import org.gvsl.model.heads.AffineMatrix;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Case {@code affine}: raw values → A, L, a, fused Φ = a + L·u, and {@code ∂Σ(Φ·G)/∂raw}, for the batch of
 * {@code raw [N, 15]} on the case's {@code grid}.
 */
public final class AffineCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "affine";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        JsonNode grid = c.attribute("grid");
        SpatialSize size = new SpatialSize(grid.get(0).asInt(), grid.get(1).asInt(), grid.get(2).asInt());
        int batch = (int) c.array("raw").shape()[0];
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Evaluation e = new Evaluation(c, type);
            SDVariable raw = e.variable("raw");
            AffineMatrix affine = AffineMatrix.fromRaw(raw);
            AffineDisplacement displacement = new AffineDisplacement(affine, batch, size);
            SDVariable phi = displacement.fuse(e.constant("u"));
            e.expectValue(affine.asMatrix(), "A");
            e.expectValue(displacement.voxelMatrixXyz(), "L");
            e.expectValue(displacement.field(), "a");
            e.expectValue(phi, "phi");
            e.expectGradient(raw, "grad_raw");
            results.addAll(e.run(e.sumProduct(phi, "G")));
        }
        return results;
    }
}
