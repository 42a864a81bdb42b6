"""dlviz.handwriting: a drawn digit prepared as MNIST's were (crop, stroke, 20 px, centre of mass)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlviz import handwriting as hw


def seven(size: int = 64, top: int = 10, left: int = 16, scale: float = 1.0, width: int = 4):
    """A "7" drawn as two thick lines on a size×size canvas."""
    ink = np.zeros((size, size))
    s = lambda v: int(round(v * scale))  # noqa: E731
    r = width // 2
    for t in np.linspace(0, 1, 400):
        for y, x in ((top + 0, left + s(30) * t), (top + s(40) * t, left + s(30) - s(18) * t)):
            y, x = int(round(y)), int(round(x))
            ink[max(0, y - r) : y - r + width, max(0, x - r) : x - r + width] = 1.0
    return ink


def test_centre_of_mass_at_the_centre_and_values_in_0_1():
    image = hw.prepare(seven(), 28).reshape(28, 28)
    cy, cx = hw.centre_of_mass(image)
    assert abs(cy - 14) < 0.05 and abs(cx - 14) < 0.05
    assert image.min() >= 0 and image.max() == 1
    rows = np.flatnonzero(image.max(1) > 0.05)
    assert 19 <= rows[-1] - rows[0] + 1 <= 22  # the longer side is 20 px (+ anti-aliasing)
    eight = hw.prepare(seven(), 8).reshape(8, 8)
    assert eight[0].max() > 0 and eight[-1].max() > 0  # the 8×8 digits fill their box
    assert eight[:, 0].max() == 0 and eight[:, -1].max() == 0  # a 7 is narrower: centred


def test_shifted_scaled_or_thicker_drawing_gives_the_same_image():
    base = hw.prepare(seven(), 28)
    for other in (
        seven(top=20, left=5),  # shifted
        seven(size=128, top=20, left=30, scale=2.0, width=8),  # twice as large
        seven(width=7),  # a thicker pen
        seven(width=2),  # a thinner pen
    ):
        prepared = hw.prepare(other, 28)
        assert np.abs(prepared - base).mean() < 0.05, np.abs(prepared - base).mean()
    assert np.abs(hw.prepare(seven(width=2), 8) - hw.prepare(seven(), 8)).mean() < 0.08


def test_stroke_width_is_measured_and_brought_to_mnists():
    for width in (2, 4, 6, 8):
        ink = np.zeros((64, 64))
        ink[5:60, 20 : 20 + width] = 1
        assert abs(hw.stroke_width(ink) - width) <= 1
    thin, thick = seven(width=2), seven(width=9)
    for ink in (thin, thick):  # after preparation the stroke is MNIST's ≈ 3.3 px
        assert 2.0 <= hw.stroke_width(hw.prepare(ink, 28).reshape(28, 28)) <= 4.5


def test_empty_or_not_a_drawing_is_none():
    assert hw.prepare(np.zeros((64, 64)), 28) is None
    assert hw.prepare(np.full((64, 64), 0.01), 8) is None
    assert hw.prepare("x", 28) is None and hw.prepare([[None]], 28) is None
    assert hw.prepare(np.ones(10), 28) is None
    assert hw.from_canvas(None, 8) is None
    assert hw.from_canvas([1, 2, 3], 8) is None
    assert hw.from_canvas(["x"] * 4096, 8) is None
    assert hw.from_canvas([], 28) is None
    ink = [0] * 4096
    ink[64 * 30 + 30] = 255
    assert hw.from_canvas(ink, 8).shape == (64,)
    assert hw.from_canvas(ink, 28).shape == (784,)


def test_a_dot_or_a_full_canvas_is_a_digit_not_an_error():
    full = hw.prepare(np.ones((64, 64)), 28)
    assert full is not None and np.isfinite(full).all()
    dot = np.zeros((64, 64))
    dot[3, 60] = 1
    assert hw.prepare(dot, 28).reshape(28, 28)[14, 14] > 0


def test_resize_averages_areas():
    image = np.arange(16.0).reshape(4, 4)
    assert np.allclose(hw.resize(image, 2, 2), [[2.5, 4.5], [10.5, 12.5]])
    assert np.isclose(hw.resize(np.ones((7, 5)), 3, 2).sum(), 6)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        arrays(np.float64, st.tuples(st.integers(0, 40), st.integers(0, 40))),
        st.lists(st.one_of(st.none(), st.text(max_size=2), st.floats(), st.integers())),
        st.integers(),
        st.text(),
    ),
    st.sampled_from([8, 28]),
)
def test_any_garbage_gives_none_or_a_digit_never_an_exception(ink, side):
    for result in (hw.prepare(ink, side), hw.from_canvas(ink, side)):
        assert result is None or (
            result.shape == (side * side,)
            and np.isfinite(result).all()
            and result.min() >= 0
            and result.max() <= 1
        )
