package org.gvsl.data.augment;

import org.gvsl.core.random.Uniform;
import org.gvsl.data.volume.VolumeShape;

import java.util.random.RandomGenerator;

/**
 * Draws the elastic part of GVSL's spatial augmentation (method.md §6): {@code u = α · G_σ * N}, where {@code N}
 * is U(−1, 1) noise per voxel and channel and {@code G_σ} the separable, sum-normalised Gaussian of {@link
 * GaussianSmoothing} (radius {@code int(4σ + 0.5)}, zero padding). Defaults: {@code α ~ U(0, 512)}, {@code σ ~
 * U(10, 13)} voxels, which give a displacement standard deviation of about 1.3 (σ = 10) to 0.8 (σ = 13) voxels at
 * α = 512.
 *
 * <p>Draws, in order: {@code α = lo + (hi − lo)·rng.nextDouble()}, {@code σ} likewise; then the noise of channel
 * D, then H, then W, each in C order, as {@code rng.nextFloat()·2 − 1}. Result in voxels, channels (D, H, W).
 */
public final class ElasticField {

    private final double minAlpha;
    private final double maxAlpha;
    private final double minSigma;
    private final double maxSigma;

    /**
     * @param minAlpha smallest α (≥ 0)
     * @param maxAlpha largest α (≥ minAlpha)
     * @param minSigma smallest σ in voxels (&gt; 0)
     * @param maxSigma largest σ in voxels (≥ minSigma)
     */
    public ElasticField(double minAlpha, double maxAlpha, double minSigma, double maxSigma) {
        if (!(minAlpha >= 0 && minAlpha <= maxAlpha && Double.isFinite(maxAlpha))) {
            throw new IllegalArgumentException("alpha range must satisfy 0 <= min <= max, got " + minAlpha + ".." + maxAlpha);
        }
        if (!(minSigma > 0 && minSigma <= maxSigma && Double.isFinite(maxSigma))) {
            throw new IllegalArgumentException("sigma range must satisfy 0 < min <= max, got " + minSigma + ".." + maxSigma);
        }
        this.minAlpha = minAlpha;
        this.maxAlpha = maxAlpha;
        this.minSigma = minSigma;
        this.maxSigma = maxSigma;
    }

    /** GVSL: α ~ U(0, 512), σ ~ U(10, 13). */
    public static ElasticField gvsl() {
        return new ElasticField(0, 512, 10, 13);
    }

    /** Draws a field over {@code shape} as documented. */
    public DisplacementField draw(VolumeShape shape, RandomGenerator rng) {
        double alpha = Uniform.draw(rng, minAlpha, maxAlpha);
        double sigma = Uniform.draw(rng, minSigma, maxSigma);
        int n = shape.voxelCount();
        float[][] noise = new float[3][n];
        for (float[] channel : noise) {
            for (int i = 0; i < n; i++) {
                channel[i] = rng.nextFloat() * 2f - 1f;
            }
        }
        GaussianSmoothing smoothing = new GaussianSmoothing(sigma);
        float[][] u = new float[3][];
        for (int c = 0; c < 3; c++) {
            u[c] = smoothing.apply(noise[c], shape);
            for (int i = 0; i < n; i++) {
                u[c][i] *= (float) alpha;
            }
        }
        return new DisplacementField(shape, u[0], u[1], u[2]);
    }

    @Override
    public String toString() {
        return "ElasticField[alpha=" + minAlpha + ".." + maxAlpha + ", sigma=" + minSigma + ".." + maxSigma + "]";
    }
}
