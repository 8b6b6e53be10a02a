#!/usr/bin/env bash
# Regenerates the variant reference cases that gvsl-selfcheck's VariantCasesTest runs (about 1.6 MB, 20 s).
#   gvsl-selfcheck/src/test/python/regenerate_variant.sh [PATH/TO/shared/reference/generate.py]
# The shared generator is used unchanged, through generate_variant.py; these parameters differ from the bundled
# seed-1 cases (see shared/reference/README.md for those):
#   seed 9 (1), widths 4,8,8,16,16,16,8,8,4 (8,…,128: 30 k parameters, not 2 M);
#   upsample: three inputs [2,2,3,1,4], [1,1,1,1,1], [1,3,5,2,2] (two); groupnorm: x [3,12,2,3,4], groups 1,3,6,12;
#   unet: batch 2 at 16³ and [1,1,9,31,18]; warp: [3,1,7,9,11]; ncc: [1,1,12,10,14], windows 3,7,11;
#   smooth: [1,3,5,7,6]; affine: batch 5 on 7×9×11; gvsl_step: batch 1 at 16³, NCC window 5 (22 elements of the
#   updated first convolution have a sign-unstable gradient); bezier: five control points, 5000 samples, 57 inputs;
#   metrics: 4 classes on [4,3,4,5].
# Run with Debian's /usr/bin/python3 (python3-torch 1.13, numpy), as the generator needs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
generator="${1:-$root/../shared/reference/generate.py}"
out=gvsl-selfcheck/src/test/resources/org/gvsl/selfcheck/variant
cd "$root"
rm -rf "$out"
/usr/bin/python3 gvsl-selfcheck/src/test/python/generate_variant.py --generator "$generator" --shapes '{
  "upsample": [[2, 2, 3, 1, 4], [1, 1, 1, 1, 1], [1, 3, 5, 2, 2]],
  "groupnorm": {"x": [3, 12, 2, 3, 4], "groups": [1, 3, 6, 12]},
  "unet": [[2, 1, 16, 16, 16], [1, 1, 9, 31, 18]],
  "warp": {"image": [3, 1, 7, 9, 11]},
  "ncc": {"x": [1, 1, 12, 10, 14], "windows": [3, 7, 11]},
  "smooth": {"u": [1, 3, 5, 7, 6]},
  "affine": {"batch": 5, "grid": [7, 9, 11]},
  "gvsl_step": {"x": [1, 1, 16, 16, 16], "window": 5},
  "bezier": {"points": [[0.0, 0.2], [0.1, 0.9], [0.7, 0.0], [0.9, 0.6], [1.0, 1.0]], "n_times": 5000, "n_x": 57},
  "metrics": {"dice": [4, 3, 4, 5], "classes": 4}}' -- --out "$out" --seed 9 --widths 4,8,8,16,16,16,8,8,4
