#!/usr/bin/env python3
"""Times the authors' GVSL training step (PyTorch) on the CPU or a GPU, as benchmarks/run TrainingStepMemory times ours.

Their code is imported at run time from a checkout of github.com/YutingHe-list/GVSL given by --repo (their
PyTorch/models/gvsl.py model and PyTorch/utils/losses.py losses); nothing of it is copied into this project, and
their files are not edited. Three things are changed at run time, by monkey-patching:

- on the CPU (``--device cpu``, the default), ``.cuda()`` and ``.to("cuda")`` return the tensor on the CPU (their
  code hard-codes CUDA); ``--device cuda`` leaves them, for a PyTorch with CUDA (benchmarks/gpu-check --authors);
- ``GVSL.get_affine_mat`` is replaced by :func:`batched_affine_matrix`, ours, written from the spec's formulas
  (method.md §2), because theirs builds each matrix from Python scalars and crashes for a batch > 1. Before timing,
  ours is checked against theirs row by row (theirs runs at batch 1). Their construction also cuts the gradient
  (the affine head never trains); ``--affine detached`` (the default) keeps that, ``--affine trained`` lets the
  gradient through as our implementation does;
- for widths other than the paper's, the heads whose input widths their code fixes (f_conv, fc_*, sp_conv,
  out_flow, res_conv) are rebuilt for the given widths as our GvslModel defines them. This exists for smoke tests at
  narrow widths; the paper's widths use their model unchanged.

One step is their ``Trainer.train_iterator``: forward ``gvsl(A, B)``, ``ncc_loss(warp_BA, A) + MSE(res_A, A) +
gradient_loss(flow_BA)``, backward, Adam (lr 1e-4) step, zero the gradients. The inputs are a fixed random batch
(uniform [0, 1), seed 1) with A = the fixed image = the target, as TrainingStepMemory's. Output: one line per step
and, last, ``median step X s over N steps; peak RSS Y MB`` in TrainingStepMemory's format and with its median (the
element at index n/2 of the sorted step times after warm-up). On CUDA each step ends with
``torch.cuda.synchronize()``, so its asynchronous kernels are timed, and the peak memory PyTorch reserved is printed
before the closing line.
"""
import argparse
import math
import os
import resource
import sys
import time

PAPER_WIDTHS = (32, 64, 128, 256, 512, 256, 128, 64, 32)
NARROW_WIDTHS = (8, 16, 32, 64, 128, 64, 32, 16, 8)


def parse_widths(text):
    """'paper', 'narrow' or nine comma-separated integers, as UNetWidths.parse."""
    named = {"paper": PAPER_WIDTHS, "narrow": NARROW_WIDTHS}
    if text.strip().lower() in named:
        return named[text.strip().lower()]
    widths = tuple(int(c) for c in text.split(","))
    if len(widths) != 9:
        raise argparse.ArgumentTypeError("expected 9 comma-separated widths c0..c8, got %r" % text)
    return widths


def batched_affine_matrix(rot, scale, translate, shear):
    """A = [M | t] per batch row, M = Sh · S · Rz · Ry · Rx (method.md §2), differentiable, for any batch.

    rot, scale, translate: [N, 3] (angles in radians, scale factors, translation); shear: [N, 6] angles in the
    order xy, xz, yx, yz, zx, zy, entering through tan. Returns [N, 3, 4].
    """
    import torch
    cos, sin = torch.cos(rot), torch.sin(rot)
    one, zero = torch.ones_like(rot[:, 0]), torch.zeros_like(rot[:, 0])

    def matrix(*entries):
        return torch.stack(entries, dim=1).view(-1, 3, 3)

    cx, cy, cz = cos.unbind(1)
    sx, sy, sz = sin.unbind(1)
    rot_x = matrix(one, zero, zero, zero, cx, -sx, zero, sx, cx)
    rot_y = matrix(cy, zero, sy, zero, one, zero, -sy, zero, cy)
    rot_z = matrix(cz, -sz, zero, sz, cz, zero, zero, zero, one)
    scale_mat = torch.diag_embed(scale)
    t = torch.tan(shear).unbind(1)
    shear_mat = matrix(one, t[0], t[1], t[2], one, t[3], t[4], t[5], one)
    m = torch.matmul(shear_mat, torch.matmul(scale_mat, torch.matmul(rot_z, torch.matmul(rot_y, rot_x))))
    return torch.cat([m, translate.unsqueeze(2)], dim=2)


