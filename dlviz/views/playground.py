"""Work of the Playground page: data sets (shared, cached), one student's training (kept in the
session and advanced in ticks of a time budget), and the pictures of a state.

Training is never a script re-run per epoch: the page's live fragment reruns itself every
``TICK`` seconds while it plays, and each rerun trains as many whole epochs as fit in ``BUDGET``
seconds from where the last one stopped (``advance``). Epoch ``e`` shuffles with the seeds
``[seed, e]``, so training in ticks gives the same weights, bit for bit, as training at once:
a link (``?epoch=``) reproduces the state it was copied from.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dlviz import expr
from dlviz import playground as pg
from dlviz import playground_trace as tr
from dlviz.csvdata import check_pasted
from dlviz.figures import Figure
from dlviz.figures import playground as figures
from dlviz.i18n import texts
from dlviz.params import TextParam
from dlviz.texts.playground import TEXT
from dlviz.ui import FONT_SIZE
from dlviz.views import refusals_kept

TICK = 0.5  # s between two reruns of the live fragment while it plays
FULL_PACE = 8  # students playing at once before the frames come further apart
BUDGET = 0.08  # s of training a rerun (at least one epoch): the rest is drawing and sending
# All players' training together takes at most this share of one core: a rerun's budget shrinks
# as more students train at once. Measured (bench.load, 40 students, 20 of them playing and
# moving a control every 2-5 s): with 80 ms a rerun whoever the number, the others' moves went
# from p50 24 ms to 921 ms (p95 54 ms to 2.8 s).
TRAINING_SHARE, MIN_BUDGET = 0.3, 0.005
WINDOW = 3.0  # s: a session that trained or played this recently counts
PLAY_EPOCHS = 1000  # one ▶ plays this many epochs, then pauses: no tab left open trains forever
MAX_EPOCH = 100_000
# Points a side: a neuron's tile, the output's surface (JSON of the 7-8×6-1 network: 84 kB at
# 20, 106 kB at 40; the surface: 20 kB at 40, 34 kB at 60).
TILE_GRID, SURFACE_GRID = 20, 40


# The slide's XOR: its four inputs and labels; they train and they test (there are no others).
LECTURE_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
LECTURE_Y = np.array([0.0, 1.0, 1.0, 0.0])
LECTURE = pg.Data(LECTURE_X, LECTURE_Y, LECTURE_X, LECTURE_Y, "classification")
# The lecture's 2-2-1 as the builder opens it: σ as on the slide, the four points at once, η = 3
# (η = 1 solved 2 seeds of 10 in 1000 epochs, η = 3 solved 7; seed 0 solves it).
PRESET = {"data": "lecture", "features": ("x1", "x2"), "layers": (2,), "act": "sigmoid",
          "lr": 3.0, "batch": 4, "wseed": 0, "reg": "none"}  # fmt: skip
PRESET_EPOCHS = 1000


def plane(name: str) -> tuple[float, float]:
    """The plane drawn, [lo, hi]²: the slide's points lie in [0, 1]²."""
    return (-0.5, 1.5) if name == "lecture" else (-pg.BOX, pg.BOX)


def _grid(net: pg.Network, weights: pg.Weights, n: int, side: tuple[float, float]) -> pg.Grid:
    return pg.grid(net, weights, n=n, box=side[1], low=side[0])


@st.cache_resource(max_entries=16, show_spinner=False)
def data(name: str, noise: int, ratio: int, seed: int) -> pg.Data:
    """A generated data set (noise and ratio in %), shared by every session: read only."""
    if name == "lecture":
        return LECTURE
    return pg.dataset(name, noise=noise / 100, ratio=ratio / 100, seed=seed)


CSV_SAMPLE = "x1,x2,label\n-3,-3,0\n-2,-4,0\n-4,-1,0\n3,3,1\n2,4,1\n4,1,1\n-3,3,1\n3,-3,0\n"
CSV_TEXT = TextParam(CSV_SAMPLE, 20_000)  # ~1,000 points; a file can hold 2,000


