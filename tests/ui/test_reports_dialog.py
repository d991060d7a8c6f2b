"""The Reports window: a manager picks a report and a period, shows it, then prints, previews, saves, exports.

The database is a small demo (the same seed and day each run); what the window
shows is compared with ``run_report`` for the same period and filters. Files
are read back: the PDF with poppler, the CSV as text, the workbook with
openpyxl. Printing goes to a QPrinter writing a PDF file, as in the invoice
printing tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.db.engine import make_engine
from app.db.session import Database
from app.demo import generate_demo
from app.reports import Period, run_report
from app.services import series as series_service
from tests.app import printing as pdf
from tests.app.test_export import _read_xlsx
from tests.ui.conftest import type_text
from tests.ui.test_invoice_printing import pdf_printer
from ui.common import dialogs
from ui.invoices import preview
from ui.reports import ReportsDialog, open_reports
from ui.reports.model import TOTALS_ROLE, columns_of
from ui.reports.periods import quick_period

TODAY = dt.date(2026, 6, 30)
Q1 = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


@pytest.fixture(scope="module")
def demo_file(sqlite_template, tmp_path_factory) -> Path:
    """One small demo for the module (generating is the slow part); each test gets its own copy."""
    path = tmp_path_factory.mktemp("reports") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(make_engine(path), user="tester")
    generate_demo(db, customers=20, products=30, invoices=150, contracts=6, employees=6, today=TODAY)
    db.dispose()
    return path


@pytest.fixture
def shop(demo_file, tmp_path) -> Database:
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(demo_file, path)
    db = Database(make_engine(path), user="tester")
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, shop) -> ReportsDialog:
    dialog = ReportsDialog(shop, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def show(qtbot, dialog: ReportsDialog, *, enter: bool = False) -> None:
    """Press Show (or Enter in the To field) and wait for the report."""
    if enter:
        dialog.criteria.end.setFocus()
        qtbot.keyClick(dialog.criteria.end, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def set_period(qtbot, dialog: ReportsDialog, period: Period) -> None:
    type_text(qtbot, dialog.criteria.start, period.start.strftime("%d/%m/%Y"))
    type_text(qtbot, dialog.criteria.end, period.end.strftime("%d/%m/%Y"))


def wait_output(qtbot, dialog: ReportsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.output.busy, timeout=30_000)


def expected_rows(report) -> list[list[str]]:
    columns = columns_of(report)
    rows = [*report.rows, *([report.totals] if report.totals else [])]
    return [[c.display(row.get(c.key)) for c in columns] for row in rows]


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


# -- showing a report ------------------------------------------------------------------------------
def test_the_vat_book_of_a_quarter_shows_run_reports_rows_and_totals(qtbot, qtmodeltester, shop, answers):
    dialog = open_reports(None, shop, "vat-book")
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.spec.name == "vat-book"
    assert dialog.criteria.cells["customer"].isVisibleTo(dialog) and dialog.criteria.cells["series"].isVisibleTo(dialog)
    assert not dialog.criteria.cells["warehouse"].isVisibleTo(dialog)
    assert not dialog.print_button.isEnabled()  # nothing to print before Show

    set_period(qtbot, dialog, Q1)
    show(qtbot, dialog, enter=True)  # Enter in a field is Show

    expected = run_report(shop, "vat-book", Q1)
    assert expected.rows and expected.totals
    model = dialog.model
    assert model.rowCount() == len(expected.rows) + 1
    assert [model.display_row(r) for r in range(model.rowCount())] == expected_rows(expected)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == \
        [c.title for c in expected.columns]
    last = model.rowCount() - 1
    label = [c.key for c in expected.columns].index(next(k for k, v in expected.totals.items() if v == "Total"))
    assert model.data(model.index(last, label)) == "Total"
    assert model.data(model.index(last, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(last, 0), TOTALS_ROLE) and not model.data(model.index(0, 0), TOTALS_ROLE)
    base = [c.key for c in expected.columns].index("base")
    assert model.data(model.index(0, base), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(last, base)) == f"{expected.totals['base']:,.2f}"
    assert dialog.heading.text() == expected.title and dialog.subheading.text() == "From 01/01/2026 to 31/03/2026"
    assert dialog.notes.text() == "\n".join(expected.notes)
    assert dialog.stack.currentWidget() is dialog.table and dialog.print_button.isEnabled()
    qtmodeltester.check(model)
    assert answers["asked"] == []


def test_sales_by_month_for_a_series_with_a_quick_period(qtbot, window, shop):
    window.choose("sales-by-month")
    window.criteria.choose_quick("this_year")
    assert (window.criteria.start.text(), window.criteria.end.text()) == ("01/01/2026", "31/12/2026")
    first = series_service.list_series(shop)[0]
    window.criteria.series.set_value(first.id)
    show(qtbot, window)

    expected = run_report(shop, "sales-by-month", Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
                          {"series": first.id})
    assert [window.model.display_row(r) for r in range(window.model.rowCount())] == expected_rows(expected)
    assert first.code in window.subheading.text()
    type_text(qtbot, window.criteria.start, "01/02/2026")  # typing a date leaves the quick choice
    assert window.criteria.quick.currentData() is None


def test_a_report_as_of_a_date_asks_one_date(qtbot, window, shop, qtmodeltester):
    window.choose("stock-valuation")
    criteria = window.criteria
    assert not criteria.cells["start"].isVisibleTo(window) and criteria.captions["end"].text() == "&As of"
    assert criteria.cells["warehouse"].isVisibleTo(window) and not criteria.cells["customer"].isVisibleTo(window)
    criteria.choose_quick("last_month")
    assert criteria.end.text() == "31/05/2026"
    show(qtbot, window)
    expected = run_report(shop, "stock-valuation", Period(dt.date(2026, 5, 31), dt.date(2026, 5, 31)))
    assert [window.model.display_row(r) for r in range(window.model.rowCount())] == expected_rows(expected)
    assert window.subheading.text() == "As of 31/05/2026"
    qtmodeltester.check(window.model)


@pytest.mark.parametrize("start, end, words", [
    ("01/04/2026", "01/01/2026", "ends (01/01/2026) before it starts (01/04/2026)"),
    ("01/01/2300", "31/12/2300", "too far in the past or the future"),
    ("01/01/2019", "31/12/2019", "No posted invoices in this period."),
])
def test_an_empty_period_shows_its_note_instead_of_the_table(qtbot, window, answers, qtmodeltester,
                                                               start, end, words):
    window.choose("sales-by-product")
    type_text(qtbot, window.criteria.start, start)
    type_text(qtbot, window.criteria.end, end)
    show(qtbot, window)
    assert window.stack.currentWidget() is window.empty_note and words in window.empty_note.text()
    assert window.model.rowCount() == 0
    qtmodeltester.check(window.model)
    assert answers["asked"] == []  # no message box: the note says it


def test_an_unknown_customer_is_said_beside_the_field(qtbot, window, shop, answers):
    window.choose("sales-by-customer")
    type_text(qtbot, window.criteria.customer, "ZZZ999")
    show(qtbot, window)
    assert window.criteria.error_text("customer") == "No customer has the code or NIF ZZZ999."
    assert window.criteria.customer.property("invalid") is True
    assert window.shown is None and answers["asked"] == []

    # A code typed whole is looked up by the report; the error goes once the text changes.
    type_text(qtbot, window.criteria.customer, "C000002")
    assert window.criteria.error_text("customer") == ""
    show(qtbot, window)
    assert window.criteria.error_text("customer") == "" and window.shown is not None
    assert "C000002" in window.subheading.text()
    period = Period(dt.date(2026, 1, 1), TODAY)
    expected = run_report(shop, "sales-by-customer", period, {"customer": "C000002"})
    assert [window.model.display_row(r) for r in range(window.model.rowCount())] == expected_rows(expected)

    # A suggestion chosen passes the customer's id.
    found = window.criteria.customers.search("C000003")
    assert len(found) == 1
    window.criteria.customer.set_value(found[0][1], found[0][0])
    show(qtbot, window)
    assert "C000003" in window.subheading.text()
    expected = run_report(shop, "sales-by-customer", period, {"customer": found[0][1]})
    assert [window.model.display_row(r) for r in range(window.model.rowCount())] == expected_rows(expected)


def test_a_date_that_does_not_exist_is_said_beside_it(qtbot, window, answers):
    type_text(qtbot, window.criteria.start, "31/02/2026")
    type_text(qtbot, window.criteria.end, "")
    show(qtbot, window)
    assert window.criteria.error_text("start") == "There is no such date."
    assert window.criteria.error_text("end") == "Type a date."
    assert window.shown is None and answers["asked"] == []


# -- output ------------------------------------------------------------------------------------------
def test_save_pdf_and_export_csv_and_excel_write_the_rows(qtbot, window, shop, save_to, tmp_path, answers):
    from app.reports.output import company_name

    set_period(qtbot, window, Q1)
    show(qtbot, window)
    report = window.shown.report

    asked = save_to(tmp_path / "libro.pdf")
    qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    wait_output(qtbot, window)
    assert asked["suggested"] == "vat-book_2026-01-01_2026-03-31.pdf"
    words = pdf.flat(pdf.text(tmp_path / "libro.pdf"))
    assert "VAT book of issued invoices" in words and report.rows[0]["number"] in words
    assert company_name(shop) in words  # the demo's company heads it

    asked = save_to(tmp_path / "libro.csv")
    qtbot.mouseClick(window.csv_button, Qt.MouseButton.LeftButton)
    wait_output(qtbot, window)
    assert asked["suggested"] == str(tmp_path / "vat-book_2026-01-01_2026-03-31.csv")  # the folder saved in last
    rows = read_csv(tmp_path / "libro.csv")
    assert rows[0] == [c.title for c in report.columns]
    assert len(rows) == 1 + len(report.rows) + 1 and rows[1][2] == report.rows[0]["number"]

    asked = save_to(tmp_path / "libro.xlsx")
    qtbot.mouseClick(window.xlsx_button, Qt.MouseButton.LeftButton)
    wait_output(qtbot, window)
    assert asked["suggested"] == str(tmp_path / "vat-book_2026-01-01_2026-03-31.xlsx")
    values, _formats = _read_xlsx(tmp_path / "libro.xlsx")
    assert values[0] == [c.title for c in report.columns] and len(values) == 1 + len(report.rows) + 1
    assert [row[2] for row in values[1:-1]] == [r["number"] for r in report.rows]
    assert "Total" in values[-1] and values[-1][6] == report.totals["base"]
    assert answers["asked"] == []
    assert "libro.xlsx" in window.status.text()


def test_a_file_that_cannot_be_written_is_a_message(qtbot, window, save_to, tmp_path, answers):
    show(qtbot, window)
    save_to(tmp_path / "no-such-folder" / "libro.csv")
    qtbot.mouseClick(window.csv_button, Qt.MouseButton.LeftButton)
    wait_output(qtbot, window)
    assert len(answers["asked"]) == 1 and answers["asked"][0][0] == "Not saved"
    assert "no-such-folder" in answers["asked"][0][1]
    assert window.csv_button.isEnabled()  # the window goes on


def test_print_sends_the_reports_pages_to_the_printer(qtbot, window, shop, monkeypatch, tmp_path, answers):
    from app.documents.report_pdf import render_report
    from app.reports.output import company_name

    set_period(qtbot, window, Q1)
    show(qtbot, window)
    out = tmp_path / "printed.pdf"
    asked = []

    def printer(_parent, pages):
        asked.append(pages)
        return pdf_printer(out)

    monkeypatch.setattr(preview, "choose_printer", printer)
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.output.busy and out.exists(), timeout=30_000)
    expected = pdf.save(tmp_path, render_report(window.shown.report, company_name(shop)), "expected.pdf")
    assert asked == [pdf.pages(expected)] and pdf.pages(out) == pdf.pages(expected)
    assert "Sent" in window.status.text() and answers["asked"] == []


def test_preview_pdf_opens_the_pdf_preview(qtbot, window):
    window.choose("sales-by-month")
    show(qtbot, window)
    qtbot.mouseClick(window.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.output.last_dialog is not None, timeout=30_000)
    dialog = window.output.last_dialog
    assert dialog.isVisible() and dialog.page_count() >= 1 and dialog.windowTitle() == "Sales by month"
    assert dialog.file_name == f"sales-by-month_2026-01-01_{TODAY.isoformat()}.pdf"
    dialog.close()


def test_open_reports_raises_the_window_already_open(qtbot, shop):
    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_reports(parent, shop)
    again = open_reports(parent, shop, "headcount")
    assert again is first and first.spec.name == "headcount"
    assert first.criteria.cells["department"].isVisibleTo(first)


def test_quick_periods():
    day = dt.date(2026, 2, 14)
    assert quick_period("this_month", day) == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert quick_period("last_month", dt.date(2026, 1, 5)) == Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert quick_period("this_quarter", dt.date(2026, 12, 31)) == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert quick_period("this_year", day) == Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert quick_period("last_year", day) == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_file_reports_opens_the_window_once(qtbot, shop):
    from PySide6.QtGui import QAction

    from ui.main_window import MainWindow

    window = MainWindow(shop, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    action = window.findChild(QAction, "reports")
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()
    action.trigger()
    dialogs_open = window.findChildren(ReportsDialog)
    assert len(dialogs_open) == 1 and dialogs_open[0].isVisible() and dialogs_open[0].db is shop
