"""The SGD table as the lecture shows it: each update written out with its numbers, and the
slide's rounded values next to the exact ones. Pure: pandas and strings; no Streamlit.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pandas as pd

from dlviz.linreg import Stats, batch_at, loss

# The slide's table: (iteration, or "epoch 10" as the last iteration of epoch 10; parameter; value)
SLIDE_VALUES = (
    (1, "w", "0.750"),
    (1, "b", "0.015"),
    (2, "w", "1.869"),
    (2, "b", "0.028"),
    (3, "w", "2.536"),
    (3, "b", "0.034"),
    (30, "w", "2.26"),
    (30, "b", "0.051"),
)


def slide_comparison(trace: pd.DataFrame) -> pd.DataFrame:
    """The slide's w, b next to the exact values, and whether the slide rounded or truncated.

    Rows follow ``SLIDE_VALUES``; the slide's number is compared with the exact value rounded
    and truncated to the slide's number of decimals. ``how`` is "exact" (all three agree),
    "truncated", "rounded" or "differs".
    """
    rows = []
    for iteration, name, shown in SLIDE_VALUES:
        if iteration > len(trace):
            continue
        exact = float(trace[name].iloc[iteration - 1])
        step = Decimal(shown).as_tuple().exponent
        digits = Decimal(1).scaleb(step)
        rounded = Decimal(repr(exact)).quantize(digits, rounding=ROUND_HALF_UP)
        truncated = Decimal(repr(exact)).quantize(digits, rounding=ROUND_DOWN)
        slide = Decimal(shown)
        how = (
            "exact"
            if slide == rounded == truncated
            else "truncated"
            if slide == truncated
            else "rounded"
            if slide == rounded
            else "differs"
        )
        epoch = int(trace["epoch"].iloc[iteration - 1])
        rows.append((iteration, epoch, name, shown, exact, str(rounded), str(truncated), how))
    columns = ["iteration", "epoch", "parameter", "slide", "exact", "rounded", "truncated", "how"]
    return pd.DataFrame(rows, columns=columns)


def step_numbers(trace: pd.DataFrame, step: int, s: Stats) -> dict[str, str]:
    """w, b, L after ``step`` updates (0 = the start), its epoch and sample, for a message."""
    a = trace.attrs
    if step == 0:
        w, b, epoch, sample = a["w0"], a["b0"], 0, "—"
    else:
        row = trace.iloc[step - 1]
        w, b, epoch, sample = float(row["w"]), float(row["b"]), int(row["epoch"]), row["sample"]
    return {
        "k": str(step), "total": str(len(trace)), "epoch": str(epoch), "sample": str(sample),
        "w": f"{w:.4f} ({w:.6g})", "b": f"{b:.4f} ({b:.6g})", "loss": f"{float(loss(s, w, b)):.6g}",
    }  # fmt: skip


def update_latex(trace: pd.DataFrame, step: int, eta: float) -> str:
    """The update of iteration ``step`` (1-based) with its numbers, as LaTeX, one equation a
    line."""
    row = trace.iloc[step - 1]
    w_prev = trace.attrs["w0"] if step == 1 else trace["w"].iloc[step - 2]
    b_prev = trace.attrs["b0"] if step == 1 else trace["b"].iloc[step - 2]
    f = "{:.6g}".format
    if len(batch_at(trace, [step])[step]) == 1:
        # One equation a line: two on a line were wider than a projector's column.
        head = rf"\hat y = {f(w_prev)}\cdot{f(row.x)} + {f(b_prev)} = {f(row.y_hat)}\\"
        head += rf"y-\hat y = {f(row.y)} - {f(row.y_hat)} = {f(row.error)}\\"
        w_rule = rf"w \leftarrow w + \eta\,(y-\hat y)\,x = {f(w_prev)} + {f(eta)}\cdot({f(row.error)})\cdot{f(row.x)}"
        b_rule = rf"b \leftarrow b + \eta\,(y-\hat y) = {f(b_prev)} + {f(eta)}\cdot({f(row.error)})"
    else:
        head = ""
        w_rule = rf"w \leftarrow w + \eta\,\overline{{(y-\hat y)\,x}} = {f(w_prev)} + ({f(row.dw)})"
        b_rule = rf"b \leftarrow b + \eta\,\overline{{(y-\hat y)}} = {f(b_prev)} + ({f(row.db)})"
    return rf"\begin{{gathered}}{head}{w_rule} = {f(row.w)}\\{b_rule} = {f(row.b)}\end{{gathered}}"
