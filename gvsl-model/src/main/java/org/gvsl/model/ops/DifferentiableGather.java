package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterAdd;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Row gather {@code out[i, …] = params[indices[i], …]} (ND4J's native {@code gather} along axis 0) with a working
 * gradient: {@code ∂L/∂params = scatter_add(0, indices, ∂L/∂out)}; duplicate indices accumulate (the scatter runs
 * locked, on one thread: unlocked, ND4J's threads race on duplicate rows and drop updates).
 *
 * <p>Why: in ND4J 1.0.0-M2.1 the stock {@code gather} backprop builds a loop of {@code put}s that fails at run
 * time (deeplearning4j#9756) and {@code gather_nd} has no gradient at all. A Java subclass that only overrides
 * {@code doDiff} is not enough either: {@code SameDiff.createGradFunction()} clones every op through FlatBuffers,
 * which rebuilds it from the class registered for the native op hash (deeplearning4j#9670). {@link #register()}
 * therefore maps the hash of {@code gather} to this class; it must run before graphs are built or loaded, and
 * {@link org.gvsl.model.backend.GraphRuntime#start()} runs it (every graph of the project is made or loaded there).
 * The swap cannot break other users of {@code gather}, whose gradient did not work before.
 *
 * <p>Shapes: {@code params [V, C…]}, {@code indices [M]} (int), output {@code [M, C…]}. The indices receive no
 * gradient.
 */
public final class DifferentiableGather extends Gather {

    private static volatile boolean registered;

    /** For the op registry and FlatBuffers deserialisation. */
    public DifferentiableGather() {
    }

    private DifferentiableGather(SameDiff sd, SDVariable params, SDVariable indices) {
        super(sd, params, indices, 0, false);
    }

    /**
     * Adds {@code params[indices]} (rows) to the graph of {@code params}.
     *
     * <p>It registers the class itself ({@link #register()}, a no-op after the first call) rather than trusting
     * that {@link org.gvsl.model.backend.GraphRuntime} did: this is public API, and a graph made outside the
     * runtime ({@code SameDiff.create()} in a user's program) would otherwise lose this gradient silently when
     * {@code createGradFunction()} clones the op, with no error to point at the cause.
     */
    public static SDVariable rows(SDVariable params, SDVariable indices) {
        register();
        return new DifferentiableGather(params.getSameDiff(), params, indices).outputVariable();
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable params = arg(0);
        SDVariable indices = arg(1);
        // The zeros to scatter into, made from params' shape only when the gradient arrives: zerosLike(params)
        // would be made in the forward pass and held until the backward pass, or, made to wait, hold params.
        SDVariable zeros = sameDiff.fill(sameDiff.shape(params), params.dataType(), 0.0);
        zeros.addControlDependency(gradients.get(0));
        ScatterAdd scatter = new ScatterAdd(sameDiff, zeros, indices, gradients.get(0));
        // The "lock" flag (first boolean argument of scatter_add) makes libnd4j apply the updates on one thread;
        // without it the updates are split among threads that race on duplicate rows and lose some of them.
        scatter.addBArgument(true);
        return List.of(scatter.outputVariable(), sameDiff.zerosLike(indices));
    }

    /**
     * Maps the native {@code gather} op hash to this class, so cloned and loaded graphs keep the gradient. Called by
     * {@link org.gvsl.model.backend.GraphRuntime#start()} and {@link #rows}; idempotent.
     */
    @SuppressWarnings("unchecked")
    public static synchronized void register() {
        if (registered) {
            return;
        }
        long hash = Nd4j.getExecutioner().getCustomOperations().get("gather").getHash();
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Field single = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClass");
            single.setAccessible(true);
            ((Map<Long, Class<?>>) single.get(holder)).put(hash, DifferentiableGather.class);
            Field multi = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
            multi.setAccessible(true);
            Map<String, Class<?>> byName = ((Map<Long, Map<String, Class<?>>>) multi.get(holder)).get(hash);
            if (byName != null) {
                byName.put("gather", DifferentiableGather.class);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register the differentiable gather with this ND4J version"
                    + " (expected DifferentialFunctionClassHolder.customOpHashToClass, as in 1.0.0-M2.1)", e);
        }
        registered = true;
    }
}
