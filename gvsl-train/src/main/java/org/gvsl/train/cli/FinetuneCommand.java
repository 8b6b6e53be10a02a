package org.gvsl.train.cli;

import org.gvsl.model.transfer.TransferMode;
import picocli.CommandLine.Command;

/** {@code gvsl finetune}: downstream fine-tuning, every weight trained ({@link TransferCommand}). */
@Command(name = "finetune",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        modelTransformer = ConfiguredCommand.Options.class,
        description = {"Fine-tunes a pre-trained (or random) U-Net on a labelled dataset: segmentation (a Conv3d head,"
                + " softmax, soft Dice) or, with --task classification, classification (pooled encoder features, a"
                + " linear layer, sigmoid, BCE). Every weight trains.",
                "Validates every --validate-every steps (sliding-window Dice, or ROC-AUC) and keeps the best model;"
                        + " at the end it predicts and scores the test set. Writes a run folder with config.json,"
                        + " split.csv, losses.csv, validation.csv, loss-curve.png, validation-curve.png, checkpoints/,"
                        + " best/, model.gvsl (for gvsl predict), predictions/ and test/.",
                ""})
final class FinetuneCommand extends TransferCommand {

    @Override
    TransferMode mode() {
        return TransferMode.FINE_TUNE;
    }

    @Override
    String name() {
        return "finetune";
    }
}
