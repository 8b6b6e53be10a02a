package org.gvsl.model.file;

import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.reference.ReferenceCases;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The narrow model's state dict of the reference cases ({@code gvsl_weights.npz}): the authors' names, 104 tensors. */
final class ReferenceDict {

    static final String FILE = "gvsl_weights.npz";

    private ReferenceDict() {
    }

    static byte[] bytes() {
        return ReferenceCases.bundled().get("weights").file(FILE);
    }

    /** The tensors, in file order (a fresh, modifiable map). */
    static Map<String, INDArray> tensors() throws IOException {
        return new LinkedHashMap<>(ModelWeights.readNpz(new ByteArrayInputStream(bytes()), FILE));
    }

    /** The file copied into {@code dir} under {@code name}. */
    static Path copy(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), bytes());
    }
}
