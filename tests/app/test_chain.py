"""The VERI*FACTU record chain on a real database: appending, immutability, verification, concurrency.

Posting is another piece of work, so ``_post`` below stands in for it: it
numbers a draft and appends its record in one transaction, as posting does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import uuid

import pytest
from sqlalchemy import delete, select, text, update

from app.domain.company import Company
from app.domain.enums import CorrectionReason, InvoiceKind, InvoiceStatus
from app.domain.invoices import Invoice
from app.domain.verifactu import (
    ChainRecordImmutableError,
    ChainRecordKind,
    InvoiceRecord,
)
from app.errors import ValidationError
from app.services import invoices
from app.services.chain import append_cancellation, append_registration, verify_chain
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import tax_rate_id
from tests.app.invoicing import DAY, D, count, customer

NIF = "B50000000"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)  # 10:00 in Madrid (CET)


# -- helpers ------------------------------------------------------------------------

def _company(db, tax_id: str = NIF) -> None:
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id=tax_id, street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))


def _draft(db, party=None, *, price: str = "100.00", rate: str = "IVA21", kind=InvoiceKind.INVOICE,
           **kw) -> uuid.UUID:
    party = party or customer(db, street="Calle Alta 3", postal_code="28001", city="Madrid")
    line = InvoiceLineData(description="Tornillería", quantity=D(1), unit_price=D(price), tax_rate_id=tax_rate_id(rate))
    return invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, kind=kind, lines=[line], **kw)).id


def _post(s, invoice_id: uuid.UUID, number: int, at: dt.datetime | None = None) -> InvoiceRecord:
    """Stand-in for posting: number the draft, freeze it and append its record, in the caller's transaction."""
    inv = s.get(Invoice, invoice_id)
    prefix = "R" if inv.kind == InvoiceKind.CREDIT_NOTE else "F"
    inv.status, inv.fiscal_year, inv.number = InvoiceStatus.POSTED, inv.issue_date.year, number
    inv.full_number, inv.posted_at = f"{prefix}{inv.issue_date.year}-{number:06d}", at or T0
    s.flush()
    return append_registration(s, inv, now=at)


def _cancel(s, invoice_id: uuid.UUID, at: dt.datetime | None = None) -> InvoiceRecord:
    inv = s.get(Invoice, invoice_id)
    inv.status = InvoiceStatus.CANCELLED
    s.flush()
    return append_cancellation(s, inv, now=at, reason="Duplicada")


def _records(db) -> list[InvoiceRecord]:
    with db.session() as s:
        return list(s.scalars(select(InvoiceRecord).order_by(InvoiceRecord.issuer_tax_id, InvoiceRecord.sequence)))


def _three_posted(db) -> list[InvoiceRecord]:
    ids = [_draft(db) for _ in range(3)]
    with db.session() as s:
        return [_post(s, inv_id, n, T0 + dt.timedelta(minutes=n)) for n, inv_id in enumerate(ids, start=1)]


@pytest.fixture
def shop(db):
    _company(db)
    return db


# -- appending ----------------------------------------------------------------------

def test_each_record_chains_onto_the_previous_one(shop):
    first, second, third = _three_posted(shop)
    assert [r.sequence for r in (first, second, third)] == [1, 2, 3]
    assert first.previous_hash == "" and first.is_first and first.previous_invoice_number is None
    assert second.previous_hash == first.hash and third.previous_hash == second.hash
    assert (third.previous_invoice_number, third.previous_issue_date) == ("F2026-000002", DAY)
    assert len({first.hash, second.hash, third.hash}) == 3
    report = verify_chain(shop)
    assert (report.ok, report.records, report.issuers, report.broken) == (True, 3, 1, None)


def test_the_stored_record_hashes_as_the_aeat_specifies(shop):
    (inv_id,) = [_draft(shop, price="100.00")]
    with shop.session() as s:
        _post(s, inv_id, 1, dt.datetime(2026, 7, 1, 8, 5, 9, 123456, tzinfo=dt.timezone.utc))
    (record,) = _records(shop)
    # Independently of the code under test: the AEAT's text, SHA-256, upper-case hex.
    expected = ("IDEmisorFactura=B50000000&NumSerieFactura=F2026-000001&FechaExpedicionFactura=02-03-2026"
                "&TipoFactura=F1&CuotaTotal=21.00&ImporteTotal=121.00&Huella="
                "&FechaHoraHusoGenRegistro=2026-07-01T10:05:09+02:00")
    assert record.hash == hashlib.sha256(expected.encode("utf-8")).hexdigest().upper()
    assert record.generated_at_text == "2026-07-01T10:05:09+02:00"
    assert record.generated_at == dt.datetime(2026, 7, 1, 8, 5, 9, tzinfo=dt.timezone.utc)
    assert (record.tipo_factura, record.cuota_total, record.importe_total) == ("F1", D("21.00"), D("121.00"))
    assert (record.issuer_name, record.recipient_name, record.recipient_tax_id) == (
        "Suministros Ebro SL", "Ferretería López SL", "B12345674")
    assert record.description == "Tornillería" and record.operation_date is None
    assert record.breakdown == [{"tax_percent": "21.00", "recargo_percent": "0.00", "exemption": None,
                                 "base": "100.00", "tax": "21.00", "recargo": "0.00"}]


