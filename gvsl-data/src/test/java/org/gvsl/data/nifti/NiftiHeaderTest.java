package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NiftiHeaderTest {

    @TempDir
    Path dir;

    @Test
    void affinePriorityIsSformThenQformThenPixdim() throws IOException {
        VolumeGeometry g = NiftiWriterTest.oblique();
        Path file = dir.resolve("g.nii");
        NiftiWriter.write(Volume.zeros(new VolumeShape(2, 2, 2), g), file, NiftiDataType.UINT8);
        NiftiHeader both = NiftiReader.readHeader(file);
        assertEquals("sform", both.affineSource());
        assertEquals(-1, both.pixdim()[0], "a mirrored axis: qfac -1");

        patch(file, b -> NiftiField.SFORM_CODE.putLong(b, NiftiFormat.NIFTI_1, 0)); // the qform remains
        NiftiHeader qform = NiftiReader.readHeader(file);
        assertEquals("qform", qform.affineSource());
        NiftiWriterTest.assertAffineClose(g.affine(), qform.affine());

        patch(file, b -> NiftiField.QFORM_CODE.putLong(b, NiftiFormat.NIFTI_1, 0));
        NiftiHeader none = NiftiReader.readHeader(file);
        assertEquals("pixdim", none.affineSource());
        NiftiWriterTest.assertAffineClose(new double[][] {{1.5, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, 1}}, none.affine());
    }

    @Test
    void shearedAffineIsWrittenAsSformOnly() {
        double[][] sheared = {{1, 0.3, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        NiftiHeader h = NiftiHeader.describe(VolumeShape.cube(2), new VolumeGeometry(new double[] {1, 1, 1}, sheared),
                NiftiDataType.FLOAT32, NiftiFormat.NIFTI_1, ByteOrder.LITTLE_ENDIAN, 1, 0, "", List.of());
        assertEquals(0, h.qformCode());
        assertEquals(NiftiHeader.XFORM_ALIGNED_ANAT, h.sformCode());
        NiftiWriterTest.assertAffineClose(sheared, h.affine());
    }

    private static void patch(Path file, java.util.function.Consumer<ByteBuffer> edit) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(b);
        Files.write(file, b.array());
    }
}
