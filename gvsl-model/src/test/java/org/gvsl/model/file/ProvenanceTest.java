package org.gvsl.model.file;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    @Test
    void describeLeavesOutWhatIsUnknown() {
        Provenance full = new Provenance("gvsl pretrain", 240, 1L, "12 synthetic CT volumes", "0.1.0", "2026-01-02T03:04:05Z");
        assertEquals("gvsl pretrain, 240 steps, seed 1, data: 12 synthetic CT volumes, written by gvsl 0.1.0 at"
                + " 2026-01-02T03:04:05Z", full.describe());
        Provenance imported = new Provenance("gvsl import of w.npz", null, null, null, "0.1.0", "2026-01-02T03:04:05Z");
        assertEquals("gvsl import of w.npz, written by gvsl 0.1.0 at 2026-01-02T03:04:05Z", imported.describe());
    }

    @Test
    void nowRecordsThisVersionAndTheTime() {
        Provenance p = Provenance.now("test", 3, 9L, "none");
        assertEquals(Provenance.writerVersion(), p.projectVersion());
        assertTrue(OffsetDateTime.parse(p.created()).isAfter(OffsetDateTime.now().minusMinutes(5)), p.created());
        assertEquals("development build", Provenance.writerVersion(), "tests run from classes, not the jar");
    }

    @Test
    void aSourceAndATimeAreRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Provenance(" ", null, null, null, "v", "t"));
        assertTrue(e.getMessage().contains("needs a source and a creation time"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Provenance("s", -1, null, null, "v", "t"));
        assertEquals("steps must be ≥ 0, got -1", e.getMessage());
    }
}
