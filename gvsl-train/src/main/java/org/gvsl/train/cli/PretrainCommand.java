package org.gvsl.train.cli;

import org.gvsl.model.gvsl.StepMemoryEstimate;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.PretrainConfig;
import org.gvsl.train.config.PretrainOptions;
import org.gvsl.train.pretrain.Pretrainer;
import org.gvsl.train.pretrain.RunFolder;
import org.gvsl.train.pretrain.TrainingData;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * {@code gvsl pretrain}: GVSL pre-training. Without options it is the demo on the built-in synthetic data; with
 * {@code --data DIR} it is the paper's run. Its options are {@link PretrainOptions}; options override a
 * {@code --config} file, which overrides the defaults; {@code --resume RUN_DIR} continues a run from its newest
 * checkpoint ({@link ConfiguredCommand}).
 *
 * <p>Exit status: 0 completed; 1 refused up front because a step would not fit in memory (the estimate is
 * printed), stopped by a NaN/infinite loss or a failure while running (an unreadable volume, a disk error); 2 a usage error (unknown option, bad value, unreadable config file, missing or empty
 * data folder, nothing to resume). Errors of the user's making print one clear line, never a stack trace.
 */
@Command(name = "pretrain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        modelTransformer = ConfiguredCommand.Options.class,
        description = {"GVSL self-supervised pre-training of a 3D U-Net (He et al., CVPR 2023).",
                "Without options: a demo on built-in synthetic CT volumes (a narrow model, small crops, a few hundred"
                        + " steps; minutes on a laptop CPU).",
                "With --data DIR: the paper's run (full width, 128³ crops, 2×10⁵ steps; for a GPU). The defaults of"
                        + " both are listed at the end.",
                "Writes a run folder with config.json, losses.csv, loss-curve.png, preview.png, checkpoints/, and at the "
                        + "end model.fb and weights.npz; prints a progress bar and a closing summary.",
                ""})
final class PretrainCommand implements ConfiguredCommand<PretrainConfig> {

    @Override
    public OptionTable<PretrainConfig> options() {
        return PretrainOptions.TABLE;
    }

    @Override
    public int run(PretrainConfig config, Path resume) throws ConfigException, IOException {
        // A data folder's errors are named first; synthetic volumes are generated only for a run that fits.
        TrainingData trainingData = config.data() != null ? TrainingData.from(config) : null;
        StepMemoryEstimate.of(config.model(), config.batch(), SpatialSize.cube(config.crop()), DataType.FLOAT)
                .requireFits("a training step of widths " + config.model().widths() + " at " + config.crop()
                        + "³, batch " + config.batch());
        if (trainingData == null) {
            trainingData = TrainingData.from(config);
        }
        // all of the above before the folder: no folder for a run that cannot start
        RunFolder folder = resume != null ? RunFolder.open(resume)
                : RunFolder.create(config.runDir(), config.output(), LocalDateTime.now());
        return Pretrainer.builder().setConfig(config).setRunFolder(folder).optResume(resume != null)
                .optData(trainingData).build().run().exitCode();
    }
}
