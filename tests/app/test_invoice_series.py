"""Scenarios of setting up invoice series."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.company import Company
from app.domain.enums import InvoiceKind
from app.domain.invoices import InvoiceSeries
from app.errors import ConflictError, ValidationError
from app.services import invoices, series
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.posting import post_invoice
from app.services.series import SeriesData
from app.services.setup import series_id, tax_rate_id
from tests.app.invoicing import DAY, D, count, customer, post


def test_reference_series_are_listed(db):
    listed = series.list_series(db)
    assert {(s.code, s.kind, s.is_default) for s in listed} == {
        ("F", InvoiceKind.INVOICE, True), ("R", InvoiceKind.CREDIT_NOTE, True), ("S", InvoiceKind.SIMPLIFIED, True)}


def test_a_new_default_series_takes_over_new_invoices(db):
    shop = series.create_series(db, SeriesData(code="T2", name="Tienda 2", prefix="T2-", is_default=True))
    assert shop.next_number == 1 and shop.yearly_reset and shop.is_default
    assert not series.get_series(db, series_id("F")).is_default  # one default per kind
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=customer(db), lines=[
        InvoiceLineData(description="x", unit_price=D("1"), tax_rate_id=tax_rate_id("IVA21"))]))
    assert draft.series_code == "T2"


@pytest.mark.parametrize("data, field", [
    (SeriesData(code="", name="Sin código"), "code"),
    (SeriesData(code="F", name="Repetida"), "code"),
    (SeriesData(code="ABCDEFGHIJK", name="Larga"), "code"),
    (SeriesData(code="A B", name="Espacio"), "code"),
    (SeriesData(code="A", name=""), "name"),
    (SeriesData(code="A", name="A", kind="proforma"), "kind"),
    (SeriesData(code="A", name="A", prefix="F 2026"), "prefix"),
    (SeriesData(code="A", name="A", next_number=0), "next_number"),
    (SeriesData(code="A", name="A", next_number=-3), "next_number"),
    (SeriesData(code="A", name="A", next_number=1.5), "next_number"),
    (SeriesData(code="A", name="A", next_number=10**9), "next_number"),
])
def test_bad_series_names_the_field_and_writes_nothing(db, data, field):
    with pytest.raises(ValidationError) as err:
        series.create_series(db, data)
    assert err.value.field == field
    assert count(db, InvoiceSeries) == 3


def test_numbers_already_used_are_protected(db):
    draft = invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=customer(db), lines=[
        InvoiceLineData(description="x", unit_price=D("1"), tax_rate_id=tax_rate_id("IVA21"))]))
    post(db, draft.id, 41)
    f = series.get_series(db, series_id("F"))
    base = SeriesData(code="F", name=f.name, kind=f.kind, prefix=f.prefix, is_default=True)
    with pytest.raises(ValidationError) as err:
        series.update_series(db, f.id, SeriesData(**{**base.__dict__, "next_number": 41}), f.version)
    assert err.value.field == "next_number"
    with pytest.raises(ValidationError) as err:
        series.update_series(db, f.id, SeriesData(**{**base.__dict__, "next_number": 42, "kind": "simplified"}), f.version)
    assert err.value.field == "kind"
    saved = series.update_series(db, f.id, SeriesData(**{**base.__dict__, "next_number": 42, "prefix": "FV"}), f.version)
    assert (saved.next_number, saved.prefix, saved.version) == (42, "FV", f.version + 1)
    with pytest.raises(ConflictError):
        series.update_series(db, f.id, SeriesData(**{**base.__dict__, "next_number": 50}), f.version)


def test_the_default_is_moved_not_dropped(db):
    f = series.get_series(db, series_id("F"))
    with pytest.raises(ValidationError) as err:
        series.update_series(db, f.id, SeriesData(code="F", name=f.name, is_default=False), f.version)
    assert err.value.field == "is_default"
    with pytest.raises(ValidationError) as err:
        series.archive_series(db, f.id)
    assert err.value.field == "is_default"
    old = series.create_series(db, SeriesData(code="F25", name="Facturas 2025"))
    archived = series.archive_series(db, old.id)
    assert archived.archived_at is not None
    assert "F25" not in {s.code for s in series.list_series(db)}
    assert "F25" in {s.code for s in series.list_series(db, include_archived=True)}
    with pytest.raises(ValidationError) as err:
        invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=customer(db), series_id=old.id, lines=[
            InvoiceLineData(description="x", unit_price=D("1"), tax_rate_id=tax_rate_id("IVA21"))]))
    assert err.value.field == "series_id"
    assert series.restore_series(db, old.id).archived_at is None


def test_renaming_a_code_onto_another_is_refused(db):
    s = series.get_series(db, series_id("S"))
    with pytest.raises(ValidationError) as err:
        series.update_series(db, s.id, SeriesData(code="F", name=s.name, kind=s.kind, is_default=True), s.version)
    assert err.value.field == "code"


def test_a_next_number_set_on_an_unused_series_is_the_first_number_posted(db):
    # Regression: the series had no year yet, so the first posting started the year at 1.
    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))
    f = series.get_series(db, series_id("F"))
    assert f.year is None and f.yearly_reset
    saved = series.update_series(db, f.id, SeriesData(code="F", name=f.name, kind=f.kind, prefix=f.prefix,
                                                      next_number=120, is_default=True), f.version)
    assert saved.year == dt.date.today().year
    today = dt.date.today()
    draft = invoices.create_draft(db, InvoiceData(issue_date=today, party_id=customer(
        db, street="Calle Alta 3", postal_code="28001", city="Madrid"), lines=[
        InvoiceLineData(description="x", unit_price=D("10"), tax_rate_id=tax_rate_id("IVA21"))]))
    posted = post_invoice(db, draft.id)
    assert (posted.number, posted.full_number) == (120, f"F{today.year}-000120")
    assert series.get_series(db, f.id).next_number == 121


def test_a_new_yearly_series_starting_above_1_keeps_its_number_this_year(db):
    shop = series.create_series(db, SeriesData(code="T2", name="Tienda 2", next_number=57), today=DAY)
    assert (shop.year, shop.next_number) == (DAY.year, 57)
    fresh = series.create_series(db, SeriesData(code="T3", name="Tienda 3"), today=DAY)
    assert fresh.year is None  # starting at 1, the first posting's year is as good as any
