package org.gvsl.train.monitor;

import io.vertx.ext.web.RoutingContext;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.core.storage.StatsStorageEvent;
import org.deeplearning4j.ui.api.HttpMethod;
import org.deeplearning4j.ui.api.Route;
import org.deeplearning4j.ui.api.UIModule;
import org.deeplearning4j.ui.i18n.I18NResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The DL4J UI module that shows a run's {@code ui-stats.bin}: DL4J's own SameDiff page ({@value #DL4J_PAGE} of
 * {@code deeplearning4j-vertx}) with the file loaded into it as its "Select File" button would, by a small script
 * ({@value #LOADER}).
 *
 * <p>Routes: {@value #PAGE} the page (the loss plots; {@code #graph} for the graph), {@value #DATA} the file, read
 * afresh for every request (reloading the page shows a running training's latest steps), {@value #LOADER} the
 * script.
 *
 * <p>Why a module, and why the file is static: DL4J's SameDiff page reads files only from the browser's file
 * chooser, and its server ({@code VertxUIServer}, one per JVM) takes further pages only as modules that it creates
 * itself, with no arguments, through the service loader ({@code META-INF/services}). So {@link TrainingUi} sets
 * the file here before it starts the server.
 */
public final class UiStatsModule implements UIModule {

    /** The page showing the run. */
    public static final String PAGE = "/gvsl/run";
    /** The run's statistics file, as the page loads it. */
    public static final String DATA = "/gvsl/ui-stats.bin";
    /** The script that loads {@link #DATA} into DL4J's page. */
    public static final String LOADER = "/gvsl/load-run.js";

    private static final String DL4J_PAGE = "templates/SameDiffUI.html";
    private static final String LOADER_RESOURCE = "load-run.js";
    private static final String BODY_END = "</body>";

    private static volatile Path served;

    /** For DL4J's service loader. */
    public UiStatsModule() {
    }

    /** Sets the file the module serves (before the server starts). */
    static void serve(Path statsFile) {
        served = statsFile;
    }

    @Override
    public List<Route> getRoutes() {
        return List.of(
                new Route(PAGE, HttpMethod.GET, (args, rc) -> send(rc, "text/html; charset=utf-8", page())),
                new Route(DATA, HttpMethod.GET, (args, rc) -> sendStats(rc)),
                new Route(LOADER, HttpMethod.GET, (args, rc) -> send(rc, "text/javascript; charset=utf-8",
                        resource(UiStatsModule.class.getResourceAsStream(LOADER_RESOURCE), LOADER_RESOURCE))));
    }

    /** DL4J's SameDiff page with the loader script added at the end of its body. */
    static String page() {
        String html = resource(UiStatsModule.class.getClassLoader().getResourceAsStream(DL4J_PAGE), DL4J_PAGE);
        int end = html.lastIndexOf(BODY_END);
        if (end < 0) {
            throw new IllegalStateException(DL4J_PAGE + " of deeplearning4j-vertx has no " + BODY_END);
        }
        return html.substring(0, end) + "<script src=\"" + LOADER + "\"></script>\n" + html.substring(end);
    }

    private static void sendStats(RoutingContext rc) {
        Path file = served;
        if (file == null || !Files.isRegularFile(file)) {
            rc.response().setStatusCode(404).end("no UI statistics file is served");
            return;
        }
        rc.response().putHeader("content-type", "application/octet-stream")
                .putHeader("cache-control", "no-store").sendFile(file.toString());
    }

    private static void send(RoutingContext rc, String contentType, String body) {
        rc.response().putHeader("content-type", contentType).end(body);
    }

    private static String resource(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is not on the class path");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    @Override
    public List<String> getCallbackTypeIDs() {
        return List.of();
    }

    @Override
    public void reportStorageEvents(Collection<StatsStorageEvent> events) {
        // The page reads the file itself; DL4J's stats storage is not involved.
    }

    @Override
    public void onAttach(StatsStorage statsStorage) {
        // As above.
    }

    @Override
    public void onDetach(StatsStorage statsStorage) {
        // As above.
    }

    @Override
    public List<I18NResource> getInternationalizationResources() {
        return List.of();
    }
}
