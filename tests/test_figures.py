"""dlviz.figures.Figure: our own plain-dict figure serialises exactly as plotly's would."""

import base64
import json
import pickle

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dlviz.figures import ROOM, Figure, figure, room
from dlviz.figures.animation import frames_and_controls


def sample() -> tuple[list[dict], dict, list[dict]]:
    x = np.linspace(0.0, 1.0, 5)
    data = [
        {"type": "scatter", "x": x, "y": x**2, "name": "f", "marker": {"size": np.arange(5)}},
        {
            "type": "contour",
            "z": np.eye(3),
            "x": [1, 2, 3],
            "colorscale": [[0, "white"], [1, "red"]],
        },
        {"type": "scatter", "x": np.array([np.nan, 1.0]), "y": np.array([1, 2], dtype=np.int64)},
    ]
    frames, controls = frames_and_controls([[{"x": x[:k], "y": x[:k]}] for k in range(3)], [0],
                                           ["0", "1", "2"])  # fmt: skip
    layout = {"xaxis": {"range": np.array([0.0, 1.0]), "title": {"text": "x"}}, "height": 300,
              "paper_bgcolor": "white", **controls}  # fmt: skip
    return data, layout, frames


def browser_json(fig) -> dict:
    """What the browser receives, typed arrays decoded (plotly picks the smallest int type)."""
    return decoded(json.loads(pio.to_json(fig, validate=False)))


def decoded(value):
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", len(flat))).split(",")]
        return (
            np.where(np.isnan(flat), None, flat).reshape(shape).tolist()
            if flat.dtype.kind == "f"
            else flat.reshape(shape).tolist()
        )
    if isinstance(value, dict):
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


def plotlys(data, layout, frames, **update) -> dict:
    """plotly.py's own JSON of the same figure, less what its validation adds and plotly.js
    does by itself: the default template, and the trace type of a frame (a frame's trace takes
    its figure's trace type)."""
    fig = go.Figure(data=data, layout=layout, frames=frames).update_layout(**update)
    spec = browser_json(fig)
    spec["layout"].pop("template")
    for frame in spec["frames"]:
        for trace in frame["data"]:
            del trace["type"]
    return spec


def test_encoding_is_plotlys_own():
    data, layout, frames = sample()
    assert browser_json(Figure(data, layout, frames)) == plotlys(data, layout, frames)


def test_traces_and_layout_read_like_plotly_objects():
    data, layout, frames = sample()
    fig = figure(data, layout, frames)
    assert isinstance(fig, go.Figure)  # what st.plotly_chart and plotly.io accept
    assert fig.data[1].z[1][1] == 1.0 and fig.data[0].marker.size[4] == 4
    assert fig.layout.xaxis.title.text == "x" and fig["layout"]["height"] == 300
    assert fig.layout.template == "none" and len(fig.frames) == 3
    assert fig.data[0].to_plotly_json()["name"] == "f"
    with pytest.raises(AttributeError):
        _ = fig.data[0].nonexistent


def test_update_layout_merges_and_follows_underscore_paths():
    data, layout, frames = sample()
    fig = Figure(data, layout, frames)
    before = fig.to_dict()
    fig.update_layout(font_size=22, xaxis={"type": "log"}, plot_bgcolor="black")
    after = fig.to_dict()
    assert after["layout"]["font"] == {"size": 22} and after["layout"]["plot_bgcolor"] == "black"
    assert after["layout"]["xaxis"]["type"] == "log"
    assert after["layout"]["xaxis"]["title"] == {"text": "x"}  # merged, not replaced
    assert after["data"] is before["data"]  # traces are encoded once, never again
    fig.update_layout(xaxis={"type": "linear"}, overwrite=True)
    assert fig.to_dict()["layout"]["xaxis"] == {"type": "linear"}
    ours = Figure(data, layout, frames).update_layout(font_size=22)
    assert browser_json(ours) == plotlys(data, layout, frames, font_size=22)


def test_pickles_and_prints():
    data, layout, frames = sample()
    fig = Figure(data, layout, frames)
    again = pickle.loads(pickle.dumps(fig))
    assert browser_json(again) == browser_json(fig)
    assert repr(fig) == "Figure(3 traces, 3 frames)"


def test_restyled_copy_leaves_the_figure_as_it_was_and_shares_its_encoding():
    """What page.plot shows: a cached figure, seen by sessions in different type sizes."""
    data, layout, frames = sample()
    fig = Figure(data, layout, frames)
    before = browser_json(fig)
    big = fig.restyled(font={"size": 22}, xaxis={"tickfont": {"size": 22}})
    assert browser_json(fig) == before
    spec = big.to_dict()
    assert spec["layout"]["font"] == {"size": 22} and spec["layout"]["xaxis"]["title"] == {
        "text": "x"
    }
    assert spec["data"] is fig.to_dict()["data"] and spec["frames"] is fig.to_dict()["frames"]
    assert browser_json(big) == plotlys(data, layout, frames, font_size=22, xaxis_tickfont_size=22)


