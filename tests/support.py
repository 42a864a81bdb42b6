"""What several test files need: skip-or-fail for a missing tool, HAProxy's path, and waiting on
processes (dlviz.serve's tests, the deployment checks, the browser tests)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest


def unavailable(reason: str) -> None:
    """Skip outside CI; fail under CI=true, so CI can never pass without having run the test."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"this test must run in CI: {reason}")
    pytest.skip(reason)


def haproxy() -> str:
    """Debian's haproxy, or skip (fail in CI)."""
    path = shutil.which("haproxy")
    if path is None:
        unavailable("haproxy is not installed (Debian: apt-get install haproxy)")
    return path


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"  # a zombie is gone too
    except FileNotFoundError:
        return False


def until(condition, what: str, seconds: float = 60):
    """``condition()``'s first true value, polled; fails with ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, what
        time.sleep(0.1)  # polling the condition
    return found
