"""Reports as files and on the command line, and the dashboard's figures against the lists they open."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal

import pytest

from app.demo import generate_demo
from app.reports import Period, run_report
from app.reports.dashboard import dashboard
from app.reports.output import save_report
from app.services.contract_lifecycle import count_alerts
from app.services.contracts import count_contracts
from app.services.invoices import count_invoices
from app.services.leave_lists import count_leave
from app.services.listing import ListQuery
from app.services.products import count_products
from tests.app import printing as pdf
from tests.app.test_cli import run
from tests.app.test_export import _read_xlsx
from tests.conftest import _fresh_sqlite

TODAY = dt.date(2026, 11, 20)
QUARTER = Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def shop(sqlite_template, tmp_path_factory):
    db = _fresh_sqlite(sqlite_template, tmp_path_factory.mktemp("outputs"))
    generate_demo(db, seed=5, today=TODAY, customers=30, products=40, invoices=1200, contracts=25, employees=12)
    yield db
    db.dispose()


def _money(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def test_the_vat_book_pdf_repeats_its_heading_on_every_page_and_ends_with_the_totals(shop, tmp_path):
    report = run_report(shop, "vat-book", QUARTER)
    out = tmp_path / "book.pdf"
    assert save_report(report, out, "pdf", company="Suministros del Ebro SL") == len(report.rows)
    pages = pdf.pages(out)
    assert pages > 1
    for page in (1, pages):
        words = pdf.flat(pdf.text(out, page))
        assert "VAT book of issued invoices" in words and "From 01/04/2026 to 30/06/2026" in words
        assert f"Page {page} of {pages}" in words and "Suministros del Ebro SL" in words
    last = pdf.flat(pdf.text(out, pages))
    base = f"{report.totals['base']:,.2f}"  # in the clerk's language, as the titles: English here
    assert f"Total {base}" in last
    everything = pdf.text(out)
    assert all(r["number"] in everything for r in report.rows[:: max(1, len(report.rows) // 20)])


def test_csv_and_xlsx_hold_the_rows_then_the_totals_under_the_preview_s_headers(shop, tmp_path):
    report = run_report(shop, "sales-by-customer", Period(dt.date(2026, 1, 1), TODAY))
    save_report(report, tmp_path / "s.csv", "csv")
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == [c.title for c in report.columns]
    assert len(rows) == 1 + len(report.rows) + 1
    keys = [c.key for c in report.columns]
    assert rows[-1][keys.index("name")] == "Total"
    assert _money(rows[-1][keys.index("base")]) == report.totals["base"]
    assert sum(_money(r[keys.index("base")]) for r in rows[1:-1]) == report.totals["base"]
    save_report(report, tmp_path / "s.xlsx", "xlsx")
    values, _formats = _read_xlsx(tmp_path / "s.xlsx")
    assert values[0] == [c.title for c in report.columns]
    assert len(values) == len(report.rows) + 2
    assert Decimal(str(values[-1][keys.index("base")])) == report.totals["base"]


def test_an_empty_report_still_says_why_in_each_format(shop, tmp_path):
    report = run_report(shop, "vat-book", Period(dt.date(2026, 6, 30), dt.date(2026, 1, 1)))
    save_report(report, tmp_path / "e.pdf", "pdf")
    assert "Swap the dates" in pdf.flat(pdf.text(tmp_path / "e.pdf")) and pdf.pages(tmp_path / "e.pdf") == 1
    save_report(report, tmp_path / "e.csv", "csv")
    assert "Swap the dates" in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")


def test_a_failed_save_leaves_no_file_and_keeps_the_old_one(shop, tmp_path):
    from app.errors import ValidationError

    out = tmp_path / "keep.csv"
    out.write_text("the old one")
    report = run_report(shop, "headcount", Period(dt.date(2026, 1, 1), TODAY))
    with pytest.raises(ValidationError) as err:
        save_report(report, out, "ods")
    assert err.value.field == "format"
    assert out.read_text() == "the old one" and list(tmp_path.iterdir()) == [out]


# -- the command line ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shop_file(shop, tmp_path_factory):
    shop.dispose()
    path = tmp_path_factory.mktemp("cli") / "shop.sqlite3"
    shutil.copyfile(shop.engine.url.database, path)
    return str(path)


def test_report_list_names_every_report_with_its_options():
    done = run("report", "--list")
    assert done.returncode == 0, done.stderr
    for name in ("sales-by-customer", "sales-by-product", "sales-by-month", "vat-book", "receivables-aging",
                 "stock-valuation", "contract-renewals", "headcount"):
        assert name in done.stdout
    assert "--to DATE (as of)" in done.stdout


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx"])
def test_report_writes_the_file_asked_for(shop_file, tmp_path, fmt):
    out = tmp_path / f"book.{fmt}"
    done = run("report", "vat-book", "--from", "01/04/2026", "--to", "2026-06-30", "-o", str(out), "--db", shop_file)
    assert done.returncode == 0, done.stderr
    assert out.exists() and out.stat().st_size > 0
    assert "rows written to" in done.stdout


def test_report_prints_a_table_without_a_file(shop_file):
    done = run("report", "sales-by-month", "--from", "01/01/2026", "--to", "31/03/2026", "--db", shop_file)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Sales by month" and any(line.startswith("March 2026") for line in lines)
    assert lines[-1].startswith("Total")


def test_bad_input_gets_one_line_naming_the_option_and_writes_nothing(shop_file, tmp_path):
    out = tmp_path / "x.pdf"
    for args, message in (
        (["vat-book", "--from", "31/13/2026"], "--from: '31/13/2026' is not a date"),
        (["vat-book", "--customer", "NOPE"], "--customer: No customer has the code or NIF NOPE."),
        (["headcount", "--series", "F"], "--series: The report headcount takes no series filter."),
        (["nope"], "NAME: Unknown report nope"),
        (["vat-book", "--format", "pdf"], "-o: Name the file"),
    ):
        extra = [] if "--format" in args else ["-o", str(out)]
        done = run("report", *args, *extra, "--db", shop_file)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert message in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert not out.exists()


def test_a_reversed_period_writes_an_empty_report_with_the_note(shop_file, tmp_path):
    out = tmp_path / "empty.pdf"
    done = run("report", "sales-by-customer", "--from", "2026-12-31", "--to", "2026-01-01", "-o", str(out),
               "--db", shop_file)
    assert done.returncode == 0, done.stderr
    assert "Swap the dates" in done.stderr and "Swap the dates" in pdf.flat(pdf.text(out))


# -- the dashboard ------------------------------------------------------------------------------------

def test_each_dashboard_figure_counts_the_rows_of_the_list_it_opens(shop):
    board = dashboard(shop, TODAY)
    lists = {"invoices": count_invoices, "contracts": count_contracts}
    for key in ("drafts", "overdue", "receivables", "revenue_year", "contracts_attention", "contracts_to_bill"):
        kpi = board.kpi(key)
        count = lists[kpi.target.tab](shop, ListQuery(filters={**kpi.target.filters, "today": TODAY}))
        if kpi.kind == "count":
            assert kpi.value == count, key
        else:
            assert str(count) in kpi.detail or key == "revenue_year", (key, kpi.detail, count)
    assert board.kpi("drafts").value > 0 and board.kpi("overdue").value > 0
    assert board.kpi("reorder").value == count_products(shop, ListQuery(filters={"below_reorder": True}))
    assert board.kpi("contracts_attention").value == count_alerts(shop, TODAY)
    away = board.kpi("away").target
    # The list shows the week's approved requests: one person may have two.
    assert away.view == "leave" and count_leave(shop, ListQuery(filters=away.filters)) >= board.kpi("away").value


def test_the_dashboard_s_money_figures_equal_the_reports(shop):
    board = dashboard(shop, TODAY)
    year = run_report(shop, "sales-by-month", Period(dt.date(2026, 1, 1), TODAY))
    assert board.kpi("revenue_year").value == year.totals["base"]
    assert list(board.revenue_this_year) == [r["base"] for r in year.rows]
    assert board.kpi("revenue_month").value == year.rows[-1]["base"]
    aging = run_report(shop, "receivables-aging", Period(TODAY, TODAY))
    assert board.kpi("receivables").value == aging.totals["total"]
    assert board.kpi("overdue").value == aging.totals["total"] - aging.totals["current"]
    assert [v for _b, _t, v in board.aging] == [aging.totals[b] for b in ("current", "d1_30", "d31_60", "d61_90",
                                                                          "d90")]
    stock = run_report(shop, "stock-valuation", Period(TODAY, TODAY))
    assert board.kpi("stock_value").value == stock.totals["value"]
    customers = run_report(shop, "sales-by-customer", Period(dt.date(2026, 1, 1), TODAY))
    assert [v for _n, v in board.top_customers] == [r["base"] for r in customers.rows if r["code"]][:8]


def test_an_empty_database_gives_a_dashboard_of_zeros(sqlite_db):
    board = dashboard(sqlite_db, TODAY)
    assert all(k.value == 0 for k in board.kpis)
    assert board.top_customers == () and board.top_products == ()
    assert all(v == 0 for v in board.revenue_this_year) and len(board.revenue_last_year) == 12
