package org.gvsl.model.backend;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphRuntimeTest {

    @Test
    void aGraphComesBackFromItsFlatBuffersWithItsValues() throws IOException {
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 2);
        sd.var("w", Nd4j.createFromArray(3f, 4f)).mul(x).rename("y");
        ByteBuffer flat = sd.asFlatBuffers(false);
        byte[] bytes = Arrays.copyOfRange(flat.array(), flat.position(), flat.limit());
        SameDiff loaded = GraphRuntime.load(bytes, "test");
        assertEquals(Nd4j.createFromArray(6f, 4f), loaded.output(Map.of("x", Nd4j.createFromArray(2f, 1f)), "y")
                .get("y"));
    }

    @Test
    void bytesThatAreNoGraphAreNamed() {
        IOException e = assertThrows(IOException.class, () -> GraphRuntime.load(new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                "m.gvsl!graph.fb"));
        assertTrue(e.getMessage().startsWith("cannot read m.gvsl!graph.fb as a SameDiff graph: "), e.getMessage());
    }
}
