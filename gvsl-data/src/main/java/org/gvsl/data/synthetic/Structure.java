package org.gvsl.data.synthetic;

/**
 * One structure of the synthetic template, in template coordinates {@code (x, y, z) ∈ [−1, 1]³} (x along W,
 * y along H, z along D): an ellipsoid, or a tube of fixed radius around a curve that runs along one axis.
 *
 * @param name        a descriptive name
 * @param hounsfield  base intensity in HU
 * @param texture     texture amplitude in HU ({@code amp·sin(f·x + φ)·sin(f·y + 2φ)·sin(f·z + 3φ)})
 * @param frequency   texture frequency {@code f} in radians per template unit
 * @param phase       texture phase {@code φ}
 * @param shape       the geometry
 */
record Structure(String name, double hounsfield, double texture, double frequency, double phase, Shape shape) {

    /** Whether template point {@code (x, y, z)} is inside. */
    boolean contains(double x, double y, double z) {
        return shape.contains(x, y, z);
    }

    /** The texture at a template point, in HU. */
    double textureAt(double x, double y, double z) {
        return texture * Math.sin(frequency * x + phase) * Math.sin(frequency * y + 2 * phase) * Math.sin(frequency * z + 3 * phase);
    }

    /** A region of template space. */
    interface Shape {
        boolean contains(double x, double y, double z);
    }

    /** Ellipsoid with centre {@code c} and radii {@code r} along x, y, z. */
    record Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz) implements Shape {
        @Override
        public boolean contains(double x, double y, double z) {
            double dx = (x - cx) / rx;
            double dy = (y - cy) / ry;
            double dz = (z - cz) / rz;
            return dx * dx + dy * dy + dz * dz <= 1;
        }
    }

    /**
     * Tube of radius {@code r} around the curve {@code (u, v) = (u0 + au·sin(k·s + p), v0 + av·cos(k·s + p))} as
     * the axis coordinate {@code s} runs over {@code [s0, s1]}; {@code axis} 0, 1, 2 = x, y, z and {@code (u, v)}
     * are the other two coordinates in x, y, z order.
     */
    record Tube(int axis, double s0, double s1, double u0, double au, double v0, double av, double k, double p, double r)
            implements Shape {
        @Override
        public boolean contains(double x, double y, double z) {
            double s = axis == 0 ? x : axis == 1 ? y : z;
            if (s < s0 || s > s1) {
                return false;
            }
            double u = axis == 0 ? y : x;
            double v = axis == 2 ? y : z;
            double du = u - (u0 + au * Math.sin(k * s + p));
            double dv = v - (v0 + av * Math.cos(k * s + p));
            return du * du + dv * dv <= r * r;
        }
    }
}
