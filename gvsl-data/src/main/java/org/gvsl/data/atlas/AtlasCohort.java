package org.gvsl.data.atlas;

import org.gvsl.core.random.IndexedRandom;
import org.gvsl.core.random.Uniform;
import org.gvsl.data.augment.DisplacementField;
import org.gvsl.data.augment.ElasticField;
import org.gvsl.data.augment.RandomAffine;
import org.gvsl.data.augment.SpatialDraw;
import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.preprocess.MinMaxIntensity;
import org.gvsl.data.preprocess.Preprocessing;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A labelled cohort built from one image and its atlas on the same grid (e.g. mricron's {@code ch2bet.nii.gz} and
 * {@code aal.nii.gz}).
 *
 * <p>At build: both are reoriented to RAS and resampled to the target spacing (image trilinear, atlas nearest),
 * the image min-max normalised to [0, 1] and the atlas optionally grouped. Member {@code i} is drawn from {@link
 * IndexedRandom#forIndex(long, long) forIndex(seed, i)}, in this order: a mild affine (rotation ±π/36, scale
 * 0.92–1.08, shear ±π/90, translation ±0.03; {@link RandomAffine}); a stationary velocity field ({@link
 * ElasticField}, α U(300, 500), σ U(5, 7) voxels) made diffeomorphic by {@link DisplacementField#exponentiated(int)
 * scaling and squaring} (6 squarings), so the warp is smooth and invertible and labels keep their topology; then
 * the intensity change: gamma U(0.7, 1.4), gain U(0.9, 1.1), a linear bias field {@code 1 + b·(x, y, z)} with
 * {@code b} U(−0.1, 0.1) per axis (normalised coordinates), and Gaussian noise of standard deviation U(0.01,
 * 0.03), one {@code rng.nextGaussian()} per voxel in C order. The image is warped trilinearly and the labels by
 * nearest neighbour with the same draw.
 */
public final class AtlasCohort {

    private final Volume image;
    private final Volume labels;
    private final long seed;
    private final RandomAffine affine = RandomAffine.builder().optMaxRotation(Math.PI / 36).optScale(0.92, 1.08)
            .optMaxShear(Math.PI / 90).optMaxTranslation(0.03).build();
    private final ElasticField velocity = new ElasticField(300, 500, 5, 7);

    private AtlasCohort(Volume image, Volume labels, long seed) {
        this.image = image;
        this.labels = labels;
        this.seed = seed;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The preprocessed grid of every member. */
    public VolumeShape shape() {
        return image.shape();
    }

    /** The largest label value of the (grouped) atlas. */
    public int labelCount() {
        return (int) labels.range()[1];
    }

    /** Member {@code index}; the same (seed, index) always gives the same volumes. */
    public AtlasCase generate(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("member index must be >= 0, got " + index);
        }
        RandomGenerator rng = IndexedRandom.forIndex(seed, index);
        VolumeShape shape = image.shape();
        SpatialDraw draw = new SpatialDraw(shape, affine.draw(rng), velocity.draw(shape, rng).exponentiated(6));
        List<Volume> warped = draw.apply(List.of(image, labels), List.of(Interpolation.LINEAR, Interpolation.NEAREST));
        double gamma = Uniform.draw(rng, 0.7, 1.4);
        double gain = Uniform.draw(rng, 0.9, 1.1);
        double[] bias = {Uniform.draw(rng, -0.1, 0.1), Uniform.draw(rng, -0.1, 0.1), Uniform.draw(rng, -0.1, 0.1)};
        double noise = Uniform.draw(rng, 0.01, 0.03);
        float[] out = warped.get(0).toArray();
        for (int d = 0, i = 0; d < shape.depth(); d++) {
            double z = 2.0 * d / (shape.depth() - 1) - 1;
            for (int h = 0; h < shape.height(); h++) {
                double y = 2.0 * h / (shape.height() - 1) - 1;
                for (int w = 0; w < shape.width(); w++, i++) {
                    double x = 2.0 * w / (shape.width() - 1) - 1;
                    double v = Math.pow(Math.max(out[i], 0), gamma) * gain * (1 + bias[0] * x + bias[1] * y + bias[2] * z);
                    out[i] = (float) (v + noise * rng.nextGaussian());
                }
            }
        }
        return new AtlasCase(String.format(Locale.ROOT, "atlas_%03d", index), warped.get(0).withVoxels(out), warped.get(1));
    }

