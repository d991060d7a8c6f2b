"""File > Export list…: the list on screen, with its search, filters, sort and columns, to CSV or Excel.

The rows are written off the GUI thread by ``app.services.export`` (page by
page, as the screen reads them) while a progress dialog offers Cancel; a
cancelled export leaves no file. The worker reports through a Qt signal
(queued to the GUI thread) and is stopped through a ``threading.Event``,
never by touching a widget: the pattern of ``ui.invoices.batch``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.db.session import Database
from app.services.export import ExportCancelled, export_rows
from ui.common import dialogs
from ui.common.formatting import format_decimal
from ui.common.list_panel import ListPanel
from ui.common.settings import settings
from ui.common.table_model import Column
from ui.common.worker import run_in_background

_running: set[ExportJob] = set()  # one export at a time; also keeps the job alive until it ends


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def visible_columns(panel: ListPanel) -> list[Column]:
    """The columns as the clerk arranged them: moved ones where they were moved to, hidden ones left out."""
    header = panel.table.horizontalHeader()
    columns = panel.model.columns
    logical = [header.logicalIndex(v) for v in range(header.count())]
    return [columns[i] for i in logical if 0 <= i < len(columns) and not header.isSectionHidden(i)]


def suggested_name(panel: ListPanel, today: dt.date | None = None) -> str:
    """``<list name>-<yyyy-mm-dd>.csv`` in the folder of the last export."""
    stem = "-".join(panel.noun_plural.split()) or "list"
    name = f"{stem}-{(today or dt.date.today()).isoformat()}.csv"
    folder = settings().value("export/folder")
    return str(Path(folder) / name) if isinstance(folder, str) and Path(folder).is_dir() else name


class ExportJob(QObject):
    """One export: ``start()`` it, watch ``sig_finished(ok, message)``."""

    sig_progress = Signal(int, int)  # rows written, total (-1 unknown); emitted on the worker thread
    sig_finished = Signal(bool, str)

    def __init__(self, db: Database, panel: ListPanel, path: str, fmt: str, parent: QWidget):
        super().__init__(parent)
        self.db = db
        self.list_fn = panel.model.list_fn
        self.count_fn = panel.model.count_fn
        self.query = panel.model.query  # frozen: later typing in the search box does not change this export
        self.columns = visible_columns(panel)
        self.title = panel.noun_plural
        self.path = path
        self.fmt = fmt
        self.parent_widget = parent
        self.cancel_event = threading.Event()
        self.done = False
        self.ok = False
        self.message = ""
        self.rows = 0
        self.progress = QProgressDialog(tr("Counting the rows…"), tr("Cancel"), 0, 0, parent)
        self.progress.setObjectName("export_progress")
        self.progress.setWindowTitle(tr("Export"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # a short list flashes no window
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(self.cancel_event.set)
        self.sig_progress.connect(self._on_progress)

    def start(self) -> None:
        _running.add(self)
        self.progress.setValue(0)
        run_in_background(self._work, self._on_done, self._on_failed, self)

    def cancel(self) -> None:
        self.cancel_event.set()

    # -- worker thread: no widget here ----------------------------------------------------------
    def _work(self) -> int:
        return export_rows(self.db, self.list_fn, self.query, self.columns, self.path, self.fmt,
                           progress=lambda done, total: self.sig_progress.emit(done, -1 if total is None else total),
                           cancelled=self.cancel_event.is_set, count_fn=self.count_fn, sheet_name=self.title)

    # -- GUI thread ---------------------------------------------------------------------------------
    def _on_progress(self, done: int, total: int) -> None:
        if self.done:
            return
        if total < 0:
            self.progress.setLabelText(tr("Written {0} rows…").replace("{0}", format_decimal(done, 0)))
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setLabelText(tr("Written {0} of {1} rows…").replace("{0}", format_decimal(done, 0))
                                   .replace("{1}", format_decimal(total, 0)))

    def _on_done(self, count: int) -> None:
        self.rows = count
        settings().setValue("export/folder", str(Path(self.path).parent))
        self._finish(True, tr("Exported {0} rows to {1}.").replace("{0}", format_decimal(count, 0))
                     .replace("{1}", self.path))
        dialogs.inform(self.parent_widget, tr("Export"), self.message)

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, ExportCancelled):
            self._finish(False, tr("Export cancelled: nothing was saved."))
            return
        self._finish(False, tr("The list was not exported: {0}").replace("{0}", str(exc)))
        dialogs.inform(self.parent_widget, tr("Not exported"), self.message)

    def _finish(self, ok: bool, message: str) -> None:
        self.done, self.ok, self.message = True, ok, message
        _running.discard(self)
        self.progress.close()
        self.progress.deleteLater()
        self.sig_finished.emit(ok, message)
        self.deleteLater()


def export_list(parent: QWidget, db: Database, panel: ListPanel,
                on_status: Callable[[str], None] | None = None) -> ExportJob | None:
    """Ask where, then export ``panel``'s list as shown; None when the clerk cancels or one is running."""
    _running.difference_update([job for job in _running if not shiboken6.isValid(job)])  # its window closed
    if _running:
        if on_status is not None:
            on_status(tr("An export is still running."))
        return None
    path = dialogs.choose_save_path(parent, tr("Export the list"), suggested_name(panel),
                                    [(tr("CSV for Excel (*.csv)"), ".csv"), (tr("Excel workbook (*.xlsx)"), ".xlsx")])
    if path is None:
        return None
    fmt = "xlsx" if path.lower().endswith(".xlsx") else "csv"
    job = ExportJob(db, panel, path, fmt, parent)
    if on_status is not None:
        job.sig_finished.connect(lambda _ok, message: on_status(message))
    job.start()
    return job


def export_tab(parent: QWidget, db: Database, tab: QWidget,
               on_status: Callable[[str], None] | None = None) -> ExportJob | None:
    """Export the list of a window tab (for Inventory, of the inner tab on show)."""
    inner = getattr(tab, "current_record_tab", None)
    target = inner() if inner is not None else tab
    panel = getattr(target, "list", None)
    if not isinstance(panel, ListPanel):
        if on_status is not None:
            on_status(tr("This tab has no list to export."))
        return None
    return export_list(parent, db, panel, on_status)
