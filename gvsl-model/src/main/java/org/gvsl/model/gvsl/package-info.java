/**
 * The GVSL pre-training model: its configuration, the composition of backbone and heads, the factory that builds
 * the named SameDiff training graph, and the import/export of weights under the reference state-dict names.
 */
package org.gvsl.model.gvsl;
