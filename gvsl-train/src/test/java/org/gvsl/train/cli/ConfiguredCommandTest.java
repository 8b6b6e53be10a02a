package org.gvsl.train.cli;

import org.gvsl.train.config.ExampleOptions;
import org.gvsl.train.config.Intensity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfiguredCommandTest {

    @Test
    void itsOptionsAndHelpComeFromItsTable() {
        ExampleCommand.Outcome o = new ExampleCommand().execute("--help");
        assertEquals(0, o.status());
        for (String s : new String[] {"--config=FILE", "--resume=RUN_DIR", "--print-config", "--data=DIR", "--steps=N",
                "--lr=RATE", "--threads=N", "--[no-]verbose", "Training steps of the whole run; ≥ 1.",
                "Adam learning rate; in [0, 1).", "Only --steps, --threads may change.", "Keys without a flag:"}) {
            assertTrue(o.out().replaceAll("\\s+", " ").contains(s), s + " in\n" + o.out());
        }
    }

    @Test
    void itRunsTheResolvedConfiguration() {
        ExampleCommand command = new ExampleCommand();
        ExampleCommand.Outcome o = command.execute("--steps", "7", "--lr", "0.25", "--verbose");
        assertEquals(0, o.status(), o.err());
        assertEquals(new ExampleOptions.Config(null, 7, new ExampleOptions.Optimiser(0.25, Intensity.MR), 0, true),
                command.ran);
        assertNull(command.resumed);
    }

    @Test
    void theThreadCountIsAppliedBeforeItRuns() {
        int before = MathThreads.apply(0);
        try {
            ExampleCommand command = new ExampleCommand();
            assertEquals(0, command.execute("--threads", "1").status());
            assertTrue(command.backend.endsWith(", 1 threads"), command.backend);
        } finally {
            MathThreads.apply(before);
        }
    }

    @Test
    void printConfigPrintsTheJsonAndDoesNotRun() {
        ExampleCommand command = new ExampleCommand();
        ExampleCommand.Outcome o = command.execute("--data", "/d", "--print-config");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("\"steps\" : 50"), o.out());
        assertTrue(o.out().contains("\"intensity\" : \"MR\""), o.out());
        assertNull(command.ran);
    }

    @Test
    void aBadValueIsOneLineAndAUsageError() {
        ExampleCommand command = new ExampleCommand();
        ExampleCommand.Outcome o = command.execute("--lr", "2");
        assertEquals(2, o.status());
        assertEquals("example: invalid configuration: optimiser.rate must be in [0, 1), got 2.0 (from the command line"
                + " over the defaults)", o.err().strip());
        assertNull(command.ran);
        ExampleCommand.Outcome twice = command.execute("--steps", "x");
        assertEquals(2, twice.status());
        assertTrue(twice.err().startsWith("Invalid value for option '--steps': 'x' is not an int"), twice.err());
    }
}
