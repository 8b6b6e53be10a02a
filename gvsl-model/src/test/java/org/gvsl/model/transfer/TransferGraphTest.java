package org.gvsl.model.transfer;

import org.gvsl.model.OneHot;
import org.gvsl.model.inference.SlidingWindowInference;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.gvsl.model.transfer.TransferGraphFactoryTest.SIZE;
import static org.gvsl.model.transfer.TransferGraphFactoryTest.classification;
import static org.gvsl.model.transfer.TransferGraphFactoryTest.segmentation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferGraphTest {

    @Test
    void inputsOfTheWrongShapeAreRejectedNamingBothShapes() {
        TransferGraph g = TransferGraphFactory.build(segmentation(TransferMode.LINEAR), SIZE);
        INDArray image = Nd4j.zeros(DataType.FLOAT, 2, 1, 8, 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.inputs(Nd4j.zeros(DataType.FLOAT, 2, 1, 8, 8, 9), OneHot.random(2, 3, SIZE, 0)));
        assertTrue(e.getMessage().contains("'image'") && e.getMessage().contains("[N, 1, 8, 8, 8]")
                && e.getMessage().contains("[2, 1, 8, 8, 9]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.inputs(image, OneHot.random(2, 4, SIZE, 0)));
        assertTrue(e.getMessage().contains("'labels'") && e.getMessage().contains("[2, 3, 8, 8, 8]")
                && e.getMessage().contains("[2, 4, 8, 8, 8]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.inputs(image, OneHot.random(1, 3, SIZE, 0)));
        assertTrue(e.getMessage().contains("[1, 3, 8, 8, 8]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.predict(Nd4j.zeros(DataType.FLOAT, 1, 2, 8, 8, 8)));
        assertTrue(e.getMessage().contains("[1, 2, 8, 8, 8]"), e.getMessage());
        TransferGraph c = TransferGraphFactory.build(classification(TransferMode.LINEAR), SIZE);
        e = assertThrows(IllegalArgumentException.class, () -> c.inputs(image, Nd4j.zeros(DataType.FLOAT, 2, 3)));
        assertTrue(e.getMessage().contains("[2, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void theWindowPredictorIsTheGraphsPrediction() {
        TransferGraph g = TransferGraphFactory.build(segmentation(TransferMode.FINE_TUNE), SIZE);
        INDArray volume = Nd4j.rand(DataType.FLOAT, 1, 8, 8, 8);
        SlidingWindowInference one = SlidingWindowInference.builder().setWindow(SIZE).build();
        INDArray p = one.run(volume, g.windowPredictor()).probabilities();
        INDArray expected = g.predict(volume.reshape(1, 1, 8, 8, 8)).reshape(3, 8, 8, 8);
        assertArrayEquals(new long[] {3, 8, 8, 8}, p.shape());
        assertEquals(0.0, expected.sub(p).amaxNumber().doubleValue(), 0.0);
        TransferGraph c = TransferGraphFactory.build(classification(TransferMode.LINEAR), SIZE);
        IllegalStateException e = assertThrows(IllegalStateException.class, c::windowPredictor);
        assertTrue(e.getMessage().contains("CLASSIFICATION"), e.getMessage());
    }
}
