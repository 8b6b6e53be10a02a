package org.gvsl.model.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeBackendTest {

    @Test
    void theOneDnnBinaryIsLoadedWhenItIsOnTheClassPath() {
        GraphRuntime.start();
        boolean onednnJar = NativeBackend.class.getResource(
                "/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libnd4jcpu.so") != null;
        if (onednnJar) {
            assertTrue(NativeBackend.hasOneDnn(), NativeBackend.describe());
            assertTrue(NativeBackend.describe().contains("native binary onednn"), NativeBackend.describe());
        }
        assertTrue(NativeBackend.describe().startsWith("ND4J backend "), NativeBackend.describe());
    }
}
