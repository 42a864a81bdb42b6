"""Shared fixtures: a fresh Streamlit cache for each page test, and an AppTest runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches():
    # st.cache_data / st.cache_resource survive across AppTest instances in one process.
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def run_page():
    """``run_page(script, locale=None, **query)`` → an AppTest that has run once."""

    def _run(script: str, locale: str | None = None, **query: str) -> AppTest:
        # Pages run inside the multipage app (entry app.py) so that page links resolve.
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if script != "app.py":
            at.switch_page(script)
        for key, value in query.items():
            at.query_params[key] = value
        if locale is not None:
            at.context["locale"] = locale
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return _run
