package org.gvsl.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small DL4J networks around a backbone layer, for the tests. */
final class Networks {

    static final String INPUT = "image";
    static final String BACKBONE = "backbone";
    static final String HEAD = "head";

    private Networks() {
    }

    /** The backbone alone, its output the network's, initialised. */
    static ComputationGraph backboneOnly(Layer backbone, long... dhw) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs(INPUT).setInputTypes(volume(dhw))
                .addLayer(BACKBONE, backbone, INPUT)
                .setOutputs(BACKBONE).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** Backbone → 1×1×1 convolution to one channel → mean-squared-error loss, trained by Adam, initialised. */
    static ComputationGraph regression(Layer backbone, double learningRate, long... dhw) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7)
                .updater(new Adam(learningRate)).graphBuilder()
                .addInputs(INPUT).setInputTypes(volume(dhw))
                .addLayer(BACKBONE, backbone, INPUT)
                .addLayer(HEAD, new Convolution3D.Builder().kernelSize(1, 1, 1).nOut(1)
                        .dataFormat(Convolution3D.DataFormat.NCDHW).activation(Activation.IDENTITY).build(), BACKBONE)
                .addLayer("loss", new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW)
                        .lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), HEAD)
                .setOutputs("loss").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** {@code InputType.convolutional3D(NCDHW, D, H, W, 1)}. */
    static InputType volume(long... dhw) {
        return InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, dhw[0], dhw[1], dhw[2], 1);
    }

    /** The largest absolute difference of two arrays of one shape. */
    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
