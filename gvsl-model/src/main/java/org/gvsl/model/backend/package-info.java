/**
 * Start-up of the ND4J backend (which native binary is loaded, threads, and how to report it), the one entry point
 * that creates and loads graphs, the names of a graph's parts and the process's native memory.
 */
package org.gvsl.model.backend;
