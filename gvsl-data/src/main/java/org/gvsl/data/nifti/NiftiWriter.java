package org.gvsl.data.nifti;

import org.gvsl.core.io.AtomicFile;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a single-file NIfTI image, {@code .nii} or (by the name's {@code .gz} suffix)
 * {@code .nii.gz}.
 *
 * <p>The default is a little-endian NIfTI-1 {@code float32} image, which every tool reads; label maps are written
 * with {@link Builder#optDataType(NiftiDataType)} {@code UINT8} or {@code INT16}. The header is {@link
 * NiftiHeader#describe}: {@code dim = [3, W, H, D]}, pixdim from the spacing, the affine as sform and (when
 * its columns are orthogonal) qform. {@link #writeVectorTo} writes several components per voxel (a displacement
 * field) as a NIfTI vector image.
 *
 * <p>For an integer datatype each voxel must be exactly representable: without scaling it must be an integer
 * within the type's range; with {@link Builder#optScaling(double, double)} the stored value {@code (v − inter) /
 * slope} is rounded to the nearest integer and must be within range. A violation is an {@link
 * IllegalArgumentException} naming the voxel and its value, raised before any file is touched. The file is
 * written to a temporary file in the same folder and renamed into place, so a failure never leaves a
 * half-written output.
 */
public final class NiftiWriter {

    private final NiftiDataType dataType;
    private final NiftiFormat format;
    private final ByteOrder byteOrder;
    private final double slope;
    private final double inter;
    private final String description;
    private final List<NiftiExtension> extensions;

    private NiftiWriter(Builder b) {
        this.dataType = b.dataType;
        this.format = b.format;
        this.byteOrder = b.byteOrder;
        this.slope = b.slope;
        this.inter = b.inter;
        this.description = b.description;
        this.extensions = List.copyOf(b.extensions);
    }

    /** A builder with the defaults its options document. */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes {@code volume} to {@code path} as little-endian NIfTI-1 of {@code type} with default options. */
    public static void write(Volume volume, Path path, NiftiDataType type) throws IOException {
        builder().optDataType(type).build().writeTo(volume, path);
    }

    /**
     * Writes {@code volume} to {@code path} ({@code .nii} or {@code .nii.gz}), replacing an existing file only once
     * the new one is complete.
     */
    public void writeTo(Volume volume, Path path) throws IOException {
        write(List.of(volume), path);
    }

    /**
     * Writes a vector image ({@code .nii} or {@code .nii.gz}): {@code components.size()} values per voxel, e.g. the
     * three components of a displacement field, as the NIfTI standard's vector image: {@code dim = [5, W, H, D, 1,
     * C]}, {@code intent_code} NIFTI_INTENT_VECTOR ({@value NiftiHeader#INTENT_VECTOR}), component {@code c} the
     * {@code c}-th block of voxels (nibabel reads it as {@code [W, H, D, 1, C]}, ITK as a vector image). The header
     * geometry is the first component's.
     *
     * @param components at least two volumes of one shape and geometry
     * @throws IllegalArgumentException when the components differ in shape or geometry, or are fewer than two
     */
    public void writeVectorTo(List<Volume> components, Path path) throws IOException {
        if (components.size() < 2) {
            throw new IllegalArgumentException("a vector image needs at least two components, got " + components.size());
        }
        Volume first = components.get(0);
        for (Volume c : components) {
            if (!c.shape().equals(first.shape()) || !c.geometry().equals(first.geometry())) {
                throw new IllegalArgumentException("the components of a vector image must share shape and geometry, got "
                        + first + " and " + c);
            }
        }
        write(components, path);
    }

    private void write(List<Volume> components, Path path) throws IOException {
        String name = path.getFileName().toString();
        boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".nii.gz");
        if (!gzip && !name.toLowerCase(Locale.ROOT).endsWith(".nii")) {
            throw new IllegalArgumentException("NIfTI file name must end in .nii or .nii.gz: " + path);
        }
        byte[] bytes = encode(components, path.toString());
        AtomicFile.write(path, tmp -> {
            try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)
                    : Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
        });
    }

    /** The uncompressed file of one volume: header, extensions and voxels. */
    byte[] encode(Volume volume, String target) {
        return encode(List.of(volume), target);
    }

    /** The uncompressed file: header, extensions and the voxels of each component in turn. */
    private byte[] encode(List<Volume> components, String target) {
        Volume first = components.get(0);
        VolumeShape shape = first.shape();
        NiftiHeader header = NiftiHeader.describe(shape, components.size(), first.geometry(), dataType, format,
                byteOrder, slope, inter, description, extensions);
        byte[] head = header.encode();
        int bpv = dataType.bytesPerVoxel();
        long voxels = (long) shape.voxelCount() * components.size();
        long total = head.length + voxels * bpv;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("volume " + shape + (components.size() > 1 ? " × " + components.size()
                    : "") + " of " + dataType.label() + " is too large for one file buffer: " + total + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(byteOrder);
        out.put(0, head);
        boolean scaled = slope != 1 || inter != 0;
        long at = head.length;
        for (Volume volume : components) {
            for (int i = 0; i < shape.voxelCount(); i++, at += bpv) {
                double v = volume.get(i);
                double stored = scaled ? (v - inter) / slope : v;
                if (dataType.isInteger()) {
                    double rounded = Math.rint(stored);
                    if ((!scaled && rounded != stored) || !(rounded >= dataType.minValue() && rounded <= dataType.maxValue())) {
                        throw new IllegalArgumentException(target + ": voxel " + i + " = " + v + " cannot be stored as "
                                + dataType.label() + (scaled ? " with scl_slope " + slope + ", scl_inter " + inter
                                : " (needs an integer in " + (long) dataType.minValue() + ".." + (long) dataType.maxValue() + ")"));
                    }
                    stored = rounded;
                }
                dataType.encode(out, (int) at, stored);
            }
        }
        return out.array();
    }

    /** Options of a {@link NiftiWriter}. */
    public static final class Builder {
        private NiftiDataType dataType = NiftiDataType.FLOAT32;
        private NiftiFormat format = NiftiFormat.NIFTI_1;
        private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
        private double slope = 1;
        private double inter = 0;
        private String description = "gvsl";
        private final List<NiftiExtension> extensions = new ArrayList<>();

        private Builder() {
        }

        /** Voxel datatype (default {@code FLOAT32}; {@code UINT8}/{@code INT16} for label maps). */
        public Builder optDataType(NiftiDataType type) {
            this.dataType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Header layout (default {@link NiftiFormat#NIFTI_1}). */
        public Builder optFormat(NiftiFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Byte order (default little-endian). */
        public Builder optByteOrder(ByteOrder order) {
            this.byteOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /** Stores {@code (v − inter) / slope}, so that readers recover {@code v = stored·slope + inter}. */
        public Builder optScaling(double slope, double inter) {
            if (slope == 0 || !Double.isFinite(slope) || !Double.isFinite(inter)) {
                throw new IllegalArgumentException("scaling needs a finite non-zero slope and a finite intercept, got slope "
                        + slope + ", inter " + inter);
            }
            this.slope = slope;
            this.inter = inter;
            return this;
        }

        /** The header's {@code descrip} (at most 79 characters are kept; default {@code gvsl}). */
        public Builder optDescription(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Adds a header extension. */
        public Builder optExtension(NiftiExtension extension) {
            this.extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /** The configured {@link NiftiWriter}. */
        public NiftiWriter build() {
            return new NiftiWriter(this);
        }
    }
}
