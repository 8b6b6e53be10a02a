package org.gvsl.train.experiment;

import org.gvsl.data.dataset.ClassLabels;
import org.gvsl.data.dataset.Dataset;
import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.dataset.DatasetSplit;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.train.config.ExperimentBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentDataTest {

    @TempDir
    Path dir;

    /** The quick budget: segmentation 2/1/2 of 16³, lesions 4/2/4 stratified; both split files as DatasetSplit reads them. */
    @Test
    void writesEachCohortWithItsFixedSplitOnceAndReusesIt() throws IOException {
        ExperimentBudget b = ExperimentBudget.QUICK;
        Map<DownstreamTask, ExperimentData.Cohort> cohorts = ExperimentData.prepare(dir, b, 0,
                List.of(DownstreamTask.SEGMENTATION, DownstreamTask.LESIONS), ExperimentData.AtlasSource.MRICRON);
        ExperimentData.Cohort seg = cohorts.get(DownstreamTask.SEGMENTATION);
        assertEquals(dir.resolve("data/segmentation"), seg.folder());
        DatasetSplit split = DatasetSplit.fromFile(Dataset.fromFolder(seg.folder()), seg.split());
        assertEquals(List.of("case_000", "case_001"), stems(split.train()));
        assertEquals(List.of("case_002"), stems(split.validation()));
        assertEquals(List.of("case_003", "case_004"), stems(split.test()));
        assertEquals(VolumeShape.cube(b.cohortSize()), NiftiReader.readVolume(split.test().get(0).image()).shape());
        assertTrue(seg.description().contains("5 volumes") && seg.description().contains("2 train, 1 validation, 2 test"),
                seg.description());

        ExperimentData.Cohort lesions = cohorts.get(DownstreamTask.LESIONS);
        Dataset lesionSet = Dataset.fromFolder(lesions.folder());
        DatasetSplit ls = DatasetSplit.fromFile(lesionSet, lesions.split());
        assertEquals(4, ls.train().size());
        assertEquals(2, ls.validation().size());
        assertEquals(4, ls.test().size());
        ClassLabels classes = ClassLabels.read(lesions.folder().resolve(ClassLabels.FILE_NAME));
        long positives = lesionSet.items().stream().filter(i -> i.classLabel() == 1).count();
        assertTrue(positives >= 2 && positives <= 8, "both classes in the cohort: " + positives);
        for (List<DatasetItem> part : List.of(ls.test(), ls.validation())) {
            assertEquals(part.size() / 2, part.stream().filter(i -> classes.classOf(i.image()).orElseThrow() == 1)
                    .count(), "stratified: half of " + stems(part));
        }

        FileTime written = Files.getLastModifiedTime(seg.split());
        ExperimentData.prepare(dir, b, 0, List.of(DownstreamTask.SEGMENTATION), ExperimentData.AtlasSource.MRICRON);
        assertEquals(written, Files.getLastModifiedTime(seg.split()), "an existing cohort is reused");
        try (var entries = Files.list(dir.resolve(ExperimentData.FOLDER))) {
            assertEquals(List.of("lesions", "segmentation"), entries.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary folder left");
        }
    }

    /* A 12×12×12 "image" with an atlas of two regions whose codes (2001, 4001) make two lobes. */
    @Test
    void theAtlasCohortComesFromItsSourceWithLobes() throws IOException {
        VolumeShape shape = VolumeShape.cube(12);
        float[] image = new float[shape.voxelCount()];
        float[] atlas = new float[shape.voxelCount()];
        for (int i = 0; i < image.length; i++) {
            int w = i % 12;
            image[i] = w;
            atlas[i] = w < 2 || w > 9 ? 0 : w < 6 ? 1 : 2;
        }
        Path src = Files.createDirectories(dir.resolve("src"));
        NiftiWriter.builder().build().writeTo(new Volume(shape, image, VolumeGeometry.unit()), src.resolve("img.nii.gz"));
        NiftiWriter.builder().build().writeTo(new Volume(shape, atlas, VolumeGeometry.unit()), src.resolve("atl.nii.gz"));
        Files.writeString(src.resolve("atl.nii.txt"), "1 Frontal 2001\n2 Occipital 4001\n");
        ExperimentData.Cohort c = ExperimentData.prepare(dir, ExperimentBudget.QUICK, 0, List.of(DownstreamTask.ATLAS),
                new ExperimentData.AtlasSource(src.resolve("img.nii.gz"), src.resolve("atl.nii.gz")))
                .get(DownstreamTask.ATLAS);
        DatasetSplit split = DatasetSplit.fromFile(Dataset.fromFolder(c.folder()), c.split());
        ExperimentBudget.Split expected = ExperimentBudget.QUICK.atlasSplit();
        assertEquals(expected.train(), split.train().size());
        assertEquals(expected.test(), split.test().size());
        Volume labels = NiftiReader.readVolume(split.test().get(0).labels());
        assertEquals(2, labels.range()[1], 0, "two lobes");
    }

    private static List<String> stems(List<DatasetItem> items) {
        return items.stream().map(i -> i.image().getFileName().toString().replace(".nii.gz", "")).toList();
    }
}