def test_recargo_is_part_of_the_tax_and_irpf_is_not_subtracted_from_importe_total(shop):
    shop_party = customer(shop, "Droguería Martín SL", street="Calle Mayor 1", postal_code="50001",
                          city="Zaragoza", recargo_equivalencia=True, irpf_percent=D("15"))
    inv_id = _draft(shop, shop_party, price="200.00")
    with shop.session() as s:
        record = _post(s, inv_id, 1)
        inv = s.get(Invoice, inv_id)
        # 200 base, 42 IVA, 10.40 recargo, 30 IRPF withheld: the customer pays 222.40.
        assert (inv.tax_total, inv.recargo_total, inv.irpf_total, inv.total) == (
            D("42.00"), D("10.40"), D("30.00"), D("222.40"))
    assert (record.cuota_total, record.importe_total) == (D("52.40"), D("252.40"))
    assert verify_chain(shop).ok


def test_credit_notes_and_cancellations_take_their_types_and_chain_on(shop):
    party = customer(shop, street="Calle Alta 3", postal_code="28001", city="Madrid")
    original, other = _draft(shop, party), _draft(shop, party)
    with shop.session() as s:
        _post(s, original, 1)
        _post(s, other, 2)
    note = invoices.create_draft(shop, InvoiceData(
        issue_date=DAY, party_id=party, kind=InvoiceKind.CREDIT_NOTE, corrected_invoice_id=original,
        correction_reason=CorrectionReason.R1,
        lines=[InvoiceLineData(description="Devolución", quantity=D(-1), unit_price=D("100.00"),
                               tax_rate_id=tax_rate_id("IVA21"))])).id
    with shop.session() as s:
        credit = _post(s, note, 1)
    with shop.session() as s:
        cancel = _cancel(s, other, T0 + dt.timedelta(hours=1))
    assert (credit.tipo_factura, credit.cuota_total, credit.importe_total) == ("R1", D("-21.00"), D("-121.00"))
    assert (credit.tipo_rectificativa, credit.corrected_invoice_number, credit.corrected_issue_date) == (
        "I", "F2026-000001", DAY)
    assert credit.invoice_number == "R2026-000001" and credit.sequence == 3
    assert cancel.kind == ChainRecordKind.CANCELLATION and cancel.sequence == 4
    assert (cancel.invoice_number, cancel.tipo_factura, cancel.importe_total) == ("F2026-000002", None, None)
    assert cancel.previous_hash == credit.hash and cancel.reason == "Duplicada"
    assert verify_chain(shop).records == 4 and verify_chain(shop).ok


def test_the_generation_time_never_goes_back_along_the_chain(shop):
    a, b = _draft(shop), _draft(shop)
    with shop.session() as s:
        first = _post(s, a, 1, T0)
        # This workstation's clock is five minutes behind the one that wrote the first record.
        second = _post(s, b, 2, T0 - dt.timedelta(minutes=5))
    assert second.generated_at == first.generated_at and second.generated_at_text == "2026-03-02T10:00:00+01:00"
    assert verify_chain(shop).ok


def test_without_now_the_record_takes_the_clock(shop):
    inv_id = _draft(shop)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with shop.session() as s:
        inv = s.get(Invoice, inv_id)
        inv.status, inv.fiscal_year, inv.number, inv.full_number = InvoiceStatus.POSTED, 2026, 1, "F2026-000001"
        s.flush()
        record = append_registration(s, inv)
    assert before <= record.generated_at <= dt.datetime.now(dt.timezone.utc)
    assert record.generated_at_text.endswith(("+01:00", "+02:00"))


# -- refusals -----------------------------------------------------------------------

def test_a_draft_a_second_registration_and_unregistered_cancellations_are_refused(shop):
    draft_id, posted_id = _draft(shop), _draft(shop)
    with shop.session() as s:
        with pytest.raises(ValidationError) as err:
            append_registration(s, s.get(Invoice, draft_id))
        assert err.value.field == "status"
    with shop.session() as s:
        _post(s, posted_id, 1)
    with pytest.raises(ValidationError, match="already has"):
        with shop.session() as s:
            append_registration(s, s.get(Invoice, posted_id))
    with pytest.raises(ValidationError, match="Only a cancelled"):
        with shop.session() as s:
            append_cancellation(s, s.get(Invoice, posted_id))
    with shop.session() as s:
        _cancel(s, posted_id)
    with pytest.raises(ValidationError, match="already recorded"):
        with shop.session() as s:
            append_cancellation(s, s.get(Invoice, posted_id))
    assert count(shop, InvoiceRecord) == 2


