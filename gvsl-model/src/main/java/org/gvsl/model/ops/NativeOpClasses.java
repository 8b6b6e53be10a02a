package org.gvsl.model.ops;

import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Maps a native op's hash to a Java class of ours, so that graphs cloned or loaded through FlatBuffers rebuild that
 * op as our class (with our gradient).
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
    @SuppressWarnings("unchecked")
    static void replace(String opName, Class<? extends DynamicCustomOp> replacement) {
        long hash = Nd4j.getExecutioner().getCustomOperations().get(opName).getHash();
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Field single = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
            single.setAccessible(true);
            ((Map<Long, Class<?>>) single.get(holder)).put(hash, replacement);
            Field multi = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
            multi.setAccessible(true);
            Map<String, Class<?>> byName = ((Map<Long, Map<String, Class<?>>>) multi.get(holder)).get(hash);
            if (byName != null) {
                byName.put(opName, replacement);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register " + replacement.getSimpleName() + " for " + opName
                    + " with this ND4J version (expected DifferentialFunctionClassHolder.customOpHashToClass, as in "
                    + "1.0.0-M2.1)", e);
        }
    }
}
