package org.gvsl.model.gvsl;

import org.gvsl.model.network.UNet3D;
import org.gvsl.model.network.UNetWidths;
import org.gvsl.model.shape.SpatialSize;

/**
 * An estimate of the peak resident memory of one inference ({@link BackboneGraph#features} or {@link
 * RegistrationGraph#register}, batch 1) with SameDiff freeing arrays eagerly (its array cache
 * off: {@link org.gvsl.model.backend.NativeMemory#arrayCacheOn()}), so a command can warn before a volume too
 * large for the machine is started.
 *
 * <pre>  bytes ≈ BASE + 2·4·parameters + V'·(c0 + c8)·k,   V' = voxels of the input padded to multiples of 16</pre>
 * with {@code k = 64} bytes for a registration and {@code 24} for the features: fitted (with about 10 % headroom)
 * to peaks measured on the CPU backend, float32 — registration 59 B per voxel and channel at full width 64³ and
 * 96³, 61 B at narrow width 64³; features 20 B at full width 64³ — and {@code BASE} = 0.6 GB for the JVM and the
 * native libraries. A rough guide, not a bound.
 */
public final class InferenceMemory {

    /** The JVM, ND4J's native libraries and their buffers, in bytes. */
    static final long BASE = 600L << 20;
    static final int REGISTRATION_BYTES = 64;
    static final int FEATURE_BYTES = 24;

    private InferenceMemory() {
    }

    /** The estimated peak of registering one pair of {@code size} with a model of {@code widths}. */
    public static long registration(UNetWidths widths, long parameters, SpatialSize size) {
        return estimate(widths, parameters, size, REGISTRATION_BYTES);
    }

    /** The estimated peak of the features of one image of {@code size}. */
    public static long features(UNetWidths widths, long parameters, SpatialSize size) {
        return estimate(widths, parameters, size, FEATURE_BYTES);
    }

    private static long estimate(UNetWidths widths, long parameters, SpatialSize size, int bytesPerChannel) {
        long voxels = UNet3D.paddedSize(size).voxels();
        return BASE + 8 * parameters + voxels * (widths.c0() + widths.c8()) * bytesPerChannel;
    }
}
