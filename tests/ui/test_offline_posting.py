"""Posting from the invoice editor on an offline copy: the series kept for this computer numbers at once,
any other draft is told it will be posted at the next sync (and is, by the sync). Real widgets, a real
PostgreSQL shared server."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from app.domain.enums import InvoiceStatus
from app.services import invoices, parties, series
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData
from app.services.setup import tax_rate_id
from app.sync.service import open_replica, sync
from tests.server.conftest import login, owner, shop  # noqa: F401 - the fixtures
from tests.sync.checks import run_tag
from tests.ui.test_invoices_tab import make_tab

pytestmark = pytest.mark.postgres


def _draft(db, customer_id, series_id=None):
    return invoices.create_draft(db, InvoiceData(
        issue_date=dt.date.today(), party_id=customer_id, series_id=series_id, moves_stock=False,
        lines=[InvoiceLineData(description="Revisión", quantity=1, unit_price=D("80"),
                               tax_rate_id=tax_rate_id("IVA21"))]))


def test_the_editor_numbers_in_the_kept_series_and_queues_the_rest(qtbot, login, owner, answers, tmp_path):  # noqa: F811
    clerk, run = login(), run_tag()
    customer = parties.create_party(clerk, PartyData(legal_name=f"Taller {run} SL", tax_id="B58378431",
                                                     street="Calle Mayor 1", postal_code="50001", city="Zaragoza"))
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    offline = open_replica(path)
    code = f"Q{run[:4]}".upper()
    try:
        series.create_series(owner, series.SeriesData(code=code, name="Portátil", prefix=f"{code}-"))
        series.reserve_series(owner, code, offline.workstation)
        sync(path, clerk)
        kept = _draft(offline, customer.id)  # takes the kept series by itself
        other = _draft(offline, customer.id, series_id=next(
            v.id for v in series.list_series(offline) if v.is_default and v.kind.value == "invoice"))
        tab = make_tab(qtbot, offline)

        tab.open_record(str(other.id))
        answers["answers"] = [True]
        assert tab.actions.post() is False
        assert answers["asked"][-1][0] == "Posted at the next sync" and "working offline" in answers["asked"][-1][1]
        assert invoices.get_invoice(offline, other.id).status == InvoiceStatus.DRAFT

        tab.open_record(str(kept.id))
        answers["answers"] = [True]
        assert tab.actions.post() is True
        numbered = invoices.get_invoice(offline, kept.id)
        assert numbered.full_number == f"{code}-{dt.date.today().year}-000001" and tab.read_only
    finally:
        offline.dispose()

    report = sync(path, clerk)
    assert report.conflicts == [] and len(report.posted) == 1
    assert invoices.get_invoice(clerk, other.id).full_number == report.posted[0]
    assert invoices.get_invoice(clerk, kept.id).full_number == numbered.full_number
