"""Scenarios of an admin filling a fresh database with demo data (`python main.py demo`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import uuid
from collections import defaultdict
from decimal import Decimal

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import selectinload

from app.compliance import identifiers as check
from app.db.engine import make_engine
from app.db.session import Database
from app.demo import bulk, generate_demo
from app.domain import (
    Base, Company, Contract, Employee, EmployeeDocument, Holiday, Invoice, InvoiceSeries, LeaveRequest, Party, Payment,
    Product, StockMove, Warehouse,
)
from app.domain.enums import LeaveStatus
from app.errors import ValidationError
from app.services.setup import ensure_reference_data
from app.services.totals import LineInput, compute_totals

TODAY = dt.date(2026, 1, 20)  # three weeks into a fiscal year: numbering restarts, drafts are recent
SIZES = dict(customers=40, products=60, invoices=1500, contracts=30, employees=15)


def _demo(db: Database, **extra):
    return generate_demo(db, seed=7, today=TODAY, **{**SIZES, **extra})


@pytest.fixture
def demo(db):
    return db, _demo(db)


def _count(s, model) -> int:
    return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_counts_match_the_sizes_asked_for(demo):
    db, stats = demo
    with db.session() as s:
        for table, n in stats.counts.items():
            model = next(m.class_ for m in Base.registry.mappers if m.local_table.name == table)
            assert _count(s, model) == n + (1 if table == "warehouse" else 0), table  # + the seeded MAIN
        assert _count(s, Company) == 1
        assert _count(s, Party) == SIZES["customers"] + SIZES["customers"] // 10
        assert _count(s, Party.__table__.select().where(Party.is_customer).subquery()) == SIZES["customers"]
        assert _count(s, Product) == SIZES["products"]
        assert _count(s, Employee) == SIZES["employees"]
        assert _count(s, Contract) == SIZES["contracts"]
        assert _count(s, Invoice) == SIZES["invoices"]
        assert _count(s, Warehouse) == 3
    lines = stats.counts["invoice_line"]
    assert 2.5 * SIZES["invoices"] < lines < 3.3 * SIZES["invoices"]
    assert stats.counts["payment"] > SIZES["invoices"] // 2
    assert stats.elapsed > 0 and stats.database_bytes and stats.database_bytes > 0


def test_every_identifier_is_valid(demo):
    db, _ = demo
    with db.session() as s:
        company = s.scalars(select(Company)).one()
        assert check.clean_spanish_tax_id(company.tax_id) == company.tax_id
        assert check.clean_iban(company.iban) == company.iban
        parties = s.scalars(select(Party)).all()
        for p in parties:
            assert check.clean_tax_id(p.tax_id, p.country) == p.tax_id, p.tax_id
            if p.iban:
                assert check.clean_iban(p.iban) == p.iban
        assert len({p.tax_id for p in parties}) == len(parties)
        assert any(p.country != "ES" for p in parties)  # EU VAT numbers were checked too
        for e in s.scalars(select(Employee)):
            assert check.clean_person_tax_id(e.tax_id) == e.tax_id
            assert check.clean_social_security_number(e.social_security_number) == e.social_security_number
            assert check.clean_iban(e.iban) == e.iban
        products = s.scalars(select(Product)).all()
        eans = [p.ean for p in products if p.ean]
        assert eans and len(set(eans)) == len(eans)
        for ean in eans:
            assert check.clean_ean13(ean) == ean
        assert len({p.sku for p in products}) == len(products)
        assert all(p.cost < p.sale_price for p in products)


def test_posted_numbers_are_correlative_per_series_and_year_in_date_order(demo):
    db, _ = demo
    with db.session() as s:
        series = {x.id: x for x in s.scalars(select(InvoiceSeries))}
        rows = s.execute(select(Invoice.series_id, Invoice.fiscal_year, Invoice.number, Invoice.full_number,
                                Invoice.issue_date, Invoice.status)).all()
    numbered: dict[tuple, list] = defaultdict(list)
    for sid, year, number, full, issued, status in rows:
        if status == "draft":
            assert number is None and year is None and full is None
            continue
        assert year == issued.year
        assert full == f"{series[sid].prefix}{year}-{number:06d}"
        numbered[(sid, year)].append((number, issued))
    assert {series[sid].code for sid, _ in numbered} == {"F", "R", "S"}
    assert len({year for _, year in numbered}) >= 3
    for key, entries in numbered.items():
        entries.sort()
        assert [n for n, _ in entries] == list(range(1, len(entries) + 1)), key
        dates = [d for _, d in entries]
        assert dates == sorted(dates), key
    for sid, x in series.items():  # posting later continues the sequence
        assert x.year == TODAY.year
        assert x.next_number == len(numbered.get((sid, TODAY.year), [])) + 1


def test_stored_totals_equal_compute_totals(demo):
    db, _ = demo
    with db.session() as s:
        invoices = s.scalars(select(Invoice).options(selectinload(Invoice.lines), selectinload(Invoice.payments))).all()
        for inv in invoices:
            totals = compute_totals(
                [LineInput(line.quantity, line.unit_price, line.discount_percent, line.tax_percent,
                           line.recargo_percent) for line in inv.lines],
                recargo_equivalencia=inv.recargo_equivalencia, irpf_percent=inv.irpf_percent,
            )
            assert [line.amount for line in inv.lines] == list(totals.line_amounts), inv.full_number
            assert (inv.base_total, inv.tax_total, inv.recargo_total, inv.irpf_total, inv.total) == (
                totals.base, totals.tax, totals.recargo, totals.irpf, totals.total), inv.full_number
            assert inv.paid_total == sum((p.amount for p in inv.payments), Decimal("0.00"))
            assert inv.paid_total <= max(inv.total, Decimal(0))
            assert [line.position for line in inv.lines] == list(range(len(inv.lines)))
    assert any(i.recargo_total > 0 for i in invoices) and any(i.irpf_total > 0 for i in invoices)
    assert any(line.discount_percent > 0 for i in invoices for line in i.lines)


def test_a_realistic_mix_of_statuses_and_corrections(demo):
    db, _ = demo
    with db.session() as s:
        invoices = {i.id: i for i in s.scalars(select(Invoice).options(selectinload(Invoice.lines)))}
        by_status = defaultdict(int)
        for inv in invoices.values():
            by_status[(inv.kind, inv.status)] += 1
            if inv.status == "draft":
                assert (TODAY - inv.issue_date).days < 30
            if inv.kind == "credit_note":
                original = invoices[inv.corrected_invoice_id]
                assert original.kind == "invoice" and original.status == "posted"
                assert original.party_id == inv.party_id and original.issue_date <= inv.issue_date
                assert inv.correction_reason in ("R1", "R2", "R3", "R4")
                assert all(line.quantity < 0 for line in inv.lines) and inv.total < 0
                assert original.full_number in inv.notes
            elif inv.kind == "invoice":
                assert inv.party_name == (inv.party_name.strip()) != "" and inv.party_address
            assert min(i.issue_date for i in invoices.values()) >= dt.date(2023, 1, 21)
        assert max(i.issue_date for i in invoices.values()) <= TODAY
        assert by_status[("invoice", "posted")] > 0.7 * len(invoices)
        for key in (("invoice", "draft"), ("invoice", "cancelled"), ("credit_note", "posted"), ("simplified", "posted")):
            assert by_status[key] > 0, key
        parties = s.scalars(select(Party)).all()
        assert sum(p.recargo_equivalencia for p in parties) >= 1
        assert sum(p.irpf_percent == 15 for p in parties) >= 1
        assert sum(p.is_supplier for p in parties) >= SIZES["customers"] // 10
        contracts = s.scalars(select(Contract)).all()
        assert {c.kind for c in contracts} == {"customer", "supplier", "employment"}
        assert any(c.end_date and 0 < (c.end_date - TODAY).days <= 30 for c in contracts)
        employees = s.scalars(select(Employee)).all()
        assert sum(e.manager_id is None for e in employees) == 1  # only the director has no manager
        assert _count(s, LeaveRequest) > 0
        moves = s.scalars(select(StockMove)).all()
        assert {m.kind for m in moves} >= {"receipt", "transfer", "delivery"}
        assert all(m.quantity > 0 for m in moves)
        assert any(m.invoice_id in invoices for m in moves if m.kind == "delivery")


def test_payments_add_up_and_credit_notes_settle_what_was_owed_as_posting_does(demo):
    db, _ = demo
    with db.session() as s:
        invoices = {i.id: i for i in s.scalars(select(Invoice))}
        paid = defaultdict(Decimal)
        credits = defaultdict(list)
        for p in s.scalars(select(Payment)):
            paid[p.invoice_id] += p.amount
            if p.method == "credit_note":
                credits[p.invoice_id].append(p)
    for inv in invoices.values():
        assert inv.paid_total == paid[inv.id] and inv.paid_total <= max(inv.total, 0), inv.full_number
    notes = {i.full_number: i for i in invoices.values() if i.kind == "credit_note"}
    for invoice_id, settled in credits.items():
        for p in settled:
            note = notes[p.reference]
            assert note.corrected_invoice_id == invoice_id and p.date == note.issue_date
            assert 0 < p.amount <= -note.total
    assert credits, "some credit note in the demo corrects an invoice still owed"


def test_the_orm_reads_back_every_model(demo):
    db, _ = demo
    with db.session() as s:
        # A shared server's sync bookkeeping: the feed fills on PostgreSQL only, and nothing was pushed.
        # Workstations are registered by offline copies of a server, never by the demo.
        empty = {"SyncApplied", "Workstation"} | ({"SyncChange"} if db.dialect == "sqlite" else set())
        for mapper in Base.registry.mappers:
            rows = s.scalars(select(mapper.class_)).all()
            if mapper.class_.__name__ in empty:
                assert not rows, mapper.class_.__name__
                continue
            assert rows, mapper.class_.__name__
            record = "version" in mapper.columns  # derived rows (stock levels) carry no audit columns
            for obj in rows[:50]:
                if record:
                    assert isinstance(obj.id, uuid.UUID) and obj.version >= 1
                    assert obj.created_at.tzinfo is not None and obj.created_at.utcoffset() == dt.timedelta(0)
                for column in mapper.columns:
                    value = getattr(obj, column.key)
                    if value is None:
                        continue
                    py = column.type.python_type if not hasattr(column.type, "enums") else str
                    assert isinstance(value, py), (mapper.class_.__name__, column.key, value)
        inv = s.scalars(select(Invoice).where(Invoice.status == "posted").limit(1)).one()
        assert inv.series.code in ("F", "R", "S") and inv.posted_at.tzinfo is not None


def test_refuses_a_database_that_already_holds_data(demo):
    db, _ = demo
    with pytest.raises(ValidationError) as err:
        _demo(db)
    assert err.value.field == "db" and "--db" in str(err.value)


def test_progress_is_reported_up_to_the_total(db):
    seen = []
    generate_demo(db, customers=5, products=5, invoices=300, contracts=3, employees=3,
                  progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert ("invoices", 300, 300) in seen and ("party", 5 + 2, 5 + 2) in seen


def test_indexes_are_rebuilt_after_a_bulk_load(db, monkeypatch):
    monkeypatch.setattr(bulk, "REBUILD_INDEXES_FROM", 1)
    generate_demo(db, customers=5, products=5, invoices=200, contracts=2, employees=2)
    inspector = inspect(db.engine)
    for table in bulk.BULK_TABLES:
        expected = {ix.name for ix in Base.metadata.tables[table].indexes}
        assert expected <= {ix["name"] for ix in inspector.get_indexes(table)}, table


def _fresh(template, path) -> Database:
    shutil.copyfile(template, path)
    database = Database(make_engine(path))
    ensure_reference_data(database)
    return database


def _dump_hash(database: Database) -> str:
    digest = hashlib.sha256()
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_log":  # says when the rows were written: differs from run to run
                continue
            if table.name == "invoice_series":
                rows = conn.execute(text("SELECT code, year, next_number FROM invoice_series ORDER BY code"))
            elif "updated_by" not in table.c:  # derived rows (stock levels): all of them, by key
                rows = conn.execute(table.select().order_by(*table.primary_key.columns))
            else:
                rows = conn.execute(table.select().where(table.c.updated_by == "demo").order_by(table.c.id))
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_same_seed_same_data_and_other_seed_other_data(sqlite_template, tmp_path):
    hashes = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        database = _fresh(sqlite_template, tmp_path / f"{name}.sqlite3")
        generate_demo(database, seed=seed, customers=20, products=30, invoices=400, contracts=10, employees=8,
                      today=TODAY)
        hashes.append(_dump_hash(database))
        with database.engine.connect() as conn:  # loaded with foreign keys off: prove they hold
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        database.dispose()
    assert hashes[0] == hashes[1] != hashes[2]


def test_default_sizes_fit_a_small_shop_up_to_today(sqlite_db):
    stats = generate_demo(sqlite_db)
    assert stats.counts["invoice"] == 2000 and stats.counts["party"] == 220
    with sqlite_db.session() as s:
        last = s.execute(select(func.max(Invoice.issue_date))).scalar_one()
        assert (dt.date.today() - last).days < 7
        assert re.fullmatch(r"F\d{4}-\d{6}", s.scalars(select(Invoice.full_number).where(
            Invoice.full_number.like("F%")).limit(1)).one())
        assert _count(s, Payment) > 1000


def test_demo_leave_holds_its_working_days_and_never_overlaps_the_same_person(demo):
    db, _ = demo
    with db.session() as s:
        holidays = set(s.execute(select(Holiday.date)).scalars())
        leave = s.execute(select(LeaveRequest).order_by(LeaveRequest.employee_id, LeaveRequest.start_date)).scalars().all()
        blocked = s.execute(select(Employee).where(Employee.blocked_at.is_not(None))).scalars().all()
        leavers = s.execute(select(func.count()).select_from(Employee).where(Employee.end_date < TODAY)).scalar_one()
        expiring = s.execute(select(func.count()).select_from(EmployeeDocument)
                             .where(EmployeeDocument.expires_on.is_not(None))).scalar_one()
    assert dt.date(TODAY.year, 12, 25) in holidays and len(holidays) >= 10
    held: dict = {}
    for r in leave:
        weekdays = [r.start_date + dt.timedelta(days=n) for n in range((r.end_date - r.start_date).days + 1)]
        working = sum(1 for d in weekdays if d.weekday() < 5 and d not in holidays)
        assert r.days == (Decimal("0.5") if r.half_day else working) and r.days > 0
        if r.status in (LeaveStatus.REQUESTED, LeaveStatus.APPROVED):
            assert held.get(r.employee_id, dt.date.min) < r.start_date, "overlapping leave of one person"
            held[r.employee_id] = r.end_date
    assert len(blocked) == min(leavers, 1)  # one leaver asked for erasure, when there is one
    assert all(e.block_reason and e.end_date < TODAY for e in blocked)
    assert expiring > 0
