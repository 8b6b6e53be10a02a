package org.gvsl.model.heads;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Turns the affine head's 15 raw values per sample into an affine matrix, differentiably (spec §2).
 *
 * <p>Raw columns: rotation x, y, z | scale x, y, z | translation x, y, z | shear xy, xz, yx, yz, zx, zy. With
 * {@code clamp} = clamp to [−1, 1] (gradient passed inside, zero outside):
 * <pre>
 *   θ = clamp(r)·π/9,   s = 1 + 0.25·clamp(r),   φ = clamp(r)·π/18,   t = r (unclamped, normalised units)
 *   Rx = [[1,0,0],[0,c,−s],[0,s,c]],  Ry = [[c,0,s],[0,1,0],[−s,0,c]],  Rz = [[c,−s,0],[s,c,0],[0,0,1]]
 *   S  = diag(sx, sy, sz),  Sh = [[1, tan φxy, tan φxz], [tan φyx, 1, tan φyz], [tan φzx, tan φzy, 1]]
 *   M  = Sh · S · Rz · Ry · Rx,   A = [M | t]
 * </pre>
 * M acts on align-corners normalised coordinates {@code (x, y, z) = (n_W, n_H, n_D)}. Shapes: raw {@code [N, 15]}
 * → M {@code [N, 3, 3]}, t {@code [N, 3]}, A {@code [N, 3, 4]}. Unlike the reference code (which rebuilds the
 * matrix from Python floats, cutting the gradient and failing for batch &gt; 1), gradients reach the raw values
 * for any batch size.
 *
 * @param m the linear part M {@code [N, 3, 3]}
 * @param t the translation t {@code [N, 3]}
 */
public record AffineMatrix(SDVariable m, SDVariable t) {

    /** Number of raw values per sample. */
    public static final int RAW_VALUES = 15;
    /** Rotation range: ±π/9 (20°). */
    public static final double MAX_ROTATION = Math.PI / 9;
    /** Scale range: 1 ± 0.25. */
    public static final double MAX_SCALE_CHANGE = 0.25;
    /** Shear-angle range: ±π/18 (10°). */
    public static final double MAX_SHEAR = Math.PI / 18;

    /** Builds M and t from {@code raw [N, 15]}. */
    public static AffineMatrix fromRaw(SDVariable raw) {
        SameDiff sd = raw.getSameDiff();
        SDVariable[] r = sd.unstack(raw, 1, RAW_VALUES);
        SDVariable zero = sd.zerosLike(r[0]);
        SDVariable one = sd.onesLike(r[0]);

        SDVariable[] cos = new SDVariable[3];
        SDVariable[] sin = new SDVariable[3];
        for (int axis = 0; axis < 3; axis++) {
            SDVariable angle = clamp(r[axis]).mul(MAX_ROTATION);
            cos[axis] = sd.math.cos(angle);
            sin[axis] = sd.math.sin(angle);
        }
        SDVariable rx = matrix(one, zero, zero, zero, cos[0], sin[0].neg(), zero, sin[0], cos[0]);
        SDVariable ry = matrix(cos[1], zero, sin[1], zero, one, zero, sin[1].neg(), zero, cos[1]);
        SDVariable rz = matrix(cos[2], sin[2].neg(), zero, sin[2], cos[2], zero, zero, zero, one);

        SDVariable[] scale = new SDVariable[3];
        for (int axis = 0; axis < 3; axis++) {
            scale[axis] = clamp(r[3 + axis]).mul(MAX_SCALE_CHANGE).add(1.0);
        }
        SDVariable s = matrix(scale[0], zero, zero, zero, scale[1], zero, zero, zero, scale[2]);

        SDVariable[] tan = new SDVariable[6];
        for (int k = 0; k < 6; k++) {
            tan[k] = sd.math.tan(clamp(r[9 + k]).mul(MAX_SHEAR));
        }
        SDVariable sh = matrix(one, tan[0], tan[1], tan[2], one, tan[3], tan[4], tan[5], one);

        SDVariable m = sd.mmul(sh, sd.mmul(s, sd.mmul(rz, sd.mmul(ry, rx))));
        SDVariable t = sd.stack(1, r[6], r[7], r[8]);
        return new AffineMatrix(m, t);
    }

    /** The 3×4 matrices {@code A = [M | t]}, {@code [N, 3, 4]}. */
    public SDVariable asMatrix() {
        SameDiff sd = m.getSameDiff();
        return sd.concat(2, m, sd.expandDims(t, 2));
    }

    private static SDVariable clamp(SDVariable x) {
        return x.getSameDiff().clipByValue(x, -1.0, 1.0);
    }

    /** {@code [N, 3, 3]} from nine {@code [N]} entries in row-major order. */
    private static SDVariable matrix(SDVariable... e) {
        SameDiff sd = e[0].getSameDiff();
        return sd.stack(1, sd.stack(1, e[0], e[1], e[2]), sd.stack(1, e[3], e[4], e[5]), sd.stack(1, e[6], e[7], e[8]));
    }
}
