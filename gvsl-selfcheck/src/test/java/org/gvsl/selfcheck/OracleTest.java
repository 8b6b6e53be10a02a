package org.gvsl.selfcheck;

import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import org.gvsl.selfcheck.model.GroupNormCheck;
import org.gvsl.selfcheck.model.NccCheck;
import org.gvsl.selfcheck.model.SmoothCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-check as an oracle: it fails a wrong number, skips what this build cannot run, and finds every check. */
class OracleTest {

    @TempDir
    Path dir;

    private static double fraction(String line) {
        int open = line.lastIndexOf('(');
        return Double.parseDouble(line.substring(open + 1, line.indexOf(' ', open)));
    }

    @Test
    void everyBundledCaseFamilyHasACheckRegisteredAsAService() {
        assertEquals(Set.copyOf(ReferenceCases.bundled().names()), Set.copyOf(new SelfCheck().implemented()));
    }

    @Test
    void aStoredOutputMovedBeyondItsToleranceFailsItsCheckAndWithinItStillPasses() throws IOException {
        CaseFolder folder = CaseFolder.copyOfBundled(dir, "smooth");
        SelfCheck selfCheck = new SelfCheck();
        CaseFolder.Run clean = folder.run(selfCheck);
        assertEquals(new SelfCheck.Summary(4, 0, 0), clean.summary());

        folder.perturbLastElement("smooth", "grad_u", 0.5);
        CaseFolder.Run within = folder.run(selfCheck);
        assertTrue(within.summary().ok(), String.join("\n", within.lines()));
        assertEquals(0.5, fraction(within.line("smooth", "grad_u")), 0.05);

        folder.perturbLastElement("smooth", "grad_u", 3.0);
        CaseFolder.Run beyond = folder.run(selfCheck);
        String line = beyond.line("smooth", "grad_u");
        assertTrue(line.contains(" FAIL "), line);
        assertEquals(3.5, fraction(line), 0.1);
        assertEquals(new SelfCheck.Summary(3, 1, 0), beyond.summary());
        assertFalse(beyond.summary().ok());
        // The float64 output is stored apart and untouched: only the perturbed array fails.
        assertTrue(beyond.line("smooth", "grad_u_f64").contains(" PASS "));
    }

    @Test
    void aCaseWhoseModuleIsAbsentIsSkippedAndTheOthersStillCount() throws IOException {
        CaseFolder folder = CaseFolder.copyOfBundled(dir, "smooth", "bezier");
        CaseFolder.Run run = folder.run(new SelfCheck(List.of(new SmoothCheck())));
        assertEquals("bezier - SKIP (not implemented by the modules on the class path)", run.line("bezier", "-"));
        assertEquals(new SelfCheck.Summary(4, 0, 1), run.summary());
        assertTrue(run.summary().ok());
    }

    @Test
    void anEpsilonThisBuildDoesNotImplementSkipsTheCaseWithTheReason() throws IOException {
        CaseFolder folder = CaseFolder.copyOfBundled(dir, "groupnorm", "ncc");
        folder.editCase("groupnorm", c -> c.put("eps", 1e-4));
        folder.editCase("ncc", c -> c.put("eps", 1e-3));
        CaseFolder.Run run = folder.run(new SelfCheck(List.of(new GroupNormCheck(), new NccCheck())));
        assertEquals("groupnorm - SKIP (case groupnorm has eps = 1.0E-4; this build's GroupNorm implements eps = 1.0E-5"
                + " only)", run.line("groupnorm", "-"));
        assertEquals("ncc - SKIP (case ncc has eps = 0.001; this build's LocalNcc implements eps = 1.0E-5 only)",
                run.line("ncc", "-"));
        assertEquals(new SelfCheck.Summary(0, 0, 2), run.summary());
        assertFalse(run.summary().ok(), "a run that compared nothing is not a pass");
    }

    @Test
    void groupCountsTheCaseCannotHoldFailWithAClearMessage() throws IOException {
        CaseFolder folder = CaseFolder.copyOfBundled(dir, "groupnorm");
        folder.editCase("groupnorm", c -> c.putArray("groups").add(2).add(5));
        CaseFolder.Run run = folder.run(new SelfCheck(List.of(new GroupNormCheck())));
        assertEquals("groupnorm - FAIL (java.lang.IllegalArgumentException: gn: GroupNorm needs groups ≥ 1 dividing"
                + " channels, got groups=5, channels=16)", run.line("groupnorm", "-"));

        folder.editCase("groupnorm", c -> c.putArray("groups").add(8));
        run = folder.run(new SelfCheck(List.of(new GroupNormCheck())));
        assertEquals("groupnorm - FAIL (java.lang.IllegalArgumentException: case groupnorm has no array \"gamma_g8\")",
                run.line("groupnorm", "-"));
    }
}
