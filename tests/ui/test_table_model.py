"""The lazy table model: pages in either direction, jumps, a bounded cache, SQL sorting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.services import parties
from app.services.listing import ListQuery
from tests.ui.conftest import wait_idle
from ui.common.table_model import ID_ROLE, SORT_ROLE, Column, LazyTableModel

N = 137  # not a multiple of the page size: the last page is short


@pytest.fixture
def many(sqlite_db):
    rows = [
        parties.PartyData(legal_name=f"Cliente {i:04d}", city=("Bilbao" if i % 3 == 0 else "Cádiz"),
                          code=f"C{i:05d}")
        for i in range(N)
    ]
    for data in rows:
        parties.create_party(sqlite_db, data)
    return sqlite_db


def make_model(qtbot, db, page_size=10, max_pages=4, **kw) -> LazyTableModel:
    columns = [Column("code", "Code"), Column("legal_name", "Name"), Column("city", "City")]
    model = LazyTableModel(db, columns, parties.list_parties, parties.count_parties, sort="legal_name",
                           page_size=page_size, max_pages=max_pages, **kw)
    model.refresh()
    wait_idle(qtbot, model)
    return model


def name_at(qtbot, model, row: int) -> str:
    """Ask for a row like a view painting it; wait for its page if it is not in memory."""
    if model.index(row, 1).data() is None:
        wait_idle(qtbot, model)
    return model.index(row, 1).data()


def test_first_page_then_the_count_makes_every_row_addressable(qtbot, many):
    model = make_model(qtbot, many)
    assert model.total == N
    assert model.rowCount() == N
    assert not model.canFetchMore()
    assert name_at(qtbot, model, 0) == "Cliente 0000"
    assert model.index(0, 0).data(ID_ROLE)


def test_jump_to_the_end_reads_the_last_page_backwards(qtbot, many):
    model = make_model(qtbot, many)
    assert name_at(qtbot, model, N - 1) == f"Cliente {N - 1:04d}"
    assert name_at(qtbot, model, N - 8) == f"Cliente {N - 8:04d}"  # the short last page is complete
    # Read on backwards from there by keyset, then jump into the middle by offset.
    assert name_at(qtbot, model, N - 11) == f"Cliente {N - 11:04d}"
    assert name_at(qtbot, model, 55) == "Cliente 0055"
    assert name_at(qtbot, model, 95) == "Cliente 0095"


def test_scrolling_the_whole_list_keeps_only_a_few_pages(qtbot, many):
    model = make_model(qtbot, many, max_pages=3)
    seen = [name_at(qtbot, model, r) for r in range(N)]
    assert seen == [f"Cliente {i:04d}" for i in range(N)]
    assert len(model._pages) <= 3
    # Going back up re-reads dropped pages by keyset from their remembered bounds.
    back = [name_at(qtbot, model, r) for r in reversed(range(N))]
    assert back == [f"Cliente {i:04d}" for i in reversed(range(N))]


def test_sort_search_and_filters_run_in_sql(qtbot, many):
    model = make_model(qtbot, many)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    wait_idle(qtbot, model)
    assert name_at(qtbot, model, 0) == f"Cliente {N - 1:04d}"
    assert name_at(qtbot, model, N - 1) == "Cliente 0000"
    model.set_search("bilbao")
    wait_idle(qtbot, model)
    assert model.total == len(range(0, N, 3))
    assert {model.index(r, 2).data() for r in range(min(10, model.rowCount()))} == {"Bilbao"}
    model.set_search("")
    model.set_filters({"role": "supplier"})
    wait_idle(qtbot, model)
    assert model.rowCount() == 0 and model.total == 0


def test_fetch_more_before_the_count_appends_the_next_page(qtbot, qtmodeltester, many):
    model = LazyTableModel(many, [Column("legal_name", "Name")], parties.list_parties,
                           lambda db, q: _slow_count(), sort="legal_name", page_size=10)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=5000)
    assert model.total is None and model.canFetchMore()
    qtmodeltester.check(model)
    rows_before = model.rowCount()  # the tester may have fetched a page itself
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() >= rows_before + 10, timeout=5000)
    assert model.total is None  # still counting: these rows came from fetchMore
    assert model.index(rows_before + 9, 0).data() == f"Cliente {rows_before + 9:04d}"
    qtmodeltester.check(model)
    wait_idle(qtbot, model)
    assert model.rowCount() == N  # the count arrived and made the rest addressable
    qtmodeltester.check(model)


def _slow_count() -> int:
    import time
    time.sleep(3.0)  # a count that outlasts the first page, as on a big searched list
    return N


def test_stale_results_of_an_earlier_search_are_dropped(qtbot, many):
    model = make_model(qtbot, many)
    model.set_search("bilbao")
    model.set_search("cádiz")  # typed over before the first search came back
    wait_idle(qtbot, model)
    assert model.total == N - len(range(0, N, 3))
    assert {model.index(r, 2).data() for r in range(10)} == {"Cádiz"}


def test_display_text_is_formatted_and_the_raw_value_kept_for_sorting(qtbot):
    money = Column("total", "Total", kind="money")
    assert money.display(Decimal("1234.5")) in ("1,234.50", "1.234,50")
    assert Column("d", "Date", kind="date").display(dt.date(2026, 2, 28)) == "28/02/2026"
    assert Column("s", "Status", kind="choice", choices={"draft": "Borrador"}).display("draft") == "Borrador"
    assert int(money.alignment) & int(Qt.AlignmentFlag.AlignRight)


def test_a_bad_filter_is_reported_not_raised(qtbot, sqlite_db):
    from app.services import invoices
    columns = [Column("full_number", "Number")]
    model = LazyTableModel(sqlite_db, columns, invoices.list_invoices, invoices.count_invoices,
                           sort="issue_date", descending=True)
    errors = []
    model.sig_error.connect(errors.append)
    model.set_filters({"status": "nonsense"})
    model.refresh()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "status" in errors[0]
    wait_idle(qtbot, model)


def test_list_query_offset_and_page_keys(sqlite_db, many):
    page = parties.list_parties(many, ListQuery(sort="legal_name", limit=5, offset=10))
    assert [r["legal_name"] for r in page.rows] == [f"Cliente {i:04d}" for i in range(10, 15)]
    assert page.first_key[0] == "Cliente 0010" and page.last_key[0] == "Cliente 0014"
    back = parties.list_parties(many, ListQuery(sort="legal_name", limit=3, after=page.first_key, descending=True))
    assert [r["legal_name"] for r in back.rows] == ["Cliente 0009", "Cliente 0008", "Cliente 0007"]
    assert SORT_ROLE != ID_ROLE
