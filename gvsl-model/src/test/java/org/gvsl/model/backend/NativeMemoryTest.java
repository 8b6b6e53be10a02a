package org.gvsl.model.backend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeMemoryTest {

    /**
     * The runtime started before a test saves the property, so that the value restored is the runtime's ("false"):
     * restoring "no value" after the runtime has started would leave ND4J's cache on for the later tests of the JVM.
     */
    @BeforeEach
    void startTheRuntime() {
        GraphRuntime.start();
    }

    @Test
    void theSessionArrayCacheIsOffUnlessTheUserTurnedItOn() {
        String before = System.getProperty(NativeMemory.ARRAY_CACHE_PROPERTY);
        try {
            System.clearProperty(NativeMemory.ARRAY_CACHE_PROPERTY);
            NativeMemory.configure();
            assertEquals("false", System.getProperty(NativeMemory.ARRAY_CACHE_PROPERTY));
            assertFalse(NativeMemory.arrayCacheOn());
            System.setProperty(NativeMemory.ARRAY_CACHE_PROPERTY, "true");
            NativeMemory.configure();
            assertTrue(NativeMemory.arrayCacheOn());
        } finally {
            restore(before);
        }
    }

    @Test
    void withoutTheCacheATrainingStepFreesTheIntermediatesItReleases() {
        String before = System.getProperty(NativeMemory.ARRAY_CACHE_PROPERTY);
        try {
            assertEquals(List.of(true, true), intermediatesClosedAfterAStep("false"));
            // ND4J's cache keeps them open for reuse
            assertEquals(List.of(false, false), intermediatesClosedAfterAStep("true"));
        } finally {
            restore(before);
        }
    }

    @Test
    void theLimitIsPositiveAndAtMostTheMachinesMemory() throws IOException {
        long ram = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).findFirst().orElseThrow();
        long limit = NativeMemory.limitBytes();
        assertTrue(limit > 0 && limit <= ram, limit + " of " + ram);
        // The surefire argLine caps JavaCPP at maxphysicalbytes=12G, below this machine's RAM.
        assertTrue(limit <= 12L << 30, "JavaCPP's cap counts: " + limit);
    }

    @Test
    void readsTheResidentSetOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            long resident = NativeMemory.residentBytes();
            long peak = NativeMemory.peakResidentBytes(); // read after: the high-water mark only rises
            assertTrue(resident > 1_000_000, "VmRSS " + resident);
            assertTrue(peak >= resident, "VmHWM " + peak + " < VmRSS " + resident);
        }
    }

    @Test
    void theReachableMemoryIsAtLeastTheResidentSetAndAtMostTheMachinesOnLinux() throws Exception {
        if (System.getProperty("os.name").startsWith("Linux")) {
            long reachable = NativeMemory.reachableBytes();
            long resident = NativeMemory.residentBytes();
            long total = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
            assertTrue(reachable >= resident * 9 / 10, "reachable " + reachable + " < resident " + resident);
            assertTrue(reachable <= total + resident, "reachable " + reachable + " > MemTotal " + total);
        }
    }

    /** Whether the two products of loss = Σ((x·w)·w) are closed after one training step. */
    private static List<Boolean> intermediatesClosedAfterAStep(String cache) {
        System.setProperty(NativeMemory.ARRAY_CACHE_PROPERTY, cache);
        SameDiff sd = GraphRuntime.newGraph();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 100);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 100));
        SDVariable once = x.mul(w);
        SDVariable twice = once.mul(w);
        sd.setLossVariables(twice.sum().name());
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Sgd(0.1)).dataSetFeatureMapping("x")
                .markLabelsUnused().build());
        GraphRuntime.createGradientFunction(sd);
        List<INDArray> products = new ArrayList<>();
        sd.fit(new MultiDataSet(new INDArray[] {Nd4j.rand(DataType.FLOAT, 100)}, null), new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return true;
            }

            @Override
            public void opExecution(SameDiff s, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch,
                                    SameDiffOp op, OpContext context, INDArray[] outputs) {
                if (op.getName().equals(once.name()) || op.getName().equals(twice.name())) {
                    products.add(outputs[0]);
                }
            }
        });
        assertEquals(2, products.size());
        return products.stream().map(INDArray::wasClosed).toList();
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(NativeMemory.ARRAY_CACHE_PROPERTY);
        } else {
            System.setProperty(NativeMemory.ARRAY_CACHE_PROPERTY, value);
        }
    }
}
