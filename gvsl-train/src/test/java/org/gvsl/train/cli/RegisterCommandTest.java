package org.gvsl.train.cli;

import org.gvsl.data.nifti.NiftiHeader;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.volume.Volume;
import org.gvsl.model.gvsl.ModelWeights;
import org.gvsl.model.warp.NearestNeighbourWarp;
import org.gvsl.reference.OutputResult;
import org.gvsl.reference.ReferenceCase;
import org.gvsl.train.cli.CliRun.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.gvsl.train.cli.CliRun.gvsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

class RegisterCommandTest {

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void importTheReferenceWeights() throws IOException {
        model = dir.resolve("ref.gvsl");
        Outcome o = gvsl("import", "--npz", ReferenceFiles.weights(dir, "ref.npz").toString(), "--out", model.toString());
        assertEquals(0, o.status(), o.err());
    }

    private static Outcome register(String... args) {
        List<String> a = new ArrayList<>(List.of("register", "--model", model.toString()));
        a.addAll(List.of(args));
        return gvsl(a.toArray(String[]::new));
    }

    private static void assertUsageError(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void theImportedReferenceWeightsReproduceTheGvslStepCaseThroughTheCommandLine() throws IOException {
        ReferenceCase c = ReferenceFiles.reference("gvsl_step");
        INDArray fixed = c.array("fixed");
        INDArray moving = c.array("moving");
        List<INDArray> phi = new ArrayList<>();
        List<INDArray> warped = new ArrayList<>();
        List<INDArray> affine = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            INDArray a = fixed.get(interval(n, n + 1));
            // Sample 0 as [D, H, W], sample 1 as [1, 1, D, H, W]: both .npy forms.
            Path fixedFile = ReferenceFiles.npy(dir.resolve("fixed" + n + ".npy"),
                    n == 0 ? a.reshape(a.size(2), a.size(3), a.size(4)) : a);
            Path movingFile = ReferenceFiles.npy(dir.resolve("moving" + n + ".npy"), moving.get(interval(n, n + 1)));
            Path[] out = {dir.resolve("phi" + n + ".npy"), dir.resolve("w" + n + ".npy"), dir.resolve("a" + n + ".npy")};
            Outcome o = register("--fixed", fixedFile.toString(), "--moving", movingFile.toString(), "--dvf-out",
                    out[0].toString(), "--warped-out", out[1].toString(), "--affine-out", out[2].toString());
            assertEquals(0, o.status(), o.err());
            phi.add(ReferenceFiles.read(out[0]));
            warped.add(ReferenceFiles.read(out[1]));
            affine.add(ReferenceFiles.read(out[2]));
        }
        assertArrayEquals(new long[] {1, 3, 32, 32, 32}, phi.get(0).shape());
        assertArrayEquals(new long[] {1, 3, 4}, affine.get(0).shape());
        assertEquals(DataType.FLOAT, phi.get(0).dataType());
        List<OutputResult> results = List.of(c.check("phi", Nd4j.concat(0, phi.toArray(INDArray[]::new))),
                c.check("warped", Nd4j.concat(0, warped.toArray(INDArray[]::new))),
                c.check("A", Nd4j.concat(0, affine.toArray(INDArray[]::new))));
        results.forEach(r -> assertTrue(r.passed(), r.line()));
    }

    @Test
    void aSyntheticNiftiPairGivesNiftiFieldsAndLabelsOnTheFixedGrid() throws IOException {
        Path data = dir.resolve("synth");
        assertEquals(0, gvsl("data", "synth", "--out", data.toString(), "--count", "2", "--shape", "20,24,18",
                "--seed", "5").status());
        Path fixed = data.resolve("images/case_000.nii.gz");
        Path phi = dir.resolve("phi.nii.gz");
        Path phiNpy = dir.resolve("phi-nifti-input.npy");
        Path warped = dir.resolve("w.nii.gz");
        Path labels = dir.resolve("labels.nii.gz");
        Outcome o = register("--fixed", fixed.toString(), "--moving", data.resolve("images/case_001.nii.gz").toString(),
                "--dvf-out", phi.toString(), "--warped-out", warped.toString(), "--moving-labels",
                data.resolve("labels/case_001.nii.gz").toString(), "--labels-out", labels.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("20×24×18, ct intensity"), o.out());

        NiftiHeader fixedHeader = NiftiReader.readHeader(fixed);
        NiftiHeader field = NiftiReader.readHeader(phi);
        assertEquals(NiftiHeader.INTENT_VECTOR, field.intentCode());
        assertArrayEquals(new long[] {5, 18, 24, 20, 1, 3, 1, 1}, field.dim());
        for (NiftiHeader h : List.of(field, NiftiReader.readHeader(warped), NiftiReader.readHeader(labels))) {
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(fixedHeader.affine()[r], h.affine()[r], 1e-5, "the fixed image's geometry");
            }
        }

