"""The server keeps the VERI*FACTU chain: a login appends only the next link, exactly as posting writes it.

A clerk is granted INSERT on ``verifactu_record`` because posting appends the
invoice's registration record. The server's rule (``trastienda_chain_rules``
in ``app.db.server_grants``) refuses any other row, so with psql a clerk can
append no more than posting through the app does.

Each forgery starts from the record the app itself would append next (built by
``append_registration`` / ``append_cancellation`` in a transaction rolled
back) and changes one thing, re-hashing it where the hash would otherwise be
wrong too: each test proves one check. The untouched record is then accepted
from psql, so the refusal was that one thing's.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import threading
import uuid
from decimal import Decimal

import psycopg
import pytest
from psycopg import errors as pg
from psycopg.types.json import Json
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from app.compliance.verifactu import (
    Cancellation,
    Registration,
    format_timestamp,
    madrid_time,
)
from app.db.session import Database
from app.domain.enums import InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice
from app.domain.verifactu import ChainRecordKind, InvoiceRecord
from app.errors import PermissionDeniedError
from app.services import corrections, invoices, parties, posting, series
from app.services.chain import append_cancellation, append_registration, verify_chain
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData
from app.services.series import SeriesData
from app.services.setup import tax_rate_id
from tests.server.conftest import raw

pytestmark = pytest.mark.postgres
TODAY = dt.date.today()
D = Decimal
COLUMNS = [a.columns[0].name for a in inspect(InvoiceRecord).column_attrs]
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def loose_series(shop) -> uuid.UUID:
    """A series of this module's own, for invoices the owner marks posted without their record."""
    return series.create_series(Database(shop[1], user="postgres"), SeriesData(
        code="T", name="Pruebas de la cadena", prefix="T", yearly_reset=False)).id


# -- making invoices ------------------------------------------------------------------------------

def _party(db: Database, **kw) -> uuid.UUID:
    return parties.create_party(db, PartyData(legal_name=f"Ferretería {uuid.uuid4().hex[:6]} SL", tax_id="B12345674",
                                              street="Calle Alta 3", postal_code="28001", city="Madrid", **kw)).id


def _draft(db: Database, amount: str = "100", rate: str = "IVA21", party: uuid.UUID | None = None,
           **kw) -> uuid.UUID:
    party = party or _party(db)
    return invoices.create_draft(db, InvoiceData(issue_date=TODAY, party_id=party, moves_stock=False, lines=[
        InvoiceLineData(description="Servicio de montaje", quantity=1, unit_price=D(amount),
                        tax_rate_id=tax_rate_id(rate))], **kw)).id


def _posted_without_record(clerk: Database, owner: Database, loose_series: uuid.UUID) -> uuid.UUID:
    """An invoice posted (by the trusted owner) whose record is not appended yet: the state posting is in
    just before it appends the record."""
    draft = _draft(clerk, "250", series_id=loose_series)
    number = next(_numbers)  # the series is this module's: no one else numbers in it
    with raw(owner) as conn:
        conn.execute("UPDATE invoice SET status = 'posted', number = %s, fiscal_year = %s, full_number = %s, "
                     "posted_at = now() WHERE id = %s", (number, TODAY.year, f"T{number:09d}", draft))
    return draft


# -- records as the app makes them ------------------------------------------------------------------

def _as_the_app_would(owner: Database, invoice_id: uuid.UUID, kind: str = "registration",
                      pretend=None) -> dict:
    """The record the app would append now for the invoice, as column values; nothing is written.

    ``pretend(invoice)`` first changes the invoice in the same rolled-back transaction (to number a
    draft, or cancel an invoice), so the record is exactly the one that change would append.
    """
    with Session(owner.engine) as s:
        inv = s.get(Invoice, invoice_id)
        if pretend:
            pretend(inv)
            s.flush()
        append = append_registration if kind == "registration" else append_cancellation
        record = append(s, inv, now=dt.datetime.now(dt.timezone.utc))
        values = {a.columns[0].name: getattr(record, a.key) for a in inspect(InvoiceRecord).column_attrs}
        s.rollback()
    return values