def test_cancelling_an_invoice_that_was_never_registered_is_refused(shop):
    inv_id = _draft(shop)
    with pytest.raises(ValidationError, match="no VERI.FACTU record"):
        with shop.session() as s:
            inv = s.get(Invoice, inv_id)
            inv.status, inv.fiscal_year, inv.number, inv.full_number = InvoiceStatus.POSTED, 2026, 1, "F2026-000001"
            s.flush()
            inv.status = InvoiceStatus.CANCELLED
            s.flush()
            append_cancellation(s, inv)
    assert count(shop, InvoiceRecord) == 0


def test_no_company_nif_no_record_and_nothing_written(db):
    inv_id = _draft(db)
    with pytest.raises(ValidationError) as err:
        with db.session() as s:
            _post(s, inv_id, 1)
    assert err.value.field == "company"
    assert count(db, InvoiceRecord) == 0
    with db.session() as s:
        assert s.get(Invoice, inv_id).status == InvoiceStatus.DRAFT  # the posting rolled back with it


def test_a_refused_append_releases_the_chain_lock(db):
    inv_id = _draft(db)
    _company(db, tax_id="")
    with db.session() as s:  # posted in its own transaction: the append below is the first write
        inv = s.get(Invoice, inv_id)
        inv.status, inv.fiscal_year, inv.number, inv.full_number = InvoiceStatus.POSTED, 2026, 1, "F2026-000001"
    with pytest.raises(ValidationError):
        with db.session() as s:
            append_registration(s, s.get(Invoice, inv_id))
    assert count(db, InvoiceRecord) == 0
    # The refusal rolled back its lock (SQLite's BEGIN IMMEDIATE, PostgreSQL's row lock): others write at once.
    _tamper(db, "UPDATE company SET tax_id = 'B50000000'")
    with db.session() as s:
        assert append_registration(s, s.get(Invoice, inv_id)).sequence == 1


def test_a_credit_note_without_its_reason_gets_no_record(shop):
    inv_id = _draft(shop)
    with shop.session() as s:
        inv = s.get(Invoice, inv_id)
        inv.kind = InvoiceKind.CREDIT_NOTE
        inv.status, inv.fiscal_year, inv.number, inv.full_number = InvoiceStatus.POSTED, 2026, 1, "R2026-000001"
        s.flush()
        with pytest.raises(ValidationError) as err:
            append_registration(s, inv)
        assert err.value.field == "correction_reason"
        s.rollback()


# -- records are never modified -----------------------------------------------------

def test_changing_a_record_through_the_orm_is_refused_and_changes_nothing(shop):
    _three_posted(shop)
    with pytest.raises(ChainRecordImmutableError, match="cannot be changed"):
        with shop.session() as s:
            record = s.scalars(select(InvoiceRecord).where(InvoiceRecord.sequence == 2)).one()
            record.importe_total = D("1.00")
    with pytest.raises(ChainRecordImmutableError):
        with shop.session() as s:
            s.delete(s.scalars(select(InvoiceRecord).where(InvoiceRecord.sequence == 3)).one())
    with pytest.raises(ChainRecordImmutableError):
        with shop.session() as s:
            s.execute(update(InvoiceRecord).where(InvoiceRecord.sequence == 1).values(hash="0" * 64))
    with pytest.raises(ChainRecordImmutableError):
        with shop.session() as s:
            s.execute(delete(InvoiceRecord))
    assert [r.importe_total for r in _records(shop)] == [D("121.00")] * 3
    assert verify_chain(shop).ok


def test_touching_a_record_without_changing_it_is_not_a_change(shop):
    _three_posted(shop)
    with shop.session() as s:
        record = s.scalars(select(InvoiceRecord).where(InvoiceRecord.sequence == 1)).one()
        record.importe_total = record.importe_total  # same value: nothing to refuse
    assert verify_chain(shop).ok


# -- verification names the first broken record -------------------------------------

def _tamper(db, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql))


