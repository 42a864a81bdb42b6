"""The lecture's "ciclo for vs vectorizado": the same gradient step as a Python loop over samples
and as one numpy expression, timed. Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

import time

import numpy as np


def loop_vs_vectorized(
    n: int, eta: float = 1e-5, seed: int = 0, repeats: int = 3
) -> dict[str, float]:
    """Time one full-batch gradient step on ``n`` generated samples: Python loop vs numpy.

    Data: x ~ U(0, 150), y = 1.86 x + 54.6 + N(0, 10²) (the lecture's line plus noise), from
    ``seed``. Both compute w ← w + η (1/n) Σ (y − ŷ) x, b ← b + η (1/n) Σ (y − ŷ) from w = b = 0;
    the best time of ``repeats`` runs is kept. Returns times (s), both results, their largest
    difference and the speed-up loop / vectorised.
    """
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 150.0, n)
    y = 1.86 * x + 54.6 + rng.normal(0.0, 10.0, n)
    w = b = 0.0

    def loop() -> tuple[float, float]:
        gw = gb = 0.0
        for i in range(n):  # one sample at a time, as the slide's "for i = 1, …, n"
            err = float(y[i] - (w * x[i] + b))
            gw += err * float(x[i])
            gb += err
        return w + eta * gw / n, b + eta * gb / n

    def vectorized() -> tuple[float, float]:
        err = y - (w * x + b)  # (n,)
        return w + eta * float(err @ x) / n, b + eta * float(err.mean())

    result = {"n": n}
    for name, fn in (("loop", loop), ("vectorized", vectorized)):
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            out = fn()
            best = min(best, time.perf_counter() - start)
        result[f"{name}_s"], result[f"{name}_w"], result[f"{name}_b"] = best, out[0], out[1]
    result["max_diff"] = max(
        abs(result["loop_w"] - result["vectorized_w"]),
        abs(result["loop_b"] - result["vectorized_b"]),
    )
    result["speedup"] = result["loop_s"] / max(result["vectorized_s"], 1e-9)
    return result


def as_text(result: dict[str, float]) -> dict[str, str]:
    """The numbers of ``loop_vs_vectorized`` formatted for a message (times in ms)."""
    g = "{:.6g}".format
    return {
        "n": f"{result['n']:,}",
        "loop": f"{1e3 * result['loop_s']:.2f}",
        "vec": f"{1e3 * result['vectorized_s']:.3f}",
        "speedup": f"{result['speedup']:.0f}",
        "w_loop": g(result["loop_w"]),
        "b_loop": g(result["loop_b"]),
        "w_vec": g(result["vectorized_w"]),
        "b_vec": g(result["vectorized_b"]),
        "diff": f"{result['max_diff']:.1e}",
    }
