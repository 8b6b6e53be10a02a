package org.gvsl.model.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Loads the ND4J backend with the fastest native binary on the class path and reports what was loaded.
 *
 * <p>The CPU build of the project carries two native binaries of nd4j-native: the plain one (from
 * nd4j-native-platform) and the oneDNN one (classifier {@code linux-x86_64-onednn}). JavaCPP picks between them
 * by the system property {@code javacpp.platform.extension}, which must be set before the first ND4J class loads
 * its natives. Without oneDNN, conv3d runs about 80× slower on x86-64 (see README, "Native backend"), so
 * start-up selects {@code -onednn} whenever that binary is present and the user has not chosen
 * otherwise ({@code -Djavacpp.platform.extension=} with an empty value keeps the plain build). The backend is
 * started by {@link GraphRuntime#start()}.
 */
public final class NativeBackend {

    /** JavaCPP's system property naming the variant of the native binary. */
    public static final String EXTENSION_PROPERTY = "javacpp.platform.extension";

    private static final String ONEDNN = "-onednn";
    private static final String ONEDNN_PROBE = "/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/";

    private NativeBackend() {
    }

    /**
     * Selects the native binary and loads the backend. It must run once, before any other ND4J use: {@link
     * GraphRuntime#start()} calls it, and everything else starts the runtime.
     */
    static void initialise() {
        if (System.getProperty(EXTENSION_PROPERTY) == null
                && NativeBackend.class.getResource(ONEDNN_PROBE + "libnd4jcpu.so") != null) {
            System.setProperty(EXTENSION_PROPERTY, ONEDNN);
        }
        Nd4j.getBackend();
    }

    /** Whether the loaded native library was built with oneDNN (always false on CUDA, which uses cuDNN). */
    public static boolean hasOneDnn() {
        GraphRuntime.start();
        return Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN");
    }

    /**
     * Whether arrays live in this process's memory (ND4J's CPU backend), not on a GPU: only then does the resident
     * memory bound a training step.
     */
    public static boolean onCpu() {
        GraphRuntime.start();
        return Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend");
    }

    /**
     * One line for logs: backend class, binary variant, oneDNN, and the OpenMP thread count of each op (the count
     * in effect: {@code Environment.maxThreads} may still show the core count after the OpenMP count was lowered).
     */
    public static String describe() {
        GraphRuntime.start();
        String extension = System.getProperty(EXTENSION_PROPERTY, "");
        return String.format("ND4J backend %s, native binary %s, oneDNN %s, %d threads",
                Nd4j.getBackend().getClass().getSimpleName(),
                extension.isEmpty() ? "default" : extension.substring(1),
                hasOneDnn() ? "yes" : "no",
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
    }
}
