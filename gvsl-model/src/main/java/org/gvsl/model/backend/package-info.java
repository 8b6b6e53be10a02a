/** Start-up of the ND4J backend: which native binary is loaded, threads, and how to report it. */
package org.gvsl.model.backend;
