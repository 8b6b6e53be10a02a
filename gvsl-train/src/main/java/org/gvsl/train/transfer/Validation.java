package org.gvsl.train.transfer;

import org.gvsl.data.loader.ClassificationBatch;
import org.gvsl.data.loader.ClassificationSampler;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.metrics.Dice;
import org.gvsl.eval.metrics.RocAuc;
import org.gvsl.model.inference.SlidingWindowInference;
import org.gvsl.model.transfer.TransferGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scores a transfer run validates and tests with (method.md §7).
 *
 * <p><b>Segmentation:</b> a whole volume is predicted by sliding-window inference with the training graph (window =
 * crop) and the argmax taken; its score is the mean over the foreground classes 1..K−1 of Dice (a class absent from
 * both prediction and truth left out), and the validation score is the mean of that over the cases (NaN cases left
 * out). <b>Classification:</b> a case is the crop of the training size centred in its volume ({@link
 * ClassificationSampler#centred}); its scores are the sigmoid outputs. The validation score is the ROC-AUC of the
 * first output against class 1 (one output) or the mean one-vs-rest AUC over the outputs (K ≥ 2); when it is
 * undefined (one class only), {@link #UNDEFINED} (NaN).
 */
public final class Validation {

    /** An undefined AUC. */
    public static final double UNDEFINED = Double.NaN;

    private Validation() {
    }

    /** The volume {@code [1, 1, D, H, W]} float32 of a volume. */
    public static INDArray array(Volume v) {
        VolumeShape s = v.shape();
        return Nd4j.create(v.toArray(), new long[] {1, 1, s.depth(), s.height(), s.width()}, 'c');
    }

    /** The argmax label map of a whole image by sliding-window inference with a segmentation graph. */
    public static int[] segment(TransferGraph graph, SlidingWindowInference inference, Volume image) {
        try (INDArray volume = array(image)) {
            SlidingWindowInference.Prediction p = inference.run(volume, graph.windowPredictor());
            int[] labels = p.labels();
            p.probabilities().close();
            return labels;
        }
    }

    /**
     * The mean Dice over the foreground classes of one case.
     *
     * @param classes K with background
     */
    public static double meanDice(int[] prediction, Volume truth, int classes) {
        int[] t = new int[truth.shape().voxelCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.round(truth.get(i));
        }
        return Dice.meanOverClasses(Dice.perClass(prediction, t, classes - 1));
    }

    /** The sigmoid outputs {@code [K]} of case {@code index} of a classification sampler. */
    public static double[] classify(TransferGraph graph, ClassificationSampler cases, int index) {
        try (ClassificationBatch b = cases.centred(index); INDArray p = graph.predict(b.image())) {
            return p.castTo(DataType.DOUBLE).data().asDouble();
        }
    }

    /**
     * The ROC-AUC of scores {@code [case][output]} against the cases' classes: one output against class 1, or
     * the mean one-vs-rest AUC over K ≥ 2 outputs; {@link #UNDEFINED} when any is undefined (one class only).
     */
    public static double auc(double[][] scores, int[] classes) {
        if (scores.length == 0) {
            return UNDEFINED;
        }
        int outputs = scores[0].length;
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            double[] s = new double[scores.length];
            int[] y = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                s[i] = scores[i][k];
                y[i] = outputs == 1 ? classes[i] : classes[i] == k ? 1 : 0;
            }
            try {
                sum += RocAuc.of(s, y);
            } catch (IllegalArgumentException e) {
                return UNDEFINED;
            }
        }
        return sum / outputs;
    }

    /** An AUC as reports print it: three decimals, or {@code undefined}. */
    public static String format(double auc) {
        return Double.isNaN(auc) ? "undefined" : String.format(java.util.Locale.ROOT, "%.3f", auc);
    }
}
