"""Eight clerks post into one series at once: numbers 1..N, no gap, no duplicate, a valid chain."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlalchemy import select

from app.domain.company import Company
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice
from app.services.chain_verify import verify_chain
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import series_id
from tests.app.invoicing import customer, product
from tests.server.posting_worker import post_all

PROCESSES = 8
EACH = 200


def _drafts(db, n: int) -> list[str]:
    from app.services.invoices import create_draft

    with db.session() as s:
        s.add(Company(legal_name="Suministros Ebro SL", tax_id="B50000000", street="Calle Mayor 1",
                      postal_code="50001", city="Zaragoza"))
    party = customer(db, street="Calle Alta 3", postal_code="28001", city="Madrid")
    item = product(db, "Tornillos", "1.25", stock=str(7 * n))  # enough for every draft: no shortage question
    day = dt.date(2026, 3, 2)
    return [str(create_draft(db, InvoiceData(issue_date=day, party_id=party,
                                             lines=[InvoiceLineData(product_id=item, quantity=i % 7 + 1)])).id)
            for i in range(n)]


@pytest.mark.slow
def test_concurrent_posters_leave_correlative_numbers_and_a_valid_chain(db):
    ids = _drafts(db, PROCESSES * EACH)
    url = db.engine.url.render_as_string(hide_password=False)
    db.engine.dispose()  # the children open their own connections
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(PROCESSES) as workers:
        results = workers.starmap(post_all, [(url, ids[k::PROCESSES], k, 0.1) for k in range(PROCESSES)])
    assert sum(r["posted"] for r in results) == PROCESSES * EACH
    assert sum(r["killed"] for r in results) > 0  # failures really happened midway
    with db.session() as s:
        rows = s.execute(select(Invoice.number, Invoice.status).where(Invoice.series_id == series_id("F"))).all()
    assert {status for _n, status in rows} == {InvoiceStatus.POSTED}
    assert sorted(n for n, _s in rows) == list(range(1, PROCESSES * EACH + 1))
    report = verify_chain(db)
    assert report.ok and report.records == PROCESSES * EACH
