"""The slide's table compared with the exact values, and each update written out."""

import pytest

from dlviz import linreg, sgd_table

X, Y = linreg.LECTURE_X, linreg.LECTURE_Y
LECTURE = linreg.sgd_trace(X, Y, 1e-4, 10)


def test_the_slide_truncates():
    table = sgd_table.slide_comparison(LECTURE)
    assert list(table["slide"]) == ["0.750", "0.015", "1.869", "0.028", "2.536", "0.034", "2.26", "0.051"]  # fmt: skip
    assert list(table["how"]) == ["exact", "exact"] + ["truncated"] * 6
    b2 = table.iloc[3]
    assert (b2.iteration, b2.parameter, b2.rounded, b2.truncated) == (2, "b", "0.029", "0.028")
    assert b2.exact == pytest.approx(0.0289985, abs=1e-12)
    assert list(table["epoch"]) == [1] * 6 + [10, 10]


def test_rounded_and_differing_values_are_told_apart(monkeypatch):
    monkeypatch.setattr(sgd_table, "SLIDE_VALUES", ((2, "w", "1.870"), (2, "w", "1.95")))
    assert list(sgd_table.slide_comparison(LECTURE)["how"]) == ["rounded", "differs"]


def test_update_latex_writes_the_numbers_of_the_update():
    tex = sgd_table.update_latex(LECTURE, 2, 1e-4)
    assert r"0.75 + 0.0001\cdot(139.985)\cdot80 = 1.86988" in tex
    assert "= 0.0289985" in tex
    # One equation a line (two on a line were cut at 1280×720 in presentation mode).
    lines = tex.removeprefix(r"\begin{gathered}").removesuffix(r"\end{gathered}").split(r"\\")
    assert [line.split("=")[0].strip() for line in lines] == [
        r"\hat y", r"y-\hat y", r"w \leftarrow w + \eta\,(y-\hat y)\,x",
        r"b \leftarrow b + \eta\,(y-\hat y)",
    ]  # fmt: skip
    batch = linreg.sgd_trace(X, Y, 1e-4, 1, mode="batch")
    assert r"\overline" in sgd_table.update_latex(batch, 1, 1e-4)


def test_step_numbers():
    s = linreg.stats(X, Y)
    start = sgd_table.step_numbers(LECTURE, 0, s)
    assert (start["k"], start["w"], start["loss"]) == ("0", "0.0000 (0)", "140900")
    third = sgd_table.step_numbers(LECTURE, 3, s)
    assert third["w"] == "2.5369 (2.5369)" and third["b"] == "0.0346 (0.034557)"
    assert (third["epoch"], third["sample"], third["total"]) == ("1", "3", "30")