@pytest.mark.parametrize(("sql", "reason"), [
    ("UPDATE verifactu_record SET importe_total = importe_total + 1 WHERE sequence = 2", "do not give its hash"),
    ("UPDATE verifactu_record SET invoice_number = 'F2026-000009' WHERE sequence = 2", "do not give its hash"),
    ("UPDATE verifactu_record SET generated_at_text = '2026-03-02T10:02:01+01:00' WHERE sequence = 2",
     "do not give its hash"),
    ("UPDATE verifactu_record SET hash = '" + "A" * 64 + "' WHERE sequence = 2", "do not give its hash"),
    ("UPDATE verifactu_record SET previous_hash = '" + "B" * 64 + "' WHERE sequence = 2", "does not chain"),
])
def test_a_record_changed_by_hand_is_named(shop, sql, reason):
    _three_posted(shop)
    _tamper(shop, sql)
    report = verify_chain(shop)
    assert not report.ok and report.records == 1
    assert (report.broken.issuer_tax_id, report.broken.sequence) == (NIF, 2)
    assert report.broken.invoice_number in ("F2026-000002", "F2026-000009")  # as the record now reads
    assert reason in report.broken.reason


def test_a_renumbered_record_is_named_at_the_gap(shop):
    _three_posted(shop)
    _tamper(shop, "UPDATE verifactu_record SET sequence = 5 WHERE sequence = 3")
    report = verify_chain(shop)
    assert (report.records, report.broken.sequence, report.broken.invoice_number) == (2, 5, "F2026-000003")
    assert "sequence 5 where 3 was expected" in report.broken.reason


def test_a_posted_invoice_changed_by_hand_no_longer_matches_its_record(shop):
    _three_posted(shop)
    # Ten times its tax (21.00 -> 210.00) reads the same on both backends (SQLite stores cents).
    _tamper(shop, "UPDATE invoice SET base_total = tax_total * 10 WHERE full_number = 'F2026-000003'")
    report = verify_chain(shop)
    assert (report.ok, report.broken.sequence, report.broken.invoice_number) == (False, 3, "F2026-000003")
    assert "now totals 231.00 (tax 21.00); the record says 121.00" in report.broken.reason


def test_deleting_the_newest_records_shows_as_invoices_without_their_record(shop):
    _three_posted(shop)
    _tamper(shop, "DELETE FROM verifactu_record WHERE sequence = 3")
    report = verify_chain(shop)
    assert (report.ok, report.records, report.broken.sequence) == (False, 2, None)
    assert report.broken.invoice_number == "F2026-000003" and "no VERI*FACTU registration" in report.broken.reason


def test_an_empty_database_has_an_empty_valid_chain(db):
    report = verify_chain(db)
    assert (report.ok, report.records, report.issuers) == (True, 0, 0)


def test_each_issuer_has_its_own_chain(shop):
    _three_posted(shop)
    # The company's NIF changed (a new legal entity took over the books): a new chain starts.
    _tamper(shop, f"UPDATE company SET tax_id = 'A58818501' WHERE tax_id = '{NIF}'")
    inv_id = _draft(shop)
    with shop.session() as s:
        record = _post(s, inv_id, 4, T0 + dt.timedelta(hours=2))
    assert (record.issuer_tax_id, record.sequence, record.previous_hash) == ("A58818501", 1, "")
    report = verify_chain(shop)
    assert (report.ok, report.records, report.issuers) == (True, 4, 2)


# -- concurrent writers --------------------------------------------------------------

@pytest.mark.parametrize("first_write", ["chain", "invoice"])
def test_concurrent_appends_never_fork_the_chain(shop, first_write):
    """4 threads, each with its own session, append at once; the chain must come out whole.

    ``chain``: the record is the transaction's first write (SQLite takes BEGIN
    IMMEDIATE). ``invoice``: the invoice is written first, as posting does.
    """
    threads, per_thread = 4, 6
    party = customer(shop, street="Calle Alta 3", postal_code="28001", city="Madrid")
    drafts = [[_draft(shop, party) for _ in range(per_thread)] for _ in range(threads)]
    if first_write == "chain":  # number them beforehand so the record is the only write
        with shop.session() as s:
            for t, ids in enumerate(drafts):
                for i, inv_id in enumerate(ids):
                    inv = s.get(Invoice, inv_id)
                    n = t * 100 + i + 1
                    inv.status, inv.fiscal_year, inv.number, inv.full_number = (
                        InvoiceStatus.POSTED, 2026, n, f"F2026-{n:06d}")
    start, errors = threading.Barrier(threads), []

    def work(t: int) -> None:
        try:
            start.wait()
            for i, inv_id in enumerate(drafts[t]):
                with shop.session() as s:
                    if first_write == "chain":
                        append_registration(s, s.get(Invoice, inv_id))
                    else:
                        _post(s, inv_id, t * 100 + i + 1, dt.datetime.now(dt.timezone.utc))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert errors == []
    records = _records(shop)
    total = threads * per_thread
    assert [r.sequence for r in records] == list(range(1, total + 1))
    assert [r.previous_hash for r in records] == [""] + [r.hash for r in records[:-1]]  # no fork
    assert len({r.invoice_id for r in records}) == total
    report = verify_chain(shop)
    assert (report.ok, report.records) == (True, total)
