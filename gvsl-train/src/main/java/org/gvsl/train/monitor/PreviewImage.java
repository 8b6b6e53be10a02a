package org.gvsl.train.monitor;

import org.gvsl.core.io.AtomicFile;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A PNG of one pair as the model currently sees it ({@code preview.png}): one column per named volume (e.g.
 * fixed, moving, warped, restored, target, |warped − target|) and one row per plane through the volume's centre
 * (axial: the middle D slice; coronal: middle H; sagittal: middle W). Shows batch element 0 of each
 * {@code [N, 1, D, H, W]} array, grey values {@code clamp(v, 0, 1)} (the training intensities), each slice
 * enlarged by an integer factor to at least {@value #MIN_TILE} pixels. Each column is headed by its name and an
 * optional caption of one or more lines (e.g. the pair's NCC). Written atomically.
 */
public final class PreviewImage {

    /** The file name in the run folder. */
    public static final String FILE = "preview.png";
    /** Smallest drawn side of a slice, pixels. */
    static final int MIN_TILE = 96;

    /** Height of one line of a column's heading, pixels. */
    private static final int LINE_HEIGHT = 16;
    private static final int LABEL_HEIGHT = 18;
    private static final int LABEL_WIDTH = 64;
    private static final int GAP = 4;
    private static final String[] PLANES = {"axial", "coronal", "sagittal"};

    private PreviewImage() {
    }

    /**
     * Renders the named volumes (in map order) into an image.
     *
     * @param volumes  column title → array {@code [N, 1, D, H, W]}, all of one spatial size
     * @param captions column title → caption under it (lines separated by {@code \n}); columns without one have none
     * @throws IllegalArgumentException naming the volume whose shape differs from the first, or a caption of no column
     */
    public static BufferedImage render(Map<String, INDArray> volumes, Map<String, String> captions) {
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("nothing to preview");
        }
        List<String> names = List.copyOf(volumes.keySet());
        for (String captioned : captions.keySet()) {
            if (!volumes.containsKey(captioned)) {
                throw new IllegalArgumentException("caption for '" + captioned + "', which is not a preview column "
                        + names);
            }
        }
        int captionLines = captions.values().stream().mapToInt(c -> c.split("\\R", -1).length).max().orElse(0);
        int header = LABEL_HEIGHT + captionLines * LINE_HEIGHT;
        long[] shape = volumes.get(names.get(0)).shape();
        for (String name : names) {
            long[] s = volumes.get(name).shape();
            if (s.length != 5 || s[1] != 1 || !Arrays.equals(Arrays.copyOfRange(s, 2, 5), Arrays.copyOfRange(shape, 2, 5))) {
                throw new IllegalArgumentException("preview volume '" + name + "' must be [N, 1, D, H, W] like '"
                        + names.get(0) + "' " + Arrays.toString(shape) + ", got " + Arrays.toString(s));
            }
        }
        int d = (int) shape[2];
        int h = (int) shape[3];
        int w = (int) shape[4];
        int scale = Math.max(1, (MIN_TILE + Math.max(d, Math.max(h, w)) - 1) / Math.max(d, Math.max(h, w)));
        int tile = scale * Math.max(d, Math.max(h, w));
        int width = LABEL_WIDTH + names.size() * (tile + GAP);
        int height = header + PLANES.length * (tile + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            for (int c = 0; c < names.size(); c++) {
                int x = LABEL_WIDTH + c * (tile + GAP) + 2;
                g.drawString(names.get(c), x, LABEL_HEIGHT - 5);
                String caption = captions.get(names.get(c));
                if (caption != null) {
                    String[] lines = caption.split("\\R", -1);
                    for (int l = 0; l < lines.length; l++) {
                        g.drawString(lines[l], x, LABEL_HEIGHT - 5 + (l + 1) * LINE_HEIGHT);
                    }
                }
            }
            for (int r = 0; r < PLANES.length; r++) {
                g.drawString(PLANES[r], 4, header + r * (tile + GAP) + tile / 2);
            }
        } finally {
            g.dispose();
        }
        for (int c = 0; c < names.size(); c++) {
            float[] v = volumes.get(names.get(c)).slice(0).dup('c').data().asFloat();
            int x0 = LABEL_WIDTH + c * (tile + GAP);
            for (int r = 0; r < PLANES.length; r++) {
                int y0 = header + r * (tile + GAP);
                // plane r: rows × cols of the slice, and the flat index of (row, col)
                int rows = r == 0 ? h : d;
                int cols = r == 2 ? h : w;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        int index = switch (r) {
                            case 0 -> ((d / 2) * h + i) * w + j;
                            case 1 -> (i * h + h / 2) * w + j;
                            default -> (i * h + j) * w + w / 2;
                        };
                        int grey = (int) Math.round(255 * Math.min(1, Math.max(0, v[index])));
                        if (Float.isNaN(v[index])) {
                            grey = 0;
                        }
                        int rgb = grey << 16 | grey << 8 | grey;
                        for (int a = 0; a < scale; a++) {
                            for (int b = 0; b < scale; b++) {
                                image.setRGB(x0 + j * scale + b, y0 + i * scale + a, rgb);
                            }
                        }
                    }
                }
            }
        }
        return image;
    }

    /** Renders ({@link #render}) and writes the PNG atomically ({@link AtomicFile}). */
    public static void write(Map<String, INDArray> volumes, Map<String, String> captions, Path file)
            throws IOException {
        BufferedImage image = render(volumes, captions);
        AtomicFile.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }
}