def test_an_animation_ships_at_most_fifty_frames_named_by_their_step():
    from dlviz.figures.animation import MAX_FRAMES, frames_and_controls, shown_frames

    assert shown_frames(7) == list(range(7))
    kept = shown_frames(201)
    assert len(kept) == MAX_FRAMES and kept[0] == 0 and kept[-1] == 200
    frames, controls = frames_and_controls([[{"x": [k]}] for k in range(201)], [0],
                                           [str(k) for k in range(201)])  # fmt: skip
    steps = controls["sliders"][0]["steps"]
    assert len(frames) == len(steps) == MAX_FRAMES
    assert steps[-1]["label"] == "200" and frames[-1]["data"] == [{"x": [200]}]
    assert controls["sliders"][0]["active"] == MAX_FRAMES - 1


def test_single_halves_long_arrays_unless_a_value_does_not_fit():
    from dlviz.figures import single

    assert single(np.linspace(0, 1, 5)).dtype == np.float32
    assert single([np.nan, -np.inf, 2.0]).dtype == np.float32  # gaps stay gaps
    huge = single([1.0, 1e300])
    assert huge.dtype == np.float64 and huge[1] == 1e300  # never turned into inf


def test_rounded_keeps_what_the_eye_sees_and_marks_gaps():
    from dlviz.figures import rounded

    assert rounded(np.array([1.23456789, np.nan, np.inf])) == [1.235, None, None]
    assert rounded([2.5369047, None], 6) == [2.53690, None]


def test_room_gives_each_part_of_a_chart_the_margin_it_needs():
    titled = {"xaxis": {"title": {"text": "x"}}, "yaxis": {"title": {"text": "y"}}}
    line = [{"type": "scatter", "name": "a"}]
    assert room(titled, line) == {"l": ROOM[13]["axis"], "r": ROOM[13]["edge"], "b": ROOM[13]["x"]}
    contour = [{"type": "contour"}, {"type": "scatter", "name": "a"}, {"type": "scatter"}]
    slider = {**titled, "sliders": [{}], "legend": {"orientation": "h", "y": 1.02}}
    assert room(slider, contour) == {"l": ROOM[13]["axis"], "r": ROOM[13]["colorbar"],
                                     "b": ROOM[13]["slider"], "t": ROOM[13]["legend"]}  # fmt: skip
    hidden = [{"type": "contour", "showscale": False}]
    assert room({"xaxis": {}, "yaxis2": {"title": "p", "side": "right"}}, hidden) == {
        "r": ROOM[13]["axis"]
    }


def test_an_x_axis_drawn_on_top_gets_its_room_on_top():
    top = {"xaxis": {"title": "k", "side": "top"}, "yaxis": {"title": "j"}}
    margins = room(top, [{"type": "heatmap", "showscale": False}])
    assert margins["t"] == ROOM[13]["x"] and "b" not in margins


def test_room_adds_a_legend_row_for_many_long_names_and_never_shrinks_a_margin():
    names = [
        {"type": "scatter", "name": "a rather long legend entry, number " + str(k)}
        for k in range(20)
    ]
    legend = {"legend": {"orientation": "h", "y": 1.02}}
    assert room(legend, names)["t"] > ROOM[13]["legend"] + ROOM[13]["legend_row"]
    assert "t" not in room({"legend": {"orientation": "h", "y": -0.2}}, names)  # below: no room
    assert "t" not in room({**legend, "showlegend": False}, names)
    asked = {"margin": {"l": 200, "r": 0, "t": 5, "b": 150}, "yaxis": {"title": "y"}}
    assert room(asked, names) == {"l": 200, "r": ROOM[13]["edge"], "t": 5, "b": 150}


def test_a_two_dimensional_figure_asks_for_its_room_and_a_three_dimensional_one_does_not():
    titled = {"yaxis": {"title": "y"}, "margin": {"l": 10}}
    assert figure([{"type": "scatter"}], titled).layout.margin.l == ROOM[13]["axis"]
    assert figure([{"type": "surface"}], titled).layout.margin.l == 10


def test_room_grows_with_the_type_size_of_presentation_mode():
    titled = {"xaxis": {"title": "x"}, "yaxis": {"title": "y"}, "sliders": [{}]}
    contour = [{"type": "contour"}]
    large = room(titled, contour, size=22)
    assert large == {"l": ROOM[22]["axis"], "r": ROOM[22]["colorbar"], "b": ROOM[22]["slider"]}
    assert all(large[side] > px for side, px in room(titled, contour).items())
    assert figure(contour, titled).room(22) == large  # never less than the figure's own margins


def test_an_animation_slider_stands_below_the_x_axis_title_at_any_type_size():
    from dlviz.figures.animation import GAP, frames_and_controls

    _, controls = frames_and_controls([[{}], [{}]], [0], ["0", "1"])
    slider, buttons = controls["sliders"][0], controls["updatemenus"][0]
    # At 22 px the x axis's ticks, their standoff and its title take ~60 px under the plot.
    assert slider["pad"]["t"] == GAP >= 60 and buttons["pad"]["t"] == GAP + 15
    # The margin asked for holds the gap, the slider and its labels (88 px at 13 px type, 114
    # at 22, measured in Chromium): plotly would otherwise draw the chart a second time.
    assert ROOM[13]["slider"] >= GAP + 88 and ROOM[22]["slider"] >= GAP + 114
