"""``python -m dlviz.serve``: its pure parts (HAProxy configuration, ports, worker command and
environment, arguments), and the real thing with one worker: a dead worker is restarted, a dead
proxy or the last dead worker (``--no-restart``) stops everything, SIGTERM stops everything and
exits 0, and even a SIGKILL of serve leaves no process behind. HAProxy is needed for those:
skipped without it, failing under ``CI=true``."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from dlviz import serve
from tests import support

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def haproxy() -> str:
    return support.haproxy()


def sections(text: str) -> dict[str, list[str]]:
    """An HAProxy configuration's sections ("backend streamlit", ...): their lines, no comments."""
    found: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line[0].isspace():
            found[" ".join(line.split())] = current = []
        else:
            current.append(" ".join(line.split()))
    return found


# -- the configuration ---------------------------------------------------------------------------
def test_config_has_one_server_per_worker_named_by_its_cookie():
    cfg = sections(serve.render_config([41001, 41002, 41003], 8080, "0.0.0.0"))
    servers = [line for line in cfg["backend streamlit"] if line.startswith("server ")]
    assert servers == [
        "server w1 127.0.0.1:41001 cookie w1",
        "server w2 127.0.0.1:41002 cookie w2",
        "server w3 127.0.0.1:41003 cookie w3",
    ]
    assert [line for line in cfg["frontend web"] if line.startswith("bind ")] == [
        "bind 0.0.0.0:8080"
    ]
    assert "$" not in serve.render_config([41001], 8080)  # every placeholder filled


def test_config_pins_browsers_checks_health_and_keeps_websockets():
    cfg = sections(serve.render_config([41001, 41002], 8080))
    defaults, backend = cfg["defaults"], cfg["backend streamlit"]
    assert "mode http" in defaults  # passes websocket upgrades and keeps Host
    assert "timeout tunnel 1h" in defaults  # an idle websocket lives an hour
    assert {line.split()[1] for line in defaults if line.startswith("timeout ")} >= {
        "connect", "client", "server", "http-request", "tunnel"}  # fmt: skip
    assert "option forwardfor" in cfg["frontend web"]
    assert "balance leastconn" in backend
    assert "cookie dlviz_worker insert indirect nocache httponly" in backend
    assert "option redispatch 1" in backend and "retries 2" in backend
    assert "option httpchk GET /_stcore/health" in backend
    assert "http-check expect status 200" in backend
    default_server = next(line for line in backend if line.startswith("default-server "))
    assert " check inter 1s fall 2 rise 2 " in default_server + " "


@pytest.mark.parametrize("workers", [1, 3])
def test_rendered_config_passes_haproxy_check(haproxy, tmp_path, workers):
    config = tmp_path / "haproxy.cfg"
    config.write_text(serve.render_config(serve.free_ports(workers), 8080))
    checked = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The check can fail: the same file with a misspelt keyword is refused.
    config.write_text(config.read_text().replace("balance", "balanse"))
    refused = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True)
    assert refused.returncode != 0


# -- ports, command, environment, arguments ------------------------------------------------------
def test_free_ports_are_distinct_bindable_and_avoid_what_they_are_told():
    ports = serve.free_ports(5)
    assert len(set(ports)) == 5
    for port in ports:
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))  # free: binding does not raise
    again = serve.free_ports(5, avoid=set(ports))
    assert not set(again) & set(ports)


def test_worker_runs_the_app_on_loopback_from_the_project_root():
    command = serve.worker_command(41001)
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", "app.py"]
    options = dict(zip(command[5::2], command[6::2], strict=True))
    assert options == {
        "--server.port": "41001",
        "--server.address": "127.0.0.1",
        "--server.headless": "true",
    }
    assert (serve.ROOT / "app.py").is_file() and serve.ROOT == ROOT


