"""The admin commands behind main.py, headless (no Qt)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.db import migrate
from app.db.engine import check_connection, describe, make_engine, resolve_url
from app.errors import TrastiendaError, ValidationError
from app.i18n import _
from app.locale_format import format_date, format_number


def print_error(exc: TrastiendaError) -> None:
    """One clear line per problem on stderr; never a traceback."""
    if isinstance(exc, ValidationError):
        for err in exc.errors:
            print(f"trastienda: error: {err.field}: {err.message}", file=sys.stderr)
    else:
        print(f"trastienda: error: {exc}", file=sys.stderr)


def db_command(action: str, db: str | None, *, verbose: bool = False) -> int:
    url = resolve_url(db)
    engine = make_engine(url, echo=verbose)
    try:
        if action == "upgrade":
            from app.db.open import open_database

            exists = engine.dialect.name == "sqlite" and Path(url.database).exists()
            before = migrate.current_revision(engine) if exists else None
            database = open_database(url, upgrade=True)  # an admin command: PostgreSQL too
            database.dispose()
            now = migrate.current_revision(engine)
            print(_("Database {where} is at revision {rev}{note}.").format(
                where=describe(url), rev=now,
                note=_(" (was {rev})").format(rev=before) if before and before != now else "",
            ))
            return 0
        if action == "current":
            if url.get_backend_name() == "sqlite" and not Path(url.database).exists():
                print(_("{where} does not exist; create it with `python main.py db upgrade --db {where}`").format(
                    where=describe(url)), file=sys.stderr)
                return 1
            rev = migrate.current_revision(engine)
            head = migrate.head_revision()
            if rev is None:
                print(_("{where}: empty (no schema); run `python main.py db upgrade`").format(where=describe(url)))
                return 1
            print(f"{rev}" + ("" if rev == head else _(" (this version needs {head}: run `db upgrade`)").format(head=head)))
            return 0
    finally:
        engine.dispose()
    raise ValueError(action)


def chain_command(action: str, db: str | None) -> int:
    """``chain verify``: 0 and "Chain OK: N records", or 1 and the first broken record."""
    from app.db.open import open_database
    from app.services.chain import verify_chain

    if action != "verify":
        raise ValueError(action)
    url = resolve_url(db)
    if url.get_backend_name() == "sqlite" and not Path(url.database).exists():
        print(_("{where} does not exist.").format(where=describe(url)), file=sys.stderr)
        return 1
    # An audit never migrates the database it audits: a schema mismatch is reported instead.
    database = open_database(url, upgrade=False)
    try:
        report = verify_chain(database)
    finally:
        database.dispose()
    if report.ok:
        print(_("Chain OK: {n} records").format(n=report.records))
        return 0
    print(_("Chain BROKEN after {n} good records. {problem}").format(
        n=report.records, problem=report.broken.describe()))
    return 1


def stock_command(action: str, db: str | None) -> int:
    """``stock check``: 0 and "Stock OK: ...", or 1 and one line per level that is not the sum of its moves."""
    from app.db.open import open_database
    from app.services.stock_reports import check_stock_levels

    if action != "check":
        raise ValueError(action)
    url = resolve_url(db)
    if url.get_backend_name() == "sqlite" and not Path(url.database).exists():
        print(_("{where} does not exist.").format(where=describe(url)), file=sys.stderr)
        return 1
    database = open_database(url, upgrade=False)  # an audit never migrates what it audits
    try:
        report = check_stock_levels(database)
    finally:
        database.dispose()
    if report.ok:
        print(_("Stock OK: {levels} stock levels equal the sum of {moves} moves.").format(
            levels=report.levels, moves=report.moves))
        return 0
    for d in report.differences:
        print(_("{sku} in {warehouse}: on hand {lq}, moves sum {mq}; value {lv}, moves value {mv}").format(
            sku=d.sku, warehouse=d.warehouse, lq=d.level_quantity, mq=d.moves_quantity,
            lv=d.level_value, mv=d.moves_value)
            + ("" if d.level_due == d.rule_due else _("; marked {marked} for reorder, should be {should}").format(
                marked=_("due") if d.level_due else _("not due"), should=_("due") if d.rule_due else _("not due"))))
    print(_("Stock WRONG: {n} of {levels} stock levels differ from their moves.").format(
        n=len(report.differences), levels=report.levels))
    return 1


def demo_command(db: str | None, *, seed: int, sizes: dict[str, int], verbose: bool = False) -> int:
    from app.db.open import open_database
    from app.demo import generate_demo

    url = resolve_url(db)
    database = open_database(url, upgrade=True)  # fills a new database, PostgreSQL too
    started = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 1.0 or done == total:
            last[0] = now
            print(f"\r{stage}: {format_number(done, 0)}/{format_number(total, 0)}", end="", file=sys.stderr, flush=True)
            if done == total:
                print(file=sys.stderr)

    if database.offline:  # an offline copy holds the server's data: type work on it, as a clerk would
        from app.admin_offline import offline_demo

        try:
            return offline_demo(database, seed=seed, sizes=sizes, progress=progress)
        finally:
            database.dispose()
    try:
        stats = generate_demo(database, seed=seed, progress=progress, **sizes)
    finally:
        database.dispose()
    elapsed = time.perf_counter() - started
    print(_("Demo data written to {where} in {s} s:").format(where=describe(url), s=format_number(elapsed, 1)))
    for table, count in stats.counts.items():
        print(f"  {table:<20} {format_number(count, 0):>12}")
    if stats.database_bytes:
        print(_("Database size: {mib} MiB").format(mib=format_number(stats.database_bytes / 2**20, 1)))
    return 0


# -- invoice list / invoice pdf ----------------------------------------------------


def _existing_database(db: str | None):
    """Opens a database that must already exist (reading commands never create one)."""
    from app.db.open import open_database

    url = resolve_url(db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise TrastiendaError(_("{where} does not exist; create it with `python main.py db upgrade --db {where}`")
                              .format(where=describe(url)))
    return open_database(url, upgrade=False)


def parse_date(text: str, field: str):
    """DD/MM/YYYY (as clerks write it) or YYYY-MM-DD; a ValidationError on ``field`` otherwise."""
    import datetime as dt

    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError(field, _("{text!r} is not a date: write DD/MM/YYYY or YYYY-MM-DD.").format(text=text))


def _json_value(value):
    import datetime as dt
    import uuid
    from decimal import Decimal

    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)  # Decimal as text: exact, never a float
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def invoice_list_command(db: str | None, *, as_json: bool, series: str | None, status: str | None) -> int:
    """Every invoice matching the filters, oldest first: a JSON array, or one line each."""
    import dataclasses
    import json

    from app.services.invoices import list_invoices
    from app.services.listing import ListQuery
    from app.services.series import list_series

    database = _existing_database(db)
    try:
        filters: dict = {}
        if status:
            filters["status"] = status.strip().lower()
        if series:
            by_code = {s.code.upper(): s.id for s in list_series(database, include_archived=True)}
            if series.strip().upper() not in by_code:
                raise ValidationError("series", _("No invoice series with code {code!r}.").format(code=series))
            filters["series_id"] = by_code[series.strip().upper()]
        query = ListQuery(limit=5000, filters=filters)
        first = True
        if as_json:
            sys.stdout.write("[")
        while True:
            page = list_invoices(database, query)
            for row in page.rows:
                item = {"id": str(row["__id"]), **{k: _json_value(v) for k, v in row.items() if k != "__id"}}
                if as_json:
                    sys.stdout.write(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
                else:
                    print(f"{item['full_number'] or '-':<16} {item['issue_date']}  {item['status']:<9} "
                          f"{item['total']:>12}  {item['party_name']}")
                first = False
            if not page.has_more:
                break
            query = dataclasses.replace(query, after=page.next_after)
        if as_json:
            sys.stdout.write("\n]\n" if not first else "]\n")
        sys.stdout.flush()
        return 0
    except BrokenPipeError:
        # Piped into `head` and the reader left: not an error. Point stdout at devnull
        # so the interpreter's last flush does not fail again (Python docs, "signal").
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        database.dispose()


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise TrastiendaError(_("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from None


def invoice_pdf_command(db: str | None, *, number: str | None, date_from: str | None, date_to: str | None,
                        output: str) -> int:
    """One invoice by its number, or every posted invoice of a date range, into one PDF file."""
    from app.documents.invoice_pdf import render_invoices
    from app.services import invoice_documents as docs

    if bool(number) == bool(date_from or date_to):
        raise ValidationError("number", _("Give an invoice NUMBER, or --from DATE --to DATE, not both."))
    if not number and not (date_from and date_to):
        raise ValidationError("to" if date_from else "from", _("A batch needs both --from and --to."))
    path = Path(output)
    database = _existing_database(db)
    started = time.perf_counter()
    try:
        if number:
            invoice_id = docs.find_invoice_by_number(database, number)
            _write_atomically(path, docs.invoice_pdf(database, invoice_id))
            print(_("Invoice {number} written to {path}.").format(number=number.strip(), path=path))
            return 0
        first, last = parse_date(date_from, "from"), parse_date(date_to, "to")
        ids = docs.posted_invoice_ids(database, first, last)
        if not ids:
            raise ValidationError("from", _("No posted invoices issued from {first} to {last}.").format(
                first=format_date(first), last=format_date(last)))
        last_shown = [0.0]

        def progress(done: int) -> None:
            now = time.perf_counter()
            if now - last_shown[0] >= 1.0 or done == len(ids):
                last_shown[0] = now
                print(f"\r{_('invoices')}: {format_number(done, 0)}/{format_number(len(ids), 0)}", end="",
                      file=sys.stderr, flush=True)
                if done == len(ids):
                    print(file=sys.stderr)

        try:
            count = render_invoices(docs.invoice_documents(database, ids), path, progress=progress)
        except OSError as exc:
            raise TrastiendaError(_("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from None
        print(_("{count} invoices written to {path} in {s} s.").format(
            count=count, path=path, s=format_number(time.perf_counter() - started, 1)))
        return 0
    finally:
        database.dispose()


def contracts_bill_command(db: str | None, *, until: str, post: bool | None) -> int:
    """``contracts bill``: one line per invoice made and per failure; exit 1 if any contract failed."""
    from app.services.contract_billing import generate_invoices

    last = parse_date(until, "until")
    database = _existing_database(db)
    started = time.perf_counter()
    try:
        result = generate_invoices(database, last, post=post)
    finally:
        database.dispose()
    for b in result.billed:
        p = b.due.period
        print(_("{ref:<12} {start:%d/%m/%Y}-{end:%d/%m/%Y}  {state:<6} {total:>12}  {customer}").format(
            ref=b.due.reference or "-", start=p.start, end=p.end, state=_("posted") if b.posted else _("draft"),
            total=format_number(b.total), customer=b.due.customer))
    for f in result.failed:
        period = f"{f.period_start:%d/%m/%Y}-{f.period_end:%d/%m/%Y}" if f.period_start else ""
        kept = _(" (billed by a draft; the next run posts it)") if f.draft_kept else ""
        print(_("FAILED {ref} {period}: {field}: {message}{kept}").format(
            ref=f.reference or f.title, period=period, field=f.field or "-", message=f.message, kept=kept),
            file=sys.stderr)
    print(_("{n} periods billed, {skipped} already billed, {drafts} earlier drafts posted, {failed} failures "
            "in {s} s.").format(n=len(result.billed), skipped=result.already_billed, drafts=result.drafts_posted,
                                failed=len(result.failed), s=format_number(time.perf_counter() - started, 1)))
    return 0 if result.ok else 1


def contracts_refresh_command(db: str | None, *, today: str | None) -> int:
    """``contracts refresh``: one line per contract renewed or ended; idempotent."""
    from app.services.contract_lifecycle import refresh_statuses

    day = parse_date(today, "today") if today else None
    database = _existing_database(db)
    from app.services.contract_lifecycle import status_name

    started = time.perf_counter()
    try:
        changes = refresh_statuses(database, day)
    finally:
        database.dispose()
    for ch in changes:
        what = (_("renewed {n}x").format(n=ch.renewals) if ch.renewals else "") + \
            (_(" then {status}").format(status=status_name(ch.new_status)) if ch.renewals and ch.new_status != ch.old_status
             else "" if ch.renewals else status_name(ch.new_status))
        until = f"{ch.end_date:%d/%m/%Y}" if ch.end_date else "-"
        print(f"{ch.reference or '-':<12} {what:<22} {until}  {ch.title}")
    print(_("{n} contracts brought up to date in {s} s.").format(
        n=len(changes), s=format_number(time.perf_counter() - started)))
    return 0


# -- employees export ---------------------------------------------------------------


def employees_export_command(db: str | None, *, code: str, json_path: str | None, pdf_path: str | None) -> int:
    """``employees export``: one employee's personal data as JSON and/or PDF, recorded in the audit trail once."""
    from app.services.personal_data import employee_id_by_code, export_personal_data

    if not json_path and not pdf_path:
        raise ValidationError("json", _("Say where to write the data: --json FILE.json, --pdf FILE.pdf or both."))
    database = _existing_database(db)
    try:
        employee_id = employee_id_by_code(database, code)
        data = export_personal_data(database, employee_id, json_path=json_path or None, pdf_path=pdf_path or None)
    finally:
        database.dispose()
    for path in (json_path, pdf_path):
        if path:
            print(_("Personal data of {code} written to {path}.").format(code=data["person"]["code"], path=path))
    return 0


