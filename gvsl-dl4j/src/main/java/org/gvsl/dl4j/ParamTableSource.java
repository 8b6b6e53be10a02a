package org.gvsl.dl4j;

import org.gvsl.model.blocks.ParameterSource;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The backbone's tensors as the variables DL4J created for them in a {@code SameDiffLayer}'s graph: DL4J owns the
 * values (views of the network's flat parameter vector), so the initial values are never computed here.
 */
final class ParamTableSource implements ParameterSource {

    private final Map<String, SDVariable> paramTable;

    /** @param paramTable DL4J's variables by DL4J parameter name ({@link BackboneParamNames}) */
    ParamTableSource(Map<String, SDVariable> paramTable) {
        this.paramTable = paramTable;
    }

    @Override
    public SDVariable variable(String name, long[] shape, Supplier<double[]> initial) {
        String key = BackboneParamNames.toDl4j(name);
        SDVariable v = paramTable.get(key);
        if (v == null) {
            throw new IllegalStateException("DL4J's parameter table has no '" + key + "' (" + name + "); it has "
                    + paramTable.keySet());
        }
        if (!Arrays.equals(v.getShape(), shape)) {
            throw new IllegalStateException("DL4J's parameter '" + key + "' has shape " + Arrays.toString(v.getShape())
                    + ", the backbone's " + name + " is " + Arrays.toString(shape));
        }
        return v;
    }
}
