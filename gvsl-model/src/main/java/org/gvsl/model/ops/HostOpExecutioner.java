package org.gvsl.model.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.CustomOpDescriptor;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ND4J's op executioner with {@link HostOp}s added: it runs a host op's Java code where ND4J would call libnd4j,
 * and hands every other call to ND4J's own executioner unchanged.
 *
 * <p>How: {@link #install()} puts a {@link Proxy} of {@link OpExecutioner} in {@code Nd4j}'s executioner field
 * (private in ND4J 1.0.0-M2.1; this is the one place that reaches into it). The proxy intercepts the custom-op
 * calls ({@code exec}, {@code execAndReturn}, {@code calculateOutputShape}) for host ops, and lists each
 * registered host op among the custom operations, which is how SameDiff's FlatBuffers writer finds an op's hash.
 * {@link #register} also maps that hash to the op's class in ND4J's op registry ({@link NativeOpClasses}), so
 * cloned and loaded graphs rebuild it.
 *
 * <p>Only on the CPU backend: the kernels read and write the arrays' host memory in place, which on CUDA would
 * need a copy to and from the device around each op.
 */
public final class HostOpExecutioner implements InvocationHandler {

    private static volatile boolean installed;
    private static final Map<String, CustomOpDescriptor> HOST_OPS = new HashMap<>();
    /**
     * ND4J's custom operations and the host ops, as the proxy lists them: made when an op is registered, not per
     * call (SameDiff asks once per op it serialises, so a clone of a graph asks hundreds of times).
     */
    private static volatile Map<String, CustomOpDescriptor> customOperations;

    private final OpExecutioner delegate;

    private HostOpExecutioner(OpExecutioner delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps ND4J's executioner, once per process, when the backend is the CPU one (later calls return at once).
     * Called by {@link org.gvsl.model.backend.GraphRuntime#start()}.
     *
     * @throws IllegalStateException when this ND4J version keeps its executioner elsewhere
     */
    public static synchronized void install() {
        if (installed || !Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend")) {
            return;
        }
        try {
            Field field = Nd4j.class.getDeclaredField("OP_EXECUTIONER_INSTANCE");
            field.setAccessible(true);
            OpExecutioner nd4jOwn = (OpExecutioner) field.get(null);
            field.set(null, Proxy.newProxyInstance(HostOpExecutioner.class.getClassLoader(),
                    new Class<?>[] {OpExecutioner.class}, new HostOpExecutioner(nd4jOwn)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot add host ops to ND4J's executioner with this ND4J version "
                    + "(expected the field Nd4j.OP_EXECUTIONER_INSTANCE, as in 1.0.0-M2.1)", e);
        }
        installed = true;
    }

    /** Whether host ops run in this process: {@link #install()} ran on the CPU backend. */
    public static boolean installed() {
        return installed;
    }

    /**
     * Registers a host op class by its op name, so graphs holding it can be cloned, saved and loaded. Idempotent.
     *
     * @param prototype an instance made with the class's no-argument constructor
     * @throws IllegalStateException when the name's hash is that of a native op
     */
    public static synchronized void register(HostOp prototype) {
        String name = prototype.opName();
        if (HOST_OPS.containsKey(name)) {
            return;
        }
        long hash = hashOf(name);
        for (CustomOpDescriptor d : Nd4j.getExecutioner().getCustomOperations().values()) {
            if (d.getHash() == hash) {
                throw new IllegalStateException("host op " + name + " has the hash of a native op");
            }
        }
        HOST_OPS.put(name, new CustomOpDescriptor(hash, -1, prototype.getNumOutputs(), false, 0, 0));
        customOperations = null;
        NativeOpClasses.register(hash, name, prototype.getClass());
    }

    /** The 64-bit FNV-1a hash of an op name: the op number SameDiff stores for a host op. */
    static long hashOf(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length > 0 && args[0] instanceof HostOp op) {
            switch (name) {
                case "exec":
                    return args.length == 2 ? execute(op, (OpContext) args[1]) : execute(op);
                case "execAndReturn":
                    execute(op);
                    return op;
                case "calculateOutputShape":
                    return args.length == 2 ? op.calculateOutputShape((OpContext) args[1]) : op.calculateOutputShape();
                default:
                    break;
            }
        }
        if (name.equals("getCustomOperations") && (args == null || args.length == 0)) {
            return customOperations();
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Map<String, CustomOpDescriptor> customOperations() {
        Map<String, CustomOpDescriptor> all = customOperations;
        if (all == null) {
            synchronized (HostOpExecutioner.class) {
                Map<String, CustomOpDescriptor> merged = new HashMap<>(delegate.getCustomOperations());
                merged.putAll(HOST_OPS);
                all = merged;
                customOperations = all;
            }
        }
        return all;
    }

    private static INDArray[] execute(HostOp op, OpContext context) {
        List<INDArray> outputs = context.getOutputArrays();
        op.execute(context.getInputArrays(), outputs);
        return outputs.toArray(INDArray[]::new);
    }

    /** An op run eagerly ({@code Nd4j.exec(op)}): its output arrays are made when it has none. */
    private static INDArray[] execute(HostOp op) {
        if (op.numOutputArguments() == 0) {
            for (LongShapeDescriptor d : op.calculateOutputShape()) {
                op.addOutputArgument(Nd4j.create(d.dataType(), d.getShape()));
            }
        }
        List<INDArray> outputs = op.outputArguments();
        op.execute(op.inputArguments(), outputs);
        return outputs.toArray(INDArray[]::new);
    }
}
