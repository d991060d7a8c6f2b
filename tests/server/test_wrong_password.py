"""A wrong password against a server that checks passwords.

The office server on this machine trusts local connections, so this test
starts a small PostgreSQL of its own with scram-sha-256 authentication.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None) if Path("/usr/lib/postgresql").exists() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def password_server():
    if PG_BIN is None or not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL server binaries not installed")
    as_postgres = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="trastienda-pg-"))
    shutil.chown(base, "postgres") if os.geteuid() == 0 else None
    pwfile = base / "pw"
    pwfile.write_text("right-password\n")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres")
    data = base / "data"
    port = _free_port()
    subprocess.run([*as_postgres, str(PG_BIN / "initdb"), "-D", str(data), "-U", "shopadmin",
                    "--auth=scram-sha-256", f"--pwfile={pwfile}"], check=True, capture_output=True)
    subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"),
                    "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True)
    try:
        yield port
    finally:
        subprocess.run([*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.postgres
def test_wrong_password_gets_one_clear_line_and_no_secret(password_server):
    url = f"postgresql+psycopg://shopadmin:wrong-password@127.0.0.1:{password_server}/shop"
    out = _run("db", "upgrade", "--db", url)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        f"trastienda: error: The server at postgresql+psycopg://shopadmin:***@127.0.0.1:{password_server}/shop "
        "refused the user name or password. Check them and try again."
    ]
    assert "wrong-password" not in out.stderr + out.stdout


@pytest.mark.postgres
def test_right_password_creates_and_upgrades_the_database(password_server):
    url = f"postgresql+psycopg://shopadmin:right-password@127.0.0.1:{password_server}/shop"
    out = _run("db", "upgrade", "--db", url)
    assert out.returncode == 0, out.stderr
    assert "right-password" not in out.stdout + out.stderr
