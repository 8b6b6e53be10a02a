package org.gvsl.data.nifti;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The voxel datatypes this module reads and writes, with their NIfTI {@code datatype} codes.
 *
 * <p>Every type is read into {@code float} as {@code value·scl_slope + scl_inter}, computed in {@code double}:
 * integers beyond 2²⁴ lose precision there, as they do in any {@code float32} pipeline. Complex, RGB, binary and
 * 128-bit types are rejected with a message that names them.
 */
public enum NiftiDataType {
    /** {@code uint8}, code 2: label maps and 8-bit images. */
    UINT8(2, 1, true, 0, 255),
    /** {@code int16}, code 4: CT in HU, label maps. */
    INT16(4, 2, true, Short.MIN_VALUE, Short.MAX_VALUE),
    /** {@code int32}, code 8. */
    INT32(8, 4, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** {@code float32}, code 16: the default for images. */
    FLOAT32(16, 4, false, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** {@code float64}, code 64. */
    FLOAT64(64, 8, false, -Double.MAX_VALUE, Double.MAX_VALUE),
    /** {@code int8}, code 256. */
    INT8(256, 1, true, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** {@code uint16}, code 512. */
    UINT16(512, 2, true, 0, 65535),
    /** {@code uint32}, code 768. */
    UINT32(768, 4, true, 0, 4294967295.0),
    /** {@code int64}, code 1024. */
    INT64(1024, 8, true, Long.MIN_VALUE, Math.nextDown(0x1p63)),
    /** {@code uint64}, code 1280. */
    UINT64(1280, 8, true, 0, Math.nextDown(0x1p64));

    private static final double TWO_TO_64 = 0x1p64;

    private final int code;
    private final int bytes;
    private final boolean integer;
    private final double min;
    private final double max;

    NiftiDataType(int code, int bytes, boolean integer, double min, double max) {
        this.code = code;
        this.bytes = bytes;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    /** The NIfTI {@code datatype} code (e.g. 4 for int16). */
    public int code() {
        return code;
    }

    /** Bytes per voxel ({@code bitpix / 8}). */
    public int bytesPerVoxel() {
        return bytes;
    }

    /** Whether the type stores integers (so a writer must round and range-check). */
    public boolean isInteger() {
        return integer;
    }

    /** Smallest storable value. */
    public double minValue() {
        return min;
    }

    /**
     * Largest storable value; for INT64 and UINT64 the largest {@code double} below {@code 2⁶³} and {@code 2⁶⁴}
     * (their exact bounds are not {@code double}s).
     */
    public double maxValue() {
        return max;
    }

    /** Lower-case name as in numpy ({@code uint8}, {@code int16}, {@code float32}, …). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a {@code datatype} code; the message names unsupported known codes (e.g. RGB24). */
    static NiftiDataType fromCode(int code, String source) throws NiftiFormatException {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        String known = switch (code) {
            case 0 -> "UNKNOWN";
            case 1 -> "BINARY";
            case 32 -> "COMPLEX64";
            case 128 -> "RGB24";
            case 1536 -> "FLOAT128";
            case 1792 -> "COMPLEX128";
            case 2048 -> "COMPLEX256";
            case 2304 -> "RGBA32";
            default -> "not a NIfTI datatype";
        };
        throw new NiftiFormatException(source, "unsupported datatype " + code + " (" + known
                + "); supported: uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64");
    }

    /**
     * Decodes {@code out.length} voxels from {@code in} (at its position, in its byte order) into
     * {@code out[i] = (float) (raw·slope + inter)}.
     */
    void decode(ByteBuffer in, float[] out, double slope, double inter) {
        int p = in.position();
        int n = out.length;
        switch (this) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) ((in.get(p + i) & 0xFF) * slope + inter);
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.get(p + i) * slope + inter);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.getShort(p + 2 * i) * slope + inter);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) ((in.getShort(p + 2 * i) & 0xFFFF) * slope + inter);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.getInt(p + 4 * i) * slope + inter);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) ((in.getInt(p + 4 * i) & 0xFFFFFFFFL) * slope + inter);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.getLong(p + 8 * i) * slope + inter);
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    long raw = in.getLong(p + 8 * i);
                    double value = raw >= 0 ? raw : raw + TWO_TO_64;
                    out[i] = (float) (value * slope + inter);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.getFloat(p + 4 * i) * slope + inter);
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (in.getDouble(p + 8 * i) * slope + inter);
                }
            }
        }
    }

    /**
     * Encodes one stored value at byte offset {@code at}. The value must already be what the file stores: for
     * integer types an integer within {@link #minValue()}..{@link #maxValue()} (the writer checks this).
     */
    void encode(ByteBuffer out, int at, double stored) {
        switch (this) {
            case UINT8, INT8 -> out.put(at, (byte) (long) stored);
            case INT16, UINT16 -> out.putShort(at, (short) (long) stored);
            case INT32, UINT32 -> out.putInt(at, (int) (long) stored);
            case INT64 -> out.putLong(at, (long) stored);
            case UINT64 -> out.putLong(at, stored >= 0x1p63 ? (long) (stored - TWO_TO_64) : (long) stored);
            case FLOAT32 -> out.putFloat(at, (float) stored);
            case FLOAT64 -> out.putDouble(at, stored);
        }
    }
}
