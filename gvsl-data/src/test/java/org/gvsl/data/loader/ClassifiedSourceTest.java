package org.gvsl.data.loader;

import org.gvsl.data.dataset.DatasetItem;
import org.gvsl.data.preprocess.Preprocessing;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifiedSourceTest {

    @Test
    void everyItemNeedsAClass() {
        List<DatasetItem> items = List.of(new DatasetItem(Path.of("d/images/a.nii.gz"), null, 1),
                new DatasetItem(Path.of("d/images/b.nii.gz"), null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifiedSource.of(items, Preprocessing.orientationOnly()));
        assertTrue(e.getMessage().contains("1 image(s)") && e.getMessage().contains("d/images/b.nii.gz")
                && e.getMessage().contains("classes.csv"), e.getMessage());
        assertEquals(1, ClassifiedSource.of(items.subList(0, 1), Preprocessing.orientationOnly()).get(0).classLabel());
    }
}
