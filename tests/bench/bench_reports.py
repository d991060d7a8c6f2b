"""Benchmark of the dashboard and every report on the million-invoice demo, against raw SQL in the same run.

    .venv/bin/python -m tests.bench.bench_reports --db /tmp/bench/big.sqlite3 [--build] [--rounds 3]

--build first fills the file with bench_ui's data set (50k customers, 100k products, 1M invoices over
three years, 20k contracts, 5k employees) and upgrades it; a file of an older schema is upgraded first.
Figures (best of --rounds):

- dashboard figures: ``dashboard(db)``, every KPI and chart series, in this process;
- dashboard shown: a DashboardTab in an offscreen window, from ``load()`` until its figures and charts are
  drawn (the worker thread, the hand-over and the painting included);
- each report through ``run_report`` for its heavy case: a whole year for the sales reports, headcount and
  the renewals (the next twelve months), a quarter for the VAT book (its filing period), and "as of"
  today and as of six months ago for aging and stock valuation; and its PDF.

Baseline: the same aggregate written as plain SQL and fetched with the sqlite3 module (tuples, no
Decimal, no names resolved beyond what the report shows), timed in the same run. Ratios are ours over
it; the goals are under 1 s for the dashboard and under 5 s for each report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
SIZES = dict(customers=50_000, products=100_000, invoices=1_000_000, contracts=20_000, employees=5_000)
OPEN = "status = 'posted' AND kind <> 'credit_note' AND paid_total < total"


def best(rounds: int, fn) -> tuple[float, object]:
    result, fastest = None, float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, result


def _iso(day: dt.date) -> str:
    return day.isoformat()


def raw_sql(con: sqlite3.Connection, today: dt.date) -> dict:
    """The baseline of each figure: one plain SQL statement (or two) fetched as tuples."""
    year = (_iso(today.replace(month=1, day=1)), _iso(today))
    last_year = (_iso(dt.date(today.year - 1, 1, 1)), _iso(today))
    quarter = _quarter(today)
    half_year_ago = _iso(today - dt.timedelta(days=182))
    month = (_iso(today - dt.timedelta(days=29)), _iso(today))
    posted = "status = 'posted' AND issue_date BETWEEN ? AND ?"

    def q(sql: str, *args):
        return lambda: con.execute(sql, args).fetchall()

    sales_by_customer = q(
        f"SELECT g.*, p.code, p.legal_name, p.tax_id FROM (SELECT party_id, sum(kind <> 'credit_note'), "
        f"sum(kind = 'credit_note'), sum(base_total), sum(tax_total), sum(recargo_total), sum(irpf_total), "
        f"sum(total) FROM invoice WHERE {posted} GROUP BY party_id) g LEFT JOIN party p ON p.id = g.party_id", *year)
    lines = ("SELECT l.product_id, count(*), sum(l.quantity), sum(l.amount) FROM invoice_line l JOIN invoice i "
             "ON i.id = l.invoice_id WHERE i.status = 'posted' AND i.issue_date BETWEEN ? AND ? GROUP BY l.product_id")
    sales_by_product = q(f"SELECT p.sku, p.name, g.* FROM ({lines}) g LEFT JOIN product p ON p.id = g.product_id",
                         *year)
    by_day = f"SELECT issue_date, count(*), sum(base_total), sum(total) FROM invoice WHERE {posted} GROUP BY issue_date"
    sales_by_month = lambda: (con.execute(by_day, year).fetchall(),  # noqa: E731
                              con.execute(by_day, (_iso(dt.date(today.year - 1, 1, 1)),
                                                   _iso(dt.date(today.year - 1, 12, 31)))).fetchall())
    vat_book = q(
        "SELECT i.id, i.issue_date, i.full_number, i.kind, i.party_tax_id, i.party_name, i.irpf_total, i.total, "
        "l.tax_percent, CASE WHEN i.recargo_equivalencia THEN l.recargo_percent ELSE 0 END AS re, "
        "r.exemption_reason, sum(l.amount) FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id "
        "JOIN tax_rate r ON r.id = l.tax_rate_id WHERE i.status = 'posted' AND i.issue_date BETWEEN ? AND ? "
        "GROUP BY i.id, l.tax_percent, re, r.exemption_reason ORDER BY i.issue_date, i.full_number", *quarter)
    aging_sql = (f"SELECT due_date, party_id, count(*), sum(total - paid_total) FROM invoice INDEXED BY "
                 f"ix_invoice_open WHERE {OPEN} AND issue_date <= ? GROUP BY due_date, party_id")
    paid_since = ("SELECT p.invoice_id, p.amount, i.party_id, i.due_date, i.total, i.paid_total, i.issue_date, "
                  "i.status, i.kind FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE p.date > ?")
    aging_today = lambda: (con.execute(paid_since, (_iso(today),)).fetchall(),  # noqa: E731
                           con.execute(aging_sql, (_iso(today),)).fetchall())
    aging_past = lambda: (con.execute(paid_since, (half_year_ago,)).fetchall(),  # noqa: E731
                          con.execute(aging_sql, (half_year_ago,)).fetchall())
    stock_sql = ("SELECT l.warehouse_id, l.product_id, l.quantity, l.value, p.sku, p.name FROM stock_level l "
                 "JOIN product p ON p.id = l.product_id")
    moves_after = ("SELECT to_warehouse_id, from_warehouse_id, product_id, sum(quantity), sum(value) FROM stock_move "
                   "WHERE date > ? GROUP BY to_warehouse_id, from_warehouse_id, product_id")
    stock_today = lambda: (con.execute(stock_sql).fetchall(), con.execute(moves_after, (_iso(today),)).fetchall())  # noqa: E731
    stock_past = lambda: (con.execute(stock_sql).fetchall(),  # noqa: E731
                          con.execute(moves_after, (half_year_ago,)).fetchall())
    renewals = q("SELECT c.*, p.legal_name FROM contract c LEFT JOIN party p ON p.id = c.party_id "
                 "WHERE c.archived_at IS NULL AND c.status IN ('active', 'notice_given') AND c.end_date IS NOT NULL "
                 "AND c.end_date <= ? AND (c.end_date >= ? OR c.auto_renew)",
                 _iso(today + dt.timedelta(days=365)), _iso(today))
    headcount = lambda: (con.execute(  # noqa: E731
        "SELECT department_id, hire_date, end_date FROM employee WHERE hire_date <= ? AND "
        "(end_date IS NULL OR end_date >= ?)", (year[1], year[0])).fetchall(), con.execute(
        "SELECT employee_id, kind, start_date, end_date, days FROM leave_request WHERE status = 'approved' AND "
        "start_date <= ? AND end_date >= ?", (year[1], year[0])).fetchall())
    dashboard = lambda: (  # noqa: E731
        con.execute(by_day, last_year).fetchall(),
        con.execute(f"SELECT due_date, count(*), sum(total - paid_total) FROM invoice INDEXED BY ix_invoice_open "
                    f"WHERE {OPEN} AND issue_date <= ? GROUP BY due_date", (_iso(today),)).fetchall(),
        con.execute("SELECT count(*) FROM invoice WHERE status = 'draft'").fetchall(),
        con.execute("SELECT sum(value) FROM stock_level").fetchall(),
        con.execute(f"SELECT party_id, sum(base_total) s FROM invoice WHERE {posted} GROUP BY party_id "
                    "ORDER BY s DESC LIMIT 8", year).fetchall(),
        con.execute("SELECT l.product_id, sum(l.amount) s FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                    "WHERE i.status = 'posted' AND i.issue_date BETWEEN ? AND ? AND l.product_id IS NOT NULL "
                    "GROUP BY l.product_id ORDER BY s DESC LIMIT 8", month).fetchall(),
    )
    return {
        "dashboard": dashboard, "sales-by-customer": sales_by_customer, "sales-by-product": sales_by_product,
        "sales-by-month": sales_by_month, "vat-book": vat_book, "receivables-aging": aging_today,
        "receivables-aging (6 months ago)": aging_past, "stock-valuation": stock_today,
        "stock-valuation (6 months ago)": stock_past, "contract-renewals": renewals, "headcount": headcount,
    }


def _quarter(today: dt.date) -> tuple[str, str]:
    """The last whole quarter: what a VAT return files."""
    first_month = (today.month - 1) // 3 * 3 + 1
    end = dt.date(today.year, first_month, 1) - dt.timedelta(days=1)
    start = dt.date(end.year, (end.month - 1) // 3 * 3 + 1, 1)
    return _iso(start), _iso(end)


def periods(today: dt.date) -> dict:
    from app.reports import Period

    year = Period(today.replace(month=1, day=1), today)
    q0, q1 = _quarter(today)
    half = today - dt.timedelta(days=182)
    return {
        "sales-by-customer": ("sales-by-customer", year), "sales-by-product": ("sales-by-product", year),
        "sales-by-month": ("sales-by-month", year),
        "vat-book": ("vat-book", Period(dt.date.fromisoformat(q0), dt.date.fromisoformat(q1))),
        "receivables-aging": ("receivables-aging", Period(today, today)),
        "receivables-aging (6 months ago)": ("receivables-aging", Period(half, half)),
        "stock-valuation": ("stock-valuation", Period(today, today)),
        "stock-valuation (6 months ago)": ("stock-valuation", Period(half, half)),
        "contract-renewals": ("contract-renewals", Period(today, today + dt.timedelta(days=365))),
        "headcount": ("headcount", year),
    }


def dashboard_shown(db, rounds: int) -> float:
    """From load() to the figures and charts drawn, in an offscreen window (best of ``rounds``)."""
    from PySide6.QtWidgets import QApplication

    from ui.dashboard.tab import DashboardTab

    app = QApplication.instance() or QApplication([])
    tab = DashboardTab(db)
    tab.resize(1440, 860)
    tab.show()
    app.processEvents()
    fastest = float("inf")
    for _ in range(rounds):
        tab.data = None
        started = time.perf_counter()
        tab.load()
        while tab.busy or tab.data is None:
            app.processEvents()
            time.sleep(0.0005)
        tab.repaint()
        app.processEvents()
        fastest = min(fastest, time.perf_counter() - started)
    tab.close()
    return fastest


def measure(path: str, rounds: int) -> list[tuple]:
    from app.db.open import open_database
    from app.documents.report_pdf import render_report
    from app.reports import run_report
    from app.reports.dashboard import dashboard

    db = open_database(path, upgrade=False)
    con = sqlite3.connect(path)
    today = dt.date.today()
    baselines = raw_sql(con, today)
    results = []
    ours, board = best(rounds, lambda: dashboard(db, today))
    base, _ = best(rounds, baselines["dashboard"])
    results.append(("dashboard figures", "", ours, base, 1.0, None))
    results.append(("dashboard shown (tab)", "", dashboard_shown(db, rounds), base, 1.0, None))
    for label, (name, period) in periods(today).items():
        ours, report = best(rounds, lambda n=name, p=period: run_report(db, n, p))
        base, _ = best(rounds, baselines[label])
        pdf, _ = best(1, lambda r=report: render_report(r, "Bench SL"))
        results.append((label, f"{len(report.rows):,} rows", ours, base, 5.0, pdf))
    db.dispose()
    con.close()
    return results


def report(results: list[tuple], path: str) -> None:
    con = sqlite3.connect(path)
    invoices = con.execute("SELECT count(*) FROM invoice").fetchone()[0]
    con.close()
    print(f"\n{invoices:,} invoices in {path}; best of the rounds; baseline: the same aggregate as raw SQL (sqlite3)")
    print(f"{'figure':34} {'size':>13} {'ours ms':>9} {'raw SQL ms':>11} {'ratio':>6} {'goal':>6} {'verdict':>7} "
          f"{'PDF ms':>9}")
    for label, size, ours, base, goal, pdf in results:
        verdict = "PASS" if ours < goal else "MISS"
        pdf_text = f"{pdf * 1000:9.0f}" if pdf is not None else f"{'':9}"
        print(f"{label:34} {size:>13} {ours * 1000:9.0f} {base * 1000:11.0f} {ours / base:6.1f} {goal:5.0f}s "
              f"{verdict:>7} {pdf_text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="SQLite file (built with --build if missing)")
    parser.add_argument("--build", action="store_true", help="fill the database with the data set first")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.build and not Path(args.db).exists():
        subprocess.run([sys.executable, "main.py", "--db", args.db, "demo",
                        *[f"--{k}={v}" for k, v in SIZES.items()]], cwd=ROOT, check=True)
    if not Path(args.db).exists():
        raise SystemExit(f"{args.db} does not exist: add --build to create it")
    # A file of an earlier schema (say, built for bench_ui before the report indexes) is upgraded first.
    from app.db import migrate
    from app.db.engine import make_engine

    engine = make_engine(args.db)
    stale = migrate.needs_upgrade(engine)
    engine.dispose()
    if stale:
        subprocess.run([sys.executable, "main.py", "--db", args.db, "db", "upgrade"], cwd=ROOT, check=True)
    results = measure(args.db, args.rounds)
    report(results, args.db)
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing down the offscreen tab at exit; the figures are printed


if __name__ == "__main__":
    main()
