"""Streamlit glue shared by every page: sidebar, language, presentation mode and URL state.

A page starts with ``page = ui.Page(TEXT, "page.gradient")`` and creates its controls through
``page.slider(...)``, ``page.select(...)`` and friends: each one is seeded from the URL on the
first run (a bad value falls back to the default with a visible warning), carries translated
label and help text, and writes its value back to the URL so a copied link reproduces the view.
Then ``page.sections({...})`` shows the page's sections as tabs of which only the open one runs
(``?tab=<key>``), each as a fragment; ``page.stepper`` steps through iterations and
``page.kept`` keeps the last good input. Cached work lives in ``dlviz/views/``, not here.

Streamlit 1.67's own ``bind="query-params"`` is not used for controls: it drops a bad value
silently (we must say so), and for tabs it writes the translated label into the link (a Spanish
link would not open in English).
"""

from __future__ import annotations

import functools
import inspect
import json
import weakref
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dlviz import i18n, nav, params, tcp
from dlviz.expr import ExprError, Expression, parse
from dlviz.figures import AXIS, THREE_D, Figure
from dlviz.texts import common

T = TypeVar("T")

# Every page: a label (a button's, a control's, a page link's) is never cut with an ellipsis
# ("Rosen…"): it wraps, and a word too long for its box breaks.
BASE_CSS = """
<style>
.stMarkdownEllipsis, .stMarkdownEllipsis p, [data-testid="stPageLink"] span,
[data-testid="stPageLink"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: break-word;
}
/* A wide formula scrolls, never cut; the padding holds the 2 px a matrix's brackets stick out
   (else a browser with classic scrollbars draws one under every matrix). */
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0 4px; }
</style>
"""
# A projector: large type for text, formulas, controls and tables; a formula or table wider than
# its column scrolls inside its box instead of being cut.
PRESENTATION_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; --dlviz-button-size: 1.2rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stWidgetLabel"] p, [data-testid="stCaptionContainer"],
[data-testid="stAlert"] p, [role="tab"] p { font-size: 1.3rem !important; }
h1 { font-size: 3rem !important; } h2 { font-size: 2.3rem !important; }
h3 { font-size: 1.9rem !important; }
.katex { font-size: 1.4em !important; }
[data-testid="stMain"] input, [data-testid="stMain"] textarea,
[data-testid="stMain"] [data-baseweb="select"] div, [data-testid="stMain"] button p,
[data-testid="stButtonGroup"] button, [data-testid="stButtonGroup"] button *,
[data-testid="stTable"] td, [data-testid="stTable"] th,
[data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {
  font-size: 1.2rem !important;
}
[role="tablist"] { flex-wrap: wrap; }  /* every section's tab in sight, in rows */
[data-testid="stMain"] [data-testid="stNumberInputContainer"] { height: auto; }
[data-testid="stTable"] { overflow-x: auto; }
/* A slider's value stands above its thumb, not on the track. */
[data-testid="stSlider"] > div:last-child { padding-top: 0.9rem; }
[data-testid="stSliderThumbValue"] {
  font-size: 1.2rem !important; top: auto !important; bottom: calc(100% + 0.2rem);
  height: auto !important; line-height: 1.2;
}
[data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"] {
  font-size: 1rem !important;
}
</style>
"""
FONT_SIZE = {False: 13, True: 22}  # plotly font size: normal / presentation
MISSING = "—"  # a table's missing value (never "None" or "nan")
PRESENT_TABLE_ROWS = 60  # in presentation mode, tables up to this size are drawn as large text
ALERTS = {
    "error": ("error", ":material/error:"),
    "warning": ("warning", ":material/warning:"),
    "info": ("info", ":material/info:"),
    "success": ("success", ":material/check_circle:"),
}


Ranged = params.FloatParam | params.IntParam

# "Share this view": the browser's own address, read in the browser. The script never writes
# it, so it stays true after a fragment rerun (which may not write to the sidebar) and costs no
# rerun time. Made once per process: a component is registered, not made per run.
SHARE_BOX = st.components.v2.component(
    "dlviz.share_link",
    html="""<div class="share"><input readonly aria-label="link"><button type="button">
<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="currentColor"
d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2
2 0 0 0-2-2m0 16H8V7h11z"/></svg></button></div>""",
    css="""
.share { display: flex; gap: 0.3rem; }
input { flex: 1; min-width: 0; font: 0.8rem monospace; padding: 0.3rem; border-radius: 6px;
        border: 1px solid var(--st-border-color, #ccc); background: transparent;
        color: var(--st-text-color); }
button { border-radius: 6px; border: 1px solid var(--st-border-color, #ccc); cursor: pointer;
         background: transparent; color: var(--st-text-color); }
""",
    js="""
export default function ({ parentElement, data }) {
  const input = parentElement.querySelector("input");
  const button = parentElement.querySelector("button");
  button.title = (data && data.copy) || "copy";
  // Streamlit rewrites the address with history.replaceState, which fires no event.
  const show = () => { if (input.value !== window.location.href) input.value = window.location.href; };
  show();
  const timer = setInterval(show, 300);
  button.onclick = () => { input.select(); navigator.clipboard && navigator.clipboard.writeText(input.value); };
  return () => clearInterval(timer);
}
""",
)


