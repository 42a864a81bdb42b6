"""Binary-classification data sets for the logistic-regression page (all seeded).

- :func:`smoking_example`: the slide's one-feature example, "smokes a lot and drinks alcohol"
  (x = a consumption score from 0 to 10) against a 0/1 outcome (1 = positive class), drawn from
  a known logistic model so the fitted curve can be compared with the truth.
- :func:`two_classes`: two Gaussian clouds in the plane whose spread (``noise``) controls how
  much the classes overlap (small noise: perfectly separable).
- :func:`from_csv`: the student's own file, columns ``x, y`` (one feature) or ``x1, x2, y``
  (two features) with a 0/1 label ``y``. Parsing is ``dlviz.csvdata.load_csv``; the label checks
  here raise ``CSVError`` with codes ``label`` (row, value) and ``one_class`` (label).
Pure numpy/pandas; no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz.csvdata import CSVError, load_csv
from dlviz.logistic import sigmoid

SMOKING_TRUE = (-4.0, 0.8)  # (β₀, β) of the model the example is drawn from: σ = 0.5 at x = 5
MAX_CSV_ROWS = 2000
MAX_CSV_BYTES = 2_000_000  # 2,000 rows of up to 50 columns: ample for numbers
# The classic "hours studied → passed the exam" data (Wikipedia, "Logistic regression"):
# the maximum-likelihood fit is β₀ ≈ −4.0777, β ≈ 1.5046.
SAMPLE_CSV = (
    "x,y\n0.50,0\n0.75,0\n1.00,0\n1.25,0\n1.50,0\n1.75,0\n1.75,1\n2.00,0\n2.25,1\n2.50,0\n"
    "2.75,1\n3.00,0\n3.25,1\n3.50,0\n4.00,1\n4.25,1\n4.50,1\n4.75,1\n5.00,1\n5.50,1\n"
)


@dataclass(frozen=True)
class Dataset:
    """Features ``X`` of shape (N, m), labels ``y`` of shape (N,) in {0, 1}, feature names."""

    X: np.ndarray
    y: np.ndarray
    features: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def m(self) -> int:
        return self.X.shape[1]


def smoking_example(n: int = 30, seed: int = 1) -> Dataset:
    """x ~ U(0, 10), y ~ Bernoulli(σ(−4 + 0.8x)): the slide's one-feature example."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 10.0, n))
    y = (rng.uniform(size=n) < sigmoid(SMOKING_TRUE[0] + SMOKING_TRUE[1] * x)).astype(float)
    return Dataset(x[:, None], y, ("x",))


def two_classes(n: int = 100, noise: float = 1.0, seed: int = 0) -> Dataset:
    """Two Gaussian clouds of ``n // 2`` points each, centred at (−1, −1) (y = 0) and (1, 1)
    (y = 1), with standard deviation ``noise`` in each direction."""
    rng = np.random.default_rng(seed)
    half = n // 2
    centres = np.repeat(np.array([[-1.0, -1.0], [1.0, 1.0]]), [half, n - half], axis=0)
    X = centres + noise * rng.standard_normal((n, 2))  # (N, 2)
    y = np.repeat([0.0, 1.0], [half, n - half])
    return Dataset(X, y, ("x1", "x2"))


def csv_columns(text: str) -> tuple[str, ...]:
    """The columns to read: ``x1, x2, y`` if the header names x1 and x2, else ``x, y``."""
    header = {
        name.strip().strip('"').lower()
        for name in text.lstrip("\ufeff").split("\n", 1)[0].split(",")
    }
    return ("x1", "x2", "y") if {"x1", "x2"} <= header else ("x", "y")


def from_csv(
    data: bytes | str, max_rows: int = MAX_CSV_ROWS, max_bytes: int = MAX_CSV_BYTES
) -> Dataset:
    """A data set from CSV text; every problem is a ``CSVError`` whose code names it."""
    head = data[:4096].decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    columns = csv_columns(head)
    frame = load_csv(
        data, columns, min_rows=2, max_rows=max_rows, not_constant=columns[:-1], max_bytes=max_bytes
    )
    y = frame["y"].to_numpy()
    bad = (y != 0) & (y != 1)
    if bad.any():
        row = int(np.argmax(bad))
        raise CSVError("label", row=row + 1, value=f"{y[row]:g}")
    if len(np.unique(y)) == 1:
        raise CSVError("one_class", label=f"{y[0]:g}")
    return Dataset(frame[list(columns[:-1])].to_numpy(), y.astype(float), columns[:-1])
