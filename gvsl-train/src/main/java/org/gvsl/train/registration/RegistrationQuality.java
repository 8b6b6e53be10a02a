package org.gvsl.train.registration;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.gvsl.data.volume.Volume;
import org.gvsl.eval.metrics.Dice;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.losses.LocalNcc;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.data.volume.VolumeShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How much closer a warp brings a moving image to its fixed image: three measures, each <em>before</em> the warp
 * (the moving image against the target) and <em>after</em> it (the warped image against the target).
 *
 * <ul>
 *   <li><b>local NCC</b> {@code S = 1 − L_ncc(target, image)}, with {@code L_ncc} exactly the training loss
 *       ({@link LocalNcc}, window {@code w³}, zero-padded): the mean over voxels of the squared local correlation
 *       {@code cc = cross² / (varI·varJ + 1e-5)}, in [0, 1]; 1 where the images are locally linearly related
 *       everywhere. Computed in float64.</li>
 *   <li><b>correlation</b>: Pearson's r of the two images over all voxels (commons-math3), in [−1, 1].</li>
 *   <li><b>label Dice</b>: the mean over the foreground classes 1..K present in either map
 *       ({@link Dice#meanOverClasses}) of Dice(fixed labels, moving labels) before and Dice(fixed labels, warped
 *       labels) after. The caller warps the moving labels by the same field (nearest neighbour, so labels stay
 *       labels; {@link PairRegistration} does). NaN when there are no labels.</li>
 * </ul>
 *
 * <p>The target is the clean fixed image {@code x_A} (method.md §5: the NCC target), not the appearance-transformed
 * network input. All volumes of one measurement share one {@code [D, H, W]} grid; intensities are the training
 * intensities (about [0, 1]).
 *
 * @param localNcc    local NCC similarity before → after
 * @param correlation global correlation before → after
 * @param labelDice   mean label Dice before → after (NaN, NaN without labels)
 */
public record RegistrationQuality(Change localNcc, Change correlation, Change labelDice) {

    /**
     * One measure before and after the warp.
     *
     * @param before moving image (or labels) against the target
     * @param after  warped image (or labels) against the target
     */
    public record Change(double before, double after) {
    }

    /**
     * The label maps of a pair, all on the target's grid.
     *
     * @param fixed   the fixed image's labels (the truth)
     * @param moving  the moving image's labels
     * @param warped  the moving labels warped by the registration's field (nearest neighbour)
     * @param classes K: labels lie in 0..K, 0 being background
     */
    public record Labels(Volume fixed, Volume moving, Volume warped, int classes) {
        /** @throws IllegalArgumentException when K &lt; 1 */
        public Labels {
            Objects.requireNonNull(fixed, "fixed");
            Objects.requireNonNull(moving, "moving");
            Objects.requireNonNull(warped, "warped");
            if (classes < 1) {
                throw new IllegalArgumentException("label classes must be >= 1, got " + classes);
            }
        }
    }

    /**
     * Measures one registration.
     *
     * @param target    the clean fixed image
     * @param moving    the moving image
     * @param warped    the moving image warped into the fixed frame
     * @param labels    the label maps, or null for none (label Dice NaN)
     * @param nccWindow odd window side of the local NCC, voxels (9 in training)
     * @throws IllegalArgumentException naming the volume whose grid differs from the target's, or a label outside
     *                                  [0, K]
     */
    public static RegistrationQuality measure(Volume target, Volume moving, Volume warped, Labels labels,
                                              int nccWindow) {
        LocalNcc ncc = new LocalNcc(nccWindow);   // checks the window first
        VolumeShape shape = target.shape();
        requireShape("moving image", moving, shape);
        requireShape("warped image", warped, shape);
        Change dice = new Change(Double.NaN, Double.NaN);
        if (labels != null) {
            requireShape("fixed labels", labels.fixed(), shape);
            requireShape("moving labels", labels.moving(), shape);
            requireShape("warped labels", labels.warped(), shape);
            int[] truth = classes(labels.fixed());
            dice = new Change(
                    Dice.meanOverClasses(Dice.perClass(classes(labels.moving()), truth, labels.classes())),
                    Dice.meanOverClasses(Dice.perClass(classes(labels.warped()), truth, labels.classes())));
        }
        double[] t = asDoubles(target);
        double[] m = asDoubles(moving);
        double[] w = asDoubles(warped);
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        Change correlation = new Change(pearson.correlation(t, m), pearson.correlation(t, w));
        return new RegistrationQuality(localNcc(ncc, shape, t, m, w), correlation, dice);
    }

    /** Whether label Dice was measured. */
    public boolean hasLabels() {
        return !Double.isNaN(labelDice.before()) || !Double.isNaN(labelDice.after());
    }

    /**
     * The mean of each value over several measurements (label Dice over those that have it).
     *
     * @throws IllegalArgumentException for an empty list
     */
    public static RegistrationQuality mean(List<RegistrationQuality> qualities) {
        if (qualities.isEmpty()) {
            throw new IllegalArgumentException("no registration measurements to average");
        }
        return new RegistrationQuality(
                new Change(mean(qualities, q -> q.localNcc.before), mean(qualities, q -> q.localNcc.after)),
                new Change(mean(qualities, q -> q.correlation.before), mean(qualities, q -> q.correlation.after)),
                new Change(mean(qualities, q -> q.labelDice.before), mean(qualities, q -> q.labelDice.after)));
    }

    /** e.g. {@code local NCC 0.412 → 0.655, correlation 0.812 → 0.934, label Dice 0.521 → 0.713}. */
    public String describe() {
        String text = "local NCC " + format(localNcc) + ", correlation " + format(correlation);
        return hasLabels() ? text + ", label Dice " + format(labelDice) : text;
    }

    private static String format(Change c) {
        return String.format(Locale.ROOT, "%.3f → %.3f", c.before, c.after);
    }

    private static double mean(List<RegistrationQuality> qualities, ToDoubleFunction<RegistrationQuality> value) {
        return qualities.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** {@code 1 − L_ncc(t, m)} and {@code 1 − L_ncc(t, w)}, from one float64 graph of both. */
    private static Change localNcc(LocalNcc ncc, VolumeShape shape, double[] t, double[] m, double[] w) {
        SpatialSize size = new SpatialSize(shape.depth(), shape.height(), shape.width());
        long[] dims = size.shape(1, 1);
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable target = sd.placeHolder("target", DataType.DOUBLE, dims);
        SDVariable moving = sd.placeHolder("moving", DataType.DOUBLE, dims);
        SDVariable warped = sd.placeHolder("warped", DataType.DOUBLE, dims);
        ncc.loss(target, moving, 1, size).rsub("before", 1.0);
        ncc.loss(target, warped, 1, size).rsub("after", 1.0);
        Map<String, INDArray> out = sd.output(Map.of(
                "target", Nd4j.create(t, dims, DataType.DOUBLE), "moving", Nd4j.create(m, dims, DataType.DOUBLE),
                "warped", Nd4j.create(w, dims, DataType.DOUBLE)),
                "before", "after");
        return new Change(out.get("before").getDouble(0), out.get("after").getDouble(0));
    }

    private static void requireShape(String what, Volume v, VolumeShape shape) {
        if (!v.shape().equals(shape)) {
            throw new IllegalArgumentException("the " + what + " has grid " + v.shape() + ", the target " + shape);
        }
    }

    private static double[] asDoubles(Volume v) {
        float[] f = v.toArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** The labels as integers; a value that is not a whole number is named. */
    private static int[] classes(Volume labels) {
        float[] f = labels.toArray();
        int[] c = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            c[i] = Math.round(f[i]);
            if (c[i] != f[i]) {
                throw new IllegalArgumentException("a label map holds " + f[i] + " at voxel " + i
                        + ": labels must be whole numbers");
            }
        }
        return c;
    }
}
