package org.gvsl.eval.report;

import org.gvsl.data.volume.VolumeGeometry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentationEvaluatorTest {

    private static List<Integer> labels(CaseScores c) {
        return c.classes().stream().map(ClassScores::label).toList();
    }

    @Test
    void withClassesEveryCaseHasRowsOneToK() throws Exception {
        SegmentationEvaluator evaluator = TwoCases.evaluated(3);
        assertEquals(List.of("a", "b"), evaluator.cases().stream().map(CaseScores::caseName).toList());
        assertEquals(List.of(1, 2, 3), labels(evaluator.cases().get(0)));
        assertEquals(List.of(1, 2, 3), labels(evaluator.cases().get(1)));
        assertEquals(List.of(1, 2, 3), evaluator.report().classes());
    }

    @Test
    void withoutClassesACaseHasTheLabelsFoundInEitherMap() throws Exception {
        SegmentationEvaluator evaluator = TwoCases.evaluated(0);
        assertEquals(List.of(1, 2), labels(evaluator.cases().get(0)));
        assertEquals(List.of(1), labels(evaluator.cases().get(1)));
        assertEquals(List.of(1, 2), evaluator.report().classes());
    }

    @Test
    void rejectsLabelsAboveTheClassesAndOtherGrids() throws Exception {
        SegmentationEvaluator one = SegmentationEvaluator.builder().optClasses(1).build();
        EvaluationInputException above = assertThrows(EvaluationInputException.class,
                () -> one.add("a", TwoCases.map("pred/a.nii", TwoCases.predictionA()),
                        TwoCases.map("labels/a.nii", TwoCases.truthA())));
        assertTrue(above.getMessage().contains("pred/a.nii: voxel [d, h, w] = [7, 7, 7] has the label 2, outside the 1 "
                + "classes 0..1"), above.getMessage());
        SegmentationEvaluator evaluator = SegmentationEvaluator.builder().build();
        LabelMap otherSpacing = LabelMap.of("labels/a.nii", TwoCases.SHAPE, VolumeGeometry.unit(), TwoCases.truthA());
        EvaluationInputException grid = assertThrows(EvaluationInputException.class,
                () -> evaluator.add("a", TwoCases.map("pred/a.nii", TwoCases.predictionA()), otherSpacing));
        assertTrue(grid.getMessage().startsWith("pred/a.nii: spacing"), grid.getMessage());
        assertTrue(evaluator.cases().isEmpty());
    }

    @Test
    void rejectsMisuse() throws Exception {
        SegmentationEvaluator evaluator = TwoCases.evaluated(0);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> evaluator.add("a", TwoCases.map("p", TwoCases.caseB()), TwoCases.map("g", TwoCases.caseB())));
        assertTrue(twice.getMessage().contains("case 'a' was added before"), twice.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> SegmentationEvaluator.builder().build().report());
        assertTrue(empty.getMessage().contains("no case was evaluated"), empty.getMessage());
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> SegmentationEvaluator.builder().optClasses(0));
        assertTrue(classes.getMessage().contains("classes must be >= 1, got 0"), classes.getMessage());
    }
}
