"""dlviz.figures.below: an animation's slider and buttons clear of the x axis's labels."""

from dlviz.figures.animation import frames_and_controls
from dlviz.figures.below import GAP, below_the_axis


def test_the_controls_move_below_the_axis_and_keep_their_other_padding():
    frames, controls = frames_and_controls([[{"y": [0]}], [{"y": [1]}]], [0], ["0", "1"])
    slider, buttons = controls["sliders"][0], controls["updatemenus"][0]
    assert slider["pad"]["t"] < GAP and buttons["pad"]["t"] < GAP  # where they sat
    right = buttons["pad"]["r"]
    assert below_the_axis(controls) is controls
    assert slider["pad"]["t"] == GAP and buttons["pad"]["t"] == GAP + 15
    assert buttons["pad"]["r"] == right and len(frames) == 2
    assert below_the_axis(controls, 90)["sliders"][0]["pad"]["t"] == 90
