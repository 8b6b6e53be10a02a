package org.gvsl.selfcheck.model;

import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Case {@code unet}: global and local features of the narrow U-Net for three input sizes (odd pads, an axis of 1). */
public final class UnetCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "unet";
    }

    @Override
    public List<OutputResult> run(ReferenceCase c) {
        Map<String, INDArray> weights = ReferenceWeights.of(c);
        UNetWidths widths = UNetWidths.of(widthsOf(weights));
        List<OutputResult> results = new ArrayList<>();
        for (int i = 0; c.hasArray("x" + i); i++) {
            Evaluation e = new Evaluation(c, DataType.FLOAT);
            UNet3D unet = new UNet3D(new ParameterFactory(e.sd, DataType.FLOAT, 0), "unet", widths);
            UNet3D.Features features = unet.forward(e.constant("x" + i), SpatialSize.of(c.array("x" + i).shape()));
            ModelWeights.assign(e.sd, weights, true);
            e.expectValue(features.global(), "g" + i);
            e.expectValue(features.local(), "f" + i);
            results.addAll(e.runForward());
        }
        return results;
    }

    /** The widths c0..c8 read off the U-Net weights' output channels. */
    static int[] widthsOf(Map<String, INDArray> weights) {
        String[] blocks = {"unet.inc", "unet.down1.maxpool_conv.1", "unet.down2.maxpool_conv.1",
                "unet.down3.maxpool_conv.1", "unet.down4.maxpool_conv.1", "unet.up1.conv", "unet.up2.conv",
                "unet.up3.conv", "unet.up4.conv"};
        int[] widths = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            INDArray w = weights.get(blocks[i] + ".double_conv.0.weight");
            if (w == null) {
                throw new IllegalArgumentException("weights lack " + blocks[i] + ".double_conv.0.weight");
            }
            widths[i] = (int) w.shape()[0];
        }
        return widths;
    }
}
