package org.gvsl.train.cli;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiHeader;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.preprocess.CtIntensity;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
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
import java.util.List;
import java.util.SplittableRandom;

import static org.gvsl.train.cli.CliRun.gvsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeaturesCommandTest {

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void importTheReferenceWeights() throws IOException {
        model = dir.resolve("ref.gvsl");
        Outcome o = gvsl("import", "--npz", ReferenceFiles.weights(dir, "ref.npz").toString(), "--out", model.toString());
        assertEquals(0, o.status(), o.err());
    }

    private static Outcome features(String... args) {
        List<String> a = new ArrayList<>(List.of("features", "--model", model.toString()));
        a.addAll(List.of(args));
        return gvsl(a.toArray(String[]::new));
    }

    private static void assertUsageError(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void theImportedReferenceWeightsReproduceTheUnetCaseThroughTheCommandLine() throws IOException {
        ReferenceCase c = ReferenceFiles.reference("unet");
        List<OutputResult> results = new ArrayList<>();
        for (int i = 0; c.hasArray("x" + i); i++) {
            Path x = ReferenceFiles.npy(dir.resolve("x" + i + ".npy"), c.array("x" + i));
            Path f = dir.resolve("f" + i + ".npy");
            Path g = dir.resolve("g" + i + ".npy");
            Outcome o = features("--input", x.toString(), "--local-out", f.toString(), "--global-out", g.toString());
            assertEquals(0, o.status(), o.err());
            assertTrue(o.out().contains(".npy as it is"), o.out());
            INDArray local = ReferenceFiles.read(f);
            assertEquals(DataType.FLOAT, local.dataType());
            results.add(c.check("f" + i, local));
            results.add(c.check("g" + i, ReferenceFiles.read(g)));
        }
        assertEquals(6, results.size());
        results.forEach(r -> assertTrue(r.passed(), r.line()));
    }

    @Test
    void theStateDictItselfServesAsTheModel() throws IOException {
        ReferenceCase c = ReferenceFiles.reference("unet");
        INDArray x = c.array("x2");
        Path input = ReferenceFiles.npy(dir.resolve("x2-dhw.npy"), x.reshape(x.size(2), x.size(3), x.size(4)));
        Path f = dir.resolve("f2-npz.npy");
        Outcome o = gvsl("features", "--model", dir.resolve("ref.npz").toString(), "--input", input.toString(),
                "--local-out", f.toString());
        assertEquals(0, o.status(), o.err());
        OutputResult r = c.check("f2", ReferenceFiles.read(f));
        assertTrue(r.passed(), r.line());
    }

    @Test
    void aNiftiInputIsNormalisedAndItsFeaturesLieOnItsGrid() throws IOException {
        VolumeShape shape = new VolumeShape(12, 20, 18);
        float[] hu = new float[shape.voxelCount()];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (float) random.nextInt(-1024, 1500);
        }
        VolumeGeometry geometry = new VolumeGeometry(new double[] {2.5, 0.8, 0.8},
                new double[][] {{-0.8, 0, 0, 90}, {0, -0.8, 0, 100}, {0, 0, 2.5, -40}, {0, 0, 0, 1}});
        Volume image = new Volume(shape, hu, geometry);
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiWriter.write(image, nifti, NiftiDataType.INT16);
        Path normalised = ReferenceFiles.npy(dir.resolve("ct.npy"), Nd4j.create(CtIntensity.hounsfield().apply(image)
                .toArray(), new long[] {12, 20, 18}, DataType.FLOAT));

        Path f = dir.resolve("ct-f.nii.gz");
        Outcome o = features("--input", nifti.toString(), "--local-out", f.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("12×20×18, ct intensity"), o.out());
        NiftiHeader header = NiftiReader.readHeader(f);
        assertArrayEquals(new long[] {5, 18, 20, 12, 1, 8, 1, 1}, header.dim(), "an 8-component vector image");
        assertArrayEquals(geometry.affine()[0], header.affine()[0], 1e-5);
        assertArrayEquals(geometry.affine()[2], header.affine()[2], 1e-5);

        Path fromNpy = dir.resolve("ct-f.npy");
        assertEquals(0, features("--input", normalised.toString(), "--local-out", fromNpy.toString()).status());
        INDArray expected = ReferenceFiles.read(fromNpy);
        for (int channel : new int[] {0, 7}) {
            float[] component = NiftiReader.builder().optVolumeIndex(channel).build().read(f).volume().toArray();
            assertArrayEquals(expected.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(channel)).dup('c').data().asFloat(), component, 1e-6f,
                    "the NIfTI input got the CT window: channel " + channel);
        }

        Path raw = dir.resolve("ct-raw.npy");
        assertEquals(0, features("--input", nifti.toString(), "--local-out", raw.toString(), "--intensity", "none")
                .status());
        assertNotEquals(expected, ReferenceFiles.read(raw), "--intensity none leaves the HU as they are");
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() throws IOException {
        Path four = ReferenceFiles.npy(dir.resolve("four.npy"), Nd4j.zeros(DataType.FLOAT, 1, 8, 8, 8));
        String f = dir.resolve("f.npy").toString();
        assertUsageError(features("--input", four.toString(), "--local-out", f),
                "gvsl features: " + four + ": a .npy volume must have shape [D, H, W] or [1, 1, D, H, W], got [1, 8, 8, 8]");
        Path x = ReferenceFiles.npy(dir.resolve("x.npy"), Nd4j.zeros(DataType.FLOAT, 8, 8, 8));
        assertUsageError(features("--input", dir.resolve("none.nii.gz").toString(), "--local-out", f),
                dir.resolve("none.nii.gz") + ": no such file");
        assertUsageError(features("--input", x.toString(), "--local-out", dir.resolve("f.nii.gz").toString()),
                "a NIfTI output needs a NIfTI input (its geometry); the input was .npy: write .npy");
        assertUsageError(features("--input", x.toString(), "--local-out", f, "--global-out",
                dir.resolve("g.nii").toString()), "this output is not a volume on the image grid: write it as .npy");
        assertUsageError(features("--input", x.toString(), "--local-out", f, "--intensity", "pet"),
                "--intensity: unknown intensity 'pet', expected one of [ct, ct-soft-tissue, ct-shifted, mr, none]");
        Path text = Files.writeString(dir.resolve("model.txt"), "not a model");
        assertUsageError(gvsl("features", "--model", text.toString(), "--input", x.toString(), "--local-out", f),
                "gvsl features: " + text + ": not a readable zip archive");
        assertFalse(Files.exists(Path.of(f)), "nothing written");
    }
}
