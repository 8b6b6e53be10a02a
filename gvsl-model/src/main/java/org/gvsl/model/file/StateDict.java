package org.gvsl.model.file;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.heads.AffineHead;
import org.gvsl.model.heads.DeformableHead;
import org.gvsl.model.heads.RestorationHead;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A GVSL state dict (tensors under the reference PyTorch names, spec §1) with the architecture its shapes
 * describe, checked tensor by tensor.
 *
 * <p><b>What is accepted.</b> The full model ({@code unet.*} and the heads), any ablation (the heads present
 * decide the {@link Variant}: affine {@code f_conv}/{@code fc_*}, deformable {@code sp_conv}/{@code out_flow},
 * restoration {@code res_conv}), or the backbone alone. A backbone-only dict may name its tensors without the
 * {@code unet.} prefix ({@code inc.double_conv.0.weight}, as {@code model.unet.state_dict()} does): when no key
 * starts with {@code unet.}, it is added to every key. Floating-point tensors of any precision are converted to
 * float32.
 *
 * <p><b>What is inferred and checked.</b> The widths {@code c0 … c8} are the first dimensions of the first
 * convolution weight of each U-Net block ({@link UNet3D#widthTensors}); they must satisfy {@link UNetWidths}
 * (positive, divisible by their GroupNorm group count, c4 and c8 even). Every tensor is then compared with the
 * model of those widths and heads: all missing tensors, unexpected keys, shape mismatches and non-floating
 * tensors are listed in one message.
 */
public final class StateDict {

    /** The prefix of the backbone's tensors inside GVSL. */
    public static final String BACKBONE_PREFIX = "unet";

    private final Map<String, INDArray> weights;
    private final UNetWidths widths;
    private final Variant variant;

    private StateDict(Map<String, INDArray> weights, UNetWidths widths, Variant variant) {
        this.weights = Collections.unmodifiableMap(weights);
        this.widths = widths;
        this.variant = variant;
    }

    /**
     * Reads the architecture off the tensors and checks every tensor against it.
     *
     * @param tensors the state dict, e.g. from {@link org.gvsl.model.gvsl.ModelWeights#readNpz}
     * @param origin  names the dict in messages (its file)
     * @throws ModelFormatException listing every problem found
     */
    public static StateDict of(Map<String, INDArray> tensors, String origin) throws ModelFormatException {
        Map<String, INDArray> named = withBackbonePrefix(tensors);
        UNetWidths widths = inferWidths(named, origin);
        Map<String, long[]> backbone = shapes(params -> new UNet3D(params, BACKBONE_PREFIX, widths));
        Map<String, long[]> affine = shapes(params -> new AffineHead(params, widths.c4()));
        Map<String, long[]> deformable = shapes(params -> new DeformableHead(params, widths.c8()));
        Map<String, long[]> restoration = shapes(params -> new RestorationHead(params, widths.c8()));
        boolean hasAffine = presentIn(named, affine);
        boolean hasDeformable = presentIn(named, deformable);
        boolean hasRestoration = presentIn(named, restoration);
        Variant variant = null;
        if (hasAffine || hasDeformable || hasRestoration) {
            variant = Arrays.stream(Variant.values())
                    .filter(v -> v.affine() == hasAffine && v.registration() == hasDeformable
                            && v.restoration() == hasRestoration)
                    .findFirst()
                    .orElseThrow(() -> new ModelFormatException(origin, "the heads present (affine " + hasAffine
                            + ", deformable " + hasDeformable + ", restoration " + hasRestoration
                            + ") form no GVSL variant: the affine head needs the deformable head"));
        }
        Map<String, long[]> expected = new LinkedHashMap<>(backbone);
        if (hasAffine) {
            expected.putAll(affine);
        }
        if (hasDeformable) {
            expected.putAll(deformable);
        }
        if (hasRestoration) {
            expected.putAll(restoration);
        }
        check(named, expected, widths, variant, origin);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            INDArray w = named.get(name);
            weights.put(name, w.dataType() == DataType.FLOAT ? w : w.castTo(DataType.FLOAT));
        }
        return new StateDict(weights, widths, variant);
    }

    /** The tensors under the reference names ({@code unet.} prefix included), float32, in the model's order. */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /** The widths read off the U-Net's tensors. */
    public UNetWidths widths() {
        return widths;
    }

    /** The variant its heads form; empty for a backbone-only dict. */
    public Optional<Variant> variant() {
        return Optional.ofNullable(variant);
    }

    /** Whether the dict holds only the U-Net. */
    public boolean backboneOnly() {
        return variant == null;
    }

    private static Map<String, INDArray> withBackbonePrefix(Map<String, INDArray> tensors) {
        String prefix = BACKBONE_PREFIX + ".";
        if (tensors.keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
            return tensors;
        }
        Map<String, INDArray> named = new LinkedHashMap<>();
        tensors.forEach((k, v) -> named.put(prefix + k, v));
        return named;
    }

    private static UNetWidths inferWidths(Map<String, INDArray> named, String origin) throws ModelFormatException {
        List<String> names = UNet3D.widthTensors(BACKBONE_PREFIX);
        List<String> missing = names.stream().filter(n -> !named.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new ModelFormatException(origin, "not a GVSL state dict: cannot read the U-Net widths without "
                    + missing + " (" + named.size() + " tensors, e.g. " + named.keySet().stream().limit(3).toList()
                    + ")");
        }
        int[] c = new int[names.size()];
        for (int i = 0; i < c.length; i++) {
            long[] shape = named.get(names.get(i)).shape();
            if (shape.length != 5) {
                throw new ModelFormatException(origin, names.get(i) + " has shape " + Arrays.toString(shape)
                        + ", a 3-D convolution weight [Cout, Cin, k, k, k] was expected");
            }
            c[i] = Math.toIntExact(shape[0]);
        }
        try {
            return UNetWidths.of(c);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(origin, "the U-Net widths read off the tensors are not valid: "
                    + e.getMessage(), e);
        }
    }

    /** The names and shapes of the parameters that {@code build} creates, in creation order. */
    private static Map<String, long[]> shapes(Consumer<ParameterFactory> build) {
        SameDiff sd = GraphRuntime.newGraph();
        build.accept(new ParameterFactory(sd, DataType.FLOAT, 0));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                shapes.put(v.name(), v.getShape());
            }
        }
        return shapes;
    }

    private static boolean presentIn(Map<String, INDArray> named, Map<String, long[]> part) {
        return part.keySet().stream().anyMatch(named::containsKey);
    }

    private static void check(Map<String, INDArray> named, Map<String, long[]> expected, UNetWidths widths,
                              Variant variant, String origin) throws ModelFormatException {
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        List<String> notFloat = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            INDArray w = named.get(e.getKey());
            if (w == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(w.shape(), e.getValue())) {
                mismatched.add(e.getKey() + " is " + Arrays.toString(w.shape()) + ", the model needs "
                        + Arrays.toString(e.getValue()));
            } else if (!w.dataType().isFPType()) {
                notFloat.add(e.getKey() + " is " + w.dataType());
            }
        }
        TreeSet<String> unexpected = new TreeSet<>(named.keySet());
        unexpected.removeAll(expected.keySet());
        if (missing.isEmpty() && mismatched.isEmpty() && notFloat.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " unexpected " + unexpected);
        }
        if (!mismatched.isEmpty()) {
            problems.add(mismatched.size() + " of the wrong shape " + mismatched);
        }
        if (!notFloat.isEmpty()) {
            problems.add(notFloat.size() + " not floating-point " + notFloat);
        }
        throw new ModelFormatException(origin, "does not match the GVSL model its shapes describe (widths " + widths
                + ", " + (variant == null ? "backbone only" : "variant " + variant) + "): tensors "
                + String.join("; ", problems));
    }

    /** A configuration for these weights: {@code base} with the widths and variant read off the tensors. */
    public GvslConfig config(GvslConfig base) {
        GvslConfig.Builder b = base.toBuilder().optWidths(widths);
        if (variant != null) {
            b.optVariant(variant);
        }
        return b.build();
    }
}
