package org.gvsl.train.cli;

import org.gvsl.eval.report.CaseScores;
import org.gvsl.eval.report.EvaluationInputException;
import org.gvsl.eval.report.EvaluationReport;
import org.gvsl.eval.report.LabelMapPair;
import org.gvsl.eval.report.SegmentationEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gvsl evaluate}: scores predicted label maps against the true ones (a thin layer over gvsl-eval's report). */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {"Scores predicted NIfTI label maps against the true ones, paired by file name: per case and",
                "class Dice, HD95 and ASD (mm), sensitivity, specificity and precision in OUT/metrics.csv; mean, sd",
                "and bootstrap 95% CI per class and overall in OUT/summary.json; a table on standard output.",
                "Bad input (a file without partner, another shape or geometry, not a label map) is exit status 2."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "DIR",
            description = "Predicted label maps, .nii or .nii.gz (searched recursively).")
    private Path predictions;

    @Option(names = "--labels", required = true, paramLabel = "DIR",
            description = "True label maps with the same file names.")
    private Path labels;

    @Option(names = "--classes", paramLabel = "K",
            description = {"Score classes 1..K in every case; a label above K is an error",
                    "(default: the non-zero labels found in either map of a case)."})
    private Integer classes;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder for metrics.csv and summary.json (created).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SegmentationEvaluator.Builder builder = SegmentationEvaluator.builder();
        if (classes != null) {
            if (classes < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--classes': must be >= 1, got " + classes);
            }
            builder.optClasses(classes);
        }
        SegmentationEvaluator evaluator = builder.build();
        try {
            List<LabelMapPair> pairs = LabelMapPair.match(predictions, labels);
            for (int i = 0; i < pairs.size(); i++) {
                CaseScores scores = evaluator.add(pairs.get(i));
                stdout.printf("[%d/%d] %s: %d class(es)%n", i + 1, pairs.size(), scores.caseName(),
                        scores.classes().size());
                stdout.flush();
            }
            EvaluationReport report = evaluator.report();
            report.write(out);
            stdout.print(report.table());
            stdout.printf("wrote %s and %s%n", out.resolve(EvaluationReport.METRICS_CSV),
                    out.resolve(EvaluationReport.SUMMARY_JSON));
            stdout.flush();
            return 0;
        } catch (EvaluationInputException e) {
            err.println("gvsl evaluate: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("gvsl evaluate: cannot write the report: " + e);
            err.flush();
            return 1;
        }
    }
}
