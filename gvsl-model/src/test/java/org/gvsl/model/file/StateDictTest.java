package org.gvsl.model.file;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateDictTest {

    private static Map<String, INDArray> without(Map<String, INDArray> tensors, String... prefixes) {
        Map<String, INDArray> kept = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (List.of(prefixes).stream().noneMatch(k::startsWith)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    @Test
    void theReferenceDictIsTheFullNarrowModel() throws IOException {
        Map<String, INDArray> tensors = ReferenceDict.tensors();
        StateDict dict = StateDict.of(tensors, "ref");
        assertEquals(UNetWidths.NARROW, dict.widths());
        assertEquals(Variant.FULL, dict.variant().orElseThrow());
        assertFalse(dict.backboneOnly());
        assertEquals(104, dict.weights().size());
        assertSame(tensors.get("fc_rot.weight"), dict.weights().get("fc_rot.weight"), "float32 tensors are not copied");
        GvslConfig config = dict.config(GvslConfig.builder().optWidths(UNetWidths.PAPER).optVariant(Variant.NO_AFFINE)
                .optSeed(5).build());
        assertEquals(UNetWidths.NARROW, config.widths());
        assertEquals(Variant.FULL, config.variant());
        assertEquals(5, config.seed(), "the rest comes from the base");
    }

    @Test
    void theHeadsPresentDecideTheVariant() throws IOException {
        Map<String, INDArray> all = ReferenceDict.tensors();
        assertEquals(Variant.NO_RESTORATION, StateDict.of(without(all, "res_conv."), "x").variant().orElseThrow());
        assertEquals(Variant.NO_AFFINE, StateDict.of(without(all, "f_conv.", "fc_"), "x").variant().orElseThrow());
        assertEquals(Variant.RESTORATION_ONLY, StateDict.of(without(all, "f_conv.", "fc_", "sp_conv.", "out_flow."), "x")
                .variant().orElseThrow());
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> StateDict.of(without(all, "sp_conv.", "out_flow."), "x"));
        assertEquals("x: the heads present (affine true, deformable false, restoration true) form no GVSL variant:"
                + " the affine head needs the deformable head", e.getMessage());
    }

    @Test
    void aBackboneDictMayLackTheUnetPrefix() throws IOException {
        Map<String, INDArray> bare = new LinkedHashMap<>();
        ReferenceDict.tensors().forEach((k, v) -> {
            if (k.startsWith("unet.")) {
                bare.put(k.substring("unet.".length()), v);
            }
        });
        assertTrue(bare.containsKey("inc.double_conv.0.weight"));
        StateDict dict = StateDict.of(bare, "unet.npz");
        assertTrue(dict.backboneOnly());
        assertTrue(dict.variant().isEmpty());
        assertEquals(UNetWidths.NARROW, dict.widths());
        assertEquals(bare.size(), dict.weights().size());
        assertTrue(dict.weights().keySet().stream().allMatch(k -> k.startsWith("unet.")));
        assertSame(bare.get("inc.double_conv.0.weight"), dict.weights().get("unet.inc.double_conv.0.weight"));
    }

    @Test
    void missingUnexpectedAndMisshapenTensorsAreAllListed() throws IOException {
        Map<String, INDArray> tensors = ReferenceDict.tensors();
        tensors.remove("fc_rot.bias");
        tensors.remove("unet.up2.conv.double_conv.4.bias");
        tensors.put("extra.weight", Nd4j.zeros(DataType.FLOAT, 2));
        tensors.put("out_flow.weight", Nd4j.zeros(DataType.FLOAT, 3, 4, 3, 3, 1));
        tensors.put("res_conv.1.weight", Nd4j.zeros(DataType.INT32, 16));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> StateDict.of(tensors, "bad.npz"));
        assertEquals("bad.npz: does not match the GVSL model its shapes describe (widths [8, 16, 32, 64, 128, 64,"
                + " 32, 16, 8], variant FULL): tensors 2 missing [unet.up2.conv.double_conv.4.bias, fc_rot.bias];"
                + " 1 unexpected [extra.weight]; 1 of the wrong shape [out_flow.weight is [3, 4, 3, 3, 1], the model"
                + " needs [3, 4, 3, 3, 3]]; 1 not floating-point [res_conv.1.weight is INT]", e.getMessage());
    }

    @Test
    void theWidthsMustBeReadableAndValid() throws IOException {
        Map<String, INDArray> tensors = ReferenceDict.tensors();
        tensors.remove("unet.down2.maxpool_conv.1.double_conv.0.weight");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> StateDict.of(tensors, "a.npz"));
        assertTrue(e.getMessage().startsWith("a.npz: not a GVSL state dict: cannot read the U-Net widths without"
                + " [unet.down2.maxpool_conv.1.double_conv.0.weight]"), e.getMessage());

        Map<String, INDArray> odd = ReferenceDict.tensors();
        odd.put("unet.inc.double_conv.0.weight", Nd4j.zeros(DataType.FLOAT, 17, 1, 3, 3, 3));
        e = assertThrows(ModelFormatException.class, () -> StateDict.of(odd, "b.npz"));
        assertTrue(e.getMessage().startsWith("b.npz: the U-Net widths read off the tensors are not valid: every width"
                + " must be positive and divisible by its GroupNorm group count"), e.getMessage());

        Map<String, INDArray> flat = ReferenceDict.tensors();
        flat.put("unet.up4.conv.double_conv.0.weight", Nd4j.zeros(DataType.FLOAT, 8, 24));
        e = assertThrows(ModelFormatException.class, () -> StateDict.of(flat, "c.npz"));
        assertEquals("c.npz: unet.up4.conv.double_conv.0.weight has shape [8, 24], a 3-D convolution weight"
                + " [Cout, Cin, k, k, k] was expected", e.getMessage());

        e = assertThrows(ModelFormatException.class,
                () -> StateDict.of(Map.of("weight", Nd4j.zeros(DataType.FLOAT, 2)), "other.npz"));
        assertTrue(e.getMessage().startsWith("other.npz: not a GVSL state dict"), e.getMessage());
    }

    @Test
    void float64TensorsBecomeFloat32() throws IOException {
        Map<String, INDArray> doubles = new LinkedHashMap<>();
        ReferenceDict.tensors().forEach((k, v) -> doubles.put(k, v.castTo(DataType.DOUBLE)));
        StateDict dict = StateDict.of(doubles, "f64.npz");
        assertTrue(dict.weights().values().stream().allMatch(w -> w.dataType() == DataType.FLOAT));
        assertEquals(doubles.get("fc_shear.bias").getDouble(3), dict.weights().get("fc_shear.bias").getDouble(3), 1e-7);
    }
}
