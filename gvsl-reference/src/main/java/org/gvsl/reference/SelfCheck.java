package org.gvsl.reference;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs every case of a folder through the {@link CaseCheck}s on the class path and prints one line per output:
 * {@code CASE OUTPUT max_err/atol PASS|FAIL}, or {@code CASE - SKIP} for a case no module implements. A check
 * that throws is reported as a failure of that case, and the others still run.
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

    /** Summary of a run. */
    public record Summary(int passed, int failed, int skipped) {
        public boolean ok() {
            return failed == 0;
        }
    }

    /** Runs all cases of {@code cases} (or only those named, if any) and prints each line to {@code out}. */
    public Summary run(ReferenceCases cases, List<String> only, PrintStream out) {
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
            } catch (RuntimeException e) {
                out.println(name + " - FAIL (" + e + ")");
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
