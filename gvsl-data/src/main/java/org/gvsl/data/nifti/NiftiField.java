package org.gvsl.data.nifti;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The byte layout of the NIfTI-1 and NIfTI-2 header fields this module reads and writes: one row per field of the
 * standards ({@code nifti1.h}, {@code nifti2.h}), its byte offset, storage type and element count in each format.
 * {@link NiftiHeader} encodes and decodes through this table only, so each offset is written here and nowhere else.
 *
 * <p>Fields the module does not use (slice timing, intent parameters, {@code cal_min/max}, {@code aux_file}, …) are
 * not listed: they are written as zeros and ignored when read. Every field is read and written in the buffer's
 * byte order, at the absolute offset of the table (the buffer's position is neither used nor moved).
 */
enum NiftiField {
    //          NIfTI-1: offset, type, count      NIfTI-2: offset, type, count
    /** {@code sizeof_hdr}: 348 or 540; read in both byte orders to find the format and the order. */
    SIZEOF_HDR(at(0, Type.INT32), at(0, Type.INT32)),
    /** {@code magic}: {@code n+1\0}, or {@code n+2\0} and the four bytes {@code \r\n\032\n}. */
    MAGIC(at(344, Type.CHAR, 4), at(4, Type.CHAR, 8)),
    /** {@code dim[8]}: {@code dim[0]} dimensions, then the sizes along i, j, k, t, … */
    DIM(at(40, Type.INT16, 8), at(16, Type.INT64, 8)),
    /** {@code intent_code}. */
    INTENT_CODE(at(68, Type.INT16), at(504, Type.INT32)),
    /** {@code datatype}: the {@link NiftiDataType} code. */
    DATATYPE(at(70, Type.INT16), at(12, Type.INT16)),
    /** {@code bitpix}: bits per voxel. */
    BITPIX(at(72, Type.INT16), at(14, Type.INT16)),
    /** {@code pixdim[8]}: {@code pixdim[0]} is qfac, then the voxel sizes along i, j, k, t, … */
    PIXDIM(at(76, Type.FLOAT32, 8), at(104, Type.FLOAT64, 8)),
    /** {@code vox_offset}: where the voxels start (a float in NIfTI-1). */
    VOX_OFFSET(at(108, Type.FLOAT32), at(168, Type.INT64)),
    /** {@code scl_slope, scl_inter}: voxel scaling {@code value = stored·slope + inter}. */
    SCL_SLOPE(at(112, Type.FLOAT32), at(176, Type.FLOAT64)),
    SCL_INTER(at(116, Type.FLOAT32), at(184, Type.FLOAT64)),
    /** {@code xyzt_units}: spatial and temporal unit codes. */
    XYZT_UNITS(at(123, Type.UINT8), at(500, Type.INT32)),
    /** {@code descrip[80]}: free text. */
    DESCRIP(at(148, Type.CHAR, 80), at(240, Type.CHAR, 80)),
    /** {@code qform_code, sform_code}: 0 where the transform is absent. */
    QFORM_CODE(at(252, Type.INT16), at(344, Type.INT32)),
    SFORM_CODE(at(254, Type.INT16), at(348, Type.INT32)),
    /** {@code quatern_b, quatern_c, quatern_d}: the qform's rotation ({@link NiftiQform}). */
    QUATERN_B(at(256, Type.FLOAT32), at(352, Type.FLOAT64)),
    QUATERN_C(at(260, Type.FLOAT32), at(360, Type.FLOAT64)),
    QUATERN_D(at(264, Type.FLOAT32), at(368, Type.FLOAT64)),
    /** {@code qoffset_x, qoffset_y, qoffset_z}: the qform's translation (mm). */
    QOFFSET_X(at(268, Type.FLOAT32), at(376, Type.FLOAT64)),
    QOFFSET_Y(at(272, Type.FLOAT32), at(384, Type.FLOAT64)),
    QOFFSET_Z(at(276, Type.FLOAT32), at(392, Type.FLOAT64)),
    /** {@code srow_x[4], srow_y[4], srow_z[4]}: the rows of the sform (voxel index to mm). */
    SROW_X(at(280, Type.FLOAT32, 4), at(400, Type.FLOAT64, 4)),
    SROW_Y(at(296, Type.FLOAT32, 4), at(432, Type.FLOAT64, 4)),
    SROW_Z(at(312, Type.FLOAT32, 4), at(464, Type.FLOAT64, 4));

    /** How a field's elements are stored. */
    enum Type {
        /** Unsigned byte. */
        UINT8(1, "u1"),
        /** Signed 16-bit integer. */
        INT16(2, "i2"),
        /** Signed 32-bit integer. */
        INT32(4, "i4"),
        /** Signed 64-bit integer. */
        INT64(8, "i8"),
        /** IEEE 32-bit float. */
        FLOAT32(4, "f4"),
        /** IEEE 64-bit float. */
        FLOAT64(8, "f8"),
        /** One ISO-8859-1 character (a byte) of a NUL-padded string. */
        CHAR(1, "S1");

        private final int bytes;
        private final String numpyCode;

        Type(int bytes, String numpyCode) {
            this.bytes = bytes;
            this.numpyCode = numpyCode;
        }

        /** Bytes per element. */
        int bytes() {
            return bytes;
        }

        /** numpy's type code without byte order ({@code i2}, {@code f4}, {@code S1}, …), as nibabel declares it. */
        String numpyCode() {
            return numpyCode;
        }

        long getLong(ByteBuffer b, int at) {
            return switch (this) {
                case UINT8, CHAR -> b.get(at) & 0xFF;
                case INT16 -> b.getShort(at);
                case INT32 -> b.getInt(at);
                case INT64 -> b.getLong(at);
                case FLOAT32 -> (long) b.getFloat(at);
                case FLOAT64 -> (long) b.getDouble(at);
            };
        }

        double getDouble(ByteBuffer b, int at) {
            return switch (this) {
                case FLOAT32 -> b.getFloat(at);
                case FLOAT64 -> b.getDouble(at);
                default -> getLong(b, at);
            };
        }

        void putLong(ByteBuffer b, int at, long v) {
            switch (this) {
                case UINT8, CHAR -> b.put(at, (byte) v);
                case INT16 -> b.putShort(at, (short) v);
                case INT32 -> b.putInt(at, (int) v);
                case INT64 -> b.putLong(at, v);
                case FLOAT32 -> b.putFloat(at, v);
                case FLOAT64 -> b.putDouble(at, v);
            }
        }

        void putDouble(ByteBuffer b, int at, double v) {
            switch (this) {
                case FLOAT32 -> b.putFloat(at, (float) v);
                case FLOAT64 -> b.putDouble(at, v);
                default -> putLong(b, at, (long) v);
            }
        }
    }

    /**
     * Where a field lies in one format.
     *
     * @param offset byte offset from the start of the file
     * @param type   storage type of each element
     * @param count  number of elements (characters for a string)
     */
    record Slot(int offset, Type type, int count) {

        /** Bytes the field takes. */
        int size() {
            return type.bytes() * count;
        }

        private int at(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("element " + index + " of a field of " + count);
            }
            return offset + index * type.bytes();
        }
    }

    private final Slot nifti1;
    private final Slot nifti2;

    NiftiField(Slot nifti1, Slot nifti2) {
        this.nifti1 = nifti1;
        this.nifti2 = nifti2;
    }

    private static Slot at(int offset, Type type, int count) {
        return new Slot(offset, type, count);
    }

    private static Slot at(int offset, Type type) {
        return new Slot(offset, type, 1);
    }

    /** The field's name in the standards and in nibabel: the constant's name in lower case, e.g. {@code vox_offset}. */
    String standardName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where the field lies in {@code format}. */
    Slot slot(NiftiFormat format) {
        return format == NiftiFormat.NIFTI_1 ? nifti1 : nifti2;
    }

    /** Element {@code index} as an integer (a float field is truncated). */
    long getLong(ByteBuffer b, NiftiFormat format, int index) {
        Slot s = slot(format);
        return s.type().getLong(b, s.at(index));
    }

    /** The first element as an integer. */
    long getLong(ByteBuffer b, NiftiFormat format) {
        return getLong(b, format, 0);
    }

    /** Every element as an integer. */
    long[] getLongs(ByteBuffer b, NiftiFormat format) {
        long[] v = new long[slot(format).count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = getLong(b, format, i);
        }
        return v;
    }

    /** The first element as a {@code double} (exact for every type but {@code int64} beyond 2⁵³). */
    double getDouble(ByteBuffer b, NiftiFormat format) {
        Slot s = slot(format);
        return s.type().getDouble(b, s.at(0));
    }

    /** Every element as a {@code double}. */
    double[] getDoubles(ByteBuffer b, NiftiFormat format) {
        Slot s = slot(format);
        double[] v = new double[s.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.type().getDouble(b, s.at(i));
        }
        return v;
    }

    /** The field's bytes as ISO-8859-1 text, all of them (a magic string keeps its NULs). */
    String getRawString(ByteBuffer b, NiftiFormat format) {
        Slot s = slot(format);
        byte[] bytes = new byte[s.size()];
        b.get(s.offset(), bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The field's text up to its first NUL. */
    String getString(ByteBuffer b, NiftiFormat format) {
        String raw = getRawString(b, format);
        int nul = raw.indexOf('\0');
        return nul < 0 ? raw : raw.substring(0, nul);
    }

    /** Writes element {@code index} (narrowed to the field's type; a float field stores it as a float). */
    void putLong(ByteBuffer b, NiftiFormat format, int index, long value) {
        Slot s = slot(format);
        s.type().putLong(b, s.at(index), value);
    }

    /** Writes element {@code index} (rounded to a float, or truncated to an integer field's type). */
    void putDouble(ByteBuffer b, NiftiFormat format, int index, double value) {
        Slot s = slot(format);
        s.type().putDouble(b, s.at(index), value);
    }

    /** Writes a one-element field (or the first element). */
    void putLong(ByteBuffer b, NiftiFormat format, long value) {
        putLong(b, format, 0, value);
    }

    /** Writes a one-element field (or the first element). */
    void putDouble(ByteBuffer b, NiftiFormat format, double value) {
        putDouble(b, format, 0, value);
    }

    /** Writes {@code values[i]} to element {@code i}, for every element of the field. */
    void putLongs(ByteBuffer b, NiftiFormat format, long... values) {
        checkCount(format, values.length);
        for (int i = 0; i < values.length; i++) {
            putLong(b, format, i, values[i]);
        }
    }

    /** Writes {@code values[i]} to element {@code i}, for every element of the field. */
    void putDoubles(ByteBuffer b, NiftiFormat format, double... values) {
        checkCount(format, values.length);
        for (int i = 0; i < values.length; i++) {
            putDouble(b, format, i, values[i]);
        }
    }

    /** Writes ISO-8859-1 text, cut to the field's size; the rest of the field is left as it is (zeros). */
    void putString(ByteBuffer b, NiftiFormat format, String text) {
        Slot s = slot(format);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        b.put(s.offset(), bytes, 0, Math.min(bytes.length, s.size()));
    }

    private void checkCount(NiftiFormat format, int n) {
        if (n != slot(format).count()) {
            throw new IllegalArgumentException(standardName() + " has " + slot(format).count() + " elements in " + format
                    + ", got " + n + " values");
        }
    }
}
