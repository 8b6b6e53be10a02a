package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        String notANumber = assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(nan, file, NiftiDataType.INT16))
                .getMessage();
        assertTrue(notANumber.contains("voxel 0 = NaN cannot be stored as int16 (needs an integer in -32768..32767)"), notANumber);
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
        String e = assertThrows(IllegalArgumentException.class, () -> NiftiWriter.write(
                sample(NiftiDataType.FLOAT32, VolumeGeometry.unit()), dir.resolve("v.img"), NiftiDataType.FLOAT32)).getMessage();
        assertEquals("NIfTI file name must end in .nii or .nii.gz: " + dir.resolve("v.img"), e);
        assertFalse(Files.exists(dir.resolve("v.img")));
    }

    /**
     * Every datatype, through both formats, both byte orders, {@code .nii} and {@code .nii.gz}, oblique and sheared
     * affines, scaling and extensions: nibabel reads each file as our reader does (the header fields, shape,
     * spacing, affine and qform, and every voxel value).
     */
    @Test
    void nibabelReadsWhatWeWrite() throws IOException, InterruptedException {
        assumeTrue(Nibabel.installed(), "python3-nibabel is not installed (apt-get install python3-nibabel)");
        double[][] sheared = {{1.2, 0.3, 0, -5}, {0, 1.1, 0.2, 6}, {0.1, 0, 2, -7}, {0, 0, 0, 1}};
        // right-handed, 40 degrees about the z axis after 20 about x: a quaternion with a well away from 0
        double c4 = Math.cos(Math.toRadians(40));
        double s4 = Math.sin(Math.toRadians(40));
        double c2 = Math.cos(Math.toRadians(20));
        double s2 = Math.sin(Math.toRadians(20));
        VolumeGeometry turned = new VolumeGeometry(new double[] {2.5, 1.25, 0.75}, new double[][] {
            {0.75 * c4, -1.25 * s4 * c2, 2.5 * s4 * s2, 3}, {0.75 * s4, 1.25 * c4 * c2, -2.5 * c4 * s2, -4},
            {0, 1.25 * s2, 2.5 * c2, 5}, {0, 0, 0, 1}});
        List<Path> files = new ArrayList<>();
        NiftiDataType[] types = NiftiDataType.values();
        for (int i = 0; i < types.length; i++) {
            NiftiFormat format = NiftiFormat.values()[i % 2];
            ByteOrder order = i / 2 % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            VolumeGeometry geometry = i % 3 == 2 ? new VolumeGeometry(new double[] {2, 1.1, 1.2}, sheared)
                    : i % 3 == 1 ? oblique() : turned;
            NiftiWriter.Builder writer = NiftiWriter.builder().optDataType(types[i]).optFormat(format).optByteOrder(order)
                    .optDescription("case " + i);
            if (types[i].isInteger() && i % 2 == 0) {
                writer.optScaling(0.5, -3);
            }
            if (i % 4 == 1) {
                writer.optExtension(new NiftiExtension(6, ("comment " + i).getBytes(StandardCharsets.US_ASCII)));
            }
            Path file = dir.resolve(i + "-" + types[i].label() + "-" + format + "-" + order + (i % 3 == 0 ? ".nii.gz" : ".nii"));
            writer.build().writeTo(sample(types[i], geometry), file);
            files.add(file);
        }
        List<JsonNode> views = Nibabel.describe(files);
        assertEquals(files.size(), views.size());
        for (int i = 0; i < files.size(); i++) {
            JsonNode theirs = views.get(i);
            NiftiImage ours = NiftiReader.builder().build().read(files.get(i));
            NiftiHeader h = ours.header();
            String name = files.get(i).getFileName().toString();
            assertEquals(name, theirs.get("file").asText());
            assertEquals(h.format().name(), theirs.get("format").asText(), name);
            assertEquals(h.byteOrder().toString(), theirs.get("byteOrder").asText(), name);
            assertEquals(h.datatype().label(), theirs.get("datatype").asText(), name);
            assertEquals(h.voxOffset(), theirs.get("voxOffset").asLong(), name);
            assertEquals(h.description(), theirs.get("description").asText(), name);
            assertEquals(h.qformCode(), theirs.get("qformCode").asInt(), name);
            assertEquals(h.sformCode(), theirs.get("sformCode").asInt(), name);
            assertEquals(h.hasScaling() ? h.sclSlope() : 1, theirs.get("sclSlope").asDouble(), name);
            assertEquals(h.hasScaling() ? h.sclInter() : 0, theirs.get("sclInter").asDouble(), name);
            Nibabel.assertExtensions(theirs.get("extensions"), h.extensions(), name);
            VolumeShape shape = ours.volume().shape();
            assertArrayEquals(new double[] {shape.depth(), shape.height(), shape.width()}, Nibabel.doubles(theirs.get("shape")), name);
            assertArrayEquals(ours.volume().geometry().spacing(), Nibabel.doubles(theirs.get("spacing")), 1e-6, name);
            double tolerance = h.format() == NiftiFormat.NIFTI_1 ? 1e-5 : 1e-12; // NIfTI-1 stores float32
            Nibabel.assertAffine(theirs.get("affine"), ours.volume().geometry().affine(), tolerance, name);
            if (h.qformCode() > 0) {
                NiftiQform q = h.qform();
                assertArrayEquals(new double[] {q.b(), q.c(), q.d()}, Nibabel.doubles(theirs.get("quatern")), 0, name);
                assertEquals(q.qfac(), theirs.get("qfac").asDouble(), name);
                Nibabel.assertAffine(theirs.get("qform"), ours.volume().geometry().affine(),
                        tolerance + Nibabel.halfTurnError(h), name + " qform");
            }
            assertEquals(i % 3 != 2, h.qformCode() > 0, name + ": a qform exactly where the affine has one");
            double[] values = Nibabel.doubles(theirs.get("values"));
            float[] read = ours.volume().toArray();
            for (int v = 0; v < values.length; v++) {
                assertEquals(read[v], (float) values[v], name + ": voxel " + v);
            }
        }
    }

    static void assertAffineClose(double[][] expected, double[][] actual) {
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-5, "affine row " + r);
        }
    }
}
