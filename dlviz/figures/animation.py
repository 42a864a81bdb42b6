"""Browser-side animation of an iterative process with plotly frames (play, pause, scrub).

Every page that shows iterations (gradient descent, SGD, perceptron training, ...) animates the
same way: some traces of the figure are replaced frame by frame, and a slider lets the
instructor step one iteration at a time. No Streamlit rerun is involved.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_FRAMES = 50  # every frame is shipped on each change: past ~50 the eye sees no difference


def shown_frames(count: int, most: int = MAX_FRAMES) -> list[int]:
    """Which of ``count`` frames to ship: all of them up to ``most``, else ``most`` evenly
    spread ones, the first and the last always among them."""
    if count <= most:
        return list(range(count))
    return sorted({int(round(k)) for k in np.linspace(0, count - 1, most)})


# The step slider stands this far below the plot: under the x axis's tick labels and title also
# at the projector's 22 px type (at 30 px the slider's "epoch 1000" sat on the axis title).
GAP = 70


def frames_and_controls(
    frame_data: Sequence[list[dict]],
    traces: Sequence[int],
    labels: Sequence[str],
    prefix: str = "",
    duration_ms: int = 300,
) -> tuple[list[dict], dict]:
    """Frames plus the layout entries (play/pause buttons and a step slider) that drive them.

    Frame ``k`` replaces the traces with indices ``traces`` by ``frame_data[k]`` (one trace
    dict per index); ``labels[k]`` names it on the slider. At most ``MAX_FRAMES`` frames are
    kept (evenly spread, the first and last among them), each still named by its own label.
    Returns ``(frames, layout_update)``.
    """
    keep = shown_frames(len(frame_data))
    frame_data, labels = [frame_data[k] for k in keep], [labels[k] for k in keep]
    frames = [
        {"data": data, "traces": list(traces), "name": str(k)} for k, data in enumerate(frame_data)
    ]
    still = {
        "mode": "immediate",
        "frame": {"duration": 0, "redraw": True},
        "transition": {"duration": 0},
    }
    play = {
        "mode": "immediate",
        "fromcurrent": True,
        "frame": {"duration": duration_ms, "redraw": True},
        "transition": {"duration": 0},
    }
    layout = {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": 0.0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"r": 10, "t": GAP + 15},  # level with the slider's rail
                "showactive": False,
                "buttons": [
                    {"label": "▶", "method": "animate", "args": [None, play]},
                    {"label": "❚❚", "method": "animate", "args": [[None], still]},
                ],
            }
        ],
        "sliders": [
            {
                "active": len(frames) - 1,
                "x": 0.14,
                "len": 0.86,
                "y": 0.0,
                "yanchor": "top",
                "pad": {"t": GAP},
                "currentvalue": {"prefix": prefix, "xanchor": "right"},
                "steps": [
                    {"label": label, "method": "animate", "args": [[str(k)], still]}
                    for k, label in enumerate(labels)
                ],
            }
        ],
    }
    return frames, layout
