"""Scenarios of a clerk billing recurring contracts: every period once, none forgotten."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from app.domain.company import Company
from app.domain.contracts import Contract, ContractBilling, ContractLine
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus, InvoiceStatus
from app.domain.invoices import Invoice
from app.errors import ValidationError
from app.services import contract_billing as billing
from app.services.contract_billing import Period, contract_periods
from app.services.invoices import get_invoice
from app.services.setup import tax_rate_id
from tests.app.invoicing import customer

D = Decimal
M, Q, Y, ONE = (BillingFrequency.MONTHLY, BillingFrequency.QUARTERLY, BillingFrequency.YEARLY,
                BillingFrequency.ONE_OFF)


def make_contract(db, party_id, *, start=dt.date(2026, 1, 1), end=None, frequency=M, day=1,
                  status=ContractStatus.ACTIVE, kind=ContractKind.CUSTOMER, lines=(("Mantenimiento mensual", "1", "100"),),
                  billed_until=None, terminated_on=None, reference="CT-1"):
    with db.session() as s:
        c = Contract(kind=kind, status=status, party_id=party_id, title="Mantenimiento", reference=reference,
                     start_date=start, end_date=end, billing_frequency=frequency, billing_day=day,
                     billed_until=billed_until, terminated_on=terminated_on)
        c.lines = [ContractLine(position=i, description=desc, quantity=D(q), unit_price=D(p),
                                tax_rate_id=tax_rate_id("IVA21")) for i, (desc, q, p) in enumerate(lines)]
        s.add(c)
        s.flush()
        return c.id


def count(db, model, *where) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def periods(frequency, day, start, last=None, after=None, until=dt.date(2026, 12, 31)):
    return [(p.start, p.end, p.invoice_date) for p in contract_periods(frequency, day, start, last, after, until)]


# -- periods (pure) -----------------------------------------------------------------------------------

def test_billing_day_31_bills_on_the_last_day_of_short_months():
    got = periods(M, 31, dt.date(2026, 1, 1), until=dt.date(2026, 5, 31))
    assert [inv for _s, _e, inv in got] == [dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 31),
                                            dt.date(2026, 4, 30), dt.date(2026, 5, 31)]
    assert got[1][:2] == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_leap_february_ends_on_the_29th():
    got = periods(M, 30, dt.date(2024, 2, 1), until=dt.date(2024, 2, 29))
    assert got == [(dt.date(2024, 2, 1), dt.date(2024, 2, 29), dt.date(2024, 2, 29))]
    year = list(contract_periods(Y, 1, dt.date(2024, 1, 1), None, None, dt.date(2024, 1, 1)))
    assert year[0].full_days == 366 and not year[0].partial


def test_quarters_and_years_count_from_the_start_month():
    assert periods(Q, 5, dt.date(2026, 2, 1), until=dt.date(2026, 12, 31)) == [
        (dt.date(2026, 2, 1), dt.date(2026, 4, 30), dt.date(2026, 2, 5)),
        (dt.date(2026, 5, 1), dt.date(2026, 7, 31), dt.date(2026, 5, 5)),
        (dt.date(2026, 8, 1), dt.date(2026, 10, 31), dt.date(2026, 8, 5)),
        (dt.date(2026, 11, 1), dt.date(2027, 1, 31), dt.date(2026, 11, 5)),
    ]
    assert periods(Y, 15, dt.date(2025, 7, 1), until=dt.date(2026, 12, 31)) == [
        (dt.date(2025, 7, 1), dt.date(2026, 6, 30), dt.date(2025, 7, 15)),
        (dt.date(2026, 7, 1), dt.date(2027, 6, 30), dt.date(2026, 7, 15)),
    ]


def test_first_and_last_periods_are_cut_and_prorated():
    got = list(contract_periods(M, 1, dt.date(2026, 3, 15), dt.date(2026, 5, 10), None, dt.date(2026, 12, 31)))
    assert [(p.start, p.end, p.invoice_date, p.days, p.full_days) for p in got] == [
        (dt.date(2026, 3, 15), dt.date(2026, 3, 31), dt.date(2026, 3, 15), 17, 31),  # never before the start
        (dt.date(2026, 4, 1), dt.date(2026, 4, 30), dt.date(2026, 4, 1), 30, 30),
        (dt.date(2026, 5, 1), dt.date(2026, 5, 10), dt.date(2026, 5, 1), 10, 31),
    ]
    assert billing.prorated(D(2), got[0]) == D("1.0968")
    assert billing.period_text("Cuota", got[0]) == "Cuota — 15/03/2026 a 31/03/2026 (17/31 días)"


def test_one_off_is_one_period_on_the_start_date():
    assert periods(ONE, None, dt.date(2026, 3, 10), dt.date(2026, 6, 30)) == [
        (dt.date(2026, 3, 10), dt.date(2026, 6, 30), dt.date(2026, 3, 10))]
    assert periods(ONE, None, dt.date(2026, 3, 10), None, after=dt.date(2026, 3, 10)) == []


def test_billed_until_is_where_the_next_period_starts():
    assert periods(M, 1, dt.date(2026, 1, 1), after=dt.date(2026, 3, 31), until=dt.date(2026, 5, 1)) == [
        (dt.date(2026, 4, 1), dt.date(2026, 4, 30), dt.date(2026, 4, 1)),
        (dt.date(2026, 5, 1), dt.date(2026, 5, 31), dt.date(2026, 5, 1))]
    assert Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30), dt.date(2026, 4, 1), 30, 30).partial is False


# -- billing runs (both backends) ------------------------------------------------------------------

def test_five_forgotten_months_are_five_invoices_naming_their_periods(db):
    party = customer(db)
    cid = make_contract(db, party, lines=(("Mantenimiento mensual", "1", "100"), ("Soporte", "2", "12.50")))
    due = billing.due_periods(db, dt.date(2026, 5, 20))
    assert [d.period.start for d in due] == [dt.date(2026, m, 1) for m in range(1, 6)]
    assert due[0].base == D("125.00") and due[0].customer == "Ferretería López SL"
    result = billing.generate_invoices(db, dt.date(2026, 5, 20), post=False)
    assert result.ok and len(result.billed) == 5 and result.already_billed == 0
    inv = get_invoice(db, result.billed[2].invoice_id)
    assert inv.status == InvoiceStatus.DRAFT and inv.issue_date == dt.date(2026, 3, 1) and not inv.moves_stock
    assert [ln.description for ln in inv.lines] == ["Mantenimiento mensual — 01/03/2026 a 31/03/2026",
                                                    "Soporte — 01/03/2026 a 31/03/2026"]
    assert inv.base_total == D("125.00") and inv.total == D("151.25")
    with db.session() as s:
        assert s.get(Contract, cid).billed_until == dt.date(2026, 5, 31)
        assert s.get(Contract, cid).version == 1  # billing does not make an open form stale


def test_a_second_run_bills_nothing(db):
    party = customer(db)
    make_contract(db, party, frequency=Q, day=31)
    first = billing.generate_invoices(db, dt.date(2026, 12, 31), post=False)
    assert len(first.billed) == 4
    assert billing.due_periods(db, dt.date(2026, 12, 31)) == []
    second = billing.generate_invoices(db, dt.date(2026, 12, 31), post=False)
    assert second.billed == [] and second.ok
    assert count(db, Invoice) == 4 == count(db, ContractBilling)
    # Even when billed_until is wiped, the billing rows still stop a second bill.
    with db.session() as s:
        s.execute(update(Contract).values(billed_until=None))
    assert billing.due_periods(db, dt.date(2026, 12, 31)) == []


def test_the_loser_of_a_race_counts_the_period_as_already_billed(db):
    party = customer(db)
    make_contract(db, party)
    due = billing.due_periods(db, dt.date(2026, 2, 1))
    billing.generate_invoices(db, dt.date(2026, 2, 1), post=False)
    # A run that computed its list before the other committed finds the period taken.
    assert billing._bill_one(db, due[0], False, dt.date(2026, 2, 1)) is None
    with db.session() as s:  # and below that check, the unique key itself refuses a second row
        s.execute(update(Contract).values(billed_until=None))
    with pytest.raises(IntegrityError), db.session() as s:
        row = s.execute(select(ContractBilling)).scalars().first()
        s.add(ContractBilling(contract_id=row.contract_id, period_start=row.period_start,
                              period_end=row.period_end, invoice_id=row.invoice_id))
    assert count(db, Invoice) == 2 == count(db, ContractBilling)


def test_end_date_and_termination_cut_the_last_period(db):
    party = customer(db)
    make_contract(db, party, end=dt.date(2026, 2, 14), reference="END")
    make_contract(db, party, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), reference="TERM",
                  status=ContractStatus.TERMINATED, terminated_on=dt.date(2026, 1, 10))
    result = billing.generate_invoices(db, dt.date(2026, 12, 31), post=False)
    got = sorted((b.due.reference, b.due.period.start, b.due.period.end, b.total) for b in result.billed)
    assert got == [("END", dt.date(2026, 1, 1), dt.date(2026, 1, 31), D("121.00")),
                   ("END", dt.date(2026, 2, 1), dt.date(2026, 2, 14), D("60.50")),  # 14/28 of 100 + IVA
                   ("TERM", dt.date(2026, 1, 1), dt.date(2026, 1, 10), D("39.03"))]  # 0.3226 x 100 = 32.26 + 6.77 IVA


def test_only_live_customer_contracts_are_billed(db):
    party = customer(db)
    make_contract(db, party, kind=ContractKind.SUPPLIER, reference="SUP")
    make_contract(db, party, status=ContractStatus.DRAFT, reference="DRAFT")
    make_contract(db, party, frequency=None, reference="NOFREQ")
    live = make_contract(db, party, reference="LIVE")
    assert {d.contract_id for d in billing.due_periods(db, dt.date(2026, 3, 1))} == {live}


def test_one_failing_contract_does_not_stop_the_others(db):
    party = customer(db)
    good = make_contract(db, party, reference="GOOD")
    make_contract(db, party, reference="EMPTY", lines=())
    result = billing.generate_invoices(db, dt.date(2026, 2, 1), post=False)
    assert {b.due.contract_id for b in result.billed} == {good}
    assert [(f.reference, f.field) for f in result.failed] == [("EMPTY", "lines")] * 2
    assert count(db, ContractBilling) == 2  # nothing written for the failing one


def _company(db):
    with db.session() as s:
        s.add(Company(legal_name="Servicios Ebro SL", tax_id="B50000000", street="C/ Mayor 1", postal_code="50001",
                      city="Zaragoza", contract_invoices_posted=True))


def test_posted_mode_numbers_them_and_a_refused_posting_keeps_the_draft_for_the_next_run(db):
    _company(db)
    good = customer(db, street="C/ Sol 2", postal_code="50002", city="Zaragoza")
    no_nif = customer(db, "Bar Pepe", tax_id=None, code="C2", street="C/ Luna 3", postal_code="50003", city="Zaragoza")
    make_contract(db, good, reference="GOOD")
    bad = make_contract(db, no_nif, reference="NONIF")
    result = billing.generate_invoices(db, dt.date(2026, 2, 1))  # default: the company setting (posted)
    assert sorted(b.posted for b in result.billed) == [False, False, True, True]
    assert {(f.reference, f.field, f.draft_kept) for f in result.failed} == {("NONIF", "party_id", True)}
    assert count(db, Invoice, Invoice.status == InvoiceStatus.POSTED) == 2
    # The clerk fills in the NIF; the next run posts the drafts and bills nothing twice.
    from app.domain.parties import Party
    with db.session() as s:
        s.get(Party, no_nif).tax_id = "B12345674"
    again = billing.generate_invoices(db, dt.date(2026, 2, 1))
    assert again.ok and again.drafts_posted == 2 and again.billed == []
    assert count(db, Invoice, Invoice.status == InvoiceStatus.POSTED) == 4 == count(db, ContractBilling)
    assert bad  # billed by its two invoices, now posted


def test_cancel_stops_between_periods_and_keeps_what_was_billed(db):
    party = customer(db)
    make_contract(db, party)
    seen = []
    result = billing.generate_invoices(db, dt.date(2026, 6, 1), post=False,
                                       progress=lambda done, total: seen.append((done, total)),
                                       cancelled=lambda: len(seen) >= 2)
    assert result.cancelled and len(result.billed) == 2 and seen == [(1, 6), (2, 6)]
    assert len(billing.due_periods(db, dt.date(2026, 6, 1))) == 4


def test_until_must_be_a_date(db):
    with pytest.raises(Exception) as err:
        billing.due_periods(db, "mañana")
    assert getattr(err.value, "field", None) == "until"


def test_contract_settings_are_saved_checked_and_drive_the_run(db):
    from app.services.company import CompanyData, find_company, save_company

    base = dict(legal_name="Servicios Ebro SL", tax_id="B58378431", street="C/ Mayor 1", postal_code="50001",
                city="Zaragoza")
    saved = save_company(db, CompanyData(**base))
    assert (saved.contract_alert_days, saved.contract_invoices_posted, saved.attachment_limit_mb) == (30, False, 20)
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(**base, contract_alert_days=366, attachment_limit_mb=0), saved.version)
    assert err.value.fields == {"contract_alert_days", "attachment_limit_mb"}
    with pytest.raises(ValidationError) as err:
        save_company(db, CompanyData(**base, attachment_limit_mb="2.5"), saved.version)
    assert err.value.fields == {"attachment_limit_mb"}
    assert find_company(db).version == saved.version  # nothing written
    saved = save_company(db, CompanyData(**base, contract_alert_days=60, contract_invoices_posted=True,
                                         attachment_limit_mb=Decimal(5)), saved.version)
    assert (saved.contract_alert_days, saved.contract_invoices_posted, saved.attachment_limit_mb) == (60, True, 5)
    assert billing.invoices_posted_by_default(db) is True
