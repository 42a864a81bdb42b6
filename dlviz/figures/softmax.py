"""Plotly figures for the Softmax page: probability bars, the Jacobian heatmap, training curves,
confusion matrix, weight rows and digits as images. Pure: arrays in, ``go.Figure`` out.

Also the drawing canvas (HTML/CSS/JS strings for a ``st.components.v2`` component that the page
registers): the student draws with the mouse or a finger; the component reports the ink as a
64×64 grid of 0…255 values (state ``ink``), which ``dlviz.handwriting.prepare`` prepares like
the training images. Text shown in the figures is passed in already translated.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from dlviz.figures import figure

BAR_COLOR = "#1f77b4"
TRUE_COLOR = "#2ca02c"
TRAIN_COLOR, TEST_COLOR = "#1f77b4", "#ff7f0e"
MARK_COLOR = "#d62728"
INK = [[0, "#ffffff"], [1, "#000000"]]  # pixel value 0 white, 1 black: digits as drawn
COUNTS = [[0, "#f7fbff"], [1, "#08306b"]]  # few → pale, many → dark blue
DIVERGING = "RdBu"  # plotly's RdBu: negative blue, 0 white-ish, positive red


def probability_bars(
    a: np.ndarray, names: dict[str, str], highlight: int | None = None, first: int = 1
) -> go.Figure:
    """Bars of the probabilities a_k (one per class, numbered from ``first``), their values on
    top; the sum in the title; class ``highlight`` (0-based) in green."""
    K = len(a)
    colors = [TRUE_COLOR if k == highlight else BAR_COLOR for k in range(K)]
    data = [
        {
            "type": "bar",
            "x": [f"{k + first}" for k in range(K)],
            "y": a,
            "text": [f"{v:.4f}" for v in a],
            "textposition": "outside",
            "marker": {"color": colors},
            "hovertemplate": "a%{x} = %{y:.6f}<extra></extra>",
        }
    ]
    layout = {
        "title": {"text": names["title"].format(total=f"{float(np.sum(a)):.6f}")},
        "xaxis": {"title": {"text": names["class"]}, "type": "category"},
        "yaxis": {"title": {"text": names["prob"]}, "range": [0, 1.12]},
        "height": 330,
        "margin": {"t": 50, "b": 50, "l": 60, "r": 10},
    }
    return figure(data, layout)


def jacobian_heatmap(J: np.ndarray, names: dict[str, str]) -> go.Figure:
    """∂a/∂z as a heatmap: row k = a_k, column j = z_j; the slide's two entries, ∂a₁/∂z₁ =
    a₁(1 − a₁) and ∂a₂/∂z₁ = −a₂a₁, outlined in red (the page writes them out beside it: as a
    two-line title they ran into the axis title in a projector's type)."""
    K = J.shape[0]
    labels_a = [f"a{k + 1}" for k in range(K)]
    labels_z = [f"z{j + 1}" for j in range(K)]
    limit = float(np.abs(J).max()) or 1.0
    data = [
        {
            "type": "heatmap",
            "z": J,
            "x": labels_z,
            "y": labels_a,
            "colorscale": DIVERGING,
            "zmid": 0,
            "zmin": -limit,
            "zmax": limit,
            "text": np.vectorize(lambda v: f"{v:.4f}")(J),
            "texttemplate": "%{text}",
            "hovertemplate": "∂%{y}/∂%{x} = %{z:.6f}<extra></extra>",
        }
    ]
    shapes = [
        {"type": "rect", "x0": col - 0.5, "x1": col + 0.5, "y0": row - 0.5, "y1": row + 0.5,
         "line": {"color": MARK_COLOR, "width": 3}}
        for row, col in ((0, 0), (1, 0)) if row < K
    ]  # fmt: skip
    layout = {  # the z_j axis below (where ``room`` leaves space for an axis title)
        "xaxis": {"title": {"text": names["x"]}},
        "yaxis": {"title": {"text": names["y"]}, "autorange": "reversed"},
        "shapes": shapes,
        "height": 170 + 55 * K,
        "margin": {"t": 20, "b": 20, "l": 60, "r": 10},
    }
    return figure(data, layout)


def training_curves(history, names: dict[str, str]) -> go.Figure:
    """Loss (left) and accuracy (right) per epoch, training and test sets."""
    data = []
    for column, axis in (("loss", "1"), ("accuracy", "2")):
        for part, color in (("train", TRAIN_COLOR), ("test", TEST_COLOR)):
            data.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "x": history["epoch"].to_numpy(),
                    "y": history[f"{part}_{column}"].to_numpy(),
                    "name": names[part],
                    "legendgroup": part,
                    "showlegend": axis == "1",
                    "line": {"color": color},
                    "marker": {"size": 4},
                    "xaxis": "x" if axis == "1" else "x2",
                    "yaxis": "y" if axis == "1" else "y2",
                }
            )
    layout = {
        "xaxis": {"domain": [0, 0.45], "title": {"text": names["epoch"]}},
        "xaxis2": {"domain": [0.55, 1], "title": {"text": names["epoch"]}},
        "yaxis": {"title": {"text": names["loss"]}, "rangemode": "tozero"},
        "yaxis2": {"title": {"text": names["accuracy"]}, "anchor": "x2", "tickformat": ".0%"},
        "legend": {"orientation": "h", "y": 1.12, "x": 0},
        "height": 330,
        "margin": {"t": 40, "b": 50, "l": 60, "r": 10},
    }
    return figure(data, layout)


