"""A clerk attaches the signed scan, opens it, drops more files, meets the size limit, and previews the summary."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from app.domain.company import Company
from app.domain.contracts import ContractAttachment
from app.services import contract_documents, contracts
from tests.app.printing import make_company
from tests.ui.test_contracts_tab import customer, make_tab, new_contract
from ui.invoices import preview

MB = 1024 * 1024


def _open_contract(qtbot, db, title="Mantenimiento ascensores"):
    made = new_contract(db, title, end=None, party=customer(db).id, reference="CT-26-4")
    tab = make_tab(qtbot, db)
    tab.open_record(str(made.id))
    box = tab.attachments
    qtbot.waitUntil(lambda: box.add_button.width() > 0)
    return made, tab, box


def _drag_enter(box, mime) -> bool:
    event = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(box.list.viewport(), event)
    return event.isAccepted()


def _settle(qtbot, box) -> None:
    qtbot.waitUntil(lambda: not box.busy, timeout=10_000)


def test_attach_through_the_chooser_open_with_the_viewer_and_remove(qtbot, sqlite_db, answers, tmp_path):
    made, tab, box = _open_contract(qtbot, sqlite_db)
    scan = tmp_path / "contrato firmado.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    asked, opened = [], []
    box.chooser = lambda parent: asked.append(parent) or str(scan)
    box.opener = lambda path: opened.append((path, path.read_bytes())) or True
    assert not box.open_button.isEnabled()

    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, box)
    assert asked == [box] and box.filenames() == ["contrato firmado.pdf"], box.hint.text()
    stored = box.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert stored.mime_type == "application/pdf"

    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, box)
    [(path, data)] = opened
    assert path.name == "contrato firmado.pdf" and data == scan.read_bytes()
    assert hashlib.sha256(data).hexdigest() == stored.sha256
    assert contract_documents.open_folder() in path.parents  # the private cache folder, not the documents
    assert box.hint.text() == "Opened contrato firmado.pdf."

    box.opener = lambda path: False  # no viewer for it: the clerk is told where the copy is
    qtbot.keyClick(box.list, Qt.Key.Key_Return)  # Enter on the list opens too
    _settle(qtbot, box)
    assert "No application on this computer opens contrato firmado.pdf" in box.hint.text()

    answers["answers"] = [True]
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.filenames() == [] and contracts.list_attachments(sqlite_db, made.id) == []
    assert not box.open_button.isEnabled()


def test_a_file_over_the_company_limit_is_refused_with_sizes_and_nothing_stored(qtbot, sqlite_db, tmp_path):
    make_company(sqlite_db)
    with sqlite_db.session() as s:
        s.execute(update(Company).values(attachment_limit_mb=1))
    made, tab, box = _open_contract(qtbot, sqlite_db)
    big = tmp_path / "escaneo.tif"
    big.write_bytes(b"II*\x00" + b"\0" * (MB + MB // 2 - 4))
    box.chooser = lambda _parent: str(big)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, box)
    assert box.hint.text() == "escaneo.tif is too large (1.5 MB): at most 1 MB."
    assert box.filenames() == [] and contracts.list_attachments(sqlite_db, made.id) == []

    box.add_file(tmp_path / "ya no está.pdf")  # vanished between choosing and reading
    _settle(qtbot, box)
    assert box.hint.text() == "Cannot read ya no está.pdf: it does not exist (was it moved or deleted?)."


def test_a_damaged_file_is_not_opened(qtbot, sqlite_db, tmp_path):
    made, tab, box = _open_contract(qtbot, sqlite_db)
    att = contracts.add_attachment(sqlite_db, made.id, "nómina.pdf", b"%PDF-1.4 original")
    with sqlite_db.session() as s:
        s.execute(update(ContractAttachment).where(ContractAttachment.id == att.id).values(data=b"%PDF-1.4 other!!"))
    box.reload()
    opened = []
    box.opener = opened.append
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, box)
    assert opened == [] and "nómina.pdf is damaged" in box.hint.text()


def test_files_dropped_on_the_list_are_attached(qtbot, sqlite_db, tmp_path):
    made, tab, box = _open_contract(qtbot, sqlite_db)
    one, two = tmp_path / "anexo I.png", tmp_path / "anexo II.jpg"
    one.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 100)
    two.write_bytes(b"\xff\xd8\xff\xe0" + b"2" * 100)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(one)), QUrl.fromLocalFile(str(two))])
    assert _drag_enter(box, mime)  # a drop reaches only the widget that accepted the drag
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(box.list.viewport(), drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(box.filenames()) == 2, timeout=10_000)
    _settle(qtbot, box)
    assert sorted(box.filenames()) == ["anexo I.png", "anexo II.jpg"]
    types = {a.filename: a.mime_type for a in contracts.list_attachments(sqlite_db, made.id)}
    assert types == {"anexo I.png": "image/png", "anexo II.jpg": "image/jpeg"}

    tab.action_new()  # a contract not yet saved takes no drops
    assert not _drag_enter(box, mime) and not tab.summary.button.isEnabled()
    text_only = QMimeData()
    text_only.setText("hola")
    tab.open_record(str(made.id))
    assert tab.summary.button.isEnabled() and _drag_enter(box, mime) and not _drag_enter(box, text_only)


def test_summary_pdf_previews_and_saves(qtbot, sqlite_db, tmp_path, monkeypatch):
    make_company(sqlite_db)
    made, tab, box = _open_contract(qtbot, sqlite_db, "Limpieza de oficinas")
    action = tab.summary
    assert action.button.isEnabled()
    qtbot.mouseClick(action.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: action.dialog is not None and action.dialog.isVisible(), timeout=10_000)
    dialog = action.dialog
    assert dialog.page_count() == 1 and dialog.file_name == "contrato-CT-26-4.pdf"
    out = tmp_path / "resumen.pdf"
    monkeypatch.setattr(preview, "choose_save_path", lambda _parent, suggested: str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    words = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "RESUMEN DE CONTRATO" in words and "Limpieza de oficinas" in words and "Ferretería Martínez SL" in words
    assert Path(out).read_bytes() == dialog.data
    dialog.close()
