package org.gvsl.train.cli;

import org.gvsl.model.transfer.TransferMode;
import org.gvsl.train.config.ConfigException;
import org.gvsl.train.config.OptionTable;
import org.gvsl.train.config.TransferOptions;
import org.gvsl.train.config.TransferRunConfig;
import org.gvsl.train.pretrain.RunFolder;
import org.gvsl.train.transfer.TransferData;
import org.gvsl.train.transfer.TransferRunFolder;
import org.gvsl.train.transfer.TransferTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * What {@code gvsl finetune} and {@code gvsl linear} share: the options ({@link TransferOptions}) and the run, a
 * {@link TransferTrainer} in the mode of the command. A resumed run must be resumed by the command that started it.
 *
 * <p>Exit status: 0 completed; 1 stopped by a NaN/infinite loss or a failure while running; 2 a usage error (a
 * missing or unusable data folder, init, split or option value; nothing to resume).
 */
abstract class TransferCommand implements ConfiguredCommand<TransferRunConfig> {

    /** The mode this command trains in. */
    abstract TransferMode mode();

    /** The command's name, for run folders and messages. */
    abstract String name();

    @Override
    public OptionTable<TransferRunConfig> options() {
        return TransferOptions.TABLE;
    }

    @Override
    public int run(TransferRunConfig config, Path resume) throws ConfigException, IOException {
        if (resume != null && config.mode() != mode()) {
            throw new ConfigException(resume + " is a " + (config.mode() == TransferMode.LINEAR ? "linear" : "finetune")
                    + " run; resume it with gvsl " + (config.mode() == TransferMode.LINEAR ? "linear" : "finetune"));
        }
        TransferRunConfig run = config.withMode(mode());
        TransferData data = TransferData.from(run);   // before the folder: no folder for a run that cannot start
        RunFolder folder = resume != null ? RunFolder.open(resume)
                : RunFolder.create(name(), run.runDir(), run.output(), LocalDateTime.now());
        return TransferTrainer.builder().setConfig(run).setRunFolder(new TransferRunFolder(folder))
                .optResume(resume != null).optData(data).build().run().exitCode();
    }
}
