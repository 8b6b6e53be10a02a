package org.gvsl.data.synthetic;

import org.gvsl.data.dataset.ClassLabels;
import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes synthetic cases as a dataset folder that {@link org.gvsl.data.dataset.Dataset#fromFolder} reads:
 * {@code images/case_NNN.nii.gz} (int16 HU), {@code labels/case_NNN.nii.gz} (uint8, labels 0..K) and {@code
 * classes.csv} ({@code image,class}: 1 with lesions, 0 without).
 */
public final class SyntheticCohortWriter {

    private SyntheticCohortWriter() {
    }

    /**
     * Writes cases {@code 0..count−1} of {@code generator} into {@code dir} (created if needed).
     *
     * @return the class labels written
     */
    public static ClassLabels write(SyntheticAnatomy generator, Path dir, int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        NiftiWriter images = NiftiWriter.builder().optDataType(NiftiDataType.INT16)
                .optDescription("gvsl synthetic anatomy (HU)").build();
        NiftiWriter labels = NiftiWriter.builder().optDataType(NiftiDataType.UINT8)
                .optDescription("gvsl synthetic labels 0.." + generator.structureCount()).build();
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            SyntheticCase c = generator.generate(i);
            images.writeTo(c.image(), dir.resolve("images").resolve(c.name() + ".nii.gz"));
            labels.writeTo(c.labels(), dir.resolve("labels").resolve(c.name() + ".nii.gz"));
            classes.put(c.name(), c.classLabel());
        }
        ClassLabels table = ClassLabels.of(classes);
        table.write(dir.resolve(ClassLabels.FILE_NAME));
        return table;
    }
}
