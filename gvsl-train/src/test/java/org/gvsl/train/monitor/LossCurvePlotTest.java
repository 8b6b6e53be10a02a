package org.gvsl.train.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossCurvePlotTest {

    @Test
    void drawsOnePanelPerTerm(@TempDir Path dir) throws Exception {
        LossHistory h = new LossHistory(List.of("loss_ncc", "loss_smooth", "loss_total"));
        for (int s = 1; s <= 50; s++) {
            h.add(s, Map.of("loss_ncc", 1.0 / s, "loss_smooth", s == 7 ? Double.NaN : 0.01, "loss_total", 1.0 / s + 0.01));
        }
        Path file = dir.resolve(LossCurvePlot.FILE);
        LossCurvePlot.write(h, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(3 * 520, image.getWidth());
        assertEquals(320, image.getHeight());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no temporary file left");
        }
        h = new LossHistory(List.of("a", "b", "c", "d"));
        h.add(1, Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0));
        LossCurvePlot.write(h, file);
        assertEquals(2 * 520, ImageIO.read(file.toFile()).getWidth());
    }

    @Test
    void anEmptyHistoryWritesNothing(@TempDir Path dir) throws Exception {
        LossCurvePlot.write(new LossHistory(List.of("a")), dir.resolve("x.png"));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void longRunsAreAveragedInEqualRunsAndNonFiniteValuesLeftOut() {
        int n = 2500;
        int[] steps = new int[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i + 1;
            values[i] = i < 3 ? 1 : 0;
        }
        values[1] = Double.POSITIVE_INFINITY;
        double[][] xy = LossCurvePlot.bucketMeans(steps, values);
        assertEquals(834, xy[0].length);   // runs of ceil(2500 / 1000) = 3
        assertArrayEquals(new double[] {2, 1}, new double[] {xy[0][0], xy[1][0]});
        assertTrue(xy[1][1] == 0);
    }
}
