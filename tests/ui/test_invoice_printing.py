"""Preview, print and save invoices: one from its preview, many as one PDF or one print job.

No real printer here: the printer is a QPrinter writing PDF to a file, read back
with poppler (pages, size) and zbar (the QR code must survive the printing).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton

from app.services import invoices
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.setup import tax_rate_id
from tests.app import printing as pdf
from tests.app.invoicing import DAY, D, customer, post
from tests.ui.conftest import wait_idle
from tests.ui.test_invoices_tab import make_tab
from ui.invoices import preview
from ui.invoices.batch import BatchJob

QR_PREFIX = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=A58818501&numserie="


def _lines(n: int) -> list[InvoiceLineData]:
    return [InvoiceLineData(description=f"Línea {i}", quantity=D("1"), unit_price=D("15"),
                            tax_rate_id=tax_rate_id("IVA21")) for i in range(n)]


def _draft(db, party, lines: int = 1):
    return invoices.create_draft(db, InvoiceData(issue_date=DAY, party_id=party, lines=_lines(lines))).id


@pytest.fixture
def books(sqlite_db):
    """Three posted invoices (the first two pages long) and a draft, with a complete issuer."""
    db = sqlite_db
    pdf.make_company(db)
    party = customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid", province="Madrid")
    posted = []
    for number, lines in ((1, 60), (2, 1), (3, 1)):
        invoice_id = _draft(db, party, lines)
        post(db, invoice_id, number)
        posted.append(invoice_id)
    return db, posted, _draft(db, party)


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def a4(path) -> bool:
    out = pdf._run("pdfinfo", str(path)).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
    return abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5


def test_preview_shows_the_pages_saves_the_pdf_and_prints_one_job(qtbot, books, tmp_path, monkeypatch):
    db, (long_one, *_rest), _draft_id = books
    dialog = preview.preview_invoice(db, invoices.get_invoice(db, long_one), None)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.page_count() == 2
    assert dialog.windowTitle() == "Invoice F2026-000001"

    # Save: the clerk typed a name without ".pdf"; the file is the invoice, complete.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "copia"), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "copia.pdf"
    assert pdf.pages(saved) == 2 and "F2026-000001" in pdf.text(saved)
    assert not (tmp_path / "copia.pdf.part").exists()

    # Print: one job of both pages, A4, with the QR still readable on paper.
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(preview, "choose_printer", lambda _parent, pages: pdf_printer(out) if pages == 2 else None)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert pdf.pages(out) == 2 and a4(out)
    assert pdf.qr_codes(out, 1) == [QR_PREFIX + "F2026-000001&fecha=02-03-2026&importe=1089.00"]

    # A page range chosen in the print dialog is honoured.
    ranged = pdf_printer(tmp_path / "page2.pdf")
    ranged.setFromTo(2, 2)
    assert dialog.print_to(ranged) == 1 and pdf.pages(tmp_path / "page2.pdf") == 1

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_draft_previews_marked_as_draft_and_a_cancelled_save_writes_nothing(qtbot, books, tmp_path, monkeypatch):
    db, _posted, draft_id = books
    tab = make_tab(qtbot, db)
    tab.open_record(str(draft_id))
    dialog = tab.action_preview() or tab.findChild(preview.PreviewDialog)
    assert dialog.page_count() == 1 and dialog.file_name == "borrador.pdf"
    folder = tmp_path / "out"  # tmp_path also holds the database file
    folder.mkdir()
    path = folder / "draft.pdf"
    dialog.save_to(path)
    assert "BORRADOR" in pdf.text(path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog._on_save()  # the clerk cancelled the file dialog
    assert sorted(p.name for p in folder.iterdir()) == ["draft.pdf"]
    dialog.close()


def _select_all(qtbot, tab) -> None:
    wait_idle(qtbot, tab.model)
    assert tab.model.rowCount() == 4
    tab.list.table.setFocus()
    tab.list.table.selectAll()


def test_batch_save_of_the_selected_posted_invoices_is_one_pdf(qtbot, books, tmp_path, monkeypatch):
    db, _posted, _draft_id = books
    tab = make_tab(qtbot, db)
    _select_all(qtbot, tab)
    statuses = []
    tab.sig_status.connect(statuses.append)
    out = tmp_path / "lote.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    job = tab.printing.save_selected()
    assert not tab.printing.save_button.isEnabled()  # one batch at a time
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert job.ok, job.message
    assert pdf.pages(out) == 4  # 2 + 1 + 1: the draft is left out
    words = pdf.text(out)
    assert all(f"F2026-00000{n}" in words for n in (1, 2, 3)) and "BORRADOR" not in words
    assert any("1 selected invoices are drafts" in s for s in statuses)
    assert statuses[-1] == "Saved 3 invoices in one PDF."
    assert tab.printing.save_button.isEnabled() and tab.printing.job is None


def test_ctrl_p_with_several_rows_prints_the_batch_as_one_job(qtbot, books, tmp_path, monkeypatch):
    db, _posted, _draft_id = books
    tab = make_tab(qtbot, db)
    _select_all(qtbot, tab)
    out = tmp_path / "job.pdf"
    monkeypatch.setattr(preview, "choose_printer", lambda _parent, _pages: pdf_printer(out))
    tab.action_print()
    job = tab.printing.job
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.ok, job.message
    assert pdf.pages(out) == 4 and a4(out)
    # Each invoice's QR survives the printing, once (on its first page).
    codes = [code for page in range(1, 5) for code in pdf.qr_codes(out, page)]
    assert sorted(codes) == [QR_PREFIX + f"F2026-00000{n}&fecha=02-03-2026&importe={amount}"
                             for n, amount in ((1, "1089.00"), (2, "18.15"), (3, "18.15"))]


def test_a_batch_cancelled_midway_writes_nothing(qtbot, books, tmp_path):
    db, posted, _draft_id = books
    tmp_path = tmp_path / "out"  # not the database's folder
    tmp_path.mkdir()
    out = tmp_path / "lote.pdf"
    job = BatchJob(db, posted, out)
    # Cancel from the worker thread right after the first invoice (as the Cancel button would,
    # but without racing the GUI thread): the flag is a threading.Event, safe from any thread.
    job.sig_progress.connect(lambda done, _text: job.cancel_event.set(), Qt.ConnectionType.DirectConnection)
    job.start()
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert not job.ok and job.message == "Cancelled: nothing was saved."
    assert list(tmp_path.iterdir()) == []

    # The progress dialog's Cancel button is what sets that flag.
    printed = tmp_path / "printed.pdf"
    job = BatchJob(db, posted, pdf_printer(printed))
    job.progress.findChild(QPushButton).click()
    assert job.cancel_event.is_set()
    job.start()
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert not job.ok and job.message == "Cancelled: nothing was printed."
    assert not printed.exists()
