package org.gvsl.data.loader;

import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.preprocess.Preprocessing;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledSourceTest {

    @Test
    void everyItemNeedsALabelMap() {
        List<DatasetItem> items = List.of(new DatasetItem(Path.of("d/images/a.nii.gz"), Path.of("d/labels/a.nii.gz"), null),
                new DatasetItem(Path.of("d/images/b.nii.gz"), null, null),
                new DatasetItem(Path.of("d/images/c.nii.gz"), null, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelledSource.of(items, Preprocessing.orientationOnly(), 3));
        assertTrue(e.getMessage().contains("2 image(s)") && e.getMessage().contains("d/images/b.nii.gz")
                && e.getMessage().contains("d/images/c.nii.gz"), e.getMessage());
        List<LabelledSource> ok = LabelledSource.of(items.subList(0, 1), Preprocessing.orientationOnly(), 3);
        assertEquals("d/images/a.nii.gz", ok.get(0).image().name());
        assertEquals("d/labels/a.nii.gz", ok.get(0).labels().name());
    }
}
