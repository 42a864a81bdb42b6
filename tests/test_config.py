"""The server settings a class depends on (.streamlit/config.toml): measured in bench.load, lost
without a trace if someone drops them, so they are checked here."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text())


def test_no_full_garbage_collection_after_every_run():
    assert CONFIG["runner"]["postScriptGC"] is False


def test_no_file_watcher():
    assert CONFIG["server"]["fileWatcherType"] == "none"
    assert CONFIG["server"]["runOnSave"] is False


def test_headless_without_usage_statistics_or_magic():
    assert CONFIG["server"]["headless"] is True
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["runner"]["magicEnabled"] is False
