"""dlviz.digits: the bundled 8×8 digits, the seeded split, MNIST files (npz, IDX) and drawings."""

import gzip
import io
import struct

import numpy as np
import pytest

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


def test_drawing_is_framed_like_the_training_images():
    ink = np.zeros((64, 64))
    ink[10:50, 30:34] = 1.0  # a thin vertical stroke: a "1"
    eight = digits.from_drawing(ink, 8).reshape(8, 8)
    assert eight.max() == 1.0 and eight[:, 3:5].sum() > eight[:, :2].sum()
    assert eight[0].max() > 0 and eight[-1].max() > 0  # fills the box top to bottom
    mnist = digits.from_drawing(ink, 28).reshape(28, 28)
    assert mnist[:4].max() == 0 and mnist[4:24].max() > 0  # 20×20 box centred in 28×28
    assert digits.from_drawing(np.zeros((64, 64)), 8) is None


def test_canvas_state_is_checked():
    assert digits.from_canvas(None, 8) is None
    assert digits.from_canvas([1, 2, 3], 8) is None
    assert digits.from_canvas(["x"] * 4096, 8) is None
    ink = [0] * 4096
    ink[64 * 30 + 30] = 255
    assert digits.from_canvas(ink, 8).shape == (64,)


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
