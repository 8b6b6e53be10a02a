package org.gvsl.eval.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects Dice over cases: per case the mean over its defined classes ({@link Dice#meanOverClasses}), then the
 * mean over the cases that have a defined value (spec §7: mean over classes, then over cases).
 */
public final class DiceAccumulator {

    private final int classes;
    private final List<double[]> perCase = new ArrayList<>();

    /** @param classes K, the number of foreground classes */
    public DiceAccumulator(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one foreground class, got " + classes);
        }
        this.classes = classes;
    }

    /** Adds one case; returns its per-class Dice. */
    public double[] add(int[] prediction, int[] truth) {
        double[] dice = Dice.perClass(prediction, truth, classes);
        perCase.add(dice);
        return dice;
    }

    /** Per-class Dice of every case added, in order. */
    public List<double[]> perCase() {
        return List.copyOf(perCase);
    }

    /** The mean over cases of the per-case class means; NaN when no case has a defined value. */
    public double mean() {
        return perCase.stream().mapToDouble(Dice::meanOverClasses).filter(d -> !Double.isNaN(d)).average()
                .orElse(Double.NaN);
    }
}
