package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
}
