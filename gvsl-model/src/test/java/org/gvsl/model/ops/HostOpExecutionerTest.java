package org.gvsl.model.ops;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostOpExecutionerTest {

    /** {@code out = 2·x + y}, with gradients 2·g and g: a host op small enough to check by hand. */
    public static final class TwiceXPlusY extends HostOp {

        public TwiceXPlusY() {
        }

        TwiceXPlusY(SameDiff sd, SDVariable x, SDVariable y) {
            super(sd, x, y);
        }

        @Override
        public String opName() {
            return "gvsl_test_twice_x_plus_y";
        }

        @Override
        protected int[] outputsLike() {
            return new int[] {0};
        }

        @Override
        protected void compute(List<INDArray> inputs, List<INDArray> outputs) {
            HostBuffer x = HostBuffer.of(inputs.get(0));
            HostBuffer y = HostBuffer.of(inputs.get(1));
            HostBuffer out = HostBuffer.of(outputs.get(0));
            parallel((int) inputs.get(0).length(), i -> out.set(i, 2 * x.get(i) + y.get(i)));
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            return List.of(gradients.get(0).mul(2.0), gradients.get(0));
        }
    }

    @BeforeAll
    static void register() {
        GraphRuntime.start();
        HostOpExecutioner.register(new TwiceXPlusY());
    }

    @Test
    void runsOnTheCpuBackendAndListsTheHostOpsAmongTheCustomOperations() {
        assertTrue(HostOpExecutioner.installed());
        CustomOpDescriptor d = Nd4j.getExecutioner().getCustomOperations().get("gvsl_test_twice_x_plus_y");
        assertEquals(HostOpExecutioner.hashOf("gvsl_test_twice_x_plus_y"), d.getHash());
        assertTrue(Nd4j.getExecutioner().getCustomOperations().containsKey("gvsl_trilinear_warp"));
        // ND4J's own ops still run (through the proxy)
        assertEquals(5.0, Nd4j.createFromArray(2.0, 3.0).sumNumber().doubleValue(), 0.0);
    }

    @Test
    void hashesOpNamesWithFnv1a() {
        // FNV-1a 64 of "" is its offset basis; of "a" the published test vector
        assertEquals(0xcbf29ce484222325L, HostOpExecutioner.hashOf(""));
        assertEquals(0xaf63dc4c8601ec8cL, HostOpExecutioner.hashOf("a"));
    }

    @Test
    void runsEagerly() {
        TwiceXPlusY op = new TwiceXPlusY();
        op.addInputArgument(Nd4j.createFromArray(1.0, 2.0), Nd4j.createFromArray(10.0, 20.0));
        INDArray[] out = Nd4j.exec(op);
        assertArrayEquals(new double[] {12, 24}, out[0].toDoubleVector(), 0.0);
    }

    @Test
    void runsInAGraphWithItsGradientAfterSavingAndLoading(@TempDir Path dir) throws Exception {
        SameDiff sd = GradientCheck.graph();
        SDVariable x = sd.var("x", Nd4j.createFromArray(1.0, 2.0, 3.0));
        SDVariable y = sd.var("y", Nd4j.createFromArray(0.5, 0.5, 0.5));
        SDVariable loss = new TwiceXPlusY(sd, x, y).outputVariable().mul(sd.constant(Nd4j.createFromArray(1.0, 10.0,
                100.0))).sum();
        sd.setLossVariables(loss.name());
        Path file = dir.resolve("g.fb");
        sd.save(file.toFile(), false);
        SameDiff loaded = GraphRuntime.load(file, false);
        assertEquals(2.5 + 45 + 650, Graphs.eval(loaded.getVariable(loss.name())).getDouble(0), 1e-12);
        Map<String, INDArray> g = loaded.calculateGradients(Map.of(), "x", "y");
        assertArrayEquals(new double[] {2, 20, 200}, g.get("x").toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {1, 10, 100}, g.get("y").toDoubleVector(), 0.0);
    }

    @Test
    void spreadsAScalarGradientOverTheOutputShapeAndRefusesOtherShapes() {
        INDArray spread = HostOp.expanded(Nd4j.scalar(DataType.FLOAT, 0.5f), new long[] {2, 3});
        assertArrayEquals(new long[] {2, 3}, spread.shape());
        assertEquals(3.0, spread.sumNumber().doubleValue(), 0.0);
        INDArray same = Nd4j.ones(DataType.FLOAT, 2, 3);
        assertTrue(same == HostOp.expanded(same, new long[] {2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostOp.expanded(Nd4j.ones(DataType.FLOAT, 3), new long[] {2, 3}));
        assertEquals("a gradient of shape [3] for an output of shape [2, 3]", e.getMessage());
    }

    @Test
    void copiesAStridedInputBeforeComputing() {
        SameDiff sd = GradientCheck.graph();
        // the transposed input's elements are strided; the op sees a C-ordered copy
        SDVariable x = sd.constant(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})).permute(1, 0);
        SDVariable y = sd.constant(Nd4j.zeros(DataType.DOUBLE, 2, 2));
        INDArray out = Graphs.eval(new TwiceXPlusY(sd, x, y).outputVariable());
        assertArrayEquals(new double[] {2, 6, 4, 8}, out.dup('c').data().asDouble(), 0.0);
    }
}
