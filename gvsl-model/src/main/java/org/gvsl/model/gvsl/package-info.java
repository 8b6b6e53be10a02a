/**
 * The GVSL model: its configuration, the composition of backbone and heads, the factory that builds the named
 * SameDiff graphs (pre-training, and for inference the backbone and the registration sub-graph), and the
 * import/export of weights under the reference state-dict names.
 */
package org.gvsl.model.gvsl;
