package org.gvsl.model.transfer;

import org.gvsl.model.backend.NativeMemory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.inference.WindowPredictor;
import org.gvsl.model.optim.TrainingStep;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built downstream graph ({@link TransferGraphFactory}): the SameDiff instance with its named inputs, outputs and
 * losses, for one spatial size and any batch size.
 *
 * <p>Typical use: {@link #fit} on training crops, {@link #predict} (or {@link #windowPredictor()} with {@link
 * org.gvsl.model.inference.SlidingWindowInference}) on validation and test volumes, {@link #sameDiff()} to save
 * it ({@code SameDiff.save(file, true)} keeps the Adam state).
 */
public final class TransferGraph {

    /** Placeholder: the image {@code [N, 1, D, H, W]}, intensity-normalised like the pre-training data. */
    public static final String IMAGE = "image";
    /**
     * Placeholder: the truth. Segmentation: one-hot {@code [N, K, D, H, W]} (class k of voxel v is 1 at
     * {@code [n, k, v]}); classification: {@code [N, K]} targets in {0, 1}.
     */
    public static final String LABELS = "labels";
    /** Head output before the softmax / sigmoid: {@code [N, K, D, H, W]} or {@code [N, K]}. */
    public static final String LOGITS = "logits";
    /** Softmax over classes (segmentation, {@code [N, K, D, H, W]}) or sigmoid per output ({@code [N, K]}). */
    public static final String PROBABILITIES = "probabilities";
    /** Segmentation: {@link org.gvsl.model.losses.SoftDice}. */
    public static final String LOSS_DICE = "loss_dice";
    /** Segmentation with λ_ce &gt; 0: {@link org.gvsl.model.losses.CrossEntropy}. */
    public static final String LOSS_CE = "loss_ce";
    /** Classification: {@link org.gvsl.model.losses.BinaryCrossEntropy}. */
    public static final String LOSS_BCE = "loss_bce";
    /** The loss that training minimises. */
    public static final String LOSS_TOTAL = "loss_total";
    /** The parameter prefix of the backbone (without the dot): {@code unet.inc.double_conv.0.weight}, …. */
    public static final String BACKBONE = "unet";

    private final SameDiff sd;
    private final TransferConfig config;
    private final SpatialSize size;

    TransferGraph(SameDiff sd, TransferConfig config, SpatialSize size) {
        this.sd = sd;
        this.config = config;
        this.size = size;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public TransferConfig config() {
        return config;
    }

    /** The spatial size {@code (D, H, W)} of the images (crops or windows) this graph takes. */
    public SpatialSize size() {
        return size;
    }

    /** The loss terms this graph computes, total last: e.g. {@code [loss_dice, loss_total]}. */
    public List<String> lossNames() {
        return Arrays.stream(new String[] {LOSS_DICE, LOSS_CE, LOSS_BCE, LOSS_TOTAL}).filter(sd::hasVariable)
                .toList();
    }

    /**
     * The placeholder map for one batch, checked.
     *
     * @param image  {@code [N, 1, D, H, W]} of this graph's size, N ≥ 1
     * @param labels {@code [N, K, D, H, W]} one-hot (segmentation) or {@code [N, K]} (classification), the same N
     * @throws IllegalArgumentException naming the input and both shapes on a mismatch
     */
    public Map<String, INDArray> inputs(INDArray image, INDArray labels) {
        long n = requireImage(image);
        long[] expected = config.task() == TransferTask.SEGMENTATION ? size.shape(n, config.classes())
                : new long[] {n, config.classes()};
        if (!Arrays.equals(labels.shape(), expected)) {
            throw new IllegalArgumentException("input '" + LABELS + "' must have shape " + Arrays.toString(expected)
                    + " (the image's batch, " + config.classes() + " classes"
                    + (config.task() == TransferTask.SEGMENTATION ? ", one-hot, the image's size" : "") + "), got "
                    + Arrays.toString(labels.shape()));
        }
        Map<String, INDArray> map = new LinkedHashMap<>();
        map.put(IMAGE, cast(image, IMAGE));
        map.put(LABELS, cast(labels, LABELS));
        return map;
    }

    /**
     * One Adam step on a batch ({@link #inputs}). Returns the loss terms of the forward pass that produced the
     * step (before the update), keyed by {@link #lossNames()}.
     */
    public Map<String, Double> fit(Map<String, INDArray> inputs) {
        List<String> terms = new ArrayList<>(lossNames());
        terms.remove(LOSS_TOTAL);
        MultiDataSet batch = new MultiDataSet(new INDArray[] {inputs.get(IMAGE)}, new INDArray[] {inputs.get(LABELS)});
        Map<String, Double> losses = TrainingStep.fit(sd, batch, terms);
        // As in GvslGraph: fit never evaluates the loss variable itself, so the total is formed from its terms.
        double total = config.task() == TransferTask.SEGMENTATION
                ? losses.get(LOSS_DICE) + config.lambdaCe() * losses.getOrDefault(LOSS_CE, 0.0)
                : losses.get(LOSS_BCE);
        losses.put(LOSS_TOTAL, total);
        return losses;
    }

    /** Computes named outputs (no training); only the placeholders the outputs need must be given. */
    public Map<String, INDArray> output(Map<String, INDArray> inputs, String... names) {
        return sd.output(inputs, names);
    }

    /**
     * The probabilities of a batch of images {@code [B, 1, D, H, W]}: {@code [B, K, D, H, W]} (segmentation) or
     * {@code [B, K]} (classification).
     *
     * @throws IllegalArgumentException naming both shapes when the image does not fit this graph
     */
    public INDArray predict(INDArray image) {
        requireImage(image);
        return sd.output(Map.of(IMAGE, cast(image, IMAGE)), PROBABILITIES).get(PROBABILITIES);
    }

    /**
     * This segmentation graph as a {@link WindowPredictor} for windows of its size. After each batch the
     * forward pass's native arrays are released ({@link NativeMemory#releaseAfterStep()}), so a long sliding-window
     * run stays at the memory of one batch.
     *
     * @throws IllegalStateException for a classification graph
     */
    public WindowPredictor windowPredictor() {
        if (config.task() != TransferTask.SEGMENTATION) {
            throw new IllegalStateException("sliding-window prediction needs a segmentation graph, this one is "
                    + config.task());
        }
        return windows -> {
            INDArray p = predict(windows);
            NativeMemory.releaseAfterStep();
            return p;
        };
    }

    /**
     * Overwrites the backbone with pre-trained weights (reference names; the frozen backbone of a linear graph
     * too), as {@link ModelWeights#assignPrefix}: every {@code unet.*} tensor of the graph must be given, other
     * weights are ignored.
     */
    public void assignBackbone(Map<String, INDArray> weights) {
        ModelWeights.assignPrefix(sd, weights, BACKBONE + ".");
    }

    /** The names of the tensors that training updates (the head alone in linear mode). */
    public List<String> parameterNames() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /**
     * Every tensor of the model by reference name, trained or frozen: {@code unet.*} and the head (views into
     * the graph: copy before changing them). What {@code ModelWeights.writeNpz} should save.
     */
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            boolean parameter = v.getVariableType() == VariableType.VARIABLE
                    || v.getVariableType() == VariableType.CONSTANT && v.name().startsWith(BACKBONE + ".");
            if (parameter) {
                weights.put(v.name(), v.getArr());
            }
        }
        return weights;
    }

    private long requireImage(INDArray image) {
        long[] s = image.shape();
        boolean ok = s.length == 5 && s[0] >= 1 && s[1] == 1 && s[2] == size.d() && s[3] == size.h()
                && s[4] == size.w();
        if (!ok) {
            throw new IllegalArgumentException("input '" + IMAGE + "' must have shape [N, 1, " + size.d() + ", "
                    + size.h() + ", " + size.w() + "] (this graph's size), got " + Arrays.toString(s));
        }
        return s[0];
    }

    private INDArray cast(INDArray a, String placeholder) {
        return a.castTo(sd.getVariable(placeholder).dataType());
    }
}
