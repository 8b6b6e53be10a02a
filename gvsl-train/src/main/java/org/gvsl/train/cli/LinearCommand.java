package org.gvsl.train.cli;

import org.gvsl.model.transfer.TransferMode;
import picocli.CommandLine.Command;

/** {@code gvsl linear}: linear evaluation, the backbone frozen and the head alone trained ({@link TransferCommand}). */
@Command(name = "linear",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        modelTransformer = ConfiguredCommand.Options.class,
        description = {"Linear evaluation of a pre-trained U-Net: as gvsl finetune, but the backbone is frozen and only"
                + " the head (Conv3d for segmentation, Linear for --task classification) trains.",
                "Same options, run folder and outputs as gvsl finetune; the frozen backbone is kept as backbone.npz.",
                ""})
final class LinearCommand extends TransferCommand {

    @Override
    TransferMode mode() {
        return TransferMode.LINEAR;
    }

    @Override
    String name() {
        return "linear";
    }
}
