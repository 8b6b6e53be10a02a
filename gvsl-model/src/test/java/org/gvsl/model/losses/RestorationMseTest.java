package org.gvsl.model.losses;

import org.gvsl.model.GradientCheck;
import org.gvsl.model.Graphs;
import org.gvsl.model.shape.SpatialSize;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestorationMseTest {

    @Test
    void meanOfSquaredDifferencesOverAllVoxels() {
        SameDiff sd = GradientCheck.graph();
        var restored = sd.constant(Nd4j.zeros(DataType.DOUBLE, 2, 1, 2, 2, 2));
        // target: 1 in the first sample, 3 in the second → (8·1 + 8·9) / 16 = 5
        var targetArray = Nd4j.ones(DataType.DOUBLE, 2, 1, 2, 2, 2);
        targetArray.slice(1).assign(3);
        var target = sd.constant(targetArray);
        assertEquals(5.0, Graphs.eval(RestorationMse.loss(restored, target, 2, SpatialSize.cube(2))).getDouble(0), 0);
    }
}
