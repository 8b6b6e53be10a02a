package org.gvsl.train.registration;

import org.gvsl.data.augment.SpatialDraw;
import org.gvsl.data.loader.PairBatch;
import org.gvsl.data.loader.TrainingPair;
import org.gvsl.data.volume.Interpolation;
import org.gvsl.data.volume.Volume;
import org.gvsl.data.volume.VolumeGeometry;
import org.gvsl.data.volume.VolumeShape;
import org.gvsl.model.backend.GraphRuntime;
import org.gvsl.model.gvsl.GvslConfig;
import org.gvsl.model.gvsl.GvslGraph;
import org.gvsl.model.gvsl.GvslGraphFactory;
import org.gvsl.model.gvsl.Variant;
import org.gvsl.model.shape.SpatialSize;
import org.gvsl.train.TinyRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairRegistrationTest {

    private static final int S = 16;
    private static final VolumeShape SHAPE = VolumeShape.cube(S);

    @BeforeAll
    static void backend() {
        GraphRuntime.start();
    }

    /**
     * Two structures (labels 1 and 2: boxes), shifted by {@code dd} voxels along D and {@code dw} along W; image =
     * 0.3 · label, 0 outside them as the warp's zero padding.
     */
    private static Volume[] scan(int dd, int dw) {
        float[] labels = new float[SHAPE.voxelCount()];
        float[] image = new float[labels.length];
        for (int d = 0; d < S; d++) {
            for (int h = 0; h < S; h++) {
                for (int w = 0; w < S; w++) {
                    int x = w - dw;
                    int z = d - dd;
                    int label = z >= 3 && z < 9 && h >= 3 && h < 9 && x >= 3 && x < 9 ? 1
                            : z >= 10 && z < 14 && h >= 6 && h < 12 && x >= 8 && x < 12 ? 2 : 0;
                    labels[SHAPE.index(d, h, w)] = label;
                    image[SHAPE.index(d, h, w)] = 0.3f * label;
                }
            }
        }
        VolumeGeometry g = VolumeGeometry.ofSpacing(1, 1, 1);
        return new Volume[] {Volume.adopt(SHAPE, image, g), Volume.adopt(SHAPE, labels, g)};
    }

    /** Fixed = scan(0, 0); moving = the same anatomy moved by {@code dd} along D and {@code dw} along W. */
    private static RegistrationPair pair(int dd, int dw) {
        Volume[] fixed = scan(0, 0);
        Volume[] moving = scan(dd, dw);
        return new RegistrationPair(new TrainingPair(fixed[0], moving[0], fixed[0], "a", "b"), fixed[1], moving[1]);
    }

    /**
     * A graph whose heads output zero (affine raw values 0: the identity matrix, no translation; deformable field 0),
     * or whose translation moves the sampling point by {@code shiftD} voxels along D and {@code shiftW} along W:
     * one normalised unit is (S − 1)/2 voxels, so {@code t_x = 2·shiftW/(S − 1)} (x is W) and
     * {@code t_z = 2·shiftD/(S − 1)} (z is D).
     */
    private static GvslGraph graph(double shiftD, double shiftW) {
        GvslGraph graph = GvslGraphFactory.build(GvslConfig.builder().optWidths(TinyRun.WIDTHS).build(), 2,
                SpatialSize.cube(S));
        Map<String, INDArray> p = graph.parameters();
        for (String head : new String[] {"fc_rot", "fc_scl", "fc_trans", "fc_shear", "out_flow"}) {
            p.get(head + ".weight").assign(0);
            p.get(head + ".bias").assign(0);
        }
        p.get("fc_trans.bias").putScalar(0, 2 * shiftW / (S - 1));
        p.get("fc_trans.bias").putScalar(2, 2 * shiftD / (S - 1));
        return graph;
    }

    @Test
    void aZeroFieldLeavesThePairAsItWas() {
        RegistrationQuality q = PairRegistration.measure(graph(0, 0), List.of(pair(0, 2)), 2).get(0);
        assertEquals(q.localNcc().before(), q.localNcc().after(), 1e-6);
        assertEquals(q.correlation().before(), q.correlation().after(), 1e-6);
        assertEquals(q.labelDice().before(), q.labelDice().after(), 0);
        // class 1: 6³ boxes overlapping 6·6·4, class 2: 4·6·4 boxes overlapping 4·6·2
        assertEquals((2.0 / 3 + 0.5) / 2, q.labelDice().before(), 1e-12);
    }

    /**
     * A translation of 2 voxels along W undoes a moving image shifted by 2: the warped labels (nearest neighbour)
     * are the fixed labels, Dice 1, and the warped image is the target up to float32 rounding. Three pairs through
     * a batch-2 graph: the last batch is filled up, and each pair gets its own result.
     */
    @Test
    void aKnownTranslationRegistersTheShiftedPairAndEachPairGetsItsOwnResult() {
        List<RegistrationQuality> q = PairRegistration.measure(graph(0, 2), List.of(pair(0, 2), pair(0, 0), pair(0, 2)), 2);
        assertEquals(3, q.size());
        assertEquals((2.0 / 3 + 0.5) / 2, q.get(0).labelDice().before(), 1e-12);
        assertEquals(1.0, q.get(0).labelDice().after(), 1e-12);
        assertEquals(1.0, q.get(0).correlation().after(), 1e-5);
        assertTrue(q.get(0).localNcc().after() > q.get(0).localNcc().before() + 0.1, q.get(0).toString());
        assertEquals(1.0, q.get(1).labelDice().before(), 0);       // already aligned ...
        assertTrue(q.get(1).labelDice().after() < 0.75, q.get(1).toString());   // ... and moved away by 2
        assertEquals(q.get(0), q.get(2));
    }

    /* Without the affine head Φ = u is the graph's flow (it has no separate fused field); it registers too. */
    @Test
    void theVariantWithoutTheAffineHeadWarpsByItsFlow() {
        GvslGraph noAffine = GvslGraphFactory.build(GvslConfig.builder().optWidths(TinyRun.WIDTHS)
                .optVariant(Variant.NO_AFFINE).build(), 1, SpatialSize.cube(S));
        List<RegistrationQuality> q = PairRegistration.measure(noAffine, List.of(pair(0, 2)), 2);
        assertEquals(1, q.size());
        assertEquals((2.0 / 3 + 0.5) / 2, q.get(0).labelDice().before(), 1e-12);
        assertTrue(Double.isFinite(q.get(0).labelDice().after()) && Double.isFinite(q.get(0).localNcc().after()),
                q.get(0).toString());
    }

    /**
     * The same along D: the field's first channel is D (the label warp reads Φ's channels as D, H, W), so a
     * translation of 2 voxels along D aligns the labels exactly.
     */
    @Test
    void aKnownTranslationAlongDepthAlignsTheLabels() {
        RegistrationQuality q = PairRegistration.measure(graph(2, 0), List.of(pair(2, 0)), 2).get(0);
        assertEquals((2.0 / 3 + 0.5) / 2, q.labelDice().before(), 1e-12);
        assertEquals(1.0, q.labelDice().after(), 1e-12);
        assertEquals(1.0, q.correlation().after(), 1e-5);
    }

    @Test
    void aGraphWithoutAWarpIsNamed() {
        GvslGraph restoration = GvslGraphFactory.build(GvslConfig.builder().optWidths(TinyRun.WIDTHS)
                .optVariant(Variant.RESTORATION_ONLY).build(), 1, SpatialSize.cube(S));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairRegistration.measure(restoration, List.of(pair(0, 0)), 2));
        assertTrue(e.getMessage().contains("the RESTORATION_ONLY graph does not register"), e.getMessage());
    }

    /**
     * The field the label warp reads ({@link PairRegistration#field}) is the field the graph warped the image with:
     * the moving image drawn through it trilinearly ({@link SpatialDraw}) equals the graph's warped image. The
     * deformable head outputs a constant flow with a different value per channel (so a swap of two axes shows), on top of the
     * random affine head's transform in the full variant.
     */
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"FULL", "NO_AFFINE"})
    void theLabelWarpReadsTheFieldTheImageWasWarpedWith(Variant variant) {
        GvslGraph graph = GvslGraphFactory.build(GvslConfig.builder().optWidths(TinyRun.WIDTHS).optVariant(variant)
                .build(), 1, SpatialSize.cube(S));
        Map<String, INDArray> p = graph.parameters();
        p.get("out_flow.weight").assign(0);
        p.get("out_flow.bias").assign(Nd4j.createFromArray(1.5f, -0.75f, 2.25f)
                .castTo(p.get("out_flow.bias").dataType()));
        RegistrationPair pair = pair(1, 2);
        String fieldName = PairRegistration.fieldOutput(graph);
        Map<String, INDArray> out;
        try (PairBatch batch = PairBatch.of(0, List.of(pair.images()))) {
            out = graph.output(GraphInputs.of(graph, batch), GvslGraph.WARPED, fieldName);
        }
        float[] drawn = new SpatialDraw(SHAPE, null, PairRegistration.field(out.get(fieldName), 0, SHAPE))
                .apply(pair.images().moving(), Interpolation.LINEAR).toArray();
        float[] warped = out.get(GvslGraph.WARPED).slice(0).castTo(DataType.FLOAT).dup('c').data().asFloat();
        double maxDiff = 0;
        double maxValue = 0;
        for (int i = 0; i < warped.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(drawn[i] - warped[i]));
            maxValue = Math.max(maxValue, Math.abs(warped[i]));
        }
        assertTrue(maxValue > 0.1, "the warp left something to compare: " + maxValue);
        assertEquals(0, maxDiff, 1e-5);
    }
}
