package org.gvsl.dl4j;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietSameDiffLayerTest {

    @Test
    void theFirstFitPrintsNoLinePerOp() {
        ComputationGraph net = Networks.regression(BackboneLayer.builder()
                .setWidths(UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4)).build(), 1e-3, 16, 16, 16);
        assertInstanceOf(QuietSameDiffLayer.class, net.getLayer(Networks.BACKBONE));
        DataSet pair = new DataSet(Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16),
                Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16));

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            net.fit(pair);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("Added differentiated op"), out.lines().limit(3).toList().toString());
        assertTrue(net.getLayer(Networks.BACKBONE).getGradientsViewArray().amaxNumber().doubleValue() > 0,
                "the backward pass ran");
    }
}
