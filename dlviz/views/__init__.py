"""Cached work of the pages, one module per topic (``dlviz/views/<topic>.py``).

Each function is decorated once, at import, with Streamlit's ``st.cache_data`` or
``st.cache_resource`` (bounded by ``max_entries``): a page calls it with plain arguments (the
language as a code, never a translator) and gets back figures and tables shared by every session.
Figures are returned as they are (``cache_resource``): ``ui.Page.plot`` shows a restyled copy and
never changes them. The math stays in the pure modules; these only put it together and keep it.

Sizes: 16 entries a function (64 where an entry is one step of a walk the teacher steps back
through). In a class almost every move is a new combination of values, so larger caches only
held memory: with 32–256 entries one server grew 22 % with a class of 80 and kept it; with
these, 14 % after 40 and then 80 students (``python -m bench.load``), reruns unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from dlviz.csvdata import CSVError

T = TypeVar("T")


def refusals_kept(max_entries: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``st.cache_resource`` for a reader of a student's data that keeps a refusal (the
    ``CSVError`` it raised) as well as a result: a file that cannot be used is read once, not
    again on every rerun (a 200,000-column file cost 6.5-7 s a rerun). Each call raises a new
    copy of a kept refusal."""

    def decorate(read: Callable[..., T]) -> Callable[..., T]:
        def outcome(*args):
            try:
                return read(*args)
            except CSVError as error:
                return error

        # Streamlit names a cache by its function: one cache per reader, not one for all.
        outcome.__module__, outcome.__qualname__ = read.__module__, read.__qualname__
        kept = st.cache_resource(max_entries=max_entries, show_spinner=False)(outcome)

        @functools.wraps(read)
        def call(*args):
            result = kept(*args)
            if isinstance(result, CSVError):
                raise result.again()
            return result

        return call

    return decorate
