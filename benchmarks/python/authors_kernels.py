#!/usr/bin/env python3
"""Times two kernels on PyTorch's side as benchmarks/run LocalNccBenchmark and WarpBenchmark time ours.

- NCC: the authors' ``ncc_loss`` (window 9, imported from the checkout given by --repo, as authors_step.py does;
  their dense 9³ box-filter convolutions), forward and backward to both images, ``[2, 1, S³]`` uniform inputs.
- Warp: PyTorch's ``grid_sample`` (bilinear, zeros, align_corners=True, the spec's convention) of a ``[2, C, S³]``
  volume by a random field of ±3 voxels, forward and backward to image and field, as WarpBenchmark.

Prints one line per kernel: ``KERNEL size S channels C: median X ms over N`` (after one warm-up call).
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import authors_step  # noqa: E402  (the same import of their code and .cuda() patch as the step)


def median_ms(run, repeats):
    """Median wall time of run() in ms over repeats calls, after one warm-up call."""
    run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="checkout of github.com/YutingHe-list/GVSL")
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(args.threads)
    authors_step.strip_cuda()
    _, losses = authors_step.import_authors(args.repo)
    generator = torch.Generator().manual_seed(1)
    s = args.size

    i = torch.rand(2, 1, s, s, s, generator=generator, requires_grad=True)
    j = torch.rand(2, 1, s, s, s, generator=generator, requires_grad=True)
    print("ncc size %d channels 1: median %.1f ms over %d"
          % (s, median_ms(lambda: losses.ncc_loss(i, j).backward(), args.repeats), args.repeats), flush=True)

    # Voxel positions p + u → grid_sample's normalised (x, y, z) = (W, H, D) with align_corners=True.
    axis = torch.arange(s, dtype=torch.float32)
    base = torch.stack(torch.meshgrid(axis, axis, axis, indexing="ij"))
    for channels in (1, 32):
        image = torch.rand(2, channels, s, s, s, generator=generator, requires_grad=True)
        field = (torch.rand(2, 3, s, s, s, generator=generator) * 6 - 3).requires_grad_(True)
        weights = torch.rand(2, channels, s, s, s, generator=generator)

        def warp():
            grid = (2 * (base + field) / (s - 1) - 1).permute(0, 2, 3, 4, 1)[..., [2, 1, 0]]
            out = F.grid_sample(image, grid, mode="bilinear", padding_mode="zeros", align_corners=True)
            (out * weights).sum().backward()

        print("grid_sample size %d channels %d: median %.1f ms over %d"
              % (s, channels, median_ms(warp, args.repeats), args.repeats), flush=True)


if __name__ == "__main__":
    main()
