"""Logging in to a shared server with a profile: passwords, timeouts, TLS, and no secret left on disk.

Every test here talks to a throwaway cluster that checks passwords
(tests/server/cluster.py), never to this machine's trusting server, except
the statement-timeout test.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import credentials, migrate, profiles
from app.db.engine import check_connection, explain_connect_error, make_engine
from app.db.paths import data_dir
from app.db.profiles import Profile
from app.errors import DatabaseUnavailableError, LoginRefusedError
from tests.conftest import pg_admin_url
from tests.server.cluster import (
    SUPERUSER,
    SUPERUSER_PASSWORD,
    _write_certificates,
    migrated_cluster,
    running_cluster,
)

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
FEW_SECONDS = 5.0  # "a clear message within a few seconds": connect timeout and a margin


@pytest.fixture(scope="module")
def shop():
    """A cluster that checks passwords, with a migrated database "shop"."""
    with migrated_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module")
def tls_cluster():
    with running_cluster(tls=True) as cluster:
        yield cluster


@pytest.fixture
def office(shop) -> Profile:
    return profiles.save_profile(Profile("Office", host="127.0.0.1", port=shop.port, database="shop", user=SUPERUSER))


def _timed(fn):
    started = time.monotonic()
    try:
        fn()
    except DatabaseUnavailableError as exc:
        return exc, time.monotonic() - started
    raise AssertionError("no error")


# -- the app's login -----------------------------------------------------------------------


def test_the_right_password_logs_in_and_is_remembered_when_asked(office, memory_keyring):
    database = credentials.log_in(office, SUPERUSER, SUPERUSER_PASSWORD, remember=True)
    try:
        assert database.user == SUPERUSER
        with database.session() as s:
            assert s.execute(text("SELECT current_database()")).scalar() == "shop"
    finally:
        database.dispose()
    assert memory_keyring.entries() == {("Trastienda", f"Office:{SUPERUSER}"): SUPERUSER_PASSWORD}
    assert profiles.last_profile() == office
    again = credentials.open_profile_with_stored_password(office)  # the next start: no dialog
    again.dispose()
    database = credentials.log_in(office, SUPERUSER, SUPERUSER_PASSWORD, remember=False)
    database.dispose()
    assert memory_keyring.entries() == {}  # "remember me" unticked: forgotten


def test_a_wrong_password_is_a_clear_error_within_seconds_and_a_stored_one_is_forgotten(office, memory_keyring):
    credentials.store_password("Office", SUPERUSER, "old-password")
    exc, took = _timed(lambda: credentials.open_profile_with_stored_password(office))
    assert isinstance(exc, LoginRefusedError) and took < FEW_SECONDS
    assert str(exc) == (f"The server at {SUPERUSER}@127.0.0.1:{office.port}/shop "
                        "refused the user name or password. Check them and try again.")
    assert memory_keyring.entries() == {}
    assert credentials.open_profile_with_stored_password(office) is None  # nothing left to try: the dialog asks


def test_an_unknown_user_reads_like_a_wrong_password(office):
    exc, _took = _timed(lambda: credentials.log_in(office, "nobody_here", "whatever", remember=False))
    assert isinstance(exc, LoginRefusedError) and "refused the user name or password" in str(exc)


def test_a_stopped_server_is_a_clear_error_within_seconds(shop, office):
    shop.stop()
    try:
        exc, took = _timed(lambda: credentials.log_in(office, SUPERUSER, SUPERUSER_PASSWORD, remember=True))
    finally:
        shop.start()
    assert not isinstance(exc, LoginRefusedError) and took < FEW_SECONDS
    assert str(exc) == (f"Cannot reach the database server at {SUPERUSER}@127.0.0.1:"
                        f"{office.port}/shop: is it running and is the address right?")


def test_a_server_that_stops_answering_is_a_clear_error_within_seconds(shop, office):
    shop.freeze()
    try:
        exc, took = _timed(lambda: credentials.log_in(office, SUPERUSER, SUPERUSER_PASSWORD, remember=False))
    finally:
        shop.thaw()
    assert took < FEW_SECONDS + 2  # the connect timeout (5 s) fires; nothing hangs
    assert "Cannot reach the database server" in str(exc)


def test_an_unknown_host_is_a_clear_error(shop):
    nowhere = Profile("Nowhere", host="no-such-host.invalid", database="shop", user=SUPERUSER)
    exc, took = _timed(lambda: credentials.log_in(nowhere, SUPERUSER, "x", remember=False))
    assert str(exc) == "The server name no-such-host.invalid is unknown: check the address (is the network up?)."
    assert took < FEW_SECONDS


def test_tls_required_from_a_server_without_tls_is_explained(office):
    required = replace(office, sslmode="require")
    exc, took = _timed(lambda: credentials.log_in(required, SUPERUSER, SUPERUSER_PASSWORD, remember=False))
    assert str(exc) == (f"The server at {SUPERUSER}@127.0.0.1:{office.port}/shop does not "
                        "offer encrypted (TLS) connections, but this connection requires them. Ask its admin to turn "
                        "TLS on, or lower the TLS mode to prefer.")
    assert took < FEW_SECONDS


# -- TLS with certificates -----------------------------------------------------------------


def test_verify_full_with_the_right_ca_logs_in_encrypted(tls_cluster):
    secure = profiles.save_profile(Profile("Secure", host="localhost", port=tls_cluster.port, database="postgres",
                                           user=SUPERUSER, sslmode="verify-full", sslrootcert=str(tls_cluster.ca_file)))
    engine = make_engine(secure.url(SUPERUSER_PASSWORD))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
    finally:
        engine.dispose()


def test_a_certificate_from_another_ca_is_not_trusted(tls_cluster, tmp_path):
    other_ca, _cert, _key = _write_certificates(tmp_path)
    for mode in ("verify-ca", "verify-full"):
        url = tls_cluster.url(sslmode=mode, sslrootcert=str(other_ca))
        exc, took = _timed(lambda url=url: check_connection(make_engine(url)))
        assert str(exc).startswith(f"The server's certificate could not be verified with the CA file {other_ca}"), exc
        assert took < FEW_SECONDS


def test_a_certificate_for_another_name_is_explained(tls_cluster):
    # Connect to 127.0.0.1 while asking for a name the certificate does not carry.
    url = tls_cluster.url(sslmode="verify-full", sslrootcert=str(tls_cluster.ca_file)).set(
        host="db.example.com", query={"sslmode": "verify-full", "sslrootcert": str(tls_cluster.ca_file),
                                      "hostaddr": "127.0.0.1"})
    exc, _took = _timed(lambda: check_connection(make_engine(url)))
    assert str(exc) == ("The server's certificate is not made out to db.example.com: connect with the name on the "
                        "certificate, or use TLS mode verify-ca.")


def test_a_missing_ca_file_is_explained(tls_cluster, tmp_path):
    missing = tmp_path / "gone.crt"
    exc, _took = _timed(lambda: check_connection(make_engine(tls_cluster.url(sslmode="verify-ca",
                                                                             sslrootcert=str(missing)))))
    assert str(exc).startswith(f"The CA certificate file {missing} cannot be read")


def test_a_server_that_demands_tls_tells_a_client_without_it(tls_cluster):
    hba = tls_cluster.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text("local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n")
    with tls_cluster.admin_engine().connect() as conn:
        conn.execute(text("SELECT pg_reload_conf()"))
    try:
        time.sleep(0.3)
        exc, _took = _timed(lambda: check_connection(make_engine(tls_cluster.url(sslmode="disable"))))
        assert "accepts only encrypted connections" in str(exc)
    finally:
        hba.write_text(original)
        with tls_cluster.admin_engine().connect() as conn:
            conn.execute(text("SELECT pg_reload_conf()"))


# -- statement timeout ---------------------------------------------------------------------


def test_statements_are_cancelled_by_the_server_after_the_timeout():
    url = pg_admin_url()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
    finally:
        engine.dispose()
    quick = make_engine(url, statement_timeout_ms=200)
    try:
        with quick.connect() as conn:
            started = time.monotonic()
            with pytest.raises(Exception) as cancelled:
                conn.execute(text("SELECT pg_sleep(5)"))
            assert time.monotonic() - started < 2
        assert "did not answer in time" in str(explain_connect_error(url, cancelled.value))
    finally:
        quick.dispose()
    unlimited = make_engine(url, statement_timeout_ms=None)
    try:
        with unlimited.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "0"
    finally:
        unlimited.dispose()


def test_a_connection_cut_by_the_server_is_explained(shop):
    engine = make_engine(shop.url(database="shop"))
    try:
        with engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
            with shop.admin_engine().connect() as admin:
                admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            with pytest.raises(DatabaseUnavailableError) as lost:  # from the engine itself, not a driver error
                conn.execute(text("SELECT 1"))
        message = str(lost.value)
        assert message == (f"The connection to the server at {SUPERUSER}@127.0.0.1:{shop.port}"
                           "/shop was lost; what was not finished was not saved. Try again when the server is back.")
    finally:
        engine.dispose()


# -- commands with --profile -----------------------------------------------------------------


def _env(tmp_path: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), **extra)
    return env


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env=env, stdin=subprocess.DEVNULL)


def _files_containing(secret: str, *folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and secret.encode() in path.read_bytes():
                found.append(path)
    return found


def test_a_command_takes_the_password_from_the_keyring_or_pgpassword_and_never_waits(office, tmp_path, monkeypatch):
    # The test keyring lives in a file here, so the command (a child process) and the test share it.
    monkeypatch.setenv("TRASTIENDA_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    env = _env(tmp_path)
    head = migrate.head_revision()

    out = _run({**env, "PGPASSWORD": SUPERUSER_PASSWORD}, "--profile", "Office", "db", "current")
    assert (out.returncode, out.stdout.strip()) == (0, head), out.stderr

    started = time.monotonic()
    out = _run(env, "db", "current", "--profile", "Office")  # no keyring entry, no PGPASSWORD, no terminal
    assert time.monotonic() - started < 15 and out.returncode == 1
    assert out.stderr.strip() == (
        f"trastienda: error: The server asks {SUPERUSER}'s password for profile Office, and there is none to give: "
        "log in once from the app with \"Remember me\", set PGPASSWORD, or run the command in a terminal to type it.")

    credentials.store_password("Office", SUPERUSER, SUPERUSER_PASSWORD)  # as "remember me" would
    out = _run(env, "--profile", "Office", "db", "current")
    assert (out.returncode, out.stdout.strip()) == (0, head), out.stderr
    credentials.store_password("Office", SUPERUSER, "changed-since")
    out = _run({**env, "PGPASSWORD": SUPERUSER_PASSWORD}, "--profile", "Office", "db", "current")
    assert out.returncode == 1 and "refused the user name or password" in out.stderr  # the keyring's comes first
    assert credentials.stored_password("Office", SUPERUSER) is None  # refused: forgotten
    for secret in (SUPERUSER_PASSWORD, "changed-since"):
        assert _files_containing(secret, data_dir(), tmp_path / "home") == []


def test_a_command_in_a_terminal_asks_for_the_password(office, tmp_path):
    env = _env(tmp_path)
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of its own, as a person at a shell
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, str(ROOT / "main.py"), "--profile", "Office", "db", "current"], env)
    output = b""
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed its terminal
            break
        if not chunk:
            break
        output += chunk
        if not sent and b"Password for" in output:
            os.write(fd, SUPERUSER_PASSWORD.encode() + b"\n")
            sent = True
    _pid, status = os.waitpid(pid, 0)
    text_out = output.decode(errors="replace")
    assert sent, text_out
    assert f"Password for {SUPERUSER} on Office:" in text_out
    assert os.waitstatus_to_exitcode(status) == 0, text_out
    assert migrate.head_revision() in text_out
    assert SUPERUSER_PASSWORD not in text_out  # not echoed
    assert _files_containing(SUPERUSER_PASSWORD, data_dir(), tmp_path / "home") == []
