package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiReaderTest {

    private static final NiftiFormat N1 = NiftiFormat.NIFTI_1;

    @TempDir
    Path dir;

    /** A valid little-endian NIfTI-1 float32 file of shape [2, 3, 4] (voxel value = index), patched by {@code edit}. */
    private Path file(String name, Consumer<ByteBuffer> edit) throws IOException {
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Path file = dir.resolve(name);
        NiftiWriter.write(new Volume(new VolumeShape(2, 3, 4), v, VolumeGeometry.unit()), file, NiftiDataType.FLOAT32);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(b);
        Files.write(file, b.array());
        return file;
    }

    private String failure(Path file) {
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.builder().build().read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "message names the file: " + e.getMessage());
        assertEquals(file.toString(), e.source());
        return e.getMessage();
    }

    @Test
    void readsDhwFromIjk() throws IOException {
        Volume v = NiftiReader.readVolume(file("ok.nii", b -> { }));
        assertEquals(new VolumeShape(2, 3, 4), v.shape());
        assertEquals(1, v.get(0, 0, 1)); // i is the fastest axis: W
        assertEquals(4, v.get(0, 1, 0));
        assertEquals(12, v.get(1, 0, 0));
    }

    @Test
    void emptyAndTruncatedHeaders() throws IOException {
        Path empty = dir.resolve("empty.nii");
        Files.write(empty, new byte[0]);
        assertTrue(failure(empty).contains("empty file"));
        Path shortFile = dir.resolve("short.nii");
        Files.write(shortFile, Arrays.copyOf(Files.readAllBytes(file("whole.nii", b -> { })), 200));
        assertTrue(failure(shortFile).contains("truncated header: 200 of 348 bytes"));
        assertTrue(failure(dir.resolve("missing.nii")).contains("no such file"));
    }

    @Test
    void badSizeAndMagic() throws IOException {
        assertTrue(failure(file("size.nii", b -> NiftiField.SIZEOF_HDR.putLong(b, N1, 1234)))
                .contains("not a NIfTI file: sizeof_hdr is 1234"));
        assertTrue(failure(file("magic.nii", b -> NiftiField.MAGIC.putString(b, N1, "x"))).contains("bad magic \"x+1\\x00\""));
        assertTrue(failure(file("pair.nii", b -> NiftiField.MAGIC.putString(b, N1, "ni"))).contains("two-file NIfTI"));
    }

    @Test
    void unsupportedDatatypeAndBitpixMismatch() throws IOException {
        assertTrue(failure(file("rgb.nii", b -> {
            NiftiField.DATATYPE.putLong(b, N1, 128);
            NiftiField.BITPIX.putLong(b, N1, 24);
        })).contains("unsupported datatype 128 (RGB24)"));
        assertTrue(failure(file("bitpix.nii", b -> NiftiField.BITPIX.putLong(b, N1, 16)))
                .contains("bitpix 16 disagrees with datatype float32 (32 bits)"));
    }

    @Test
    void dimsThatDisagreeWithTheByteCount() throws IOException {
        String shorter = failure(file("dims.nii", b -> NiftiField.DIM.putLong(b, N1, 2, 4)));
        assertTrue(shorter.contains("truncated: dim [3, 4, 4, 2, 1, 1, 1, 1] of float32 needs 128 bytes of voxels after vox_offset 352, the file has 96"),
                shorter);
        Path longer = dir.resolve("long.nii");
        byte[] ok = Files.readAllBytes(file("base.nii", b -> { }));
        Files.write(longer, Arrays.copyOf(ok, ok.length + 4));
        assertTrue(failure(longer).contains("too long"));
        assertTrue(failure(file("zero-dim.nii", b -> NiftiField.DIM.putLong(b, N1, 2, 0))).contains("dim[2] = 0"));
        assertTrue(failure(file("ndim.nii", b -> NiftiField.DIM.putLong(b, N1, 0, 9))).contains("dim[0] = 9"));
    }

    @Test
    void badPixdimOffsetAndExtension() throws IOException {
        assertTrue(failure(file("pixdim.nii", b -> NiftiField.PIXDIM.putDouble(b, N1, 1, 0))).contains("pixdim[1] = 0.0"));
        assertTrue(failure(file("offset.nii", b -> NiftiField.VOX_OFFSET.putLong(b, N1, 100))).contains("vox_offset 100.0"));
        assertTrue(failure(file("ext.nii", b -> {
            b.put(N1.headerSize(), (byte) 1); // the extension flag
            NiftiField.VOX_OFFSET.putLong(b, N1, 368);
        })).contains("extension at byte 352 has esize 0"));
    }

    @Test
    void truncatedGzipStream() throws IOException {
        Path gz = dir.resolve("v.nii.gz");
        NiftiWriter.write(NiftiReader.readVolume(file("plain.nii", b -> { })), gz, NiftiDataType.FLOAT32);
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failure(gz).contains("corrupt or truncated gzip stream"));
    }

    @Test
    void nonFiniteVoxelsAreRejectedOrReplaced() throws IOException {
        Path file = file("nan.nii", b -> b.putFloat(352 + 4 * 13, Float.NaN).putFloat(352 + 4 * 20, Float.NEGATIVE_INFINITY));
        assertTrue(failure(file).contains("2 voxel(s) are NaN or infinite (first at [d, h, w] = [1, 0, 1])"));
        NiftiImage cleaned = NiftiReader.builder().optNonFinite(NonFiniteVoxels.REPLACE_WITH_ZERO).build().read(file);
        assertEquals(2, cleaned.replacedNonFinite());
        assertEquals(0, cleaned.volume().get(13));
        assertEquals(14, cleaned.volume().get(14));
    }

    @Test
    void fourDimensionalFilesNeedAVolumeIndex() throws IOException {
        Path base = file("3d.nii", b -> { });
        byte[] one = Files.readAllBytes(base);
        ByteBuffer two = ByteBuffer.allocate(one.length + 96).order(ByteOrder.LITTLE_ENDIAN);
        two.put(one);
        for (int i = 0; i < 24; i++) {
            two.putFloat(100 + i);
        }
        NiftiField.DIM.putLong(two, N1, 0, 4);
        NiftiField.DIM.putLong(two, N1, 4, 2);
        Path file = dir.resolve("4d.nii");
        Files.write(file, two.array());
        assertTrue(failure(file).contains("holds 2 3-D volumes"));
        NiftiImage second = NiftiReader.builder().optVolumeIndex(1).build().read(file);
        assertEquals(1, second.volumeIndex());
        assertEquals(100, second.volume().get(0));
        assertEquals(123, second.volume().get(23));
        assertTrue(assertThrows(NiftiFormatException.class, () -> NiftiReader.builder().optVolumeIndex(2).build().read(file))
                .getMessage().contains("volume index 2 requested, but the file holds 2 volumes (0..1)"));
        String negative = assertThrows(IllegalArgumentException.class, () -> NiftiReader.builder().optVolumeIndex(-1)).getMessage();
        assertTrue(negative.contains("volume index must be >= 0, got -1"), negative);
    }

    static List<JsonNode> nibabelFixtures() {
        return Nibabel.fixtureFiles();
    }

    /** Files nibabel wrote (make_fixtures.py) read as nibabel reads them (fixtures.json). */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("nibabelFixtures")
    void readsFilesWrittenByNibabel(JsonNode expected) throws IOException {
        String name = expected.get("file").asText();
        NiftiImage image = NiftiReader.builder().build().read(Nibabel.resource(name));
        NiftiHeader h = image.header();
        assertEquals(expected.get("format").asText(), h.format().name(), name);
        assertEquals(expected.get("byteOrder").asText(), h.byteOrder().toString(), name);
        assertEquals(expected.get("datatype").asText(), h.datatype().label(), name);
        assertEquals(expected.get("voxOffset").asLong(), h.voxOffset(), name);
        assertEquals(expected.get("description").asText(), h.description(), name);
        assertEquals(expected.get("qformCode").asInt(), h.qformCode(), name);
        assertEquals(expected.get("sformCode").asInt(), h.sformCode(), name);
        assertEquals(h.sformCode() > 0 ? "sform" : "qform", h.affineSource(), name);
        double slope = expected.get("sclSlope").asDouble();
        double inter = expected.get("sclInter").asDouble();
        assertEquals(slope != 1 || inter != 0, h.hasScaling(), name);
        if (h.hasScaling()) {
            assertEquals(slope, h.sclSlope(), name);
            assertEquals(inter, h.sclInter(), name);
        }
        Nibabel.assertExtensions(expected.get("extensions"), h.extensions(), name);

        Volume v = image.volume();
        int[] shape = {v.shape().depth(), v.shape().height(), v.shape().width()};
        assertArrayEquals(Nibabel.doubles(expected.get("shape")), Arrays.stream(shape).asDoubleStream().toArray(), name);
        assertArrayEquals(Nibabel.doubles(expected.get("spacing")), v.geometry().spacing(), 1e-6, name);
        Nibabel.assertAffine(expected.get("affine"), v.geometry().affine(), 1e-9, name);
        double[] values = Nibabel.doubles(expected.get("values"));
        float[] ours = v.toArray();
        assertEquals(values.length, ours.length, name);
        for (int i = 0; i < values.length; i++) {
            assertEquals((float) values[i], ours[i], name + ": voxel " + i);
        }
        if (h.qformCode() > 0) { // the qform by itself (sform_code set to 0), as nibabel decodes it
            ByteBuffer bytes = ByteBuffer.wrap(gunzip(Files.readAllBytes(Nibabel.resource(name)))).order(h.byteOrder());
            NiftiField.SFORM_CODE.putLong(bytes, h.format(), 0);
            NiftiHeader qform = NiftiHeader.decode(bytes, name);
            assertEquals("qform", qform.affineSource(), name);
            Nibabel.assertAffine(expected.get("qform"), qform.affine(), 1e-9, name + " qform");
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        if ((bytes[0] & 0xFF) != 0x1F) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Path gz = dir.resolve("really-gzip.nii.gz");
        NiftiWriter.write(NiftiReader.readVolume(file("p.nii", b -> { })), gz, NiftiDataType.FLOAT32);
        Path misnamed = dir.resolve("misnamed.nii");
        Files.copy(gz, misnamed);
        assertArrayEquals(NiftiReader.readVolume(gz).toArray(), NiftiReader.readVolume(misnamed).toArray(), 0f);
    }
}
