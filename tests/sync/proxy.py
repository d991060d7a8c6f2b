"""A loopback TCP proxy that injects network faults, for the offline-sync tests.

``with FaultProxy(host, port) as proxy:`` relays 127.0.0.1:``proxy.port`` to the target, bytes
unchanged, until a test breaks it: ``cut()``, ``cut_after(up=N, down=N)``, ``refuse()``, ``hang()``.
One daemon thread owns every socket and runs a selector loop; the public methods change state
under a lock and wake it, so no socket is ever used by two threads. A socket is read only once
what was read from it before has been written on, so a slow reader never makes the proxy buffer.
"""

from __future__ import annotations

import selectors
import socket
import struct
import threading
import time
from contextlib import suppress
from typing import Self

try:  # bytes the kernel holds but has not sent yet (Linux); elsewhere a cut may lose a few
    from fcntl import ioctl
    from termios import TIOCOUTQ
except ImportError:  # pragma: no cover - Windows
    ioctl = TIOCOUTQ = None

_DRAIN_SECONDS = 1.0  # how long cut_after waits for its last allowed bytes to reach the peer
_RST = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close() sends RST instead of FIN
_READ, _WRITE = selectors.EVENT_READ, selectors.EVENT_WRITE


def _unsent(sock: socket.socket) -> int:
    try:
        return struct.unpack("i", ioctl(sock, TIOCOUTQ, b"\0" * 4))[0] if ioctl else 0
    except OSError:
        return 0


def _counter(name: str) -> property:
    # Read under the lock, which the proxy thread holds from a send() until it has counted it:
    # a test that has just received bytes always finds them counted.
    def read(self: FaultProxy) -> int:
        with self._lock:
            return self._counts[name]
    return property(read)


