package org.gvsl.model.gvsl;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the named graphs of GVSL for a batch size and spatial size. {@link #build}: the pre-training graph, with
 * placeholders {@code fixed}, {@code moving} (absent for restoration only) and {@code target}, all
 * {@code [N, 1, D, H, W]}; the intermediate outputs and the loss terms under the names of {@link GvslGraph}; Adam
 * as the training configuration with the total loss as the loss variable. {@link #backbone} and {@link
 * #registration}: the inference graphs of the U-Net alone and of Z-Matching, built from the same pieces.
 */
public final class GvslGraphFactory {

    private GvslGraphFactory() {
    }

    /** A float32 graph with freshly initialised parameters (seeded by {@code config.seed()}). */
    public static GvslGraph build(GvslConfig config, int batch, SpatialSize size) {
        return build(config, batch, size, DataType.FLOAT);
    }

    /**
     * A graph in the given precision ({@code DOUBLE} for gradient checks).
     *
     * @throws IllegalArgumentException for a batch below 1 or a size-1 spatial axis when the registration branch
     *                                  is built
     */
    public static GvslGraph build(GvslConfig config, int batch, SpatialSize size, DataType dataType) {
        requirePositiveBatch(batch);
        SameDiff sd = GraphRuntime.newGraph();
        Variant variant = config.variant();
        long[] shape = size.shape(batch, 1);
        SDVariable fixed = sd.placeHolder(GvslGraph.FIXED, dataType, shape);
        SDVariable moving = variant.registration() ? sd.placeHolder(GvslGraph.MOVING, dataType, shape) : null;
        SDVariable target = sd.placeHolder(GvslGraph.TARGET, dataType, shape);

        GvslModel model = GvslModel.create(new ParameterFactory(sd, dataType, config.seed()), config);
        GvslModel.Outputs out = model.forward(fixed, moving, target, batch, size);

        name(out.globalFixed(), GvslGraph.GLOBAL_FIXED);
        name(out.localFixed(), GvslGraph.LOCAL_FIXED);
        if (out.registration() != null) {
            nameRegistration(out.registration());
        }
        name(out.restored(), GvslGraph.RESTORED);
        name(out.lossNcc(), GvslGraph.LOSS_NCC);
        name(out.lossSmooth(), GvslGraph.LOSS_SMOOTH);
        name(out.lossMse(), GvslGraph.LOSS_MSE);
        name(out.lossTotal(), GvslGraph.LOSS_TOTAL);
        sd.setLossVariables(GvslGraph.LOSS_TOTAL);

        List<String> features = new ArrayList<>(List.of(GvslGraph.FIXED));
        if (moving != null) {
            features.add(GvslGraph.MOVING);
        }
        features.add(GvslGraph.TARGET);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new BiasCorrectedAdam(config.learningRate(), config.beta1(), config.beta2(),
                        config.adamEpsilon()))
                .dataSetFeatureMapping(features.toArray(String[]::new))
                .markLabelsUnused()
                .build());
        GraphRuntime.createGradientFunction(sd);
        return new GvslGraph(sd, config, batch, size, features);
    }

    /**
     * The backbone alone for inference: placeholder {@link BackboneGraph#IMAGE} {@code [batch, 1, size]} →
     * {@link BackboneGraph#LOCAL} {@code [batch, c8, size]} and {@link BackboneGraph#GLOBAL}; float32, fresh
     * parameters {@code unet.*} seeded by {@code seed}. Any size (the U-Net pads each axis to a multiple of 16).
     */
    public static BackboneGraph backbone(UNetWidths widths, long seed, int batch, SpatialSize size) {
        requirePositiveBatch(batch);
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable image = sd.placeHolder(BackboneGraph.IMAGE, DataType.FLOAT, size.shape(batch, 1));
        UNet3D unet = new UNet3D(new ParameterFactory(sd, DataType.FLOAT, seed), "unet", widths);
        UNet3D.Features features = unet.forward(image, size);
        features.local().rename(BackboneGraph.LOCAL);
        features.global().rename(BackboneGraph.GLOBAL);
        return new BackboneGraph(sd, widths, batch, size, features.globalSize());
    }

    /**
     * The registration sub-graph for inference: placeholders {@link GvslGraph#FIXED} and {@link GvslGraph#MOVING}
     * {@code [batch, 1, size]} → {@link GvslGraph#DVF} Φ {@code [batch, 3, size]}, {@link GvslGraph#WARPED}
     * {@code [batch, 1, size]} and {@link GvslGraph#AFFINE_MATRIX} {@code [batch, 3, 4]} (the identity
     * {@code [I | 0]} without the affine head), plus the intermediates under the names of {@link GvslGraph}; no
     * restoration head, no losses. Float32, fresh parameters seeded by {@code config.seed()}.
     *
     * @throws IllegalArgumentException for a batch below 1, a size-1 axis, or a variant without registration
     */
    public static RegistrationGraph registration(GvslConfig config, int batch, SpatialSize size) {
        requirePositiveBatch(batch);
        if (!config.variant().registration()) {
            throw new IllegalArgumentException("variant " + config.variant() + " has no registration heads");
        }
        size.requireNoUnitAxis("registration");
        SameDiff sd = GraphRuntime.newGraph();
        long[] shape = size.shape(batch, 1);
        SDVariable fixed = sd.placeHolder(GvslGraph.FIXED, DataType.FLOAT, shape);
        SDVariable moving = sd.placeHolder(GvslGraph.MOVING, DataType.FLOAT, shape);
        GvslModel model = GvslModel.create(new ParameterFactory(sd, DataType.FLOAT, config.seed()), config);
        GvslModel.Registration r = model.register(fixed, moving, batch, size);
        nameRegistration(r);
        if (r.dvf() == r.flow()) {
            sd.identity(r.flow()).rename(GvslGraph.DVF);
        }
        if (r.affine() == null) {
            INDArray identity = Nd4j.zeros(DataType.FLOAT, batch, 3, 4);
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < 3; i++) {
                    identity.putScalar(new long[] {n, i, i}, 1.0);
                }
            }
            sd.constant(GvslGraph.AFFINE_MATRIX, identity);
        }
        return new RegistrationGraph(sd, config, batch, size);
    }

    /** Names the Z-Matching tensors of a forward pass as {@link GvslGraph} documents. */
    private static void nameRegistration(GvslModel.Registration r) {
        name(r.globalMoving(), GvslGraph.GLOBAL_MOVING);
        name(r.localMoving(), GvslGraph.LOCAL_MOVING);
        name(r.raw(), GvslGraph.AFFINE_RAW);
        if (r.affine() != null) {
            name(r.affine().asMatrix(), GvslGraph.AFFINE_MATRIX);
        }
        name(r.voxelMatrix(), GvslGraph.AFFINE_VOXEL_MATRIX);
        name(r.affineField(), GvslGraph.AFFINE_FIELD);
        name(r.flow(), GvslGraph.FLOW);
        if (r.dvf() != r.flow()) {
            name(r.dvf(), GvslGraph.DVF);
        }
        name(r.warped(), GvslGraph.WARPED);
    }

    private static void requirePositiveBatch(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
    }

    private static void name(SDVariable v, String name) {
        if (v != null) {
            v.rename(name);
        }
    }
}
