package org.gvsl.model.backend;

import org.nd4j.autodiff.samediff.SameDiff;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a graph's gradient function without SameDiff's per-op lines on standard output ({@link
 * GraphRuntime#createGradientFunction} is its one caller).
 *
 * <p>Why it replaces {@code System.out}: in ND4J 1.0.0-M2.1, {@code SameDiff.createGradFunction()} prints
 * {@code "Added differentiated op " + name} for every op it differentiates (thousands for the GVSL graph) with a
 * bare {@code System.out.println} inside its {@code "grad"} function definition ({@code SameDiff.java} line 5044 of
 * the nd4j-api sources). It is unconditional: no flag, log level, listener or system property reaches it, and
 * SameDiff's logger is not involved. {@code System.out} is the only hook, so while the build runs (and only then,
 * one build at a time) it is a filter that drops those lines and passes every other line, in order, to the stream
 * it replaced; that stream is restored when the build returns or throws. No other class of the project replaces
 * {@code System.out}.
 */
final class GradientFunction {

    /** The start of the lines dropped. */
    static final String NOISE = "Added differentiated op ";

    private GradientFunction() {
    }

    /**
     * {@code sd.createGradFunction(withGradientsFor)} with ND4J's per-op lines dropped; the loss variables must be
     * set (or be inferable, as DL4J's external-errors output).
     *
     * @param withGradientsFor placeholders whose gradients are wanted too (trainable variables always get theirs)
     */
    static void create(SameDiff sd, String... withGradientsFor) {
        quietly(() -> sd.createGradFunction(withGradientsFor));
    }

    /** Runs {@code action} with lines starting with {@link #NOISE} dropped from {@code System.out}. */
    static void quietly(Runnable action) {
        synchronized (GradientFunction.class) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new LineFilter(original), true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
    }

    /** Forwards complete lines (and, on flush, the rest) to the target unless they start with {@link #NOISE}. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public void flush() {
            flushLine();
            target.flush();
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.isEmpty() && !text.startsWith(NOISE)) {
                target.print(text);
            }
        }
    }
}
