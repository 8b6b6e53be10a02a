package org.gvsl.train.pretrain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.data.loader.PrefetchingLoader;
import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.loader.VolumeSource;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.train.TinyRun;
import org.gvsl.train.checkpoint.Checkpoint;
import org.gvsl.train.checkpoint.CheckpointStore;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ConfigLayers;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.monitor.UiStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainerTest {

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    private static PretrainResult run(PretrainConfig config, RunFolder folder, TrainingData data, StringBuilder out)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PretrainResult result = Pretrainer.builder().setConfig(config).setRunFolder(folder).optData(data)
                .optOut(stream).optProgress(stream, false).build().run();
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return result;
    }

    @Test
    void aTinyRunFillsItsFolderAndSaysWhereItIsAndHowTheLossMoved(@TempDir Path dir) throws Exception {
        PretrainConfig config = TinyRun.config(dir, 6, 2).with(PretrainOptions.KEEP_CHECKPOINTS, 2).with(PretrainOptions.UI_STATS, true).build();
        RunFolder folder = new RunFolder(dir);
        StringBuilder out = new StringBuilder();
        PretrainResult result = run(config, folder, null, out);

        assertEquals(PretrainResult.Status.COMPLETED, result.status());
        assertEquals(6, result.step());
        assertTrue(result.message().startsWith("done: 6 steps in "), result.message());
        assertTrue(result.message().contains("model " + folder.modelFile() + " (+ model.fb, weights.npz"),
                result.message());
        assertTrue(result.message().contains("loss, first → last 3-step means: ncc "), result.message());
        assertTrue(out.toString().contains(result.message()), out.toString());
        assertTrue(out.toString().contains("run folder " + dir + " (seed 1)"), out.toString());

        assertEquals(config, ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("c",
                ConfigJson.readFile(folder.config())))));
        List<String> csv = Files.readAllLines(folder.losses());
        assertEquals("step,loss_ncc,loss_smooth,loss_mse,loss_total,seconds,rss_mb", csv.get(0));
        assertEquals(7, csv.size());
        for (Path p : List.of(folder.lossCurve(), folder.preview(), folder.model(), folder.weights(), folder.uiStats())) {
            assertTrue(Files.size(p) > 0, p + " written");
        }
        UiStatsFile ui = new UiStatsFile(folder.uiStats());
        assertTrue(ui.hasGraphStructure());
        List<Double> uiTotals = List.copyOf(ui.scalars("losses/" + GvslGraph.LOSS_TOTAL).values());
        assertEquals(6, uiTotals.size(), uiTotals.toString());
        for (int step = 1; step <= 6; step++) {
            double csvTotal = Double.parseDouble(csv.get(step).split(",")[4]);
            assertEquals(csvTotal, uiTotals.get(step - 1), 1e-6 * Math.abs(csvTotal), "total loss of step " + step);
        }
        List<Checkpoint> checkpoints = CheckpointStore.open(folder.checkpoints(), 2).list();
        assertEquals(List.of(4, 6), checkpoints.stream().map(Checkpoint::step).toList());
        Map<String, INDArray> weights = ModelWeights.readNpz(folder.weights());
        assertTrue(weights.containsKey("unet.inc.double_conv.0.weight"), weights.keySet().toString());
        assertTrue(weights.containsKey("fc_rot.weight"), weights.keySet().toString());
        assertEquals(6, GraphRuntime.load(folder.model(), true).getTrainingConfig().getIterationCount());

        PretrainedModel model = PretrainedModel.open(dir);
        assertEquals(folder.modelFile().toString(), model.origin(), "the run folder's model file");
        assertEquals(config.model(), model.config());
        assertEquals(6, model.provenance().steps());
        assertEquals(1L, model.provenance().seed());
        assertEquals("4 synthetic CT volumes 20³ (+6 held out for the preview and the registration check), generated"
                + " in memory", model.provenance().data());
        assertEquals(config, ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("c",
                (ObjectNode) ConfigJson.mapper().readTree(model.runConfig().orElseThrow())))));
        weights.forEach((name, w) -> assertArrayEquals(w.data().asFloat(), model.weights().get(name).data().asFloat(),
                name));

        ConfigException done = assertThrows(ConfigException.class, () -> Pretrainer.builder().setConfig(config)
                .setRunFolder(folder).optResume(true).build().run());
        assertEquals("the run in " + dir + " has completed its 6 steps; pass --steps with a larger number to train it"
                + " further", done.getMessage());
    }

    @Test
    void resumingWithoutACheckpointSaysSo(@TempDir Path dir) throws Exception {
        PretrainConfig config = TinyRun.config(dir, 6, 2).build();
        ConfigJson.write(config, dir.resolve(RunFolder.CONFIG_FILE));
        ConfigException e = assertThrows(ConfigException.class, () -> Pretrainer.builder().setConfig(config)
                .setRunFolder(RunFolder.open(dir)).optResume(true).build().run());
        assertTrue(e.getMessage().startsWith("no checkpoint in " + dir.resolve("checkpoints") + " to resume from (the run"
                + " stopped before its first checkpoint, due at step 2)"), e.getMessage());
    }

    /**
     * Four good volumes and one of NaN: training is fine until the first step whose pair draws the NaN volume
     * (found here from the loader's deterministic draws), and that step must stop the run.
     */
    @Test
    void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws Exception {
        SyntheticAnatomy anatomy = SyntheticAnatomy.builder().optShape(VolumeShape.cube(20)).build();
        List<VolumeSource> good = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            good.add(VolumeSource.of("good" + i, CtIntensity.hounsfield().apply(anatomy.generate(i).image())));
        }
        float[] nan = new float[20 * 20 * 20];
        Arrays.fill(nan, Float.NaN);
        List<VolumeSource> training = new ArrayList<>(good);
        training.add(VolumeSource.of("nan", good.get(0).load().withVoxels(nan)));

        PretrainConfig config = null;
        TrainingData data = null;
        int firstBad = -1;
        for (long seed = 1; firstBad < 0; seed++) {
            PretrainConfig c = TinyRun.config(dir, 8, 1).with(PretrainOptions.SEED, seed).build();
            TrainingData d = TrainingData.of(training, good, c, "four good volumes and one of NaN");
            for (int step = 0; step < 6; step++) {
                TrainingPair pair = PrefetchingLoader.prepare(d.sampler(), seed, step, 1).get(0);
                if (pair.sourceA().equals("nan") || pair.sourceB().equals("nan")) {
                    if (step >= 2) {
                        firstBad = step + 1;
                        config = c;
                        data = d;
                    }
                    break;
                }
            }
        }
        RunFolder folder = new RunFolder(dir);
        StringBuilder out = new StringBuilder();
        PretrainResult result = run(config, folder, data, out);

        assertEquals(PretrainResult.Status.NON_FINITE, result.status());
        assertEquals(1, result.exitCode());
        assertEquals(firstBad - 1, result.step());
        String expected = "stopped at step " + firstBad + ": loss_ncc = NaN. The last good checkpoint is "
                + folder.checkpoints().resolve(CheckpointStore.folderName(firstBad - 1));
        assertTrue(result.message().startsWith(expected), result.message());
        assertTrue(out.toString().contains(expected), out.toString());
        assertFalse(Files.exists(folder.model()), "no final model after a stop");
        Checkpoint last = CheckpointStore.open(folder.checkpoints(), 3).latest().orElseThrow();
        assertEquals(firstBad - 1, last.step());
        SameDiff saved = GraphRuntime.load(last.modelFile(), true);
        for (var v : saved.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                assertFalse(BooleanIndexing.or(v.getArr(), Conditions.notFinite()), v.name() + " is finite");
            }
        }
    }
}
