/** Writing files so that a reader, or a process killed mid-write, never sees half a file. */
package org.gvsl.core.io;
