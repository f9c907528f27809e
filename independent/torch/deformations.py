"""The eight deformed test sets of the declaration (the paper's §5.2): rotation by a uniform angle in
±20° and ±40°, shear by a uniform angle in ±28.6° and ±57.3°, zoom by 0.6, 0.8, 1.2 and 1.4.

Each image is resampled about its centre with torch's affine_grid / grid_sample (bilinear, zeros
outside the image). align_corners=True puts -1 and 1 on the centres of the border pixels, so the
normalised coordinates are the pixel offsets from the centre ((side - 1) / 2) scaled equally on both
axes, and a rotation in them is a rotation of the picture. The angles are drawn once from a fixed seed,
independent of the training seed, so every model of every seed sees the same images.
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

SIDE = 28
DEFORMATION_SEED = 52  # §5.2
ROTATION_DEGREES = (20, 40)
SHEAR_DEGREES = (28.6, 57.3)
ZOOM_FACTORS = (0.6, 0.8, 1.2, 1.4)


def rotation(degrees):
    """toSource of a counter-clockwise turn as the image is shown (x right, y down): an output offset
    (x, y) shows the input at the offset turned back."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [[c, -s], [s, c]]


def shear(degrees):
    """Rows slide right by tan(angle) times their offset below the centre: vertical strokes lean."""
    return [[1.0, -math.tan(math.radians(degrees))], [0.0, 1.0]]


def zoom(factor):
    """Above 1 enlarges (the border leaves the frame), below 1 shrinks (zero background fills it)."""
    return [[1.0 / factor, 0.0], [0.0, 1.0 / factor]]


def deform(images, to_source):
    """Images (n x side^2, float) resampled through per-image 2 x 2 maps `to_source` (n x 2 x 2) that take
    an output pixel's offset from the centre to the input point it shows."""
    n = images.shape[0]
    theta = torch.zeros(n, 2, 3, dtype=images.dtype)
    theta[:, :, :2] = torch.as_tensor(np.asarray(to_source), dtype=images.dtype)
    grid = F.affine_grid(theta, [n, 1, SIDE, SIDE], align_corners=True)
    out = F.grid_sample(images.view(n, 1, SIDE, SIDE), grid, mode="bilinear", padding_mode="zeros", align_corners=True)
    return out.view(n, SIDE * SIDE)


def deformation_maps(n):
    """{name: n x 2 x 2 maps} for the eight sets, in the declaration's order, drawn from DEFORMATION_SEED."""
    rng = np.random.default_rng(DEFORMATION_SEED)
    maps = {}
    for limit in ROTATION_DEGREES:
        maps[f"rotation-{limit}"] = [rotation(a) for a in rng.uniform(-limit, limit, n)]
    for limit in SHEAR_DEGREES:
        maps[f"shear-{limit}"] = [shear(a) for a in rng.uniform(-limit, limit, n)]
    for factor in ZOOM_FACTORS:
        maps[f"zoom-{factor}"] = [zoom(factor)] * n
    return maps
