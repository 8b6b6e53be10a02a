package org.gvsl.data.tensor;

import org.gvsl.data.nifti.NiftiFiles;

import java.nio.file.Path;
import java.util.Locale;

/** The two file kinds of arrays, told by the file name: NumPy {@code .npy}, or NIfTI {@code .nii}/{@code .nii.gz}. */
public enum TensorFormat {
    /** A NumPy array file ({@code .npy}), any shape. */
    NPY,
    /** A NIfTI image ({@code .nii}, {@code .nii.gz}) on a grid with a geometry. */
    NIFTI;

    /**
     * The kind a file name asks for.
     *
     * @throws VolumeFileException when the name ends in none of {@code .npy}, {@code .nii}, {@code .nii.gz}
     */
    public static TensorFormat of(Path file) throws VolumeFileException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return NPY;
        }
        if (NiftiFiles.isNiftiName(file)) {
            return NIFTI;
        }
        throw new VolumeFileException(file, "an array file name must end in .npy, .nii or .nii.gz");
    }
}
