package org.gvsl.model.ops;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The elements of an array in host memory, contiguous in C order, read and written in place as {@code double}s:
 * what a {@link HostOp} computes on. Float and double arrays are the two kinds, so the Java kernels are written
 * once and the JIT sees only two implementations at each call.
 */
public sealed interface HostBuffer permits HostBuffer.Floats, HostBuffer.Doubles {

    /** Element {@code i} in C order. */
    double get(int i);

    /** Sets element {@code i}. */
    void set(int i, double value);

    /** Adds {@code value} to element {@code i}. */
    default void add(int i, double value) {
        set(i, get(i) + value);
    }

    /**
     * The elements of {@code array}, which must lie contiguously in C order (an array of its own or a contiguous
     * view, as {@link #isContiguous} tells).
     *
     * @throws IllegalArgumentException for strided elements, another data type or over 2³¹−1 elements
     */
    public static HostBuffer of(INDArray array) {
        if (!isContiguous(array)) {
            throw new IllegalArgumentException("a host kernel needs elements contiguous in C order, got shape "
                    + Arrays.toString(array.shape()) + " with strides " + Arrays.toString(array.stride()));
        }
        if (array.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a host kernel indexes up to 2^31-1 elements, the array has "
                    + array.length());
        }
        // The address of the array's first element (a view's offset included), as ND4J hands it to native ops.
        Pointer first = array.data().addressPointer();
        DataType type = array.dataType();
        return switch (type) {
            case FLOAT -> new Floats(new FloatPointer(first).capacity(array.length()).asBuffer());
            case DOUBLE -> new Doubles(new DoublePointer(first).capacity(array.length()).asBuffer());
            default -> throw new IllegalArgumentException("a host kernel computes in FLOAT or DOUBLE, got " + type);
        };
    }

    /**
     * Whether the elements of {@code array} lie at consecutive places of its buffer in C order, from its offset:
     * the strides are C's (an axis of size 1 may have any stride).
     */
    public static boolean isContiguous(INDArray array) {
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && stride[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    /** A float array's elements. */
    record Floats(FloatBuffer values) implements HostBuffer {
        @Override
        public double get(int i) {
            return values.get(i);
        }

        @Override
        public void set(int i, double value) {
            values.put(i, (float) value);
        }
    }

    /** A double array's elements. */
    record Doubles(DoubleBuffer values) implements HostBuffer {
        @Override
        public double get(int i) {
            return values.get(i);
        }

        @Override
        public void set(int i, double value) {
            values.put(i, value);
        }
    }
}
