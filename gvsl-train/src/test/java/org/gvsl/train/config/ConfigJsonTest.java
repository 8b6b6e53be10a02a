package org.gvsl.train.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigJsonTest {

    @Test
    void aWrittenConfigReadsBackEqual(@TempDir Path dir) throws Exception {
        PretrainConfig c = PretrainConfig.builder().with(PretrainOptions.DATA, dir.resolve("ct"))
                .with(PretrainOptions.SPACING, 1.5).with(PretrainOptions.STEPS, 7)
                .with(PretrainOptions.WIDTHS, UNetWidths.NARROW).with(PretrainOptions.VARIANT, Variant.NO_AFFINE)
                .with(PretrainOptions.SEED, 42L).build();
        Path file = dir.resolve("config.json");
        ConfigJson.write(c, file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"widths\" : [ 8, 16, 32, 64, 128, 64, 32, 16, 8 ]"), text);
        assertTrue(text.contains("\"data\" : \"" + dir.resolve("ct") + "\""), text);
        PretrainConfig back = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("f", ConfigJson.readFile(file))));
        assertEquals(c, back);
    }

    /**
     * A {@code config.json} as the version before the option table wrote it ({@code gvsl pretrain --data /d
     * --spacing 1.5 --no-affine --widths 4,4,8,8,8,8,8,4,4 --run-dir /r --print-config}): it still reads, to those
     * values, and each of its lines is written again as it was (options added since add lines), so runs written
     * before still resume.
     */
    @Test
    void aConfigJsonOfTheEarlierVersionReadsAndIsWrittenTheSame() throws Exception {
        String earlier = """
            {
              "model" : {
                "widths" : [ 4, 4, 8, 8, 8, 8, 8, 4, 4 ],
                "nccWindow" : 9,
                "lambdaSmooth" : 1.0,
                "lambdaMse" : 1.0,
                "variant" : "NO_AFFINE",
                "seed" : 1,
                "learningRate" : 1.0E-4,
                "beta1" : 0.9,
                "beta2" : 0.999,
                "adamEpsilon" : 1.0E-8
              },
              "data" : "/d",
              "syntheticCount" : 12,
              "syntheticSize" : 48,
              "intensity" : "CT",
              "spacing" : 1.5,
              "crop" : 128,
              "batch" : 2,
              "steps" : 200000,
              "spatialAugmentation" : true,
              "skipBadFiles" : false,
              "workers" : 1,
              "threads" : 0,
              "checkpointEvery" : 1000,
              "keepCheckpoints" : 3,
              "plotEvery" : 100,
              "previewEvery" : 1000,
              "uiStats" : false,
              "output" : "runs",
              "runDir" : "/r"
            }
            """;
        PretrainConfig c = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("config.json",
                (ObjectNode) ConfigJson.mapper().readTree(earlier))));
        assertEquals(PretrainConfig.builder().with(PretrainOptions.DATA, Path.of("/d")).with(PretrainOptions.SPACING, 1.5)
                .with(PretrainOptions.SYNTHETIC_SIZE, 48)
                .with(PretrainOptions.VARIANT, Variant.NO_AFFINE).with(PretrainOptions.WIDTHS,
                        UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4)).with(PretrainOptions.RUN_DIR, Path.of("/r")).build(), c);
        assertEquals(200_000, c.steps());
        List<String> again = ConfigJson.toJson(c).lines().map(ConfigJsonTest::withoutComma).toList();
        for (String line : earlier.lines().map(ConfigJsonTest::withoutComma).toList()) {
            assertTrue(again.contains(line), line + " written again as in\n" + ConfigJson.toJson(c));
        }
    }

    private static String withoutComma(String line) {
        return line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
    }

    @Test
    void yamlFilesAreReadWithWidthsAsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, "steps: 12\nmodel:\n  widths: narrow\n  variant: no_restoration\n  learningRate: 2.0e-4\n");
        ObjectNode tree = ConfigJson.readFile(file);
        PretrainConfig c = ConfigLayers.resolve(PretrainOptions.TABLE, List.of(new ConfigLayers.Layer("run.yaml", tree)));
        assertEquals(12, c.steps());
        assertEquals(UNetWidths.NARROW, c.model().widths());
        assertEquals(Variant.NO_RESTORATION, c.model().variant());
        assertEquals(2e-4, c.model().learningRate());
    }

    @Test
    void unusableFilesAreNamed(@TempDir Path dir) throws Exception {
        assertMessage("config file not found: " + dir.resolve("none.yaml"), dir.resolve("none.yaml"));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"steps\": 3,");
        assertMessage("cannot parse config file " + bad, bad);
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertMessage("config file " + empty + " is empty", empty);
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        assertMessage("must hold a mapping of keys to values, got a array", list);
    }

    private static void assertMessage(String expected, Path file) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigJson.readFile(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
