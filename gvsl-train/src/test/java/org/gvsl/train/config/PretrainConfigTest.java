package org.gvsl.train.config;

import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainConfigTest {

    @Test
    void withoutDataTheDefaultsAreTheDemos() {
        PretrainConfig c = PretrainConfig.builder().build();
        assertEquals(Profile.DEMO, c.profile());
        assertNull(c.data());
        assertEquals(UNetWidths.NARROW, c.model().widths());
        assertEquals(32, c.crop());
        assertEquals(Profile.DEMO_STEPS, c.steps());
        assertEquals(2, c.batch());
        assertTrue(c.crop() <= c.syntheticSize());
        assertTrue(c.spatialAugmentation());
    }

    @Test
    void withDataTheDefaultsAreThePapers() {
        PretrainConfig c = PretrainConfig.builder().optData(Path.of("/data")).build();
        assertEquals(Profile.PAPER, c.profile());
        assertEquals(UNetWidths.PAPER, c.model().widths());
        assertEquals(128, c.crop());
        assertEquals(200_000, c.steps());
        assertEquals(2, c.batch());
        assertEquals(1e-4, c.model().learningRate());
    }

    @Test
    void explicitValuesWinOverTheProfile() {
        PretrainConfig c = PretrainConfig.builder().optData(Path.of("/data")).optCrop(64).optSteps(10)
                .optModel(GvslConfig.builder().optSeed(7).build()).build();
        assertEquals(64, c.crop());
        assertEquals(10, c.steps());
        assertEquals(7, c.seed());
    }

    @Test
    void badValuesAreRejectedWithTheValue() {
        assertMessage("steps must be ≥ 1, got -5", PretrainConfig.builder().optSteps(-5));
        assertMessage("batch must be ≥ 1, got 0", PretrainConfig.builder().optBatch(0));
        assertMessage("keepCheckpoints must be ≥ 1, got 0", PretrainConfig.builder().optKeepCheckpoints(0));
        assertMessage("crop 64 is larger than the synthetic volumes (syntheticSize 48)", PretrainConfig.builder().optCrop(64));
        assertMessage("spacing must be a positive number of mm", PretrainConfig.builder().optSpacing(-1.0));
        assertMessage("syntheticCount must be ≥ 2, got 1", PretrainConfig.builder().optSynthetic(1, 48));
    }

    @Test
    void cropLargerThanTheSyntheticSizeIsFineWithData() {
        assertEquals(64, PretrainConfig.builder().optData(Path.of("/d")).optCrop(64).build().crop());
    }

    @Test
    void toStringPrintsEveryValue() {
        String s = PretrainConfig.builder().build().toString();
        for (String key : new String[] {"model=GvslConfig[widths=[8, 16", "seed=1", "crop=32", "steps=" + Profile.DEMO_STEPS,
                "checkpointEvery=50", "keepCheckpoints=3", "uiStats=false", "output=runs"}) {
            assertTrue(s.contains(key), key + " in " + s);
        }
    }

    private static void assertMessage(String expected, PretrainConfig.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
