package org.gvsl.data.preprocess;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CropWindowTest {

    private static Volume row(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return new Volume(new VolumeShape(1, 1, n), v, VolumeGeometry.unit());
    }

    @Test
    void centredCropCutsFloorHalfBeforeAndPaddingPadsFloorHalfBefore() {
        assertEquals(new CropWindow(0, 0, 1, new VolumeShape(1, 1, 3)),
                CropWindow.centred(new VolumeShape(1, 1, 6), new VolumeShape(1, 1, 3)));
        Volume cropped = CropWindow.centred(new VolumeShape(1, 1, 6), new VolumeShape(1, 1, 3)).extract(row(6));
        assertArrayEquals(new float[] {2, 3, 4}, cropped.toArray(), 0);
        Volume padded = CropWindow.centred(new VolumeShape(1, 1, 3), new VolumeShape(1, 1, 6)).extract(row(3));
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 0}, padded.toArray(), 0); // floor(3/2) = 1 before, 2 after
    }

    @Test
    void extractMovesTheGeometryAndPadsWithTheGivenValue() {
        CropWindow w = new CropWindow(0, 0, -2, new VolumeShape(1, 1, 4));
        Volume out = w.extract(row(3), -1);
        assertArrayEquals(new float[] {-1, -1, 1, 2}, out.toArray(), 0);
        assertArrayEquals(new double[] {-2, 0, 0}, out.geometry().worldOf(0, 0, 0), 0);
    }
}
