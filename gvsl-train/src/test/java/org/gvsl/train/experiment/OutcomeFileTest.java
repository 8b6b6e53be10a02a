package org.gvsl.train.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeFileTest {

    @TempDir
    Path dir;

    @Test
    void transferOutcomesRoundTripWithUndefinedValues() throws IOException {
        Map<String, Double> cases = new LinkedHashMap<>();
        cases.put("case_007", 0.8571428571428571);
        cases.put("case_003", Double.NaN);
        Outcome.Transferred t = new Outcome.Transferred(Outcome.Status.COMPLETED, 0.8571428571428571, cases, 150, 41.25);
        OutcomeFile.write(dir, t);
        Outcome.Transferred back = (Outcome.Transferred) OutcomeFile.read(dir, true).orElseThrow();
        assertEquals(t.score(), back.score());
        assertEquals(List.of("case_007", "case_003"), List.copyOf(back.cases().keySet()), "test-set order kept");
        assertEquals(0.8571428571428571, back.cases().get("case_007"));
        assertTrue(back.cases().get("case_003").isNaN());
        assertEquals(150, back.bestStep());
        assertEquals(41.25, back.seconds());
        assertTrue(Files.readString(dir.resolve(OutcomeFile.FILE)).contains("\"case_003\" : null"));

        OutcomeFile.write(dir, new Outcome.Transferred(Outcome.Status.NON_FINITE, Double.NaN, Map.of(), 0, 2));
        Outcome.Transferred stopped = (Outcome.Transferred) OutcomeFile.read(dir, true).orElseThrow();
        assertEquals(Outcome.Status.NON_FINITE, stopped.status());
        assertTrue(Double.isNaN(stopped.score()));
    }

    @Test
    void pretrainingOutcomesRoundTripTheirRegistration() throws IOException {
        Outcome.Pretrained p = new Outcome.Pretrained(Outcome.Status.COMPLETED, 200, 95.5, List.of(
                new Outcome.Registration("synthetic/case_013 → synthetic/case_012", 0.31, 0.52, 0.4, Double.NaN)));
        OutcomeFile.write(dir, p);
        assertEquals(p, OutcomeFile.read(dir, false).orElseThrow());
    }

    @Test
    void noRecordIsEmptyAndABrokenOneNamesItsFile() throws IOException {
        assertTrue(OutcomeFile.read(dir, true).isEmpty());
        Files.writeString(dir.resolve(OutcomeFile.FILE), "{\"status\":\"COMPLETED\"}");
        IOException e = assertThrows(IOException.class, () -> OutcomeFile.read(dir, true));
        assertTrue(e.getMessage().contains(OutcomeFile.FILE) && e.getMessage().contains("no field 'seconds'")
                && e.getMessage().contains("delete it to run the sub-run again"), e.getMessage());
    }
}
