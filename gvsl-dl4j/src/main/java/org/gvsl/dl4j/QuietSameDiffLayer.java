package org.gvsl.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's {@code SameDiffLayer} runtime with its gradient function built through {@link GraphRuntime}.
 *
 * <p>Why: DL4J builds the gradient function on the first backward pass with {@code createGradFunction}, which in
 * ND4J 1.0.0-M2.1 prints a line per op to standard output (about 470 for the narrow U-Net) in the middle of a
 * user's {@code fit}. Building it first, the same way (with the layer input's gradient) but quietly, leaves
 * DL4J's own backward pass nothing to build.
 */
final class QuietSameDiffLayer extends SameDiffLayer {

    QuietSameDiffLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    @SuppressWarnings("try") // the scope is the point: the graph's arrays must live outside DL4J's workspaces
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (sameDiff == null) {
                doInit();
            }
            if (!sameDiff.hasGradientFunction()) {
                GraphRuntime.createGradientFunction(sameDiff, INPUT_KEY);
            }
        }
        return super.backpropGradient(epsilon, workspaceMgr);
    }
}
