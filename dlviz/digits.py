"""Handwritten digits for softmax regression: scikit-learn's bundled 8×8 digits (offline), a
student's own MNIST file (``mnist.npz`` or IDX files, 28×28), and a drawing turned into a digit.

What it is: loading, checking and splitting data; pixel values are scaled to [0, 1] and every
image is flattened to a row (8×8 → 64, 28×28 → 784, the slide's N_b × 784).
What it is not: the model (``dlviz.softmax_regression``).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAX_UPLOAD_BYTES = 120_000_000


class DigitsError(ValueError):
    """A file that is not MNIST; ``code``/``details`` give a translated message (``mnist.<code>``)."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(f"{code}: {details}")
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Dataset:
    """Flattened images in [0, 1] and labels 0…9, split into train and test."""

    name: str
    side: int  # images are side × side
    X_train: np.ndarray  # (N_train, side²) float32
    y_train: np.ndarray  # (N_train,)
    X_test: np.ndarray  # (N_test, side²) float32
    y_test: np.ndarray  # (N_test,)

    @property
    def counts(self) -> np.ndarray:
        """Training images per class, shape (10,)."""
        return np.bincount(self.y_train, minlength=10)


def split(
    X: np.ndarray, y: np.ndarray, test_fraction: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A seeded, stratified train/test split (each class keeps its share in both parts)."""
    rng = np.random.default_rng(seed)
    test = []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        test.append(members[: round(test_fraction * len(members))])
    test_index = np.sort(np.concatenate(test))
    train_mask = np.ones(len(y), dtype=bool)
    train_mask[test_index] = False
    train_index = rng.permutation(np.flatnonzero(train_mask))
    return X[train_index], y[train_index], X[test_index], y[test_index]


def load_digits(test_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """scikit-learn's bundled UCI digits: 1,797 images of 8×8 pixels with values 0…16."""
    X, y = _bundled_digits()
    return Dataset("digits", 8, *split(X, y, test_fraction, seed))


@functools.cache
def _bundled_digits() -> tuple[np.ndarray, np.ndarray]:
    """The bundled images (1797, 64) in [0, 1] and labels, read once per process (a new seed
    only needs a new split). Read-only arrays. Read straight from scikit-learn's data file
    (``sklearn/datasets/data/digits.csv.gz``: 64 pixel columns and the label), which takes
    tens of milliseconds where importing scikit-learn to read it takes over a second."""
    spec = importlib.util.find_spec("sklearn")  # finds the package without importing it
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
    path = Path(folder) / "datasets" / "data" / "digits.csv.gz"
    if path.is_file():
        with gzip.open(path, "rt") as file:
            table = np.loadtxt(file, delimiter=",")
        pixels, labels = table[:, :-1], table[:, -1]
    else:  # another layout: scikit-learn's own loader
        from sklearn.datasets import load_digits as sklearn_digits

        bunch = sklearn_digits()
        pixels, labels = bunch.data, bunch.target
    X = (pixels / 16.0).astype(np.float32)  # (1797, 64) in [0, 1]
    y = labels.astype(np.intp)
    X.flags.writeable = y.flags.writeable = False
    return X, y


def summary(data: Dataset) -> dict[str, int]:
    """Sizes for a sentence: training images n (≈ per class), test images, pixels m."""
    return {
        "n": len(data.y_train),
        "per": round(len(data.y_train) / 10),
        "test": len(data.y_test),
        "m": data.X_train.shape[1],
    }


# -- a student's MNIST file -------------------------------------------------------------------
IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def parse_idx(data: bytes) -> np.ndarray:
    """An IDX file (MNIST's own format; gzip allowed) as an array, else DigitsError."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise DigitsError("gzip") from None
    if (
        len(data) < 4
        or data[:2] != b"\x00\x00"
        or data[2] not in IDX_TYPES
        or not 1 <= data[3] <= 4
    ):
        raise DigitsError("not_mnist")
    ndim = data[3]
    if len(data) < 4 + 4 * ndim:
        raise DigitsError("truncated")
    shape = struct.unpack(f">{ndim}I", data[4 : 4 + 4 * ndim])
    dtype = np.dtype(IDX_TYPES[data[2]])
    size = int(np.prod(shape)) * dtype.itemsize
    body = data[4 + 4 * ndim :]
    if len(body) != size:
        raise DigitsError("truncated")
    return np.frombuffer(body, dtype=dtype).reshape(shape)


def _check_mnist(
    images: np.ndarray, labels: np.ndarray, part: str
) -> tuple[np.ndarray, np.ndarray]:
    images, labels = np.asarray(images), np.asarray(labels).ravel()
    if images.ndim == 2 and images.shape[1] == 784:
        images = images.reshape(-1, 28, 28)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DigitsError("image_shape", part=part, shape="×".join(map(str, images.shape)))
    if len(images) != len(labels) or len(images) == 0:
        raise DigitsError("count", part=part, images=len(images), labels=len(labels))
    if labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() > 9:
        raise DigitsError("labels", part=part)
    with np.errstate(invalid="ignore"):
        images = images.astype(np.float32)
    if not np.all(np.isfinite(images)) or images.min() < 0:
        raise DigitsError("pixels", part=part)
    scale = 255.0 if images.max() > 1 else 1.0
    return (images / scale).reshape(len(images), 784), labels.astype(np.intp)


def load_mnist(files: dict[str, bytes], test_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """MNIST from the student's files: one ``mnist.npz`` (keys x_train, y_train and optionally
    x_test, y_test, as Keras ships it) or IDX files (images and labels, gzip allowed; the pair
    whose name contains "t10k"/"test" is the test set). Without a test set the training images
    are split with ``seed``. Anything else raises DigitsError saying what is wrong."""
    if not files:
        raise DigitsError("no_file")
    if sum(len(data) for data in files.values()) > MAX_UPLOAD_BYTES:
        raise DigitsError("too_big")
    if len(files) == 1 and next(iter(files.values()))[:2] == b"PK":
        arrays = _read_npz(next(iter(files.values())))
    else:
        arrays = _read_idx_files(files)
    X_train, y_train = _check_mnist(arrays["x_train"], arrays["y_train"], "train")
    if "x_test" in arrays and "y_test" in arrays:
        X_test, y_test = _check_mnist(arrays["x_test"], arrays["y_test"], "test")
    else:
        X_train, y_train, X_test, y_test = split(X_train, y_train, test_fraction, seed)
    return Dataset("mnist", 28, X_train, y_train, X_test, y_test)


def _read_npz(data: bytes) -> dict[str, np.ndarray]:
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except (ValueError, OSError, zipfile.BadZipFile, EOFError):
        raise DigitsError("npz") from None
    if "x_train" not in arrays or "y_train" not in arrays:
        raise DigitsError("npz_keys", found=", ".join(sorted(arrays)) or "—")
    return arrays


def _read_idx_files(files: dict[str, bytes]) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    for name, data in files.items():
        array = parse_idx(data)
        part = "test" if ("t10k" in name.lower() or "test" in name.lower()) else "train"
        kind = "x" if array.ndim == 3 else "y" if array.ndim == 1 else None
        if kind is None:
            raise DigitsError("image_shape", part=part, shape="×".join(map(str, array.shape)))
        arrays[f"{kind}_{part}"] = array
    if "x_train" not in arrays or "y_train" not in arrays:
        raise DigitsError("idx_pair")
    return arrays


# -- a digit drawn on the canvas ------------------------------------------------------------------
def from_drawing(ink: np.ndarray, side: int) -> np.ndarray | None:
    """A drawing (square array of ink in [0, 1], any size) as a flattened side×side digit in
    [0, 1], framed the way the training images are: the 8×8 digits fill their box (the
    strokes' bounding box scaled to the whole image); MNIST digits fit a 20×20 box centred in
    28×28. None when nothing is drawn."""
    ink = np.clip(np.nan_to_num(np.asarray(ink, dtype=float)), 0.0, 1.0)
    rows, cols = np.flatnonzero(ink.max(axis=1) > 0.05), np.flatnonzero(ink.max(axis=0) > 0.05)
    if rows.size == 0:
        return None
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = crop.shape
    n = max(h, w)
    square = np.zeros((n, n))  # pad the short side so the digit keeps its shape
    square[(n - h) // 2 : (n - h) // 2 + h, (n - w) // 2 : (n - w) // 2 + w] = crop
    box = side if side == 8 else 20
    image = _resize(square, box)
    if side != 8:
        framed = np.zeros((side, side))
        offset = (side - box) // 2
        framed[offset : offset + box, offset : offset + box] = image
        image = framed
    return (image / max(image.max(), 1e-12)).ravel().astype(np.float32)


def _resize(square: np.ndarray, size: int) -> np.ndarray:
    """Area-average an n×n array down (or nearest-neighbour up) to size×size."""
    n = square.shape[0]
    fine = size * max(1, -(-n // size))  # a multiple of size ≥ n
    index = (np.arange(fine) * n) // fine
    upsampled = square[np.ix_(index, index)]  # (fine, fine)
    k = fine // size
    return upsampled.reshape(size, k, size, k).mean(axis=(1, 3))


def from_canvas(ink: object, side: int, grid: int = 64) -> np.ndarray | None:
    """The canvas component's state (a list of grid² ink values 0…255, or nothing) as a digit
    for ``from_drawing``; None when nothing usable was drawn."""
    try:
        values = np.asarray(ink, dtype=float)
    except (TypeError, ValueError):
        return None
    if values.size != grid * grid:
        return None
    return from_drawing(values.reshape(grid, grid) / 255.0, side)
