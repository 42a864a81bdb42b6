"""bench.load's own helpers: the widget states a simulated student sends, how it moves a control,
how it writes the address, and its percentiles. Nothing here is timed."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.Slider_pb2 import Slider

from bench import load


def _slider(**fields) -> Element:
    element = Element()
    element.slider.id = "$$ID-abc-eta"
    for name, value in fields.items():
        target = getattr(element.slider, name)
        if isinstance(value, list):
            target.extend(value)
        else:
            setattr(element.slider, name, value)
    return element


def test_a_select_slider_is_sent_as_its_options_text_the_current_one_if_the_server_set_it():
    options = ["0.0001", "0.001", "0.01"]
    element = _slider(type=Slider.SELECT_SLIDER, options=options, default=[0.0])
    assert list(load.widget_state(element).string_array_value.data) == ["0.0001"]
    element.slider.raw_value.append("0.001")
    assert list(load.widget_state(element).string_array_value.data) == ["0.001"]
    moved = load.moved(element, load.widget_state(element), 1)
    assert list(moved.string_array_value.data) == ["0.01"]
    back = load.moved(element, moved, 1)  # at the end: the other way
    assert list(back.string_array_value.data) == ["0.001"]


def test_a_numeric_slider_uses_its_value_only_when_the_server_set_it_and_moves_by_steps():
    element = _slider(min=0.0, max=1.0, step=0.1, default=[0.5], value=[0.9])
    assert list(load.widget_state(element).double_array_value.data) == [0.5]
    element.slider.set_value = True
    state = load.widget_state(element)
    assert list(state.double_array_value.data) == [0.9]
    assert list(load.moved(element, state, 2).double_array_value.data) == [0.7]  # 1.1 > max
    assert load.url_value(load.moved(element, state, -1)) == "0.8"


def test_a_number_input_moves_by_its_step_within_its_bounds():
    element = Element()
    number = element.number_input
    number.id, number.data_type, number.default, number.step = "$$ID-x-w1", number.INT, 3, 1
    number.has_min, number.min = True, 2
    state = load.widget_state(element)
    assert state.int_value == 3
    assert load.moved(element, state, -3).int_value == 6  # 0 is below the minimum: up instead
    assert load.url_value(load.moved(element, state, 1)) == "4"


def test_buttons_and_unknown_widgets_send_nothing():
    element = Element()
    element.button.id = "$$ID-x-go"
    assert load.widget_state(element) is None


def test_the_address_gets_the_new_value_in_place_or_appended():
    assert load.with_param("lang=en&eta=0.1&tab=a", "eta", "0.2") == "lang=en&eta=0.2&tab=a"
    assert load.with_param("lang=en", "z", "-1.5") == "lang=en&z=-1.5"


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50), st.floats(0, 100))
def test_a_percentile_lies_between_the_smallest_and_largest_value(values, q):
    assert min(values) - 1e-6 <= load.percentile(values, q) <= max(values) + 1e-6


def test_percentiles_of_known_values():
    assert load.percentile([1, 2, 3, 4, 5], 50) == 3
    assert load.percentile([10, 20], 95) == 19.5
    assert math.isnan(load.percentile([], 50))
