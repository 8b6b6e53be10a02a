package org.gvsl.dl4j;

import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParamTableSourceTest {

    private final SameDiff sd = GraphRuntime.newGraph();
    private final SDVariable bias = sd.var("inc.doubleConv.0.bias", DataType.FLOAT, 8);
    private final ParamTableSource source = new ParamTableSource(Map.of(bias.name(), bias));

    @Test
    void answersWithDl4jsVariableAndNeverComputesTheInitialValues() {
        assertSame(bias, source.variable("unet.inc.double_conv.0.bias", new long[] {8}, () -> {
            throw new AssertionError("initial values computed");
        }));
    }

    @Test
    void aMissingOrMisshapenParameterIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> source.variable("unet.inc.double_conv.1.bias", new long[] {8}, () -> null));
        assertTrue(e.getMessage().contains("no 'inc.doubleConv.1.bias'"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> source.variable("unet.inc.double_conv.0.bias", new long[] {16}, () -> null));
        assertTrue(e.getMessage().contains("has shape [8]") && e.getMessage().contains("is [16]"), e.getMessage());
    }
}
