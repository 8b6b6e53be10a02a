package org.gvsl.data.tensor;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TensorFormatTest {

    @Test
    void theNameDecides() throws VolumeFileException {
        assertEquals(TensorFormat.NPY, TensorFormat.of(Path.of("out/F.npy")));
        assertEquals(TensorFormat.NPY, TensorFormat.of(Path.of("F.NPY")));
        assertEquals(TensorFormat.NIFTI, TensorFormat.of(Path.of("phi.nii.gz")));
        assertEquals(TensorFormat.NIFTI, TensorFormat.of(Path.of("w.nii")));
        VolumeFileException e = assertThrows(VolumeFileException.class, () -> TensorFormat.of(Path.of("x.npz")));
        assertEquals("x.npz: an array file name must end in .npy, .nii or .nii.gz", e.getMessage());
    }
}
