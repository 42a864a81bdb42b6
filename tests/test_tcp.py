"""dlviz.tcp: TCP_NODELAY on the sockets an asyncio server loop watches, listening ones included
(Linux copies the option to the connections accepted later)."""

from __future__ import annotations

import asyncio
import socket
import threading

from dlviz import tcp, ui


def _nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_the_server_sockets_a_loop_watches_get_no_delay_and_later_connections_inherit_it():
    async def scenario():
        accepted: list[socket.socket] = []

        async def handle(reader, writer):
            accepted.append(writer.get_extra_info("socket"))
            await reader.read()
            writer.close()

        # Bound as Streamlit binds it: protocol 0, which asyncio does not treat as TCP.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        server = await asyncio.start_server(handle, sock=listener)
        port = listener.getsockname()[1]
        _, early = await asyncio.open_connection("127.0.0.1", port)
        while not accepted:
            await asyncio.sleep(0.01)  # until the server has accepted it
        assert not _nodelay(accepted[0])  # what Streamlit's connections get without the fix

        loop = asyncio.get_running_loop()
        assert tcp.set_no_delay(loop) >= 2  # the listener and the open connection
        _, late = await asyncio.open_connection("127.0.0.1", port)
        while len(accepted) < 2:
            await asyncio.sleep(0.01)
        assert _nodelay(accepted[0]) and _nodelay(accepted[1])
        for writer in (early, late):
            writer.close()
        server.close()

    # A thread of its own: Playwright's sync API (the browser tests) may leave a loop running in
    # this one.
    failures = []
    thread = threading.Thread(target=lambda: _run(scenario, failures))
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and not failures, failures


def _run(scenario, failures: list) -> None:
    try:
        asyncio.run(scenario())
    except BaseException as error:  # noqa: BLE001 — reported to the test's own thread
        failures.append(error)


def test_outside_a_server_the_pages_leave_sockets_alone():
    ui._no_delay()  # no Streamlit runtime in a test process: no error, no loop asked
    assert ui._NO_DELAY == []
