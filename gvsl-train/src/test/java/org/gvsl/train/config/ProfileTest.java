package org.gvsl.train.config;

import org.gvsl.model.network.UNetWidths;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileTest {

    @Test
    void thePaperProfileIsTheMethodsRun() {
        assertEquals(UNetWidths.PAPER, Profile.PAPER.widths());
        assertEquals(128, Profile.PAPER.crop());
        assertEquals(200_000, Profile.PAPER.steps());
    }

    @Test
    void theDemoIsNarrowAndShort() {
        assertEquals(UNetWidths.NARROW, Profile.DEMO.widths());
        assertEquals(32, Profile.DEMO.crop());
        assertEquals(Profile.DEMO_STEPS, Profile.DEMO.steps());
    }
}
