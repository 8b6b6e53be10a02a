package org.gvsl.train.registration;

import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationPairTest {

    private static Volume zeros(int s) {
        return Volume.zeros(VolumeShape.cube(s), VolumeGeometry.ofSpacing(1, 1, 1));
    }

    private static final TrainingPair IMAGES = new TrainingPair(zeros(4), zeros(4), zeros(4), "case_a", "case_b");

    @Test
    void namesTheMovingVolumeThenTheFixedOne() {
        assertEquals("case_b → case_a", RegistrationPair.unlabelled(IMAGES).name());
        assertFalse(RegistrationPair.unlabelled(IMAGES).hasLabels());
        assertTrue(new RegistrationPair(IMAGES, zeros(4), zeros(4)).hasLabels());
    }

    @Test
    void labelsComeInPairsOnTheImagesGrid() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new RegistrationPair(IMAGES, zeros(4), null));
        assertTrue(one.getMessage().contains("the label maps of both images or of neither"), one.getMessage());
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class,
                () -> new RegistrationPair(IMAGES, zeros(4), zeros(5)));
        assertTrue(grid.getMessage().contains("label maps [4, 4, 4] / [5, 5, 5] are not on the images' grid [4, 4, 4]"),
                grid.getMessage());
    }
}
