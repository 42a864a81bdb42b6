"""Cached work of the Perceptron & XOR page: trainings, tables and figures per setting.

The sigmoid MLP is trained ONCE per (block of 20 seeds, loss): every seed of the block with
every η of the page's slider, to the largest epoch count, all at once (``mlp.train_many``). A
move of the seed, η, epochs or loss control then only reads that record (the epochs control
shows part of the history: exactly the training for that many epochs) and draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from dlviz import mlp
from dlviz import perceptron as pc
from dlviz.figures import Figure
from dlviz.figures import perceptron as figures
from dlviz.i18n import texts
from dlviz.params import log_grid
from dlviz.texts.perceptron import TEXT

X, XOR = pc.INPUTS, pc.GATES["XOR"]
SEEDS = 20  # the sweep's seeds 0 … 19: one block of the trainer
ETAS = log_grid(-2, 1)  # the η slider's values: trained together
MAX_EPOCHS, EPOCH_STEP = 3000, 100  # the epochs slider: 100 … 3000 in steps of 100


def _names(lang: str) -> dict[str, str]:
    return texts(TEXT, lang, "fig.")


# -- one unit, presentation by presentation -----------------------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def training(gate: str, w: tuple, gamma: float, theta: float, epochs: int):
    """The run and its trace table as shown (without the sample index)."""
    run = pc.train(X, pc.GATES[gate], w, gamma, theta, epochs)
    return run, run.trace.drop(columns=["sample"])


@st.cache_resource(max_entries=64, show_spinner=False)
def unit_figure(gate: str, w: tuple, gamma: float, theta: float, epochs: int, k: int, lang: str):
    """The unit's line over the inputs after presentation ``k`` (animated around it)."""
    run = training(gate, w, gamma, theta, epochs)[0]
    return figures.unit_figure(X, pc.GATES[gate], run.weights, theta, k, _names(lang))


# -- the slide's network and a single unit on XOR ------------------------------------------------
MARKS = {True: "✓", False: "✗"}  # a table cell for "agrees with XOR": a mark, not True/False


@st.cache_resource(max_entries=16, show_spinner=False)
def network(W: tuple, v: tuple, theta: float, lang: str):
    """The network's table, the same table as shown (agreement with XOR as a mark), its trace in
    LaTeX and its figure (inputs and hidden space)."""
    W, v = np.array(W, dtype=float), np.array(v, dtype=float)
    net = pc.network_table(X, W, v, theta, XOR)
    shown = net.assign(ok=net["ok"].map(MARKS))
    fig = figures.network_figure(X, XOR, net, W, v, theta, _names(lang))
    return net, shown, pc.network_trace_latex(net, W, v), fig


@st.cache_resource(max_entries=16, show_spinner=False)
def convergence(setting: tuple, epochs: int, lang: str):
    """AND, OR and XOR with one setting ((w, γ, θ) or the rule slide's when None) and the
    figure of their errors per epoch and of XOR's weights."""
    if setting is None:
        kw = pc.RULE_SLIDE
    else:
        kw = {"w": setting[0], "gamma": setting[1], "threshold": setting[2]}
    runs = pc.train_gates(("AND", "OR", "XOR"), epochs, **kw)
    return runs, figures.convergence_figure(runs, "XOR", _names(lang))


@st.cache_resource(max_entries=16, show_spinner=False)
def comparison(gate: str, eta: float, epochs: int, lang: str):
    """The perceptron rule and ADALINE on one gate: both runs, their figure and the final table
    (None when ADALINE diverged)."""
    per, ada = pc.compare_rules(gate, eta, epochs)
    table = None if ada.diverged_at else pc.compare_table(X, pc.GATES[gate], per, ada)
    return per, ada, figures.compare_figure(per, ada, _names(lang)), table


# -- the sigmoid MLP ---------------------------------------------------------------------------
@st.cache_resource(max_entries=6, show_spinner=False)  # about 6 MB each, shared by sessions
def mlp_runs(block: int, loss: str, etas: tuple = ETAS) -> mlp.Runs:
    """Seeds 20·block … 20·block + 19 with every η, trained once to ``MAX_EPOCHS``."""
    seeds = range(SEEDS * block, SEEDS * (block + 1))
    keep = range(0, MAX_EPOCHS + 1, EPOCH_STEP)
    return mlp.train_many(X, XOR, seeds, etas, MAX_EPOCHS, loss, keep=keep)


def _runs(seed: int, eta: float, loss: str) -> tuple[mlp.Runs, int, int]:
    """The record holding (seed, η) and the network's place (η row, seed column) in it."""
    etas = ETAS if eta in ETAS else (eta,)  # the slider's grid, or one η from elsewhere
    runs = mlp_runs(seed // SEEDS, loss, etas)
    return runs, etas.index(eta), seed % SEEDS


@dataclass(frozen=True)
class MLPView:
    """What the MLP section shows for one setting."""

    solved: bool  # the shown seed classifies all four inputs
    final: str  # its loss after the epochs, as shown
    figure: Figure  # the animation: ŷ over the plane, hidden space, loss
    sweep_solved: int  # how many of seeds 0 … 19 solve XOR
    sweep: Figure  # final loss per seed


@st.cache_resource(max_entries=16, show_spinner=False)
def mlp_view(seed: int, eta: float, epochs: int, loss: str, lang: str) -> MLPView:
    """The seed's network trained for exactly ``epochs`` epochs, and the sweep of seeds 0 … 19
    with the same η, epochs and loss: read from the record, not trained again."""
    runs, i, j = _runs(seed, eta, loss)
    picks, flat, curve = runs.history(i, j, epochs)
    snap = mlp.frames(picks, flat, curve, X)
    sweep, i0, _ = _runs(0, eta, loss)
    losses, ok = sweep.loss[epochs, i0], sweep.solved[epochs, i0]
    names = _names(lang)
    return MLPView(
        solved=bool(runs.solved[epochs, i, j]),
        final=f"{curve[-1]:.4g}",
        figure=figures.mlp_figure(snap, X, XOR, names),
        sweep_solved=int(ok.sum()),
        sweep=figures.sweep_figure(np.arange(SEEDS), losses, ok, seed, names),
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def gradient_check(seed: int, loss: str) -> pd.DataFrame:
    """∂L/∂θ at the seed's starting weights: by autodiff and by the hand-written backprop the
    trainer uses, side by side."""
    start = mlp.init_params(seed)
    by_autodiff = mlp.loss_and_gradient(start, X, XOR, loss)[1].flat()
    by_hand = mlp.backprop(start, X, XOR, loss)[1].flat()
    gap = np.abs(by_autodiff - by_hand)
    columns = {"autodiff": by_autodiff, "backprop": by_hand, "gap": gap}
    return pd.DataFrame({"parameter": mlp.PARAMETER_NAMES, **columns})
