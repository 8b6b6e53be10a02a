package org.gvsl.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** The case's manifest entry. */
    JsonNode node() {
        return node;
    }

    /** An attribute of the case (e.g. {@code windows}, {@code weights_file}); missing ones are an error. */
    public JsonNode attribute(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("case " + name + " has no attribute \"" + key + "\"");
        }
        return value;
    }

    /** Whether the case has this attribute. */
    public boolean hasAttribute(String key) {
        return node.has(key);
    }

    /**
     * Requires the numeric attribute {@code key} to equal the one value this build implements.
     *
     * @param what the production code that fixes the value, for the message (e.g. {@code "GroupNorm"})
     * @throws UnsupportedCaseException naming the case, the attribute, its value and the implemented one
     */
    public void requireAttribute(String key, double implemented, String what) {
        double value = attribute(key).asDouble();
        if (value != implemented) {
            throw new UnsupportedCaseException("case " + name + " has " + key + " = " + attribute(key)
                    + "; this build's " + what + " implements " + key + " = " + implemented + " only");
        }
    }

    /** Whether the case stores an array under this key. */
    public boolean hasArray(String key) {
        return node.path("arrays").has(key);
    }

    /** The manifest entry of an array of the case (its file, shape, dtype, meaning and, for outputs, tolerance). */
    public JsonNode arrayEntry(String key) {
        JsonNode entry = node.path("arrays").get(key);
        if (entry == null) {
            throw new IllegalArgumentException("case " + name + " has no array \"" + key + "\"");
        }
        return entry;
    }

    /** The file name of the array stored under a key. */
    public String fileOf(String key) {
        return arrayEntry(key).get("file").asText();
    }

    /** The array stored under a key, as written (dtype and shape of the {@code .npy}). */
    public INDArray array(String key) {
        return Nd4j.createNpyFromByteArray(folder.readFile(fileOf(key))).dup();
    }

    /**
     * The tolerance of an output, as its manifest entry states it: {@code atol} and {@code rtol}, or (the float64
     * outputs) {@code atol_rel_to_max} and {@code rtol}, see {@link Tolerance#relativeToMax}.
     */
    public Tolerance tolerance(String key) {
        JsonNode tol = arrayEntry(key).get("tolerance");
        if (tol == null) {
            throw new IllegalArgumentException("array " + key + " of case " + name + " is an input (no tolerance)");
        }
        if (tol.has("atol") && tol.has("rtol")) {
            return new Tolerance(tol.get("atol").asDouble(), tol.get("rtol").asDouble());
        }
        if (tol.has("atol_rel_to_max") && tol.has("rtol")) {
            return Tolerance.relativeToMax(tol.get("atol_rel_to_max").asDouble(), tol.get("rtol").asDouble(),
                    array(key));
        }
        throw new IllegalArgumentException("array " + key + " of case " + name
                + " has a tolerance with neither atol nor atol_rel_to_max (and rtol): " + tol);
    }

    /**
     * Compares an actual value with the stored output {@code key} under its tolerance.
     *
     * @throws IllegalArgumentException naming the case and the output if the shapes differ
     */
    public OutputResult check(String key, INDArray actual) {
        Tolerance tolerance = tolerance(key);
        try {
            return new OutputResult(name, key, tolerance.compare(actual, array(key)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("case " + name + ", output " + key + ": " + e.getMessage(), e);
        }
    }

    /** A JSON file of the case (e.g. {@code gvsl_step__grad_norms.json}). */
    public JsonNode json(String fileName) {
        try {
            return new ObjectMapper().readTree(folder.readFile(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + fileName + " of case " + name, e);
        }
    }

    /** The bytes of a file of the case's folder (e.g. an {@code .npz} of weights, for the model's reader). */
    public byte[] file(String fileName) {
        return folder.readFile(fileName);
    }
}
