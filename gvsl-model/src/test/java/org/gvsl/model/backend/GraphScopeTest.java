package org.gvsl.model.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphScopeTest {

    @Test
    void opsAddedInsideAPartAreNamedAfterItAndNestedPartsJoinWithSlashes() {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable w = sd.var("net.weight", Nd4j.ones(2));
        SDVariable y = GraphScope.in(sd, "unet", () -> GraphScope.in(sd, "down1", () -> w.mul(2.0)));
        SDVariable z = GraphScope.in(sd, "ncc", () -> y.add(1.0));
        assertTrue(y.name().startsWith("unet/down1/"), y.name());
        assertTrue(z.name().startsWith("ncc/"), z.name());
        assertEquals("net.weight", w.name());
        assertNull(sd.currentNameScope());
    }

    @Test
    void thePartIsClosedWhenItsBodyThrows() {
        SameDiff sd = GraphRuntime.newGraph();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GraphScope.in(sd, "warp", () -> {
            throw new IllegalStateException("bad shape");
        }));
        assertEquals("bad shape", e.getMessage());
        assertNull(sd.currentNameScope());
    }
}
