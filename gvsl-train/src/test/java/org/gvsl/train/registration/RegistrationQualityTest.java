package org.gvsl.train.registration;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationQualityTest {

    private static final VolumeShape SHAPE = VolumeShape.cube(16);

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    /** A volume of {@link #SHAPE} that is 1 inside the box [lo, lo + side)³ shifted by {@code dw} along W, else 0. */
    private static Volume box(int lo, int side, int dw, float value) {
        float[] v = new float[SHAPE.voxelCount()];
        for (int d = lo; d < lo + side; d++) {
            for (int h = lo; h < lo + side; h++) {
                for (int w = lo + dw; w < lo + side + dw; w++) {
                    v[SHAPE.index(d, h, w)] = value;
                }
            }
        }
        return Volume.adopt(SHAPE, v, VolumeGeometry.ofSpacing(1, 1, 1));
    }

    /**
     * A 6³ box moved 2 voxels along W, warped back exactly: Dice 2·(6·6·4)/(2·216) = 2/3 before and 1 after;
     * Pearson's r of two equal-sized binary masks with p = 216/4096 of the voxels set and k = 144 in both is
     * (k/N − p²)/(p(1 − p)) before and 1 after; the local NCC rises to that of the target with itself.
     */
    @Test
    void aKnownShiftWarpedBackScoresPerfectlyAfterAndAsDerivedBefore() {
        Volume target = box(5, 6, 0, 1f);
        Volume moving = box(5, 6, 2, 1f);
        Volume warped = box(5, 6, 0, 1f);
        RegistrationQuality.Labels labels = new RegistrationQuality.Labels(box(5, 6, 0, 1f), box(5, 6, 2, 1f),
                box(5, 6, 0, 1f), 1);
        RegistrationQuality q = RegistrationQuality.measure(target, moving, warped, labels, 9);

        assertEquals(2.0 / 3, q.labelDice().before(), 1e-12);
        assertEquals(1.0, q.labelDice().after(), 1e-12);
        double n = 4096;
        double p = 216 / n;
        assertEquals((144 / n - p * p) / (p * (1 - p)), q.correlation().before(), 1e-12);
        assertEquals(1.0, q.correlation().after(), 1e-12);
        RegistrationQuality self = RegistrationQuality.measure(target, target, target, null, 9);
        assertEquals(self.localNcc().after(), q.localNcc().after(), 1e-12);
        assertTrue(q.localNcc().before() < q.localNcc().after() - 0.1, q.toString());
        assertTrue(q.hasLabels());
        assertEquals("local NCC " + String.format(java.util.Locale.ROOT, "%.3f → %.3f", q.localNcc().before(),
                q.localNcc().after()) + String.format(java.util.Locale.ROOT, ", correlation %.3f → 1.000",
                q.correlation().before()) + ", label Dice 0.667 → 1.000", q.describe());
    }

    /** The identity warp (warped = moving) changes nothing, and without labels the Dice is NaN. */
    @Test
    void theIdentityWarpLeavesEveryMeasureAsItWas() {
        Volume target = box(4, 6, 0, 1f);
        Volume moving = box(5, 6, 1, 1f);
        RegistrationQuality q = RegistrationQuality.measure(target, moving, moving, null, 5);
        assertEquals(q.localNcc().before(), q.localNcc().after(), 0);
        assertEquals(q.correlation().before(), q.correlation().after(), 0);
        assertTrue(Double.isNaN(q.labelDice().before()) && Double.isNaN(q.labelDice().after()));
        assertFalse(q.hasLabels());
        assertFalse(q.describe().contains("Dice"), q.describe());
    }

    /**
     * The local NCC is {@code 1 − L_ncc} with the given window: equal to a direct float64 evaluation of the
     * formula (zero-padded 3³ windows) on a random 6³ pair.
     */
    @Test
    void theLocalNccIsOneMinusTheTrainingLossWithItsWindow() {
        VolumeShape shape = VolumeShape.cube(6);
        Random random = new Random(3);
        float[] a = new float[shape.voxelCount()];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat();
            b[i] = 0.5f * a[i] + 0.5f * random.nextFloat();
        }
        Volume i = Volume.adopt(shape, a, VolumeGeometry.ofSpacing(1, 1, 1));
        Volume j = Volume.adopt(shape, b, VolumeGeometry.ofSpacing(1, 1, 1));
        double expected = directNcc(a, b, 6, 3);
        RegistrationQuality q = RegistrationQuality.measure(i, j, i, null, 3);
        assertEquals(expected, q.localNcc().before(), 1e-9);
        assertEquals(directNcc(a, a, 6, 3), q.localNcc().after(), 1e-9);
        assertTrue(expected > 0.1 && expected < 0.9, "a partly correlated pair: " + expected);
    }

    /** mean(cc) over the voxels, cc from zero-padded sums over the w³ window centred at each voxel. */
    private static double directNcc(float[] x, float[] y, int s, int w) {
        double n = w * w * w;
        double sum = 0;
        for (int d = 0; d < s; d++) {
            for (int h = 0; h < s; h++) {
                for (int v = 0; v < s; v++) {
                    double si = 0, sj = 0, sii = 0, sjj = 0, sij = 0;
                    for (int dd = d - w / 2; dd <= d + w / 2; dd++) {
                        for (int hh = h - w / 2; hh <= h + w / 2; hh++) {
                            for (int vv = v - w / 2; vv <= v + w / 2; vv++) {
                                if (dd < 0 || hh < 0 || vv < 0 || dd >= s || hh >= s || vv >= s) {
                                    continue;
                                }
                                double xi = x[(dd * s + hh) * s + vv];
                                double yi = y[(dd * s + hh) * s + vv];
                                si += xi;
                                sj += yi;
                                sii += xi * xi;
                                sjj += yi * yi;
                                sij += xi * yi;
                            }
                        }
                    }
                    double cross = sij - si * sj / n;
                    double varI = sii - si * si / n;
                    double varJ = sjj - sj * sj / n;
                    sum += cross * cross / (varI * varJ + 1e-5);
                }
            }
        }
        return sum / (s * s * s);
    }

    /** Two classes: Dice is their mean; a class in neither map is left out. */
    @Test
    void labelDiceIsTheMeanOverThePresentClasses() {
        Volume one = box(2, 4, 0, 1f);
        Volume fixed = add(one, box(9, 4, 0, 2f));
        Volume moving = add(one, box(9, 4, 2, 2f));   // class 2 overlaps 2·(4·4·2)/(2·64) = 1/2; class 1 fully
        RegistrationQuality q = RegistrationQuality.measure(fixed, moving, fixed,
                new RegistrationQuality.Labels(fixed, moving, moving, 3), 9);
        assertEquals((1.0 + 0.5) / 2, q.labelDice().before(), 1e-12);
        assertEquals(q.labelDice().before(), q.labelDice().after(), 0);
    }

    private static Volume add(Volume a, Volume b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
        return Volume.adopt(a.shape(), x, a.geometry());
    }

    @Test
    void theMeanAveragesEachValueAndDiceOverThoseThatHaveIt() {
        RegistrationQuality a = new RegistrationQuality(new RegistrationQuality.Change(0.2, 0.6),
                new RegistrationQuality.Change(0.5, 0.9), new RegistrationQuality.Change(0.4, 0.8));
        RegistrationQuality b = new RegistrationQuality(new RegistrationQuality.Change(0.4, 0.4),
                new RegistrationQuality.Change(0.7, 0.7), new RegistrationQuality.Change(Double.NaN, Double.NaN));
        RegistrationQuality m = RegistrationQuality.mean(List.of(a, b));
        assertEquals(0.3, m.localNcc().before(), 1e-12);
        assertEquals(0.5, m.localNcc().after(), 1e-12);
        assertEquals(0.6, m.correlation().before(), 1e-12);
        assertEquals(0.8, m.correlation().after(), 1e-12);
        assertEquals(0.4, m.labelDice().before(), 1e-12);
        assertEquals(0.8, m.labelDice().after(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegistrationQuality.mean(List.of()));
        assertTrue(e.getMessage().contains("no registration measurements"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        Volume target = box(4, 6, 0, 1f);
        Volume small = Volume.zeros(VolumeShape.cube(8), VolumeGeometry.ofSpacing(1, 1, 1));
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class,
                () -> RegistrationQuality.measure(target, target, small, null, 9));
        assertTrue(grid.getMessage().contains("the warped image has grid [8, 8, 8], the target [16, 16, 16]"),
                grid.getMessage());
        Volume half = box(4, 6, 0, 0.5f);
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> RegistrationQuality.measure(target, target, target,
                        new RegistrationQuality.Labels(half, target, target, 1), 9));
        assertTrue(fraction.getMessage().contains("a label map holds 0.5 at voxel"), fraction.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> RegistrationQuality.measure(target, target, target, null, 4));
        assertTrue(window.getMessage().contains("odd and positive, got 4"), window.getMessage());
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> new RegistrationQuality.Labels(target, target, target, 0));
        assertTrue(classes.getMessage().contains("label classes must be >= 1, got 0"), classes.getMessage());
    }
}