@refusals_kept(max_entries=16)
def csv_data(text: str | bytes, ratio: int, seed: int) -> pg.Data:
    """The student's own points (x1, x2, label); a refusal is kept too (read once)."""
    if isinstance(text, str):
        check_pasted(text, CSV_TEXT.max_length)
    X, y, problem = pg.read_csv_points(text)
    return pg.split(X, y, ratio / 100, seed, problem)


def dataset(name: str, noise: int, ratio: int, seed: int) -> pg.Data:
    """A generated data set; for the student's own ("csv"), the default until it is read."""
    return data("circle" if name == "csv" else name, noise, ratio, seed)


@dataclass
class Record:
    """One setting's training as far as any session has taken it: the losses after every epoch
    since its start (``offset``), and the weights where each stretch of training ended. Training
    is deterministic, so a session with the same setting (a class following the teacher) reads
    the epochs already trained instead of training them again."""

    offset: int
    train: list[float]
    test: list[float]
    weights: dict[int, pg.Weights]  # epoch → the weights after it (never changed once stored)
    per_epoch: float = 0.0  # seconds an epoch took, as last measured
    stop: int | None = None  # training diverged after this epoch

    @property
    def last(self) -> int:
        return self.offset + len(self.train) - 1


_RECORDS: OrderedDict[tuple, Record] = OrderedDict()  # the most recently used settings
_PLAYING: dict[str, float] = {}  # session id → when its live view last showed a frame
_TRAINING: dict[str, float] = {}  # session id → when it last trained
_LOCK = threading.Lock()
MAX_RECORDS, MAX_CHECKPOINTS = 16, 200


def _record(key: tuple, net: pg.Network, data: pg.Data, first: pg.Weights, offset: int) -> Record:
    with _LOCK:
        if key in _RECORDS:
            _RECORDS.move_to_end(key)
            return _RECORDS[key]
    train = pg.loss(net, first, data.X_train, data.y_train)
    fresh = Record(
        offset, [train], [pg.loss(net, first, data.X_test, data.y_test)], {offset: first}
    )
    with _LOCK:
        record = _RECORDS.setdefault(key, fresh)
        _RECORDS.move_to_end(key)
        while len(_RECORDS) > MAX_RECORDS:
            _RECORDS.popitem(last=False)
    return record


def _publish(record: Record, begun: int, run: pg.Run) -> None:
    """Add what a session trained from epoch ``begun`` to the record: the losses past its end
    and a checkpoint (every other one dropped when there are too many)."""
    with _LOCK:
        for epoch, train, test in zip(run.epochs, run.train_loss, run.test_loss, strict=True):
            if epoch == record.last + 1:
                record.train.append(float(train))
                record.test.append(float(test))
        end = int(run.epochs[-1]) if len(run.epochs) else begun
        record.weights.setdefault(end, run.weights)
        if run.diverged:
            record.stop = end
        if len(record.weights) > MAX_CHECKPOINTS:
            kept = sorted(record.weights)[::2]
            record.weights = {e: record.weights[e] for e in {*kept, record.offset, end}}


@dataclass
class State:
    """One student's network: its weights at ``epoch``; the losses come from its record."""

    key: tuple
    record: Record
    weights: pg.Weights
    epoch: int

    @property
    def epochs(self) -> list[int]:
        return list(range(self.record.offset, self.epoch + 1))

    @property
    def train(self) -> list[float]:
        return self.record.train[: self.epoch - self.record.offset + 1]

    @property
    def test(self) -> list[float]:
        return self.record.test[: self.epoch - self.record.offset + 1]

    @property
    def diverged(self) -> bool:
        return self.record.stop is not None and self.epoch >= self.record.stop


def flat(weights: pg.Weights) -> tuple[float, ...]:
    """Layer by layer: W row by row, then b."""
    return tuple(float(v) for W, b in weights for v in (*W.ravel(), *b))


def unflat(net: pg.Network, values: tuple[float, ...]) -> pg.Weights:
    out, i, v = [], 0, np.asarray(values, dtype=float)
    for m, n in zip(net.sizes, net.sizes[1:], strict=False):
        out.append((v[i : i + n * m].reshape(n, m).copy(), v[i + n * m : i + n * m + n].copy()))
        i += n * m + n
    return out


