"""Serve a whole class: N Streamlit workers on loopback ports behind HAProxy, sticky by cookie.

    python -m dlviz.serve --workers 2 --port 8080 [--address 0.0.0.0] [--no-restart]

Starts ``streamlit run app.py`` N times (from the project root, so ``.streamlit/config.toml``
applies) and HAProxy in front (``deploy/haproxy.cfg``): a new browser goes to the worker with the
fewest connections and stays there by the ``dlviz_worker`` cookie (its websocket and uploads must
reach the worker that holds its session); a dead worker is taken out by the health check on
``/_stcore/health`` and its browsers reconnect to another one. Prints one line per worker and the
address to open; a worker that dies is restarted (not with ``--no-restart``); Ctrl-C or SIGTERM
stops everything it started. Needs HAProxy on PATH (Debian: ``apt-get install haproxy``).
"""

from __future__ import annotations

import argparse
import ctypes
import math
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "haproxy.cfg"
SECRET = "STREAMLIT_SERVER_COOKIE_SECRET"
# N workers share the machine's cores: numpy's BLAS starting one thread per core in each of them
# would put N times as many busy threads as cores on a matrix product. One thread per worker.
THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
HEALTH = "/_stcore/health"
START_SECONDS = 120  # a worker imports Streamlit, numpy, plotly...: slow on a busy machine
RESTART_PAUSE = 2.0  # seconds from a worker's death to its restart: no restart loop at full speed
STOP_SECONDS = 10  # then what did not stop is killed


# -- pure parts ------------------------------------------------------------------------------------
def render_config(ports: list[int], port: int, address: str = "127.0.0.1") -> str:
    """deploy/haproxy.cfg for workers w1..wN on these loopback ports, listening on address:port."""
    servers = "\n".join(
        f"    server w{k} 127.0.0.1:{p} cookie w{k}" for k, p in enumerate(ports, start=1)
    )
    return Template(TEMPLATE.read_text()).substitute(bind=f"{address}:{port}", servers=servers)


def free_ports(n: int, avoid: set[int] = frozenset()) -> list[int]:
    """n distinct loopback ports that were free a moment ago (the kernel's pick), none in avoid."""
    sockets = []
    try:
        while len(sockets) < n:
            s = socket.socket()
            sockets.append(s)  # held open until all are chosen, so the kernel gives distinct ones
            s.bind(("127.0.0.1", 0))
        ports = [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()
    return ports if not avoid & set(ports) else free_ports(n, avoid)


def cookie_secret(environ: Mapping[str, str] = os.environ) -> str:
    """The secret every worker signs its cookies with: the environment's, else a new one."""
    return environ.get(SECRET) or secrets.token_hex(32)


def worker_command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]


