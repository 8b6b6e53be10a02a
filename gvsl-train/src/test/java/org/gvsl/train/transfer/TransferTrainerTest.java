package org.gvsl.train.transfer;

import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCohortWriter;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.report.LabelMap;
import org.gvsl.model.file.TransferModel;
import org.gvsl.model.file.TransferModelFile;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.transfer.TransferMode;
import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.TinyRun;
import org.gvsl.train.config.ConfigBuilder;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.TransferOptions;
import org.gvsl.train.config.TransferRunConfig;
import org.gvsl.train.pretrain.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferTrainerTest {

    @TempDir
    static Path data;

    /** Six synthetic 16³ volumes with labels 0..6 and classes 0/1: 4 train, 1 validation, 1 test by fractions. */
    @BeforeAll
    static void writeData() throws Exception {
        SyntheticCohortWriter.write(SyntheticAnatomy.builder().optShape(VolumeShape.cube(16)).optSeed(3).build(), data,
                6);
    }

    private static ConfigBuilder<TransferRunConfig> config(int steps) {
        return TransferRunConfig.builder().with(TransferOptions.DATA, data).with(TransferOptions.WIDTHS, TinyRun.WIDTHS)
                .with(TransferOptions.STEPS, steps).with(TransferOptions.VALIDATE_EVERY, 2)
                .with(TransferOptions.CHECKPOINT_EVERY, 2).with(TransferOptions.PLOT_EVERY, 100)
                .with(TransferOptions.VALIDATION_FRACTION, 0.2).with(TransferOptions.TEST_FRACTION, 0.2)
                .with(TransferOptions.LEARNING_RATE, 1e-2).with(TransferOptions.THREADS, 1);
    }

    private static TransferResult run(TransferRunConfig config, Path dir, boolean resume) throws Exception {
        TransferRunFolder folder = new TransferRunFolder(resume ? RunFolder.open(dir) : new RunFolder(
                Files.createDirectories(dir)));
        return TransferTrainer.builder().setConfig(config).setRunFolder(folder).optResume(resume).optQuiet().build()
                .run();
    }

    @Test
    void aResumedLinearRunIsBitIdenticalAndItsBestModelIsTestedAndSaved(@TempDir Path dir) throws Exception {
        TransferRunConfig six = config(6).build().withMode(TransferMode.LINEAR);
        TransferResult whole = run(six, dir.resolve("whole"), false);
        run(config(4).build().withMode(TransferMode.LINEAR), dir.resolve("parts"), false);
        TransferResult resumed = run(six, dir.resolve("parts"), true);

        assertEquals(Files.readAllLines(dir.resolve("whole/losses.csv")).stream().map(TransferTrainerTest::losses)
                .toList(), Files.readAllLines(dir.resolve("parts/losses.csv")).stream().map(TransferTrainerTest::losses)
                .toList());
        Map<String, INDArray> a = ModelWeights.readNpz(dir.resolve("whole/weights.npz"));
        Map<String, INDArray> b = ModelWeights.readNpz(dir.resolve("parts/weights.npz"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, w) -> assertEquals(w, b.get(name), name));
        assertEquals(whole.bestStep(), resumed.bestStep());
        assertEquals(whole.bestScore(), resumed.bestScore());
        assertEquals(whole.testScores(), resumed.testScores());

        // the best step has the highest validation Dice of validation.csv, the earliest on ties
        List<String> rows = Files.readAllLines(dir.resolve("whole/validation.csv"));
        assertEquals(List.of(2, 4, 6), rows.subList(1, rows.size()).stream().map(r -> Integer.parseInt(r.split(",")[0]))
                .toList());
        double max = rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r.split(",")[1])).max()
                .orElseThrow();
        int first = rows.subList(1, rows.size()).stream().filter(r -> Double.parseDouble(r.split(",")[1]) == max)
                .mapToInt(r -> Integer.parseInt(r.split(",")[0])).findFirst().orElseThrow();
        assertEquals(first, whole.bestStep());
        assertTrue(Files.isDirectory(dir.resolve("whole/best/step-" + String.format("%06d", first))));

        // the test prediction lies on its image's grid and is scored
        String name = whole.testScores().keySet().iterator().next();
        LabelMap prediction = LabelMap.read(dir.resolve("whole/predictions/" + name + ".nii.gz"));
        prediction.requireSameGrid(LabelMap.read(data.resolve("labels/" + name + ".nii.gz")));
        assertTrue(Files.readString(dir.resolve("whole/test/metrics.csv")).startsWith(
                "case,class,dice,hd95,asd,sensitivity,specificity,precision"));
        TransferModel model = TransferModelFile.read(dir.resolve("whole"));
        assertEquals(TransferMode.LINEAR, model.config().mode());
        assertEquals(7, model.config().classes());
        assertEquals(16, model.window().d());
        assertTrue(Files.isRegularFile(dir.resolve("whole/backbone.npz")));
    }

    @Test
    void aResumedFineTuningRunIsBitIdentical(@TempDir Path dir) throws Exception {
        TransferRunConfig four = config(4).build();
        TransferResult whole = run(four, dir.resolve("whole"), false);
        run(config(2).build(), dir.resolve("parts"), false);
        TransferResult resumed = run(four, dir.resolve("parts"), true);

        List<String> expected = Files.readAllLines(dir.resolve("whole/losses.csv"));
        assertEquals(5, expected.size(), "a header and 4 steps");
        assertEquals(expected.stream().map(TransferTrainerTest::losses).toList(),
                Files.readAllLines(dir.resolve("parts/losses.csv")).stream().map(TransferTrainerTest::losses).toList());
        assertEquals(Files.readAllLines(dir.resolve("whole/validation.csv")).stream().map(TransferTrainerTest::losses)
                .toList(), Files.readAllLines(dir.resolve("parts/validation.csv")).stream()
                .map(TransferTrainerTest::losses).toList());
        Map<String, INDArray> a = ModelWeights.readNpz(dir.resolve("whole/weights.npz"));
        Map<String, INDArray> b = ModelWeights.readNpz(dir.resolve("parts/weights.npz"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().stream().anyMatch(n -> n.startsWith("unet.")), a.keySet().toString());
        a.forEach((name, w) -> assertArrayEquals(w.data().asFloat(), b.get(name).data().asFloat(), 0f, name));
        assertEquals(whole.bestStep(), resumed.bestStep());
        assertEquals(whole.bestScore(), resumed.bestScore());
        assertEquals(whole.testScores(), resumed.testScores());
        assertFalse(Files.exists(dir.resolve("parts/backbone.npz")), "fine-tuning trains the backbone: none frozen");
    }

    @Test
    void aSplitFileSaysWhichImagesTrainValidateAndTest(@TempDir Path dir) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("case_000", "test");
        parts.put("case_001", "train");
        parts.put("case_002", "validation");
        parts.put("case_003", "train");
        parts.put("case_004", "validation");
        parts.put("case_005", "train");
        StringBuilder csv = new StringBuilder("image,split\n");
        parts.forEach((image, part) -> csv.append(image).append(',').append(part).append('\n'));
        Path split = Files.writeString(dir.resolve("split.csv"), csv);
        TransferRunConfig config = config(1).with(TransferOptions.SPLIT, split).build();

        TransferData data = TransferData.from(config);
        assertEquals(List.of("case_001", "case_003", "case_005"), stems(data.split().train()));
        assertEquals(List.of("case_002", "case_004"), stems(data.split().validation()));
        assertEquals(List.of("case_000"), stems(data.split().test()));

        TransferResult r = run(config, dir.resolve("run"), false);
        Map<String, String> written = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(dir.resolve("run/split.csv"));
        assertEquals("image,split", rows.get(0));
        rows.subList(1, rows.size()).forEach(row -> written.put(row.split(",")[0], row.split(",")[1]));
        assertEquals(parts, new java.util.TreeMap<>(written));
        assertEquals(List.of("case_000"), List.copyOf(r.testScores().keySet()));
        try (var files = Files.list(dir.resolve("run/predictions"))) {
            assertEquals(List.of("case_000.nii.gz"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(2, Files.readAllLines(dir.resolve("run/validation.csv")).size(), "one validation, at the end");
    }

    private static List<String> stems(List<org.gvsl.data.dataset.DatasetItem> items) {
        return items.stream().map(i -> org.gvsl.data.nifti.NiftiFiles.stem(i.image())).toList();
    }

    private static String losses(String row) {
        int last = row.lastIndexOf(',');
        int secondLast = row.lastIndexOf(',', last - 1);
        return row.substring(0, secondLast);   // without seconds and rss
    }

    @Test
    void fineTuningLowersTheLossAndClassificationIsScoredByAuc(@TempDir Path dir) throws Exception {
        TransferResult seg = run(config(8).with(TransferOptions.VALIDATE_EVERY, 8).build(), dir.resolve("seg"), false);
        List<String> rows = Files.readAllLines(dir.resolve("seg/losses.csv"));
        double firstTwo = total(rows.get(1)) + total(rows.get(2));
        double lastTwo = total(rows.get(rows.size() - 2)) + total(rows.get(rows.size() - 1));
        assertTrue(lastTwo < firstTwo, rows.toString());
        assertEquals(TransferResult.Status.COMPLETED, seg.status());

        TransferResult cls = run(config(2).with(TransferOptions.TASK, TransferTask.CLASSIFICATION).build(),
                dir.resolve("cls"), false);
        List<String> scores = Files.readAllLines(dir.resolve("cls/test/scores.csv"));
        assertEquals("case,class,p1", scores.get(0));
        assertEquals(2, scores.size());
        String summary = Files.readString(dir.resolve("cls/test/summary.json"));
        assertTrue(summary.contains("\"auc\" : \"undefined\""), summary);   // one test case: one class
        assertTrue(Double.isNaN(cls.testSummary()));
        assertTrue(cls.metric().equals(TransferTrainer.VAL_LOSS), cls.metric());   // one validation case too
    }

    private static double total(String row) {
        String[] f = row.split(",");
        return Double.parseDouble(f[f.length - 3]);
    }

    @Test
    void badInputsAreNamedInOneLine(@TempDir Path dir) throws Exception {
        String above = assertThrows(ConfigException.class, () -> TransferData.from(config(1)
                .with(TransferOptions.CLASSES, 4).build())).getMessage();
        assertTrue(above.contains("holds label") && above.contains("above what --classes 4 allows (0..3)"), above);

        Path unlabelled = Files.createDirectories(dir.resolve("u/images"));
        Files.copy(data.resolve("images/case_000.nii.gz"), unlabelled.resolve("case_000.nii.gz"));
        Files.createDirectories(dir.resolve("u/labels"));
        String missing = assertThrows(ConfigException.class, () -> TransferData.from(config(1)
                .with(TransferOptions.DATA, dir.resolve("u")).build())).getMessage();
        assertTrue(missing.contains("case_000.nii.gz has no label map"), missing);

        Path split = Files.writeString(dir.resolve("split.csv"), "image,split\nnobody,train\n");
        String unknown = assertThrows(ConfigException.class, () -> TransferData.from(config(1)
                .with(TransferOptions.SPLIT, split).build())).getMessage();
        assertTrue(unknown.contains("cannot split") && unknown.contains("nobody"), unknown);

        String noWidths = assertThrows(ConfigException.class, () -> run(config(1).with(TransferOptions.WIDTHS, null)
                .build(), dir.resolve("w"), false)).getMessage();
        assertTrue(noWidths.contains("from scratch needs --widths"), noWidths);

        Path junk = Files.writeString(dir.resolve("junk.npz"), "not a zip");
        String init = assertThrows(ConfigException.class, () -> run(config(1).with(TransferOptions.INIT, junk)
                .with(TransferOptions.WIDTHS, null).build(), dir.resolve("i"), false)).getMessage();
        assertTrue(init.startsWith("--init " + junk + ": ") && init.contains("not a readable zip archive"), init);

        String none = assertThrows(ConfigException.class, () -> TransferData.from(config(1)
                .with(TransferOptions.DATA, null).build())).getMessage();
        assertTrue(none.contains("--data DIR is required"), none);
    }
}
