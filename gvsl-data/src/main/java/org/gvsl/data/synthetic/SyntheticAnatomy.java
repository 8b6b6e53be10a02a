package org.gvsl.data.synthetic;

import org.gvsl.core.random.IndexedRandom;
import org.gvsl.core.random.Uniform;
import org.gvsl.data.augment.ElasticField;
import org.gvsl.data.augment.RandomAffine;
import org.gvsl.data.augment.SpatialDraw;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * A generator of synthetic abdominal-CT-like volumes that share one topology, deterministically from a seed.
 *
 * <p><b>Template</b> (template coordinates {@code (x, y, z) ∈ [−1, 1]³}, x along W, y along H, z along D): a body
 * ellipsoid of soft tissue (40 HU) in air (−1000 HU) holding up to {@value #MAX_STRUCTURES} structures, each with
 * its own intensity and sinusoidal texture: four organ-like ellipsoids (liver 60 HU, spleen 50, two kidneys 150),
 * two vessel-like tubes along z (aorta 250, vena cava 180), a spine-like tube (700) and a bowel-like tube along x
 * (−20). Structure k (1-based, in that order) is label k; later ones are drawn over earlier ones.
 *
 * <p><b>Case {@code i}</b> is drawn from {@link IndexedRandom#forIndex(long, long) forIndex(seed, i)}, in this
 * order: an affine (rotation ±π/18, scale 0.9–1.1, shear ±π/36, translation ±0.05; {@link RandomAffine}); a smooth
 * elastic field ({@link ElasticField}, σ = S/8 voxels for the smallest side S, α giving a displacement standard
 * deviation of about 2–4% of S); a gain U(0.9, 1.1), an offset U(−20, 20) HU and one offset U(−15, 15) HU per
 * structure (intensity drift); the noise level U(5, 15) HU; whether it has lesions ({@code u <
 * lesionProbability}: class 1), and if so 1–3 spherical lesions inside the first structure (−45 HU, radius
 * 0.05–0.09 template units, centre by rejection sampling); then Gaussian noise per voxel in C order. Output voxel
 * {@code p} shows the template at the normalised position of {@code q = A(p + u(p))} ({@link SpatialDraw}), so
 * the label map is exact (no interpolation). Intensities are rounded to whole HU.
 */
public final class SyntheticAnatomy {

    /** The template's structures; {@link Builder#optStructures(int)} uses the first K. */
    public static final int MAX_STRUCTURES = 8;
    /** Air outside the body, HU. */
    static final double AIR = -1000;
    /** Soft tissue of the body, HU. */
    static final double TISSUE = 40;
    /** Lesions are this much darker than their organ, HU. */
    static final double LESION_CONTRAST = -45;

    private static final Structure BODY =
            new Structure("body", TISSUE, 6, 5, 0.6, new Structure.Ellipsoid(0, 0, 0, 0.85, 0.68, 0.95));
    private static final List<Structure> TEMPLATE = List.of(
            new Structure("liver", 60, 12, 9, 0.3, new Structure.Ellipsoid(-0.35, -0.05, 0.25, 0.32, 0.3, 0.32)),
            new Structure("spleen", 50, 10, 11, 1.1, new Structure.Ellipsoid(0.45, 0.15, 0.3, 0.14, 0.12, 0.18)),
            new Structure("left kidney", 150, 20, 13, 0.7, new Structure.Ellipsoid(0.35, 0.3, -0.2, 0.11, 0.09, 0.2)),
            new Structure("right kidney", 150, 20, 13, 1.9, new Structure.Ellipsoid(-0.35, 0.3, -0.25, 0.11, 0.09, 0.2)),
            new Structure("aorta", 250, 8, 7, 0.2, new Structure.Tube(2, -0.9, 0.9, 0.08, 0.06, 0.18, 0.02, 2, 0, 0.06)),
            new Structure("vena cava", 180, 8, 7, 2.3, new Structure.Tube(2, -0.9, 0.9, -0.12, 0.05, 0.16, 0.02, 3, 1, 0.07)),
            new Structure("spine", 700, 80, 15, 0.9, new Structure.Tube(2, -0.95, 0.95, 0, 0.02, 0.5, 0.03, 2, 0.5, 0.1)),
            new Structure("bowel", -20, 25, 17, 1.3, new Structure.Tube(0, -0.5, 0.5, -0.35, 0.1, -0.45, 0.1, 4, 0, 0.08)));

    private final VolumeShape shape;
    private final double spacing;
    private final int structures;
    private final double lesionProbability;
    private final long seed;
    private final RandomAffine affine;
    private final ElasticField elastic;

    private SyntheticAnatomy(Builder b) {
        this.shape = b.shape;
        this.spacing = b.spacing;
        this.structures = b.structures;
        this.lesionProbability = b.lesionProbability;
        this.seed = b.seed;
        this.affine = RandomAffine.builder().optMaxRotation(Math.PI / 18).optScale(0.9, 1.1).optMaxShear(Math.PI / 36)
                .optMaxTranslation(0.05).build();
        int side = Math.min(shape.depth(), Math.min(shape.height(), shape.width()));
        double sigma = Math.max(1.0, side / 8.0);
        // The std of U(−1,1) noise (0.577) smoothed by a 3-D Gaussian is about 0.577/(2·√π·σ)^1.5; choose α for 2-4% of S.
        double perAlpha = 0.577 / Math.pow(2 * Math.sqrt(Math.PI) * sigma, 1.5);
        this.elastic = new ElasticField(0.02 * side / perAlpha, 0.04 * side / perAlpha, sigma, sigma);
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The grid of every case. */
    public VolumeShape shape() {
        return shape;
    }

    /** Number of labelled structures K (labels 1..K). */
    public int structureCount() {
        return structures;
    }

    /** Names of the labelled structures, label 1 first. */
    public List<String> structureNames() {
        return TEMPLATE.subList(0, structures).stream().map(Structure::name).toList();
    }

    /** Case {@code index}: the same (seed, index) always gives the same volumes. */
    public SyntheticCase generate(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("case index must be >= 0, got " + index);
        }
        RandomGenerator rng = IndexedRandom.forIndex(seed, index);
        SpatialDraw draw = new SpatialDraw(shape, affine.draw(rng), elastic.draw(shape, rng));
        double gain = Uniform.draw(rng, 0.9, 1.1);
        double offset = Uniform.draw(rng, -20, 20);
        double[] structureOffset = new double[structures];
        for (int k = 0; k < structures; k++) {
            structureOffset[k] = Uniform.draw(rng, -15, 15);
        }
        double noise = Uniform.draw(rng, 5, 15);
        int classLabel = rng.nextDouble() < lesionProbability ? 1 : 0;
        double[][] lesions = classLabel == 1 ? drawLesions(rng) : new double[0][];
        int n = shape.voxelCount();
        float[] gaussian = new float[n];
        for (int i = 0; i < n; i++) {
            gaussian[i] = (float) rng.nextGaussian();
        }

        float[] image = new float[n];
        float[] labels = new float[n];
        double[] g = {2.0 / (shape.depth() - 1), 2.0 / (shape.height() - 1), 2.0 / (shape.width() - 1)};
        IntStream.range(0, shape.depth()).parallel().forEach(d -> {
            double[] q = new double[3];
            for (int h = 0; h < shape.height(); h++) {
                for (int w = 0; w < shape.width(); w++) {
                    draw.position(d, h, w, q);
                    double z = q[0] * g[0] - 1;
                    double y = q[1] * g[1] - 1;
                    double x = q[2] * g[2] - 1;
                    int label = 0;
                    double hu = AIR;
                    if (BODY.contains(x, y, z)) {
                        hu = BODY.hounsfield() + BODY.textureAt(x, y, z);
                        for (int k = 0; k < structures; k++) {
                            Structure s = TEMPLATE.get(k);
                            if (s.contains(x, y, z)) {
                                label = k + 1;
                                hu = s.hounsfield() + structureOffset[k] + s.textureAt(x, y, z);
                            }
                        }
                        if (label == 1 && insideAny(lesions, x, y, z)) {
                            hu += LESION_CONTRAST;
                        }
                    }
                    int i = shape.index(d, h, w);
                    image[i] = (float) Math.rint(gain * hu + offset + noise * gaussian[i]);
                    labels[i] = label;
                }
            }
        });
        VolumeGeometry geometry = geometry();
        return new SyntheticCase(String.format(Locale.ROOT, "case_%03d", index), Volume.adopt(shape, image, geometry),
                Volume.adopt(shape, labels, geometry), classLabel);
    }

    /** Isotropic spacing, RAS, origin at the volume centre. */
    private VolumeGeometry geometry() {
        double[][] a = {
            {spacing, 0, 0, -0.5 * (shape.width() - 1) * spacing},
            {0, spacing, 0, -0.5 * (shape.height() - 1) * spacing},
            {0, 0, spacing, -0.5 * (shape.depth() - 1) * spacing},
            {0, 0, 0, 1}};
        return new VolumeGeometry(new double[] {spacing, spacing, spacing}, a);
    }

    /** 1–3 spheres {x, y, z, r} inside the first structure: count, then per lesion radius and centre (rejection). */
    private static double[][] drawLesions(RandomGenerator rng) {
        Structure host = TEMPLATE.get(0);
        int count = 1 + rng.nextInt(3);
        double[][] lesions = new double[count][];
        for (int l = 0; l < count; l++) {
            double r = Uniform.draw(rng, 0.05, 0.09);
            double x;
            double y;
            double z;
            int tries = 0;
            do {
                x = Uniform.draw(rng, -1, 1);
                y = Uniform.draw(rng, -1, 1);
                z = Uniform.draw(rng, -1, 1);
            } while (!host.contains(x, y, z) && ++tries < 10_000);
            lesions[l] = new double[] {x, y, z, r};
        }
        return lesions;
    }

    private static boolean insideAny(double[][] spheres, double x, double y, double z) {
        for (double[] s : spheres) {
            double dx = x - s[0];
            double dy = y - s[1];
            double dz = z - s[2];
            if (dx * dx + dy * dy + dz * dz <= s[3] * s[3]) {
                return true;
            }
        }
        return false;
    }

    /** Options of a {@link SyntheticAnatomy}. */
    public static final class Builder {
        private VolumeShape shape = VolumeShape.cube(64);
        private double spacing = 1.5;
        private int structures = 6;
        private double lesionProbability = 0.5;
        private long seed;

        private Builder() {
        }

        /** Grid of every case (default 64³); every side at least 8. */
        public Builder optShape(VolumeShape shape) {
            if (Math.min(shape.depth(), Math.min(shape.height(), shape.width())) < 8) {
                throw new IllegalArgumentException("synthetic volumes need every side >= 8 voxels, got " + shape);
            }
            this.shape = shape;
            return this;
        }

        /** Isotropic voxel size in mm written to the geometry (default 1.5). */
        public Builder optSpacing(double mm) {
            if (!(mm > 0) || !Double.isFinite(mm)) {
                throw new IllegalArgumentException("spacing must be finite and positive, got " + mm);
            }
            this.spacing = mm;
            return this;
        }

        /** Number of labelled structures K, 1..{@value #MAX_STRUCTURES} (default 6: four organs and two vessels). */
        public Builder optStructures(int k) {
            if (k < 1 || k > MAX_STRUCTURES) {
                throw new IllegalArgumentException("structures must be in 1.." + MAX_STRUCTURES + ", got " + k);
            }
            this.structures = k;
            return this;
        }

        /** Probability that a case has lesions (class 1); default 0.5. */
        public Builder optLesionProbability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("lesion probability must be in [0, 1], got " + p);
            }
            this.lesionProbability = p;
            return this;
        }

        /** The seed of the family (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The configured {@link SyntheticAnatomy}. */
        public SyntheticAnatomy build() {
            return new SyntheticAnatomy(this);
        }
    }
}