def worker_env(secret: str, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    # The secret goes in the environment: Streamlit takes it there, and a flag would show it in ps.
    return {**environ, **THREADS, SECRET: secret}


# -- processes -------------------------------------------------------------------------------------
try:  # Linux's prctl, looked up before any fork
    _PRCTL = ctypes.CDLL(None).prctl
except (OSError, AttributeError, TypeError):
    _PRCTL = None


def _spawn(command: list[str], **options) -> subprocess.Popen:
    parent = os.getpid()

    def dies_with_parent() -> None:  # in the child, between fork and exec
        if _PRCTL is not None:  # SIGTERM when serve dies, even by SIGKILL: no orphans
            _PRCTL(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != parent:  # serve died before that line
            os._exit(1)

    # A session of its own: Ctrl-C in the terminal reaches serve alone, which stops the children
    # in order (and does not mistake a proxy stopped by the same Ctrl-C for a crash).
    return subprocess.Popen(command, start_new_session=True, preexec_fn=dies_with_parent, **options)


@dataclass
class Worker:
    name: str
    port: int
    log: Path
    process: subprocess.Popen | None = None
    restart_at: float | None = None

    def start(self, env: dict[str, str]) -> None:
        with open(self.log, "ab") as log:  # a file, not a pipe: an unread pipe fills up and stalls
            self.process = _spawn(
                worker_command(self.port),
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self.restart_at = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def tail(self, lines: int = 5) -> str:
        text = self.log.read_text(errors="replace").strip().splitlines()
        return "\n".join(f"    {line}" for line in text[-lines:])


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via $http_proxy


def _healthy(url: str) -> bool:
    try:
        with _DIRECT.open(url + HEALTH, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_healthy(targets: dict[str, tuple[str, subprocess.Popen]]) -> str | None:
    """None once every {name: (url, process)} answers its health check, else what went wrong."""
    deadline = time.monotonic() + START_SECONDS
    waiting = dict(targets)
    while waiting:
        for name, (_, process) in targets.items():
            if process.poll() is not None:
                return f"{name} exited with code {process.returncode} while starting"
        if time.monotonic() > deadline:
            return f"not healthy after {START_SECONDS} s: {', '.join(waiting)}"
        waiting = {name: t for name, t in waiting.items() if not _healthy(t[0])}
        if waiting:
            time.sleep(0.3)  # polling the health endpoints until they answer
    return None


def _stop(processes: list[subprocess.Popen]) -> None:
    """Terminate all, wait up to STOP_SECONDS, kill what is left and reap it."""
    for p in processes:
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for p in processes:
        try:
            p.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def _supervise(workers: list[Worker], proxy: subprocess.Popen, env: dict, restart: bool) -> int:
    """Until haproxy dies (or every worker, with --no-restart): restart workers that die."""
    while True:
        if proxy.poll() is not None:
            print(f"haproxy exited with code {proxy.returncode}: stopping")
            return 1
        now = time.monotonic()
        for w in workers:
            if w.restart_at is not None:  # dead: restarted when its pause is over (never: inf)
                if now >= w.restart_at:
                    w.start(env)
                    print(f"{w.name} restarted: pid {w.process.pid} {w.url}")
            elif w.process.poll() is not None:
                code = w.process.returncode
                then = f"restarting in {RESTART_PAUSE:g} s" if restart else "not restarted"
                # A crash shows its last words; a signal has none.
                why = f":\n{w.tail()}" if code > 0 else ""
                print(f"{w.name} (pid {w.process.pid}) exited with code {code}, {then}{why}")
                w.restart_at = now + RESTART_PAUSE if restart else math.inf
        if all(w.restart_at == math.inf for w in workers):
            print("no worker left: stopping")
            return 1
        time.sleep(0.5)  # polling the children: a death is noticed within half a second


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def serve(workers: int, port: int, address: str, restart: bool) -> int:
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        print(
            "dlviz.serve needs HAProxy on PATH: install it (Debian/Ubuntu: "
            "sudo apt-get install haproxy) and run again.",
            file=sys.stderr,
        )
        return 2
    env = worker_env(cookie_secret())
    tmp = Path(tempfile.mkdtemp(prefix="dlviz-serve-"))
    ports = free_ports(workers, avoid={port})
    pool = [Worker(f"w{k}", p, tmp / f"w{k}.log") for k, p in enumerate(ports, start=1)]
    proxy = None
    wildcard = {"0.0.0.0": "127.0.0.1", "::": "::1"}  # every interface: reached here on loopback
    host = wildcard.get(address, address)
    host = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupted)
    try:
        for w in pool:
            w.start(env)
        # The proxy starts once the workers answer: its first checks find them up, not DOWN.
        problem = _wait_healthy({w.name: (w.url, w.process) for w in pool})
        if problem is None:
            config = tmp / "haproxy.cfg"
            config.write_text(render_config(ports, port, address))
            proxy = _spawn([haproxy, "-db", "-f", str(config)], stdin=subprocess.DEVNULL)
            url = f"http://{host}:{port}"
            problem = _wait_healthy({"haproxy": (url, proxy)})
        if problem:
            # The workers' last words if they were the problem (haproxy's are on stderr already).
            logs = "".join(f"\n{w.name}'s log:\n{w.tail()}" for w in pool if proxy is None)
            print(f"dlviz.serve could not start: {problem}{logs}", file=sys.stderr)
            return 1
        for w in pool:
            print(f"{w.name} pid {w.process.pid} {w.url}")
        print(f"haproxy pid {proxy.pid}")
        elsewhere = f" (on {address}: from elsewhere, this machine's address)"
        print(f"open {url}{elsewhere if address in wildcard else ''}  (Ctrl-C stops everything)")
        return _supervise(pool, proxy, env, restart)
    except KeyboardInterrupt:
        return 0
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the cleanup short
        _stop([w.process for w in pool if w.process] + ([proxy] if proxy else []))
        shutil.rmtree(tmp, ignore_errors=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m dlviz.serve", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--workers", type=int, default=2, help="Streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port (default 8080)")
    parser.add_argument(
        "--address", default="127.0.0.1", help="the proxy's address (0.0.0.0: the room's network)"
    )
    parser.add_argument(
        "--no-restart",
        dest="restart",
        action="store_false",
        help="leave a dead worker dead (the others keep serving)",
    )
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each line shows at once, also in a file or pipe
    return serve(args.workers, args.port, args.address, args.restart)


if __name__ == "__main__":
    sys.exit(main())
