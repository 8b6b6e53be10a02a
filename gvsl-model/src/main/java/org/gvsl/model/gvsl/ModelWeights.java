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
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                    zip.write(Nd4j.toNpyByteArray(e.getValue().dup('c')));
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Copies weights into the trainable variables of a graph, converting to the graph's precision.
     *
     * @param allowUnused whether weights the graph does not have may be present (e.g. the heads of the full model
     *                    when loading into an ablation); every variable of the graph must always be given
     * @throws IllegalArgumentException listing missing or unused names, or naming a tensor whose shape differs
     */
    public static void assign(SameDiff sd, Map<String, INDArray> weights, boolean allowUnused) {
        List<String> missing = new ArrayList<>();
        TreeSet<String> unused = new TreeSet<>(weights.keySet());
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray w = weights.get(v.name());
            unused.remove(v.name());
            if (w == null) {
                missing.add(v.name());
                continue;
            }
            INDArray current = v.getArr();
            if (!Arrays.equals(current.shape(), w.shape())) {
                throw new IllegalArgumentException("weight '" + v.name() + "' has shape " + Arrays.toString(w.shape())
                        + ", the model expects " + Arrays.toString(current.shape()));
            }
            current.assign(w.castTo(current.dataType()));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("weights missing for " + missing.size() + " model tensors: " + missing);
        }
        if (!allowUnused && !unused.isEmpty()) {
            throw new IllegalArgumentException(unused.size() + " weights do not belong to this model: " + unused);
        }
    }
}
