package org.gvsl.model.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterAdd;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Row gather {@code out[i, …] = params[indices[i], …]} (ND4J's native {@code gather} along axis 0) with a working
 * gradient: {@code ∂L/∂params = scatter_add(0, indices, ∂L/∂out)}; duplicate indices accumulate (the scatter runs
 * locked, on one thread: unlocked, ND4J's threads race on duplicate rows and drop updates).
 *
 * <p>Why: in ND4J 1.0.0-M2.1 the stock {@code gather} backprop builds a loop of {@code put}s that fails at run
 * time (deeplearning4j#9756) and {@code gather_nd} has no gradient at all. A Java subclass that only overrides
 * {@code doDiff} is not enough either ({@link NativeOpClasses} says why); {@link #register()} therefore maps the
 * hash of {@code gather} to this class; it must run before graphs are built or loaded, and
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
        // (ND4J's unsorted_segment_sum needs no zeros, but took 3.3 s where this scatter takes 0.8 s in the
        // full-width 64³ step: it runs on one thread too, slower per row.)
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
    public static synchronized void register() {
        if (!registered) {
            NativeOpClasses.replace("gather", DifferentiableGather.class);
            registered = true;
        }
    }
}
