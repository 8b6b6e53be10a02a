package org.gvsl.model.gvsl;

import org.gvsl.core.io.AtomicFile;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Weights stored as {@code .npz} (a zip of {@code .npy} arrays, NumPy's {@code savez}) under the reference
 * PyTorch state-dict names ({@code unet.inc.double_conv.0.weight}, …, conv weights {@code [Cout, Cin, k, k, k]},
 * linear weights {@code [out, in]}), so the authors' checkpoints and ours convert 1:1: in PyTorch,
 * {@code np.savez(f, **{k: v.numpy() for k, v in model.state_dict().items()})}.
 */
public final class ModelWeights {

    private ModelWeights() {
    }

    /**
     * Reads every array of an {@code .npz} file, keyed by entry name without {@code .npy}, in file order.
     *
     * @throws IOException naming the file when it is not a readable npz
     */
    public static Map<String, INDArray> readNpz(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readNpz(in, file.toString());
        }
    }

    /** As {@link #readNpz(Path)}, from a stream; {@code origin} names it in messages. */
    public static Map<String, INDArray> readNpz(InputStream stream, String origin) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(stream)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                try {
                    arrays.put(key, Nd4j.createNpyFromByteArray(zip.readAllBytes()).dup());
                } catch (RuntimeException e) {
                    throw new IOException(origin + ": entry '" + name + "' is not a readable .npy array", e);
                }
            }
        }
        if (arrays.isEmpty()) {
            throw new IOException(origin + ": no arrays found (not an .npz file?)");
        }
        return arrays;
    }

    /** Writes arrays as a (deflated) {@code .npz}, atomically (see {@link AtomicFile}). */
    public static void writeNpz(Map<String, INDArray> arrays, Path file) throws IOException {
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writeNpz(arrays, out);
            }
        });
    }

    /** Writes arrays as a (deflated) {@code .npz} to a stream, which stays open. */
    public static void writeNpz(Map<String, INDArray> arrays, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
            zip.write(Nd4j.toNpyByteArray(e.getValue().dup('c')));
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Copies weights into the trainable variables of a graph, converting to the graph's precision.
     *
     * @param allowUnused whether weights the graph does not have may be present (e.g. the heads of the full model
     *                    when loading into an ablation); every variable of the graph must always be given
     * @throws IllegalArgumentException listing missing or unused names, or naming each tensor whose shape differs
     */
    public static void assign(SameDiff sd, Map<String, INDArray> weights, boolean allowUnused) {
        List<SDVariable> targets = sd.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        TreeSet<String> unused = copy(targets, weights);
        if (!allowUnused && !unused.isEmpty()) {
            throw new IllegalArgumentException(unused.size() + " weights do not belong to this model: " + unused);
        }
    }

    /**
     * Copies weights into the tensors of a graph whose names start with {@code prefix} (e.g. {@code "unet."}: the
     * backbone), trainable or frozen into constants, converting to the graph's precision. Every such tensor must be
     * given; weights under other names, or that the graph does not have, are ignored (the Z-Matching heads of a
     * pre-trained GVSL dict; the decoder, for a graph that uses the encoder only).
     *
     * @throws IllegalArgumentException listing the missing names or naming each tensor whose shape differs
     */
    public static void assignPrefix(SameDiff sd, Map<String, INDArray> weights, String prefix) {
        List<SDVariable> targets = sd.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE
                        || v.getVariableType() == VariableType.CONSTANT)
                .filter(v -> v.name().startsWith(prefix)).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("the graph has no tensors named " + prefix + "*");
        }
        copy(targets, weights);
    }

    /** Checks, then copies: all or nothing. Returns the names of the weights that no target took. */
    private static TreeSet<String> copy(List<SDVariable> targets, Map<String, INDArray> weights) {
        List<String> missing = new ArrayList<>();
        List<String> badShapes = new ArrayList<>();
        TreeSet<String> unused = new TreeSet<>(weights.keySet());
        for (SDVariable v : targets) {
            INDArray w = weights.get(v.name());
            unused.remove(v.name());
            if (w == null) {
                missing.add(v.name());
            } else if (!Arrays.equals(v.getArr().shape(), w.shape())) {
                badShapes.add("weight '" + v.name() + "' has shape " + Arrays.toString(w.shape())
                        + ", the model expects " + Arrays.toString(v.getArr().shape()));
            }
        }
        if (!badShapes.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", badShapes));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("weights missing for " + missing.size() + " model tensors: " + missing);
        }
        for (SDVariable v : targets) {
            INDArray current = v.getArr();
            current.assign(weights.get(v.name()).castTo(current.dataType()));
        }
        return unused;
    }
}
