package org.gvsl.benchmarks;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A listener that records one training step op by op: each op's type, wall and CPU time and output arrays, and
 * after each op the bytes of the op outputs SameDiff still holds and the resident set.
 *
 * <p>ND4J's CPU arrays are allocated by libnd4j (malloc), not counted by JavaCPP's {@code Pointer.totalBytes()};
 * hence this count. An op output counts as held from the op that writes it until SameDiff closes it (its array-use tracker
 * releases an array after its last consumer; with ND4J's session array cache on, a released array is kept open
 * in the cache and counts until it is reused). The curve is read after each op has run but before SameDiff
 * releases that op's inputs, which is when inputs and outputs are both held. Arrays that are not op outputs
 * (parameters, optimiser state, constants, placeholders) are constant over a step and are not counted here.
 * The listener holds every output until {@link #stop()}; it records only between {@link #start()} and
 * {@link #stop()}.
 */
final class OpTrace extends BaseListener {

    /** An output array: the op that wrote it (index into {@link #ops()}), its variable, shape and bytes. */
    record TracedArray(int op, String variable, long[] shape, long bytes) {
    }

    /**
     * One executed op, with the memory held just after it ran.
     *
     * @param heldBytes op outputs not yet closed
     * @param rssBytes  the process's resident set
     */
    record TracedOp(int index, String name, String type, long wallNanos, long cpuNanos, long heldBytes,
                    long rssBytes) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<TracedOp> ops = new ArrayList<>();
    private final Map<INDArray, TracedArray> held = new IdentityHashMap<>();
    private boolean recording;
    private SameDiff graph;
    private long heldBytes;
    private long writtenBytes;
    private long writtenArrays;
    private long opStart;
    private long cpuStart;
    private long ownNanos;
    private long peakHeld = -1;
    private int peakOp = -1;
    private List<TracedArray> heldAtPeak = List.of();

    /** Records the ops of the next training step. */
    void start() {
        ops.clear();
        held.clear();
        heldBytes = 0;
        writtenBytes = 0;
        writtenArrays = 0;
        ownNanos = 0;
        peakHeld = -1;
        peakOp = -1;
        heldAtPeak = List.of();
        recording = true;
    }

    /** Stops recording and lets go of the arrays. */
    void stop() {
        recording = false;
        held.clear();
    }

    @Override
    public boolean isActive(Operation operation) {
        return recording && operation == Operation.TRAINING;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        opStart = System.nanoTime();
        cpuStart = OS.getProcessCpuTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long wall = System.nanoTime() - opStart;
        long cpu = OS.getProcessCpuTime() - cpuStart;
        long own = System.nanoTime();
        graph = sd;
        int index = ops.size();
        for (Iterator<Map.Entry<INDArray, TracedArray>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<INDArray, TracedArray> e = it.next();
            if (e.getKey().wasClosed()) {
                heldBytes -= e.getValue().bytes();
                it.remove();
            }
        }
        List<String> names = op.getOutputsOfOp();
        for (int i = 0; i < outputs.length; i++) {
            INDArray out = outputs[i];
            if (out == null || out.isEmpty()) {
                continue;
            }
            // A view shares its buffer with another array; it holds no memory of its own.
            long bytes = out.isView() ? 0 : out.data().length() * out.data().getElementSize();
            TracedArray previous = held.put(out, new TracedArray(index, names.get(i), out.shape(), bytes));
            heldBytes += bytes - (previous == null ? 0 : previous.bytes()); // an array reused from the cache
            writtenBytes += bytes;
            writtenArrays++;
        }
        ops.add(new TracedOp(index, op.getName(), op.getOp().opName(), wall, cpu, heldBytes,
                Pointer.physicalBytes()));
        if (heldBytes > peakHeld) {
            peakHeld = heldBytes;
            peakOp = index;
            heldAtPeak = new ArrayList<>(held.values());
        }
        ownNanos += System.nanoTime() - own;
    }

    /** The ops of the recorded step in execution order. */
    List<TracedOp> ops() {
        return ops;
    }

    /** The graph that ran the step (SameDiff's gradient function: forward and backward ops). */
    SameDiff graph() {
        return graph;
    }

    /** The op after which the held bytes peaked (index into {@link #ops()}). */
    int peakOp() {
        return peakOp;
    }

    /** The op outputs held at the peak. */
    List<TracedArray> heldAtPeak() {
        return heldAtPeak;
    }

    /** The bytes of all op outputs of the step (each array as often as an op wrote it). */
    long writtenBytes() {
        return writtenBytes;
    }

    /** The number of op outputs of the step. */
    long writtenArrays() {
        return writtenArrays;
    }

    /** Time spent in this listener's own bookkeeping, to subtract from the step. */
    long ownNanos() {
        return ownNanos;
    }
}
