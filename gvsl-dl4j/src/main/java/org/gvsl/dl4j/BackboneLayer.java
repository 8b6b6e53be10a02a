package org.gvsl.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.blocks.ParameterFactory;
import org.gvsl.model.blocks.ParameterSource;
import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The GVSL backbone, our 3-D U-Net ({@link UNet3D}, spec §1), as a DL4J layer for a {@code ComputationGraph} or
 * {@code MultiLayerNetwork}: a {@link SameDiffLayer} whose graph is built by the same block classes as our SameDiff
 * model, with its parameters in DL4J's parameter table.
 *
 * <p>Input {@code [N, 1, D, H, W]}: declare it with {@code InputType.convolutional3D(NCDHW, D, H, W, 1)} (the
 * graph is built for that size; any size works, padded to multiples of 16 inside as spec §1 says). Output
 * {@link Output#LOCAL} the local features {@code [N, c8, D, H, W]} or {@link Output#GLOBAL} the global features
 * {@code [N, c4, D'/16, H'/16, W'/16]} (D' = D rounded up to 16).
 *
 * <p>Parameters: the U-Net's tensors under their DL4J names ({@link BackboneParamNames}) in the reference layout
 * (conv weights {@code [Cout, Cin, 3, 3, 3]}); names ending {@code .weight} (convolutions and GroupNorm γ) are
 * DL4J weights, {@code .bias} (convolution biases and GroupNorm β) DL4J biases, as DL4J's regularisation and
 * bias updater see them. {@code init()} fills them exactly as {@link ParameterFactory} initialises our model with
 * the same seed; {@link PretrainedBackbone#copyInto} then puts pre-trained weights in. Trainable with DL4J's
 * {@code fit}; wrapped in DL4J's {@code FrozenLayer}, it is a fixed feature extractor (linear evaluation).
 * Serialises with {@code ModelSerializer} (the configuration as JSON, the parameters with the network's).
 */
public final class BackboneLayer extends SameDiffLayer {

    /** Which features the layer outputs. */
    public enum Output {
        /** The decoder's full-resolution features {@code [N, c8, D, H, W]}. */
        LOCAL,
        /** The bottleneck features {@code [N, c4, D'/16, H'/16, W'/16]}. */
        GLOBAL
    }

    @JsonProperty
    private int[] widths;
    @JsonProperty
    private Output output;
    @JsonProperty
    private long seed;
    /** D, H, W of the declared input type; null until DL4J passes the input type. */
    @JsonProperty
    private int[] inputSize;

    /** For DL4J's JSON deserialisation. */
    private BackboneLayer() {
    }

    private BackboneLayer(Builder b) {
        this.widths = b.widths.toArray();
        this.output = b.output;
        this.seed = b.seed;
    }

    /** A builder: {@link Builder#setWidths} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The U-Net's widths. */
    public UNetWidths widths() {
        return UNetWidths.of(widths);
    }

    /** Which features the layer outputs. */
    public Output output() {
        return output;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        tensorShapes().forEach((name, shape) -> {
            String key = BackboneParamNames.toDl4j(name);
            if (name.endsWith(".bias")) {
                params.addBiasParam(key, shape);
            } else {
                params.addWeightParam(key, shape);
            }
        });
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        SameDiff scratch = GraphRuntime.newGraph();
        build((name, shape, initial) -> {
            INDArray target = params.get(BackboneParamNames.toDl4j(name));
            target.assign(Nd4j.createFromArray(initial.get()).reshape(shape).castTo(target.dataType()));
            return scratch.placeHolder(name, DataType.FLOAT, shape);
        });
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable layerInput, Map<String, SDVariable> paramTable,
                                  SDVariable mask) {
        UNet3D.Features features = build(new ParamTableSource(paramTable)).forward(layerInput, inputSize());
        return output == Output.LOCAL ? features.local() : features.global();
    }

    /** As {@link SameDiffLayer#instantiate}, with the runtime that builds the gradient function quietly. */
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        QuietSameDiffLayer layer = new QuietSameDiffLayer(conf, networkDataType);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        SpatialSize size = requireVolume(inputType);
        if (inputSize == null || override) {
            inputSize = new int[] {size.d(), size.h(), size.w()};
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        SpatialSize size = requireVolume(inputType);
        UNetWidths w = widths();
        if (output == Output.LOCAL) {
            return InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, size.d(), size.h(), size.w(), w.c8());
        }
        SpatialSize padded = UNet3D.paddedSize(size);
        return InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, padded.d() / UNet3D.FACTOR,
                padded.h() / UNet3D.FACTOR, padded.w() / UNet3D.FACTOR, w.c4());
    }

    @Override
    public void validateInput(INDArray input) {
        long[] expected = inputSize().shape(input.rank() == 5 ? input.size(0) : 1, 1);
        if (!Arrays.equals(input.shape(), expected)) {
            throw new IllegalArgumentException("GVSL backbone '" + getLayerName() + "': the network was configured for"
                    + " inputs [N, 1, D, H, W] with D×H×W = " + inputSize() + ", got "
                    + Arrays.toString(input.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackboneLayer b && super.equals(o) && Arrays.equals(widths, b.widths)
                && output == b.output && seed == b.seed && Arrays.equals(inputSize, b.inputSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), Arrays.hashCode(widths), output, seed, Arrays.hashCode(inputSize));
    }

    /** The U-Net over parameters from {@code source}, seeded as our model. */
    private UNet3D build(ParameterSource source) {
        return new UNet3D(new ParameterFactory(source, seed), BackboneParamNames.PREFIX, widths());
    }

    /** Every tensor's reference name and shape, in the order the U-Net creates them. */
    Map<String, long[]> tensorShapes() {
        SameDiff scratch = GraphRuntime.newGraph();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        build((name, shape, initial) -> {
            shapes.put(name, shape);
            return scratch.placeHolder(name, DataType.FLOAT, shape);
        });
        return shapes;
    }

    private SpatialSize inputSize() {
        if (inputSize == null) {
            throw new IllegalStateException("GVSL backbone '" + getLayerName() + "': the input size is unknown;"
                    + " declare the network's input with"
                    + " InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, D, H, W, 1)");
        }
        return new SpatialSize(inputSize[0], inputSize[1], inputSize[2]);
    }

    private SpatialSize requireVolume(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D v)
                || v.getDataFormat() != Convolution3D.DataFormat.NCDHW || v.getChannels() != 1) {
            throw new IllegalArgumentException("GVSL backbone '" + getLayerName() + "' takes one-channel volumes,"
                    + " InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, D, H, W, 1); got " + inputType);
        }
        return new SpatialSize(Math.toIntExact(v.getDepth()), Math.toIntExact(v.getHeight()),
                Math.toIntExact(v.getWidth()));
    }

    /** Builds a {@link BackboneLayer}; the layer's name is given where it is added to the network. */
    public static final class Builder {
        private UNetWidths widths;
        private Output output = Output.LOCAL;
        private long seed;

        private Builder() {
        }

        /** The U-Net's widths (required): those of the pre-trained weights, {@link PretrainedBackbone#widths}. */
        public Builder setWidths(UNetWidths widths) {
            this.widths = widths;
            return this;
        }

        /** Which features the layer outputs (default {@link Output#LOCAL}). */
        public Builder optOutput(Output output) {
            this.output = output;
            return this;
        }

        /** The seed of the initial values (default 0); the same seed gives our SameDiff model's initial values. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The layer.
         *
         * @throws IllegalStateException when the widths or the output are not set
         */
        public BackboneLayer build() {
            if (widths == null) {
                throw new IllegalStateException("BackboneLayer: setWidths is required");
            }
            if (output == null) {
                throw new IllegalStateException("BackboneLayer: output must not be null");
            }
            return new BackboneLayer(this);
        }
    }
}
