"""Softmax regression on the 8×8 digits: dlviz against scikit-learn and PyTorch.

``python -m bench.softmax`` (also run by ``python -m bench``) prints two comparisons on the same
seeded 80/20 split:

1. Accuracy and wall time: scikit-learn's ``LogisticRegression`` (lbfgs, default C) against
   ``dlviz.softmax_regression.SoftmaxRegression`` trained until its test accuracy first reaches
   scikit-learn's (evaluation after every epoch included in our time), and after the page's
   default 20 epochs.
2. Time per epoch against the same model in PyTorch on the CPU: ``nn.Linear`` + cross-entropy
   + SGD over the same mini-batches (N_b = 32, η = 0.5). Ours includes its per-epoch loss and
   accuracy on the training set; PyTorch's does not.

Medians over a few repeats, every library limited to one thread (threadpoolctl for numpy's and
scikit-learn's BLAS/OpenMP, ``torch.set_num_threads(1)``): on a small shared machine extra threads
only contend. torch comes from ``requirements-bench.txt``; without it that row says so.
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np

from dlviz import digits
from dlviz.softmax_regression import SoftmaxRegression

SEED, REPEATS = 0, 5
ETA, BATCH, DEFAULT_EPOCHS, MAX_EPOCHS = 0.5, 16, 20, 100


def _median_time(run, repeats: int = REPEATS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def sklearn_reference(data: digits.Dataset) -> tuple[float, float]:
    """(seconds, test accuracy) of scikit-learn's LogisticRegression on the split."""
    from sklearn.linear_model import LogisticRegression

    def run():
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # lbfgs may say it hit max_iter; it is still the reference
            return LogisticRegression(max_iter=1000).fit(data.X_train, data.y_train)

    seconds, model = _median_time(run)
    return seconds, float(model.score(data.X_test, data.y_test))


def ours_until(data: digits.Dataset, target: float) -> tuple[float, int | None, float]:
    """(seconds, epoch reached or None, accuracy then) training until test accuracy ≥ target."""

    def run():
        model = SoftmaxRegression(ETA, BATCH, MAX_EPOCHS, SEED)
        return model.fit(data.X_train, data.y_train, data.X_test, data.y_test, 10,
                         lambda epoch, row: row["test_accuracy"] >= target)  # fmt: skip

    seconds, model = _median_time(run)
    last = model.history_.iloc[-1]
    reached = int(last["epoch"]) if last["test_accuracy"] >= target else None
    return seconds, reached, float(last["test_accuracy"])


def ours_epoch(data: digits.Dataset, batch: int, eta: float, epochs: int = 20) -> float:
    """Seconds per epoch of our training (with its per-epoch training-set metrics)."""
    seconds, _ = _median_time(
        lambda: SoftmaxRegression(eta, batch, epochs, SEED).fit(data.X_train, data.y_train)
    )
    return seconds / epochs


def torch_epoch(data: digits.Dataset, batch: int, eta: float, epochs: int = 20) -> float | None:
    """Seconds per epoch of the same model in PyTorch on the CPU (None without torch)."""
    try:
        import torch
    except ImportError:
        return None
    torch.manual_seed(SEED)
    X = torch.from_numpy(data.X_train)
    y = torch.from_numpy(data.y_train.astype(np.int64))

    def run():
        model = torch.nn.Linear(X.shape[1], 10)
        torch.nn.init.zeros_(model.weight)
        torch.nn.init.zeros_(model.bias)
        optimizer = torch.optim.SGD(model.parameters(), lr=eta)
        loss_fn = torch.nn.CrossEntropyLoss()  # mean over the batch, like ours
        rng = np.random.default_rng(SEED)
        for _ in range(epochs):
            order = torch.from_numpy(rng.permutation(len(y)))
            Xs, ys = X[order], y[order]
            for start in range(0, len(ys), batch):
                optimizer.zero_grad()
                loss = loss_fn(model(Xs[start : start + batch]), ys[start : start + batch])
                loss.backward()
                optimizer.step()
        return model

    seconds, _ = _median_time(run, 3)
    return seconds / epochs


def main() -> None:
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    with threadpool_limits(1):
        _compare()


def _compare() -> None:
    data = digits.load_digits(0.2, SEED)
    print(f"\nSoftmax regression, 8×8 digits: {len(data.y_train)} train / {len(data.y_test)} test "
          f"images, seed {SEED}; ours: η = {ETA}, N_b = {BATCH}")  # fmt: skip
    sk_seconds, sk_accuracy = sklearn_reference(data)
    seconds, reached, accuracy = ours_until(data, sk_accuracy)
    full_seconds, full = _median_time(
        lambda: SoftmaxRegression(ETA, BATCH, DEFAULT_EPOCHS, SEED).fit(
            data.X_train, data.y_train, data.X_test, data.y_test
        )
    )
    print(f"{'model':<46}{'test accuracy':>14}{'wall time':>12}")
    print(
        f"{'scikit-learn LogisticRegression (lbfgs)':<46}{sk_accuracy:>14.2%}{sk_seconds * 1e3:>10.1f}ms"
    )
    label = (
        f"dlviz, until ≥ scikit-learn (epoch {reached})"
        if reached
        else "dlviz (target NOT reached)"
    )
    print(f"{label:<46}{accuracy:>14.2%}{seconds * 1e3:>10.1f}ms")
    print(f"{f'dlviz, {DEFAULT_EPOCHS} epochs':<46}{full.history_['test_accuracy'].iloc[-1]:>14.2%}"
          f"{full_seconds * 1e3:>10.1f}ms")  # fmt: skip
    verdict = reached is not None and seconds <= sk_seconds
    print(f"→ reaches scikit-learn's accuracy in no more time: {'yes' if verdict else 'NO'}")

    print(f"\n{'time per epoch (N_b, η)':<46}{'dlviz':>12}{'PyTorch CPU':>14}{'ratio':>8}")
    for batch, eta in ((32, 0.5), (16, 0.5), (128, 1.0)):
        ours = ours_epoch(data, batch, eta)
        theirs = torch_epoch(data, batch, eta)
        if theirs is None:
            print(f"{f'N_b = {batch}, η = {eta}':<46}{ours * 1e3:>10.2f}ms{'(no torch)':>14}")
            continue
        print(f"{f'N_b = {batch}, η = {eta}':<46}{ours * 1e3:>10.2f}ms{theirs * 1e3:>12.2f}ms"
              f"{theirs / ours:>7.1f}×")  # fmt: skip


if __name__ == "__main__":
    main()
