/**
 * The configuration of a pre-training run: one immutable {@link org.gvsl.train.config.PretrainConfig} with its
 * defaults (two {@link org.gvsl.train.config.Profile profiles}: the synthetic demo and the paper's run on a data
 * folder), read from JSON/YAML files and command-line overrides in layers ({@link
 * org.gvsl.train.config.ConfigLayers}), and written as JSON beside the weights ({@link
 * org.gvsl.train.config.ConfigJson}).
 */
package org.gvsl.train.config;
