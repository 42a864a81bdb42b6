"""The Streamlit server's sockets sent without Nagle's delay (TCP_NODELAY).

Streamlit 1.67 binds its listening socket itself with protocol 0, and asyncio sets TCP_NODELAY
only on sockets whose protocol reads IPPROTO_TCP, so every connection it accepts keeps Nagle's
algorithm on. A rerun sends a first small message at once and holds the rest until the browser
acknowledges it, which the browser's TCP stack delays (40 ms on Linux, up to 200 ms on Windows).
Measured on this machine with ``bench.load``'s client: a Logistic fragment rerun took 46 ms
before and 12 ms after, an Autodiff rerun 44 ms and 23–26 ms.

``set_no_delay(loop)`` sets TCP_NODELAY on every TCP socket an event loop watches: the
connections already open and the listening socket, from which Linux copies the option to every
connection accepted later. ``dlviz.ui`` calls it once per server process, on the server's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket


def set_no_delay(loop: asyncio.AbstractEventLoop) -> int:
    """TCP_NODELAY on every TCP socket ``loop`` watches; returns how many were set."""
    selector = getattr(loop, "_selector", None)  # asyncio's selector loop (uvloop needs none)
    if selector is None:
        return 0
    count = 0
    for key in list(selector.get_map().values()):
        fd = key.fileobj if isinstance(key.fileobj, int) else key.fileobj.fileno()
        # A duplicate descriptor of the same socket: setting it sets the socket, and closing the
        # duplicate leaves the server's own descriptor alone.
        duplicate = os.dup(fd)
        try:
            sock = socket.socket(fileno=duplicate)
        except OSError:  # not a socket (the loop's wake-up pipe)
            os.close(duplicate)
            continue
        with sock, contextlib.suppress(OSError):
            if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                count += 1
    return count
