#!/usr/bin/python3
"""Writes the NIfTI test fixtures of gvsl-data with nibabel, and fixtures.json describing them.

The files are written by another tool than ours, so that NiftiReaderTest shows our reader reads what
nibabel writes (values, shape, spacing, affine), and NiftiFieldTest shows our header layout table is
nibabel's. They are generated once and committed; rerun this only to change them:

    sudo apt-get install -y python3-nibabel        # Debian's nibabel (5.0 when these were made)
    cd gvsl-data/src/test/resources/org/gvsl/data/nifti/nibabel && /usr/bin/python3 make_fixtures.py

`make_fixtures.py --describe FILE...` prints the same description of other files as a JSON list: NiftiWriterTest
runs it on files our writer wrote, so that nibabel's view of them is compared with ours (the test is skipped
where python3-nibabel is not installed).

fixtures.json holds, per file, what nibabel itself reports on reading the file back: the shape, the voxel
spacing and the voxel values in our order ([D, H, W] = nibabel's (k, j, i), C order, after scl_slope/
scl_inter), the affine nibabel chooses (sform if sform_code > 0, else qform), the qform's affine by itself
(nibabel's decoding of quatern_b/c/d, qfac, pixdim and qoffset) with the stored quaternion and qfac, and the
header fields a reader must honour (format, byte order, datatype, codes, scaling, extensions). It also holds
nibabel's own declaration of the header layout of both formats ("layout": field -> offset, numpy type, count).

Deterministic: fixed values, no clock, no random state; gzip is written with mtime 0.
"""
import gzip
import json
import os
import sys

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# the header fields our table (org.gvsl.data.nifti.NiftiField) lists
FIELDS = ["sizeof_hdr", "magic", "dim", "intent_code", "datatype", "bitpix", "pixdim", "vox_offset",
          "scl_slope", "scl_inter", "xyzt_units", "descrip", "qform_code", "sform_code",
          "quatern_b", "quatern_c", "quatern_d", "qoffset_x", "qoffset_y", "qoffset_z",
          "srow_x", "srow_y", "srow_z"]


def layout(header_dtype):
    """nibabel's declaration of each field: offset, numpy type without byte order, element count."""
    out = {}
    for name in FIELDS:
        dt, offset = header_dtype.fields[name][:2]
        base = dt.base
        if base.kind == "S":
            code, count = "S1", base.itemsize
        else:
            code, count = base.kind + str(base.itemsize), int(np.prod(dt.shape)) if dt.shape else 1
        out[name] = {"offset": int(offset), "type": code, "count": count}
    # nibabel splits NIfTI-2's char magic[8] into magic[4] and eol_check[4] ("\r\n\032\n"); the standard,
    # and our table, have one 8-byte magic.
    if "eol_check" in header_dtype.names:
        eol, eol_offset = header_dtype.fields["eol_check"][:2]
        assert eol_offset == out["magic"]["offset"] + out["magic"]["count"] and eol.itemsize == 4
        out["magic"]["count"] += 4
    return out


def rotation(axis, degrees):
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    x, y, z = axis
    t = np.radians(degrees)
    k = np.array([[0, -z, y], [z, 0, -x], [-y, x, 0]])
    return np.eye(3) + np.sin(t) * k + (1 - np.cos(t)) * k @ k


def affine(linear, origin):
    a = np.eye(4)
    a[:3, :3] = linear
    a[:3, 3] = origin
    return a


def values(shape, dtype, lo, hi):
    """shape (i, j, k) voxels spread over [lo, hi], in a scrambled but fixed order."""
    n = int(np.prod(shape))
    v = (np.arange(n) * 37) % n
    v = lo + (hi - lo) * v / (n - 1)
    return (np.rint(v) if np.dtype(dtype).kind in "iu" else v).astype(dtype).reshape(shape)


# A mirrored, oblique qform (qfac -1: x flipped, then 25 degrees about (1, 2, 3)) and anisotropic voxels.
OBLIQUE = affine(rotation([1, 2, 3], 25) @ np.diag([-1.5, 2.0, 2.5]), [12.5, -30.0, 7.25])
# A sheared sform: columns not orthogonal, so no qform could hold it.
SHEARED = affine(rotation([0, 0, 1], 10) @ np.array([[1.2, 0.3, 0], [0, 1.2, 0.2], [0, 0, 2.0]]), [-5, 6, -7])
AXIS_ALIGNED = affine(np.diag([-0.8, 0.8, 1.6]), [40.0, -40.0, -20.0])

