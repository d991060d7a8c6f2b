"""FaultProxy against the real PostgreSQL: each fault breaks a psycopg session the way the
offline-sync tests rely on, and the proxy relays faithfully when no fault is on."""

from __future__ import annotations

import random
import socket
import threading
import time

import psycopg
import pytest

from tests.conftest import pg_admin_url
from tests.sync.proxy import FaultProxy

_PG = pg_admin_url()


@pytest.fixture
def proxy():
    with FaultProxy(_PG.host or "127.0.0.1", _PG.port or 5432) as proxy:
        yield proxy
    assert not proxy._thread.is_alive()


def _connect(proxy: FaultProxy, **kwargs) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=proxy.port, user=_PG.username or "postgres",
                           password=_PG.password, dbname=_PG.database or "postgres",
                           connect_timeout=3, autocommit=True, **kwargs)


@pytest.mark.postgres
def test_relays_queries_and_counts_bytes(proxy):
    with _connect(proxy) as conn:
        up, down = proxy.bytes_up, proxy.bytes_down
        assert conn.execute("SELECT repeat('ab', 100000)").fetchone()[0] == "ab" * 100000
        assert proxy.bytes_up > up and proxy.bytes_down >= down + 200000
    assert proxy.connections == 1


@pytest.mark.postgres
def test_cut_breaks_the_open_session_and_a_new_one_works(proxy):
    conn = _connect(proxy)
    assert conn.execute("SELECT 1").fetchone() == (1,)
    proxy.cut()
    assert proxy.active == 0
    with pytest.raises(psycopg.OperationalError):
        conn.execute("SELECT 1")
    conn.close()
    with _connect(proxy) as again:
        assert again.execute("SELECT 2").fetchone() == (2,)
    assert proxy.connections == 2


@pytest.mark.postgres
def test_cut_after_down_fails_a_large_result(proxy):
    with _connect(proxy) as conn:
        proxy.cut_after(down=random.randint(1, 900_000))
        with pytest.raises(psycopg.OperationalError):
            conn.execute("SELECT repeat('x', 1000000)").fetchone()
    with _connect(proxy) as again:  # one-shot: the next session is left alone
        assert len(again.execute("SELECT repeat('x', 1000000)").fetchone()[0]) == 1_000_000


@pytest.mark.postgres
def test_refuse_makes_connect_fail_fast_until_lifted(proxy):
    with _connect(proxy) as open_conn:
        proxy.refuse(True)
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            _connect(proxy)
        assert time.monotonic() - started < 1.5
        assert open_conn.execute("SELECT 1").fetchone() == (1,)  # open sessions are untouched
        proxy.refuse(False)
        with _connect(proxy) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.postgres
def test_hang_holds_a_query_until_released(proxy):
    with _connect(proxy) as conn:
        result = []
        proxy.hang(True)
        worker = threading.Thread(target=lambda: result.append(conn.execute("SELECT 42").fetchone()),
                                  daemon=True)
        worker.start()
        worker.join(1.0)
        assert worker.is_alive() and not result
        proxy.hang(False)
        worker.join(5)
        assert result == [(42,)]


def test_cut_after_delivers_exactly_n_bytes_then_resets():
    """No PostgreSQL: a plain server streams bytes; the client sees exactly N, then the end."""
    payload = bytes(random.randrange(256) for _ in range(300_000))
    with socket.create_server(("127.0.0.1", 0)) as server:
        def serve():
            conn, _ = server.accept()
            with conn:
                try:
                    conn.sendall(payload)
                except OSError:
                    pass
        threading.Thread(target=serve, daemon=True).start()
        with FaultProxy("127.0.0.1", server.getsockname()[1]) as proxy:
            limit = random.randint(1, 250_000)
            proxy.cut_after(down=limit)
            received = bytearray()
            with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as client:
                try:
                    while chunk := client.recv(65536):
                        received += chunk
                except ConnectionResetError:
                    pass
            assert bytes(received) == payload[:limit]
            assert proxy.bytes_down == limit and proxy.active == 0
        assert not proxy._thread.is_alive()
