package org.gvsl.model.blocks;

import org.gvsl.model.ops.HostBuffer;
import org.gvsl.model.ops.HostOp;

import java.util.Arrays;

/**
 * Group normalisation ({@link GroupNorm}), optionally followed by a leaky rectifier, as loops over host memory, in
 * double arithmetic whatever the arrays' type: the forward pass with its statistics, and the backward pass from
 * them.
 *
 * <p>Shapes: x and a {@code [N, C, …]} (any spatial rank; V voxels per channel), γ and β {@code [C]}. Per sample n
 * and group g of L = (C/G)·V elements, with r = 1/√(σ² + ε) and the rectifier's slope α (1: none):
 * <pre>
 *   μ = Σx / L,  σ² = Σ(x − μ)² / L (two passes),  x̂ = (x − μ)·r,  y = γ[c]·x̂ + β[c],  a = y > 0 ? y : α·y
 *   g = ∂L/∂y = ∂L/∂a · (y > 0 ? 1 : α)
 *   ∂L/∂x = r·γ[c]·g − (r/L)·(Σ_group γ·g + x̂ · Σ_group γ·g·x̂)
 *   ∂L/∂γ[c] = Σ_{n, voxels} g·x̂,  ∂L/∂β[c] = Σ_{n, voxels} g
 * </pre>
 * The backward pass recomputes μ, r and y from x, so that it keeps nothing of the forward pass but x (statistics
 * handed over as extra outputs would be outputs nothing reads, which SameDiff's guess of a graph's loss counts as
 * candidates). One task per sample and group; the parameter gradients are summed over the samples at the end.
 */
final class GroupNormKernel {

    private final int batch;
    private final int channels;
    private final int groups;
    private final int voxels;

    /**
     * @throws IllegalArgumentException when x has fewer than 2 axes or C is not a multiple of G
     */
    GroupNormKernel(long[] xShape, int groups) {
        if (xShape.length < 2 || groups < 1 || xShape[1] % groups != 0) {
            throw new IllegalArgumentException("group norm needs x [N, C, …] with C a multiple of " + groups
                    + " groups, got " + Arrays.toString(xShape));
        }
        long v = 1;
        for (int i = 2; i < xShape.length; i++) {
            v *= xShape[i];
        }
        batch = (int) xShape[0];
        channels = (int) xShape[1];
        this.groups = groups;
        voxels = (int) v;
    }

    /** a = LeakyReLU(GroupNorm(x)). */
    void forward(HostBuffer x, HostBuffer gamma, HostBuffer beta, double epsilon, double slope, HostBuffer a) {
        int perGroup = channels / groups;
        HostOp.parallel(batch * groups, task -> {
            int first = firstOf(task);
            double[] statistics = statistics(x, first, epsilon);
            double mu = statistics[0];
            double r = statistics[1];
            for (int c = task % groups * perGroup, i = first; i < first + perGroup * voxels; c++) {
                double scale = r * gamma.get(c);
                double shift = beta.get(c) - scale * mu;
                for (int v = 0; v < voxels; v++, i++) {
                    double y = x.get(i) * scale + shift;
                    a.set(i, y > 0 ? y : slope * y);
                }
            }
        });
    }

    /** The first element of sample and group {@code task} (= n·G + g). */
    private int firstOf(int task) {
        return (task / groups * channels + task % groups * (channels / groups)) * voxels;
    }

    /** μ and r of the group starting at element {@code first}, by two passes. */
    private double[] statistics(HostBuffer x, int first, double epsilon) {
        int end = first + channels / groups * voxels;
        double sum = 0;
        for (int i = first; i < end; i++) {
            sum += x.get(i);
        }
        double mu = sum / (end - first);
        double squares = 0;
        for (int i = first; i < end; i++) {
            double centred = x.get(i) - mu;
            squares += centred * centred;
        }
        return new double[] {mu, 1.0 / Math.sqrt(squares / (end - first) + epsilon)};
    }

    /** ∂L/∂x, ∂L/∂γ and ∂L/∂β from x, γ, β and {@code gradA} = ∂L/∂a. */
    void backward(HostBuffer x, HostBuffer gamma, HostBuffer beta, HostBuffer gradA, double epsilon, double slope,
                  HostBuffer gradX, HostBuffer gradGamma, HostBuffer gradBeta) {
        int perGroup = channels / groups;
        double[] sumGX = new double[batch * channels];  // Σ_voxels g·x̂ per sample and channel
        double[] sumG = new double[batch * channels];   // Σ_voxels g
        HostOp.parallel(batch * groups, task -> {
            int n = task / groups;
            int firstChannel = task % groups * perGroup;
            int first = firstOf(task);
            double[] statistics = statistics(x, first, epsilon);
            double mu = statistics[0];
            double r = statistics[1];
            double a = 0;  // Σ_group γ·g
            double b = 0;  // Σ_group γ·g·x̂
            for (int c = firstChannel, i = first; c < firstChannel + perGroup; c++) {
                double g = 0;
                double gx = 0;
                for (int v = 0; v < voxels; v++, i++) {
                    double normalised = (x.get(i) - mu) * r;
                    double gi = gradY(gradA.get(i), gamma.get(c) * normalised + beta.get(c), slope);
                    g += gi;
                    gx += gi * normalised;
                }
                sumG[n * channels + c] = g;
                sumGX[n * channels + c] = gx;
                a += gamma.get(c) * g;
                b += gamma.get(c) * gx;
            }
            double perElement = r / ((double) perGroup * voxels);
            for (int c = firstChannel, i = first; c < firstChannel + perGroup; c++) {
                double k = r * gamma.get(c);
                for (int v = 0; v < voxels; v++, i++) {
                    double normalised = (x.get(i) - mu) * r;
                    double gi = gradY(gradA.get(i), gamma.get(c) * normalised + beta.get(c), slope);
                    gradX.set(i, k * gi - perElement * (a + normalised * b));
                }
            }
        });
        for (int c = 0; c < channels; c++) {
            double g = 0;
            double gx = 0;
            for (int n = 0; n < batch; n++) {
                g += sumG[n * channels + c];
                gx += sumGX[n * channels + c];
            }
            gradBeta.set(c, g);
            gradGamma.set(c, gx);
        }
    }

    /** ∂L/∂y from ∂L/∂a at a normalised value y. */
    private static double gradY(double gradA, double y, double slope) {
        return y > 0 ? gradA : slope * gradA;
    }
}