    /**
     * Writes members {@code 0..count−1} as {@code images/atlas_NNN.nii.gz} (float32) and {@code
     * labels/atlas_NNN.nii.gz} (uint8, or int16 beyond 255 labels) into {@code dir}.
     */
    public void write(Path dir, int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        NiftiWriter images = NiftiWriter.builder().optDescription("gvsl atlas cohort").build();
        NiftiWriter labelWriter = NiftiWriter.builder()
                .optDataType(labelCount() > 255 ? NiftiDataType.INT16 : NiftiDataType.UINT8)
                .optDescription("gvsl atlas cohort labels").build();
        for (int i = 0; i < count; i++) {
            AtlasCase c = generate(i);
            images.writeTo(c.image(), dir.resolve("images").resolve(c.name() + ".nii.gz"));
            labelWriter.writeTo(c.labels(), dir.resolve("labels").resolve(c.name() + ".nii.gz"));
        }
    }

    /** Inputs of an {@link AtlasCohort}: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private Path imagePath;
        private Path atlasPath;
        private Volume image;
        private Volume atlas;
        private LabelGrouping grouping;
        private double spacing = 2.0;
        private long seed;

        private Builder() {
        }

        /** The image file, e.g. {@code /usr/share/mricron/templates/ch2bet.nii.gz} (this or {@link #setVolumes}). */
        public Builder setImage(Path path) {
            this.imagePath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The atlas file on the image's grid, e.g. {@code aal.nii.gz}. */
        public Builder setAtlas(Path path) {
            this.atlasPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Image and atlas already in memory, on one grid (instead of the two files). */
        public Builder setVolumes(Volume image, Volume atlas) {
            this.image = Objects.requireNonNull(image, "image");
            this.atlas = Objects.requireNonNull(atlas, "atlas");
            return this;
        }

        /** Merge atlas labels into groups (default: keep the labels). */
        public Builder optGrouping(LabelGrouping grouping) {
            this.grouping = grouping;
            return this;
        }

        /** Isotropic spacing of the cohort in mm (default 2: an eighth of the voxels of mricron's 1 mm grid). */
        public Builder optSpacing(double mm) {
            if (!(mm > 0) || !Double.isFinite(mm)) {
                throw new IllegalArgumentException("spacing must be finite and positive, got " + mm);
            }
            this.spacing = mm;
            return this;
        }

        /** The cohort's seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Reads and preprocesses the pair. */
        public AtlasCohort build() throws IOException {
            Volume img = image;
            Volume lab = atlas;
            if (img == null) {
                if (imagePath == null || atlasPath == null) {
                    throw new IllegalStateException("AtlasCohort needs setImage(...) and setAtlas(...), or setVolumes(...)");
                }
                img = NiftiReader.readVolume(imagePath);
                lab = NiftiReader.readVolume(atlasPath);
            }
            if (!img.shape().equals(lab.shape())) {
                throw new IllegalArgumentException("image " + (imagePath == null ? "" : imagePath + " ") + "has shape "
                        + img.shape() + " but the atlas " + (atlasPath == null ? "" : atlasPath + " ") + "has " + lab.shape()
                        + "; they must share one grid");
            }
            Preprocessing pre = Preprocessing.builder().optTargetSpacing(spacing, spacing, spacing)
                    .optIntensity(new MinMaxIntensity()).build();
            Volume labels = pre.labels(lab);
            return new AtlasCohort(pre.image(img), grouping == null ? labels : grouping.apply(labels), seed);
        }
    }
}