def strip_cuda():
    """Makes .cuda() and .to('cuda') keep tensors on the CPU."""
    import torch
    original_to = torch.Tensor.to

    def is_cuda(device):
        return device is not None and str(device).startswith("cuda")

    def to_cpu(self, *args, **kwargs):
        args = tuple("cpu" if is_cuda(a) else a for a in args)
        if is_cuda(kwargs.get("device")):
            kwargs["device"] = "cpu"
        return original_to(self, *args, **kwargs)

    torch.Tensor.cuda = lambda self, *args, **kwargs: self
    torch.Tensor.to = to_cpu
    torch.nn.Module.cuda = lambda self, *args, **kwargs: self


def import_authors(repo):
    """Their model module and losses module, from REPO/PyTorch."""
    code = os.path.join(repo, "PyTorch")
    if not os.path.isfile(os.path.join(code, "models", "gvsl.py")):
        raise SystemExit("--repo %s: no PyTorch/models/gvsl.py there (a checkout of "
                         "github.com/YutingHe-list/GVSL is expected)" % repo)
    sys.path.insert(0, code)
    import models.gvsl as gvsl_module
    import utils.losses as losses_module
    return gvsl_module, losses_module


def check_against_theirs(their_get_affine_mat, batch, generator):
    """Max |ours − theirs| over the rows of a random batch; theirs runs one row at a time (it only handles 1), on
    the CPU or, where .cuda() is left as it is, on the GPU."""
    import torch
    rot = (torch.rand(batch, 3, generator=generator) * 2 - 1) * (math.pi / 9)
    scale = 1 + (torch.rand(batch, 3, generator=generator) * 2 - 1) * 0.25
    translate = torch.rand(batch, 3, generator=generator) * 2 - 1
    shear = (torch.rand(batch, 6, generator=generator) * 2 - 1) * (math.pi / 18)
    ours = batched_affine_matrix(rot, scale, translate, shear)
    worst = 0.0
    for i in range(batch):
        theirs = their_get_affine_mat(None, rot[i:i + 1], scale[i:i + 1], translate[i:i + 1], shear[i:i + 1])
        worst = max(worst, (ours[i:i + 1] - theirs.cpu()).abs().max().item())
    return worst


