package org.gvsl.reference;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs every case of a folder through the {@link CaseCheck}s on the class path and prints one line per output:
 * {@code CASE OUTPUT max_err/atol PASS|FAIL}, or {@code CASE - SKIP (why)} for a case no module implements or
 * whose parameters this build does not implement ({@link UnsupportedCaseException}). A check that throws anything
 * else, or compares no output at all, is reported as a failure of that case, and the others still run.
 */
public final class SelfCheck {

    private final Map<String, CaseCheck> checks = new LinkedHashMap<>();

    /** A self-check with the checks registered on the class path. */
    public SelfCheck() {
        this(ServiceLoader.load(CaseCheck.class));
    }

    /** A self-check with the given checks. */
    public SelfCheck(Iterable<CaseCheck> available) {
        for (CaseCheck check : available) {
            checks.put(check.caseName(), check);
        }
    }

    /**
     * Summary of a run, counted in outputs (a case that fails as a whole counts once, a skipped case once).
     *
     * @param passed  outputs within tolerance
     * @param failed  outputs outside tolerance, and cases whose check threw or compared nothing
     * @param skipped cases not run: no check for them, or parameters this build does not implement
     */
    public record Summary(int passed, int failed, int skipped) {

        /**
         * Whether the run vouches for this build: nothing failed and something was compared. Skipped cases do
         * not fail a run (they say nothing about the numbers this build computes), but a run that compared
         * nothing at all is not a pass.
         */
        public boolean ok() {
            return failed == 0 && passed > 0;
        }
    }

    /**
     * Runs all cases of {@code cases} (or only those named, if any) and prints each line to {@code out}.
     *
     * @throws IllegalArgumentException naming the cases of {@code only} that the folder lacks (nothing is run)
     */
    public Summary run(ReferenceCases cases, List<String> only, PrintStream out) {
        List<String> unknown = new ArrayList<>(only);
        unknown.removeAll(cases.names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no case " + unknown + " in " + cases.origin() + "; cases: "
                    + cases.names());
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (String name : cases.names()) {
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            CaseCheck check = checks.get(name);
            if (check == null) {
                out.println(name + " - SKIP (not implemented by the modules on the class path)");
                skipped++;
                continue;
            }
            List<OutputResult> results;
            try {
                results = check.run(cases.get(name));
            } catch (UnsupportedCaseException e) {
                out.println(name + " - SKIP (" + e.getMessage() + ")");
                skipped++;
                continue;
            } catch (RuntimeException e) {
                out.println(name + " - FAIL (" + e + ")");
                failed++;
                continue;
            }
            if (results.isEmpty()) {
                out.println(name + " - FAIL (the check compared no output: the case stores none of the arrays it"
                        + " compares)");
                failed++;
                continue;
            }
            for (OutputResult r : results) {
                out.println(r.line());
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        out.printf("self-check on %s: %d passed, %d failed, %d skipped%n", cases.origin(), passed, failed, skipped);
        return new Summary(passed, failed, skipped);
    }

    /** Names of the case families this build implements. */
    public List<String> implemented() {
        return new ArrayList<>(checks.keySet());
    }
}
