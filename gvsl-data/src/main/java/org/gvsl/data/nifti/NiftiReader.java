package org.gvsl.data.nifti;

import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeShape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads one 3-D volume from a NIfTI-1 or NIfTI-2 file ({@code .nii} or gzip-compressed {@code .nii.gz}).
 *
 * <p>Compression is recognised from the content (the gzip magic {@code 1f 8b}), not the file name. Both byte
 * orders, every {@link NiftiDataType}, {@code scl_slope/scl_inter} and header extensions are handled. The
 * voxels become a {@link Volume} with {@code [D, H, W] = (k, j, i)} of the file (no transposition: the file's
 * order is already C order over {@code [D, H, W]}), and the geometry of {@link NiftiHeader#geometry()}.
 *
 * <p>Strict: the file must hold exactly {@code vox_offset + D·H·W·(volumes)·bytes} bytes, a 4-D/5-D file with
 * more than one volume needs {@link Builder#optVolumeIndex(long)}, and NaN or infinite voxels are rejected unless
 * {@link Builder#optNonFinite(NonFiniteVoxels)} says otherwise. Every problem is a {@link NiftiFormatException}
 * whose message starts with the file name.
 *
 * <p>Example: {@code Volume v = NiftiReader.builder().build().read(path).volume();}
 */
public final class NiftiReader {

    private final long volumeIndex;
    private final NonFiniteVoxels nonFinite;

    private NiftiReader(Builder b) {
        this.volumeIndex = b.volumeIndex;
        this.nonFinite = b.nonFinite;
    }

    /** A builder with the defaults: volume 0 of single-volume files only, non-finite voxels rejected. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a file with the default options. */
    public static Volume readVolume(Path path) throws IOException {
        return builder().build().read(path).volume();
    }

    /** Reads the header, extensions and the chosen volume of a file. */
    public NiftiImage read(Path path) throws IOException {
        String source = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new NiftiFormatException(source, Files.exists(path) ? "not a regular file" : "no such file");
        }
        return decode(Files.readAllBytes(path), source);
    }

    /** Reads only the header and extensions (the voxels are not checked). */
    public static NiftiHeader readHeader(Path path) throws IOException {
        String source = path.toString();
        return NiftiHeader.decode(ByteBuffer.wrap(decompressIfGzip(Files.readAllBytes(path), source)), source);
    }

    /**
     * Decodes a whole file held in memory.
     *
     * @param fileBytes the file's bytes, gzip-compressed or not
     * @param source    the name used in messages
     */
    public NiftiImage decode(byte[] fileBytes, String source) throws NiftiFormatException {
        byte[] bytes = decompressIfGzip(fileBytes, source);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        NiftiHeader header = NiftiHeader.decode(buffer, source);
        buffer.order(header.byteOrder());

        long volumes = header.volumeCount();
        if (volumeIndex >= volumes) {
            throw new NiftiFormatException(source, volumes == 1
                    ? "volume index " + volumeIndex + " requested, but the file holds one 3-D volume"
                    : "volume index " + volumeIndex + " requested, but the file holds " + volumes + " volumes (0.."
                    + (volumes - 1) + ")");
        }
        if (volumes > 1 && volumeIndex < 0) {
            throw new NiftiFormatException(source, "holds " + volumes + " 3-D volumes (dim = "
                    + Arrays.toString(header.dim()) + "); choose one with a volume index");
        }
        long chosen = Math.max(0, volumeIndex);
        int bytesPerVoxel = header.datatype().bytesPerVoxel();
        long expected = header.voxOffset() + header.totalVoxels() * bytesPerVoxel;
        if (bytes.length != expected) {
            long found = bytes.length - header.voxOffset();
            throw new NiftiFormatException(source, (bytes.length < expected ? "truncated: " : "too long: ")
                    + "dim " + Arrays.toString(header.dim()) + " of " + header.datatype().label() + " needs "
                    + (expected - header.voxOffset()) + " bytes of voxels after vox_offset " + header.voxOffset()
                    + ", the file has " + Math.max(0, found));
        }
        VolumeShape shape = header.spatialShape();
        float[] voxels = new float[shape.voxelCount()];
        buffer.position((int) (header.voxOffset() + chosen * shape.voxelCount() * bytesPerVoxel));
        double slope = header.hasScaling() ? header.sclSlope() : 1;
        double inter = header.hasScaling() ? header.sclInter() : 0;
        header.datatype().decode(buffer, voxels, slope, inter);
        long replaced = handleNonFinite(voxels, shape, source);
        return new NiftiImage(header, Volume.adopt(shape, voxels, header.geometry()), chosen, replaced);
    }

    private long handleNonFinite(float[] voxels, VolumeShape shape, String source) throws NiftiFormatException {
        long count = 0;
        int first = -1;
        for (int i = 0; i < voxels.length; i++) {
            if (!Float.isFinite(voxels[i])) {
                if (first < 0) {
                    first = i;
                }
                count++;
                if (nonFinite == NonFiniteVoxels.REPLACE_WITH_ZERO) {
                    voxels[i] = 0f;
                }
            }
        }
        if (count > 0 && nonFinite == NonFiniteVoxels.REJECT) {
            int w = first % shape.width();
            int h = first / shape.width() % shape.height();
            int d = first / shape.width() / shape.height();
            throw new NiftiFormatException(source, count + " voxel(s) are NaN or infinite (first at [d, h, w] = [" + d
                    + ", " + h + ", " + w + "]); read with NonFiniteVoxels.REPLACE_WITH_ZERO to replace them by 0");
        }
        return count;
    }

    private static byte[] decompressIfGzip(byte[] bytes, String source) throws NiftiFormatException {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new NiftiFormatException(source, "corrupt or truncated gzip stream (" + e.getMessage() + ")", e);
        }
    }

    /** Options of a {@link NiftiReader}. */
    public static final class Builder {
        private long volumeIndex = -1;
        private NonFiniteVoxels nonFinite = NonFiniteVoxels.REJECT;

        private Builder() {
        }

        /**
         * Which 3-D volume of a 4-D/5-D file to read (0-based, over {@code dim[4..]} in file order). Without it, a
         * file with more than one volume is an error.
         */
        public Builder optVolumeIndex(long index) {
            if (index < 0) {
                throw new IllegalArgumentException("volume index must be >= 0, got " + index);
            }
            this.volumeIndex = index;
            return this;
        }

        /** What to do with NaN or infinite voxels (default {@link NonFiniteVoxels#REJECT}). */
        public Builder optNonFinite(NonFiniteVoxels policy) {
            this.nonFinite = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The configured {@link NiftiReader}. */
        public NiftiReader build() {
            return new NiftiReader(this);
        }
    }
}
