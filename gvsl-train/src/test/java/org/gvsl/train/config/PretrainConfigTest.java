package org.gvsl.train.config;

import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.gvsl.train.config.PretrainOptions.BATCH;
import static org.gvsl.train.config.PretrainOptions.CROP;
import static org.gvsl.train.config.PretrainOptions.DATA;
import static org.gvsl.train.config.PretrainOptions.KEEP_CHECKPOINTS;
import static org.gvsl.train.config.PretrainOptions.SEED;
import static org.gvsl.train.config.PretrainOptions.SPACING;
import static org.gvsl.train.config.PretrainOptions.STEPS;
import static org.gvsl.train.config.PretrainOptions.SYNTHETIC_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainConfigTest {

    @Test
    void withoutDataTheDefaultsAreTheDemos() {
        PretrainConfig c = PretrainConfig.builder().build();
        assertNull(c.data());
        assertEquals(UNetWidths.NARROW, c.model().widths());
        assertEquals(32, c.crop());
        assertEquals(240, c.steps());
        assertEquals(2, c.batch());
        assertEquals(50, c.checkpointEvery());
        assertEquals(32, c.syntheticSize(), "the demo crops whole volumes");
        assertEquals(1e-3, c.model().learningRate());
        assertEquals(Intensity.CT_SOFT_TISSUE, c.intensity(), "organs visible under the window");
        assertTrue(c.spatialAugmentation());
    }

    @Test
    void withDataTheDefaultsAreThePapers() {
        PretrainConfig c = PretrainConfig.builder().with(DATA, Path.of("/data")).build();
        assertEquals(UNetWidths.PAPER, c.model().widths());
        assertEquals(128, c.crop());
        assertEquals(200_000, c.steps());
        assertEquals(2, c.batch());
        assertEquals(1_000, c.checkpointEvery());
        assertEquals(1e-4, c.model().learningRate());
    }

    @Test
    void explicitValuesWinOverTheProfile() {
        PretrainConfig c = PretrainConfig.builder().with(DATA, Path.of("/data")).with(CROP, 64).with(STEPS, 10)
                .with(SEED, 7L).build();
        assertEquals(64, c.crop());
        assertEquals(10, c.steps());
        assertEquals(7, c.seed());
        assertEquals(UNetWidths.PAPER, c.model().widths());
    }

    @Test
    void badValuesAreRejectedWithTheValue() {
        assertMessage("steps must be ≥ 1, got -5", PretrainConfig.builder().with(STEPS, -5));
        assertMessage("batch must be ≥ 1, got 0", PretrainConfig.builder().with(BATCH, 0));
        assertMessage("keepCheckpoints must be ≥ 1, got 0", PretrainConfig.builder().with(KEEP_CHECKPOINTS, 0));
        assertMessage("crop 64 is larger than the synthetic volumes (syntheticSize 32)",
                PretrainConfig.builder().with(CROP, 64));
        assertMessage("spacing must be > 0, got -1.0", PretrainConfig.builder().with(SPACING, -1.0));
        assertMessage("spacing must be a finite number, got Infinity",
                PretrainConfig.builder().with(SPACING, Double.POSITIVE_INFINITY));
        assertMessage("syntheticCount must be ≥ 2, got 1", PretrainConfig.builder().with(SYNTHETIC_COUNT, 1));
        assertMessage("crop must be given, got null", PretrainConfig.builder().with(CROP, null));
    }

    @Test
    void cropLargerThanTheSyntheticSizeIsFineWithData() {
        assertEquals(64, PretrainConfig.builder().with(DATA, Path.of("/d")).with(CROP, 64).build().crop());
    }

    @Test
    void toStringPrintsEveryValue() {
        String s = PretrainConfig.builder().build().toString();
        for (String key : new String[] {"model=GvslConfig[widths=[8, 16", "seed=1", "crop=32", "steps=240",
                "checkpointEvery=50", "keepCheckpoints=3", "uiStats=false", "output=runs"}) {
            assertTrue(s.contains(key), key + " in " + s);
        }
    }

    private static void assertMessage(String expected, ConfigBuilder<PretrainConfig> builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
