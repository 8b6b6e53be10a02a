package org.gvsl.model;

import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Double-precision finite-difference gradient checks of small graphs with ND4J's {@link GradCheckUtil}
 * (central differences, ε = 1e-6, max relative error 1e-5, errors below 1e-8 absolute ignored): every element
 * of every variable of the graph is perturbed.
 */
public final class GradientCheck {

    private static final double EPS = 1e-6;
    private static final double MAX_RELATIVE = 1e-5;
    private static final double MIN_ABS = 1e-8;

    private GradientCheck() {
    }

    /** A fresh graph with the backend and the differentiable gather ready. */
    public static SameDiff graph() {
        return GraphRuntime.newGraph();
    }

    /**
     * Asserts that the analytic gradients of {@code loss} match finite differences for every variable (as {@link
     * #assertGradientsMatch(SDVariable)}), then measures and prints, for the record, the largest relative error
     * {@code |a − n| / (|a| + |n|)} over the elements whose gradient is at least 1e-6 in size (central differences
     * of step 1e-6; below that size the difference quotient's own rounding dominates) and the largest absolute
     * error over all elements. Returns the largest relative error.
     *
     * @param what names the check in the printed line
     */
    public static double assertGradientsMatch(SDVariable loss, String what) {
        assertGradientsMatch(loss);
        SameDiff sd = loss.getSameDiff();
        List<String> names = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
        Map<String, INDArray> analytic = sd.calculateGradients(Map.of(), names);
        double relative = 0;
        double absolute = 0;
        long elements = 0;
        for (String name : names) {
            INDArray arr = sd.getArrForVarName(name);
            INDArray grad = analytic.get(name);
            for (long i = 0; i < arr.length(); i++, elements++) {
                double original = arr.getDouble(i);
                arr.putScalar(i, original + EPS);
                double plus = value(loss);
                arr.putScalar(i, original - EPS);
                double minus = value(loss);
                arr.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPS);
                double a = grad.getDouble(i);
                absolute = Math.max(absolute, Math.abs(a - numeric));
                if (Math.max(Math.abs(a), Math.abs(numeric)) >= 1e-6) {
                    relative = Math.max(relative, Math.abs(a - numeric) / (Math.abs(a) + Math.abs(numeric)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "gradient check %s: %d elements, largest relative error %.2e (%.4f of the "
                + "tolerance %.0e), largest absolute error %.2e%n", what, elements, relative, relative / MAX_RELATIVE,
                MAX_RELATIVE, absolute);
        return relative;
    }

    private static double value(SDVariable loss) {
        return loss.getSameDiff().output(Map.of(), loss.name()).get(loss.name()).getDouble(0);
    }

    /** Asserts that the analytic gradients of {@code loss} match finite differences for every variable. */
    public static void assertGradientsMatch(SDVariable loss) {
        SameDiff sd = loss.getSameDiff();
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        DataType defaultType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradCheckUtil insists on it
        try {
            boolean ok = GradCheckUtil.checkGradients(sd, Map.of(), EPS, MAX_RELATIVE, MIN_ABS, false, false);
            assertTrue(ok, "finite-difference gradient check failed (rerun with print=true for the elements)");
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }
}
