package org.gvsl.train.monitor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss terms of every completed step of a run, in memory (primitive arrays: 2×10⁵ steps of four terms take
 * about 8 MB), for the loss curve and the summary.
 */
public final class LossHistory {

    private final List<String> terms;
    private int[] steps = new int[256];
    private double[][] values;
    private int size;

    /** An empty history of these terms (e.g. {@code loss_ncc, loss_smooth, loss_mse, loss_total}). */
    public LossHistory(List<String> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a loss history needs at least one term");
        }
        this.terms = List.copyOf(terms);
        this.values = new double[terms.size()][steps.length];
    }

    /** Adds one step; {@code losses} must hold every term. */
    public void add(int step, Map<String, Double> losses) {
        if (size > 0 && step <= steps[size - 1]) {
            throw new IllegalArgumentException("steps must increase: " + step + " after " + steps[size - 1]);
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, 2 * size);
            for (int t = 0; t < values.length; t++) {
                values[t] = Arrays.copyOf(values[t], 2 * size);
            }
        }
        steps[size] = step;
        for (int t = 0; t < terms.size(); t++) {
            Double v = losses.get(terms.get(t));
            if (v == null) {
                throw new IllegalArgumentException("loss term '" + terms.get(t) + "' missing in " + losses);
            }
            values[t][size] = v;
        }
        size++;
    }

    /** The term names, in column order. */
    public List<String> terms() {
        return terms;
    }

    /** Number of steps recorded. */
    public int size() {
        return size;
    }

    /** The last recorded step, or 0 when empty. */
    public int lastStep() {
        return size == 0 ? 0 : steps[size - 1];
    }

    /** The step numbers (a copy). */
    public int[] steps() {
        return Arrays.copyOf(steps, size);
    }

    /** The values of one term, one per recorded step (a copy). */
    public double[] values(String term) {
        int t = terms.indexOf(term);
        if (t < 0) {
            throw new IllegalArgumentException("no loss term '" + term + "', have " + terms);
        }
        return Arrays.copyOf(values[t], size);
    }

    /**
     * The mean of each term over the first {@code k} recorded steps ({@code fromEnd} false) or the last {@code k}
     * (true); {@code k} is capped at the number recorded. Empty when nothing is recorded.
     */
    public Map<String, Double> mean(int k, boolean fromEnd) {
        Map<String, Double> means = new LinkedHashMap<>();
        int n = Math.min(k, size);
        if (n <= 0) {
            return means;
        }
        int from = fromEnd ? size - n : 0;
        for (int t = 0; t < terms.size(); t++) {
            double sum = 0;
            for (int i = from; i < from + n; i++) {
                sum += values[t][i];
            }
            means.put(terms.get(t), sum / n);
        }
        return means;
    }
}
