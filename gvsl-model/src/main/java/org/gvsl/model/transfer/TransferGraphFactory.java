package org.gvsl.model.transfer;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.heads.ClassificationHead;
import org.gvsl.model.heads.SegmentationHead;
import org.gvsl.model.losses.BinaryCrossEntropy;
import org.gvsl.model.losses.CrossEntropy;
import org.gvsl.model.losses.SoftDice;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * Builds the named SameDiff graph of a downstream model (spec §7) for one spatial size and any batch size.
 *
 * <p><b>Segmentation</b> ({@link TransferTask#SEGMENTATION}):
 * <pre>
 *   image [N, 1, D, H, W] → UNet3D → f [N, c8, D, H, W] → out_conv: Conv3d(c8, K, k3) → logits [N, K, D, H, W]
 *   probabilities = softmax over K;   loss_total = SoftDice(probabilities, labels) + λ_ce·CrossEntropy(logits, labels)
 * </pre>
 * with {@code labels [N, K, D, H, W]} one-hot (the cross-entropy term exists only when λ_ce &gt; 0).
 * <b>Classification</b> ({@link TransferTask#CLASSIFICATION}): only the encoder is built and run,
 * <pre>
 *   image [N, 1, D, H, W] → UNet3D encoder → g [N, c4, D'/16, H'/16, W'/16] → mean over space → fc_cls: Linear(c4, K)
 *   → logits [N, K];   probabilities = sigmoid;   loss_total = BinaryCrossEntropy(logits, labels)
 * </pre>
 * with {@code labels [N, K]} in {0, 1}. Names: {@link TransferGraph}'s constants.
 *
 * <p><b>Batch size:</b> the placeholders' batch axis is dynamic (−1), so one graph trains on crops of batch N and
 * predicts windows of batch B of the same spatial size (every op of the U-Net, GroupNorm included, reshapes with
 * −1 for the batch). The spatial size is fixed when the graph is built (the GroupNorm statistics and the U-Net's
 * padding depend on it).
 *
 * <p><b>Initialisation:</b> every parameter is created seeded by {@code config.seed()} (Kaiming-normal backbone,
 * PyTorch-default head); a given backbone map then overwrites every {@code unet.*} tensor ({@link
 * ModelWeights#assignPrefix}: a missing tensor or a shape mismatch is an error listing them; the Z-Matching heads of
 * a full GVSL dict and, for classification, the decoder are ignored). Without a map the backbone keeps its seeded
 * random values ("scratch"). The head is always the seeded random one.
 *
 * <p><b>Linear evaluation</b> ({@link TransferMode#LINEAR}): after initialisation the {@code unet.*} variables are
 * turned into constants ({@code SameDiff.convertToConstants}, which moves the arrays, no copy). The optimiser then
 * holds no state for them, the gradient function differentiates only the head (for segmentation one {@code
 * conv3d_bp}, the head's), and a saved graph stores the backbone once, without Adam moments; it loads back with
 * the backbone as constants. A resumed linear run must therefore be rebuilt with the same backbone weights: a
 * restore that copies only trainable variables and optimiser state (as the pre-training checkpoints do) brings back
 * the head alone. <b>Fine-tuning</b> ({@link TransferMode#FINE_TUNE}) trains everything.
 *
 * <p>The training configuration is {@link org.gvsl.model.optim.BiasCorrectedAdam} with the configuration's
 * hyper-parameters, feature {@code image}, label {@code labels}, loss {@code loss_total}.
 */
public final class TransferGraphFactory {

    private TransferGraphFactory() {
    }

    /** A float32 graph with a seeded random backbone ("scratch"). */
    public static TransferGraph build(TransferConfig config, SpatialSize size) {
        return build(config, size, null, DataType.FLOAT);
    }

    /**
     * A float32 graph whose backbone is initialised from {@code backbone} (reference state-dict names).
     *
     * @param backbone weights keyed {@code unet.inc.double_conv.0.weight}, …; null for scratch
     * @throws IllegalArgumentException listing missing backbone tensors or naming those whose shape differs
     */
    public static TransferGraph build(TransferConfig config, SpatialSize size, Map<String, INDArray> backbone) {
        return build(config, size, backbone, DataType.FLOAT);
    }

    /** As {@link #build(TransferConfig, SpatialSize, Map)}, in the given precision ({@code DOUBLE} for checks). */
    public static TransferGraph build(TransferConfig config, SpatialSize size, Map<String, INDArray> backbone,
                                      DataType dataType) {
        SameDiff sd = GraphRuntime.newGraph();
        int k = config.classes();
        ParameterFactory params = new ParameterFactory(sd, dataType, config.seed());
        SDVariable image = sd.placeHolder(TransferGraph.IMAGE, dataType, size.shape(-1, 1));
        SDVariable total;
        if (config.task() == TransferTask.SEGMENTATION) {
            SDVariable labels = sd.placeHolder(TransferGraph.LABELS, dataType, size.shape(-1, k));
            UNet3D unet = new UNet3D(params, TransferGraph.BACKBONE, config.widths());
            SegmentationHead head = new SegmentationHead(params, config.widths().c8(), k);
            SDVariable logits = head.logits(unet.forward(image, size).local()).rename(TransferGraph.LOGITS);
            SDVariable probabilities = SegmentationHead.probabilities(logits).rename(TransferGraph.PROBABILITIES);
            SDVariable dice = SoftDice.loss(probabilities, labels, k, size).rename(TransferGraph.LOSS_DICE);
            if (config.lambdaCe() > 0) {
                SDVariable ce = CrossEntropy.loss(logits, labels, k, size).rename(TransferGraph.LOSS_CE);
                total = dice.add(ce.mul(config.lambdaCe()));
            } else {
                total = alias(dice);
            }
        } else {
            SDVariable labels = sd.placeHolder(TransferGraph.LABELS, dataType, -1, k);
            UNet3D encoder = UNet3D.encoderOnly(params, TransferGraph.BACKBONE, config.widths());
            ClassificationHead head = new ClassificationHead(params, config.widths().c4(), k);
            UNet3D.Encoded g = encoder.encode(image, size);
            SDVariable logits = head.logits(g.global(), g.globalSize()).rename(TransferGraph.LOGITS);
            ClassificationHead.probabilities(logits).rename(TransferGraph.PROBABILITIES);
            SDVariable bce = BinaryCrossEntropy.loss(logits, labels, k).rename(TransferGraph.LOSS_BCE);
            total = alias(bce);
        }
        total.rename(TransferGraph.LOSS_TOTAL);
        sd.setLossVariables(TransferGraph.LOSS_TOTAL);

        if (backbone != null) {
            ModelWeights.assignPrefix(sd, backbone, TransferGraph.BACKBONE + ".");
        }
        if (config.mode() == TransferMode.LINEAR) {
            List<SDVariable> frozen = sd.variables().stream()
                    .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                    .filter(v -> v.name().startsWith(TransferGraph.BACKBONE + ".")).toList();
            sd.convertToConstants(frozen);
        }
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(config.updater())
                .dataSetFeatureMapping(TransferGraph.IMAGE)
                .dataSetLabelMapping(TransferGraph.LABELS)
                .build());
        GraphRuntime.createGradientFunction(sd);
        return new TransferGraph(sd, config, size);
    }

    /**
     * {@code term + 0}: a variable of its own for {@code loss_total} when the total is a single term, built so that
     * {@code fit} evaluates the term (see {@link org.gvsl.model.optim.TrainingStep}: the backward pass of a pairwise
     * add reads both operands; that of {@code sd.identity} or of a scalar multiplication reads none, and the step
     * could not report the term).
     */
    private static SDVariable alias(SDVariable term) {
        return term.add(term.getSameDiff().constant(Nd4j.scalar(term.dataType(), 0.0)));
    }
}
