"""The dashboard and the reports on a shared server, read by each role: what the server lets a login
read is what it sees, and a part it may not read is left out instead of breaking the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from app.demo import generate_demo
from app.errors import PermissionDeniedError
from app.reports import Period, run_report
from app.reports.dashboard import dashboard
from app.services.contracts import count_contracts
from app.services.invoices import count_invoices
from app.services.listing import ListQuery

pytestmark = pytest.mark.postgres

TODAY = dt.date(2026, 11, 20)
YEAR = Period(dt.date(2026, 1, 1), TODAY)


@pytest.fixture(scope="module")
def filled(shop):
    from app.db.session import Database
    from sqlalchemy import text

    owner = Database(shop[1], user="postgres")
    with shop[1].begin() as conn:  # the shop fixture made a company; the demo brings its own
        conn.execute(text("DELETE FROM company"))
    generate_demo(owner, seed=3, today=TODAY, customers=20, products=30, invoices=300, contracts=15, employees=10)
    return owner


@pytest.mark.parametrize("role", ["clerk", "accountant", "hr", "admin"])
def test_each_role_sees_the_figures_it_may_read_and_they_match_the_owner_s(filled, login, role):
    full = dashboard(filled, TODAY)
    assert full.unavailable == ()
    db = login(role)
    board = dashboard(db, TODAY)
    assert board.kpis, role
    lists = {"invoices": count_invoices, "contracts": count_contracts}
    for kpi in board.kpis:
        if kpi.kind == "count" and kpi.target is not None and kpi.target.tab in lists:
            # Row-level security shows HR the employment contracts only: a figure counts the login's own list.
            listed = lists[kpi.target.tab](db, ListQuery(filters={**kpi.target.filters, "today": TODAY}))
            assert kpi.value == listed, (role, kpi.key)
        elif kpi.kind == "money":
            assert kpi.value == full.kpi(kpi.key).value, (role, kpi.key)
    shown = {k.key for k in board.kpis}
    if "sales" in board.unavailable:
        assert not {"revenue_month", "revenue_year"} & shown and board.revenue_this_year == ()
    else:
        assert board.revenue_this_year == full.revenue_this_year
    if role == "admin":
        assert board.unavailable == ()


def test_a_report_a_role_may_not_read_is_refused_in_words(filled, login):
    hr = login("hr")
    board = dashboard(hr, TODAY)
    if "sales" not in board.unavailable:
        pytest.skip("HR reads invoices on this server")
    with pytest.raises(PermissionDeniedError) as refused:
        run_report(hr, "vat-book", YEAR)
    assert str(refused.value)
    headcount = run_report(hr, "headcount", YEAR)
    assert headcount.totals["at_end"] == run_report(filled, "headcount", YEAR).totals["at_end"]
