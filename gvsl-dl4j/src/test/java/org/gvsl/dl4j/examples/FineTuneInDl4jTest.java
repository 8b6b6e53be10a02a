package org.gvsl.dl4j.examples;

import org.deeplearning4j.util.ModelSerializer;
import org.gvsl.dl4j.PretrainedBackbone;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.ReferenceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTuneInDl4jTest {

    /** The reference case's pre-trained narrow weights, written where a run would write its weights.npz. */
    private static Path weightsFile(Path dir) throws Exception {
        ReferenceCase unet = ReferenceCases.bundled().get("unet");
        String name = unet.attribute("weights_file").asText();
        Path file = dir.resolve("weights.npz");
        ModelWeights.writeNpz(ModelWeights.readNpz(new ByteArrayInputStream(unet.file(name)), name), file);
        return file;
    }

    @Test
    void fineTuningLowersTheLossAndSavesTheNetwork(@TempDir Path dir) throws Exception {
        Path weights = weightsFile(dir);
        Path out = dir.resolve("model.zip");
        FineTuneInDl4j.Result r = FineTuneInDl4j.run(weights, false, 3, 16, out);
        assertTrue(r.finalLoss() < r.initialLoss(), r.initialLoss() + " → " + r.finalLoss());
        assertNotEquals(PretrainedBackbone.load(weights).weights().get("unet.inc.double_conv.0.weight"),
                PretrainedBackbone.of(r.network().getLayer("backbone")).weights().get("unet.inc.double_conv.0.weight"));
        assertTrue(Files.size(out) > 0);
        DataSet data = FineTuneInDl4j.syntheticBall(16, 7);
        assertEquals(r.network().outputSingle(data.getFeatures()),
                ModelSerializer.restoreComputationGraph(out.toFile(), false).outputSingle(data.getFeatures()));
    }

    @Test
    void linearEvaluationTrainsTheHeadOnly(@TempDir Path dir) throws Exception {
        Path weights = weightsFile(dir);
        FineTuneInDl4j.Result r = FineTuneInDl4j.run(weights, true, 3, 16, null);
        assertTrue(r.finalLoss() < r.initialLoss(), r.initialLoss() + " → " + r.finalLoss());
        Map<String, INDArray> after = PretrainedBackbone.of(r.network().getLayer("backbone")).weights();
        PretrainedBackbone.load(weights).weights().forEach((name, w) ->
                assertArrayEquals(w.data().asFloat(), after.get(name).data().asFloat(), name));
    }

    @Test
    void theSyntheticCaseIsABallWithOneHotLabels() {
        DataSet data = FineTuneInDl4j.syntheticBall(16, 7);
        assertArrayEquals(new long[] {1, 1, 16, 16, 16}, data.getFeatures().shape());
        assertArrayEquals(new long[] {1, 2, 16, 16, 16}, data.getLabels().shape());
        assertEquals(16 * 16 * 16, data.getLabels().sumNumber().intValue(), "one class per voxel");
        double ball = data.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).sumNumber().doubleValue();
        // radius 4 around the centre (7.5, 7.5, 7.5): the voxels with squared distance ≤ 16
        assertEquals(ballVoxels(16, 16.0), ball);
    }

    private static int ballVoxels(int s, double r2) {
        int n = 0;
        double c = (s - 1) / 2.0;
        for (int z = 0; z < s; z++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    n += (z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c) <= r2 ? 1 : 0;
                }
            }
        }
        return n;
    }
}
