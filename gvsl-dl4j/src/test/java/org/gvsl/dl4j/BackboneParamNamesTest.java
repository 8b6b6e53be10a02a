package org.gvsl.dl4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackboneParamNamesTest {

    @Test
    void referenceNamesMapToNamesWithoutUnderscoreAndBack() {
        assertEquals("inc.doubleConv.0.weight", BackboneParamNames.toDl4j("unet.inc.double_conv.0.weight"));
        assertEquals("down2.maxpoolConv.1.doubleConv.4.bias",
                BackboneParamNames.toDl4j("unet.down2.maxpool_conv.1.double_conv.4.bias"));
        assertEquals("unet.up4.conv.double_conv.3.weight",
                BackboneParamNames.toReference("up4.conv.doubleConv.3.weight"));
    }

    @Test
    void everyTensorOfTheUNetRoundTrips() {
        var names = ReferenceBackbone.backbone().weights().keySet();
        assertEquals(72, names.size(), "9 double convolutions × (2 convolutions + 2 GroupNorms) × (weight, bias)");
        for (String name : names) {
            String dl4j = BackboneParamNames.toDl4j(name);
            assertFalse(dl4j.contains("_"), dl4j);
            assertEquals(name, BackboneParamNames.toReference(dl4j));
        }
    }

    @Test
    void namesTheMappingCannotCarryAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackboneParamNames.toDl4j("out_flow.weight"));
        assertTrue(e.getMessage().contains("'out_flow.weight'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BackboneParamNames.toDl4j("unet.a__b"));
        assertTrue(e.getMessage().contains("'unet.a__b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BackboneParamNames.toReference("inc_conv"));
        assertTrue(e.getMessage().contains("'inc_conv'"), e.getMessage());
    }
}
