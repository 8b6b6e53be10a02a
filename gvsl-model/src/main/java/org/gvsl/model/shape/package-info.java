/** Static tensor sizes that graphs are built for. */
package org.gvsl.model.shape;
