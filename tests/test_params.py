"""URL parameters: good values parse, tampered ones fall back to the default with a reason."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dlviz import params


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        (params.FloatParam(1.0, -5, 5), "2.5", 2.5),
        (params.FloatParam(1.0, -5, 5), "-5", -5.0),
        (params.IntParam(20, 1, 200), "7", 7),
        (params.ChoiceParam("es", ("es", "en")), "en", "en"),
        (params.BoolParam(False), "1", True),
        (params.BoolParam(True), "false", False),
        (params.TextParam("x"), "sin(x)", "sin(x)"),
        (params.GridParam(0.1, params.log_grid(-3, 1)), "0.02", 0.02),
    ],
)
def test_good_values(spec, raw, value):
    assert params.read(spec, raw) == (value, None)
    assert params.read(spec, spec.dump(value)) == (value, None)


@pytest.mark.parametrize(
    ("spec", "raw", "reason"),
    [
        (params.FloatParam(1.0, -5, 5), "abc", "not a number"),
        (params.FloatParam(1.0, -5, 5), "nan", "not a finite number"),
        (params.FloatParam(1.0, -5, 5), "inf", "not a finite number"),
        (params.FloatParam(1.0, -5, 5), "99", "outside"),
        (params.GridParam(0.1, params.log_grid(-3, 1)), "-5", "outside"),
        (params.GridParam(0.1, params.log_grid(-3, 1)), "0.03", "not one of"),
        (params.IntParam(20, 1, 200), "2.5", "not a whole number"),
        (params.IntParam(20, 1, 200), "9" * 40, "not a whole number"),
        (params.IntParam(20, 1, 200), "0", "outside"),
        (params.ChoiceParam("es", ("es", "en")), "fr", "not one of"),
        (params.BoolParam(False), "maybe", "not 0 or 1"),
        (params.TextParam("x", max_length=10), "x" * 11, "longer than"),
    ],
)
def test_tampered_values_fall_back(spec, raw, reason):
    value, why = params.read(spec, raw)
    assert value == spec.default
    assert reason in str(why)


def test_absent_gives_default_silently():
    assert params.read(params.FloatParam(1.0, 0, 2), None) == (1.0, None)


def test_log_grid_is_1_2_5():
    assert params.log_grid(-1, 1) == (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


# -- any text in the link: a valid value or the default with a reason, never an exception -------

SPECS = [
    params.FloatParam(1.0, -5.0, 5.0),
    params.IntParam(20, 1, 200),
    params.ChoiceParam("point", ("point", "surface", "descent")),
    params.BoolParam(False),
    params.TextParam("x^2 y + y", 300),
    params.GridParam(0.1, params.log_grid(-3, 1)),
    params.TableParam(((1.0, 0.0, 0.5),), 3, max_rows=4),
    params.SetParam(("x1", "x2"), ("x1", "x2", "x1sq", "sin1")),
    params.SizesParam((4, 2), 6, 1, 8),
    params.VectorParam(25, bound=100.0),
]


def valid(spec, value) -> bool:
    if isinstance(spec, params.FloatParam | params.IntParam):
        return spec.lo <= value <= spec.hi
    if isinstance(spec, params.ChoiceParam | params.GridParam):
        return value in spec.options
    if isinstance(spec, params.TextParam):
        return len(value) <= spec.max_length
    if isinstance(spec, params.SetParam):
        return bool(value) and list(value) == [o for o in spec.options if o in value]
    if isinstance(spec, params.SizesParam):
        return len(value) <= spec.max_items and all(spec.lo <= n <= spec.hi for n in value)
    if isinstance(spec, params.VectorParam):
        return len(value) <= spec.max_items and all(abs(v) <= spec.bound for v in value)
    if isinstance(spec, params.TableParam):
        return len(value) <= spec.max_rows and all(
            len(row) == spec.columns and all(math.isfinite(cell) for cell in row) for row in value
        )
    return isinstance(value, bool)


@given(spec=st.sampled_from(SPECS), raw=st.text(max_size=400))
def test_any_link_value_is_read_or_falls_back_with_a_reason(spec, raw):
    value, reason = params.read(spec, raw)
    assert valid(spec, value)
    assert reason is None or (value == spec.default and isinstance(reason, params.ParamError))


@given(spec=st.sampled_from(SPECS), data=st.data())
def test_a_written_value_reads_back_as_itself(spec, data):
    raw = data.draw(st.text(max_size=60))
    value, _ = params.read(spec, raw)
    assert params.read(spec, spec.dump(value)) == (value, None)


@given(raw=st.from_regex(r"[+-]{0,3}[0-9²³¹①٣]{0,14}", fullmatch=True))
def test_whole_numbers_are_plain_ascii_digits(raw):
    value, reason = params.read(params.IntParam(5, -(10**12), 10**12), raw)
    assert (reason is None) == (params.WHOLE.fullmatch(raw) is not None)


@given(
    rows=st.lists(
        st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=3, max_size=3),
        min_size=1,
        max_size=4,
    )
)
def test_a_table_reads_back_from_its_link(rows):
    spec = params.TableParam(((0.0, 0.0, 0.0),), 3, max_rows=4)
    value = params.TableParam.rows_of(rows)
    read = spec.parse(spec.dump(value))
    assert np.allclose(read, value, rtol=1e-9, atol=0)


@pytest.mark.parametrize(
    ("raw", "code"),
    [("1,2", "row_length"), ("1,2,x", "not_number"), ("1,2,inf", "not_finite"),
     (";".join(["1,2,3"] * 5), "too_many_rows"), ("", "row_length")],
)  # fmt: skip
def test_a_tampered_table_says_why(raw, code):
    value, error = params.read(params.TableParam(((0.0, 0.0, 0.0),), 3, max_rows=4), raw)
    assert value == ((0.0, 0.0, 0.0),) and error.code == code


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        (params.SetParam(("x1",), ("x1", "x2", "sin1")), "sin1,x1", ("x1", "sin1")),
        (params.SizesParam((4, 2), 6, 1, 8), "0", ()),
        (params.SizesParam((4, 2), 6, 1, 8), "8,1", (8, 1)),
        (params.VectorParam(3), "", ()),
        (params.VectorParam(3), "1,-2.5,3e-4", (1.0, -2.5, 0.0003)),
    ],
)
def test_the_playgrounds_link_values(spec, raw, value):
    assert params.read(spec, raw) == (value, None)
    assert params.read(spec, spec.dump(value)) == (value, None)


@pytest.mark.parametrize(
    ("spec", "raw", "code"),
    [
        (params.SetParam(("x1",), ("x1", "x2")), ",,", "empty"),
        (params.SetParam(("x1",), ("x1", "x2")), "x1,x3", "not_choice"),
        (params.SizesParam((4,), 6, 1, 8), "1,2,3,4,5,6,7", "too_many_items"),
        (params.SizesParam((4,), 6, 1, 8), "9", "outside"),
        (params.SizesParam((4,), 6, 1, 8), "4,", "not_whole"),
        (params.VectorParam(2), "1,2,3", "too_many_items"),
        (params.VectorParam(2, bound=10.0), "11", "outside"),
        (params.VectorParam(2), "nan", "not_finite"),
    ],
)
def test_a_tampered_playground_value_says_why(spec, raw, code):
    value, error = params.read(spec, raw)
    assert value == spec.default and error.code == code
