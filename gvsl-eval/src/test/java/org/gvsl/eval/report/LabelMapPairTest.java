package org.gvsl.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelMapPairTest {

    /** Pairing looks at names only, so empty files do. */
    private static Path touch(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        return Files.createFile(dir.resolve(name));
    }

    private static void assertInputError(String expected, Executable call) {
        EvaluationInputException e = assertThrows(EvaluationInputException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void pairsByCaseNameWhateverTheCompression(@TempDir Path dir) throws Exception {
        Path pred = dir.resolve("pred");
        Path labels = dir.resolve("labels");
        Path p1 = touch(pred, "case_2.nii.gz");
        Path p2 = touch(pred, "case_1.nii");
        Path g1 = touch(labels, "case_1.nii.gz");
        Path g2 = touch(labels, "case_2.nii.gz");
        touch(labels, "notes.txt");
        assertEquals(List.of(new LabelMapPair("case_1", p2, g1), new LabelMapPair("case_2", p1, g2)),
                LabelMapPair.match(pred, labels));
    }

    @Test
    void aFileWithoutPartnerIsNamed(@TempDir Path dir) throws Exception {
        Path pred = dir.resolve("pred");
        Path labels = dir.resolve("labels");
        touch(pred, "a.nii.gz");
        Path extraPrediction = touch(pred, "b.nii.gz");
        touch(labels, "a.nii.gz");
        assertInputError(extraPrediction + ": no label map b.nii or b.nii.gz in " + labels,
                () -> LabelMapPair.match(pred, labels));
        Files.delete(extraPrediction);
        Path extraLabel = touch(labels, "c.nii");
        touch(labels, "d.nii");
        assertInputError(extraLabel + ": no prediction c.nii or c.nii.gz in " + pred + " (and 1 more file(s) without "
                + "a partner)", () -> LabelMapPair.match(pred, labels));
    }

    @Test
    void emptyMissingAndAmbiguousFolders(@TempDir Path dir) throws Exception {
        Path pred = Files.createDirectories(dir.resolve("pred"));
        Path labels = dir.resolve("labels");
        touch(labels, "a.nii");
        assertInputError(pred + ": no .nii or .nii.gz file in this folder", () -> LabelMapPair.match(pred, labels));
        assertInputError(dir.resolve("none") + ": not a folder", () -> LabelMapPair.match(dir.resolve("none"), labels));
        touch(pred, "a.nii");
        Path twice = touch(labels, "a.nii.gz");
        assertInputError(twice + ": same case name 'a' as " + labels.resolve("a.nii"),
                () -> LabelMapPair.match(pred, labels));
    }
}
