package org.gvsl.dl4j.examples;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gvsl.dl4j.BackboneLayer;
import org.gvsl.dl4j.PretrainedBackbone;
import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tunes the pre-trained GVSL backbone for a segmentation task in a DL4J {@code ComputationGraph}: backbone →
 * 1×1×1 convolution to two classes → softmax cross-entropy, trained with DL4J's {@code fit}, then saved with
 * {@code ModelSerializer}. {@code --frozen} keeps the backbone fixed (linear evaluation: only the head learns).
 *
 * <p>The data here is a synthetic stand-in: a noisy volume with a bright ball, labelled ball/background. Replace
 * {@link #syntheticBall} by your images and one-hot label maps {@code [N, 2, D, H, W]}.
 *
 * <p>Usage: {@code FineTuneInDl4j WEIGHTS.npz [--frozen] [--steps N] [--size S] [--out MODEL.zip]} where
 * {@code WEIGHTS.npz} holds the backbone under the reference names ({@code weights.npz} of a {@code gvsl pretrain}
 * run).
 */
public final class FineTuneInDl4j {

    private FineTuneInDl4j() {
    }

    /** What a run gives: the trained network and its loss before the first and after the last step. */
    public record Result(ComputationGraph network, double initialLoss, double finalLoss) {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty() || a.get(0).startsWith("--")) {
            System.err.println("usage: FineTuneInDl4j WEIGHTS.npz [--frozen] [--steps N] [--size S] [--out MODEL.zip]");
            System.exit(2);
        }
        int steps = a.contains("--steps") ? Integer.parseInt(a.get(a.indexOf("--steps") + 1)) : 20;
        int size = a.contains("--size") ? Integer.parseInt(a.get(a.indexOf("--size") + 1)) : 32;
        Path out = a.contains("--out") ? Path.of(a.get(a.indexOf("--out") + 1)) : null;
        Result r = run(Path.of(a.get(0)), a.contains("--frozen"), steps, size, out);
        System.out.printf("loss %.4f -> %.4f after %d steps%n", r.initialLoss(), r.finalLoss(), steps);
    }

    /**
     * Builds the network on the pre-trained backbone of {@code weights}, trains it {@code steps} steps on a
     * synthetic {@code size}³ case, and writes it to {@code out} unless that is null.
     */
    public static Result run(Path weights, boolean frozen, int steps, int size, Path out) throws IOException {
        GraphRuntime.start(); // selects ND4J's oneDNN natives: before any other ND4J use

        PretrainedBackbone pretrained = PretrainedBackbone.load(weights);
        BackboneLayer backbone = pretrained.layer().build();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).updater(new Adam(1e-3)).graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, size, size, size, 1))
                .addLayer("backbone", frozen ? new FrozenLayer(backbone) : backbone, "image")
                .addLayer("head", new Convolution3D.Builder().kernelSize(1, 1, 1).nOut(2)
                        .dataFormat(Convolution3D.DataFormat.NCDHW).activation(Activation.IDENTITY).build(), "backbone")
                .addLayer("loss", new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW)
                        .lossFunction(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), "head")
                .setOutputs("loss").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        pretrained.copyInto(net.getLayer("backbone"));

        DataSet data = syntheticBall(size, 7);
        double initial = net.score(data);
        for (int i = 0; i < steps; i++) {
            net.fit(data);
        }
        if (out != null) {
            ModelSerializer.writeModel(net, out.toFile(), true);
        }
        return new Result(net, initial, net.score(data));
    }

    /** A noisy {@code [1, 1, s, s, s]} volume with a bright ball of radius s/4, and its one-hot labels. */
    static DataSet syntheticBall(int s, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray r2 = Nd4j.zeros(DataType.FLOAT, 1, 1, s, s, s);
        double c = (s - 1) / 2.0;
        for (int z = 0; z < s; z++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    r2.putScalar(new long[] {0, 0, z, y, x}, (z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c));
                }
            }
        }
        INDArray ball = r2.lte(s * s / 16.0).castTo(DataType.FLOAT);
        INDArray image = ball.mul(0.8).add(Nd4j.randn(DataType.FLOAT, 1, 1, s, s, s).mul(0.1));
        INDArray labels = Nd4j.concat(1, ball.rsub(1.0), ball);
        return new DataSet(image, labels);
    }
}
