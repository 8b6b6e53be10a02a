package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class GradientFunctionTest {

    @Test
    void buildsTheGradientWithoutNd4jsPerOpLinesAndRestoresStdout() {
        SameDiff sd = GradientCheck.graph();
        var w = sd.var("w", Nd4j.rand(3));
        sd.setLossVariables(w.mul(w).sum().name());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            GradientFunction.create(sd);
            System.out.println("after");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("Added differentiated op"), out);
        assertNotNull(sd.getFunction("grad"));
        assertFalse(out.isEmpty(), "the program's own output still passes");
        assertSame(original, System.out);
    }

    @Test
    void namedPlaceholdersGetTheirGradientsToo() {
        SameDiff sd = GradientCheck.graph();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 3);
        SDVariable w = sd.var("w", Nd4j.createFromArray(1.0, 2.0, 3.0));
        sd.setLossVariables(x.mul(w).sum().name());
        GradientFunction.create(sd, "x");
        INDArray value = Nd4j.createFromArray(4.0, 5.0, 6.0);
        Map<String, INDArray> g = sd.calculateGradients(Map.of("x", value), List.of("x", "w"));
        assertEquals(w.getArr(), g.get("x"), "d(x·w)/dx = w");
        assertEquals(value, g.get("w"), "d(x·w)/dw = x");
    }
}
