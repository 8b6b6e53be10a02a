/** Writing run files so that a reader, or a run killed mid-write, never sees half a file. */
package org.gvsl.train.io;
