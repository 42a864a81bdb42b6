"""URL parameters: good values parse, tampered ones fall back to the default with a reason."""

import pytest

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
    assert reason in why


def test_absent_gives_default_silently():
    assert params.read(params.FloatParam(1.0, 0, 2), None) == (1.0, None)


def test_log_grid_is_1_2_5():
    assert params.log_grid(-1, 1) == (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
