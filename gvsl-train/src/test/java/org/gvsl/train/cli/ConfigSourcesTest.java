package org.gvsl.train.cli;

import org.gvsl.train.config.ConfigJson;
import org.gvsl.train.config.ExampleOptions;
import org.gvsl.train.config.Intensity;
import org.gvsl.train.pretrain.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSourcesTest {

    @Test
    void aConfigFileIsALayerUnderTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run.yaml"), "steps: 9\nverbose: true\noptimiser:\n  intensity: ct\n");
        ExampleCommand command = new ExampleCommand();
        assertEquals(0, command.execute("--config", file.toString(), "--steps", "8").status());
        assertEquals(new ExampleOptions.Config(null, 8, new ExampleOptions.Optimiser(0.5, Intensity.CT), 0, true),
                command.ran);
    }

    @Test
    void aResumeStartsFromTheSavedConfigurationAndMayChangeOnlyTheResumable(@TempDir Path dir) throws Exception {
        ExampleOptions.Config saved = ExampleOptions.TABLE.builder().with(ExampleOptions.RATE, 0.125).build();
        ConfigJson.write(saved, dir.resolve(RunFolder.CONFIG_FILE));
        ExampleCommand command = new ExampleCommand();
        ExampleCommand.Outcome o = command.execute("--resume", dir.toString(), "--steps", "12");
        assertEquals(0, o.status(), o.err());
        assertEquals(dir, command.resumed);
        assertEquals(12, command.ran.steps());
        assertEquals(0.125, command.ran.optimiser().rate());

        ExampleCommand refused = new ExampleCommand();
        ExampleCommand.Outcome r = refused.execute("--resume", dir.toString(), "--lr", "0.1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("example: a resumed run continues as it was configured; it cannot change"
                + " 'optimiser.rate' (0.125 → 0.1). Allowed when resuming: [steps, threads]"), r.err());
        assertNull(refused.ran);
    }

    @Test
    void aResumeTakesNoConfigFile(@TempDir Path dir) throws Exception {
        ConfigJson.write(ExampleOptions.TABLE.builder().build(), dir.resolve(RunFolder.CONFIG_FILE));
        ExampleCommand.Outcome o = new ExampleCommand().execute("--resume", dir.toString(), "--config",
                dir.resolve(RunFolder.CONFIG_FILE).toString());
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("--resume continues a run in its own folder with its own config.json; it cannot be"
                + " combined with --config"), o.err());
    }
}
