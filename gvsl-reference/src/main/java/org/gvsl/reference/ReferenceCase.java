package org.gvsl.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One reference case: its arrays (read lazily from {@code .npy}), their tolerances, and the case's attributes
 * from the manifest (window sizes, weight file, …).
 */
public final class ReferenceCase {

    private final String name;
    private final JsonNode node;
    private final ReferenceCases folder;

    ReferenceCase(String name, JsonNode node, ReferenceCases folder) {
        this.name = name;
        this.node = node;
        this.folder = folder;
    }

    public String name() {
        return name;
    }

    /** An attribute of the case (e.g. {@code windows}, {@code weights_file}); missing ones are an error. */
    public JsonNode attribute(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("case " + name + " has no attribute \"" + key + "\"");
        }
        return value;
    }

    /** Whether the case stores an array under this key. */
    public boolean hasArray(String key) {
        return node.path("arrays").has(key);
    }

    /** The file name of the array stored under a key. */
    public String fileOf(String key) {
        JsonNode entry = node.path("arrays").get(key);
        if (entry == null) {
            throw new IllegalArgumentException("case " + name + " has no array \"" + key + "\"");
        }
        return entry.get("file").asText();
    }

    /** The array stored under a key, as written (dtype and shape of the {@code .npy}). */
    public INDArray array(String key) {
        return Nd4j.createNpyFromByteArray(folder.readFile(fileOf(key))).dup();
    }

    /**
     * The tolerance of an output. Float64 outputs ({@code key_f64}) get the rule of {@link
     * Tolerance#forFloat64(INDArray)}; others carry their own {@code atol}/{@code rtol}.
     */
    public Tolerance tolerance(String key) {
        JsonNode tol = node.path("arrays").path(key).get("tolerance");
        if (tol == null) {
            throw new IllegalArgumentException("array " + key + " of case " + name + " is an input (no tolerance)");
        }
        if (tol.has("atol")) {
            return new Tolerance(tol.get("atol").asDouble(), tol.get("rtol").asDouble());
        }
        return Tolerance.forFloat64(array(key));
    }

    /** Compares an actual value with the stored output {@code key} under its tolerance. */
    public OutputResult check(String key, INDArray actual) {
        return new OutputResult(name, key, tolerance(key).compare(actual, array(key)));
    }

    /** A JSON file of the case (e.g. {@code gvsl_step__grad_norms.json}). */
    public JsonNode json(String fileName) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.readFile(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + fileName + " of case " + name, e);
        }
    }

    /** The bytes of a file of the case's folder (e.g. an {@code .npz} of weights, for the model's reader). */
    public byte[] file(String fileName) {
        return folder.readFile(fileName);
    }
}