def _rehash(record: dict) -> dict:
    """The record's hash made right again for its (changed) fields."""
    if record["kind"] == ChainRecordKind.REGISTRATION:
        record["hash"] = Registration(
            issuer_tax_id=record["issuer_tax_id"], invoice_number=record["invoice_number"],
            issue_date=record["issue_date"], tipo_factura=record["tipo_factura"], cuota_total=record["cuota_total"],
            importe_total=record["importe_total"], previous_hash=record["previous_hash"],
            generated_at=record["generated_at_text"]).huella()
    else:
        record["hash"] = Cancellation(
            issuer_tax_id=record["issuer_tax_id"], invoice_number=record["invoice_number"],
            issue_date=record["issue_date"], previous_hash=record["previous_hash"],
            generated_at=record["generated_at_text"]).huella()
    return record


def _insert(conn, record: dict) -> None:
    """INSERT the record as psql would."""
    def value(v):
        if isinstance(v, ChainRecordKind):
            return v.value
        return Json(v) if isinstance(v, list) else v

    names = ", ".join(f'"{c}"' for c in record)
    conn.execute(f"INSERT INTO verifactu_record ({names}) VALUES ({', '.join(['%s'] * len(record))})",
                 [value(v) for v in record.values()])


def _refused(conn, record: dict) -> pg.InsufficientPrivilege:
    with pytest.raises(pg.InsufficientPrivilege) as err:
        _insert(conn, record)
    return err.value


def _records(owner: Database) -> int:
    with owner.session() as s:
        return s.execute(select(func.count()).select_from(InvoiceRecord)).scalar_one()


def _record_of(owner: Database, invoice_id: uuid.UUID, kind: str = "registration") -> dict:
    with raw(owner) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        return cur.execute(f"SELECT {', '.join(COLUMNS)} FROM verifactu_record WHERE invoice_id = %s AND kind = %s",
                           (invoice_id, kind)).fetchone()


def _previous(owner: Database, record: dict) -> dict:
    with raw(owner) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        return cur.execute("SELECT * FROM verifactu_record WHERE issuer_tax_id = %s AND sequence = %s",
                           (record["issuer_tax_id"], record["sequence"] - 1)).fetchone()


# -- what the app appends is accepted --------------------------------------------------------------

def test_posting_credit_notes_and_cancelling_through_the_app_pass_the_servers_rule(login, owner):
    clerk, accountant, admin = login("clerk"), login("accountant"), login("admin")
    before = _records(owner)
    full = posting.post_invoice(clerk, _draft(clerk, "100"))
    zero = posting.post_invoice(clerk, _draft(clerk, "80", rate="IVA0"))
    exempt = posting.post_invoice(clerk, _draft(clerk, "60", rate="EXENTO_E1"))
    recargo = posting.post_invoice(clerk, _draft(clerk, "40", party=_party(clerk, recargo_equivalencia=True)))
    withheld = posting.post_invoice(clerk, _draft(clerk, "500", party=_party(clerk, irpf_percent=D("15"))))
    simplified = posting.post_invoice(clerk, _draft(clerk, "12.35", kind=InvoiceKind.SIMPLIFIED))
    other_day = posting.post_invoice(admin, _draft(admin, "19.99", rate="IVA10"))
    credit = posting.post_invoice(accountant, corrections.create_credit_note(accountant, full.id, "R1").id)
    cancelled = corrections.cancel_invoice(accountant, zero.id, "Emitida por error")
    assert cancelled.status == "cancelled"
    assert _records(owner) == before + 9

    report = verify_chain(owner)
    assert report.ok, report.broken and report.broken.describe()
    seen = {inv.id: _record_of(owner, inv.id) for inv in
            (full, zero, exempt, recargo, withheld, simplified, other_day, credit)}
    assert seen[credit.id]["tipo_factura"] == "R1" and seen[credit.id]["importe_total"] == D("-121.00")
    assert seen[credit.id]["corrected_invoice_number"] == full.full_number
    assert seen[zero.id]["cuota_total"] == D("0.00") and seen[exempt.id]["cuota_total"] == D("0.00")
    assert seen[recargo.id]["cuota_total"] == D("10.48")  # 21 % IVA + 5.2 % recargo
    assert seen[withheld.id]["importe_total"] == D("605.00")  # IRPF withheld is not subtracted
    assert seen[simplified.id]["tipo_factura"] == "F2"
    cancel = _record_of(owner, zero.id, "cancellation")
    assert cancel["tipo_factura"] is None and cancel["previous_hash"] == seen[credit.id]["hash"]
    # Written by those logins, not by the owner the rule trusts.
    with owner.session() as s:
        writers = set(s.scalars(select(InvoiceRecord.updated_by).where(
            InvoiceRecord.invoice_id.in_(list(seen)))))
    assert writers == {clerk.user, accountant.user, admin.user}



