package org.gvsl.model.blocks;

import org.gvsl.model.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterFactoryTest {

    private static INDArray weight(long seed, String name, ParameterFactory.Init init) {
        SameDiff sd = GradientCheck.graph();
        return new ParameterFactory(sd, DataType.DOUBLE, seed).weight(name, init, 27 * 40, 50, 40, 3, 3, 3).getArr();
    }

    @Test
    void kaimingNormalHasStandardDeviationRootTwoOverFanIn() {
        INDArray w = weight(1, "w", ParameterFactory.Init.KAIMING_NORMAL);
        double std = Math.sqrt(2.0 / (27 * 40));
        assertEquals(0.0, w.meanNumber().doubleValue(), 4 * std / Math.sqrt(w.length()));
        assertEquals(std, w.stdNumber().doubleValue(), 0.01 * std);
    }

    @Test
    void uniformFanInStaysWithinItsBound() {
        INDArray w = weight(1, "w", ParameterFactory.Init.UNIFORM_FAN_IN);
        double bound = 1 / Math.sqrt(27 * 40);
        assertTrue(w.amaxNumber().doubleValue() <= bound);
        assertEquals(bound / Math.sqrt(3), w.stdNumber().doubleValue(), 0.01 * bound);
    }

    @Test
    void valuesDependOnSeedAndNameOnly() {
        assertEquals(weight(5, "a", ParameterFactory.Init.KAIMING_NORMAL), weight(5, "a", ParameterFactory.Init.KAIMING_NORMAL));
        assertNotEquals(weight(5, "a", ParameterFactory.Init.KAIMING_NORMAL), weight(6, "a", ParameterFactory.Init.KAIMING_NORMAL));
        assertNotEquals(weight(5, "a", ParameterFactory.Init.KAIMING_NORMAL), weight(5, "b", ParameterFactory.Init.KAIMING_NORMAL));
    }

    @Test
    void neighbouringSeedsDoNotShiftTheSameStream() {
        // seed·γ + hash made seed s + 1 draw seed s's stream one value later (SplittableRandom(s + γ) is that shift).
        double[] five = weight(5, "a", ParameterFactory.Init.UNIFORM_FAN_IN).data().asDouble();
        double[] six = weight(6, "a", ParameterFactory.Init.UNIFORM_FAN_IN).data().asDouble();
        assertNotEquals(five[1], six[0]);
        assertNotEquals(five[2], six[1]);
    }

    @Test
    void anotherSourceGetsEveryTensorsNameShapeAndTheSameInitialValues() {
        SameDiff own = GradientCheck.graph();
        new GroupNorm(new ParameterFactory(own, DataType.DOUBLE, 9), "gn", 2, 4);
        new Conv3d(new ParameterFactory(own, DataType.DOUBLE, 9), "c", 2, 3, 3, ParameterFactory.Init.KAIMING_NORMAL);

        SameDiff scratch = GradientCheck.graph();
        Map<String, INDArray> received = new LinkedHashMap<>();
        ParameterSource recording = (name, shape, initial) -> {
            received.put(name, Nd4j.createFromArray(initial.get()).reshape(shape));
            return scratch.placeHolder(name, DataType.DOUBLE, shape);
        };
        SDVariable gamma = new ParameterFactory(recording, 9).filled("gn.weight", 1.0, 4);
        new ParameterFactory(recording, 9).filled("gn.bias", 0.0, 4);
        new Conv3d(new ParameterFactory(recording, 9), "c", 2, 3, 3, ParameterFactory.Init.KAIMING_NORMAL);

        assertEquals(List.of("gn.weight", "gn.bias", "c.weight", "c.bias"), List.copyOf(received.keySet()));
        assertArrayEquals(new long[] {3, 2, 3, 3, 3}, received.get("c.weight").shape());
        for (Map.Entry<String, INDArray> e : received.entrySet()) {
            assertEquals(own.getVariable(e.getKey()).getArr(), e.getValue(), e.getKey());
        }
        assertEquals(scratch, gamma.getSameDiff(), "the factory returns the source's variable");
    }

    @Test
    void newVariablesMustBeFloatingPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterFactory.newVariables(GradientCheck.graph(), DataType.INT32));
        assertTrue(e.getMessage().contains("floating-point type, got " + DataType.INT32), e.getMessage());
    }
}
