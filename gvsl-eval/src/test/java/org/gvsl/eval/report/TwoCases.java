package org.gvsl.eval.report;

import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;

/**
 * Two hand-made cases on an 8³ grid with spacing (1, 1, 2) mm, and their expected scores (test fixture).
 *
 * <p>Case {@code a}: class 1 is the cube [2, 5]³ in the truth and the same cube shifted by one voxel along W in the
 * prediction; class 2 is one predicted voxel (7, 7, 7) and absent from the truth. Case {@code b}: prediction =
 * truth, class 1 the cube [1, 2]³, no class 2.
 *
 * <p>Class 1 of {@code a}: |P| = |G| = 64, TP = 4·4·3 = 48, FP = FN = 16, TN = 512 − 80 = 432: Dice = 96/128 = 0.75,
 * sensitivity = precision = 0.75, specificity = 432/448 = 27/28. Surfaces (see Hd95Test's derivation, with
 * s_W = 2 mm): 56 distances per direction, 36 × 0, 4 × 1 (the D/H step of the 4 voxels inside P), 16 × 2 (a W
 * step): HD95 = x_52 = 2 mm, ASD = 2·(4 + 32)/112 = 9/14 mm. Class 2 of {@code a}: Dice 0, HD95 = ASD = inf,
 * sensitivity undefined, specificity 511/512, precision 0. Class 1 of {@code b}: 1, 0, 0, 1, 1, 1; class 2 of
 * {@code b} (absent from both): all NaN.
 */
final class TwoCases {

    static final VolumeShape SHAPE = VolumeShape.cube(8);
    static final VolumeGeometry GEOMETRY = VolumeGeometry.ofSpacing(1, 1, 2);

    /** The expected rows of metrics.csv with 2 classes. */
    static final String[] CSV_ROWS = {
        "a,1,0.75,2,0.6428571428571429,0.75,0.9642857142857143,0.75",
        "a,2,0,inf,inf,NaN,0.998046875,0",
        "b,1,1,0,0,1,1,1",
        "b,2,NaN,NaN,NaN,NaN,NaN,NaN"};

    private TwoCases() {
    }

    static int[] truthA() {
        return box(new int[SHAPE.voxelCount()], 1, 2, 5, 2, 5, 2, 5);
    }

    static int[] predictionA() {
        int[] labels = box(new int[SHAPE.voxelCount()], 1, 2, 5, 2, 5, 3, 6);
        labels[SHAPE.index(7, 7, 7)] = 2;
        return labels;
    }

    static int[] caseB() {
        return box(new int[SHAPE.voxelCount()], 1, 1, 2, 1, 2, 1, 2);
    }

    static LabelMap map(String source, int[] labels) throws EvaluationInputException {
        return LabelMap.of(source, SHAPE, GEOMETRY, labels);
    }

    /** Both cases scored by an evaluator with {@code classes} classes (0: the classes found). */
    static SegmentationEvaluator evaluated(int classes) throws EvaluationInputException {
        SegmentationEvaluator.Builder builder = SegmentationEvaluator.builder();
        if (classes > 0) {
            builder.optClasses(classes);
        }
        SegmentationEvaluator evaluator = builder.build();
        evaluator.add("a", map("pred/a.nii", predictionA()), map("labels/a.nii", truthA()));
        evaluator.add("b", map("pred/b.nii", caseB()), map("labels/b.nii", caseB()));
        return evaluator;
    }

    static int[] box(int[] labels, int label, int d0, int d1, int h0, int h1, int w0, int w1) {
        for (int d = d0; d <= d1; d++) {
            for (int h = h0; h <= h1; h++) {
                for (int w = w0; w <= w1; w++) {
                    labels[SHAPE.index(d, h, w)] = label;
                }
            }
        }
        return labels;
    }
}
