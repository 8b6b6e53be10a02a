package org.gvsl.selfcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.reference.ReferenceCases;
import org.gvsl.reference.SelfCheck;
import org.gvsl.reference.Tolerance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A copy of bundled reference cases in a temporary folder, to alter for a test, and runs of the self-check. */
public final class CaseFolder {

    private final Path dir;

    private CaseFolder(Path dir) {
        this.dir = dir;
    }

    /** Copies the named bundled cases into {@code dir}. */
    public static CaseFolder copyOfBundled(Path dir, String... names) throws IOException {
        ReferenceCases.bundled().extract(List.of(names), dir);
        return new CaseFolder(dir);
    }

    public Path path() {
        return dir;
    }

    public ReferenceCases cases() {
        return ReferenceCases.open(dir);
    }

    /** Edits the manifest entry of one case. */
    public void editCase(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve("manifest.json");
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        edit.accept((ObjectNode) root.get("cases").get(name));
        json.writeValue(manifest.toFile(), root);
    }

    /**
     * Moves the last element of the float32 output {@code key} of a case by {@code fraction} of its allowed error
     * ({@code atol + rtol·|value|}), rewriting the {@code .npy} in place (little-endian {@code <f4}, C order: the
     * last element is the file's last 4 bytes).
     */
    public void perturbLastElement(String caseName, String key, double fraction) throws IOException {
        ReferenceCase c = cases().get(caseName);
        Tolerance tolerance = c.tolerance(key);
        if (!c.arrayEntry(key).get("dtype").asText().equals("float32")) {
            throw new IllegalArgumentException(key + " is not a float32 array");
        }
        Path file = dir.resolve(c.fileOf(key));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int last = bytes.length - Float.BYTES;
        float value = data.getFloat(last);
        double allowed = tolerance.atol() + tolerance.rtol() * Math.abs(value);
        data.putFloat(last, (float) (value + fraction * allowed));
        Files.write(file, bytes);
    }

    /** The lines and summary of one self-check run. */
    public record Run(SelfCheck.Summary summary, List<String> lines) {

        /** The line of one output ({@code CASE OUTPUT …}) or of a whole case ({@code CASE - …}). */
        public String line(String caseName, String output) {
            String prefix = caseName + " " + output + " ";
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line " + prefix + "… in\n" + String.join("\n", lines)));
        }
    }

    /** Runs {@code selfCheck} on every case of this folder. */
    public Run run(SelfCheck selfCheck) {
        return run(selfCheck, cases());
    }

    /** Runs {@code selfCheck} on every case of {@code cases}, collecting the printed lines. */
    public static Run run(SelfCheck selfCheck, ReferenceCases cases) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SelfCheck.Summary summary = selfCheck.run(cases, List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(summary, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