def test_workers_share_the_secret_and_use_one_blas_thread():
    env = serve.worker_env("s3cret", {"PATH": "/usr/bin", "OMP_NUM_THREADS": "8"})
    assert env == {
        "PATH": "/usr/bin",
        "STREAMLIT_SERVER_COOKIE_SECRET": "s3cret",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def test_cookie_secret_comes_from_the_environment_else_is_new():
    assert serve.cookie_secret({"STREAMLIT_SERVER_COOKIE_SECRET": "given"}) == "given"
    made = serve.cookie_secret({})
    assert re.fullmatch(r"[0-9a-f]{64}", made) and serve.cookie_secret({}) != made


def test_arguments():
    args = serve.parse_args(["--workers", "3", "--port", "9000"])
    assert (args.workers, args.port, args.address, args.restart) == (3, 9000, "127.0.0.1", True)
    assert serve.parse_args(["--no-restart", "--address", "0.0.0.0"]).restart is False
    for bad in (["--workers", "0"], ["--port", "70000"]):
        with pytest.raises(SystemExit) as refused:
            serve.parse_args(bad)
        assert refused.value.code == 2


def test_without_haproxy_one_line_says_how_to_install_it(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # a PATH without haproxy
    done = subprocess.run(
        [sys.executable, "-m", "dlviz.serve", "--workers", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "apt-get install haproxy" in done.stderr


# -- the real thing, with one worker -------------------------------------------------------------


@pytest.fixture
def start(haproxy, tmp_path):
    """``start(*options)`` → a ready ``Served``, stopped after the test if still running."""
    started = []

    def _start(*options: str) -> Served:
        started.append(Served(tmp_path, *options))
        started[-1].wait_ready()
        return started[-1]

    yield _start
    for served in started:  # after a failure too: nothing left running
        if served.process.poll() is None:
            served.process.terminate()
            served.process.wait(timeout=60)
        for pid in filter(support.alive, served.pids.values()):
            os.kill(pid, signal.SIGKILL)


class Served:
    """``python -m dlviz.serve`` started and ready: its output, PIDs, address and temp dir."""

    def __init__(self, tmp_path: Path, *options: str):
        self.out = tmp_path / "serve.out"
        self.port = serve.free_ports(1)[0]
        self.pids: dict[str, int] = {}
        with open(self.out, "w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "dlviz.serve", "--port", str(self.port), *options],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_ready(self) -> None:
        support.until(
            lambda: "open http" in self.text() or self.process.poll() is not None, "ready"
        )
        assert self.process.poll() is None, self.text()
        self.pids = {
            name: int(pid) for name, pid in re.findall(r"^(\w+) pid (\d+)", self.text(), re.M)
        }
        self.url = f"http://127.0.0.1:{self.port}"
        config = Path(f"/proc/{self.pids['haproxy']}/cmdline").read_bytes().split(b"\0")[-2]
        self.tmp = Path(config.decode()).parent

    def text(self) -> str:
        return self.out.read_text()

    def stopped(self) -> int:
        code = self.process.wait(timeout=60)
        support.until(
            lambda: not any(map(support.alive, self.pids.values())), "children still running", 30
        )
        return code


def _health(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=5) as response:
            return " ".join(response.headers.get_all("Set-Cookie") or ["ok"])
    except OSError:
        return None


def test_a_dead_worker_is_restarted_and_sigterm_stops_everything(start):
    served = start("--workers", "1")
    assert "dlviz_worker=w1" in _health(served.url)
    assert served.tmp.name.startswith("dlviz-serve-") and (served.tmp / "haproxy.cfg").is_file()
    os.kill(served.pids["w1"], signal.SIGKILL)
    restarted = support.until(
        lambda: re.search(r"^w1 restarted: pid (\d+)", served.text(), re.M), "restart"
    )
    assert f"w1 (pid {served.pids['w1']}) exited with code -9, restarting" in served.text()
    served.pids["w1 again"] = int(restarted[1])
    support.until(lambda: _health(served.url), "the proxy serves again")  # through the new worker
    served.process.send_signal(signal.SIGTERM)
    assert served.stopped() == 0
    assert not served.tmp.exists()


def test_a_dead_proxy_stops_everything(start):
    served = start("--workers", "1")
    os.kill(served.pids["haproxy"], signal.SIGKILL)
    assert served.stopped() == 1
    assert "haproxy exited with code -9: stopping" in served.text()
    assert not served.tmp.exists()


def test_without_restart_the_last_dead_worker_stops_everything(start):
    served = start("--workers", "1", "--no-restart")
    os.kill(served.pids["w1"], signal.SIGKILL)
    assert served.stopped() == 1
    assert "exited with code -9, not restarted" in served.text()
    assert "no worker left: stopping" in served.text()


def test_killing_serve_itself_leaves_no_process_behind(start):
    served = start("--workers", "1")
    served.process.kill()  # no cleanup runs: the children go because the kernel tells them
    served.stopped()
    shutil.rmtree(served.tmp)  # what a SIGKILL does leave behind
