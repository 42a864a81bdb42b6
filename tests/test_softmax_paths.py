"""The lecture's softmax example: the two paths to ∂L/∂w₁,₂, against independent references."""

import numpy as np
import pytest

from dlviz import softmax_paths as sp


def reference_loss(W, b, x, y):
    """Plain numpy, written here: L = -Σ y log softmax(Wx + b)."""
    z = W @ x + b
    a = np.exp(z) / np.exp(z).sum()
    return -(y * np.log(a)).sum(), a


@pytest.mark.parametrize(("x", "y"), [((1.0, 2.0), (1.0, 0.0)), ((-0.5, 1.5), (0.0, 1.0)),
                                      ((2.0, -1.0), (0.3, 0.7))])  # fmt: skip
def test_four_ways_to_the_same_gradient(x, y):
    ex = sp.example(x, y)
    W, b = sp.W_DEFAULT, sp.B_DEFAULT
    loss, a = reference_loss(W, b, np.array(x), np.array(y))
    assert ex.trace.nodes[-1].value == pytest.approx(loss, rel=1e-14)
    h = 1e-6
    W_plus, W_minus = W.copy(), W.copy()
    W_plus[0, 1] += h
    W_minus[0, 1] -= h
    fd = (reference_loss(W_plus, b, np.array(x), np.array(y))[0]
          - reference_loss(W_minus, b, np.array(x), np.array(y))[0]) / (2 * h)  # fmt: skip
    total = sum(p.product for p in ex.paths)
    for value in (ex.autodiff, ex.matrix, ex.closed_form):
        assert value == pytest.approx(total, rel=1e-12, abs=1e-15)
    assert total == pytest.approx(fd, abs=1e-8)
    assert ex.closed_form == pytest.approx((a[0] - y[0]) * x[1], rel=1e-12)


def test_path_factors_match_the_slide():
    ex = sp.example((1.0, 2.0), (0.3, 0.7))
    a1, a2 = ex.values["a₁"], ex.values["a₂"]
    first, second = ex.paths
    assert first.dL_da == pytest.approx(-0.3 / a1) and second.dL_da == pytest.approx(-0.7 / a2)
    assert first.da_dz1 == pytest.approx(a1 * (1 - a1)) and second.da_dz1 == pytest.approx(-a2 * a1)
    assert first.dz1_dw12 == second.dz1_dw12 == 2.0  # ∂z₁/∂w₁,₂ = x₂
    adjoints = {n.label: n.adjoint for n in ex.trace.nodes}
    assert adjoints["a₁"] == pytest.approx(first.dL_da) and adjoints["a₂"] == pytest.approx(
        second.dL_da
    )  # the engine's ∂L/∂a_k is the slide's -y_k/a_k


def test_one_hot_label_zeroes_one_path():
    first, second = sp.example((1.0, 2.0), (1.0, 0.0)).paths
    assert second.product == 0.0 and first.product != 0.0


def test_graph_and_path_edges():
    trace = sp.softmax_trace((1.0, 2.0), (1.0, 0.0))
    labels = [n.label for n in trace.nodes]
    for name in ("w₁,₂", "z₁", "z₂", "exp z₁", "Σ exp z", "a₁", "a₂", "L"):
        assert labels.count(name) == 1
    by_label = {n.label: n.id for n in trace.nodes}
    paths = sp.path_edges(trace)
    assert set(paths) == {1, 2}
    shared = paths[1] & paths[2]
    assert (by_label["z₁"], by_label["exp z₁"]) in shared
    assert (by_label["exp z₁"], by_label["a₁"]) in paths[1] - paths[2]
    assert (by_label["Σ exp z"], by_label["a₂"]) in paths[2] - paths[1]
    assert not any(by_label["w₁,₁"] in edge for edge in paths[1] | paths[2])
    colors = sp.edge_colors(trace)
    assert colors[(by_label["z₁"], by_label["exp z₁"])] == sp.SHARED_COLOR
    assert colors[(by_label["Σ exp z"], by_label["a₂"])] == sp.PATH_COLORS[2]


def test_latex_shows_both_paths_with_numbers():
    ex = sp.example((1.0, 2.0), (0.3, 0.7))
    latex = sp.paths_latex(ex, "path")
    assert r"\text{path } a_1" in latex and r"\text{path } a_2" in latex
    assert f"{sum(p.product for p in ex.paths):.6g}" in latex


def test_latex_never_writes_minus_zero():
    # Issue 14: with y₂ = 0 the page wrote "(−0)(−0.235004)(2)": −y₂/a₂ is −0.0 in IEEE
    latex = sp.paths_latex(sp.example((1.0, 2.0), (1.0, 0.0)), "path")
    assert "(0)" in latex and "(-0)" not in latex


def test_extreme_inputs_stay_finite():
    ex = sp.example((1e6, -1e6), (0.5, 0.5))  # the scalar graph overflows, silently
    assert np.isfinite(ex.matrix) and np.isfinite(ex.closed_form)
    assert ex.matrix == pytest.approx(ex.closed_form, rel=1e-12)
