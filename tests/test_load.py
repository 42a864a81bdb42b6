"""bench.load's own helpers: the widget states a simulated student sends, how it moves a control,
how it writes the address, and its percentiles. Nothing here is timed."""

from __future__ import annotations

import asyncio
import math
import random
import threading

from hypothesis import given
from hypothesis import strategies as st
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider

from bench import load


def in_own_loop(scenario) -> None:
    """Run an async scenario in a thread of its own: the browser tests' Playwright keeps an
    event loop running in the main thread for the whole session (asyncio.run refuses there)."""
    failure = []

    def run():
        try:
            asyncio.run(scenario())
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


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


# -- the browser's auto-rerun timers and which run answers a request (no server, no timing) ------
def _student() -> load.Student:
    return load.Student(
        "http://127.0.0.1:1", "/Playground?tab=build", random.Random(0), load.Tally()
    )


def _new_session(*fragments: str) -> bytes:
    msg = ForwardMsg()
    msg.new_session.initialize.session_id = "s"
    msg.metadata.run.fragment_ids.extend(fragments)
    return msg.SerializeToString()


def _auto_rerun(fragment: str, interval: float) -> bytes:
    msg = ForwardMsg()
    msg.auto_rerun.fragment_id, msg.auto_rerun.interval = fragment, interval
    return msg.SerializeToString()


def _finished(status=ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY) -> bytes:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg.SerializeToString()


def _markdown(body: str) -> bytes:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = body
    return msg.SerializeToString()


def test_an_auto_rerun_starts_a_timer_kept_at_the_same_interval_and_replaced_at_another():
    async def scenario():
        student = _student()
        student._receive(_auto_rerun("f1", 0.5))
        first = student.timers["f1"][1]
        student._receive(_auto_rerun("f1", 0.5))  # handleAutoRerun: same interval, same timer
        assert student.timers["f1"][1] is first and not first.cancelled()
        student._receive(_auto_rerun("f1", 1.5))
        await asyncio.sleep(0)
        assert first.cancelled() and student.timers["f1"][0] == 1.5
        student._receive(_auto_rerun("", 0.5))  # no fragment id: ignored
        assert set(student.timers) == {"f1"}
        await student.leave()
        assert student.timers == {}

    in_own_loop(scenario)


def test_stop_auto_rerun_and_a_full_run_clear_timers_a_fragment_run_keeps_them():
    student = _student()  # no event loop: the bookkeeping alone
    student._receive(_auto_rerun("f1", 0.5))
    student._receive(_auto_rerun("f2", 0.5))
    stop = ForwardMsg()
    stop.stop_auto_rerun.fragment_ids.append("f2")
    student._receive(stop.SerializeToString())
    assert set(student.timers) == {"f1"}
    student._receive(_new_session("f1"))  # a fragment run: handleNewSession keeps the timers
    assert set(student.timers) == {"f1"}
    student._receive(_new_session())  # a full run: cleanupAutoReruns
    assert student.timers == {}


def test_a_tick_is_the_browsers_rerun_of_its_fragment_marked_automatic():
    student = _student()
    student._receive(_markdown("x"))
    rerun = student.rerun_message("f1", auto=True).rerun_script
    assert rerun.fragment_id == "f1" and rerun.is_auto_rerun
    assert rerun.query_string == "tab=build" and rerun.page_name == "Playground"
    assert not student.rerun_message().rerun_script.is_auto_rerun


def test_a_request_is_answered_by_the_first_run_that_started_after_it_was_sent():
    async def scenario():
        student = _student()
        student._receive(_new_session())  # a run in progress
        loop = asyncio.get_running_loop()
        request = loop.create_future()
        student.pending.append((student.runs_started, request))
        student._receive(_finished(ForwardMsg.FINISHED_SUCCESSFULLY))  # that run's end
        assert not request.done()
        student._receive(_new_session("f1"))
        student._receive(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN))  # not an end
        assert not request.done()
        student._receive(_new_session("f1"))
        student._receive(_finished())
        assert request.done() and student.pending == []

    in_own_loop(scenario)


def test_frames_are_the_ends_of_a_timers_runs_and_count_the_status_lines_epochs():
    student = _student()
    student._receive(_auto_rerun("f1", 0.5))
    for epoch in (80, 160, 240):
        student._receive(_new_session("f1"))
        student._receive(_markdown(f"▶ Training · epoch **{epoch}** · training loss **0.1**"))
        student._receive(_finished())
    assert len(student.tally.frames) == 2 and student.tally.epochs == 160
    student._receive(_new_session("other"))  # a fragment without a timer: no frame
    student._receive(_finished())
    assert len(student.tally.frames) == 2
    student._receive(_new_session())  # a full run (a move): the next frame starts a new chain
    student._receive(_finished(ForwardMsg.FINISHED_SUCCESSFULLY))
    assert len(student.tally.frames) == 2 and student.last_frame is None


def test_the_status_lines_epoch_in_both_languages():
    assert load.status_epoch("▶ Training · epoch **1 000** · training loss **0.5**") == 1000
    assert load.status_epoch("▶ Entrenando · época **12** · pérdida **0.5**") == 12
    assert load.status_epoch("Epoch **7** · training loss **0.1**") == 7
    assert load.status_epoch("Época **1\u202f200** · pérdida") == 1200
    assert load.status_epoch("Una red de **4** neuronas") is None
