"""The admin's server commands: init, add-user, set-role, remove-user, upgrade; one line for each bad input.

They run on a scratch database made by ``server init`` (the ``shop`` fixture in
tests/server/conftest.py), and one of them on a throwaway cluster that checks passwords.
"""

from __future__ import annotations

import io
import uuid

import pytest
from sqlalchemy import text

from app.db import server_admin
from app.db.open import open_database
from app.errors import ValidationError
from main import main

pytestmark = pytest.mark.postgres


def _cli(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_server_commands_init_add_set_role_remove_and_upgrade(shop, capsys, monkeypatch):
    url, engine, _report = shop
    where = url.render_as_string(hide_password=False)
    code, out, err = _cli(capsys, "server", "init", "--db", where)
    assert code == 0 and "ready: schema at revision" in out and err == ""
    name = f"pepe_{uuid.uuid4().hex[:8]}"
    code, out, _ = _cli(capsys, "server", "add-user", name, "--role", "accountant", "--password-stdin", "--db", where,
                        stdin="s3cret-Pass\n", monkeypatch=monkeypatch)
    assert code == 0 and out.strip() == f"User {name} added as accountant with a password."
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": name}).scalar()
        groups = set(conn.execute(text(
            "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member "
            "JOIN pg_roles b ON b.oid = m.roleid WHERE a.rolname = :n"), {"n": name}).scalars())
    assert stored.startswith("SCRAM-SHA-256$") and "s3cret" not in stored  # hashed by the client
    assert groups == {"trastienda_accountant"}
    code, out, _ = _cli(capsys, "server", "set-role", name, "--role", "hr", "--db", where)
    assert code == 0 and out.strip() == f"User {name} is now hr."
    pepe = open_database(url.set(username=name), upgrade=False)
    assert pepe.roles == {"hr"}
    pepe.dispose()
    code, out, err = _cli(capsys, "server", "add-user", name, "--role", "clerk", "--db", where)
    assert code == 1 and err.strip() == f"trastienda: error: name: {name} already exists: change its role with " \
                                        "`server set-role`."
    code, out, _ = _cli(capsys, "server", "remove-user", name, "--db", where)
    assert code == 0 and out.strip() == f"User {name} removed."
    code, out, err = _cli(capsys, "server", "upgrade", "--db", where)
    assert code == 0 and "ready" in out


@pytest.mark.parametrize("args, message", [
    (("add-user", "Pepe García", "--role", "clerk"), "name: A user name is 1 to 63 lower-case letters"),
    (("add-user", "trastienda_admin", "--role", "clerk"), "name: trastienda_admin is reserved"),
    (("add-user", "pepe_x", "--role", "clerk", "--password-stdin"), "password: --password-stdin read an empty line"),
    (("remove-user", "postgres"), "name: postgres is a superuser"),
    (("remove-user", "nobody_here_123"), "There is no user nobody_here_123 on this server."),
    (("set-role", "nobody_here_123", "--role", "hr"), "There is no user nobody_here_123 on this server."),
])
def test_server_commands_refuse_bad_input_in_one_line(shop, capsys, monkeypatch, args, message):
    where = shop[0].render_as_string(hide_password=False)
    code, out, err = _cli(capsys, "server", *args, "--db", where, stdin="\n", monkeypatch=monkeypatch)
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [f"trastienda: error: {message}" + err.strip().split(message, 1)[1]]
    with shop[1].connect() as conn:
        made = conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname IN ('pepe_x', 'Pepe García')")).scalar()
    assert made == 0


def test_a_login_added_with_a_password_logs_in_with_it_on_a_server_that_checks(capsys, monkeypatch):
    from tests.server.cluster import running_cluster

    with running_cluster() as cluster:
        where = cluster.url(database="shop").render_as_string(hide_password=False)
        assert _cli(capsys, "server", "init", "--db", where)[0] == 0
        code, out, err = _cli(capsys, "server", "add-user", "rosa", "--role", "hr", "--password-stdin", "--db", where,
                              stdin="R0sa's p@ss\n", monkeypatch=monkeypatch)
        assert code == 0 and "R0sa" not in out + err
        rosa = open_database(cluster.url("rosa", "R0sa's p@ss", database="shop"), upgrade=False)
        assert (rosa.user, rosa.roles) == ("rosa", {"hr"})
        rosa.dispose()
        with pytest.raises(Exception, match="refused the user name or password"):
            open_database(cluster.url("rosa", "wrong", database="shop"), upgrade=False)
        log = (cluster.base / "log").read_text(errors="replace")
        assert "R0sa" not in log  # the password never reached the server as text


def test_server_commands_need_a_postgresql_url(tmp_path, capsys):
    code, _out, err = _cli(capsys, "server", "init", "--db", str(tmp_path / "shop.sqlite3"))
    assert code == 1 and "Server commands need a PostgreSQL URL" in err and not (tmp_path / "shop.sqlite3").exists()


def test_the_matrix_reads_as_grants():
    cols = ["id", "version", "updated_at", "updated_by", "salary", "first_name", "iban", "payments_per_year",
            "social_security_number"]
    assert server_admin.grants_for("employee", "r-", cols) == [
        'SELECT ("id", "version", "updated_at", "updated_by", "first_name")']
    assert server_admin.grants_for("invoice_series", "r w(next_number,year)", cols) == [
        "SELECT", 'UPDATE ("next_number", "year", "version", "updated_at", "updated_by")']
    assert server_admin.grants_for("stock_move", "ra lock", cols) == ["SELECT, INSERT", 'UPDATE ("updated_at")']
    with pytest.raises(ValueError):
        server_admin.grants_for("x", "rx", cols)
    with pytest.raises(ValidationError):
        server_admin._check_name("Robert'); DROP TABLE party;--")
