package org.gvsl.train.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandTest {

    private static String run(int expectedStatus, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedStatus, new CommandLine(new DataCommand()).execute(args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void synthThenSummary(@TempDir Path dir) throws Exception {
        String wrote = run(0, "synth", "--out", dir.toString(), "--count", "2", "--shape", "12,16,20", "--seed", "3");
        assertTrue(wrote.contains("wrote 2 synthetic volumes [12, 16, 20]"), wrote);
        assertTrue(Files.isRegularFile(dir.resolve("classes.csv")));
        String summary = run(0, "summary", dir.toString());
        assertTrue(summary.contains("images/case_000.nii.gz  shape [12, 16, 20]  spacing (1.500, 1.500, 1.500) mm  RAS  int16"), summary);
        assertTrue(summary.contains("labels/case_001.nii.gz  shape [12, 16, 20]"), summary);
        assertTrue(summary.contains("4 volume(s) read, 0 could not be read"), summary);
        Files.write(dir.resolve("images/bad.nii"), new byte[3]);
        assertTrue(run(1, "summary", dir.toString()).contains("images/bad.nii  ERROR:"));
    }

    @Test
    void atlasCohortExplainsAMissingPackage(@TempDir Path dir) {
        run(1, "atlas-cohort", "--out", dir.toString(), "--image", dir.resolve("none.nii.gz").toString());
    }
}
