/**
 * The ND4J runtime of the project: {@link org.gvsl.model.backend.GraphRuntime} starts the backend (which native
 * binary is loaded, {@link org.gvsl.model.backend.NativeBackend}) and registers the op workarounds once per process,
 * and creates, loads and differentiates every graph (quietly); {@link org.gvsl.model.backend.NativeMemory} sets how
 * SameDiff keeps arrays, reads the process's memory and releases a step's native arrays;
 * {@link org.gvsl.model.backend.GraphScope} names a graph's parts. Settings of the whole process (threads) belong
 * to the program, not to this library.
 */
package org.gvsl.model.backend;
