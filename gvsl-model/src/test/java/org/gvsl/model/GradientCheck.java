package org.gvsl.model;

import org.gvsl.model.backend.GraphRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Double-precision finite-difference gradient checks of small graphs with ND4J's {@link GradCheckUtil}
 * (central differences, ε = 1e-6, max relative error 1e-5, errors below 1e-8 absolute ignored): every element
 * of every variable of the graph is perturbed.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** A fresh graph with the backend and the differentiable gather ready. */
    public static SameDiff graph() {
        return GraphRuntime.newGraph();
    }

    /** Asserts that the analytic gradients of {@code loss} match finite differences for every variable. */
    public static void assertGradientsMatch(SDVariable loss) {
        SameDiff sd = loss.getSameDiff();
        sd.setLossVariables(loss.name());
        GraphRuntime.createGradientFunction(sd);
        DataType defaultType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradCheckUtil insists on it
        try {
            boolean ok = GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-8, false, false);
            assertTrue(ok, "finite-difference gradient check failed (rerun with print=true for the elements)");
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }
}