def double_conv(torch_nn, c_in, c_out):
    """Two [Conv3d k3 → GroupNorm(max(1, c/8)) → LeakyReLU 0.2], the heads' block as our DoubleConv defines it."""
    groups = max(1, c_out // 8)
    return torch_nn.Sequential(
        torch_nn.Conv3d(c_in, c_out, 3, padding=1), torch_nn.GroupNorm(groups, c_out), torch_nn.LeakyReLU(0.2),
        torch_nn.Conv3d(c_out, c_out, 3, padding=1), torch_nn.GroupNorm(groups, c_out), torch_nn.LeakyReLU(0.2))


def rebuild_heads(model, widths):
    """Heads sized for widths c4, c8 other than the paper's (their code fixes 1024 and 64 input channels)."""
    import torch.nn as nn
    c4, c8 = widths[4], widths[8]
    hidden = c4 // 2
    model.f_conv = double_conv(nn, 2 * c4, hidden)
    model.fc_rot, model.fc_scl = nn.Linear(hidden, 3), nn.Linear(hidden, 3)
    model.fc_trans, model.fc_shear = nn.Linear(hidden, 3), nn.Linear(hidden, 6)
    model.sp_conv = double_conv(nn, 2 * c8, c8 // 2)
    model.out_flow = nn.Conv3d(c8 // 2, 3, 3, padding=1)
    model.res_conv = nn.Sequential(nn.Conv3d(c8, 16, 3, padding=1), nn.GroupNorm(4, 16), nn.LeakyReLU(0.2),
                                   nn.Conv3d(16, 1, 1))


def resident_mb():
    """The resident set size now, in MB (10⁶ bytes), or -1."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return -1


def peak_resident_mb():
    """The peak resident set size, in MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def median_step(seconds):
    """TrainingStepMemory's median: the element at index n/2 of the sorted times (NaN when there are none)."""
    ordered = sorted(seconds)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def closing_line(median, count, peak_mb):
    """The closing line other scripts read, in TrainingStepMemory's format (Java writes NaN as "NaN")."""
    median_text = "NaN" if math.isnan(median) else "%.2f" % median
    return "median step %s s over %d steps; peak RSS %.0f MB" % (median_text, count, peak_mb)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", required=True, help="checkout of github.com/YutingHe-list/GVSL")
    parser.add_argument("--widths", type=parse_widths, default=PAPER_WIDTHS, help="paper|narrow|c0,…,c8")
    parser.add_argument("--size", type=int, default=32, help="cubic crop side S (voxels)")
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--steps", type=int, default=100, help="steps in all, warm-up included")
    parser.add_argument("--warmup", type=int, default=2, help="first steps left out of the median")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--affine", choices=("detached", "trained"), default="detached",
                        help="detached: as their code (no gradient into the affine head); trained: as ours")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    args = parser.parse_args(argv)
    for name in ("size", "batch", "steps"):
        if getattr(args, name) < 1:
            parser.error("--%s must be ≥ 1, got %d" % (name, getattr(args, name)))

    import torch
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    cuda = args.device == "cuda"
    if cuda and not torch.cuda.is_available():
        raise SystemExit("--device cuda: this PyTorch (%s) finds no CUDA device" % torch.__version__)
    if not cuda:
        strip_cuda()
    gvsl_module, losses = import_authors(args.repo)
    their_get_affine_mat = gvsl_module.GVSL.get_affine_mat
    worst = check_against_theirs(their_get_affine_mat, args.batch, torch.Generator().manual_seed(2))
    if not worst <= 1e-6:
        raise SystemExit("batched get_affine_mat differs from theirs by %.3g" % worst)
    detach = args.affine == "detached"

    def get_affine_mat(self, rot, scale, translate, shear):
        mat = batched_affine_matrix(rot, scale, translate, shear)
        return mat.detach() if detach else mat

    gvsl_module.GVSL.get_affine_mat = get_affine_mat

    print("authors' code %s, torch %s, %d threads, %s" % (args.repo, torch.__version__, torch.get_num_threads(),
                                                         torch.cuda.get_device_name() if cuda else "CPU"))
    print("batched get_affine_mat equals theirs row by row (max |diff| %.1e); affine head %s"
          % (worst, args.affine))
    torch.manual_seed(1)
    model = gvsl_module.GVSL(chan=args.widths)
    if tuple(args.widths) != PAPER_WIDTHS:
        rebuild_heads(model, args.widths)
    model.to(args.device).train()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-4)
    shape = (args.batch, 1, args.size, args.size, args.size)
    fixed, moving = torch.rand(shape).to(args.device), torch.rand(shape).to(args.device)
    finish = torch.cuda.synchronize if cuda else (lambda: None)
    print("widths %s, %d³, batch %d, %d steps (%d warm-up), %d parameters"
          % (list(args.widths), args.size, args.batch, args.steps, args.warmup,
             sum(p.numel() for p in model.parameters())))
    sys.stdout.flush()

    timed = []
    for step in range(1, args.steps + 1):
        t0 = time.perf_counter()
        res_a, warp_ba, _, flow_ba = model(fixed, moving)
        loss = losses.ncc_loss(warp_ba, fixed) + losses.MSE(res_a, fixed) + losses.gradient_loss(flow_ba)
        loss.backward()
        optimiser.step()
        model.zero_grad()
        optimiser.zero_grad()
        finish()
        seconds = time.perf_counter() - t0
        if step > args.warmup:
            timed.append(seconds)
        print("step %4d  %7.2f s  total %.5f  rss %6.0f MB" % (step, seconds, loss.item(), resident_mb()))
        sys.stdout.flush()
    if cuda:
        print("peak GPU memory reserved by PyTorch %.0f MB" % (torch.cuda.max_memory_reserved() / 1e6))
    print(closing_line(median_step(timed), len(timed), peak_resident_mb()))


if __name__ == "__main__":
    main()
