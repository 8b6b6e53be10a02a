package org.gvsl.model.file;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Where a model's weights come from, as recorded in its model file. Fields that the source does not know (an
 * imported checkpoint has no step count) are null.
 *
 * @param source         how the weights were made, e.g. {@code gvsl pretrain} or {@code gvsl import of FILE}
 * @param steps          pre-training steps (Adam updates) the weights have seen; null when unknown
 * @param seed           the run's seed; null when unknown
 * @param data           what the model was trained on, in words; null when unknown
 * @param projectVersion the version of gvsl that wrote the file ({@code development build} from an IDE)
 * @param created        when the file was written, ISO-8601 with offset
 */
public record Provenance(String source, Integer steps, Long seed, String data, String projectVersion,
                         String created) {

    public Provenance {
        if (source == null || source.isBlank() || created == null) {
            throw new IllegalArgumentException("a provenance needs a source and a creation time, got source="
                    + source + ", created=" + created);
        }
        if (steps != null && steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
    }

    /** A provenance created now by this version of gvsl. */
    public static Provenance now(String source, Integer steps, Long seed, String data) {
        return new Provenance(source, steps, seed, data, writerVersion(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The version of this library from its jar's manifest, or {@code development build} (classes, an IDE). */
    public static String writerVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** One line: source, steps, seed, data, version and time, leaving out what is unknown. */
    public String describe() {
        StringBuilder s = new StringBuilder(source);
        if (steps != null) {
            s.append(", ").append(steps).append(" steps");
        }
        if (seed != null) {
            s.append(", seed ").append(seed);
        }
        if (data != null) {
            s.append(", data: ").append(data);
        }
        s.append(", written by gvsl ").append(projectVersion).append(" at ").append(created);
        return s.toString();
    }
}
