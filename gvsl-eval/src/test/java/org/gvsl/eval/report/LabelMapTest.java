package org.gvsl.eval.report;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelMapTest {

    private static final VolumeShape SHAPE = new VolumeShape(2, 2, 3);

    private static Path write(Path file, float[] voxels, NiftiDataType type, VolumeGeometry geometry) throws Exception {
        NiftiWriter.write(new Volume(SHAPE, voxels, geometry), file, type);
        return file;
    }

    private static void assertInputError(String expected, Executable call) {
        EvaluationInputException e = assertThrows(EvaluationInputException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void readsLabelsOfAnyDatatype(@TempDir Path dir) throws Exception {
        float[] voxels = {0, 3, 3, 0, 1, 0, 0, 0, 7, 0, 0, 1};
        for (NiftiDataType type : new NiftiDataType[] {NiftiDataType.UINT8, NiftiDataType.INT16, NiftiDataType.FLOAT32}) {
            LabelMap map = LabelMap.read(write(dir.resolve(type + ".nii.gz"), voxels, type, VolumeGeometry.unit()));
            assertArrayEquals(new int[] {0, 3, 3, 0, 1, 0, 0, 0, 7, 0, 0, 1}, map.labels());
            assertEquals(SHAPE, map.shape());
            assertEquals(7, map.maxLabel());
            assertEquals(List.of(1, 3, 7), List.copyOf(map.foregroundLabels()));
            assertEquals(dir.resolve(type + ".nii.gz").toString(), map.source());
        }
    }

    @Test
    void rejectsWhatIsNotALabelMap(@TempDir Path dir) throws Exception {
        Path fraction = write(dir.resolve("fraction.nii"), new float[] {0, 1.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                NiftiDataType.FLOAT32, VolumeGeometry.unit());
        assertInputError(fraction + ": not a label map: voxel [d, h, w] = [0, 0, 1] is 1.5, not an integer",
                () -> LabelMap.read(fraction));
        Path negative = write(dir.resolve("negative.nii.gz"), new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -2, 0},
                NiftiDataType.INT16, VolumeGeometry.unit());
        assertInputError(negative + ": not a label map: voxel [d, h, w] = [1, 1, 1] has the negative label -2",
                () -> LabelMap.read(negative));
        Path huge = write(dir.resolve("huge.nii"), new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e8f},
                NiftiDataType.FLOAT32, VolumeGeometry.unit());
        assertInputError(huge + ": not a label map: voxel [d, h, w] = [1, 1, 2] has the label 100000000, above the "
                + "largest label 16777216", () -> LabelMap.read(huge));
        assertInputError("labels: not a label map: voxel [d, h, w] = [0, 0, 2] has the negative label -1",
                () -> LabelMap.of("labels", SHAPE, VolumeGeometry.unit(), new int[] {0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void namesTheFileTheReaderCannotRead(@TempDir Path dir) throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.nii.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertInputError(corrupt + ": corrupt or truncated gzip stream", () -> LabelMap.read(corrupt));
        Path shortFile = Files.write(dir.resolve("short.nii"), new byte[10]);
        assertInputError(shortFile + ": ", () -> LabelMap.read(shortFile));
        assertInputError(dir.resolve("none.nii") + ": no such file", () -> LabelMap.read(dir.resolve("none.nii")));
    }

    @Test
    void checksThatTwoMapsAreOnTheSameGrid() throws Exception {
        int[] labels = new int[SHAPE.voxelCount()];
        LabelMap map = LabelMap.of("pred/x.nii", SHAPE, VolumeGeometry.ofSpacing(1, 1, 2), labels);
        LabelMap other = LabelMap.of("labels/x.nii", new VolumeShape(2, 3, 2), VolumeGeometry.ofSpacing(1, 1, 2),
                new int[12]);
        assertInputError("pred/x.nii: shape [2, 2, 3] differs from labels/x.nii's [2, 3, 2]",
                () -> map.requireSameGrid(other));
        LabelMap spacing = LabelMap.of("labels/x.nii", SHAPE, VolumeGeometry.ofSpacing(1, 1, 2.5), labels);
        assertInputError("pred/x.nii: spacing (1.000, 1.000, 2.000) mm differs from labels/x.nii's (1.000, 1.000, "
                + "2.500) mm", () -> map.requireSameGrid(spacing));
        LabelMap shifted = LabelMap.of("labels/x.nii", SHAPE, VolumeGeometry.ofSpacing(1, 1, 2).shifted(0, 0, 1),
                labels);
        assertInputError("pred/x.nii: affine differs from labels/x.nii's at row 0, column 3: 0.0 vs 2.0 (tolerance "
                + "0.001 mm)", () -> map.requireSameGrid(shifted));
        // within the tolerance: float32 rounding of a header
        double[][] affine = VolumeGeometry.ofSpacing(1, 1, 2).affine();
        affine[0][3] += 1e-5;
        affine[1][1] -= 1e-6;
        map.requireSameGrid(LabelMap.of("labels/x.nii", SHAPE,
                new VolumeGeometry(new double[] {1, 1, 2 + 1e-6}, affine), labels));
    }

    @Test
    void checksTheLabelRange() throws Exception {
        LabelMap map = LabelMap.of("m", SHAPE, VolumeGeometry.unit(), new int[] {0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0});
        map.requireLabelsUpTo(4);
        assertInputError("m: voxel [d, h, w] = [1, 0, 1] has the label 4, outside the 3 classes 0..3",
                () -> map.requireLabelsUpTo(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelMap.of("m", SHAPE, VolumeGeometry.unit(), new int[3]));
        assertTrue(e.getMessage().contains("m: 3 labels for shape [2, 2, 3] (12 voxels)"), e.getMessage());
    }
}
