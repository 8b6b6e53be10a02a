package org.gvsl.data.loader;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledBatchTest {

    private static LabelledCrop crop(float[] image, float[] labels, String name) {
        VolumeShape s = new VolumeShape(1, 1, image.length);
        return new LabelledCrop(new Volume(s, image, VolumeGeometry.unit()), new Volume(s, labels, VolumeGeometry.unit()),
                name);
    }

    @Test
    void stacksImagesAndLabelsAndEncodesOneHot() {
        try (LabelledBatch b = LabelledBatch.of(7, List.of(crop(new float[] {0.5f, 0.25f, 1}, new float[] {0, 2, 1}, "a"),
                crop(new float[] {0, 0, 0}, new float[] {1, 1, 0}, "b")), 3)) {
            assertEquals(7, b.step());
            assertEquals(List.of("a", "b"), b.sources());
            assertArrayEquals(new float[] {0.5f, 0.25f, 1, 0, 0, 0}, b.image().data().asFloat(), 0f);
            assertArrayEquals(new int[] {0, 2, 1, 1, 1, 0}, b.labels().data().asInt());
            INDArray hot = b.oneHot();
            assertArrayEquals(new long[] {2, 3, 1, 1, 3}, hot.shape());
            // sample 0: class 0 at voxel 0, class 2 at voxel 1, class 1 at voxel 2
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0,   0, 0, 1, 1, 1, 0, 0, 0, 0},
                    hot.data().asFloat(), 0f);
        }
    }

    @Test
    void labelsOutsideTheClassesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelledBatch.of(0, List.of(crop(new float[] {0, 0}, new float[] {0, 3}, "case_4")), 3));
        assertTrue(e.getMessage().contains("case_4") && e.getMessage().contains("3.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LabelledBatch.oneHot(Nd4j.createFromArray(new int[] {0, -1}).reshape(1, 1, 1, 2), 2));
        assertTrue(e.getMessage().contains("label -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LabelledBatch.oneHot(Nd4j.zeros(2, 2), 2));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }
}
