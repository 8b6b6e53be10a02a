package org.gvsl.train.monitor;

import org.gvsl.model.backend.GraphRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewImageTest {

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    @Test
    void drawsTheMiddleSlicesOfElementZeroClamped(@TempDir Path dir) throws Exception {
        // 8³ volumes: value 0.5 everywhere, 2.0 (clamped to white) in the voxel at the centre (4, 4, 4).
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 1, 8, 8, 8).addi(0.5);
        a.putScalar(new long[] {0, 0, 4, 4, 4}, 2.0);
        Map<String, INDArray> volumes = new LinkedHashMap<>();
        volumes.put("fixed", a);
        volumes.put("target", Nd4j.zeros(DataType.FLOAT, 2, 1, 8, 8, 8));
        Path file = dir.resolve(PreviewImage.FILE);
        PreviewImage.write(volumes, Map.of(), file);
        BufferedImage image = ImageIO.read(file.toFile());
        int scale = 12;    // 8 voxels → at least 96 pixels
        int tile = 8 * scale;
        assertEquals(64 + 2 * (tile + 4), image.getWidth());
        assertEquals(18 + 3 * (tile + 4), image.getHeight());
        for (int row = 0; row < 3; row++) {
            int y0 = 18 + row * (tile + 4);
            assertEquals(0xFFFFFF, image.getRGB(64 + 4 * scale, y0 + 4 * scale) & 0xFFFFFF, "centre of plane " + row);
            assertEquals(128, image.getRGB(64, y0) & 0xFF, "grey 0.5 in plane " + row);
            assertEquals(0, image.getRGB(64 + tile + 4, y0) & 0xFF, "target is black");
        }
    }

    @Test
    void aVolumeOfAnotherShapeIsNamed() {
        Map<String, INDArray> volumes = new LinkedHashMap<>();
        volumes.put("fixed", Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 8));
        volumes.put("warped", Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreviewImage.render(volumes, Map.of()));
        assertTrue(e.getMessage().contains("preview volume 'warped' must be [N, 1, D, H, W] like 'fixed'"), e.getMessage());
    }

    @Test
    void captionsAddLinesUnderTheTitlesAndMustNameAColumn() {
        Map<String, INDArray> volumes = new LinkedHashMap<>();
        volumes.put("moving", Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 8));
        volumes.put("warped", Nd4j.zeros(DataType.FLOAT, 1, 1, 8, 8, 8));
        int tile = 96;
        BufferedImage two = PreviewImage.render(volumes, Map.of("warped", "NCC 0.655\nDice 0.713", "moving", "NCC 0.4"));
        assertEquals(18 + 2 * 16 + 3 * (tile + 4), two.getHeight());
        boolean written = false;    // some caption pixel of the warped column is not the dark-grey background
        for (int y = 18; y < 18 + 2 * 16; y++) {
            for (int x = 64 + tile + 4; x < 64 + 2 * tile + 4; x++) {
                written |= (two.getRGB(x, y) & 0xFFFFFF) != 0x404040;
            }
        }
        assertTrue(written, "the caption is drawn below the title");
        assertEquals(0, two.getRGB(64, 18 + 2 * 16) & 0xFF, "the slices start below the captions");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreviewImage.render(volumes, Map.of("restored", "x")));
        assertTrue(e.getMessage().contains("caption for 'restored', which is not a preview column [moving, warped]"),
                e.getMessage());
    }
}
