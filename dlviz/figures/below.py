"""The play buttons and step slider of an animated chart (``animation.frames_and_controls``)
below the x axis's tick labels and title, at any type size.

``frames_and_controls`` puts them 30 px (slider) and 45 px (buttons) under the plot: at the
projector's 22 px type the x axis's tick labels and title take about 60 px there, so the
slider's "epoch 1000" and the buttons sat on the axis title. Pure: dicts in, dicts out.
"""

from __future__ import annotations

GAP = 70  # px from the plot's bottom to the slider: 22 px ticks, their standoff, a 22 px title


def below_the_axis(controls: dict, gap: int = GAP) -> dict:
    """``controls`` (the layout entries of ``frames_and_controls``) with the slider ``gap`` px
    below the plot and the buttons level with its rail; changed in place and returned."""
    slider, buttons = controls["sliders"][0], controls["updatemenus"][0]
    slider["pad"] = {**slider.get("pad", {}), "t": gap}
    buttons["pad"] = {**buttons.get("pad", {}), "t": gap + 15}
    return controls