def start(net: pg.Network, wseed: int, edited: tuple[float, ...]) -> pg.Weights:
    """The weights training starts from: seeded, or the ones the student edited (``?w=``)."""
    return unflat(net, edited) if edited else pg.init_weights(net, wseed)


def _recent(sessions: dict[str, float], now: float | None = None) -> int:
    """How many of ``sessions`` were seen in the last ``WINDOW`` seconds (the others dropped)."""
    now = time.monotonic() if now is None else now
    with _LOCK:
        for session in [s for s, t in sessions.items() if now - t > WINDOW]:
            del sessions[session]
        return len(sessions)


def players(now: float | None = None) -> int:
    """How many sessions of this server played in the last ``WINDOW`` seconds."""
    return _recent(_PLAYING, now)


def tick_interval() -> float:
    """Seconds between two frames of the live view: ``TICK``, longer when more than
    ``FULL_PACE`` students play at once on this server (decided when the view starts)."""
    return TICK * max(1.0, players() / FULL_PACE)


def training_budget() -> float:
    """Seconds of training a rerun may take: ``BUDGET`` for one student, shared when several
    train at once so that together they take at most ``TRAINING_SHARE`` of one core."""
    trainers = max(1, _recent(_TRAINING))
    return max(MIN_BUDGET, min(BUDGET, TRAINING_SHARE * tick_interval() / trainers))


def _seen(sessions: dict[str, float]) -> None:
    ctx = get_script_run_ctx()
    if ctx is not None:
        with _LOCK:
            sessions[ctx.session_id] = time.monotonic()


def advance(
    key: tuple, net: pg.Network, data: pg.Data, first: pg.Weights, offset: int, wseed: int,
    goal: int, budget: float | None = None, paced: bool = False,
) -> State:  # fmt: skip
    """The session's network taken towards epoch ``goal``: read from the setting's record
    where another session trained it already, trained (and recorded) where not, for at most
    ``budget`` seconds (``training_budget()``; at least one epoch when short of the goal). ``paced`` (playing): at
    most as many epochs as the budget buys, read or trained, so every frame moves on alike. A
    new setting starts again from ``first`` at epoch ``offset``; so does a goal behind the state
    (a link to an earlier epoch)."""
    state = st.session_state.get("_playground")
    if state is None or state.key != key or state.epoch > goal:
        record = _record(key, net, data, first, offset)
        state = State(key, record, first, offset)
    record = state.record
    budget = training_budget() if budget is None else budget
    reach = int(budget / record.per_epoch) if record.per_epoch else goal - state.epoch
    limit = min(goal, state.epoch + max(reach, 1)) if paced else goal
    done = time.perf_counter() + budget
    size = max(1, reach) if record.per_epoch else 1
    while state.epoch < limit and not state.diverged:
        ahead = [e for e in record.weights if state.epoch < e <= limit]
        if ahead:  # trained already (by this session or another): read it
            state.epoch = max(ahead)
            state.weights = record.weights[state.epoch]
            continue
        if time.perf_counter() >= done:
            break
        begun, size = time.perf_counter(), min(size, limit - state.epoch)
        _seen(_TRAINING)
        run = pg.train(net, state.weights, data, size, wseed, start_epoch=state.epoch)
        _publish(record, state.epoch, run)
        trained = int(run.epochs[-1]) - state.epoch if len(run.epochs) else 0
        state.weights, state.epoch = run.weights, state.epoch + trained
        per_epoch = (time.perf_counter() - begun) / max(trained, 1)
        if trained >= size // 2 or not record.per_epoch:  # a short stretch measures badly
            record.per_epoch = per_epoch
        size = max(1, int((done - time.perf_counter()) / max(per_epoch, 1e-6)))
        if run.diverged:
            break
    st.session_state["_playground"] = state
    return state


def describe(data: pg.Data, t) -> tuple[str, str | None]:
    """The data in one line, and a note when points lie outside the plane drawn."""
    n_train, n_test = len(data.y_train), len(data.y_test)
    line = t(f"data.summary.{data.problem}", n=f"{n_train + n_test:,}", train=f"{n_train:,}",
             test=f"{n_test:,}")  # fmt: skip
    outside = pg.points_outside(np.vstack([data.X_train, data.X_test]))
    return line, (t("csv.outside", count=outside) if outside else None)


