package org.gvsl.train.cli;

import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiHeader;
import org.gvsl.data.nifti.NiftiReader;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.eval.report.LabelMap;
import org.gvsl.model.file.PretrainedModel;
import org.gvsl.model.file.Provenance;
import org.gvsl.model.file.TransferModel;
import org.gvsl.model.file.TransferModelFile;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.model.transfer.TransferConfig;
import org.gvsl.model.transfer.TransferGraph;
import org.gvsl.model.transfer.TransferGraphFactory;
import org.gvsl.model.transfer.TransferTask;
import org.gvsl.train.TinyRun;
import org.gvsl.train.cli.CliRun.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.gvsl.train.cli.CliRun.gvsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictCommandTest {

    private static final int K = 3;

    @TempDir
    static Path dir;
    private static Path model;
    private static Path inputs;

    /** A tiny (untrained, seeded) 3-class segmentation model of window 16³, and two images, one smaller than it. */
    @BeforeAll
    static void writeModelAndImages() throws IOException {
        TransferConfig config = TransferConfig.builder(TransferTask.SEGMENTATION).setClasses(K)
                .optWidths(TinyRun.WIDTHS).optSeed(4).build();
        TransferGraph graph = TransferGraphFactory.build(config, SpatialSize.cube(16));
        model = dir.resolve("seg.gvsl");
        TransferModelFile.write(model, config, SpatialSize.cube(16), Provenance.now("test", 0, 4L, null), null,
                graph.weights());
        inputs = Files.createDirectories(dir.resolve("in"));
        image(inputs.resolve("cube.nii.gz"), new VolumeShape(16, 16, 16), 1);
        image(inputs.resolve("slab.nii.gz"), new VolumeShape(12, 20, 24), 2);
    }

    /** An image of uniform noise in [0, 1) with an anisotropic geometry whose axes are permuted. */
    private static Volume image(Path file, VolumeShape shape, long seed) throws IOException {
        float[] v = new float[shape.voxelCount()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble();
        }
        VolumeGeometry geometry = new VolumeGeometry(new double[] {2.5, 0.8, 0.7},
                new double[][] {{0, 0, 2.5, 90}, {0, -0.8, 0, 100}, {-0.7, 0, 0, -40}, {0, 0, 0, 1}});
        Volume image = new Volume(shape, v, geometry);
        NiftiWriter.write(image, file, NiftiDataType.FLOAT32);
        return image;
    }

    private static float[] component(Path file, int k) throws IOException {
        return NiftiReader.builder().optVolumeIndex(k).build().read(file).volume().toArray();
    }

    private static void assertUsageError(Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    @Test
    void labelMapsAndProbabilitiesLieOnEachInputsGrid() throws IOException {
        Path out = dir.resolve("out");
        Outcome o = gvsl("predict", "--model", model.toString(), "--input", inputs.toString(), "--out",
                out.toString(), "--intensity", "none", "--probabilities", "--window-weighting", "gaussian");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("2 volume(s), none intensity, window 16×16×16"), o.out());

        for (String name : new String[] {"cube", "slab"}) {
            Path in = inputs.resolve(name + ".nii.gz");
            Path labels = out.resolve(name + ".nii.gz");
            Path probabilities = out.resolve(name + "_probabilities.nii.gz");
            LabelMap map = LabelMap.read(labels);
            map.requireSameGrid(LabelMap.of("input", NiftiReader.readVolume(in).withVoxels(
                    new float[map.shape().voxelCount()])));
            NiftiHeader header = NiftiReader.readHeader(probabilities);
            assertEquals(K, header.dim()[5], "a vector image of K components");
            assertArrayEquals(NiftiReader.readHeader(in).affine()[2], header.affine()[2], 1e-6);
            float[][] p = new float[K][];
            for (int k = 0; k < K; k++) {
                p[k] = component(probabilities, k);
            }
            int[] argmax = map.labels();
            for (int v = 0; v < argmax.length; v++) {
                double sum = 0;
                int best = 0;
                for (int k = 0; k < K; k++) {
                    sum += p[k][v];
                    best = p[k][v] > p[best][v] ? k : best;
                }
                assertEquals(1, sum, 1e-5, "averaged softmax outputs sum to 1 at voxel " + v + " of " + name);
                assertEquals(best, argmax[v], "the label is the argmax at voxel " + v + " of " + name);
            }
        }

        // the cube is one window: its probabilities are the network's output on it
        TransferModel m = TransferModelFile.read(model);
        float[] cube = NiftiReader.readVolume(inputs.resolve("cube.nii.gz")).toArray();
        INDArray direct = m.graph(SpatialSize.cube(16)).predict(Nd4j.create(cube, new long[] {1, 1, 16, 16, 16}));
        for (int k = 0; k < K; k++) {
            float[] expected = direct.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(k)).dup('c').data().asFloat();
            assertArrayEquals(expected, component(out.resolve("cube_probabilities.nii.gz"), k), 1e-6f, "class " + k);
        }
    }

    @Test
    void aClassificationModelAPreTrainedModelAndBadInputsAreRefusedInOneLine() throws IOException {
        TransferConfig cls = TransferConfig.builder(TransferTask.CLASSIFICATION).setClasses(1)
                .optWidths(TinyRun.WIDTHS).build();
        Path classifier = dir.resolve("cls.gvsl");
        TransferModelFile.write(classifier, cls, SpatialSize.cube(16), Provenance.now("test", 0, 1L, null), null,
                TransferGraphFactory.build(cls, SpatialSize.cube(16)).weights());
        Path image = inputs.resolve("cube.nii.gz");
        Path out = dir.resolve("refused");
        assertUsageError(gvsl("predict", "--model", classifier.toString(), "--input", image.toString(), "--out",
                out.toString()), classifier + " is a classification model; gvsl predict segments");

        Map<String, INDArray> backbone = new LinkedHashMap<>();
        TransferModelFile.read(model).weights().forEach((n, w) -> {
            if (n.startsWith("unet.")) {
                backbone.put(n, w);
            }
        });
        Path pretrained = dir.resolve("pretrained.gvsl");
        PretrainedModel.fromStateDict(backbone, "backbone", Provenance.now("test", 0, 1L, null)).save(pretrained);
        assertUsageError(gvsl("predict", "--model", pretrained.toString(), "--input", image.toString(), "--out",
                out.toString()), pretrained + ": a pre-trained model (gvsl-model), not a fine-tuned model: use it"
                + " with gvsl finetune --init");
        // and the other way round, for the commands that take a pre-trained model
        assertUsageError(gvsl("features", "--model", model.toString(), "--input", image.toString(), "--local-out",
                dir.resolve("f.nii.gz").toString()), model + ": a fine-tuned model (gvsl-transfer-model), not a"
                + " pre-trained model: use it with gvsl predict");

        Path missing = dir.resolve("nothing.nii.gz");
        assertUsageError(gvsl("predict", "--model", model.toString(), "--input", missing.toString(), "--out",
                out.toString()), "--input " + missing + ": no such file or folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUsageError(gvsl("predict", "--model", model.toString(), "--input", empty.toString(), "--out",
                out.toString()), "--input " + empty + " holds no .nii or .nii.gz file");
        Path text = Files.writeString(dir.resolve("text.nii"), "not an image");
        Outcome o = gvsl("predict", "--model", model.toString(), "--input", text.toString(), "--out", out.toString());
        assertUsageError(o, text.toString());
        assertUsageError(gvsl("predict", "--model", model.toString(), "--input", image.toString(), "--out",
                out.toString(), "--overlap", "1"), "--overlap must be in [0, 1), got 1.0");
        assertFalse(Files.exists(out.resolve("cube.nii.gz")), "nothing written by a refused run");
    }
}
