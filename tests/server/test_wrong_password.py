"""A wrong password against a server that checks passwords.

The office server on this machine trusts local connections, so this test
starts a small PostgreSQL of its own with scram-sha-256 authentication
(tests/server/cluster.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.cluster import running_cluster

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def password_server():
    """The port of a throwaway cluster whose superuser shopadmin has the password right-password."""
    with running_cluster() as cluster:
        yield cluster.port


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.postgres
def test_wrong_password_gets_one_clear_line_and_no_secret(password_server):
    url = f"postgresql+psycopg://shopadmin:wrong-password@127.0.0.1:{password_server}/shop"
    out = _run("db", "upgrade", "--db", url)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"trastienda: error: The server at shopadmin@127.0.0.1:{password_server}/shop "
        "refused the user name or password. Check them and try again."
    ]
    assert "wrong-password" not in out.stderr + out.stdout


@pytest.mark.postgres
def test_right_password_creates_and_upgrades_the_database(password_server):
    url = f"postgresql+psycopg://shopadmin:right-password@127.0.0.1:{password_server}/shop"
    out = _run("db", "upgrade", "--db", url)
    assert out.returncode == 0, out.stderr
    assert "right-password" not in out.stdout + out.stderr
