"""Numbers, money and dates in texts app/ builds follow the clerk's language: 1.234,56 € or 1,234.56 €."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app import i18n
from app.domain.enums import InvoiceKind
from app.errors import ValidationError
from app.locale_format import format_date, format_decimal, format_money, format_number, money_in, number_in
from app.reports.dashboard import dashboard
from app.services import invoices
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.posting import post_invoice
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import customer

D = Decimal


@pytest.fixture
def speak():
    """``speak("es")``: the clerk's language for the rest of the test, as the window sets it."""
    before = i18n.language()
    yield i18n.set_language
    i18n.set_language(before)


@pytest.mark.parametrize(("value", "places", "es", "en"), [
    (D("1234.56"), 2, "1.234,56", "1,234.56"),  # four digits are grouped in Spanish too
    (D("-1234.56"), 2, "-1.234,56", "-1,234.56"),
    (D("1234567.891"), 2, "1.234.567,89", "1,234,567.89"),
    (D("-9876543210.5"), 2, "-9.876.543.210,50", "-9,876,543,210.50"),
    (0, 2, "0,00", "0.00"),
    (D("-0.004"), 2, "0,00", "0.00"),  # rounds to zero: no minus sign
    (D("0.125"), 2, "0,13", "0.13"),  # half-up, not the banker's 0.12
    (D("2.675"), 2, "2,68", "2.68"),
    (D("-0.125"), 2, "-0,13", "-0.13"),  # half away from zero, as app.money rounds credit notes
    (D("999.995"), 2, "1.000,00", "1,000.00"),
    (D("999"), 2, "999,00", "999.00"),
    (D("1234.5"), 0, "1.235", "1,235"),
    (D("12.25"), 1, "12,3", "12.3"),
    (1.05, 1, "1,1", "1.1"),  # a float by its shortest repr: 1.05, not 1.0499999...
    (1234567, 0, "1.234.567", "1,234,567"),
])
def test_numbers_in_each_language(speak, value, places, es, en):
    speak("es")
    assert format_number(value, places) == es
    speak("en")
    assert format_number(value, places) == en


def test_money_decimals_dates_and_signs_in_each_language(speak):
    speak("es")
    assert format_money(D("1234.565")) == "1.234,57 €"
    assert format_money(D("-0.001")) == "0,00 €" and format_money(D("-15")) == "-15,00 €"
    assert format_money(D("1000000"), "USD") == "1.000.000,00 USD"
    assert format_decimal(D("2.5000")) == "2,5" and format_decimal(D("21.0000")) == "21"
    assert format_decimal(D("1234.12345")) == "1.234,1235"
    assert format_number(D("3.45"), 1, sign=True) == "+3,5" and format_number(D("-3.45"), 1, sign=True) == "-3,5"
    assert format_date(dt.date(2026, 12, 7)) == "07/12/2026"
    speak("en")
    assert format_money(D("1234.565")) == "1,234.57 €"
    assert format_money(D("1000000"), "USD") == "1,000,000.00 USD"
    assert format_decimal(D("2.5000")) == "2.5" and format_decimal(D("0")) == "0"
    assert format_number(0, 1, sign=True) == "+0.0"
    assert format_date(dt.date(2026, 12, 7)) == "07/12/2026"  # dd/mm/yyyy in both: what the clerk types
    # A document asks for its own language whatever the clerk's is.
    assert money_in(D("1234.5"), "EUR", "es") == "1.234,50 €" and number_in(D("1234.5"), 2, "es") == "1.234,50"


def _refusal(db, draft_id) -> str:
    with pytest.raises(ValidationError) as err:
        post_invoice(db, draft_id)
    return err.value.message_for("total")


def test_an_error_message_carries_its_amounts_in_the_clerks_language(sqlite_db, speak):
    pdf.make_company(sqlite_db)
    draft = invoices.create_draft(sqlite_db, InvoiceData(
        issue_date=dt.date(2026, 3, 2), kind=InvoiceKind.SIMPLIFIED,
        lines=[InvoiceLineData(description="Sofa", quantity=D(1), unit_price=D("1020.30"),
                               tax_rate_id=tax_rate_id("IVA21"))]))  # 1,234.56 with tax: over the 400 limit
    speak("en")
    english = _refusal(sqlite_db, draft.id)
    assert "400.00 EUR" in english and "1,234.56" in english
    speak("es")
    spanish = _refusal(sqlite_db, draft.id)
    assert "400,00 EUR" in spanish and "1.234,56" in spanish and "1,234.56" not in spanish


def _post_on(db, party, day: dt.date, price: str) -> None:
    draft = invoices.create_draft(db, InvoiceData(issue_date=day, party_id=party, lines=[
        InvoiceLineData(description="Consulting", quantity=D(1), unit_price=D(price), tax_rate_id=tax_rate_id("IVA21"))]))
    post_invoice(db, draft.id)


def test_the_dashboards_change_line_reads_in_the_clerks_language(sqlite_db, speak):
    pdf.make_company(sqlite_db)
    party = customer(sqlite_db, street="Calle Mayor 1", postal_code="28001", city="Madrid")
    _post_on(sqlite_db, party, dt.date(2025, 3, 2), "1000.00")
    _post_on(sqlite_db, party, dt.date(2026, 3, 2), "1123.40")  # +12.34 % on the same days of 2025
    speak("en")
    assert dashboard(sqlite_db, dt.date(2026, 3, 20)).kpi("revenue_month").detail.startswith("+12.3 %")
    speak("es")
    detail = dashboard(sqlite_db, dt.date(2026, 3, 20)).kpi("revenue_month").detail
    assert detail.startswith("+12,3 %") and "2025" in detail
