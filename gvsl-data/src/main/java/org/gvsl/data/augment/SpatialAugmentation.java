package org.gvsl.data.augment;

import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * GVSL's spatial augmentation (method.md §6): a random affine ({@link RandomAffine}) and a random elastic field
 * ({@link ElasticField}), drawn once and applied identically to several volumes through a {@link SpatialDraw}.
 *
 * <p>Draws, in order: the affine's 15 draws (if enabled), then the field's (if enabled). Example, the same
 * augmentation of an image pair and a label map: {@code List<Volume> out = SpatialAugmentation.gvsl().apply(
 * List.of(a, b, labels), List.of(LINEAR, LINEAR, NEAREST), rng);}
 */
public final class SpatialAugmentation {

    private final RandomAffine affine;
    private final ElasticField elastic;

    /**
     * @param affine  the affine part, or null for none
     * @param elastic the elastic part, or null for none
     */
    public SpatialAugmentation(RandomAffine affine, ElasticField elastic) {
        this.affine = affine;
        this.elastic = elastic;
    }

    /** GVSL: {@link RandomAffine#gvsl()} and {@link ElasticField#gvsl()}. */
    public static SpatialAugmentation gvsl() {
        return new SpatialAugmentation(RandomAffine.gvsl(), ElasticField.gvsl());
    }

    /** Draws one transform of a grid of {@code shape}. */
    public SpatialDraw draw(VolumeShape shape, RandomGenerator rng) {
        AffineParameters a = affine == null ? null : affine.draw(rng);
        DisplacementField u = elastic == null ? null : elastic.draw(shape, rng);
        return new SpatialDraw(shape, a, u);
    }

    /** Draws one transform and applies it to every volume (all of one shape); inputs are not modified. */
    public List<Volume> apply(List<Volume> volumes, List<Interpolation> interpolations, RandomGenerator rng) {
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("no volumes to augment");
        }
        return draw(volumes.get(0).shape(), rng).apply(volumes, interpolations);
    }

    @Override
    public String toString() {
        return "SpatialAugmentation[" + (affine == null ? "no affine" : affine) + ", "
                + (elastic == null ? "no elastic" : elastic) + "]";
    }
}