def confusion_figure(C: np.ndarray, names: dict[str, str]) -> go.Figure:
    """Counts of true class (rows) × predicted class (columns)."""
    K = C.shape[0]
    data = [
        {
            "type": "heatmap",
            "z": C,
            "x": [str(k) for k in range(K)],
            "y": [str(k) for k in range(K)],
            "colorscale": COUNTS,
            "texttemplate": "%{z}",
            "hovertemplate": names["hover"] + "<extra></extra>",
            "showscale": False,
        }
    ]
    # The predicted classes below (on top, their axis title ran into the chart's title in a
    # projector's type); every class labelled (plotly skipped every other one when crowded).
    every = {"type": "category", "tickmode": "linear", "dtick": 1}
    layout = {
        "title": {"text": names["title"]},
        "xaxis": {"title": {"text": names["pred"]}, **every},
        "yaxis": {"title": {"text": names["true"]}, "autorange": "reversed", **every},
        "height": 500,
        "margin": {"t": 50, "b": 20, "l": 60, "r": 10},
    }
    return figure(data, layout)


def image_grid(
    images: np.ndarray,
    side: int,
    titles: list[str],
    columns: int = 5,
    colorscale: str | list = INK,
    symmetric: bool = False,
    title: str = "",
) -> go.Figure:
    """Flattened images (n, side²) tiled into one mosaic heatmap (gaps left empty), each tile
    with its title above it (and the figure's ``title``). One trace: cheap to send and draw."""
    n = len(images)
    rows = max(1, -(-n // columns))
    gap = max(1, side // 4)
    title_rows = max(4, side // 2)  # room above each tile for its title, also in large type
    cell_w, cell_h = side + gap, side + title_rows
    mosaic = np.full((rows * cell_h, columns * cell_w - gap), np.nan)
    annotations = []
    for i, image in enumerate(np.asarray(images, dtype=float)):
        r, c = divmod(i, columns)
        top, left = r * cell_h + title_rows, c * cell_w
        mosaic[top : top + side, left : left + side] = image.reshape(side, side)
        annotations.append(
            {"text": titles[i], "x": left + (side - 1) / 2, "y": top - 0.6, "xref": "x",
             "yref": "y", "yanchor": "bottom", "showarrow": False}
        )  # fmt: skip
    limit = float(np.nanmax(np.abs(mosaic))) if symmetric and n else 1.0
    trace = {
        "type": "heatmap",
        "z": mosaic.astype(np.float32),  # what the eye sees of a pixel; half the bytes of f8
        "colorscale": colorscale,
        "showscale": symmetric,
        "hoverongaps": False,
        "hovertemplate": "%{z:.3f}<extra></extra>",
        **({"zmid": 0, "zmin": -limit, "zmax": limit} if symmetric else {"zmin": 0, "zmax": 1}),
    }
    layout = {
        "xaxis": {"visible": False, "constrain": "domain"},
        "yaxis": {"visible": False, "autorange": "reversed", "scaleanchor": "x"},
        "annotations": annotations,
        "height": 60 + {8: 170, 28: 260}.get(side, 190) * rows + (40 if title else 0),
        "margin": {"t": 70 if title else 30, "b": 10, "l": 10, "r": 10},
        "title": {"text": title},
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    return figure([trace], layout)


def weight_images(W: np.ndarray, side: int, title: str) -> go.Figure:
    """The K rows of W (K×side²) as side×side images, blue negative / red positive."""
    return image_grid(W, side, [f"w{k}" for k in range(len(W))], 5, DIVERGING, True, title)


def drawn_digit(image: np.ndarray, side: int, a: np.ndarray, names: dict[str, str]) -> go.Figure:
    """The drawing as the model sees it (left, named below it: above it the name ran into the
    title in large type) and its class probabilities (right)."""
    bars = probability_bars(a, names, int(np.argmax(a)), first=0).to_dict()
    picture = {
        "type": "heatmap",
        "z": np.asarray(image).reshape(side, side),
        "colorscale": INK,
        "zmin": 0,
        "zmax": 1,
        "showscale": False,
        "xaxis": "x2",
        "yaxis": "y2",
        "hovertemplate": "%{z:.2f}<extra></extra>",
    }
    layout = {
        **bars["layout"],
        "xaxis": {**bars["layout"]["xaxis"], "domain": [0.34, 1]},
        "xaxis2": {"domain": [0, 0.2], "visible": False, "anchor": "y2"},
        "yaxis2": {"visible": False, "autorange": "reversed", "scaleanchor": "x2", "anchor": "x2"},
        "annotations": [
            {"text": _two_lines(names["seen"]), "x": 0.1, "y": 0.0, "xref": "paper",
             "yref": "paper", "yanchor": "top", "showarrow": False}
        ],
    }  # fmt: skip
    return figure([*bars["data"], picture], layout)


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (narrow enough for the picture)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(2 * i - len(text)))
    return text[:cut] + "<br>" + text[cut + 1 :]


def pushed(image: np.ndarray, W: np.ndarray, classes: list[int], titles: list[str], title: str):
    """The drawing times the weight image of each of ``classes`` (x ⊙ w_k, side×side; its sum
    is z_k − b_k): red pixels pushed towards class k, blue ones away. One colour scale."""
    side = math.isqrt(np.asarray(image).size)
    products = np.asarray(image, dtype=float)[None, :] * np.asarray(W, dtype=float)[classes]
    return image_grid(products, side, titles, len(classes), DIVERGING, True, title)


CANVAS_HTML = """
<div class="dlviz-draw">
  <canvas width="256" height="256" aria-label="digit canvas"></canvas>
  <button type="button">⟲</button>
</div>
"""

CANVAS_CSS = """
.dlviz-draw { display: flex; gap: 0.5rem; align-items: flex-start; }
canvas { border: 2px solid var(--st-primary-color); border-radius: 6px; background: #fff;
         touch-action: none; cursor: crosshair; width: 256px; height: 256px; }
button { font-size: 1.2rem; padding: 0.2rem 0.6rem; border-radius: 6px;
         border: 1px solid var(--st-border-color, #ccc); background: transparent;
         color: var(--st-text-color); cursor: pointer; }
"""

# Draw with the pointer; on release send the ink as a 64×64 grid (0…255). ⟲ clears it. The
# drawing is kept in the module (``saved``) so it survives Streamlit re-mounting the component.
CANVAS_JS = """
let saved = null;
export default function (component) {
  const { parentElement, setStateValue, data } = component;
  const canvas = parentElement.querySelector("canvas");
  const clear = parentElement.querySelector("button");
  clear.title = (data && data.clear) || "clear";
  const ctx = canvas.getContext("2d");
  ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.lineWidth = 22; ctx.strokeStyle = "#000";
  if (saved) { const img = new Image(); img.onload = () => ctx.drawImage(img, 0, 0); img.src = saved; }
  let drawing = false;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  };
  const send = () => {
    const small = document.createElement("canvas");
    small.width = 64; small.height = 64;
    const s = small.getContext("2d");
    s.drawImage(canvas, 0, 0, 64, 64);
    const pixels = s.getImageData(0, 0, 64, 64).data;
    const ink = [];
    for (let i = 3; i < pixels.length; i += 4) ink.push(pixels[i]);
    saved = canvas.toDataURL();
    setStateValue("ink", ink);
  };
  canvas.onpointerdown = (e) => {
    drawing = true; canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 0.1, y); ctx.stroke();
  };
  canvas.onpointermove = (e) => {
    if (!drawing) return;
    const [x, y] = at(e); ctx.lineTo(x, y); ctx.stroke();
  };
  const stop = () => { if (drawing) { drawing = false; send(); } };
  canvas.onpointerup = stop; canvas.onpointerleave = stop;
  clear.onclick = () => {
    saved = null; ctx.clearRect(0, 0, canvas.width, canvas.height); setStateValue("ink", []);
  };
}
"""
