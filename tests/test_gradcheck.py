"""Finite differences against autodiff: truncation (∝ h, ∝ h²) and round-off (∝ ε/h)."""

import numpy as np
import pytest

from dlviz import gradcheck
from dlviz.expr import parse


def slope(table, column, lo, hi):
    rows = table[(table["h"] >= lo) & (table["h"] <= hi)]
    return np.polyfit(np.log10(rows["h"]), np.log10(rows[column]), 1)[0]


def test_truncation_orders_and_the_v():
    table = gradcheck.error_table(parse("exp(x) sin(y)"), 1.0, 1.0, "x")
    assert table["exact"].iloc[0] == pytest.approx(np.e * np.sin(1.0), rel=1e-15)
    assert slope(table, "error_forward", 1e-4, 1e-1) == pytest.approx(1.0, abs=0.1)
    assert slope(table, "error_central", 1e-3, 1e-1) == pytest.approx(2.0, abs=0.1)
    assert slope(table, "error_central", 1e-14, 1e-10) < -0.5  # round-off grows as h shrinks
    h_central, error_central = gradcheck.best_step(table, "error_central")
    h_forward, error_forward = gradcheck.best_step(table, "error_forward")
    assert 1e-7 <= h_central <= 1e-3 and 1e-10 <= h_forward <= 1e-6  # ≈ ε^(1/3), ε^(1/2)
    assert error_central < 1e-9 and error_central < error_forward


def test_lecture_function_has_no_central_truncation():
    table = gradcheck.error_table(parse("x^2 y + y"), 1.0, 1.0, "y")
    assert table["exact"].iloc[0] == 2.0
    assert table["error_central"].iloc[-1] < 1e-12  # h = 1: f is linear in y
    forward = gradcheck.error_table(parse("x^2 y + y"), 1.0, 1.0, "x")
    assert forward["error_forward"].iloc[-1] == pytest.approx(1.0)  # (f(2,1) - f(1,1))/1 - 2


def test_grid_and_undefined_points():
    h = gradcheck.step_grid(-15, 0, 4)
    assert len(h) == 61 and h[0] == pytest.approx(1e-15) and h[-1] == 1.0
    table = gradcheck.error_table(parse("log(x)"), -1.0, 0.0, "x", h=[1e-3, 1e-2])
    assert np.isnan(table["exact"]).all()
    assert np.isnan(gradcheck.best_step(table, "error_central")[0])
