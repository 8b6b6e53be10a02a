package org.gvsl.model.ops;

import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Maps an op's hash (a native op's or a {@link HostOp}'s) to a Java class of ours, so that graphs cloned or loaded
 * through FlatBuffers rebuild that op as our class (with our gradient, or our code).
 *
 * <p>Why: {@code SameDiff.createGradFunction()} clones every op through FlatBuffers, and a loaded graph is read the
 * same way; both rebuild each native op from the class ND4J 1.0.0-M2.1 registers for its hash
 * (deeplearning4j#9670), so a subclass that overrides only {@code doDiff} is lost unless the registry names it.
 * The registry's maps are private; this is the one place that reaches into them.
 */
final class NativeOpClasses {

    private NativeOpClasses() {
    }

    /**
     * Makes {@code replacement} the class of the native op {@code opName} for every later clone and load.
     *
     * @throws IllegalStateException when this ND4J version's registry has another layout
     */
    static void replace(String opName, Class<? extends DynamicCustomOp> replacement) {
        register(Nd4j.getExecutioner().getCustomOperations().get(opName).getHash(), opName, replacement);
    }

    /**
     * Makes {@code opClass} the class of the op with this hash and name (a native op's, or a {@link HostOp}'s)
     * for every later clone and load.
     *
     * @throws IllegalStateException when this ND4J version's registry has another layout
     */
    @SuppressWarnings("unchecked")
    static void register(long hash, String opName, Class<? extends DynamicCustomOp> opClass) {
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Field single = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
            single.setAccessible(true);
            ((Map<Long, Class<?>>) single.get(holder)).put(hash, opClass);
            Field multi = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
            multi.setAccessible(true);
            Map<String, Class<?>> byName = ((Map<Long, Map<String, Class<?>>>) multi.get(holder)).get(hash);
            if (byName != null) {
                byName.put(opName, opClass);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register " + opClass.getSimpleName() + " for " + opName
                    + " with this ND4J version (expected DifferentialFunctionClassHolder.customOpHashToClass, as in "
                    + "1.0.0-M2.1)", e);
        }
    }
}
