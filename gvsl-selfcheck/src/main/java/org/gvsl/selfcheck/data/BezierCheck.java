package org.gvsl.selfcheck.data;

import com.fasterxml.jackson.databind.JsonNode;
import org.gvsl.data.augment.BezierCurve;
import org.gvsl.data.augment.BezierIntensity;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.reference.CaseCheck;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The {@code bezier} reference case through the production code: {@code y} (float64) from {@link
 * BezierCurve#map(double)} on the float64 inputs, and {@code y_f32} from {@link BezierIntensity#apply(Volume,
 * BezierCurve)} on the float32 inputs laid out as a {@code [1, 1, n]} volume. The curve is built from the case's
 * {@code control_points} and {@code n_times}.
 */
public final class BezierCheck implements CaseCheck {

    @Override
    public String caseName() {
        return "bezier";
    }

    @Override
    public List<OutputResult> run(ReferenceCase referenceCase) {
        JsonNode points = referenceCase.attribute("control_points");
        double[][] controlPoints = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            controlPoints[i] = new double[] {points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble()};
        }
        BezierCurve curve = new BezierCurve(controlPoints, referenceCase.attribute("n_times").asInt(), true);

        double[] x = referenceCase.array("x").castTo(DataType.DOUBLE).toDoubleVector();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = curve.map(x[i]);
        }

        float[] x32 = referenceCase.array("x_f32").castTo(DataType.FLOAT).toFloatVector();
        Volume mapped = BezierIntensity.apply(new Volume(new VolumeShape(1, 1, x32.length), x32, VolumeGeometry.unit()), curve);
        INDArray y32 = Nd4j.create(mapped.toArray(), new long[] {x32.length}, DataType.FLOAT);

        return List.of(referenceCase.check("y", Nd4j.createFromArray(y)), referenceCase.check("y_f32", y32));
    }
}
