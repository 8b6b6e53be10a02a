package org.gvsl.data.nifti;

import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A NIfTI-1 or NIfTI-2 header: the fields this module uses, their byte layout ({@link #decode}, {@link #encode})
 * and the geometry they describe.
 *
 * <p>Only single-file images ({@code .nii}, magic {@code n+1} / {@code n+2}) are valid; the two-file
 * {@code .hdr/.img} form is rejected. {@link #decode} checks everything it can see in the header: size and byte
 * order, magic, {@code dim}, datatype against {@code bitpix}, {@code pixdim} of the spatial axes, {@code
 * vox_offset}, the extensions and the chosen affine. The reader checks the byte count of the voxels.
 *
 * <p>Geometry: {@link #affine()} is the sform if {@code sform_code > 0}, else the qform (quaternion, {@code qfac =
 * pixdim[0]}) if {@code qform_code > 0}, else {@code diag(pixdim[1..3])} with origin 0 (NIfTI "method 1").
 * Spacing is {@code |pixdim[1..3]|}, reordered to {@code (D, H, W) = (pixdim[3], pixdim[2], pixdim[1])}.
 */
public final class NiftiHeader {

    /** NIfTI {@code xform} code written for the affine: "aligned to another file's anatomy", as nibabel writes. */
    static final int XFORM_ALIGNED_ANAT = 2;
    /** {@code xyzt_units}: millimetres and seconds. */
    static final int UNITS_MM_SEC = 2 | 8;
    /** {@code intent_code} NIFTI_INTENT_VECTOR: each voxel holds a vector along {@code dim[5]}. */
    public static final int INTENT_VECTOR = 1007;

    private final NiftiFormat format;
    private final ByteOrder byteOrder;
    private final long[] dim;
    private final NiftiDataType datatype;
    private final double[] pixdim;
    private final long voxOffset;
    private final double sclSlope;
    private final double sclInter;
    private final int qformCode;
    private final int sformCode;
    private final double[] quatern;
    private final double[] qoffset;
    private final double[][] srow;
    private final int xyztUnits;
    private final int intentCode;
    private final String description;
    private final List<NiftiExtension> extensions;

    private NiftiHeader(NiftiFormat format, ByteOrder byteOrder, long[] dim, NiftiDataType datatype, double[] pixdim,
                        long voxOffset, double sclSlope, double sclInter, int qformCode, int sformCode,
                        double[] quatern, double[] qoffset, double[][] srow, int xyztUnits, int intentCode,
                        String description, List<NiftiExtension> extensions) {
        this.format = format;
        this.byteOrder = byteOrder;
        this.dim = dim;
        this.datatype = datatype;
        this.pixdim = pixdim;
        this.voxOffset = voxOffset;
        this.sclSlope = sclSlope;
        this.sclInter = sclInter;
        this.qformCode = qformCode;
        this.sformCode = sformCode;
        this.quatern = quatern;
        this.qoffset = qoffset;
        this.srow = srow;
        this.xyztUnits = xyztUnits;
        this.intentCode = intentCode;
        this.description = description;
        this.extensions = List.copyOf(extensions);
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** NIfTI-1 or NIfTI-2. */
    public NiftiFormat format() {
        return format;
    }

    /** The byte order of the header and voxels. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** {@code dim[0..7]}: {@code dim[0]} is the number of dimensions, {@code dim[1..3]} = {@code (i, j, k)} sizes. */
    public long[] dim() {
        return dim.clone();
    }

    /** The voxel datatype. */
    public NiftiDataType datatype() {
        return datatype;
    }

    /** {@code pixdim[0..7]} as stored ({@code pixdim[0]} is qfac). */
    public double[] pixdim() {
        return pixdim.clone();
    }

    /** Byte offset of the voxel data in the (decompressed) file. */
    public long voxOffset() {
        return voxOffset;
    }

    /** {@code scl_slope} as stored; 0 or non-finite means "no scaling". */
    public double sclSlope() {
        return sclSlope;
    }

    /** {@code scl_inter} as stored (0 if it was not finite). */
    public double sclInter() {
        return sclInter;
    }

    /** Whether voxels are scaled: {@code scl_slope} finite, non-zero and not the identity {@code (1, 0)}. */
    public boolean hasScaling() {
        return sclSlope != 0 && Double.isFinite(sclSlope) && !(sclSlope == 1 && sclInter == 0);
    }

    /** {@code qform_code} (0: no qform). */
    public int qformCode() {
        return qformCode;
    }

    /** {@code sform_code} (0: no sform). */
    public int sformCode() {
        return sformCode;
    }

    /** {@code intent_code} (0: none; {@link #INTENT_VECTOR} for a vector image). */
    public int intentCode() {
        return intentCode;
    }

    /** {@code descrip}, up to its first NUL. */
    public String description() {
        return description;
    }

    /** The header extensions in file order. */
    public List<NiftiExtension> extensions() {
        return extensions;
    }

    /** The spatial size {@code [D, H, W] = [dim[3], dim[2], dim[1]]} (1 for axes beyond {@code dim[0]}). */
    public VolumeShape spatialShape() {
        return new VolumeShape((int) dimOr1(3), (int) dimOr1(2), (int) dimOr1(1));
    }

    /** Number of 3-D volumes: the product of {@code dim[4..dim[0]]} (1 for a 3-D file). */
    public long volumeCount() {
        long n = 1;
        for (int i = 4; i <= dim[0]; i++) {
            n *= dim[i];
        }
        return n;
    }

    /** Number of voxels of the whole file: {@code D·H·W·volumeCount()}. */
    public long totalVoxels() {
        return spatialShape().voxelCount() * volumeCount();
    }

    /** Which transform {@link #affine()} comes from: {@code sform}, {@code qform} or {@code pixdim}. */
    public String affineSource() {
        return sformCode > 0 ? "sform" : qformCode > 0 ? "qform" : "pixdim";
    }

    /** The 4×4 voxel-index {@code (i, j, k)} to world (mm) affine; see the class comment for the priority. */
    public double[][] affine() {
        if (sformCode > 0) {
            return new double[][] {srow[0].clone(), srow[1].clone(), srow[2].clone(), {0, 0, 0, 1}};
        }
        double dx = Math.abs(pixdimOr1(1));
        double dy = Math.abs(pixdimOr1(2));
        double dz = Math.abs(pixdimOr1(3));
        if (qformCode > 0) {
            double[][] r = quaternionToRotation(quatern[0], quatern[1], quatern[2]);
            double qfac = pixdim[0] < 0 ? -1 : 1;
            double[] scale = {dx, dy, qfac * dz};
            double[][] a = new double[4][4];
            for (int row = 0; row < 3; row++) {
                for (int c = 0; c < 3; c++) {
                    a[row][c] = r[row][c] * scale[c];
                }
                a[row][3] = qoffset[row];
            }
            a[3][3] = 1;
            return a;
        }
        return new double[][] {{dx, 0, 0, 0}, {0, dy, 0, 0}, {0, 0, dz, 0}, {0, 0, 0, 1}};
    }

    /** Spacing (D, H, W) in mm and the affine, as a {@link VolumeGeometry}. */
    public VolumeGeometry geometry() {
        return new VolumeGeometry(new double[] {Math.abs(pixdimOr1(3)), Math.abs(pixdimOr1(2)), Math.abs(pixdimOr1(1))},
                affine());
    }

    @Override
    public String toString() {
        return format + " " + byteOrder + " dim " + Arrays.toString(dim) + " " + datatype.label() + " vox_offset "
                + voxOffset + " " + affineSource() + (hasScaling() ? " scl " + sclSlope + "/" + sclInter : "")
                + (extensions.isEmpty() ? "" : " " + extensions.size() + " extension(s)");
    }

    private long dimOr1(int i) {
        return i <= dim[0] ? dim[i] : 1;
    }

    private double pixdimOr1(int i) {
        return i <= dim[0] ? pixdim[i] : 1;
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * The header of a single 3-D volume as {@link NiftiWriter} writes it: {@code dim = [3, W, H, D, 1, 1, 1, 1]},
     * {@code pixdim[1..3] = (sw, sh, sd)}, the affine as sform (code 2) and, where its columns are orthogonal,
     * also as qform (code 2; else qform code 0), units mm/s, voxels right after the extensions (16-byte aligned).
     */
    static NiftiHeader describe(VolumeShape shape, VolumeGeometry geometry, NiftiDataType type, NiftiFormat format,
                                ByteOrder order, double slope, double inter, String description,
                                List<NiftiExtension> extensions) {
        return describe(shape, 1, geometry, type, format, order, slope, inter, description, extensions);
    }

    /**
     * As {@link #describe(VolumeShape, VolumeGeometry, NiftiDataType, NiftiFormat, ByteOrder, double, double, String,
     * List)} for an image of {@code components} values per voxel: more than one makes it a vector image as the
     * NIfTI standard defines it, {@code dim = [5, W, H, D, 1, components, 1, 1]} (time axis of 1, vector along
     * {@code dim[5]}) with {@code intent_code} {@link #INTENT_VECTOR}, components stored one after another.
     */
    static NiftiHeader describe(VolumeShape shape, int components, VolumeGeometry geometry, NiftiDataType type,
                                NiftiFormat format, ByteOrder order, double slope, double inter, String description,
                                List<NiftiExtension> extensions) {
        if (components < 1) {
            throw new IllegalArgumentException("an image needs at least one component, got " + components);
        }
        boolean vector = components > 1;
        long[] dim = {vector ? 5 : 3, shape.width(), shape.height(), shape.depth(), 1, components, 1, 1};
        double[] spacing = geometry.spacing();
        double[][] a = geometry.affine();
        double[] pixdim = {1, spacing[2], spacing[1], spacing[0], 1, 1, 1, 1};
        double[] quatern = new double[3];
        double[] qoffset = {a[0][3], a[1][3], a[2][3]};
        int qformCode = 0;
        double[][] rotation = orthonormalColumns(a);
        if (rotation != null) {
            if (det3(rotation) < 0) {
                pixdim[0] = -1;
                for (int r = 0; r < 3; r++) {
                    rotation[r][2] = -rotation[r][2];
                }
            }
            double[] q = rotationToQuaternion(rotation);
            System.arraycopy(q, 0, quatern, 0, 3);
            qformCode = XFORM_ALIGNED_ANAT;
        }
        double[][] srow = {a[0].clone(), a[1].clone(), a[2].clone()};
        long offset = format.minimumVoxelOffset();
        for (NiftiExtension e : extensions) {
            offset += e.sizeInFile();
        }
        offset = (offset + 15) / 16 * 16;
        String descrip = description.length() > 79 ? description.substring(0, 79) : description;
        return new NiftiHeader(format, order, dim, type, pixdim, offset, slope, inter, qformCode, XFORM_ALIGNED_ANAT,
                quatern, qoffset, srow, UNITS_MM_SEC, vector ? INTENT_VECTOR : 0, descrip, extensions);
    }

    /** The header, extension flag and extensions: exactly {@link #voxOffset()} bytes. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate((int) voxOffset).order(byteOrder);
        int size = format.headerSize();
        b.putInt(0, size);
        if (format == NiftiFormat.NIFTI_1) {
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, (short) dim[i]);
                b.putFloat(76 + 4 * i, (float) pixdim[i]);
            }
            b.putShort(68, (short) intentCode);
            b.putShort(70, (short) datatype.code());
            b.putShort(72, (short) (8 * datatype.bytesPerVoxel()));
            b.putFloat(108, voxOffset);
            b.putFloat(112, (float) sclSlope);
            b.putFloat(116, (float) sclInter);
            b.put(123, (byte) xyztUnits);
            putString(b, 148, 80, description);
            b.putShort(252, (short) qformCode);
            b.putShort(254, (short) sformCode);
            for (int i = 0; i < 3; i++) {
                b.putFloat(256 + 4 * i, (float) quatern[i]);
                b.putFloat(268 + 4 * i, (float) qoffset[i]);
                for (int c = 0; c < 4; c++) {
                    b.putFloat(280 + 16 * i + 4 * c, (float) srow[i][c]);
                }
            }
            putString(b, 344, 4, format.magic());
        } else {
            putString(b, 4, 8, format.magic());
            b.putShort(12, (short) datatype.code());
            b.putShort(14, (short) (8 * datatype.bytesPerVoxel()));
            for (int i = 0; i < 8; i++) {
                b.putLong(16 + 8 * i, dim[i]);
                b.putDouble(104 + 8 * i, pixdim[i]);
            }
            b.putLong(168, voxOffset);
            b.putDouble(176, sclSlope);
            b.putDouble(184, sclInter);
            putString(b, 240, 80, description);
            b.putInt(344, qformCode);
            b.putInt(348, sformCode);
            for (int i = 0; i < 3; i++) {
                b.putDouble(352 + 8 * i, quatern[i]);
                b.putDouble(376 + 8 * i, qoffset[i]);
                for (int c = 0; c < 4; c++) {
                    b.putDouble(400 + 32 * i + 8 * c, srow[i][c]);
                }
            }
            b.putInt(500, xyztUnits);
            b.putInt(504, intentCode);
        }
        if (!extensions.isEmpty()) {
            b.put(size, (byte) 1);
            int at = size + 4;
            for (NiftiExtension e : extensions) {
                b.putInt(at, e.sizeInFile());
                b.putInt(at + 4, e.code());
                b.put(at + 8, e.content());
                at += e.sizeInFile();
            }
        }
        return b.array();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Decodes and validates the header at the start of a (decompressed) file.
     *
     * @param file   the whole file, or at least its header and extensions
     * @param source the file name, for messages
     * @throws NiftiFormatException naming the file and the first problem found
     */
    static NiftiHeader decode(ByteBuffer file, String source) throws NiftiFormatException {
        int length = file.remaining();
        if (length == 0) {
            throw new NiftiFormatException(source, "empty file");
        }
        if (length < 4) {
            throw new NiftiFormatException(source, "truncated: " + length + " bytes, too short for a NIfTI header");
        }
        ByteBuffer b = file.slice();
        NiftiFormat format = null;
        ByteOrder order = null;
        for (ByteOrder candidate : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = b.order(candidate).getInt(0);
            for (NiftiFormat f : NiftiFormat.values()) {
                if (size == f.headerSize()) {
                    format = f;
                    order = candidate;
                }
            }
            if (format != null) {
                break;
            }
        }
        if (format == null) {
            throw new NiftiFormatException(source, "not a NIfTI file: sizeof_hdr is " + b.order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                    + " (expected 348 or 540 in either byte order)");
        }
        b.order(order);
        if (length < format.headerSize()) {
            throw new NiftiFormatException(source, "truncated header: " + length + " of " + format.headerSize() + " bytes");
        }
        boolean n1 = format == NiftiFormat.NIFTI_1;
        checkMagic(b, n1 ? 344 : 4, format, source);

        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = n1 ? b.getShort(40 + 2 * i) : b.getLong(16 + 8 * i);
            pixdim[i] = n1 ? b.getFloat(76 + 4 * i) : b.getDouble(104 + 8 * i);
        }
        if (dim[0] < 1 || dim[0] > 7) {
            throw new NiftiFormatException(source, "dim[0] = " + dim[0] + " (number of dimensions must be 1..7)");
        }
        for (int i = 1; i <= dim[0]; i++) {
            if (dim[i] < 1) {
                throw new NiftiFormatException(source, "dim[" + i + "] = " + dim[i] + " (every used dimension must be >= 1); dim = "
                        + Arrays.toString(dim));
            }
        }
        for (int i = 1; i <= 3; i++) {
            if (dim[i] > Integer.MAX_VALUE && i <= dim[0]) {
                throw new NiftiFormatException(source, "dim[" + i + "] = " + dim[i] + " is too large");
            }
        }
        int code = n1 ? b.getShort(70) : b.getShort(12);
        int bitpix = n1 ? b.getShort(72) : b.getShort(14);
        NiftiDataType type = NiftiDataType.fromCode(code, source);
        if (bitpix != 8 * type.bytesPerVoxel()) {
            throw new NiftiFormatException(source, "bitpix " + bitpix + " disagrees with datatype " + type.label() + " ("
                    + 8 * type.bytesPerVoxel() + " bits)");
        }
        for (int i = 1; i <= Math.min(3, dim[0]); i++) {
            if (!(Math.abs(pixdim[i]) > 0) || !Double.isFinite(pixdim[i])) {
                throw new NiftiFormatException(source, "pixdim[" + i + "] = " + pixdim[i] + " is not a valid voxel size");
            }
        }
        double offsetValue = n1 ? b.getFloat(108) : b.getLong(168);
        if (offsetValue != Math.rint(offsetValue) || offsetValue < format.minimumVoxelOffset()) {
            throw new NiftiFormatException(source, "vox_offset " + offsetValue + " is not an integer >= "
                    + format.minimumVoxelOffset() + " (a single-file image has its voxels after the header)");
        }
        long voxOffset = (long) offsetValue;
        double slope = n1 ? b.getFloat(112) : b.getDouble(176);
        double inter = n1 ? b.getFloat(116) : b.getDouble(184);
        if (!Double.isFinite(inter)) {
            inter = 0;
        }
        int qformCode = n1 ? b.getShort(252) : b.getInt(344);
        int sformCode = n1 ? b.getShort(254) : b.getInt(348);
        double[] quatern = new double[3];
        double[] qoffset = new double[3];
        double[][] srow = new double[3][4];
        for (int i = 0; i < 3; i++) {
            quatern[i] = n1 ? b.getFloat(256 + 4 * i) : b.getDouble(352 + 8 * i);
            qoffset[i] = n1 ? b.getFloat(268 + 4 * i) : b.getDouble(376 + 8 * i);
            for (int c = 0; c < 4; c++) {
                srow[i][c] = n1 ? b.getFloat(280 + 16 * i + 4 * c) : b.getDouble(400 + 32 * i + 8 * c);
            }
        }
        int xyztUnits = n1 ? b.get(123) & 0xFF : b.getInt(500);
        int intentCode = n1 ? b.getShort(68) : b.getInt(504);
        String description = readString(b, n1 ? 148 : 240, 80);
        List<NiftiExtension> extensions = readExtensions(b, format, voxOffset, length, source);
        NiftiHeader header = new NiftiHeader(format, order, dim, type, pixdim, voxOffset, slope, inter, qformCode,
                sformCode, quatern, qoffset, srow, xyztUnits, intentCode, description, extensions);
        header.checkAffine(source);
        return header;
    }

    private void checkAffine(String source) throws NiftiFormatException {
        double[][] a = affine();
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new NiftiFormatException(source, affineSource() + " has a non-finite value: " + Arrays.deepToString(a));
                }
            }
        }
        if (det3(a) == 0) {
            throw new NiftiFormatException(source, affineSource() + " is singular (an axis has no direction): "
                    + Arrays.deepToString(a));
        }
    }

    private static void checkMagic(ByteBuffer b, int at, NiftiFormat format, String source) throws NiftiFormatException {
        int n = format.magic().length();
        byte[] magic = new byte[n];
        b.get(at, magic);
        String found = new String(magic, StandardCharsets.ISO_8859_1);
        if (found.equals(format.magic())) {
            return;
        }
        if (found.startsWith(format == NiftiFormat.NIFTI_1 ? "ni1" : "ni2")) {
            throw new NiftiFormatException(source, "two-file NIfTI (.hdr/.img pair) is not supported; save it as one .nii");
        }
        throw new NiftiFormatException(source, "bad magic \"" + printable(found) + "\" (expected \""
                + printable(format.magic()) + "\" for " + format + ")");
    }

    private static List<NiftiExtension> readExtensions(ByteBuffer b, NiftiFormat format, long voxOffset, int length,
                                                       String source) throws NiftiFormatException {
        int flagAt = format.headerSize();
        if (length < flagAt + 4 || b.get(flagAt) == 0) {
            return List.of();
        }
        List<NiftiExtension> list = new ArrayList<>();
        long at = flagAt + 4;
        while (at + 8 <= voxOffset) {
            if (at + 8 > length) {
                throw new NiftiFormatException(source, "truncated: header extension at byte " + at + " runs past the end of the file");
            }
            int esize = b.getInt((int) at);
            int ecode = b.getInt((int) at + 4);
            if (esize < 16 || esize % 16 != 0 || at + esize > voxOffset) {
                throw new NiftiFormatException(source, "header extension at byte " + at + " has esize " + esize
                        + " (must be a positive multiple of 16 that ends by vox_offset " + voxOffset + ")");
            }
            if (at + esize > length) {
                throw new NiftiFormatException(source, "truncated: header extension at byte " + at + " runs past the end of the file");
            }
            byte[] content = new byte[esize - 8];
            b.get((int) at + 8, content);
            list.add(new NiftiExtension(ecode, content));
            at += esize;
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------------ maths

    /** NIfTI quaternion (b, c, d; a = √(1 − b² − c² − d²)) to a rotation matrix (nifti1_io's quatern_to_mat44). */
    static double[][] quaternionToRotation(double b, double c, double d) {
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            double s = 1.0 / Math.sqrt(b * b + c * c + d * d);
            b *= s;
            c *= s;
            d *= s;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    }

    /** A proper rotation matrix to the NIfTI quaternion (b, c, d) with a ≥ 0 (nifti1_io's mat44_to_quatern). */
    static double[] rotationToQuaternion(double[][] r) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {b, c, d};
    }

    /** The affine's 3×3 columns divided by their lengths, or null if they are not orthogonal (then no qform). */
    private static double[][] orthonormalColumns(double[][] a) {
        double[][] r = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(a[0][c] * a[0][c] + a[1][c] * a[1][c] + a[2][c] * a[2][c]);
            for (int row = 0; row < 3; row++) {
                r[row][c] = a[row][c] / norm;
            }
        }
        for (int c1 = 0; c1 < 3; c1++) {
            for (int c2 = c1 + 1; c2 < 3; c2++) {
                double dot = r[0][c1] * r[0][c2] + r[1][c1] * r[1][c2] + r[2][c1] * r[2][c2];
                if (Math.abs(dot) > 1e-6) {
                    return null;
                }
            }
        }
        return r;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static void putString(ByteBuffer b, int at, int max, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(at, bytes, 0, Math.min(bytes.length, max));
    }

    private static String readString(ByteBuffer b, int at, int max) {
        byte[] bytes = new byte[max];
        b.get(at, bytes);
        int n = 0;
        while (n < max && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= 32 && ch < 127) {
                out.append(ch);
            } else {
                out.append(String.format("\\x%02x", (int) ch));
            }
        }
        return out.toString();
    }
}
