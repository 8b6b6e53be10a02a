package org.gvsl.benchmarks;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphPartsTest {

    @Test
    void forwardOpsTakeTheirScopeAndBackwardOpsThePartOfTheirInputs() {
        SameDiff sd = OpTraceTest.graph();
        OpTrace trace = OpTraceTest.fitOnce(sd);
        List<String> executed = trace.ops().stream().map(OpTrace.TracedOp::name).toList();
        GraphParts parts = new GraphParts(trace.graph(), new HashSet<>(sd.getOps().keySet()), executed);
        int backward = 0;
        for (String op : executed) {
            String type = trace.graph().getOps().get(op).getOp().opName();
            if (op.startsWith("scale/")) {
                assertEquals("scale", parts.ofOp(op));
                assertFalse(parts.backward(op), op);
            } else if (op.startsWith("loss/")) {
                assertEquals("loss", parts.ofOp(op));
            } else if (type.equals("multiply_bp")) {
                // Each backward op belongs to the forward op it differentiates: the square's (whose inputs are
                // the product twice) to the loss, the product's (inputs x and w) to scale.
                assertTrue(parts.backward(op), op);
                List<String> inputs = trace.graph().getOps().get(op).getInputsToOp();
                String expected = inputs.get(0).equals(inputs.get(1)) ? "loss" : "scale";
                assertEquals(expected, parts.ofOp(op), op + " " + inputs);
                backward++;
            }
        }
        assertEquals(2, backward);
        assertEquals(GraphParts.NONE, parts.ofOp("never-executed"));
        trace.stop();
    }
}
