package org.gvsl.model.gvsl;

import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.optim.BiasCorrectedAdam;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the named GVSL pre-training graph for a batch size and crop size: placeholders {@code fixed},
 * {@code moving} (absent for restoration only) and {@code target}, all {@code [N, 1, D, H, W]}; the intermediate
 * outputs and the loss terms under the names of {@link GvslGraph}; Adam as the training configuration with the
 * total loss as the loss variable.
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
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
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
        name(out.globalMoving(), GvslGraph.GLOBAL_MOVING);
        name(out.localMoving(), GvslGraph.LOCAL_MOVING);
        name(out.raw(), GvslGraph.AFFINE_RAW);
        if (out.affine() != null) {
            name(out.affine().asMatrix(), GvslGraph.AFFINE_MATRIX);
        }
        name(out.voxelMatrix(), GvslGraph.AFFINE_VOXEL_MATRIX);
        name(out.affineField(), GvslGraph.AFFINE_FIELD);
        name(out.flow(), GvslGraph.FLOW);
        if (out.dvf() != out.flow()) {
            name(out.dvf(), GvslGraph.DVF);
        }
        name(out.warped(), GvslGraph.WARPED);
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

    private static void name(SDVariable v, String name) {
        if (v != null) {
            v.rename(name);
        }
    }
}
