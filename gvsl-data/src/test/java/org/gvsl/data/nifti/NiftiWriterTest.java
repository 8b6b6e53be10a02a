package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiWriterTest {

    @TempDir
    Path dir;

    /** A volume of values every datatype can store: 0..120 for unsigned, −60..60 for signed types. */
    static Volume sample(NiftiDataType type, VolumeGeometry geometry) {
        VolumeShape shape = new VolumeShape(3, 4, 5);
        float[] v = new float[shape.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = type == NiftiDataType.FLOAT32 || type == NiftiDataType.FLOAT64 ? i * 0.37f - 5.5f
                    : type.minValue() < 0 ? 2 * i - 60 : 2 * i;
        }
        return new Volume(shape, v, geometry);
    }

    /**
     * An oblique, left-handed geometry (x mirrored, then rotated 30 degrees about z), anisotropic spacing (D, H, W) =
     * (3, 2, 1.5) and a non-zero origin: exercises qfac = -1 and a non-trivial quaternion.
     */
    static VolumeGeometry oblique() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        return new VolumeGeometry(new double[] {3, 2, 1.5},
                new double[][] {{-1.5 * c, -2 * s, 0, 20}, {-1.5 * s, 2 * c, 0, -11}, {0, 0, 3, 7.25}, {0, 0, 0, 1}});
    }

    @ParameterizedTest
    @EnumSource(NiftiDataType.class)
    void everyDatatypeRoundTripsThroughNiiAndNiiGz(NiftiDataType type) throws IOException {
        Volume original = sample(type, oblique());
        for (String name : List.of("v.nii", "v.nii.gz")) {
            Path file = dir.resolve(type + "-" + name);
            NiftiWriter.write(original, file, type);
            NiftiImage read = NiftiReader.builder().build().read(file);
            assertEquals(type, read.header().datatype());
            assertArrayEquals(original.toArray(), read.volume().toArray(), 0f, name);
            assertAffineClose(original.geometry().affine(), read.volume().geometry().affine());
            assertArrayEquals(original.geometry().spacing(), read.volume().geometry().spacing(), 1e-6);
        }
        assertEquals(0x1F, Files.readAllBytes(dir.resolve(type + "-v.nii.gz"))[0] & 0xFF, "gzip magic");
    }

    @ParameterizedTest
    @EnumSource(NiftiFormat.class)
    void bothFormatsAndByteOrdersRoundTrip(NiftiFormat format) throws IOException {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Volume original = sample(NiftiDataType.INT16, oblique());
            Path file = dir.resolve(format + "-" + order + ".nii.gz");
            NiftiWriter.builder().optFormat(format).optByteOrder(order).optDataType(NiftiDataType.INT16).build()
                    .writeTo(original, file);
            NiftiImage read = NiftiReader.builder().build().read(file);
            assertEquals(format, read.header().format());
            assertEquals(order, read.header().byteOrder());
            assertEquals(format.minimumVoxelOffset() + 12, read.header().voxOffset() + 12, "voxels right after the header");
            assertArrayEquals(original.toArray(), read.volume().toArray(), 0f);
            assertAffineClose(original.geometry().affine(), read.volume().geometry().affine());
        }
    }

    @Test
    void scalingIsAppliedOnReadAndRoundsOnWrite() throws IOException {
        Volume v = new Volume(new VolumeShape(1, 1, 4), new float[] {-1000, 0, 40.2f, 3071}, VolumeGeometry.unit());
        Path file = dir.resolve("scaled.nii");
        NiftiWriter.builder().optDataType(NiftiDataType.INT16).optScaling(0.5, -1024).build().writeTo(v, file);
        NiftiImage read = NiftiReader.builder().build().read(file);
        assertTrue(read.header().hasScaling());
        assertArrayEquals(new float[] {-1000, 0, 40, 3071}, read.volume().toArray(), 0f); // 40.2 rounds to 40 (step 0.5)
    }

    @Test
    void extensionsAreWrittenAndReadBack() throws IOException {
        byte[] comment = "made by a test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path file = dir.resolve("ext.nii");
        NiftiWriter.builder().optExtension(new NiftiExtension(6, comment)).optExtension(new NiftiExtension(4, new byte[40]))
                .build().writeTo(sample(NiftiDataType.FLOAT32, VolumeGeometry.unit()), file);
        NiftiHeader h = NiftiReader.readHeader(file);
        assertEquals(2, h.extensions().size());
        assertEquals(6, h.extensions().get(0).code());
        assertEquals("made by a test", new String(h.extensions().get(0).content(), java.nio.charset.StandardCharsets.US_ASCII).trim()
                .replace("\0", ""));
        assertEquals(352 + 32 + 48, h.voxOffset());
        assertArrayEquals(sample(NiftiDataType.FLOAT32, VolumeGeometry.unit()).toArray(), NiftiReader.readVolume(file).toArray(), 0f);
    }

    @Test
    void labelMapsRejectNonIntegersAndOutOfRangeValuesBeforeWriting() throws IOException {
        Volume half = new Volume(new VolumeShape(1, 1, 3), new float[] {0, 1.5f, 2}, VolumeGeometry.unit());
        Path file = dir.resolve("labels.nii.gz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(half, file, NiftiDataType.UINT8));
        assertTrue(e.getMessage().contains("voxel 1 = 1.5"), e.getMessage());
        Volume big = new Volume(new VolumeShape(1, 1, 2), new float[] {0, 300}, VolumeGeometry.unit());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(big, file, NiftiDataType.UINT8))
                .getMessage().contains("0..255"));
        Volume nan = new Volume(new VolumeShape(1, 1, 1), new float[] {Float.NaN}, VolumeGeometry.unit());
        assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(nan, file, NiftiDataType.INT16));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no output and no temporary file after a failed write");
        }
    }

    @Test
    void replacingAFileLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("v.nii");
        NiftiWriter.write(sample(NiftiDataType.FLOAT32, VolumeGeometry.unit()), file, NiftiDataType.FLOAT32);
        NiftiWriter.write(sample(NiftiDataType.UINT8, VolumeGeometry.unit()), file, NiftiDataType.UINT8);
        assertEquals(NiftiDataType.UINT8, NiftiReader.readHeader(file).datatype());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "the umask's permissions, not a temporary file's owner-only ones");
    }

    @Test
    void rejectsOtherFileNames() {
        assertThrows(IllegalArgumentException.class,
                () -> NiftiWriter.write(sample(NiftiDataType.FLOAT32, VolumeGeometry.unit()), dir.resolve("v.img"), NiftiDataType.FLOAT32));
        assertFalse(Files.exists(dir.resolve("v.img")));
    }

    static void assertAffineClose(double[][] expected, double[][] actual) {
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-5, "affine row " + r);
        }
    }

    @Test
    void vectorImagesFollowTheNiftiStandardAndReadBackComponentByComponent() throws IOException {
        VolumeGeometry geometry = oblique();
        List<Volume> components = List.of(sample(NiftiDataType.FLOAT32, geometry),
                sample(NiftiDataType.INT16, geometry), sample(NiftiDataType.UINT8, geometry));
        Path file = dir.resolve("field.nii.gz");
        NiftiWriter.builder().build().writeVectorTo(components, file);

        NiftiHeader header = NiftiReader.readHeader(file);
        assertArrayEquals(new long[] {5, 5, 4, 3, 1, 3, 1, 1}, header.dim(), "dim = [5, W, H, D, 1, C, 1, 1]");
        assertEquals(NiftiHeader.INTENT_VECTOR, header.intentCode());
        assertEquals(1007, NiftiHeader.INTENT_VECTOR);
        assertEquals(3, header.volumeCount());
        for (int c = 0; c < 3; c++) {
            NiftiImage read = NiftiReader.builder().optVolumeIndex(c).build().read(file);
            assertArrayEquals(components.get(c).toArray(), read.volume().toArray(), 0f, "component " + c);
            assertAffineClose(geometry.affine(), read.volume().geometry().affine());
        }
        assertEquals(0, NiftiReader.readHeader(dir.resolve(write(sample(NiftiDataType.FLOAT32, geometry)))).intentCode(),
                "a scalar image has no intent");
    }

    @Test
    void vectorComponentsMustShareShapeAndGeometry() {
        Volume a = sample(NiftiDataType.FLOAT32, oblique());
        Volume other = sample(NiftiDataType.FLOAT32, VolumeGeometry.unit());
        NiftiWriter writer = NiftiWriter.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.writeVectorTo(List.of(a, other), dir.resolve("bad.nii")));
        assertTrue(e.getMessage().contains("must share shape and geometry"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> writer.writeVectorTo(List.of(a), dir.resolve("one.nii")));
        assertTrue(e.getMessage().contains("at least two components, got 1"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.nii")));
    }

    private String write(Volume v) throws IOException {
        String name = "scalar.nii";
        NiftiWriter.builder().build().writeTo(v, dir.resolve(name));
        return name;
    }
}