class FaultProxy:
    """Relay 127.0.0.1:``port`` to ``(target_host, target_port)`` and break it on demand.

    ``bytes_up`` (client to server) and ``bytes_down`` count bytes delivered, over all
    connections; ``connections`` counts accepted ones, refused included; ``active`` those open.
    A close on either side of a connection closes both.
    """

    def __init__(self, target_host: str, target_port: int, connect_timeout: float = 3.0):
        self.target, self.connect_timeout = (target_host, target_port), connect_timeout
        self._counts = {"bytes_up": 0, "bytes_down": 0, "connections": 0}
        self._lock = threading.Condition()
        self._peer: dict[socket.socket, socket.socket] = {}  # both ends of every open connection
        self._out: dict[socket.socket, bytearray] = {}  # bytes still to write on each socket
        self._clients: set[socket.socket] = set()
        self._refusing = self._hanging = self._closed = False
        self._limit: dict[str, int | None] = {"up": None, "down": None}
        self._since = {"up": 0, "down": 0}
        self._drain_deadline: float | None = None  # set once a cut_after limit is reached
        self._cuts_asked = self._cuts_done = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._sel = selectors.DefaultSelector()
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.setblocking(False)
        self._sel.register(self._listener, _READ)
        self._sel.register(self._wake_r, _READ)
        self._thread = threading.Thread(target=self._run, name=f"FaultProxy:{self.port}", daemon=True)
        self._thread.start()

    # -- public API ---------------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    bytes_up = _counter("bytes_up")
    bytes_down = _counter("bytes_down")
    connections = _counter("connections")

    @property
    def active(self) -> int:
        with self._lock:
            return len(self._clients)

    def cut(self) -> None:
        """Reset every open connection (returns once they are closed); keep accepting new ones."""
        with self._lock:
            self._cuts_asked += 1
            ticket = self._cuts_asked
            self._wake()
            self._lock.wait_for(lambda: self._cuts_done >= ticket or self._closed, timeout=5)

    def cut_after(self, up: int | None = None, down: int | None = None) -> None:
        """One-shot: once more than ``up`` (``down``) bytes would go that way from now, deliver
        exactly that many, then cut every connection. Arming again replaces the previous limits."""
        with self._lock:
            self._limit, self._since = {"up": up, "down": down}, {"up": 0, "down": 0}

    def refuse(self, on: bool = True) -> None:
        """While on, new connections are accepted and reset at once; open ones are untouched."""
        with self._lock:
            self._refusing = on

    def hang(self, on: bool = True) -> None:
        """While on, no byte moves either way; they are held, not lost, until ``hang(False)``."""
        with self._lock:
            self._hanging = on
            self._wake()

    def close(self) -> None:
        """Stop listening, reset every connection and end the proxy thread. Idempotent."""
        with self._lock:
            self._closed = True
            self._wake()
        if self._thread is not threading.current_thread():
            self._thread.join(5)

    # -- proxy thread -------------------------------------------------------------------------
    def _wake(self) -> None:
        with suppress(OSError):  # buffer full (already awake) or closed (thread gone)
            self._wake_w.send(b"x")

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._closed:
                        return
                    self._apply_faults()
                    for sock in self._peer:
                        self._watch(sock)
                    draining = self._drain_deadline is not None
                events = self._sel.select(0.005 if draining else 0.1)  # the kernel queue has no event
                with self._lock:
                    for key, mask in events:
                        self._handle(key.fileobj, mask)
        finally:
            with self._lock:
                self._closed = True
                self._cut_all()
                self._sel.close()
                for sock in (self._listener, self._wake_r, self._wake_w):
                    sock.close()
                self._lock.notify_all()

    def _apply_faults(self) -> None:
        if self._cuts_done < self._cuts_asked:
            self._cut_all()
            self._cuts_done = self._cuts_asked
            self._lock.notify_all()
        if self._drain_deadline is not None and (time.monotonic() >= self._drain_deadline or not any(
                buf or _unsent(sock) for sock, buf in self._out.items())):
            self._cut_all()
            self._drain_deadline = None

    def _watch(self, sock: socket.socket) -> None:
        mask = 0
        if not self._hanging:
            if self._drain_deadline is None and not self._out[self._peer[sock]]:
                mask |= _READ
            if self._out[sock]:
                mask |= _WRITE
        key = self._sel.get_map().get(sock)
        if key is None and mask:
            self._sel.register(sock, mask)
        elif key is not None and not mask:
            self._sel.unregister(sock)
        elif key is not None and key.events != mask:
            self._sel.modify(sock, mask)

    def _handle(self, sock: socket.socket, mask: int) -> None:
        if sock is self._listener:
            self._accept()
        elif sock is self._wake_r:
            with suppress(BlockingIOError):
                self._wake_r.recv(4096)
        elif sock in self._peer:  # not dropped earlier in this batch
            try:
                if mask & _WRITE:
                    sent = sock.send(self._out[sock])
                    del self._out[sock][:sent]
                    self._counts["bytes_down" if sock in self._clients else "bytes_up"] += sent
                if mask & _READ:
                    self._recv(sock)
            except OSError:
                self._drop(sock, reset=True)

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except OSError:
            return
        self._counts["connections"] += 1
        try:
            if self._refusing:
                raise ConnectionRefusedError
            server = socket.create_connection(self.target, timeout=self.connect_timeout)
        except OSError:
            self._close(client, reset=True)
            return
        for sock, peer in ((client, server), (server, client)):
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._peer[sock], self._out[sock] = peer, bytearray()
        self._clients.add(client)

    def _recv(self, sock: socket.socket) -> None:
        data = sock.recv(65536)
        if not data:
            self._drop(sock, reset=False)
            return
        way = "up" if sock in self._clients else "down"
        limit = self._limit[way]
        if limit is not None:
            if len(data) > limit - self._since[way]:  # deliver up to the limit, then cut everything
                data = data[: limit - self._since[way]]
                self._limit = {"up": None, "down": None}
                self._drain_deadline = time.monotonic() + _DRAIN_SECONDS
            self._since[way] += len(data)
        self._out[self._peer[sock]] += data

    def _drop(self, sock: socket.socket, reset: bool) -> None:
        for end in (sock, self._peer[sock]):
            if self._sel.get_map().get(end) is not None:
                self._sel.unregister(end)
            del self._peer[end], self._out[end]
            self._clients.discard(end)
            self._close(end, reset)

    def _cut_all(self) -> None:
        for client in list(self._clients):
            self._drop(client, reset=True)

    @staticmethod
    def _close(sock: socket.socket, reset: bool) -> None:
        if reset:
            with suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RST)
        sock.close()
