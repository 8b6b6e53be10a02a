package org.gvsl.train.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.core.io.AtomicFile;
import org.gvsl.train.config.ConfigJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The record of a finished sub-run, {@value #FILE} in its run folder, written atomically once the run has ended:
 * its presence is what marks the sub-run as done, so an experiment that is continued skips it and reads its
 * outcome from here. JSON, NaN written as {@code null}:
 * <pre>
 * {"status":"COMPLETED","seconds":41.2,"score":0.71,"bestStep":150,"cases":{"case_006":0.69,…}}
 * {"status":"COMPLETED","seconds":95.0,"steps":200,"registration":[{"pair":"…","nccBefore":0.31,…}]}
 * </pre>
 */
public final class OutcomeFile {

    /** The file name in a sub-run's folder. */
    public static final String FILE = "experiment-outcome.json";

    private OutcomeFile() {
    }

    /** Writes the outcome into the folder, atomically. */
    public static void write(Path folder, Outcome outcome) throws IOException {
        ObjectNode json = ConfigJson.mapper().createObjectNode();
        json.put("status", outcome.status().name());
        number(json, "seconds", outcome.seconds());
        if (outcome instanceof Outcome.Transferred t) {
            number(json, "score", t.score());
            json.put("bestStep", t.bestStep());
            ObjectNode cases = json.putObject("cases");
            t.cases().forEach((name, v) -> number(cases, name, v));
        } else if (outcome instanceof Outcome.Pretrained p) {
            json.put("steps", p.steps());
            ArrayNode pairs = json.putArray("registration");
            for (Outcome.Registration r : p.registration()) {
                ObjectNode o = pairs.addObject();
                o.put("pair", r.pair());
                number(o, "nccBefore", r.nccBefore());
                number(o, "nccAfter", r.nccAfter());
                number(o, "diceBefore", r.diceBefore());
                number(o, "diceAfter", r.diceAfter());
            }
        }
        AtomicFile.write(folder.resolve(FILE), tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, json);
            }
        });
    }

    /**
     * The outcome recorded in a folder, if any.
     *
     * @param transfer whether the folder is a transfer run's (else a pre-training's)
     * @throws IOException naming the file when it cannot be read or lacks a field
     */
    public static Optional<Outcome> read(Path folder, boolean transfer) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = ConfigJson.mapper().readTree(file.toFile());
            Outcome.Status status = Outcome.Status.valueOf(text(json, "status").toUpperCase(Locale.ROOT));
            double seconds = number(json, "seconds");
            if (transfer) {
                Map<String, Double> cases = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = field(json, "cases").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    cases.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble());
                }
                return Optional.of(new Outcome.Transferred(status, number(json, "score"), cases,
                        field(json, "bestStep").asInt(), seconds));
            }
            List<Outcome.Registration> pairs = new ArrayList<>();
            for (JsonNode o : field(json, "registration")) {
                pairs.add(new Outcome.Registration(text(o, "pair"), number(o, "nccBefore"), number(o, "nccAfter"),
                        number(o, "diceBefore"), number(o, "diceAfter")));
            }
            return Optional.of(new Outcome.Pretrained(status, field(json, "steps").asInt(), seconds, pairs));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the sub-run record " + file + ": " + e.getMessage()
                    + " (delete it to run the sub-run again)", e);
        }
    }

    private static void number(ObjectNode json, String name, double value) {
        if (Double.isFinite(value)) {
            json.put(name, value);
        } else {
            json.putNull(name);
        }
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode json, String name) {
        return field(json, name).asText();
    }

    private static double number(JsonNode json, String name) {
        JsonNode v = field(json, name);
        return v.isNull() ? Double.NaN : v.asDouble();
    }
}
