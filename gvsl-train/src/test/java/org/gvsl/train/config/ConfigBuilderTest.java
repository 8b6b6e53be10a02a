package org.gvsl.train.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigBuilderTest {

    @Test
    void unsetOptionsKeepTheProfilesDefaults() {
        ExampleOptions.Config demo = ExampleOptions.TABLE.builder().with(ExampleOptions.VERBOSE, true).build();
        assertEquals(new ExampleOptions.Config(null, 5, new ExampleOptions.Optimiser(0.5, Intensity.MR), 0, true), demo);
        ExampleOptions.Config paper = ExampleOptions.TABLE.builder().with(ExampleOptions.DATA, Path.of("/d")).build();
        assertEquals(50, paper.steps());
        assertNull(ExampleOptions.TABLE.builder().with(ExampleOptions.DATA, Path.of("/d")).with(ExampleOptions.DATA, null)
                .build().data());
    }

    @Test
    void aBadValueIsNamedWithItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleOptions.TABLE.builder().with(ExampleOptions.RATE, 1.0).build());
        assertTrue(e.getMessage().contains("optimiser.rate must be in [0, 1), got 1.0 (from the builder over the"
                + " defaults)"), e.getMessage());
    }

    @Test
    void anOptionOfAnotherTableIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleOptions.TABLE.builder().with(PretrainOptions.STEPS, 3));
        assertTrue(e.getMessage().contains("option steps is not one of Config's"), e.getMessage());
    }
}