def test_clerks_posting_at_once_are_each_the_next_link(login, owner):
    """The rule reads the chain's end under the issuer's lock, as posting does: concurrent posters are
    serialised, never refused, and the chain stays whole."""
    clerks = [login("clerk") for _ in range(4)]
    drafts = [[_draft(c, str(10 + i)) for i in range(6)] for c in clerks]
    before = _records(owner)
    refused: list[Exception] = []

    def post_all(db: Database, ids: list[uuid.UUID]) -> None:
        for invoice_id in ids:
            try:
                posting.post_invoice(db, invoice_id)
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                refused.append(exc)

    workers = [threading.Thread(target=post_all, args=(c, ids)) for c, ids in zip(clerks, drafts, strict=True)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert refused == []
    assert _records(owner) == before + 24
    report = verify_chain(owner)
    assert report.ok, report.broken and report.broken.describe()

# -- what a clerk forges with psql is refused -------------------------------------------------------

def _other_moment(record: dict, moment: dt.datetime) -> dict:
    moment = madrid_time(moment)
    return _rehash({**record, "generated_at": moment, "generated_at_text": format_timestamp(moment)})


def _flipped(h: str) -> str:
    return ("B" if h[0] == "A" else "A") + h[1:]


# (forgery of the next correct record, the column the server names, a word of its message)
FORGERIES = {
    "wrong hash": (lambda r, ctx: {**r, "hash": _flipped(r["hash"])}, "hash", "huella"),
    "hash in lower case": (lambda r, ctx: {**r, "hash": r["hash"].lower()}, "hash", "huella"),
    "sequence skipped": (lambda r, ctx: {**r, "sequence": r["sequence"] + 1}, "sequence", "sequence"),
    "sequence taken again": (lambda r, ctx: {**r, "sequence": r["sequence"] - 1}, "sequence", "sequence"),
    "forked from an older record": (
        lambda r, ctx: _rehash({**r, "previous_hash": ctx["older"]["hash"]}), "previous_hash", "previous_hash"),
    "first record again": (lambda r, ctx: _rehash({**r, "previous_hash": ""}), "previous_hash", "previous_hash"),
    "wrong previous invoice": (lambda r, ctx: {**r, "previous_invoice_number": ctx["older"]["invoice_number"]},
                               "previous_invoice_number", "previous_invoice_number"),
    "wrong importe_total": (lambda r, ctx: _rehash({**r, "importe_total": r["importe_total"] + D("0.01")}),
                            "importe_total", "importe_total"),
    "wrong cuota_total": (lambda r, ctx: _rehash({**r, "cuota_total": D("0.00")}), "cuota_total", "cuota_total"),
    "simplified instead of full": (lambda r, ctx: _rehash({**r, "tipo_factura": "F2"}), "tipo_factura", "F1"),
    "wrong invoice number": (lambda r, ctx: _rehash({**r, "invoice_number": r["invoice_number"] + "B"}),
                             "invoice_number", "invoice_number"),
    "wrong issue date": (lambda r, ctx: _rehash({**r, "issue_date": r["issue_date"] - dt.timedelta(days=1)}),
                         "issue_date", "issue_date"),
    "wrong recipient": (lambda r, ctx: {**r, "recipient_name": "Otra SL"}, "recipient_name", "recipient_name"),
    # Another issuer, as the first record of its own chain: self-consistent, but not the company's.
    "wrong issuer": (lambda r, ctx: _rehash({**r, "issuer_tax_id": "B12345674", "sequence": 1, "previous_hash": "",
                                             "previous_invoice_number": None, "previous_issue_date": None}),
                     "issuer_tax_id", "issuer"),
    # The first link of a workstation's own chain: self-consistent, but the invoice's series is the server's.
    "in a workstation's chain": (lambda r, ctx: _rehash({**r, "installation": 7, "sequence": 1, "previous_hash": "",
                                                        "previous_invoice_number": None,
                                                        "previous_issue_date": None}),
                                 "installation", "installation"),
    "generated before the previous record": (
        lambda r, ctx: _other_moment(r, ctx["previous"]["generated_at"] - dt.timedelta(seconds=1)),
        "generated_at", "before the record it follows"),
    "time text not its generated_at": (
        lambda r, ctx: _rehash({**r, "generated_at_text": format_timestamp(r["generated_at"] + dt.timedelta(hours=1))}),
        "generated_at_text", "generated_at_text"),
    "time text in UTC": (
        lambda r, ctx: _rehash({**r, "generated_at_text": r["generated_at"].astimezone(dt.timezone.utc).isoformat()}),
        "generated_at_text", "Spanish time"),
    "a cancellation's reason on a registration": (lambda r, ctx: {**r, "reason": "x"}, "reason", "reason"),
    "record for a draft invoice": (lambda r, ctx: ctx["draft_record"], "invoice_id", "draft"),
    "second registration of a posted invoice": (lambda r, ctx: ctx["second_registration"], "invoice_id",
                                                "already has its registration"),
    "record for an invoice that does not exist": (lambda r, ctx: {**r, "invoice_id": uuid.uuid4()}, "invoice_id",
                                                  "does not exist"),
    "unknown kind": (lambda r, ctx: {**r, "kind": "correction"}, "kind", "kind"),
}


def _number_it(inv: Invoice) -> None:
    inv.status, inv.number, inv.fiscal_year = InvoiceStatus.POSTED, 999_999, TODAY.year
    inv.full_number, inv.posted_at = f"F{TODAY.year}-999999", dt.datetime.now(dt.timezone.utc)


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_a_clerk_with_psql_appends_only_the_next_correct_record(login, owner, loose_series, forgery):
    clerk = login("clerk")
    posting.post_invoice(clerk, _draft(clerk, "75"))  # the chain has at least two records before ``good``
    posted = posting.post_invoice(clerk, _draft(clerk, "75"))
    waiting = _posted_without_record(clerk, owner, loose_series)
    good = _as_the_app_would(owner, waiting)
    ctx = {"previous": _previous(owner, good), "older": _previous(owner, _previous(owner, good))}
    if forgery == "record for a draft invoice":
        # What posting this draft would append (the numbering is rolled back with it).
        ctx["draft_record"] = _as_the_app_would(owner, _draft(clerk, "30"), pretend=_number_it)
    if forgery == "second registration of a posted invoice":
        registered = _record_of(owner, posted.id)
        ctx["second_registration"] = _rehash({**good, **{k: registered[k] for k in (
            "invoice_id", "invoice_number", "issue_date", "tipo_factura", "cuota_total", "importe_total",
            "recipient_name", "recipient_tax_id", "description", "breakdown")}})
    change, column, words = FORGERIES[forgery]
    forged = change(dict(good), ctx)
    assert forged != good
    before = _records(owner)

    with raw(clerk) as conn:
        err = _refused(conn, forged)
        assert err.diag.column_name == column, str(err)
        assert "VERI*FACTU record" in str(err) and words in str(err), str(err)
        assert _records(owner) == before  # nothing written
        _insert(conn, good)  # the record posting would append: accepted from psql too
    assert _records(owner) == before + 1
    report = verify_chain(owner)
    assert report.ok, report.broken and report.broken.describe()


def test_the_app_names_the_field_the_server_refused(login, owner, loose_series):
    clerk = login("clerk")
    good = _as_the_app_would(owner, _posted_without_record(clerk, owner, loose_series))
    forged = _rehash({**good, "importe_total": good["importe_total"] * 2})
    values = {**forged, "kind": forged["kind"].value, "breakdown": json.dumps(forged["breakdown"])}
    before = _records(owner)
    with pytest.raises(PermissionDeniedError) as err, clerk.session() as s:
        names = ", ".join(f'"{c}"' for c in values)
        params = ", ".join("CAST(:breakdown AS json)" if c == "breakdown" else f":{c}" for c in values)
        s.execute(text(f"INSERT INTO verifactu_record ({names}) VALUES ({params})"), values)
    assert err.value.field == "importe_total"
    assert str(err.value).startswith(f"The server does not let {clerk.user} do this: VERI*FACTU record")
    assert _records(owner) == before
    with raw(clerk) as conn:
        _insert(conn, good)
    assert verify_chain(owner).ok


def test_a_clerk_still_cannot_append_a_cancellation(login, owner):
    clerk = login("clerk")
    posted = posting.post_invoice(clerk, _draft(clerk, "45"))

    def cancel(inv: Invoice) -> None:
        inv.status = InvoiceStatus.CANCELLED

    record = _as_the_app_would(owner, posted.id, "cancellation", pretend=cancel)
    before = _records(owner)
    with raw(clerk) as conn:
        err = _refused(conn, record)
    assert err.diag.column_name == "kind" and "only an accountant" in str(err)
    assert _records(owner) == before


# -- accountants and admins are held too; the owner is trusted ---------------------------------------

def test_accountants_and_admins_append_only_the_next_correct_record(login, owner):
    accountant, admin = login("accountant"), login("admin")
    posted = posting.post_invoice(accountant, _draft(accountant, "64"))

    def cancel(inv: Invoice) -> None:
        inv.status = InvoiceStatus.CANCELLED

    cancellation = _as_the_app_would(owner, posted.id, "cancellation", pretend=cancel)
    before = _records(owner)
    with raw(admin) as conn:
        err = _refused(conn, {**cancellation, "hash": _flipped(cancellation["hash"])})
        assert err.diag.column_name == "invoice_id" and "is posted" in str(err)  # not cancelled yet
    with raw(accountant) as conn:
        conn.execute("UPDATE invoice SET status = 'cancelled' WHERE id = %s", (posted.id,))  # as cancelling does
        for forged, column in (({**cancellation, "hash": _flipped(cancellation["hash"])}, "hash"),
                               (_rehash({**cancellation, "issue_date": TODAY + dt.timedelta(days=1)}), "issue_date"),
                               ({**cancellation, "tipo_factura": "F1"}, "tipo_factura"),
                               ({**cancellation, "breakdown": []}, "breakdown")):
            err = _refused(conn, forged)
            assert err.diag.column_name == column, str(err)
        assert _records(owner) == before
        _insert(conn, cancellation)
        err = _refused(conn, _rehash({**cancellation, "sequence": cancellation["sequence"] + 1,
                                      "previous_hash": cancellation["hash"],
                                      "previous_invoice_number": cancellation["invoice_number"],
                                      "previous_issue_date": cancellation["issue_date"]}))
        assert err.diag.column_name == "invoice_id" and "already has its cancellation" in str(err)
    assert _records(owner) == before + 1
    assert verify_chain(owner).ok


def test_the_owner_is_trusted_as_for_migrations(login, owner, loose_series):
    clerk = login("clerk")
    good = _as_the_app_would(owner, _posted_without_record(clerk, owner, loose_series))
    before = _records(owner)
    with raw(owner) as conn:
        with conn.transaction():
            _insert(conn, {**good, "hash": _flipped(good["hash"])})  # the rule lets the owner through...
            raise psycopg.Rollback()  # ...and this test takes it back
        assert _records(owner) == before
        _insert(conn, good)
    assert verify_chain(owner).ok
