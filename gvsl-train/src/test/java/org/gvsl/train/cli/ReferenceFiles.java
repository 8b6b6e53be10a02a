package org.gvsl.train.cli;

import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.ReferenceCases;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the bundled reference cases, written where a command line can read them. */
final class ReferenceFiles {

    /** The narrow model's state dict shared by the {@code unet} and {@code gvsl_step} cases. */
    static final String WEIGHTS = "gvsl_weights.npz";

    private ReferenceFiles() {
    }

    static ReferenceCase reference(String name) {
        return ReferenceCases.bundled().get(name);
    }

    /** The reference state dict copied to {@code dir/name}. */
    static Path weights(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), reference("weights").file(WEIGHTS));
    }

    /** An array written as {@code .npy}. */
    static Path npy(Path file, INDArray array) throws IOException {
        return Files.write(file, Nd4j.toNpyByteArray(array.dup('c')));
    }

    /** An {@code .npy} file read back. */
    static INDArray read(Path file) {
        return Nd4j.createFromNpyFile(file.toFile());
    }
}
