"""The lecture's "ciclo for vs vectorizado" and the SGD core: ``python -m bench`` prints a table.

One full-batch gradient step on N generated samples as a Python loop and as numpy (the same
measurement the Gradient descent & SGD page makes on request), then the cost of the page's core
calls at the lecture's settings.
"""

from __future__ import annotations

import time

import numpy as np

from dlviz import linreg, timing


def _best_ms(fn, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    print("for loop vs vectorised (one full-batch gradient step, best of 3)")
    print(f"{'N':>8} | {'loop (ms)':>10} | {'numpy (ms)':>10} | {'speed-up':>8} | max |Δ|")
    for n in (1_000, 10_000, 100_000):
        r = timing.loop_vs_vectorized(n)
        print(
            f"{n:>8,} | {1e3 * r['loop_s']:>10.3f} | {1e3 * r['vectorized_s']:>10.4f} | "
            f"{r['speedup']:>7.0f}× | {r['max_diff']:.1e}"
        )
    x, y = linreg.LECTURE_X, linreg.LECTURE_Y
    etas = np.logspace(-7, 0, 71)
    print()
    print("core calls at the lecture's settings (best of 5, ms)")
    for name, fn in [
        ("sgd_trace, 10 epochs", lambda: linreg.sgd_trace(x, y, 1e-4, 10)),
        ("sgd_trace, 200 epochs", lambda: linreg.sgd_trace(x, y, 1e-4, 200)),
        ("eta_sweep, 71 η × 10 epochs", lambda: linreg.eta_sweep(x, y, etas, 10)),
        ("eta_sweep, 71 η × 200 epochs", lambda: linreg.eta_sweep(x, y, etas, 200)),
    ]:
        print(f"{name:<30} {_best_ms(fn):8.2f}")


if __name__ == "__main__":
    main()
