package org.gvsl.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pre-trained backbone weights for a DL4J network: the U-Net's tensors under their reference names
 * ({@code unet.inc.double_conv.0.weight}, …) and the widths they imply.
 *
 * <p>In a DL4J application: {@link #load} the weights, add {@link #layer()}{@code .build()} to the network
 * (wrapped in a {@code FrozenLayer} for linear evaluation), {@code init()} the network, then {@link #copyInto} its
 * backbone layer. {@link #of(Layer)} reads a network's (fine-tuned) backbone back under the reference names, e.g.
 * for {@link ModelWeights#writeNpz}.
 */
public final class PretrainedBackbone {

    private static final String PREFIX_DOT = BackboneParamNames.PREFIX + ".";

    private final UNetWidths widths;
    private final Map<String, INDArray> weights;

    private PretrainedBackbone(UNetWidths widths, Map<String, INDArray> weights) {
        this.widths = widths;
        this.weights = Collections.unmodifiableMap(weights);
    }

    /**
     * The backbone of a model file. Until the versioned model file exists, the file is an {@code .npz} state dict
     * under the reference names, as {@code gvsl pretrain} writes ({@code weights.npz} of a run); its {@code unet.*}
     * arrays are the backbone, the rest (the Z-Matching heads) is left out.
     *
     * @throws IOException naming the file when it cannot be read or holds no complete backbone
     */
    public static PretrainedBackbone load(Path modelFile) throws IOException {
        Map<String, INDArray> arrays = ModelWeights.readNpz(modelFile);
        try {
            return of(arrays);
        } catch (IllegalArgumentException e) {
            throw new IOException(modelFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The backbone among weights under the reference names; weights not under {@code unet.} are left out.
     *
     * @throws IllegalArgumentException listing the missing and unexpected {@code unet.*} tensors and those whose
     *                                  shape does not fit the widths read off the weights
     */
    public static PretrainedBackbone of(Map<String, INDArray> weights) {
        Map<String, INDArray> backbone = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            if (name.startsWith(PREFIX_DOT)) {
                backbone.put(name, w);
            }
        });
        if (backbone.isEmpty()) {
            throw new IllegalArgumentException("no backbone weights (" + PREFIX_DOT + "*) among " + weights.size()
                    + " arrays");
        }
        UNetWidths widths = UNet3D.widthsOf(backbone, BackboneParamNames.PREFIX);
        Map<String, long[]> expected = BackboneLayer.builder().setWidths(widths).build().tensorShapes();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(backbone.keySet());
        TreeSet<String> unexpected = new TreeSet<>(backbone.keySet());
        unexpected.removeAll(expected.keySet());
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " missing: " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " unexpected: " + unexpected);
        }
        expected.forEach((name, shape) -> {
            INDArray w = backbone.get(name);
            if (w != null && !Arrays.equals(w.shape(), shape)) {
                problems.add(name + " has shape " + Arrays.toString(w.shape()) + ", widths " + widths + " need "
                        + Arrays.toString(shape));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not the backbone of widths " + widths + ": " + String.join("; ",
                    problems));
        }
        return new PretrainedBackbone(widths, backbone);
    }

    /**
     * The current weights of a network's backbone layer ({@code net.getLayer(name)}, frozen or not), copied, under
     * the reference names.
     *
     * @throws IllegalArgumentException when the layer is not a {@link BackboneLayer}
     */
    public static PretrainedBackbone of(Layer layer) {
        BackboneLayer config = backboneOf(layer);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        layer.paramTable().forEach((key, value) -> weights.put(BackboneParamNames.toReference(key), value.dup()));
        return new PretrainedBackbone(config.widths(), weights);
    }

    /** The U-Net's widths, read off the weights' shapes. */
    public UNetWidths widths() {
        return widths;
    }

    /** The weights by reference name (read-only map). */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /** A backbone layer of these widths, to configure further (output, seed) and build. */
    public BackboneLayer.Builder layer() {
        return BackboneLayer.builder().setWidths(widths);
    }

    /**
     * Copies the weights into the backbone layer of an initialised network ({@code net.getLayer(name)}, frozen or
     * not), converting to the network's data type.
     *
     * @throws IllegalArgumentException when the layer is not a {@link BackboneLayer} of these widths
     */
    public void copyInto(Layer layer) {
        BackboneLayer config = backboneOf(layer);
        if (!config.widths().equals(widths)) {
            throw new IllegalArgumentException("layer '" + config.getLayerName() + "' has widths " + config.widths()
                    + ", the weights have " + widths);
        }
        Map<String, INDArray> table = layer.paramTable();
        weights.forEach((name, w) -> {
            INDArray target = table.get(BackboneParamNames.toDl4j(name));
            target.assign(w.castTo(target.dataType()));
        });
    }

    private static BackboneLayer backboneOf(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer config = layer.conf().getLayer();
        if (config instanceof FrozenLayer frozen) {
            config = frozen.getLayer();
        }
        if (!(config instanceof BackboneLayer backbone)) {
            throw new IllegalArgumentException("layer '" + config.getLayerName() + "' is a "
                    + config.getClass().getSimpleName() + ", not a GVSL " + BackboneLayer.class.getSimpleName());
        }
        return backbone;
    }
}
