#!/usr/bin/python3
"""Convert a PyTorch state dict (.pth) to .npz under the same key names, for `./gvsl import --npz`.

Usage:  /usr/bin/python3 tools/pth2npz.py GVSL_epoch_1000.pth GVSL_epoch_1000.npz

The .pth may hold the state dict itself (torch.save(model.state_dict(), f), as the authors' Train_GVSL.py
writes it) or a checkpoint dict with it under the key 'state_dict'. Every tensor is written as a .npy entry
named by its key (e.g. unet.inc.double_conv.0.weight) in its dtype (float16/bfloat16 as float32, which NumPy
and gvsl read); non-tensor values are an error.
Needs only torch and numpy (Debian: apt-get install python3-torch python3-numpy). The file is loaded on the
CPU with weights_only where this torch supports it, so a checkpoint saved on a GPU converts anywhere.
"""
import sys

import numpy as np
import torch


def load_state_dict(path):
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:  # torch < 1.13 has no weights_only
        obj = torch.load(path, map_location="cpu")
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict):
        sys.exit(f"{path}: not a state dict (a {type(obj).__name__}); save model.state_dict()")
    bad = [k for k, v in obj.items() if not torch.is_tensor(v)]
    if bad:
        sys.exit(f"{path}: entries that are not tensors: {bad[:10]}")
    return obj


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    source, target = sys.argv[1], sys.argv[2]
    state = load_state_dict(source)
    def array(v):
        v = v.detach().cpu()
        if v.dtype in (torch.float16, torch.bfloat16):
            v = v.float()
        return v.numpy()

    np.savez(target, **{k: array(v) for k, v in state.items()})
    print(f"wrote {target}: {len(state)} tensors, {sum(v.numel() for v in state.values()):,} values")


if __name__ == "__main__":
    main()
