package org.gvsl.selfcheck.model;

import org.gvsl.model.blocks.TrilinearUpsample;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/** Case {@code upsample}: trilinear ×2 with aligned corners for every input {@code x0, x1, …} the case stores. */
public final class UpsampleCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "upsample";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        List<OutputResult> results = new ArrayList<>();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (int i = 0; c.hasArray("x" + i); i++) {
                Evaluation e = new Evaluation(c, type);
                SDVariable x = e.constant("x" + i);
                long[] shape = c.array("x" + i).shape();
                SDVariable y = TrilinearUpsample.upsample(x, (int) shape[1], SpatialSize.of(shape), type);
                e.expectValue(y, "y" + i);
                results.addAll(e.runForward());
            }
        }
        return results;
    }
}