# -- connection profiles --------------------------------------------------------------


def profile_target(name: str):
    """What ``--profile NAME`` connects to: a URL with the password in memory, or None for "This computer"."""
    from app.db.credentials import command_url

    return command_url(name)


def profile_command(action: str, *, name: str | None = None, url: str | None = None, sslmode: str | None = None,
                    sslrootcert: str | None = None) -> int:
    """``profile add|list|remove``: the shared servers this computer knows; never a password."""
    from app.db import credentials, profiles

    if action == "add":
        profile = profiles.save_profile(profiles.profile_from_url(name or "", url or "", sslmode=sslmode,
                                                                  sslrootcert=sslrootcert))
        print(_("Profile {name} added: {where}, TLS {mode}. Use it with --profile {quoted}.").format(
            name=profile.name, where=profile.describe(), mode=profile.sslmode, quoted=shell_quote(profile.name)))
        return 0
    if action == "list":
        last = profiles.last_profile().name
        for profile in profiles.list_profiles():
            tls = "" if profile.is_local else _("TLS {mode}").format(mode=profile.sslmode)
            print(f"{'*' if profile.name == last else ' '} {profile.name:<24} {profile.describe():<44} {tls}".rstrip())
        return 0
    if action == "remove":
        profile = profiles.remove_profile(name or "")
        credentials.forget_password(profile.name, profile.user)
        print(_("Profile {name} removed, with its remembered password if there was one.").format(name=profile.name))
        return 0
    raise ValueError(action)


def shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


# -- server init / upgrade / add-user / remove-user / set-role ------------------------------


def server_command(action: str, db: str | None, *, name: str | None = None, role: str | None = None,
                   password_stdin: bool = False) -> int:
    """``server ...``: set up a shared PostgreSQL server and its logins; one line of outcome."""
    from app.db import server_admin

    if not db:
        raise ValidationError("db", _("Say which server: --db postgresql+psycopg://USER@HOST:PORT/DATABASE"))
    password = None
    if action == "add-user" and password_stdin:
        # One line; the newline is not part of it. Never echoed, logged or written anywhere.
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ValidationError("password", _("--password-stdin read an empty line: no password was given."))
    engine = server_admin.server_engine(db)
    where = describe(engine.url)
    try:
        return _server_action(engine, where, action, name, role, password)
    except DBAPIError as exc:  # e.g. a login without CREATEROLE: one line, never a traceback
        lines = str(exc.orig).strip().splitlines()
        raise TrastiendaError(_("The server at {where} refused: {detail}").format(
            where=where, detail=lines[0] if lines else exc.__class__.__name__)) from None
    finally:
        engine.dispose()


def _server_action(engine, where: str, action: str, name: str | None, role: str | None,
                   password: str | None) -> int:
    from app.db import server_admin

    if action != "init":
        check_connection(engine)
    if action in ("init", "upgrade"):
        run = server_admin.init_server if action == "init" else server_admin.upgrade_server
        report = run(engine)
        print(_("Server {where} ready: schema at revision {rev}, group roles {groups}, "
                "grants and row-level security on {n} tables.").format(
            where=where, rev=report.revision, groups=", ".join(server_admin.GROUPS), n=report.tables))
        if report.unknown:
            print(_("Tables the privilege matrix does not know (only admins may use them): {names}").format(
                names=", ".join(report.unknown)), file=sys.stderr)
        return 0
    if action == "add-user":
        server_admin.add_user(engine, name, role, password)
        print(_("User {name} added as {role}{pw}.").format(
            name=name, role=role, pw=_(" with a password") if password else _(" (no password set)")))
        return 0
    if action == "set-role":
        server_admin.set_role(engine, name, role)
        print(_("User {name} is now {role}.").format(name=name, role=role))
        return 0
    if action == "remove-user":
        server_admin.remove_user(engine, name)
        print(_("User {name} removed.").format(name=name))
        return 0
    raise ValueError(action)
