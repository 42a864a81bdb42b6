"""dlviz.softmax_display: the slide's sums, the path picture, the matrix form and the editable
example, as the page shows them."""

import numpy as np
import pandas as pd
import pytest

from dlviz import softmax as sm
from dlviz import softmax_display as show


def test_chain_graph_and_paths_latex_have_the_numbers():
    paths = sm.chain_paths(sm.LECTURE_A[0], sm.LECTURE_Y[0], 0, 2.0)
    dot = show.chain_graph(paths, 1, 2)
    assert dot.startswith("digraph") and 'label="w₁,₂"' in dot and "a3 -> L" in dot
    assert "0.2354" in dot  # a₁(1−a₁) with the numbers filled in
    assert dot.count("style=dashed") == 4  # the paths through a₂ and a₃ (y = 0) add nothing
    tex = show.paths_latex(paths, sm.LECTURE_A[0], sm.LECTURE_Y[0], 1, 2.0)
    assert "-1.2416" in tex and r"(a_1 - y_1)" in tex


def test_chain_graph_without_numbers_stays_the_same_when_the_values_move():
    """The page's picture: symbols only, so moving x₂ (or editing A) does not redraw it."""
    rows = [(a, x) for a in (sm.LECTURE_A[0], sm.LECTURE_A[1]) for x in (1.0, 2.0, 0.0)]
    y = sm.LECTURE_Y[0]
    dots = {show.chain_graph(sm.chain_paths(a, y, 0, x), 1, 2, numbers=False) for a, x in rows}
    assert len(dots) == 1
    dot = dots.pop()
    assert "∂z₁/∂w₁,₂ = x₂" in dot and "∂a₂/∂z₁" in dot and "0.2354" not in dot
    # Issue 14: Streamlit draws the text at 12 px of the drawing (~13 px on the page, too small
    # for a projector); the drawing is scaled up ("!") to the page's width, and its text with it
    assert f'size="{show.GRAPH_SIZE}"' in dot and show.GRAPH_SIZE.endswith("!")


def test_loss_table_and_latex_write_the_sum_out():
    table = sm.loss_table(sm.LECTURE_Y, sm.LECTURE_A)
    assert list(table["sample"]) == [1, 2, 3, 4]
    # the lecture's l = −Σ y_j log a_j; the slide's "(−0)·log(0.3104)" has no −0 here
    assert table["sum"][0] == "−[1·log(0.3792) + 0·log(0.3104) + 0·log(0.3104)]"
    tex = show.loss_latex(sm.LECTURE_Y, sm.LECTURE_A, table["loss"].to_numpy())
    assert tex.count(r"\mathcal{L}^{[") == 4 and tex.startswith(r"\begin{alignedat}{2}")
    assert r"\mathcal{L}^{[2]} &= -\left[0\cdot\log 0.3072 + 1\cdot\log 0.4147" in tex
    assert r"\log 0.2780" in tex  # the slide's four decimals, trailing zero kept
    for value in ("0.969692", "0.880200", "1.05268", "0.831490"):
        assert f"&&= {value}" in tex
    assert "0.933516" in show.mean_loss_latex(sm.LECTURE_Y, sm.LECTURE_A)


def test_loss_expansion_never_writes_minus_zero_and_shows_an_infinite_loss():
    Y, A = np.array([[-0.0, 1.0]]), np.array([[1.0, 0.0]])  # a typed −0 and a = 0 for y = 1
    table = sm.loss_table(Y, A)
    assert table["sum"][0] == "−[0·log(1.0000) + 1·log(0.0000)]"
    tex = show.loss_latex(Y, A, table["loss"].to_numpy())
    assert "-0" not in tex.replace(r"-\left", "") and r"&&= \infty" in tex
    assert show.matrix_latex(np.array([[-0.0, -1.5]])) == r"\begin{bmatrix}0 & -1.5\end{bmatrix}"


def test_example_table_round_trip_and_bad_edits():
    table = show.example_table()
    Y, A = show.example_from_table(table)
    assert np.array_equal(Y, sm.LECTURE_Y) and np.array_equal(A, sm.LECTURE_A)
    edited = table.copy()
    edited.loc[0, "a1"] = 0.9
    with pytest.raises(sm.SoftmaxInputError, match="row_sum"):
        show.example_from_table(edited)
    added = pd.concat([table, pd.DataFrame([[None] * 6], columns=table.columns)])
    with pytest.raises(sm.SoftmaxInputError, match="missing"):
        show.example_from_table(added)


def test_matrix_form_reports_shapes_and_tiny_gaps():
    form = show.matrix_form(3, 0)
    X, W, b, AY = form["data"]
    assert X.startswith(r"\underbrace{\mathbf X}_{4\times 3}") and r"_{3\times 3}" in W
    assert r"_{4\times 3}" in AY and r"_{3\times 3}" in form["grads"][0]
    assert float(form["ad"]) < 1e-12 and float(form["fd"]) < 1e-8
    assert show.matrix_form(3, 0) is form  # cached, so read-only
    with pytest.raises(TypeError):
        form["latex"] = ""


def test_latex_helpers():
    assert show.matrix_latex(np.array([[1.0, 0.5]])) == r"\begin{bmatrix}1 & 0.5\end{bmatrix}"
    assert r"\mathbf Y_\text{onehot}" in show.one_hot_latex(np.array([0, 2]))
    assert "1.000000" in show.explorer_latex(np.zeros(2), 1.0, sm.softmax(np.zeros(2)))
    # columns: ten classes are as wide as two
    tex = show.explorer_latex(np.arange(10.0), 1.0, sm.softmax(np.arange(10.0)))
    assert r"\mathbf z = \begin{bmatrix}0 \\ 1 \\ 2" in tex and " & " not in tex
    tex = show.one_hot_latex(np.array([0, 2]))
    assert tex.startswith(r"\mathbf y = \begin{bmatrix}0 \\ 2\end{bmatrix}")
    J = sm.softmax_jacobian(sm.softmax([2.0, 1.0, 0.1]))
    assert "= 0.2247" in show.jacobian_entries_latex(J)
    assert "= -0.1598" in show.jacobian_entries_latex(J)
