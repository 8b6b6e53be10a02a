package org.gvsl.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gvsl.data.nifti.NiftiDataType;
import org.gvsl.data.nifti.NiftiWriter;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gvsl evaluate} end to end on two tiny cases written as NIfTI (8³, spacing (1, 1, 2) mm).
 *
 * <p>Case {@code a}: class 1 is the cube [2, 5]³ in the truth and the same cube shifted by one voxel along W in the
 * prediction: TP 48, FP = FN = 16, TN 432, so Dice = sensitivity = precision = 0.75, specificity 27/28; 56 surface
 * voxels per mask with distances 36 × 0, 4 × 1 mm (a D/H step), 16 × 2 mm (a W step) in each direction, so
 * HD95 = 2 mm (the 95th percentile falls between two of the 2 mm distances) and ASD = 72/112 = 9/14 mm. Class 2 is
 * one predicted voxel absent from the truth: Dice 0, HD95 and ASD inf, sensitivity undefined, specificity 511/512,
 * precision 0. Case {@code b}: prediction = truth, class 1 the cube [1, 2]³: 1, 0, 0, 1, 1, 1; class 2 absent from
 * both: undefined.
 */
class EvaluateCommandTest {

    private static final VolumeShape SHAPE = VolumeShape.cube(8);
    private static final VolumeGeometry GEOMETRY = VolumeGeometry.ofSpacing(1, 1, 2);

    @TempDir
    Path dir;
    private Path pred;
    private Path labels;
    private Path out;

