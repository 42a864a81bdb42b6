"""Figures of the Autodiff page serialise and show what they claim."""

import numpy as np
import plotly.io as pio

from dlviz import forward_mode, gradcheck
from dlviz.expr import parse
from dlviz.figures import autodiff as figures

NAMES = {k: k for k in ("central", "forward", "roundoff", "best", "h", "error", "reverse", "n",
                        "ms")}  # fmt: skip


def serialised(fig) -> dict:
    """The traces as built (arrays), after proving the figure serialises for the browser."""
    pio.to_json(fig.to_dict(), validate=False)
    return {"data": [trace.to_plotly_json() for trace in fig.data], "layout": fig.layout}


def test_gradcheck_figure_is_log_log_with_best_markers():
    table = gradcheck.error_table(parse("exp(x) sin(y)"), 1.0, 1.0, "x")
    fig = serialised(figures.gradcheck_figure(table, 2.0, NAMES))
    assert fig["layout"]["xaxis"]["type"] == "log" and fig["layout"]["yaxis"]["type"] == "log"
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["forward", "best (forward)", "central", "best (central)", "roundoff"]
    central = np.array(fig["data"][2]["y"], dtype=float)
    assert (central > 0).all()  # zeros are drawn at the floor, never as log(0)


def test_gradcheck_figure_with_exact_zero_errors():
    table = gradcheck.error_table(parse("x + y"), 1.0, 1.0, "x")
    fig = serialised(figures.gradcheck_figure(table, 2.0, NAMES))
    assert np.nanmin(np.asarray(fig["data"][2]["y"], dtype=float)) >= figures.FLOOR


def test_timing_figure_has_both_modes():
    timing = forward_mode.compare_modes([5, 10], seed=0, repeats=1)
    fig = serialised(figures.timing_figure(timing, NAMES))
    assert [trace["name"] for trace in fig["data"]] == ["forward", "reverse"]
    assert list(fig["data"][0]["x"]) == [5, 10]