def kept_or_trained(
    key: tuple, net: pg.Network, data: pg.Data, first: pg.Weights, offset: int, wseed: int,
    goal: int,
) -> State:  # fmt: skip
    """The network the build section left in this session, as it is; or, opened by a link,
    trained towards the link's epoch for at most a second (then kept: a move here is cheap)."""
    state = st.session_state.get("_playground")
    if state is not None and state.key == key and state.epoch <= goal:
        return state
    return advance(key, net, data, first, offset, wseed, goal, budget=1.0)


def names(lang: str) -> dict[str, str]:
    return texts(TEXT, lang, "fig.")


# About how wide (px) the live view's two columns are at 1280 px: with the sidebar open, and
# in presentation mode (the sidebar folded); a square plot is sized to its column.
WIDTHS = {False: (490, 320), True: (640, 425)}  # measured in Chromium: 484/320, 638/422


def pictures(
    net: pg.Network, data: pg.Data, state: State, show_test: bool, discretize: bool, lang: str,
    side: tuple[float, float] = (-pg.BOX, pg.BOX), present: bool = False,
) -> tuple[Figure, Figure, Figure]:  # fmt: skip
    """The network with every neuron's tile, the output's surface with the data, the losses."""
    words = names(lang)
    wide, square = WIDTHS[present]
    network = _network(net, state.weights, side, words, wide)
    surface = _grid(net, state.weights, SURFACE_GRID, side)
    decision = figures.decision(
        surface, data.X_train, data.y_train, data.X_test, data.y_test, data.problem,
        show_test=show_test, discretize=discretize, texts=words, width=square,
    )  # fmt: skip
    curve = figures.loss_curve(np.array(state.epochs), np.array(state.train),
                               np.array(state.test), words)  # fmt: skip
    return network, decision, curve


def point_pictures(
    net: pg.Network, data: pg.Data, weights: pg.Weights, trace: tr.Trace, i: int, lang: str,
    present: bool,
) -> tuple[Figure, Figure]:  # fmt: skip
    """The point section's pictures of training point ``i``: the output's surface with the
    point ringed, and the network with the point's forward and backward pass written on it
    (its edges as wide as the point's gradient), sized as the live view's two columns."""
    words = names(lang)
    wide, square = WIDTHS[present]
    side = plane("lecture" if data is LECTURE else "")
    surface = _grid(net, weights, SURFACE_GRID, side)
    decision = figures.decision(
        surface, data.X_train, data.y_train, data.X_test, data.y_test, data.problem,
        show_test=False, texts=words, width=square, point=tuple(data.X_train[i]),
    )  # fmt: skip
    network = _network(net, weights, side, words, wide, trace=trace, edges="gradient",
                       text_size=FONT_SIZE[present])  # fmt: skip
    return decision, network


def _network(net: pg.Network, weights: pg.Weights, side: tuple[float, float], words: dict,
             width: int, **written) -> Figure:  # fmt: skip
    """The network with a tile of what each neuron computes over the plane."""
    tiles = _grid(net, weights, TILE_GRID, side)
    labels = [words[f"feature.{f}"] for f in net.features]
    return figures.network(tiles, net.sizes, labels, weights, words, problem=net.problem,
                           width=width, **written)  # fmt: skip


@dataclass(frozen=True)
class LectureNet:
    """One network of the slide's XOR, trained: its surface, its truth table with ŷ, and how
    many of the four points it gets right."""

    net: pg.Network
    run: pg.Run
    figure: Figure
    table: pd.DataFrame
    right: int


