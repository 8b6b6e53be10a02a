package org.gvsl.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceCasesTest {

    @TempDir
    Path dir;

    private void write(String file, INDArray array) throws IOException {
        Files.write(dir.resolve(file), Nd4j.toNpyByteArray(array));
    }

    private ReferenceCases folder(String casesJson) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"seed\": 9, \"cases\": {" + casesJson + "}}");
        return ReferenceCases.open(dir);
    }

    @Test
    void eachOutputIsHeldToTheToleranceItsManifestEntryStates() throws IOException {
        write("c__y.npy", Nd4j.createFromArray(1.0, -40.0));
        write("c__z.npy", Nd4j.createFromArray(2.0f));
        ReferenceCase c = folder("\"c\": {\"eps\": 1e-3, \"arrays\": {"
                + "\"y\": {\"file\": \"c__y.npy\", \"tolerance\": {\"atol_rel_to_max\": 1e-3, \"rtol\": 0.5}},"
                + "\"z\": {\"file\": \"c__z.npy\", \"tolerance\": {\"atol\": 0.25, \"rtol\": 0}},"
                + "\"x\": {\"file\": \"c__z.npy\"},"
                + "\"w\": {\"file\": \"c__z.npy\", \"tolerance\": {\"atol\": 0.25}}}}").get("c");
        Tolerance y = c.tolerance("y");
        assertEquals(0.04, y.atol(), 1e-15);   // 1e-3 × max(1, 40)
        assertEquals(0.5, y.rtol());
        assertEquals(new Tolerance(0.25, 0), c.tolerance("z"));
        assertTrue(c.check("z", Nd4j.createFromArray(2.25f)).passed());
        assertFalse(c.check("z", Nd4j.createFromArray(2.3f)).passed());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.tolerance("x"));
        assertEquals("array x of case c is an input (no tolerance)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.tolerance("w"));
        assertTrue(e.getMessage().startsWith("array w of case c has a tolerance with neither atol nor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.array("v"));
        assertEquals("case c has no array \"v\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.check("y", Nd4j.zeros(3)));
        assertEquals("case c, output y: shape mismatch: actual [3] vs expected [2]", e.getMessage());
    }

    @Test
    void anAttributeThisBuildDoesNotImplementIsUnsupportedNotAFailure() throws IOException {
        ReferenceCase c = folder("\"c\": {\"eps\": 1e-3, \"arrays\": {}}").get("c");
        c.requireAttribute("eps", 1e-3, "Thing");
        UnsupportedCaseException e = assertThrows(UnsupportedCaseException.class,
                () -> c.requireAttribute("eps", 1e-5, "Thing"));
        assertEquals("case c has eps = 0.001; this build's Thing implements eps = 1.0E-5 only", e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> c.requireAttribute("groups", 2, "Thing"));
        assertEquals("case c has no attribute \"groups\"", missing.getMessage());
    }

    @Test
    void extractWritesTheNamedCasesWithEveryFileTheyNameAndReadsBackTheSame() throws IOException {
        ReferenceCases bundled = ReferenceCases.bundled();
        Path copy = dir.resolve("copy");
        bundled.extract(List.of("unet", "bezier"), copy);
        ReferenceCases extracted = ReferenceCases.open(copy);
        assertEquals(List.of("unet", "bezier"), extracted.names());
        // unet names the shared weights file of the weights case: it comes along.
        assertTrue(Files.isRegularFile(copy.resolve("gvsl_weights.npz")));
        assertArrayEquals(bundled.get("unet").file("gvsl_weights.npz"), extracted.get("unet").file("gvsl_weights.npz"));
        assertEquals(bundled.get("bezier").array("y"), extracted.get("bezier").array("y"));
        assertEquals(bundled.get("bezier").attribute("n_times"), extracted.get("bezier").attribute("n_times"));
        assertFalse(Files.exists(copy.resolve("ncc__I.npy")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bundled.extract(List.of("nope"), dir.resolve("other")));
        assertTrue(e.getMessage().startsWith("no case \"nope\" in bundled cases"), e.getMessage());
    }

    @Test
    void aFolderWithoutAManifestIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceCases.open(dir));
        assertEquals("not a reference-case folder (no manifest.json): " + dir, e.getMessage());
    }
}
