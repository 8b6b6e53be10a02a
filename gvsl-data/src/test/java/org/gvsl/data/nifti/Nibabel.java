package org.gvsl.data.nifti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test fixtures written by nibabel ({@code src/test/resources/org/gvsl/data/nifti/nibabel/make_fixtures.py}),
 * their description {@code fixtures.json}, and nibabel's view of files our writer wrote (the same script run with
 * {@code --describe}, where Debian's {@code python3-nibabel} is installed).
 */
final class Nibabel {

    private static final String FOLDER = "nibabel/";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Nibabel() {
    }

    /** The whole of {@code fixtures.json}. */
    static JsonNode fixtures() {
        try (InputStream in = Nibabel.class.getResourceAsStream(FOLDER + "fixtures.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of {@code fixtures.json}'s {@code files}. */
    static List<JsonNode> fixtureFiles() {
        List<JsonNode> files = new ArrayList<>();
        fixtures().get("files").forEach(files::add);
        return files;
    }

    /** A file of the fixture folder. */
    static Path resource(String name) {
        URL url = Nibabel.class.getResource(FOLDER + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + FOLDER + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code /usr/bin/python3} can import nibabel. */
    static boolean installed() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import nibabel").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** nibabel's description of each file, in the form of {@code fixtures.json}'s {@code files} entries. */
    static List<JsonNode> describe(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), resource("make_fixtures.py").toString(),
                "--describe"));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nibabel did not finish");
        assertEquals(0, p.exitValue(), "nibabel failed: " + err);
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(out).forEach(list::add);
        return list;
    }

    /** A JSON array of numbers as {@code double[]}. */
    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    /** Asserts that a 4×4 affine agrees with a JSON 4×4 array within {@code tolerance} (mm). */
    static void assertAffine(JsonNode expected, double[][] actual, double tolerance, String what) {
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(doubles(expected.get(r)), actual[r], tolerance, what + " row " + r);
        }
    }

    /**
     * How far nibabel's qform may be from ours for a NIfTI-1 half-turn quaternion. A rotation by 180° has
     * {@code a = 0}, so {@code b² + c² + d² = 1}, which float32 {@code quatern} values meet only to rounding.
     * {@code nifti1_io}, FSL and we take {@code a = 0} when {@code 1 − b² − c² − d² < 1e-7}; nibabel before 5.1 takes
     * {@code a = √(1 − b² − c² − d²)} for any positive rounding residue, up to {@code √(3·eps32) ≈ 6e-4}
     * (nipy/nibabel#1181, fixed by #1182), which moves each affine entry by up to {@code 2·a} times the voxel size.
     * Zero for every other qform.
     */
    static double halfTurnError(NiftiHeader h) {
        NiftiQform q = h.qform();
        double residue = 1 - (q.b() * q.b() + q.c() * q.c() + q.d() * q.d());
        if (h.format() != NiftiFormat.NIFTI_1 || residue >= 1e-7) {
            return 0;
        }
        double largestVoxel = 0;
        for (double size : h.geometry().spacing()) {
            largestVoxel = Math.max(largestVoxel, size);
        }
        return 2 * Math.sqrt(3 * Math.ulp(1f)) * largestVoxel;
    }

    /**
     * Asserts that our extensions are nibabel's: same codes, and our content (which holds the zero padding to 16
     * bytes) starts with nibabel's and is zeros after it.
     */
    static void assertExtensions(JsonNode expected, List<NiftiExtension> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of extensions");
        for (int i = 0; i < actual.size(); i++) {
            byte[] theirs = HexFormat.of().parseHex(expected.get(i).get("content").asText());
            byte[] ours = actual.get(i).content();
            assertEquals(expected.get(i).get("code").asInt(), actual.get(i).code(), what + ": ecode " + i);
            assertTrue(ours.length >= theirs.length && ours.length - theirs.length < 16, what + ": extension " + i
                    + " holds " + ours.length + " bytes, nibabel's " + theirs.length);
            for (int b = 0; b < ours.length; b++) {
                assertEquals(b < theirs.length ? theirs[b] : 0, ours[b], what + ": extension " + i + " byte " + b);
            }
        }
    }
}
