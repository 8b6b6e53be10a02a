package org.gvsl.data.nifti;

import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A NIfTI-1 or NIfTI-2 header: the fields this module uses, read and written ({@link #decode}, {@link #encode})
 * through the layout table {@link NiftiField}, and the geometry they describe.
 *
 * <p>Only single-file images ({@code .nii}, magic {@code n+1} / {@code n+2}) are valid; the two-file
 * {@code .hdr/.img} form is rejected. {@link #decode} checks everything it can see in the header: size and byte
 * order, magic, {@code dim}, datatype against {@code bitpix}, {@code pixdim} of the spatial axes, {@code
 * vox_offset}, the extensions and the chosen affine. The reader checks the byte count of the voxels.
 *
 * <p>Geometry: {@link #affine()} is the sform if {@code sform_code > 0}, else the qform (quaternion, {@code qfac =
 * pixdim[0]}, {@link NiftiQform}) if {@code qform_code > 0}, else {@code diag(pixdim[1..3])} with origin 0 (NIfTI "method 1").
 * Spacing is {@code |pixdim[1..3]|}, reordered to {@code (D, H, W) = (pixdim[3], pixdim[2], pixdim[1])}.
 */
public final class NiftiHeader {

    /** The qform's offset and the sform's rows, in the order of the {@code qoffset} and {@code srow} arrays. */
    private static final List<NiftiField> QOFFSET = List.of(NiftiField.QOFFSET_X, NiftiField.QOFFSET_Y, NiftiField.QOFFSET_Z);
    private static final List<NiftiField> SROW = List.of(NiftiField.SROW_X, NiftiField.SROW_Y, NiftiField.SROW_Z);

    /** NIfTI {@code xform} code written for the affine: "aligned to another file's anatomy", as nibabel writes. */
    static final int XFORM_ALIGNED_ANAT = 2;
    /** {@code xyzt_units}: millimetres and seconds. */
    static final int UNITS_MM_SEC = 2 | 8;

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
    private final NiftiQform qform;
    private final double[] qoffset;
    private final double[][] srow;
    private final int xyztUnits;
    private final int intentCode;
    private final String description;
    private final List<NiftiExtension> extensions;

    private NiftiHeader(NiftiFormat format, ByteOrder byteOrder, long[] dim, NiftiDataType datatype, double[] pixdim,
                        long voxOffset, double sclSlope, double sclInter, int qformCode, int sformCode,
                        NiftiQform qform, double[] qoffset, double[][] srow, int xyztUnits, int intentCode,
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
        this.qform = qform;
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

    /** The qform's quaternion and qfac as stored (used by {@link #affine()} only if {@code qform_code > 0}). */
    NiftiQform qform() {
        return qform;
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
        double[] voxelSize = {Math.abs(pixdimOr1(1)), Math.abs(pixdimOr1(2)), Math.abs(pixdimOr1(3))};
        if (qformCode > 0) {
            return qform.affine(voxelSize, qoffset);
        }
        return new double[][] {{voxelSize[0], 0, 0, 0}, {0, voxelSize[1], 0, 0}, {0, 0, voxelSize[2], 0}, {0, 0, 0, 1}};
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
        long[] dim = {3, shape.width(), shape.height(), shape.depth(), 1, 1, 1, 1};
        double[] spacing = geometry.spacing();
        double[][] a = geometry.affine();
        Optional<NiftiQform> qform = NiftiQform.ofAffine(a);
        NiftiQform q = qform.orElse(NiftiQform.IDENTITY);
        double[] pixdim = {q.qfac(), spacing[2], spacing[1], spacing[0], 1, 1, 1, 1};
        double[] qoffset = {a[0][3], a[1][3], a[2][3]};
        double[][] srow = {a[0].clone(), a[1].clone(), a[2].clone()};
        long offset = format.minimumVoxelOffset();
        for (NiftiExtension e : extensions) {
            offset += e.sizeInFile();
        }
        offset = (offset + 15) / 16 * 16;
        String descrip = description.length() > 79 ? description.substring(0, 79) : description;
        return new NiftiHeader(format, order, dim, type, pixdim, offset, slope, inter,
                qform.isPresent() ? XFORM_ALIGNED_ANAT : 0, XFORM_ALIGNED_ANAT, q, qoffset, srow, UNITS_MM_SEC, 0,
                descrip, extensions);
    }

    /** The header, extension flag and extensions: exactly {@link #voxOffset()} bytes. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate((int) voxOffset).order(byteOrder);
        NiftiField.SIZEOF_HDR.putLong(b, format, format.headerSize());
        NiftiField.MAGIC.putString(b, format, format.magic());
        NiftiField.DIM.putLongs(b, format, dim);
        NiftiField.INTENT_CODE.putLong(b, format, intentCode);
        NiftiField.DATATYPE.putLong(b, format, datatype.code());
        NiftiField.BITPIX.putLong(b, format, 8L * datatype.bytesPerVoxel());
        NiftiField.PIXDIM.putDoubles(b, format, pixdim);
        NiftiField.VOX_OFFSET.putLong(b, format, voxOffset);
        NiftiField.SCL_SLOPE.putDouble(b, format, sclSlope);
        NiftiField.SCL_INTER.putDouble(b, format, sclInter);
        NiftiField.XYZT_UNITS.putLong(b, format, xyztUnits);
        NiftiField.DESCRIP.putString(b, format, description);
        NiftiField.QFORM_CODE.putLong(b, format, qformCode);
        NiftiField.SFORM_CODE.putLong(b, format, sformCode);
        NiftiField.QUATERN_B.putDouble(b, format, qform.b());
        NiftiField.QUATERN_C.putDouble(b, format, qform.c());
        NiftiField.QUATERN_D.putDouble(b, format, qform.d());
        for (int i = 0; i < 3; i++) {
            QOFFSET.get(i).putDouble(b, format, qoffset[i]);
            SROW.get(i).putDoubles(b, format, srow[i]);
        }
        NiftiExtension.writeAll(b, format, extensions);
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
            for (NiftiFormat f : NiftiFormat.values()) {
                if (format == null && NiftiField.SIZEOF_HDR.getLong(b.order(candidate), f) == f.headerSize()) {
                    format = f;
                    order = candidate;
                }
            }
        }
        if (format == null) {
            throw new NiftiFormatException(source, "not a NIfTI file: sizeof_hdr is "
                    + NiftiField.SIZEOF_HDR.getLong(b.order(ByteOrder.LITTLE_ENDIAN), NiftiFormat.NIFTI_1)
                    + " (expected 348 or 540 in either byte order)");
        }
        b.order(order);
        if (length < format.headerSize()) {
            throw new NiftiFormatException(source, "truncated header: " + length + " of " + format.headerSize() + " bytes");
        }
        checkMagic(NiftiField.MAGIC.getRawString(b, format), format, source);

        long[] dim = NiftiField.DIM.getLongs(b, format);
        double[] pixdim = NiftiField.PIXDIM.getDoubles(b, format);
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
        NiftiDataType type = NiftiDataType.fromCode((int) NiftiField.DATATYPE.getLong(b, format), source);
        long bitpix = NiftiField.BITPIX.getLong(b, format);
        if (bitpix != 8 * type.bytesPerVoxel()) {
            throw new NiftiFormatException(source, "bitpix " + bitpix + " disagrees with datatype " + type.label() + " ("
                    + 8 * type.bytesPerVoxel() + " bits)");
        }
        for (int i = 1; i <= Math.min(3, dim[0]); i++) {
            if (!(Math.abs(pixdim[i]) > 0) || !Double.isFinite(pixdim[i])) {
                throw new NiftiFormatException(source, "pixdim[" + i + "] = " + pixdim[i] + " is not a valid voxel size");
            }
        }
        double offsetValue = NiftiField.VOX_OFFSET.getDouble(b, format);
        if (offsetValue != Math.rint(offsetValue) || offsetValue < format.minimumVoxelOffset()) {
            throw new NiftiFormatException(source, "vox_offset " + offsetValue + " is not an integer >= "
                    + format.minimumVoxelOffset() + " (a single-file image has its voxels after the header)");
        }
        long voxOffset = (long) offsetValue;
        double slope = NiftiField.SCL_SLOPE.getDouble(b, format);
        double inter = NiftiField.SCL_INTER.getDouble(b, format);
        if (!Double.isFinite(inter)) {
            inter = 0;
        }
        double[] qoffset = new double[3];
        double[][] srow = new double[3][];
        for (int i = 0; i < 3; i++) {
            qoffset[i] = QOFFSET.get(i).getDouble(b, format);
            srow[i] = SROW.get(i).getDoubles(b, format);
        }
        NiftiQform qform = new NiftiQform(NiftiField.QUATERN_B.getDouble(b, format),
                NiftiField.QUATERN_C.getDouble(b, format), NiftiField.QUATERN_D.getDouble(b, format), pixdim[0] < 0 ? -1 : 1);
        List<NiftiExtension> extensions = NiftiExtension.readAll(b, format, voxOffset, length, source);
        NiftiHeader header = new NiftiHeader(format, order, dim, type, pixdim, voxOffset, slope, inter,
                (int) NiftiField.QFORM_CODE.getLong(b, format), (int) NiftiField.SFORM_CODE.getLong(b, format),
                qform, qoffset, srow, (int) NiftiField.XYZT_UNITS.getLong(b, format),
                (int) NiftiField.INTENT_CODE.getLong(b, format), NiftiField.DESCRIP.getString(b, format), extensions);
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
        if (NiftiQform.determinant(a) == 0) {
            throw new NiftiFormatException(source, affineSource() + " is singular (an axis has no direction): "
                    + Arrays.deepToString(a));
        }
    }

    private static void checkMagic(String found, NiftiFormat format, String source) throws NiftiFormatException {
        if (found.equals(format.magic())) {
            return;
        }
        if (found.startsWith(format == NiftiFormat.NIFTI_1 ? "ni1" : "ni2")) {
            throw new NiftiFormatException(source, "two-file NIfTI (.hdr/.img pair) is not supported; save it as one .nii");
        }
        throw new NiftiFormatException(source, "bad magic \"" + printable(found) + "\" (expected \""
                + printable(format.magic()) + "\" for " + format + ")");
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
