package org.gvsl.model.gvsl;

import org.gvsl.model.shape.SpatialSize;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * GVSL's Z-Matching as a registration graph ({@link GvslGraphFactory#registration}): the moving image is aligned
 * to the fixed one by the fused field of the affine and the deformable head (spec §2–§3), for one batch size and
 * spatial size.
 *
 * <pre>
 *   fixed, moving    [N, 1, D, H, W]     placeholders, float32, already normalised, the same size
 *   dvf              [N, 3, D, H, W]     Φ in voxels, channels (D, H, W): warped(p) = moving(p + Φ(p))
 *   warped           [N, 1, D, H, W]     the moving image warped by Φ (trilinear, zeros outside)
 *   affine_matrix    [N, 3, 4]           A = [M | t] on align-corners normalised (x, y, z) = (W, H, D);
 *                                        [I | 0] for a model without the affine head
 * </pre>
 * The intermediates ({@code f_fixed}, {@code g_moving}, {@code affine_field}, {@code flow}, …) keep the names of
 * {@link GvslGraph}. Every spatial axis must be ≥ 2.
 */
public final class RegistrationGraph {

    private final SameDiff sd;
    private final GvslConfig config;
    private final int batch;
    private final SpatialSize size;

    RegistrationGraph(SameDiff sd, GvslConfig config, int batch, SpatialSize size) {
        this.sd = sd;
        this.config = config;
        this.batch = batch;
        this.size = size;
    }

    /**
     * The outputs of one registration.
     *
     * @param dvf    Φ {@code [N, 3, D, H, W]}, voxels, channels (D, H, W)
     * @param warped the moving image warped by Φ {@code [N, 1, D, H, W]}
     * @param affine {@code [N, 3, 4]}
     */
    public record Result(INDArray dvf, INDArray warped, INDArray affine) {
    }

    /**
     * Registers {@code moving} to {@code fixed}.
     *
     * @param fixed  {@code [batch, 1, size]} of this graph, any floating type (cast to float32)
     * @param moving the same shape
     * @throws IllegalArgumentException naming the input and both shapes when one does not fit this graph
     */
    public Result register(INDArray fixed, INDArray moving) {
        Map<String, INDArray> in = Map.of(GvslGraph.FIXED, checked(GvslGraph.FIXED, fixed),
                GvslGraph.MOVING, checked(GvslGraph.MOVING, moving));
        Map<String, INDArray> out = sd.output(in, GvslGraph.DVF, GvslGraph.WARPED, GvslGraph.AFFINE_MATRIX);
        return new Result(out.get(GvslGraph.DVF), out.get(GvslGraph.WARPED), out.get(GvslGraph.AFFINE_MATRIX));
    }

    private INDArray checked(String name, INDArray image) {
        long[] expected = size.shape(batch, 1);
        if (!Arrays.equals(image.shape(), expected)) {
            throw new IllegalArgumentException("the registration graph takes '" + name + "' of shape "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(image.shape()));
        }
        return image.castTo(sd.getVariable(name).dataType());
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public GvslConfig config() {
        return config;
    }

    public int batch() {
        return batch;
    }

    public SpatialSize size() {
        return size;
    }
}
