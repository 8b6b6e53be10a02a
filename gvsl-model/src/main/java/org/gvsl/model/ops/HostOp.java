package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A SameDiff op computed by Java code on the arrays' host memory instead of a native libnd4j op.
 *
 * <p>Why: some work is a tight loop that ND4J's CPU ops do only row by row, at about a microsecond per row
 * whatever its width (its gather, scatter and segment sums make a view per row), where a Java loop takes a few
 * nanoseconds per element (measured: accumulating 4 M weights into 300 k bins, 7–30 ms in Java against 0.75 s
 * for {@code bincount} and 2.8 s for the locked {@code scatter_add}). A subclass names its op, its output shapes
 * ({@link #outputsLike}) and its {@link #compute}; {@link HostOpExecutioner} runs it when SameDiff executes the
 * graph.
 * Such graphs need the runtime started ({@link org.gvsl.model.backend.GraphRuntime#start()}) on the CPU backend,
 * in every process that runs or loads them, like the native workarounds of this package.
 *
 * <p>The op is stateless: everything it needs comes from its input arrays and its integer and floating arguments,
 * which SameDiff's FlatBuffers clones and saved files carry.
 */
public abstract class HostOp extends DynamicCustomOp {

    private static volatile ForkJoinPool pool;

    /** For the op registry and FlatBuffers deserialisation. */
    protected HostOp() {
    }

    /** Adds the op with these inputs to {@code sd}. */
    protected HostOp(SameDiff sd, SDVariable... inputs) {
        super(sd, inputs);
    }

    /** The op's name: unique in the registry and never a native op's name. */
    @Override
    public abstract String opName();

    /**
     * For each output, the input whose shape and data type it has (every host op's outputs are shaped like some of
     * its inputs: a result like its operand, a gradient like what it differentiates).
     */
    protected abstract int[] outputsLike();

    /**
     * Computes the outputs from the inputs. Every array's elements are contiguous in C order ({@link HostBuffer});
     * the outputs' contents are undefined on entry (SameDiff allocates them uninitialised).
     */
    protected abstract void compute(List<INDArray> inputs, List<INDArray> outputs);

    @Override
    public final int getNumOutputs() {
        return outputsLike().length;
    }

    @Override
    public final List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
        return Arrays.stream(outputsLike()).mapToObj(inputTypes::get).toList();
    }

    /** No properties: everything the op needs comes from its inputs (ND4J's version asks the native op registry). */
    @Override
    public Map<String, Object> propertiesForFunction() {
        return Map.of();
    }

    @Override
    public void configureFromArguments() {
    }

    @Override
    public long opHash() {
        return HostOpExecutioner.hashOf(opName());
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape() {
        return descriptors(inputArguments());
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext context) {
        return descriptors(context.getInputArrays());
    }

    private List<LongShapeDescriptor> descriptors(List<INDArray> inputs) {
        return Arrays.stream(outputsLike()).mapToObj(inputs::get)
                .map(like -> LongShapeDescriptor.fromShape(like.shape(), like.dataType())).toList();
    }

    /**
     * Runs the op on these arrays (called by {@link HostOpExecutioner}). Inputs whose elements are not contiguous in
     * C order are copied first; such an output is computed into a new array and copied in.
     */
    final void execute(List<INDArray> inputs, List<INDArray> outputs) {
        List<INDArray> in = inputs.stream().map(HostOp::owned).toList();
        List<INDArray> out = outputs.stream().map(HostOp::owned).toList();
        compute(in, out);
        for (int i = 0; i < outputs.size(); i++) {
            if (out.get(i) != outputs.get(i)) {
                outputs.get(i).assign(out.get(i));
            }
        }
    }

    /**
     * {@code gradient} as an array of {@code shape}: itself, or a scalar spread over the shape. SameDiff hands an op
     * the gradient of an output that no loss depends on as a scalar zero.
     *
     * @throws IllegalArgumentException for any other shape (both shapes are in the message)
     */
    protected static INDArray expanded(INDArray gradient, long[] shape) {
        if (Arrays.equals(gradient.shape(), shape)) {
            return gradient;
        }
        if (gradient.length() == 1) {
            return Nd4j.valueArrayOf(shape, gradient.getDouble(0), gradient.dataType());
        }
        throw new IllegalArgumentException("a gradient of shape " + Arrays.toString(gradient.shape())
                + " for an output of shape " + Arrays.toString(shape));
    }

    private static INDArray owned(INDArray array) {
        return HostBuffer.isContiguous(array) ? array : array.dup('c');
    }

    /** The number of threads {@link #parallel} runs on: as many as ND4J's native ops use (OpenMP's count). */
    public static int threads() {
        return pool().getParallelism();
    }

    /**
     * Runs {@code task} for 0 … {@code tasks}−1 on {@link #threads()} threads, so a host op keeps the same cores
     * busy as the native ops around it.
     */
    public static void parallel(int tasks, IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
        } else {
            pool().submit(() -> IntStream.range(0, tasks).parallel().forEach(task)).join();
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool threads = pool;
        if (threads == null) {
            synchronized (HostOp.class) {
                if (pool == null) {
                    Nd4j.getBackend();
                    pool = new ForkJoinPool(Math.max(1,
                            NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()));
                }
                threads = pool;
            }
        }
        return threads;
    }
}
