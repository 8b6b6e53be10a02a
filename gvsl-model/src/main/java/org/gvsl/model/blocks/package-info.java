/**
 * Building blocks of the networks as SameDiff sub-graphs: convolution, GroupNorm, the U-Net's double
 * convolution, trilinear upsampling, linear layers, and the factory that creates their named, initialised
 * parameters. Tensors are {@code [N, C, D, H, W]}; parameter names and layouts follow the reference PyTorch
 * state dict (conv weights {@code [Cout, Cin, kD, kH, kW]}, linear weights {@code [out, in]}).
 */
package org.gvsl.model.blocks;
