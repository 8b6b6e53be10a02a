package org.gvsl.data.atlas;

import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.synthetic.SyntheticAnatomy;
import org.gvsl.data.synthetic.SyntheticCase;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtlasCohortTest {

    /** Debian's mricron-data; the test that uses it is skipped where the package is not installed. */
    private static final Path MRICRON = Path.of("/usr/share/mricron/templates");

    private static Set<Float> values(Volume v) {
        Set<Float> s = new HashSet<>();
        for (float x : v.toArray()) {
            s.add(x);
        }
        return s;
    }

    @Test
    void membersAreDeterministicWarpedCopiesWithTheAtlasLabels() throws IOException {
        SyntheticCase pair = SyntheticAnatomy.builder().optShape(VolumeShape.cube(24)).optSpacing(2).build().generate(0);
        AtlasCohort cohort = AtlasCohort.builder().setVolumes(pair.image(), pair.labels()).optSpacing(2).optSeed(4)
                .optGrouping(new LabelGrouping(Map.of(1, 1, 2, 1, 3, 2, 4, 2, 5, 3, 6, 3))).build();
        AtlasCase a = cohort.generate(1);
        AtlasCase again = cohort.generate(1);
        assertArrayEquals(a.image().toArray(), again.image().toArray(), 0);
        assertArrayEquals(a.labels().toArray(), again.labels().toArray(), 0);
        assertFalse(java.util.Arrays.equals(a.labels().toArray(), cohort.generate(2).labels().toArray()));
        assertTrue(Set.of(0f, 1f, 2f, 3f).containsAll(values(a.labels())), values(a.labels()).toString());
        assertTrue(values(a.labels()).contains(1f), "grouped labels survive the warp");
        assertEquals(3, cohort.labelCount());
        double[] range = a.image().range();
        assertTrue(range[0] > -0.3 && range[1] < 1.5, java.util.Arrays.toString(range));
        assertEquals(VolumeShape.cube(24), a.image().shape());
    }

    @Test
    void mismatchedGridsAndMissingInputsAreErrors() {
        Volume small = Volume.zeros(VolumeShape.cube(8), org.gvsl.data.volume.VolumeGeometry.unit());
        Volume big = Volume.zeros(VolumeShape.cube(9), org.gvsl.data.volume.VolumeGeometry.unit());
        String grids = assertThrows(IllegalArgumentException.class, () -> AtlasCohort.builder().setVolumes(small, big).build())
                .getMessage();
        assertTrue(grids.contains("image has shape [8, 8, 8] but the atlas has [9, 9, 9]; they must share one grid"), grids);
        String missing = assertThrows(IllegalStateException.class, () -> AtlasCohort.builder().build()).getMessage();
        assertTrue(missing.contains("needs setImage(...) and setAtlas(...), or setVolumes(...)"), missing);
    }

    @Test
    void buildsACohortFromMricronsAalAtlas(@TempDir Path dir) throws IOException {
        Path image = MRICRON.resolve("ch2bet.nii.gz");
        Path atlas = MRICRON.resolve("aal.nii.gz");
        assumeTrue(Files.isRegularFile(image) && Files.isRegularFile(atlas), "mricron-data is not installed");
        AtlasCohort cohort = AtlasCohort.builder().setImage(image).setAtlas(atlas)
                .optGrouping(LabelGrouping.byCodeThousands(MRICRON.resolve("aal.nii.txt"))).optSpacing(6).build();
        assertEquals(new VolumeShape(30, 36, 30), cohort.shape()); // 181 x 217 x 181 at 1 mm -> 6 mm
        cohort.write(dir, 1);
        Volume labels = NiftiReader.readVolume(dir.resolve("labels/atlas_000.nii.gz"));
        assertTrue(values(labels).size() >= 6, "most of the 8 lobe groups present: " + values(labels));
        assertTrue(labels.range()[1] <= 8);
    }
}
