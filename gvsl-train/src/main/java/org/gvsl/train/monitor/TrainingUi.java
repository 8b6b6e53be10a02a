package org.gvsl.train.monitor;

import org.deeplearning4j.exception.DL4JException;
import org.deeplearning4j.ui.VertxUIServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's {@code ui-stats.bin} ({@link UiStats}) served by DL4J's training UI: DL4J's web server with its SameDiff
 * page showing the file's loss plots and graph ({@link UiStatsModule}), at {@link #url()} until {@link #close()}.
 *
 * <p>DL4J's server is one per JVM, so one file is served at a time. It listens on all network interfaces (DL4J
 * offers no choice of address); the URL names this machine.
 */
public final class TrainingUi implements AutoCloseable {

    /** DL4J's default port. */
    public static final int DEFAULT_PORT = VertxUIServer.DEFAULT_UI_PORT;

    private static TrainingUi current;

    private final VertxUIServer server;

    private TrainingUi(VertxUIServer server) {
        this.server = server;
    }

    /**
     * Starts DL4J's UI server on {@code port} (0: any free port) serving {@code statsFile}.
     *
     * @throws IOException           naming the file when it is not a regular file, or the port when the server
     *                               cannot listen on it
     * @throws IllegalStateException when this JVM already serves a file
     */
    public static synchronized TrainingUi start(Path statsFile, int port) throws IOException {
        if (!Files.isRegularFile(statsFile)) {
            throw new IOException("no UI statistics file " + statsFile + " (gvsl pretrain --ui-stats writes one)");
        }
        if (current != null) {
            throw new IllegalStateException("DL4J's UI server already serves a run in this JVM, at " + current.url());
        }
        UiStatsModule.serve(statsFile.toAbsolutePath());
        try {
            current = new TrainingUi(VertxUIServer.getInstance(port, false, null));
        } catch (DL4JException e) {
            stopServer(); // DL4J keeps a server that failed to listen as its instance, and its Vert.x threads
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IOException("cannot start DL4J's UI server on port " + port + ": " + root.getMessage(), e);
        }
        return current;
    }

    /** The page showing the run, on this machine. */
    public URI url() {
        return URI.create(server.getAddress() + UiStatsModule.PAGE);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /** Stops the server (an interrupt while it stops is passed on to the calling thread). */
    @Override
    public void close() {
        synchronized (TrainingUi.class) {
            try {
                stopServer();
            } finally {
                current = null;
                UiStatsModule.serve(null);
            }
        }
    }

    private static void stopServer() {
        try {
            VertxUIServer.stopInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DL4J's UI server: " + e.getMessage(), e);
        }
    }
}
