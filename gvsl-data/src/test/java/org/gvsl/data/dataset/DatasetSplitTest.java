package org.gvsl.data.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetSplitTest {

    private static Dataset dataset(int n) {
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new DatasetItem(Path.of("d/images/case_" + i + ".nii.gz"), null, null));
        }
        return new Dataset(items);
    }

    private static List<String> names(List<DatasetItem> items) {
        return items.stream().map(i -> i.image().getFileName().toString()).toList();
    }

    private static Path csv(Path dir, String text) throws IOException {
        Path f = dir.resolve("split.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSplitFileAssignsEveryImageByNameOrStem(@TempDir Path dir) throws IOException {
        DatasetSplit s = DatasetSplit.fromFile(dataset(4), csv(dir,
                "image,split\ncase_3,train\ncase_0.nii.gz,Validation\nfolder/case_1.nii.gz,test\ncase_2,train\n"));
        assertEquals(List.of("case_2.nii.gz", "case_3.nii.gz"), names(s.train()));
        assertEquals(List.of("case_0.nii.gz"), names(s.validation()));
        assertEquals(List.of("case_1.nii.gz"), names(s.test()));
        DatasetSplit noTest = DatasetSplit.fromFile(dataset(2), csv(dir, "image,split\ncase_0,train\ncase_1,validation\n"));
        assertTrue(noTest.test().isEmpty(), "a part no row names is empty");
    }

    @Test
    void aSplitFileMustListEachImageOnceAndOnlyImagesOfTheDataset(@TempDir Path dir) throws IOException {
        Dataset d = dataset(3);
        IOException e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d,
                csv(dir, "image,split\ncase_0,train\ncase_1,train\ncase_2,train\ncase_9,test\nextra,test\n")));
        assertTrue(e.getMessage().contains("2 listed image(s) are not in the dataset: [case_9, extra]"), e.getMessage());
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d, csv(dir, "image,split\ncase_0,train\n")));
        assertTrue(e.getMessage().contains("2 image(s) of the dataset are not listed: [case_1, case_2]"), e.getMessage());
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d,
                csv(dir, "image,split\ncase_0,train\ncase_1,train\ncase_0.nii.gz,test\ncase_2,test\n")));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("listed twice"), e.getMessage());
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d, csv(dir, "image,split\ncase_0,val\n")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("\"val\"")
                && e.getMessage().contains("train, validation, test"), e.getMessage());
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d, csv(dir, "name,part\ncase_0,train\n")));
        assertTrue(e.getMessage().contains("image,split"), e.getMessage());
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(d,
                csv(dir, "image,split\ncase_0,test\ncase_1,validation\ncase_2,test\n")));
        assertTrue(e.getMessage().contains("split.csv") && e.getMessage().contains("no image for training"),
                e.getMessage());
        Dataset twins = new Dataset(List.of(new DatasetItem(Path.of("a/x.nii"), null, null),
                new DatasetItem(Path.of("b/x.nii.gz"), null, null)));
        e = assertThrows(IOException.class, () -> DatasetSplit.fromFile(twins, csv(dir, "image,split\nx,train\n")));
        assertTrue(e.getMessage().contains("two images named x"), e.getMessage());
    }

    @Test
    void fractionsGiveSeededDisjointPartsThatCoverTheDataset() {
        Dataset d = dataset(10);
        DatasetSplit s = DatasetSplit.fromFractions(d, 0.2, 0.3, 42);
        assertEquals(5, s.train().size());
        assertEquals(2, s.validation().size());
        assertEquals(3, s.test().size());
        Set<DatasetItem> all = new HashSet<>();
        for (DatasetSplit.Part p : DatasetSplit.Part.values()) {
            all.addAll(s.part(p));
        }
        assertEquals(Set.copyOf(d.items()), all);
        assertEquals(names(s.test()), names(DatasetSplit.fromFractions(d, 0.2, 0.3, 42).test()), "same seed");
        boolean differs = false;
        for (long seed = 0; seed < 5 && !differs; seed++) {
            differs = !names(s.test()).equals(names(DatasetSplit.fromFractions(d, 0.2, 0.3, seed).test()));
        }
        assertTrue(differs, "another seed gives another split");
        // each part keeps the dataset order
        List<String> train = names(s.train());
        List<String> sorted = new ArrayList<>(train);
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.replaceAll("\\D", "")),
                Integer.parseInt(b.replaceAll("\\D", ""))));
        assertEquals(sorted, train);
        assertEquals(10, DatasetSplit.fromFractions(d, 0, 0, 1).train().size());
    }

    @Test
    void fractionsThatSelectNothingOrLeaveNoTrainingAreRejected() {
        Dataset d = dataset(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetSplit.fromFractions(d, 0.04, 0.2, 1));
        assertTrue(e.getMessage().contains("validation fraction 0.04 of 10 images selects none"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSplit.fromFractions(d, 0.6, 0.5, 1));
        assertTrue(e.getMessage().contains("sum to less than 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSplit.fromFractions(d, -0.1, 0.2, 1));
        assertTrue(e.getMessage().contains("validation fraction must be in [0, 1), got -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DatasetSplit.fromFractions(dataset(2), 0.5, 0.45, 1));
        assertTrue(e.getMessage().contains("leave no image for training"), e.getMessage());
    }

    @Test
    void aWrittenSplitReadsBackAsTheSameSplit(@TempDir Path dir) throws IOException {
        Dataset d = dataset(7);
        DatasetSplit s = DatasetSplit.fromFractions(d, 0.3, 0.3, 3);
        Path file = dir.resolve("split.csv");
        s.write(file);
        assertTrue(Files.readString(file).startsWith("image,split\n"), Files.readString(file));
        DatasetSplit back = DatasetSplit.fromFile(d, file);
        for (DatasetSplit.Part p : DatasetSplit.Part.values()) {
            assertEquals(s.part(p), back.part(p), p.toString());
        }
        assertNotEquals(0, back.validation().size());
    }
}