def step_spec(default: int = 0) -> params.IntParam:
    """The link value of a ``Page.stepper``: another section reads the step with
    ``page.state(key, step_spec())``."""
    return params.IntParam(default, 0, 1_000_000)


def _in_fragment() -> bool:
    """Whether this is a fragment's own rerun (which may write only inside the fragment)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


RESEND = "_dlviz_resend"  # session key: the link must reach the browser again
_NO_DELAY = []  # a loop once it has been asked for (one per server process)


def _no_delay() -> None:
    """TCP_NODELAY on the server's sockets (``dlviz.tcp``), once per process; nothing outside a
    server (AppTest has no runtime)."""
    if _NO_DELAY or not Runtime.exists():
        return
    objects = getattr(Runtime.instance(), "_async_objs", None)  # set once the server runs
    loop = getattr(objects, "eventloop", None)
    if loop is not None:
        _NO_DELAY.append(loop)
        loop.call_soon_threadsafe(tcp.set_no_delay, loop)  # on the loop's own thread


def _bounds(spec: Ranged) -> dict[str, Any]:
    return {"min_value": spec.lo, "max_value": spec.hi}


class Page:
    """One run of one page: language, presentation mode, translator and URL-backed controls."""

    def __init__(self, texts: i18n.Table | None = None, title_key: str = "app.title") -> None:
        _no_delay()  # once per server: a rerun's messages leave without Nagle's 40 ms wait
        table = {**common.TEXT, **(texts or {})}
        # On arrival from another page every control is seeded from the URL again: Streamlit
        # forgets the widgets of the page left behind, and the link carried the state wanted.
        self._arrived = st.session_state.get("_dlviz_page") != title_key
        st.session_state["_dlviz_page"] = title_key
        self._seeded: set[str] = set()
        self._specs: dict[str, params.Param] = {}  # the link's keys read by this run
        pending = []  # bad URL values found before the language is known
        lang = self._seed("lang", params.ChoiceParam(_browser_language(), i18n.LANGUAGES), pending)
        present = self._seed("present", params.BoolParam(False), pending)
        self.lang: str = lang
        self.t: Callable[..., str] = i18n.translator(table, lang)
        # A link opened with ?present=1 starts with the sidebar folded: the projector gets it all.
        # Decided once a session: the browser applies a changed state, so turning presentation
        # mode on from the sidebar would fold the sidebar under the teacher's hand.
        sidebar_state = st.session_state.setdefault(
            "_dlviz_sidebar", "collapsed" if present else "auto"
        )
        st.set_page_config(
            page_title=self.t(title_key),
            page_icon="∇",
            layout="wide",
            initial_sidebar_state=sidebar_state,
        )
        self._warnings = st.container()
        self.send_link_again()
        for entry in pending:
            self._warn(*entry)

        sidebar = st.sidebar
        sidebar.radio(
            self.t("sidebar.language"),
            i18n.LANGUAGES,
            key="lang",
            format_func=i18n.LANGUAGE_NAMES.get,
            horizontal=True,
            help=self.t("sidebar.language.help"),
        )
        self._write_url("lang", params.ChoiceParam("es", i18n.LANGUAGES), st.session_state.lang)
        self.present: bool = self.toggle(
            "present", params.BoolParam(False), "sidebar.present", where=sidebar
        )
        st.html(BASE_CSS + PRESENTATION_CSS if self.present else BASE_CSS)

        sidebar.markdown(f"**{self.t('sidebar.pages')}**")
        link_params = {"lang": self.lang, "present": "1" if self.present else "0"}
        sidebar.page_link(
            "app.py", label=self.t("sidebar.home"), icon=":material/home:", query_params=link_params
        )
        for info in nav.pages():
            sidebar.page_link(info.script, label=self.t(info.title_key), query_params=link_params)
        sidebar.markdown(f"**{self.t('sidebar.share')}**", help=self.t("sidebar.share.help"))
        with sidebar:
            SHARE_BOX(data={"copy": self.t("sidebar.share.copy")}, key="share")
        st.title(self.t(title_key))

    # -- URL state -------------------------------------------------------------------------
    def _seed(self, key: str, spec: params.Param, pending: list | None = None) -> Any:
        """Put the URL's value for ``key`` into session state on the page's first run, and
        whenever Streamlit has dropped it: it forgets a control's value at the end of a run that
        did not show the control (a closed section), also when another section reads it."""
        self._specs[key] = spec
        missing = key not in st.session_state
        if missing or (self._arrived and key not in self._seeded):
            raw = st.query_params.get(key)
            value, error = params.read(spec, raw)
            if error is not None:
                entry = (key, raw, error, spec.dump(spec.default))
                pending.append(entry) if pending is not None else self._warn(*entry)
            st.session_state[key] = value
        self._seeded.add(key)
        return st.session_state[key]

    def _warn(self, key: str, raw: str, error: params.ParamError, default: str) -> None:
        # A fragment may not write above itself: there the warning stands where the control is.
        where = st if _in_fragment() else self._warnings
        reason = self.t(f"param.{error.code}", **error.details)  # our own values, not the link's
        where.warning(
            self.t("warn.param", param=i18n.quoted(f"{key}={raw}"), reason=reason, default=default),
            icon=":material/warning:",
        )

    def _write_url(self, key: str, spec: params.Param, value: Any) -> None:
        text = spec.dump(value)
        if st.query_params.get(key) != text:
            st.query_params[key] = text

    def state(self, key: str, spec: params.Param) -> Any:
        """A URL-backed value that is not a widget here: a step counter, or a control of
        another section read by this one (its value as the link holds it)."""
        if isinstance(spec, params.SetParam):
            return self._selection(key, spec)
        value = self._seed(key, spec)
        self._write_url(key, spec, value)
        return value

    def _selection(self, key: str, spec: params.SetParam) -> tuple[str, ...]:
        """The options of a ``pills`` control that are on, in the options' order; with none
        on, the last choice, which stays in use (and in the link)."""
        value = tuple(option for option in spec.options if option in self._seed(key, spec))
        last = f"_{key}_last"
        if not value:
            return st.session_state.get(last, spec.default)
        st.session_state[last] = value
        self._write_url(key, spec, value)
        return value

    def set_state(self, key: str, spec: params.Param, value: Any, *, later: bool = False) -> None:
        """Set a URL-backed value. ``later``: from a callback, or just before ``st.rerun``:
        Streamlit drops what those send to the browser, so ``send_link_again`` (at the next run
        of the page, or of a section that calls it) sends the link once more."""
        st.session_state[key] = value
        self._write_url(key, spec, value)
        if later:
            st.session_state[RESEND] = True

    def send_link_again(self) -> None:
        """Send the whole link to the browser if a callback or an interrupted run changed it."""
        if st.session_state.pop(RESEND, False) and "lang" in st.query_params:
            st.query_params["lang"] = st.query_params["lang"]  # any write sends the whole link

    # -- layout ------------------------------------------------------------------------------
    def sections(
        self, sections: Mapping[str, Callable[[], None]], *, whole: Collection[str] = ()
    ) -> str:
        """The page's sections as tabs of which only the open one runs, ships and draws.

        ``sections`` maps a section's key (``tab.<key>`` is its label) to the function that
        draws it, the slide's worked example first. The open section is ``?tab=<key>`` in the
        link: a key, not the translated label that Streamlit's own ``bind`` would write, so a
        link works in both languages. Each section runs as an ``st.fragment`` (its controls
        rerun it alone) unless named in ``whole`` (its controls change the rest of the page).
        Returns the open section's key.
        """
        keys = tuple(sections)
        spec = params.ChoiceParam(keys[0], keys)
        key = self._seed("tab", spec)
        labels = [self.t(f"tab.{k}") for k in keys]
        widget = f"_tab_{self.lang}"  # a label of one language: another language, another widget
        if st.session_state.get(widget) in labels:  # the tab the student clicked
            key = keys[labels.index(st.session_state[widget])]
        self.set_state("tab", spec, key)
        tabs = st.tabs(labels, key=widget, default=labels[keys.index(key)], on_change="rerun")
        with tabs[keys.index(key)]:
            draw = sections[key]
            (draw if key in whole else st.fragment(draw))()
        return key

    def go_to(self, key: str) -> None:
        """Open section ``key`` on the next run (from a button's callback)."""
        st.session_state["tab"] = key
        st.session_state[f"_tab_{self.lang}"] = self.t(f"tab.{key}")
        if "tab" in self._specs:
            self.set_state("tab", self._specs["tab"], key, later=True)

    def stepper(self, key: str, total: int, default: int = 0) -> int:
        """Buttons that step through ``total`` steps (first, back, next, last); the step is
        kept in the link (``?<key>=``). A linked step past the end shows the last one and says
        so. Returns the step, 0 … total."""
        spec = step_spec(default)
        asked = self.state(key, spec)
        step = min(asked, total)
        if step != asked:
            self.alert("warning", self.t("stepper.clamped", step=asked, total=total))
            self.set_state(key, spec, step)
        moves = (
            ("first", 0, "first_page"),
            ("back", max(step - 1, 0), "chevron_left"),
            ("next", min(step + 1, total), "chevron_right"),
            ("last", total, "last_page"),
        )
        for column, (name, target, icon) in zip(st.columns(4), moves, strict=True):
            column.button(
                self.t(f"stepper.{name}"),
                key=f"{key}_{name}",
                help=self.t(f"stepper.{name}.help"),
                icon=f":material/{icon}:",
                type="primary" if name == "next" else "secondary",
                disabled=target == step,
                width="stretch",
                on_click=st.session_state.__setitem__,
                args=(key, target),
            )
        return step

    def kept(
        self, key: str, value: T, read: Callable[[T], Any], default: T,
        explain: Callable[[ValueError], str], *, link: str | None = None,
    ) -> tuple[T, Any]:  # fmt: skip
        """``(value, read(value))`` for what the student typed, pasted or uploaded; when it
        cannot be read (``read`` raises a ``ValueError``), a red box with ``explain(error)`` and
        the last value of this session that could be read (``default`` at first), so the page
        keeps showing its last good state.

        The link keeps describing what the page shows: the text control ``link`` (``key`` when
        it is one) gets back, in the link, the text it held when its value was last read.
        """
        good = f"_{key}_good"
        link = link or (key if key in self._specs else None)
        linked = f"_{link}_linked"
        try:
            result = read(value)
        except ValueError as error:
            self.alert("error", explain(error))
            if link is not None:
                spec = self._specs[link]
                text = st.session_state.get(linked, spec.dump(spec.default))
                if st.query_params.get(link) != text:
                    st.query_params[link] = text
            value = st.session_state.get(good, default)
            return value, read(value)
        st.session_state[good] = value
        if link is not None:
            st.session_state[linked] = st.query_params.get(link)
        return value, result

    def editor(
        self, key: str, link: str, spec: params.TableParam, columns: list[str],
        read: Callable[[Any], T], explain: Callable[[ValueError], str], **kwargs: Any,
    ) -> tuple[pd.DataFrame, T]:  # fmt: skip
        """An editable table (widget ``key``) kept in the link as ``?<link>=`` (rows by ``;``,
        cells by ``,``): it opens on the link's table, and every edit that ``read`` accepts goes
        into the link; an edit it refuses shows ``explain(error)`` and keeps the last good table
        (``kept``), in the page and in the link. Returns the table in use and its ``read``."""
        rows = self._seed(link, spec)
        base = f"_{key}_base"
        if key not in st.session_state or base not in st.session_state:
            # The editor holds edits against the table it opened on: open on the one in use.
            st.session_state[base] = pd.DataFrame(rows, columns=columns, dtype=float)
        edited = st.data_editor(st.session_state[base], key=key, **kwargs)
        table, result = self.kept(key, edited, read, st.session_state[base], explain)
        self.set_state(link, spec, params.TableParam.rows_of(table))
        return table, result

    def _control(
        self,
        make: Callable[..., Any],
        key: str,
        spec: params.Param,
        label: str,
        where: Any,
        **kwargs: Any,
    ) -> Any:
        self._seed(key, spec)
        lo, hi, value = kwargs.get("min_value"), kwargs.get("max_value"), st.session_state[key]
        if lo is not None and hi is not None and not lo <= value <= hi:
            st.session_state[key] = min(max(value, lo), hi)  # another control moved the range
        where = where if where is not None else st
        value = getattr(where, make.__name__)(
            self.t(label), key=key, help=self.t(kwargs.pop("help", label + ".help")), **kwargs
        )
        self._write_url(key, spec, value)
        return value

    # -- controls: ``label`` is a text key; its help text is ``label + ".help"`` -------------
    def slider(
        self,
        key: str,
        spec: Ranged,
        label: str,
        *,
        where: Any = None,
        hi: Any = None,
        **kwargs: Any,
    ) -> Any:
        """A slider over the spec's range [lo, hi], or up to ``hi`` when another control sets
        the range (the link may hold any value of the spec's; the slider's follows)."""
        bounds = _bounds(spec) | ({} if hi is None else {"max_value": min(hi, spec.hi)})
        return self._control(st.slider, key, spec, label, where, **bounds, **kwargs)

    def number(
        self, key: str, spec: Ranged, label: str, *, where: Any = None, **kwargs: Any
    ) -> Any:
        """A number box limited to the spec's range [lo, hi]."""
        return self._control(st.number_input, key, spec, label, where, **_bounds(spec), **kwargs)

    def select(
        self,
        key: str,
        spec: params.ChoiceParam,
        label: str,
        *,
        where: Any = None,
        radio: bool = False,
        **kwargs: Any,
    ) -> str:
        kwargs.setdefault("format_func", lambda option: self.t(f"{label}.{option}"))
        make = st.radio if radio else st.selectbox
        if not radio:  # Streamlit's own is English
            kwargs.setdefault("placeholder", self.t("select.placeholder"))
        return self._control(make, key, spec, label, where, options=spec.options, **kwargs)

    def pills(
        self, key: str, spec: params.SetParam, label: str, *, where: Any = None, **kwargs: Any
    ) -> tuple[str, ...]:
        """Buttons that each switch one option on or off (at least one stays on: with none,
        the last choice stays in use and a message says so)."""
        kwargs.setdefault("format_func", lambda option: self.t(f"{label}.{option}"))
        self._seed(key, spec)
        where = where if where is not None else st
        chosen = where.pills(
            self.t(label), spec.options, selection_mode="multi", key=key,
            help=self.t(label + ".help"), **kwargs,
        )  # fmt: skip
        if not chosen:
            self.alert("warning", self.t("pills.empty"))
        return self._selection(key, spec)

    def log_slider(
        self, key: str, spec: params.GridParam, label: str, *, where: Any = None, **kwargs: Any
    ) -> float:
        """A slider over a fixed log-scale grid (e.g. η from ``params.log_grid``)."""
        kwargs.setdefault("format_func", "{:g}".format)
        return self._control(
            st.select_slider, key, spec, label, where, options=spec.options, **kwargs
        )

    def toggle(
        self, key: str, spec: params.BoolParam, label: str, *, where: Any = None, **kwargs: Any
    ) -> bool:
        return self._control(st.toggle, key, spec, label, where, **kwargs)

    def text(
        self, key: str, spec: params.TextParam, label: str, *, where: Any = None, **kwargs: Any
    ) -> str:
        return self._control(
            st.text_input, key, spec, label, where, max_chars=spec.max_length, **kwargs
        )

    def formula(
        self, key: str, default: str, label: str, *, where: Any = None, **kwargs: Any
    ) -> Expression:
        """A text box for f(x, y), parsed by ``dlviz.expr`` (never evaluated as Python).

        A formula that does not parse shows its error (what and where) and the last good
        formula of this session stays in use, so the figures never break.
        """
        text = self.text(key, params.TextParam(default), label, where=where, **kwargs)
        good = st.session_state.get(f"_{key}_good", default)
        _, expression = self.kept(
            key,
            text,
            parse,
            default,
            lambda error: self.t("formula.bad", error=self.formula_error(error), good=i18n.quoted(good)),
        )  # fmt: skip
        return expression

    def formula_error(self, error: ExprError) -> str:
        """Why a formula cannot be parsed, in the page's language; what the student typed
        (``text``, ``name``) quoted as code."""
        shown = {
            name: i18n.quoted(str(value)) if name in ("text", "name") else value
            for name, value in error.details.items()
        }
        return self.t(f"expr.{error.code}", **shown)

    # -- output ------------------------------------------------------------------------------
    def plot(self, fig: go.Figure, key: str | None = None) -> None:
        """Show a plotly figure with the page's type size (large in presentation mode). The
        figure itself is not changed: a cached one is shown by other sessions too."""
        size = FONT_SIZE[self.present]
        changes: dict[str, Any] = {"font": {"size": size}}
        if self.present:  # Streamlit's theme sets its own sizes for ticks, titles and legends
            text = {"tickfont": {"size": size}, "title": {"font": {"size": size}}}
            axes = [key for key in fig.layout if AXIS.fullmatch(key)] or ["xaxis", "yaxis"]
            changes |= {axis: text for axis in axes} | {"legend": {"font": {"size": size}}}
            if any(getattr(trace, "type", None) in THREE_D for trace in fig.data):
                # 3D tick labels at projector size would pile up on each other.
                axis = {"tickfont": {"size": FONT_SIZE[False]}}
                changes["scene"] = {"xaxis": axis, "yaxis": axis, "zaxis": axis}
            elif isinstance(fig, Figure):  # room for the larger labels: plotly draws it once
                changes["margin"] = fig.room(size)
        if isinstance(fig, Figure):
            fig = fig.restyled(changes)
        else:
            fig = go.Figure(fig).update_layout(changes)
        st.plotly_chart(fig, key=key, config={"displaylogo": False})

    def alert(self, kind: str, text: str) -> None:
        """A coloured message box: ``kind`` is "error", "warning", "info" or "success"."""
        show, icon = ALERTS[kind]
        getattr(st, show)(text, icon=icon)

    def table(
        self,
        table: pd.DataFrame,
        key: str,
        formats: Mapping[str, str] | None = None,
        download: str | None = None,
        rows: int | None = None,
    ) -> None:
        """A data frame whose column names are translated (text key ``col.<name>`` when there
        is one), with printf-style ``formats`` per column and an optional CSV download; only
        its first ``rows`` rows when given (e.g. the iterations done so far).

        A table is read as it is the first time it is shown (its Arrow form is kept with it):
        show a new DataFrame rather than change a shown one in place.
        """
        names = {name: self._column(name) for name in table.columns}
        formats = dict(formats or {})
        shown = table if rows is None else table.iloc[:rows]
        if shown.empty:  # Streamlit would write "empty" in English
            st.caption(self.t("table.empty"))
        elif self.present and len(shown) <= PRESENT_TABLE_ROWS:
            # A static table scales with the projector's large type (a data grid would not).
            formatters = {names[c]: (lambda v, f=f: f % v) for c, f in formats.items()}
            styled = shown.rename(columns=names).style.format(formatters, na_rep=MISSING)
            st.table(styled.hide(axis="index"))
        else:
            gaps = [c for c in table.columns if table[c].isna().any()]
            if gaps:  # the grid would write "None": those columns go as text, "—" for a gap
                table = _with_gaps(table, gaps, formats)
                formats = {c: f for c, f in formats.items() if c not in gaps}
            config = {names[c]: st.column_config.NumberColumn(format=f) for c, f in formats.items()}
            arrow = _arrow(table, names)
            if rows is not None:
                arrow = arrow.slice(0, rows) if isinstance(arrow, pa.Table) else arrow.iloc[:rows]
            st.dataframe(arrow, hide_index=True, column_config=config, key=key)
        if download:
            # Made when the button is pressed, not on every rerun.
            def csv() -> bytes:
                return shown.rename(columns=names).to_csv(index=False).encode("utf-8")

            st.download_button(
                self.t("csv.download"),
                csv,
                file_name=download,
                mime="text/csv",
                key=f"{key}_csv",
                help=download,
            )

    def _column(self, name: str) -> str:
        try:
            return self.t(f"col.{name}")
        except KeyError:
            return str(name)

    def show_code(self, *functions: Callable[..., Any]) -> None:
        """A "show the code" expander with the exact ``dlviz`` functions behind a figure."""
        with st.expander(self.t("code.show")):
            for function in functions:
                st.code(_source(function), language="python")

    def upload(
        self, key: str, label: str, types: list[str] | None, max_bytes: int, *,
        where: Any = None, **kwargs: Any,
    ) -> Any:  # fmt: skip
        """A file uploader (``key``) for files of ``types`` up to ``max_bytes``, in the page's
        language: Streamlit writes its button ("Upload") and its limits ("200MB per file") in
        English, so this uploader's own CSS shows the page's words instead."""
        size = -(-max_bytes // 2**20)  # in MB, as Streamlit counts
        kinds = ", ".join(types).upper() if types else None
        limits = self.t("upload.limits" if kinds else "upload.limit", size=size, types=kinds)
        scope = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
        st.html(
            f"<style>{scope} [data-testid='stFileUploaderDropzoneInstructions'] span "
            "{ display: none; }"
            f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] > div::after "
            f"{{ content: {json.dumps(limits, ensure_ascii=False)}; }}"
            f"{scope} button p {{ font-size: 0 !important; }}"
            f"{scope} button p::after {{ content: {json.dumps(self.t('upload.button'))}; "
            "font-size: var(--dlviz-button-size, 0.875rem); }</style>"
        )
        where = where if where is not None else st
        return where.file_uploader(
            self.t(label), type=types, key=key, help=self.t(f"{label}.help"),
            max_upload_size=size, **kwargs,
        )  # fmt: skip

    def text_area(
        self, key: str, spec: params.TextParam, label: str, *, where: Any = None, **kwargs: Any
    ) -> str:
        """A multi-line text box (e.g. pasted CSV data), URL-backed like ``text``."""
        return self._control(
            st.text_area, key, spec, label, where, max_chars=spec.max_length, **kwargs
        )


def _with_gaps(table: pd.DataFrame, columns: list[str], formats: Mapping[str, str]) -> pd.DataFrame:
    """The table with ``columns`` written as text: each value in its format, "—" for a gap."""
    written = table.copy()
    for c in columns:
        f = formats.get(c)
        written[c] = [
            MISSING if pd.isna(v) else (f % v if f else str(v)) for v in table[c].to_numpy()
        ]
    return written


_ARROW: dict[int, tuple[weakref.ref, tuple[str, ...], pa.Table | pd.DataFrame]] = {}


def _arrow(table: pd.DataFrame, names: Mapping[str, str]) -> pa.Table | pd.DataFrame:
    """The table as Arrow with translated column names, kept with the table (by identity) for
    the next rerun: pandas takes about 0.1 ms a column to hand one over, and Streamlit would
    convert a DataFrame again on every rerun, through pandas' metadata (~2 ms a table)."""
    labels = tuple(names.values())
    kept = _ARROW.get(id(table))
    if kept is not None and kept[0]() is table and kept[1] == labels:
        return kept[2]
    converted = _to_arrow(table, names)
    if kept is None:  # forgotten with the table
        weakref.finalize(table, _ARROW.pop, id(table), None)
    _ARROW[id(table)] = (weakref.ref(table), labels, converted)
    return converted


def _to_arrow(table: pd.DataFrame, names: Mapping[str, str]) -> pa.Table | pd.DataFrame:
    """Column by column (an extension array such as Int64 through its own Arrow form). A column
    Arrow cannot take (mixed types), or two columns of one name, leave the DataFrame to
    Streamlit's own conversion."""
    if len(set(names.values())) < len(table.columns):
        return table.rename(columns=names)
    columns = {}
    try:
        for name, column in table.items():
            values = column.array
            columns[names[name]] = (
                pa.array(values) if hasattr(values, "__arrow_array__") else column.to_numpy()
            )
        return pa.table(columns)
    except (pa.ArrowException, ValueError, TypeError):
        return table.rename(columns=names)


def _browser_language() -> str:
    locale = getattr(st.context, "locale", None)
    return i18n.language_from_locale(locale if isinstance(locale, str) else None)


@functools.cache
def _source(function: Callable[..., Any]) -> str:
    """A function's source, read from disk once per process."""
    return inspect.getsource(function)
