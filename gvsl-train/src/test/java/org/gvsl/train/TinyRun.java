package org.gvsl.train;

import org.gvsl.model.network.UNetWidths;
import org.gvsl.train.config.ConfigBuilder;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.config.PretrainOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-training run small enough for tests (seconds): widths 4,4,8,8,8,8,8,4,4, 16³ crops of four synthetic
 * 20³ volumes, batch 1.
 */
public final class TinyRun {

    /** The tiny widths. */
    public static final UNetWidths WIDTHS = UNetWidths.of(4, 4, 8, 8, 8, 8, 8, 4, 4);

    private TinyRun() {
    }

    /** The tiny configuration of {@code steps} steps in {@code runDir}, checkpoint every {@code every}. */
    public static ConfigBuilder<PretrainConfig> config(Path runDir, int steps, int every) {
        return PretrainConfig.builder().with(PretrainOptions.WIDTHS, WIDTHS).with(PretrainOptions.SYNTHETIC_COUNT, 4)
                .with(PretrainOptions.SYNTHETIC_SIZE, 20).with(PretrainOptions.CROP, 16).with(PretrainOptions.BATCH, 1)
                .with(PretrainOptions.STEPS, steps).with(PretrainOptions.CHECKPOINT_EVERY, every)
                .with(PretrainOptions.PLOT_EVERY, every).with(PretrainOptions.PREVIEW_EVERY, every)
                .with(PretrainOptions.RUN_DIR, runDir);
    }

    /** The same as command-line arguments of {@code gvsl pretrain}, followed by {@code extra}. */
    public static String[] args(Path runDir, int steps, int every, String... extra) {
        List<String> a = new ArrayList<>(List.of("pretrain", "--run-dir", runDir.toString(),
                "--widths", "4,4,8,8,8,8,8,4,4", "--synthetic-count", "4", "--synthetic-size", "20", "--crop", "16",
                "--batch", "1", "--steps", Integer.toString(steps), "--checkpoint-every", Integer.toString(every),
                "--plot-every", Integer.toString(every), "--preview-every", Integer.toString(every)));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
