package org.gvsl.train.cli;

import org.gvsl.data.atlas.AtlasCohort;
import org.gvsl.data.atlas.LabelGrouping;
import org.gvsl.data.atlas.MricronTemplates;
import org.gvsl.data.dataset.DatasetSummary;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCohortWriter;
import org.gvsl.data.volume.VolumeShape;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gvsl data}: inspect datasets and write built-in ones (synthetic anatomy, an atlas cohort). */
@Command(name = "data",
        mixinStandardHelpOptions = true,
        description = "Inspect NIfTI datasets and write built-in ones.",
        subcommands = {DataCommand.Summary.class, DataCommand.Synth.class, DataCommand.AtlasCohortCommand.class,
                CommandLine.HelpCommand.class})
final class DataCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /** {@code gvsl data summary DIR}. */
    @Command(name = "summary",
            mixinStandardHelpOptions = true,
            description = {"Prints, for every .nii/.nii.gz under DIR (recursively), its shape [D, H, W], spacing (mm),",
                    "orientation, datatype and intensity range (integer types: the number of distinct labels), and",
                    "a clear line for each file that cannot be read. Exit status 1 if any file could not be read."})
    static final class Summary implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The dataset folder.")
        private Path dir;

        @Override
        public Integer call() throws IOException {
            DatasetSummary.Counts counts = DatasetSummary.write(dir, System.out);
            return counts.failed() == 0 ? 0 : 1;
        }
    }

    /** {@code gvsl data synth}. */
    @Command(name = "synth",
            mixinStandardHelpOptions = true,
            description = {"Writes N synthetic CT-like volumes (one shared topology: a body with organ-like structures",
                    "and tubes; random affine + elastic deformation, intensity drift, noise, optional lesions) as",
                    "OUT/images/case_NNN.nii.gz (int16 HU), OUT/labels/case_NNN.nii.gz (uint8) and OUT/classes.csv",
                    "(1 = has lesions). Deterministic for a seed."})
    static final class Synth implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
        private Path out;

        @Option(names = "--count", defaultValue = "8", description = "Number of volumes (default ${DEFAULT-VALUE}).")
        private int count;

        @Option(names = "--size", defaultValue = "64", paramLabel = "S",
                description = "Cube side in voxels (default ${DEFAULT-VALUE}); see --shape.")
        private int size;

        @Option(names = "--shape", paramLabel = "D,H,W", split = ",", description = "Non-cubic shape, overrides --size.")
        private int[] shape;

        @Option(names = "--spacing", defaultValue = "1.5", description = "Voxel size in mm (default ${DEFAULT-VALUE}).")
        private double spacing;

        @Option(names = "--structures", defaultValue = "6",
                description = "Labelled structures K, 1.." + SyntheticAnatomy.MAX_STRUCTURES + " (default ${DEFAULT-VALUE}).")
        private int structures;

        @Option(names = "--lesion-probability", defaultValue = "0.5",
                description = "Probability of lesions, i.e. class 1 (default ${DEFAULT-VALUE}).")
        private double lesionProbability;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
        private long seed;

        @Override
        public Integer call() throws IOException {
            SyntheticAnatomy generator = SyntheticAnatomy.builder()
                    .optShape(shape == null ? VolumeShape.cube(size) : VolumeShape.of(shape))
                    .optSpacing(spacing).optStructures(structures).optLesionProbability(lesionProbability).optSeed(seed)
                    .build();
            SyntheticCohortWriter.write(generator, out, count);
            System.out.printf("wrote %d synthetic volumes %s with labels 1..%d %s to %s%n", count, generator.shape(),
                    generator.structureCount(), generator.structureNames(), out);
            return 0;
        }
    }

    /** {@code gvsl data atlas-cohort}. */
    @Command(name = "atlas-cohort",
            mixinStandardHelpOptions = true,
            description = {"Writes N randomly warped (diffeomorphic) and intensity-changed copies of a real image and",
                    "its atlas as OUT/images/atlas_NNN.nii.gz (float32) and OUT/labels/atlas_NNN.nii.gz. The defaults",
                    "use Debian's mricron-data (apt-get install mricron-data): ch2bet.nii.gz with the AAL atlas."})
    static final class AtlasCohortCommand implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
        private Path out;

        @Option(names = "--image", paramLabel = "FILE", description = "The image (default: mricron's ch2bet.nii.gz).")
        private Path image = MricronTemplates.image();

        @Option(names = "--atlas", paramLabel = "FILE", description = "The atlas on the image's grid (default: mricron's aal.nii.gz).")
        private Path atlas = MricronTemplates.atlas();

        @Option(names = "--groups", paramLabel = "lobes|none|CSV", defaultValue = "lobes",
                description = {"Merge labels: 'lobes' groups AAL's 116 regions into 8 by the thousands of their codes in",
                        "the atlas's .txt table, 'none' keeps them, or a CSV with columns label,group (default ${DEFAULT-VALUE})."})
        private String groups;

        @Option(names = "--count", defaultValue = "8", description = "Number of volumes (default ${DEFAULT-VALUE}).")
        private int count;

        @Option(names = "--spacing", defaultValue = "2", description = "Isotropic voxel size in mm (default ${DEFAULT-VALUE}).")
        private double spacing;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
        private long seed;

        @Override
        public Integer call() throws IOException {
            for (Path p : new Path[] {image, atlas}) {
                if (!Files.isRegularFile(p)) {
                    System.err.println("gvsl data atlas-cohort: no such file " + p
                            + (p.startsWith(MricronTemplates.FOLDER) ? " (" + MricronTemplates.INSTALL_HINT + ")" : ""));
                    return 1;
                }
            }
            AtlasCohort cohort = AtlasCohort.builder().setImage(image).setAtlas(atlas).optGrouping(grouping())
                    .optSpacing(spacing).optSeed(seed).build();
            cohort.write(out, count);
            System.out.printf("wrote %d atlas cohort volumes %s with labels 1..%d to %s%n", count, cohort.shape(),
                    cohort.labelCount(), out);
            return 0;
        }

        private LabelGrouping grouping() throws IOException {
            return switch (groups) {
                case "none" -> null;
                case "lobes" -> MricronTemplates.lobes(atlas);
                default -> LabelGrouping.fromCsv(Path.of(groups));
            };
        }
    }
}