    /** The exit status and what the command printed on standard output and standard error. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome gvsl(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int status = Gvsl.run(args);
            return new Outcome(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private static float[] box(float[] labels, int label, int d0, int d1, int h0, int h1, int w0, int w1) {
        for (int d = d0; d <= d1; d++) {
            for (int h = h0; h <= h1; h++) {
                for (int w = w0; w <= w1; w++) {
                    labels[SHAPE.index(d, h, w)] = label;
                }
            }
        }
        return labels;
    }

    private static Path write(Path file, float[] voxels, VolumeShape shape, VolumeGeometry geometry,
                              NiftiDataType type) throws Exception {
        Files.createDirectories(file.getParent());
        NiftiWriter.write(new Volume(shape, voxels, geometry), file, type);
        return file;
    }

    private static float[] predictionA() {
        float[] a = box(new float[SHAPE.voxelCount()], 1, 2, 5, 2, 5, 3, 6);
        a[SHAPE.index(7, 7, 7)] = 2;
        return a;
    }

    @BeforeEach
    void twoCases() throws Exception {
        pred = dir.resolve("pred");
        labels = dir.resolve("labels");
        out = dir.resolve("eval");
        float[] b = box(new float[SHAPE.voxelCount()], 1, 1, 2, 1, 2, 1, 2);
        write(pred.resolve("a.nii.gz"), predictionA(), SHAPE, GEOMETRY, NiftiDataType.UINT8);
        write(labels.resolve("a.nii.gz"), box(new float[SHAPE.voxelCount()], 1, 2, 5, 2, 5, 2, 5), SHAPE, GEOMETRY,
                NiftiDataType.INT16);
        write(pred.resolve("b.nii"), b, SHAPE, GEOMETRY, NiftiDataType.FLOAT32);
        write(labels.resolve("b.nii.gz"), b, SHAPE, GEOMETRY, NiftiDataType.UINT8);
    }

    private String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of("evaluate", "--pred", pred.toString(), "--labels",
                labels.toString(), "--out", out.toString()));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void writesTheCsvTheJsonAndATable() throws Exception {
        Outcome o = gvsl(args("--classes", "2"));
        assertEquals(0, o.status(), o.err());
        assertEquals(List.of(
                "case,class,dice,hd95,asd,sensitivity,specificity,precision",
                "a,1,0.75,2,0.6428571428571429,0.75,0.9642857142857143,0.75",
                "a,2,0,inf,inf,NaN,0.998046875,0",
                "b,1,1,0,0,1,1,1",
                "b,2,NaN,NaN,NaN,NaN,NaN,NaN"), Files.readAllLines(out.resolve("metrics.csv")));
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2, json.get("cases").asInt());
        JsonNode dice1 = json.get("per_class").get("1").get("dice");
        // 0.75 and 1: mean 0.875, sd sqrt(2·0.125²); the bootstrap interval of two values spans both
        assertEquals(0.875, dice1.get("mean").asDouble(), 1e-15);
        assertEquals(Math.sqrt(2 * 0.125 * 0.125), dice1.get("sd").asDouble(), 1e-15);
        assertEquals("[0.75,1.0]", dice1.get("ci").toString());
        JsonNode hd2 = json.get("per_class").get("2").get("hd95");
        assertEquals(0, hd2.get("n").asInt());
        assertTrue(hd2.get("mean").isNull());
        assertEquals(1, hd2.get("infinite").asInt());
        assertEquals(1, hd2.get("undefined").asInt());
        // overall Dice: per case (0.75 + 0)/2 and 1 → 0.6875
        assertEquals(0.6875, json.get("overall").get("dice").get("mean").asDouble(), 1e-15);
        assertEquals(1.0, json.get("overall").get("hd95").get("mean").asDouble(), 1e-15);
        assertTrue(o.out().contains("[1/2] a: 2 class(es)"), o.out());
        assertTrue(o.out().contains("overall  0.688 ± 0.442     1.000 ± 1.414"), o.out());
        assertTrue(o.out().contains("wrote " + out.resolve("metrics.csv")), o.out());
    }

    @Test
    void withoutClassesEveryLabelFoundIsScored() throws Exception {
        assertEquals(0, gvsl(args()).status());
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(List.of("a,1", "a,2", "b,1"), rows.stream().skip(1).map(r -> r.substring(0, 3)).toList());
    }

    private void assertBadInput(String expected, String... extra) {
        Outcome o = gvsl(args(extra));
        assertEquals(2, o.status(), o.out() + o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(Files.exists(out.resolve("metrics.csv")), "nothing written on bad input");
    }

    @Test
    void aMissingPartnerOnEitherSide() throws Exception {
        Path extra = write(pred.resolve("c.nii.gz"), new float[SHAPE.voxelCount()], SHAPE, GEOMETRY,
                NiftiDataType.UINT8);
        assertBadInput("gvsl evaluate: " + extra + ": no label map c.nii or c.nii.gz in " + labels);
        Files.move(extra, labels.resolve("c.nii.gz"));
        assertBadInput("gvsl evaluate: " + labels.resolve("c.nii.gz") + ": no prediction c.nii or c.nii.gz in " + pred);
    }

    @Test
    void aShapeOrGeometryMismatch() throws Exception {
        Path a = pred.resolve("a.nii.gz");
        write(a, new float[8 * 8 * 7], new VolumeShape(8, 8, 7), GEOMETRY, NiftiDataType.UINT8);
        assertBadInput(a + ": shape [8, 8, 7] differs from " + labels.resolve("a.nii.gz") + "'s [8, 8, 8]");
        write(a, predictionA(), SHAPE, VolumeGeometry.unit(), NiftiDataType.UINT8);
        assertBadInput(a + ": spacing (1.000, 1.000, 1.000) mm differs from " + labels.resolve("a.nii.gz")
                + "'s (1.000, 1.000, 2.000) mm");
        write(a, predictionA(), SHAPE, GEOMETRY.shifted(0, 1, 0), NiftiDataType.UINT8);
        assertBadInput(a + ": affine differs from " + labels.resolve("a.nii.gz") + "'s at row 1, column 3: 1.0 vs 0.0");
    }

    @Test
    void notALabelMap() throws Exception {
        Path b = pred.resolve("b.nii");
        float[] fraction = new float[SHAPE.voxelCount()];
        fraction[3] = 0.5f;
        write(b, fraction, SHAPE, GEOMETRY, NiftiDataType.FLOAT32);
        assertBadInput(b + ": not a label map: voxel [d, h, w] = [0, 0, 3] is 0.5, not an integer");
        float[] negative = new float[SHAPE.voxelCount()];
        negative[SHAPE.index(1, 2, 3)] = -1;
        Path a = write(labels.resolve("a.nii.gz"), negative, SHAPE, GEOMETRY, NiftiDataType.INT16);
        write(b, new float[SHAPE.voxelCount()], SHAPE, GEOMETRY, NiftiDataType.FLOAT32);
        assertBadInput(a + ": not a label map: voxel [d, h, w] = [1, 2, 3] has the negative label -1");
    }

    @Test
    void aCorruptFileAnEmptyFolderAndTooManyLabels() throws Exception {
        assertBadInput(pred.resolve("a.nii.gz") + ": voxel [d, h, w] = [7, 7, 7] has the label 2, outside the 1 "
                + "classes 0..1", "--classes", "1");
        Path corrupt = pred.resolve("a.nii.gz");
        Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertBadInput(corrupt + ": corrupt or truncated gzip stream");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome o = gvsl("evaluate", "--pred", empty.toString(), "--labels", labels.toString(), "--out",
                out.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(empty + ": no .nii or .nii.gz file in this folder"), o.err());
    }

    @Test
    void usageErrors() {
        Outcome zero = gvsl(args("--classes", "0"));
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("Invalid value for option '--classes': must be >= 1, got 0"), zero.err());
        Outcome missing = gvsl("evaluate", "--pred", pred.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("Missing required options: '--labels=DIR', '--out=DIR'"), missing.err());
        Outcome help = gvsl("evaluate", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--classes=K"), help.out());
    }
}