        INDArray dvf = Nd4j.zeros(DataType.FLOAT, 1, 3, 20, 24, 18);
        for (int c = 0; c < 3; c++) {
            float[] component = NiftiReader.builder().optVolumeIndex(c).build().read(phi).volume().toArray();
            dvf.get(interval(0, 1), interval(c, c + 1)).assign(Nd4j.create(component, new long[] {1, 1, 20, 24, 18},
                    DataType.FLOAT));
        }
        Volume movingLabels = NiftiReader.readVolume(data.resolve("labels/case_001.nii.gz"));
        INDArray expected = NearestNeighbourWarp.warp(Nd4j.create(movingLabels.toArray(), new long[] {1, 1, 20, 24, 18},
                DataType.FLOAT), dvf);
        float[] actual = NiftiReader.readVolume(labels).toArray();
        assertArrayEquals(expected.data().asFloat(), actual, 0f, "the labels warped by nearest neighbour with Φ");
        Set<Float> values = new TreeSet<>();
        for (float v : actual) {
            values.add(v);
        }
        assertTrue(values.size() > 2, "several labels survive: " + values);

        assertEquals(0, register("--fixed", fixed.toString(), "--moving", data.resolve("images/case_001.nii.gz")
                .toString(), "--dvf-out", phiNpy.toString(), "--warped-out", dir.resolve("w.npy").toString()).status());
        assertArrayEquals(ReferenceFiles.read(phiNpy).data().asFloat(), dvf.data().asFloat(), 0f,
                "the NIfTI field holds the .npy field's values, channels (D, H, W) in voxels");
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() throws IOException {
        Path a = ReferenceFiles.npy(dir.resolve("a.npy"), Nd4j.rand(DataType.FLOAT, 8, 8, 8));
        Path b = ReferenceFiles.npy(dir.resolve("b.npy"), Nd4j.rand(DataType.FLOAT, 8, 8, 9));
        Path flat = ReferenceFiles.npy(dir.resolve("flat.npy"), Nd4j.rand(DataType.FLOAT, 1, 8, 8));
        String phi = dir.resolve("bad-phi.npy").toString();
        String w = dir.resolve("bad-w.npy").toString();
        assertUsageError(register("--fixed", a.toString(), "--moving", b.toString(), "--dvf-out", phi, "--warped-out", w),
                "gvsl register: moving " + b + " is [8, 8, 9], but " + a + " is [8, 8, 8]: both must lie on one grid");
        assertUsageError(register("--fixed", flat.toString(), "--moving", flat.toString(), "--dvf-out", phi,
                "--warped-out", w), flat + " is 1×8×8: registration needs every axis of at least 2 voxels");
        assertUsageError(register("--fixed", a.toString(), "--moving", a.toString(), "--dvf-out", phi, "--warped-out",
                w, "--moving-labels", a.toString()), "--moving-labels and --labels-out go together");
        Path labels = ReferenceFiles.npy(dir.resolve("labels.npy"), Nd4j.zeros(DataType.INT32, 8, 8, 9));
        assertUsageError(register("--fixed", a.toString(), "--moving", a.toString(), "--dvf-out", phi, "--warped-out",
                w, "--moving-labels", labels.toString(), "--labels-out", dir.resolve("l.npy").toString()),
                "--moving-labels " + labels + " is [8, 8, 9], but " + a + " is [8, 8, 8]");
        assertUsageError(register("--fixed", a.toString(), "--moving", a.toString(), "--dvf-out", phi, "--warped-out",
                w, "--affine-out", dir.resolve("a.nii").toString()), "not a volume on the image grid");

        Map<String, INDArray> backbone = new LinkedHashMap<>();
        ModelWeights.readNpz(dir.resolve("ref.npz")).forEach((k, v) -> {
            if (k.startsWith("unet.")) {
                backbone.put(k, v);
            }
        });
        Path unet = dir.resolve("unet.npz");
        ModelWeights.writeNpz(backbone, unet);
        assertUsageError(gvsl("register", "--model", unet.toString(), "--fixed", a.toString(), "--moving", a.toString(),
                "--dvf-out", phi, "--warped-out", w), unet + " has no registration heads (it holds only the backbone)");
        assertTrue(Arrays.stream(new String[] {phi, w}).noneMatch(p -> Files.exists(Path.of(p))), "nothing written");
    }
}