# name, format, byte order, data (i, j, k), qform (affine, code), sform (affine, code), scaling, extensions
CASES = [
    ("n1_uint8_le_sform.nii", 1, "<", values((5, 4, 3), np.uint8, 0, 255),
     None, (AXIS_ALIGNED, 2), None, []),
    ("n1_int16_be_qform.nii", 1, ">", values((4, 3, 5), np.int16, -1200, 3000),
     (OBLIQUE, 1), None, None, []),
    ("n1_float32_le_sform_over_qform.nii.gz", 1, "<", values((3, 5, 4), np.float32, -2.5, 7.75),
     (OBLIQUE, 1), (SHEARED, 3), None, []),
    ("n1_float64_le_extensions.nii", 1, "<", values((3, 4, 2), np.float64, -1e-3, 1e6),
     None, (OBLIQUE, 4), None, [(6, b"written by nibabel for gvsl's reader tests"), (4, bytes(range(1, 41)))]),
    ("n1_int16_le_scaled.nii.gz", 1, "<", values((4, 4, 3), np.int16, -2000, 2000),
     (AXIS_ALIGNED, 1), (AXIS_ALIGNED, 1), (0.5, -1024.0), []),
    ("n2_float32_le_oblique.nii", 2, "<", values((5, 3, 4), np.float32, -100, 100),
     (OBLIQUE, 2), (OBLIQUE, 2), None, []),
    ("n2_int16_be_qform.nii.gz", 2, ">", values((3, 4, 5), np.int16, -30000, 30000),
     (OBLIQUE, 1), None, None, []),
    ("n2_uint8_be_scaled_sform.nii", 2, ">", values((2, 3, 4), np.uint8, 0, 200),
     None, (SHEARED, 2), (0.25, 10.0), [(6, b"NIfTI-2 big-endian")]),
]


def write(name, fmt, order, data, qform, sform, scaling, extensions):
    header_class, image_class = (nib.Nifti1Header, nib.Nifti1Image) if fmt == 1 else (nib.Nifti2Header, nib.Nifti2Image)
    header = header_class(endianness=order)
    header.set_data_dtype(data.dtype.newbyteorder(order))
    image = image_class(data.astype(data.dtype.newbyteorder(order)), None, header=header)
    image.set_qform(qform[0] if qform else None, code=qform[1] if qform else 0)
    image.set_sform(sform[0] if sform else None, code=sform[1] if sform else 0)
    if not qform:
        # set_qform sets pixdim from the qform; without one, pixdim from the sform's column lengths, as nibabel
        # does for an image made from an affine
        image.header.set_zooms(np.sqrt((sform[0][:3, :3] ** 2).sum(axis=0)))
    if scaling:
        image.header.set_slope_inter(*scaling)
    image.header["descrip"] = b"gvsl test fixture " + name.encode()
    for code, content in extensions:
        image.header.extensions.append(nib.nifti1.Nifti1Extension(code, content))
    path = os.path.join(HERE, name)
    if name.endswith(".gz"):
        raw = path[:-3]
        image.to_filename(raw)
        with open(raw, "rb") as f, gzip.GzipFile(path, "wb", mtime=0) as out:
            out.write(f.read())
        os.remove(raw)
    else:
        image.to_filename(path)


def describe(path):
    """What nibabel reads back from the file."""
    image = nib.load(path)
    header = image.header
    raw = image.dataobj
    data = np.asanyarray(image.get_fdata(dtype=np.float64))
    return {
        "file": os.path.basename(path),
        "format": "NIFTI_2" if isinstance(header, nib.Nifti2Header) else "NIFTI_1",
        "byteOrder": "BIG_ENDIAN" if header.endianness == ">" else "LITTLE_ENDIAN",
        "datatype": header.get_data_dtype().name,
        "shape": list(reversed(image.shape)),
        "spacing": [float(z) for z in reversed(header.get_zooms()[:3])],
        "affine": image.affine.tolist(),
        "qform": header.get_qform().tolist(),
        "quatern": [float(header[q]) for q in ("quatern_b", "quatern_c", "quatern_d")],
        "qfac": float(header["pixdim"][0]),
        "qformCode": int(header["qform_code"]),
        "sformCode": int(header["sform_code"]),
        "sclSlope": float(raw.slope),
        "sclInter": float(raw.inter),
        "voxOffset": int(raw.offset),
        "description": header["descrip"].item().decode(),
        "extensions": [{"code": int(e.get_code()), "content": e.get_content().hex()} for e in header.extensions],
        "values": data.transpose(2, 1, 0).ravel().tolist(),
    }


def main():
    for case in CASES:
        write(*case)
    fixtures = {
        "nibabel": nib.__version__,
        "layout": {"NIFTI_1": layout(nib.nifti1.header_dtype), "NIFTI_2": layout(nib.nifti2.header_dtype)},
        "files": [describe(os.path.join(HERE, case[0])) for case in CASES],
    }
    with open(os.path.join(HERE, "fixtures.json"), "w") as f:
        f.write(compact_json(fixtures))


def compact_json(fixtures):
    """JSON with one line per layout field and per file, so that a change shows as a readable diff."""
    def block(items, indent):
        pad = " " * indent
        return ",\n".join(pad + json.dumps(k) + ": " + v for k, v in items)
    layouts = block([(fmt, "{\n" + block([(name, json.dumps(slot)) for name, slot in fields.items()], 6) + "\n    }")
                     for fmt, fields in fixtures["layout"].items()], 4)
    files = ",\n".join("    " + json.dumps(entry) for entry in fixtures["files"])
    return ("{\n  \"nibabel\": " + json.dumps(fixtures["nibabel"]) + ",\n  \"layout\": {\n" + layouts
            + "\n  },\n  \"files\": [\n" + files + "\n  ]\n}\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--describe"]:
        # NiftiWriterTest: nibabel's view of files our writer wrote, as a JSON list on stdout
        json.dump([describe(path) for path in sys.argv[2:]], sys.stdout)
    else:
        main()
