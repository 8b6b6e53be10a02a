#!/usr/bin/env python3
"""Reference cases with other parameters than the bundled seed-1 set, from the project's shared generator.

The shared generator (shared/reference/generate.py) takes --seed, --widths and --norm-init on its command line;
every other parameter of a case family (shapes, batch sizes, GroupNorm groups, NCC windows, the gvsl_step window,
Bezier control points, metric classes) is a constant in its SHAPES table. This wrapper imports the generator
unchanged, merges a JSON object into that table (per case family, key by key), and runs the generator's own main()
with the remaining arguments. The manifest it writes records the overrides under "variant".

    /usr/bin/python3 generate_variant.py --generator PATH/TO/shared/reference/generate.py \\
        --shapes '{"groupnorm": {"groups": [1, 3]}}' -- --out DIR --seed 7 [--widths ...] [--norm-init spec]

The variant bundled with gvsl-selfcheck (src/test/resources/org/gvsl/selfcheck/variant/) is made by
regenerate_variant.sh beside this file, which lists its parameters. Needs Debian's /usr/bin/python3 with
python3-torch (1.13) and numpy, as the generator does.
"""

import argparse
import importlib.util
import json
import os
import sys


def load_generator(path):
    spec = importlib.util.spec_from_file_location("gvsl_reference_generate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def merge_shapes(table, overrides):
    for family, values in overrides.items():
        if family not in table:
            raise SystemExit(f"--shapes: no case family {family!r}; families: {sorted(table)}")
        current = table[family]
        if isinstance(current, dict):
            unknown = set(values) - set(current)
            if unknown:
                raise SystemExit(f"--shapes: {family} has no parameter {sorted(unknown)}; it has {sorted(current)}")
            current.update({k: as_tuples(v) for k, v in values.items()})
        else:
            table[family] = as_tuples(values)


def as_tuples(value):
    """JSON lists become tuples, as the generator's table writes them."""
    return tuple(as_tuples(v) for v in value) if isinstance(value, list) else value


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generator", required=True, help="path of shared/reference/generate.py")
    ap.add_argument("--shapes", default="{}", help="JSON object merged into the generator's SHAPES table")
    ap.add_argument("generator_args", nargs=argparse.REMAINDER, help="-- then the generator's own arguments")
    args = ap.parse_args()
    rest = args.generator_args[1:] if args.generator_args[:1] == ["--"] else args.generator_args
    overrides = json.loads(args.shapes)

    generator = load_generator(os.path.abspath(args.generator))
    merge_shapes(generator.SHAPES[False], overrides)
    sys.argv = [args.generator] + rest
    generator.main()

    out = rest[rest.index("--out") + 1]
    manifest_path = os.path.join(out, "manifest.json")
    with open(manifest_path) as fh:
        manifest = json.load(fh)
    manifest["variant"] = dict(wrapper="gvsl-selfcheck/src/test/python/generate_variant.py", shapes=overrides)
    with open(manifest_path, "w") as fh:
        json.dump(manifest, fh, indent=1, allow_nan=False)


if __name__ == "__main__":
    main()
