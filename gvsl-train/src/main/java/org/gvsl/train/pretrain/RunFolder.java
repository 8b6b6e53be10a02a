package org.gvsl.train.pretrain;

import org.gvsl.model.file.PretrainedModel;
import org.gvsl.train.checkpoint.Checkpoint;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.monitor.LossCurvePlot;
import org.gvsl.train.monitor.LossLog;
import org.gvsl.train.monitor.PreviewImage;
import org.gvsl.train.monitor.UiStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The folder of one training run and the names of what it holds (pre-training's; other commands' runs, such as
 * {@code org.gvsl.train.transfer.TransferRunFolder}, share its layout and add their own files):
 * <pre>
 *   config.json              the resolved configuration, seed included (written at the start)
 *   losses.csv               every loss term, seconds and resident memory per step
 *   loss-curve.png           refreshed during the run
 *   preview.png              one pair: fixed, moving, warped, restored, target (middle slices)
 *   ui-stats.bin             DL4J training-UI statistics (with uiStats)
 *   checkpoints/step-NNNNNN/ model.fb (weights + Adam state + step) and state.json; the newest K kept
 *   model.gvsl               the trained model at the end, as a model file (org.gvsl.model.file.ModelFile)
 *   model.fb, weights.npz    also at the end: SameDiff with optimiser state; the weights by name
 * </pre>
 *
 * @param dir the run folder
 */
public record RunFolder(Path dir) {

    /** The resolved configuration. */
    public static final String CONFIG_FILE = PretrainedModel.RUN_CONFIG_FILE;
    /** The trained SameDiff graph with optimiser state. */
    public static final String MODEL_FILE = Checkpoint.MODEL_FILE;
    /** The trained model as a model file. */
    public static final String MODEL_GVSL_FILE = PretrainedModel.RUN_MODEL_FILE;
    /** The trained weights under the reference state-dict names. */
    public static final String WEIGHTS_FILE = PretrainedModel.RUN_WEIGHTS_FILE;
    /** The checkpoint folders. */
    public static final String CHECKPOINTS = "checkpoints";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** A new pre-training run folder: {@link #create(String, Path, Path, LocalDateTime)} of {@code pretrain}. */
    public static RunFolder create(Path runDir, Path output, LocalDateTime now) throws ConfigException, IOException {
        return create("pretrain", runDir, output, now);
    }

    /**
     * A new, empty run folder: {@code runDir} if given (it must not exist or be empty), else
     * {@code output/COMMAND-YYYYMMDD-HHMMSS} (with {@code -2}, {@code -3}, … if taken).
     *
     * @param command the command that runs in it, e.g. {@code pretrain} or {@code finetune}
     * @throws ConfigException when {@code runDir} already holds files
     */
    public static RunFolder create(String command, Path runDir, Path output, LocalDateTime now)
            throws ConfigException, IOException {
        Path dir = runDir;
        if (dir == null) {
            String base = command + "-" + STAMP.format(now);
            dir = output.resolve(base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = output.resolve(base + "-" + i);
            }
        } else if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new ConfigException("run folder " + dir + " already exists and is not empty; continue it with --resume "
                    + dir + " or choose another --run-dir");
        }
        Files.createDirectories(dir);
        return new RunFolder(dir);
    }

    /**
     * An existing run folder, to resume.
     *
     * @throws ConfigException when it is not a folder or holds no {@value #CONFIG_FILE}
     */
    public static RunFolder open(Path dir) throws ConfigException {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("no run folder " + dir + " to resume");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            throw new ConfigException(dir + " is not a gvsl run folder (no " + CONFIG_FILE + ")");
        }
        return new RunFolder(dir);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    public Path config() {
        return dir.resolve(CONFIG_FILE);
    }

    public Path losses() {
        return dir.resolve(LossLog.FILE);
    }

    public Path lossCurve() {
        return dir.resolve(LossCurvePlot.FILE);
    }

    public Path preview() {
        return dir.resolve(PreviewImage.FILE);
    }

    public Path uiStats() {
        return dir.resolve(UiStats.FILE);
    }

    public Path checkpoints() {
        return dir.resolve(CHECKPOINTS);
    }

    public Path model() {
        return dir.resolve(MODEL_FILE);
    }

    /** The model file written at the end ({@value #MODEL_GVSL_FILE}). */
    public Path modelFile() {
        return dir.resolve(MODEL_GVSL_FILE);
    }

    public Path weights() {
        return dir.resolve(WEIGHTS_FILE);
    }
}