@st.cache_resource(max_entries=4, show_spinner=False)
def lecture_pair(lang: str, present: bool) -> list[LectureNet]:
    """The slide's XOR: the perceptron (no hidden layer) beside the lecture's 2-2-1 network,
    both trained as the builder's preset (``PRESET``) for ``PRESET_EPOCHS`` epochs."""
    words, out = names(lang), []
    for hidden in ((), PRESET["layers"]):
        net = pg.Network(PRESET["features"], hidden, PRESET["act"], "classification",
                         PRESET["reg"], learning_rate=PRESET["lr"], batch_size=PRESET["batch"])  # fmt: skip
        run = pg.train(net, pg.init_weights(net, PRESET["wseed"]), LECTURE, PRESET_EPOCHS,
                       PRESET["wseed"])  # fmt: skip
        surface = _grid(net, run.weights, SURFACE_GRID, plane("lecture"))
        figure = figures.decision(surface, LECTURE_X, LECTURE_Y, LECTURE_X[:0], LECTURE_Y[:0],
                                  "classification", texts=words, show_test=False,
                                  width=WIDTHS[present][0] * 4 // 5)  # fmt: skip
        right = round(pg.accuracy(net, run.weights, LECTURE_X, LECTURE_Y) * len(LECTURE_Y))
        out.append(LectureNet(net, run, figure, lecture_table(net, run.weights), right))
    return out


@st.cache_data(max_entries=16, show_spinner=False)
def formulas(net: pg.Network) -> list[str]:
    """The lecture's formulas for the network as built (LaTeX, one a line)."""
    return list(tr.formulas(net).values())


@dataclass(frozen=True)
class Inspection:
    trace: tr.Trace
    forward: list[str]
    backward: list[str]
    table: pd.DataFrame
    autodiff: dict[str, str]  # the Autodiff page's query for ŷ(x, y); empty: it cannot show it
    why_not: tuple[str, dict]  # then: the text key ("trace.autodiff.too_large" or ".outside")


TRACE_FORMATS = {"value": "%.6g", "autodiff": "%.6g", "finite_diff": "%.6g"}


def inspect(net: pg.Network, weights: pg.Weights, x: np.ndarray, y: float) -> Inspection:
    """One training point through the network by ``dlviz.autodiff``, checked against finite
    differences (``trace.error``)."""
    trace = tr.trace(net, weights, x, y)
    query = tr.autodiff_query(net, weights, x)
    if not tr.on_autodiff_page(x):
        why = ("trace.autodiff.outside", {"limit": tr.AUTODIFF_RANGE})
    else:
        why = ("trace.autodiff.too_large", {"nodes": tr.MAX_NODES, "length": expr.MAX_LENGTH})
    return Inspection(trace, tr.forward_latex(trace), tr.backward_latex(trace),
                      tr.trace_table(trace), query, why)  # fmt: skip


class Training:
    """The build section's training controls over this session's network: ▶ / ❚❚, one epoch,
    reset, the hidden layers' + / − buttons, the live view and the weights' editor.

    ▶ plays ``PLAY_EPOCHS`` epochs, then pauses; a moved control starts the new network from
    its start and plays it; a link opens paused at its epoch (``?epoch=``), trained up to it,
    or plays from epoch 0 (seeded weights, not edited ones).
    """

    def __init__(self, page, specs: dict, key: tuple, offset: int, edited: bool) -> None:
        self.page, self.specs, self.key, self.offset = page, specs, key, offset
        session = st.session_state
        epoch = page.state("epoch", specs["epoch"])
        if "_playground_key" not in session and epoch == 0 and not edited:
            self.play(True, offset)  # opened at the start: it trains at once
        elif session.get("_playground_key", key) != key:  # a control moved
            page.set_state("epoch", specs["epoch"], offset)
            self.play(not session.pop("_playground_quiet", False), offset)
        session["_playground_key"] = key
        page.send_link_again()  # after a button's callback or the live view's st.rerun
        self.playing = session.get("_playground_play", False)
        self.goal = (
            session["_playground_until"] if self.playing else page.state("epoch", specs["epoch"])
        )

    @staticmethod
    def play(on: bool, epoch: int) -> None:
        st.session_state["_playground_play"] = on
        st.session_state["_playground_until"] = epoch + PLAY_EPOCHS

    def _set(self, key: str, value) -> None:
        """Set a linked value from a button's or the table's callback."""
        self.page.set_state(key, self.specs[key], value, later=True)

    def _step(self, epoch: int) -> None:
        self._set("epoch", epoch + 1)

    def _reset(self, wseed: int) -> None:  # new starting weights, epoch 0, paused
        for key, value in (("wseed", (wseed + 1) % 10_000), ("epoch", 0), ("w", ()), ("from", 0)):
            self._set(key, value)
        st.session_state["_playground_play"] = False
        st.session_state["_playground_quiet"] = True

    def toolbar(self, wseed: int) -> None:
        t, epoch = self.page.t, self.page.state("epoch", self.specs["epoch"])
        row = st.container(horizontal=True, vertical_alignment="bottom")
        row.button(t("pause" if self.playing else "play"), key="play", type="primary",
                   icon=":material/pause:" if self.playing else ":material/play_arrow:",
                   help=t("play.help"), on_click=self.play, args=(not self.playing, epoch))  # fmt: skip
        row.button(t("step"), key="step_one", icon=":material/skip_next:", help=t("step.help"),
                   on_click=self._step, args=(epoch,), disabled=self.playing)  # fmt: skip
        row.button(t("reset"), key="reset", icon=":material/restart_alt:", help=t("reset.help"),
                   on_click=self._reset, args=(wseed,))  # fmt: skip

    def layers(self, layers: tuple[int, ...]) -> None:
        """The hidden layers: one more or fewer (a new one has 2 neurons), and per layer one
        neuron more or fewer."""
        t = self.page.t
        row = st.container(horizontal=True, vertical_alignment="center")
        row.markdown(t("layers.count", n=len(layers)), width="content")
        row.button("", key="layer_less", icon=":material/remove:", help=t("layers.less"),
                   on_click=self._set, args=("layers", layers[:-1]), disabled=not layers)  # fmt: skip
        row.button("", key="layer_more", icon=":material/add:", help=t("layers.more"),
                   on_click=self._set, args=("layers", (*layers, 2)),
                   disabled=len(layers) >= pg.MAX_LAYERS)  # fmt: skip
        if not layers:
            return
        for i, (size, column) in enumerate(zip(layers, st.columns(pg.MAX_LAYERS), strict=False)):
            fewer, more = list(layers), list(layers)
            fewer[i], more[i] = size - 1, size + 1
            column.caption(t("neurons.layer", layer=i + 1))
            box = column.container(horizontal=True, vertical_alignment="center", gap="xsmall",
                                   wrap=False, key=f"layer_{i}")  # fmt: skip
            box.button("", key=f"less_{i}", icon=":material/remove:", on_click=self._set,
                       args=("layers", tuple(fewer)), disabled=size <= 1,
                       help=t("neurons.less", layer=i + 1))  # fmt: skip
            box.markdown(f"**{size}**", width="content")
            box.button("", key=f"more_{i}", icon=":material/add:", on_click=self._set,
                       args=("layers", tuple(more)), disabled=size >= pg.MAX_NEURONS,
                       help=t("neurons.more", layer=i + 1))  # fmt: skip

    def ticking(self) -> bool:
        """Whether the live view must keep rerunning: the network is short of its goal."""
        state = st.session_state.get("_playground")
        if state is None or state.key != self.key:
            return self.goal != self.offset
        return state.epoch < self.goal and not state.diverged

    def live(self, net: pg.Network, data: pg.Data, first: pg.Weights, wseed: int,
             flags: tuple[bool, bool], side: tuple[float, float]) -> None:  # fmt: skip
        """Train a tick's worth, then the numbers and the three pictures; while it has work
        left it runs as a fragment that reruns every ``TICK`` s, and once done it reruns the
        page, which shows it without the timer."""
        page, t, tick = self.page, self.page.t, self.ticking()

        def draw() -> None:
            playing = st.session_state.get("_playground_play", False)
            goal = st.session_state.get("_playground_until", 0) if playing else self.goal
            state = advance(self.key, net, data, first, self.offset, wseed, goal, paced=playing)
            if tick:
                _seen(_PLAYING)
            page.set_state("epoch", self.specs["epoch"], state.epoch)
            if state.diverged:
                page.alert("error", t("diverged", epoch=state.epoch, lr=f"{net.learning_rate:g}"))
            network, decision, curve = pictures(
                net, data, state, *flags, page.lang, side, page.present
            )
            kind = "paused" if not tick else "playing" if playing else "reaching"
            st.markdown(t(f"status.{kind}", epoch=f"{state.epoch:,}".replace(",", " "), goal=goal,
                          train=f"{state.train[-1]:.4f}", test=f"{state.test[-1]:.4f}"))  # fmt: skip
            left, right = st.columns([3, 2])
            with right:
                page.plot(decision, key="decision")
                page.plot(curve, key="curve")
            with left:
                page.plot(network, key="network")
            if tick and (state.epoch >= goal or state.diverged):
                st.session_state["_playground_play"] = False
                page.set_state("epoch", self.specs["epoch"], state.epoch, later=True)
                st.rerun()  # the page again, without the timer

        (st.fragment(draw, run_every=tick_interval()) if tick else draw)()

    def weights_editor(self, net: pg.Network, feature_labels: list[str]) -> None:
        """Read and edit one layer's W and b as the lecture writes them (row i: neuron i); an
        edit becomes the network's weights at this epoch (``?w=``, ``?from=``), paused."""
        state = st.session_state.get("_playground")
        if self.playing or state is None or state.key != self.key:
            return
        t = self.page.t
        with st.expander(t("weights.title")):
            layer = st.radio(t("weights.layer"), range(1, len(net.sizes)), horizontal=True,
                             key="weights_layer", format_func=lambda i: t("weights.layer.name", l=i),
                             help=t("weights.layer.help"))  # fmt: skip
            W, b = state.weights[layer - 1]
            inputs = feature_labels if layer == 1 else [f"a{i + 1}" for i in range(W.shape[1])]
            rows = [f"{t('weights.neuron')} {i + 1}" for i in range(W.shape[0])]
            table = pd.DataFrame(np.column_stack([W, b]), columns=[*inputs, "b"], index=rows)
            number = st.column_config.NumberColumn(min_value=-100.0, max_value=100.0, format="%.4f")
            key = f"weights_{layer}_{state.epoch}_{hash(self.key)}"
            st.data_editor(table, key=key, column_config={c: number for c in table.columns},
                           on_change=self._edited, args=(key, layer, table, state))  # fmt: skip
            st.caption(t("weights.caption"))

    def _edited(self, key: str, layer: int, table: pd.DataFrame, state: State) -> None:
        """An edit of the weights' table: the network from this epoch on, paused (a callback:
        what it writes into the link reaches the browser with the run that follows)."""
        values = np.array(table.to_numpy(dtype=float))  # a copy: the frame's own is read-only
        columns = list(table.columns)
        for row, cells in st.session_state[key].get("edited_rows", {}).items():
            for column, value in cells.items():
                if value is not None and np.isfinite(value):
                    values[int(row), columns.index(column)] = float(value)
        weights = [(W.copy(), b.copy()) for W, b in state.weights]
        weights[layer - 1] = (values[:, :-1].copy(), values[:, -1].copy())
        self._set("w", flat(weights))
        self._set("from", state.epoch)
        st.session_state["_playground_quiet"] = True


def weights_latex(weights: pg.Weights) -> list[str]:
    """W^{[l]} and b^{[l]} of every layer, one a line (6 significant digits)."""
    lines = []
    for k, (W, b) in enumerate(weights, start=1):
        lines.append(f"W^{{[{k}]}} = {tr.matrix_blocks(W, W.shape[1])[0][2]}")
        lines.append(f"b^{{[{k}]}} = {tr.vector_latex(b)}")
    return lines


def lecture_table(net: pg.Network, weights: pg.Weights) -> pd.DataFrame:
    """The truth table with the network's ŷ at each of its four points."""
    y_hat = pg.forward(net, weights, pg.features(LECTURE_X, net.features))[-1][1][:, 0]
    return pd.DataFrame({"x1": LECTURE_X[:, 0], "x2": LECTURE_X[:, 1], "y": LECTURE_Y,
                         "y_hat": y_hat})  # fmt: skip
