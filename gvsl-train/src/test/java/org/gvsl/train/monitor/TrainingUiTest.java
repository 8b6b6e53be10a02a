package org.gvsl.train.monitor;

import org.gvsl.model.gvsl.GvslGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingUiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesDl4jsSameDiffPageAndTheRunsStatisticsOverHttp(@TempDir Path dir) throws Exception {
        Path stats = dir.resolve(UiStats.FILE);
        UiStatsFixture.write(stats);
        URI page;
        try (TrainingUi ui = TrainingUi.start(stats, 0)) {
            page = ui.url();
            assertEquals(URI.create("http://localhost:" + ui.port() + UiStatsModule.PAGE), page);

            HttpResponse<byte[]> html = get(page);
            assertEquals(200, html.statusCode());
            String text = new String(html.body(), StandardCharsets.UTF_8);
            assertTrue(text.contains("<title>SameDiff Graph Visualization</title>")
                    && text.contains("id=\"fileselect\""), "DL4J's SameDiff page");
            assertTrue(text.contains("<script src=\"" + UiStatsModule.LOADER + "\"></script>"), "with the loader");
            String loader = new String(get(page.resolve(UiStatsModule.LOADER)).body(), StandardCharsets.UTF_8);
            assertTrue(loader.contains("fetch(dataUrl") && loader.contains("readGraphStructure()"), loader);
            Matcher asset = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(text);
            int assets = 0;
            for (; asset.find(); assets++) {
                assertEquals(200, get(page.resolve(asset.group(1))).statusCode(), asset.group(1));
            }
            assertTrue(assets > 30, "every script and style sheet of the page is served (" + assets + ")");

            HttpResponse<byte[]> data = get(page.resolve(UiStatsModule.DATA));
            assertEquals(200, data.statusCode());
            assertArrayEquals(Files.readAllBytes(stats), data.body());
            Path fetched = dir.resolve("fetched.bin");
            Files.write(fetched, data.body());
            assertTrue(UiStatsFixture.variableNames(fetched).contains(UiStatsFixture.WEIGHT), "the graph structure");
            assertEquals(Map.of(0, UiStatsFixture.LOSSES[0], 1, UiStatsFixture.LOSSES[1]),
                    UiStatsFixture.scalars(fetched, "losses/" + GvslGraph.LOSS_TOTAL), "the losses the page plots");
        }
        assertThrows(ConnectException.class, () -> get(page), "stopped on close");
    }

    @Test
    void aMissingFileOrABusyPortIsNamed(@TempDir Path dir) throws Exception {
        IOException e = assertThrows(IOException.class, () -> TrainingUi.start(dir.resolve(UiStats.FILE), 0));
        assertTrue(e.getMessage().contains("no UI statistics file " + dir.resolve(UiStats.FILE)), e.getMessage());

        Path stats = dir.resolve(UiStats.FILE);
        UiStatsFixture.write(stats);
        try (ServerSocket busy = new ServerSocket(0)) {
            e = assertThrows(IOException.class, () -> TrainingUi.start(stats, busy.getLocalPort()));
            assertTrue(e.getMessage().contains("cannot start DL4J's UI server on port " + busy.getLocalPort()),
                    e.getMessage());
        }
    }
}
