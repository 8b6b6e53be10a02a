package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {

    @Test
    void imageIsReorientedResampledAndNormalisedLabelsOnlyMoved() {
        VolumeGeometry las = new VolumeGeometry(new double[] {1, 1, 1},
                new double[][] {{-1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        Volume image = new Volume(new VolumeShape(1, 1, 4), new float[] {-1024, 0, 1024, 1024}, las);
        Preprocessing p = Preprocessing.builder().optTargetSpacing(1, 1, 2).optIntensity(CtIntensity.hounsfield()).build();
        Volume out = p.image(image);
        assertEquals("RAS", out.geometry().orientation());
        // reversed: 1024, 1024, 0, -1024; every other voxel: 1024, 0; normalised: 1, 0.5
        assertArrayEquals(new float[] {1, 0.5f}, out.toArray(), 1e-7f);
        Volume labels = new Volume(new VolumeShape(1, 1, 4), new float[] {0, 1, 2, 3}, las);
        assertArrayEquals(new float[] {3, 1}, p.labels(labels).toArray(), 0);
        String e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.builder().optTargetSpacing(1, -1, 1))
                .getMessage();
        assertTrue(e.contains("target spacing must be finite and positive, got [1.0, -1.0, 1.0]"), e);
    }
}
