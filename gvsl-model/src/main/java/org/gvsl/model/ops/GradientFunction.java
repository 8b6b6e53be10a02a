package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SameDiff;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds a graph's gradient function without flooding standard output.
 *
 * <p>Why: {@code SameDiff.createGradFunction()} in ND4J 1.0.0-M2.1 prints one line
 * "Added differentiated op …" per op straight to {@code System.out} (thousands for the GVSL graph), which buries a
 * program's own output. This runs it with those lines filtered out; every other line passes through.
 */
public final class GradientFunction {

    private static final String NOISE = "Added differentiated op ";

    private GradientFunction() {
    }

    /**
     * {@code sd.createGradFunction(withGradientsFor)} with ND4J's per-op lines suppressed; the loss variables must
     * be set (or be inferable, as DL4J's external-errors output).
     *
     * @param withGradientsFor placeholders whose gradients are wanted too (trainable variables always get theirs)
     */
    public static void create(SameDiff sd, String... withGradientsFor) {
        synchronized (GradientFunction.class) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(new LineFilter(original), true, StandardCharsets.UTF_8));
            try {
                sd.createGradFunction(withGradientsFor);
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
    }

    /** Forwards complete lines to the target unless they start with {@link #NOISE}. */
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
