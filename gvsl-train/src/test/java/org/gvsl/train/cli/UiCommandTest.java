package org.gvsl.train.cli;

import org.gvsl.train.monitor.UiStats;
import org.gvsl.train.monitor.UiStatsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiCommandTest {

    private static final Pattern URL = Pattern.compile("at (http://localhost:\\d+/\\S+) \\(Ctrl-C to stop\\)");

    @Test
    void printsThePagesUrlAndServesItUntilInterrupted(@TempDir Path dir) throws Exception {
        UiStatsFixture.write(dir.resolve(UiStats.FILE));
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        Thread command = new Thread(() -> status.set(Gvsl.run("ui", dir.toString(), "--port", "0")));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8)); // until the command has printed
        try {
            command.start();
            Matcher url = URL.matcher("");
            for (int i = 0; i < 1200 && !url.reset(out.toString(StandardCharsets.UTF_8)).find(); i++) {
                Thread.sleep(100);
            }
            assertTrue(url.reset(out.toString(StandardCharsets.UTF_8)).find(), "printed: " + out);
            URI page = URI.create(url.group(1));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(page).GET().build();
            assertEquals(200, http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(command.isAlive(), "still serving");

            command.interrupt();
            command.join(60_000);
            assertFalse(command.isAlive());
            assertEquals(0, status.get());
            assertThrows(ConnectException.class, () -> http.send(get, HttpResponse.BodyHandlers.discarding()));
        } finally {
            command.interrupt();
            command.join(60_000);
            System.setOut(original);
        }
    }

    @Test
    void aRunWithoutStatisticsIsAUsageError(@TempDir Path dir) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Gvsl.run("ui", dir.toString());
        } finally {
            System.setErr(original);
        }
        assertEquals(2, status);
        assertEquals("gvsl ui: no ui-stats.bin in " + dir + " (run gvsl pretrain with --ui-stats)",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
