package org.gvsl.train.experiment;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.core.random.IndexedRandom;
import org.gvsl.data.atlas.AtlasCohort;
import org.gvsl.data.atlas.MricronTemplates;
import org.gvsl.data.dataset.ClassLabels;
import org.gvsl.data.dataset.DatasetSplit;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCohortWriter;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.train.config.ExperimentBudget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The labelled cohorts of the experiment, one dataset folder per {@link DownstreamTask} under {@code DIR/data/},
 * each with the split file its runs use ({@value #SPLIT_FILE}: every run of every seed and method sees the same
 * training, validation and test volumes, so scores pair case by case):
 * <ul>
 *   <li>{@code segmentation/}: synthetic anatomy ({@link SyntheticAnatomy}, 6 structures, side {@link
 *       ExperimentBudget#cohortSize()}, 1.5 mm, seed {@code forIndex(dataSeed, 0)}), the first cases for training,
 *       the next for validation, the rest for the test;</li>
 *   <li>{@code lesions/}: more synthetic anatomy (seed {@code forIndex(dataSeed, 1)}), classified by its lesion label
 *       ({@code classes.csv}); split stratified: cases with and without lesions taken in turn (test first, then
 *       validation), so that each part holds both classes whenever the cohort does and its AUC is defined;</li>
 *   <li>{@code atlas/}: the atlas cohort ({@link AtlasCohort}, seed {@code forIndex(dataSeed, 2)}): an {@link
 *       AtlasSource}'s image and lobe-grouped atlas at {@link ExperimentBudget#atlasSpacing()}, split as the
 *       segmentation cohort.</li>
 * </ul>
 * The pre-training volumes are none of these: {@code gvsl pretrain} generates its own from the run's seed.
 *
 * <p>Each cohort is written into a temporary folder and renamed into place, so a folder that exists is complete;
 * an experiment that is continued reuses it.
 */
public final class ExperimentData {

    /** The folder of the cohorts inside the experiment folder. */
    public static final String FOLDER = "data";
    /** The split file inside each cohort. */
    public static final String SPLIT_FILE = "split.csv";

    private ExperimentData() {
    }

    /**
     * The image and atlas an atlas cohort is built from, and their lobe grouping's table beside the atlas.
     *
     * @param image the image
     * @param atlas the atlas on the image's grid
     */
    public record AtlasSource(Path image, Path atlas) {
        /** Debian's mricron-data: {@code ch2bet.nii.gz} with the AAL atlas. */
        public static final AtlasSource MRICRON = new AtlasSource(MricronTemplates.image(), MricronTemplates.atlas());
    }

    /**
     * A prepared cohort.
     *
     * @param task        the task it serves
     * @param folder      the dataset folder ({@code images/}, {@code labels/}, {@code classes.csv})
     * @param split       its split file
     * @param description one line: what it is and how it is split
     */
    public record Cohort(DownstreamTask task, Path folder, Path split, String description) {
    }

    /**
     * The cohorts of the tasks, written where missing.
     *
     * @param experiment the experiment folder
     * @param atlas      where the atlas cohort comes from (used only for {@link DownstreamTask#ATLAS})
     * @throws IOException when a cohort cannot be written, or the atlas source cannot be read
     */
    public static Map<DownstreamTask, Cohort> prepare(Path experiment, ExperimentBudget budget, long dataSeed,
                                                      List<DownstreamTask> tasks, AtlasSource atlas)
            throws IOException {
        Map<DownstreamTask, Cohort> cohorts = new LinkedHashMap<>();
        for (DownstreamTask task : tasks) {
            Path folder = experiment.resolve(FOLDER).resolve(task.id());
            if (!Files.isDirectory(folder)) {
                Path tmp = AtomicFile.temporaryFolder(folder);
                try {
                    write(task, tmp, budget, dataSeed, atlas);
                    AtomicFile.move(tmp, folder);
                } finally {
                    deleteTree(tmp);
                }
            }
            ExperimentBudget.Split split = split(task, budget);
            cohorts.put(task, new Cohort(task, folder, folder.resolve(SPLIT_FILE), String.format(Locale.ROOT,
                    "%s: %d volumes in %s (%d train, %d validation, %d test)", task.label(), split.total(), folder,
                    split.train(), split.validation(), split.test())));
        }
        return cohorts;
    }

    private static ExperimentBudget.Split split(DownstreamTask task, ExperimentBudget budget) {
        return switch (task) {
            case SEGMENTATION -> budget.segmentation();
            case LESIONS -> budget.lesions();
            case ATLAS -> budget.atlasSplit();
        };
    }

    private static void write(DownstreamTask task, Path dir, ExperimentBudget budget, long dataSeed, AtlasSource atlas)
            throws IOException {
        ExperimentBudget.Split split = split(task, budget);
        long seed = IndexedRandom.forIndex(dataSeed, task.ordinal()).nextLong();
        List<String> order;
        boolean stratified = task == DownstreamTask.LESIONS;
        if (task == DownstreamTask.ATLAS) {
            AtlasCohort cohort = AtlasCohort.builder().setImage(atlas.image()).setAtlas(atlas.atlas())
                    .optGrouping(MricronTemplates.lobes(atlas.atlas())).optSpacing(budget.atlasSpacing())
                    .optSeed(seed).build();
            cohort.write(dir, split.total());
            order = stems(dir);
        } else {
            SyntheticAnatomy generator = SyntheticAnatomy.builder().optShape(VolumeShape.cube(budget.cohortSize()))
                    .optSeed(seed).build();
            ClassLabels classes = SyntheticCohortWriter.write(generator, dir, split.total());
            order = stratified ? alternating(stems(dir), classes) : stems(dir);
        }
        writeSplit(dir.resolve(SPLIT_FILE), order, split, stratified);
    }

    /** The image stems of a written cohort, sorted (the generators' order). */
    private static List<String> stems(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            return files.map(p -> p.getFileName().toString().replaceFirst("\\.nii(\\.gz)?$", "")).sorted().toList();
        }
    }

    /** Cases with lesions and without, taken in turn (positives first), then the rest of the larger class. */
    static List<String> alternating(List<String> stems, ClassLabels classes) {
        List<String> positive = stems.stream().filter(s -> classes.classOf(Path.of(s)).orElse(0) == 1).toList();
        List<String> negative = stems.stream().filter(s -> classes.classOf(Path.of(s)).orElse(0) != 1).toList();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < Math.max(positive.size(), negative.size()); i++) {
            if (i < positive.size()) {
                order.add(positive.get(i));
            }
            if (i < negative.size()) {
                order.add(negative.get(i));
            }
        }
        return order;
    }

    /**
     * The split file of the cases in {@code order}: train, validation, test; or, {@code testFirst} (the stratified
     * order), test, validation, train.
     */
    private static void writeSplit(Path file, List<String> order, ExperimentBudget.Split split, boolean testFirst)
            throws IOException {
        List<String> rows = new ArrayList<>(List.of("image,split"));
        for (int i = 0; i < order.size(); i++) {
            DatasetSplit.Part part;
            if (testFirst) {
                part = i < split.test() ? DatasetSplit.Part.TEST : i < split.test() + split.validation()
                        ? DatasetSplit.Part.VALIDATION : DatasetSplit.Part.TRAIN;
            } else {
                part = i < split.train() ? DatasetSplit.Part.TRAIN : i < split.train() + split.validation()
                        ? DatasetSplit.Part.VALIDATION : DatasetSplit.Part.TEST;
            }
            rows.add(order.get(i) + "," + part.fileName());
        }
        AtomicFile.write(file, tmp -> Files.write(tmp, rows, StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
