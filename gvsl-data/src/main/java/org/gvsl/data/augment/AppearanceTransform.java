package org.gvsl.data.augment;

import org.gvsl.data.volume.Volume;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The appearance transform {@code x^t = T(x)} of the fixed image (method.md §6), in the reference's order and
 * rates: local shuffling (p 0.8), then the Bézier intensity curve (p 0.9), then painting (GVSL: in-painting
 * always).
 *
 * <p>Painting generalises GVSL and Models Genesis: with probability {@code paintRate} the image is painted, by
 * in-painting with probability {@code inPaintRate} and otherwise by out-painting. GVSL: {@code paintRate = 1,
 * inPaintRate = 1}; Models Genesis: 0.9 and 0.2 with its own shuffle, curve and boxes ({@link #modelsGenesis()}).
 *
 * <p>Draws, in order: {@code u₁ = rng.nextDouble()}, and if {@code u₁ < shuffleRate} the shuffle's draws; {@code
 * u₂}, and if {@code u₂ < nonlinearRate} the curve's draws; {@code u₃}, and if {@code u₃ < paintRate}: {@code u₄},
 * then the in-painting's draws if {@code u₄ < inPaintRate}, else the out-painting's. Each stage draws its {@code u}
 * even when its rate is 0 or 1, so the draw order never depends on the configuration's rates. Input intensities
 * are expected in [0, 1] (the curve's domain and the painting noise's range).
 */
public final class AppearanceTransform implements RandomTransform {

    private final LocalShuffle shuffle;
    private final double shuffleRate;
    private final BezierIntensity nonlinear;
    private final double nonlinearRate;
    private final InPainting inPainting;
    private final OutPainting outPainting;
    private final double paintRate;
    private final double inPaintRate;

    private AppearanceTransform(Builder b) {
        this.shuffle = b.shuffle;
        this.shuffleRate = b.shuffleRate;
        this.nonlinear = b.nonlinear;
        this.nonlinearRate = b.nonlinearRate;
        this.inPainting = b.inPainting;
        this.outPainting = b.outPainting;
        this.paintRate = b.paintRate;
        this.inPaintRate = b.inPaintRate;
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** GVSL's transform: the builder's defaults. */
    public static AppearanceTransform gvsl() {
        return builder().build();
    }

    /**
     * Models Genesis's appearance transforms in GVSL's order: shuffle p 0.5 ({@link LocalShuffle#modelsGenesis()}),
     * curve p 0.9 inverted half the time, painting p 0.9 of which in-painting 0.2 ({@link InPainting#modelsGenesis()})
     * and out-painting 0.8. (Flips are spatial: {@link RandomFlip}.)
     */
    public static AppearanceTransform modelsGenesis() {
        return builder().optLocalShuffle(LocalShuffle.modelsGenesis(), 0.5)
                .optNonlinear(BezierIntensity.modelsGenesis(), 0.9)
                .optPainting(InPainting.modelsGenesis(), OutPainting.modelsGenesis(), 0.9, 0.2)
                .build();
    }

    @Override
    public Volume apply(Volume input, RandomGenerator rng) {
        Volume x = input;
        if (rng.nextDouble() < shuffleRate) {
            x = shuffle.apply(x, rng);
        }
        if (rng.nextDouble() < nonlinearRate) {
            x = nonlinear.apply(x, rng);
        }
        if (rng.nextDouble() < paintRate) {
            x = rng.nextDouble() < inPaintRate ? inPainting.apply(x, rng) : outPainting.apply(x, rng);
        }
        return x;
    }

    @Override
    public String toString() {
        return "AppearanceTransform[" + shuffle + " p=" + shuffleRate + ", " + nonlinear + " p=" + nonlinearRate
                + ", paint p=" + paintRate + " (in-painting p=" + inPaintRate + ": " + inPainting + ", else " + outPainting + ")]";
    }

    /** Stages and rates of an {@link AppearanceTransform}; the defaults are GVSL's. */
    public static final class Builder {
        private LocalShuffle shuffle = LocalShuffle.gvsl();
        private double shuffleRate = 0.8;
        private BezierIntensity nonlinear = BezierIntensity.gvsl();
        private double nonlinearRate = 0.9;
        private InPainting inPainting = InPainting.gvsl();
        private OutPainting outPainting = OutPainting.modelsGenesis();
        private double paintRate = 1;
        private double inPaintRate = 1;

        private Builder() {
        }

        /** The shuffle and its probability (default GVSL's, 0.8). */
        public Builder optLocalShuffle(LocalShuffle shuffle, double rate) {
            this.shuffle = Objects.requireNonNull(shuffle, "shuffle");
            this.shuffleRate = probability("shuffle rate", rate);
            return this;
        }

        /** The intensity curve and its probability (default GVSL's, 0.9). */
        public Builder optNonlinear(BezierIntensity nonlinear, double rate) {
            this.nonlinear = Objects.requireNonNull(nonlinear, "nonlinear");
            this.nonlinearRate = probability("nonlinear rate", rate);
            return this;
        }

        /**
         * The painting stage (default GVSL: in-painting always, {@code paintRate = inPaintRate = 1}).
         *
         * @param paintRate   probability of painting at all
         * @param inPaintRate probability of in- rather than out-painting when painting
         */
        public Builder optPainting(InPainting inPainting, OutPainting outPainting, double paintRate, double inPaintRate) {
            this.inPainting = Objects.requireNonNull(inPainting, "inPainting");
            this.outPainting = Objects.requireNonNull(outPainting, "outPainting");
            this.paintRate = probability("paint rate", paintRate);
            this.inPaintRate = probability("in-paint rate", inPaintRate);
            return this;
        }

        /** The configured {@link AppearanceTransform}. */
        public AppearanceTransform build() {
            return new AppearanceTransform(this);
        }

        private static double probability(String name, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
            }
            return p;
        }
    }
}
