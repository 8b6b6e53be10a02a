package org.gvsl.benchmarks;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which part of the GVSL graph an op of a training step belongs to, and whether it is a forward or a backward op.
 *
 * <p>Forward ops carry their part in their name ({@code unet/down1/group_norm/mmul}, from
 * {@code org.gvsl.model.backend.GraphScope}): the part is the name without its last component. SameDiff names the
 * backward ops it derives without a scope ({@code conv3dnew_bp_17}). Such an op belongs to the forward op it
 * differentiates, which it finds by its incoming gradient: SameDiff names the gradient of variable V {@code V-grad},
 * and V is an output of that forward op. An op without such an input (gradient sums, shapes) takes the part most of
 * its inputs have, the deeper one on a tie. Ops are given in execution order, so every input's producer is known
 * before its consumers. An op with no part is {@value #NONE}.
 */
final class GraphParts {

    /** The part of ops outside every named part (e.g. the total loss). */
    static final String NONE = "(other)";

    /** How SameDiff names the gradient of a variable: {@code NAME-grad}. */
    private static final String GRADIENT_SUFFIX = "-grad";

    private final SameDiff graph;
    private final Set<String> forwardOps;
    private final Map<String, String> partOfOp = new HashMap<>();

    /**
     * @param graph      the graph that ran the step (the gradient function)
     * @param forwardOps the op names of the forward graph
     * @param executed   the op names in execution order
     */
    GraphParts(SameDiff graph, Set<String> forwardOps, List<String> executed) {
        this.graph = graph;
        this.forwardOps = forwardOps;
        executed.forEach(op -> partOfOp.put(op, derive(op)));
    }

    /** The part of an executed op, e.g. {@code unet/down1/group_norm}, or {@value #NONE}. */
    String ofOp(String op) {
        return partOfOp.getOrDefault(op, NONE);
    }

    /** Whether an op belongs to the backward pass (it is not in the forward graph). */
    boolean backward(String op) {
        return !forwardOps.contains(op);
    }

    private String derive(String op) {
        int slash = op.lastIndexOf('/');
        if (slash > 0) {
            return op.substring(0, slash);
        }
        SameDiffOp o = graph.getOps().get(op);
        if (o == null || o.getInputsToOp() == null) {
            return NONE;
        }
        for (String input : o.getInputsToOp()) {
            if (input.endsWith(GRADIENT_SUFFIX)) {
                String part = ofVariable(input.substring(0, input.length() - GRADIENT_SUFFIX.length()));
                if (part != null) {
                    return part;
                }
            }
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (String input : o.getInputsToOp()) {
            String part = ofVariable(input);
            if (part != null) {
                votes.merge(part, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingLong(e -> e.getKey().chars().filter(c -> c == '/').count()))
                .map(Map.Entry::getKey).orElse(NONE);
    }

    private String ofVariable(String name) {
        Variable v = graph.getVariables().get(name);
        if (v != null && v.getOutputOfOp() != null) {
            String part = partOfOp.get(v.getOutputOfOp());
            return NONE.equals(part) ? null : part;
        }
        int slash = name.lastIndexOf('/');
        return slash > 0 ? name.substring(0, slash) : null;
    }
}
