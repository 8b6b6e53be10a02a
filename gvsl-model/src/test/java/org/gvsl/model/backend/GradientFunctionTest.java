package org.gvsl.model.backend;

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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientFunctionTest {

    /** What {@code action} printed on {@code System.out}, which is restored afterwards whatever happens. */
    private static String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code loss = Σ w³} of {@code w = [1, -2, 3]}: its gradient is {@code 3w² = [3, 12, 27]}. */
    private static SameDiff cubeSum() {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable w = sd.var("w", Nd4j.createFromArray(1.0, -2.0, 3.0));
        sd.setLossVariables(w.mul(w).mul(w).sum().name());
        return sd;
    }

    @Test
    void sameDiffItselfPrintsALinePerOp() {
        SameDiff sd = cubeSum();
        String out = captured(sd::createGradFunction);
        assertTrue(out.lines().filter(l -> l.startsWith(GradientFunction.NOISE)).count() >= 3, out);
    }

    @Test
    void theGradientIsBuiltWithoutThoseLines() {
        SameDiff sd = cubeSum();
        String out = captured(() -> GraphRuntime.createGradientFunction(sd));
        assertEquals("", out);
        assertNotNull(sd.getFunction("grad"));
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "w");
        assertArrayEquals(new double[] {3, 12, 27}, g.get("w").castTo(DataType.DOUBLE).toDoubleVector(), 1e-12);
    }

    @Test
    void otherLinesPassInOrderAndStdoutComesBack() {
        PrintStream before = System.out;
        String out = captured(() -> {
            PrintStream outer = System.out;
            GradientFunction.quietly(() -> {
                System.out.println("first");
                System.out.println(GradientFunction.NOISE + "mul");
                System.out.print("second, ");
                System.out.print("in two parts → ok\n");
                System.out.println(GradientFunction.NOISE + "sum");
                System.out.println("  " + GradientFunction.NOISE + "is kept when not at the start");
                System.out.print("unterminated");
            });
            assertSame(outer, System.out);
            System.out.println(" and after");
        });
        assertEquals("first\nsecond, in two parts → ok\n  " + GradientFunction.NOISE
                + "is kept when not at the start\nunterminated and after\n", out.replace(System.lineSeparator(), "\n"));
        assertSame(before, System.out);
    }

    @Test
    void stdoutComesBackWhenTheBuildThrows() {
        String out = captured(() -> {
            PrintStream outer = System.out;
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> GraphRuntime.createGradientFunction(GraphRuntime.newGraph()));
            assertTrue(e.getMessage().contains("No loss variables"), e.getMessage());
            assertSame(outer, System.out);
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> GradientFunction.quietly(() -> {
                System.out.println("printed before");
                throw new RuntimeException("boom");
            }));
            assertEquals("boom", thrown.getMessage());
            assertSame(outer, System.out);
        });
        assertEquals("printed before\n", out.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void namedPlaceholdersGetTheirGradientsToo() {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 3);
        SDVariable w = sd.var("w", Nd4j.createFromArray(1.0, 2.0, 3.0));
        sd.setLossVariables(x.mul(w).sum().name());
        GraphRuntime.createGradientFunction(sd, "x");
        INDArray value = Nd4j.createFromArray(4.0, 5.0, 6.0);
        Map<String, INDArray> g = sd.calculateGradients(Map.of("x", value), List.of("x", "w"));
        assertEquals(w.getArr(), g.get("x"), "d(x·w)/dx = w");
        assertEquals(value, g.get("w"), "d(x·w)/dw = x");
    }
}
