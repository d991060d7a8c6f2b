"""Import products… : choose a CSV, see every row and every error, then import in one go.

The file is read and checked off the GUI thread (``product_import.read_product_csv``
with the database, so the preview shows exactly what the import will refuse);
ticking "Update products whose SKU exists" checks the rows again. Import stays
disabled while errors remain, unless the clerk ticks "Skip the rows with
errors". The import itself runs off the GUI thread, in one transaction.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError
from app.services.product_import import (
    ImportCancelled, ImportPreview, ImportRefused, ImportResult, check_products, import_products, read_product_csv,
)
from ui.common import dialogs, theme
from ui.common.formatting import format_decimal
from ui.common.worker import run_in_background

ERROR_TINT = "error_bg"  # a theme colour
MAX_FILE_BYTES = 50 * 1024 * 1024  # a catalogue of a million rows; more is not a product list


class PreviewModel(QAbstractTableModel):
    """The rows as read: line, the recognised columns in the file's order, what happens, the errors."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self._keys: list[str] = []
        self._titles: list[str] = []

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self._keys = list(preview.headers) if preview else []
        self._titles = list(preview.headers.values()) if preview else []
        self.endResetModel()

    def row_of_line(self, line: int) -> int | None:
        rows = self.preview.rows if self.preview else []
        return next((i for i, r in enumerate(rows) if r.line == line), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self._keys) + 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.preview is None:
            return None
        row = self.preview.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(row.line)
            if c <= len(self._keys):
                return row.cells.get(self._keys[c - 1], "")
            if c == len(self._keys) + 1:
                return self.tr("Skip") if row.errors else (self.tr("Update") if row.action == "update"
                                                            else self.tr("New"))
            return "; ".join(f"{e.column}: {e.message}" for e in row.errors)
        if role == Qt.ItemDataRole.BackgroundRole and row.errors:
            return theme.brush(ERROR_TINT)
        if role == Qt.ItemDataRole.ToolTipRole and row.errors:
            return "\n".join(str(e) for e in row.errors)
        if role == Qt.ItemDataRole.TextAlignmentRole and c == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Line"), *self._titles, self.tr("Action"), self.tr("Errors")]
        return titles[section] if 0 <= section < len(titles) else None


class ImportDialog(QDialog):
    """``sig_imported(result)`` once products were written."""

    sig_imported = Signal(object)
    sig_progress = Signal(int, int)  # rows checked, rows in all; emitted on the worker thread

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.path: str | None = None
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.busy = False
        self._gen = 0
        self._cancel = threading.Event()
        self.setWindowTitle(self.tr("Import products"))
        self.resize(900, 600)

        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("file")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("A CSV file with at least the columns SKU and name"))
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.choose_button.setObjectName("choose_file")
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.choose_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.errors = QListWidget(self)
        self.errors.setObjectName("errors")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.errors)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.update_box = QCheckBox(self.tr("&Update products whose SKU exists"), self)
        self.update_box.setObjectName("update_existing")
        self.update_box.setToolTip(self.tr("Otherwise a row whose SKU is already in the catalogue is an error."))
        self.skip_box = QCheckBox(self.tr("S&kip the rows with errors"), self)
        self.skip_box.setObjectName("skip_errors")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        options = QHBoxLayout()
        options.addWidget(self.update_box)
        options.addWidget(self.skip_box)
        options.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addLayout(options)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.update_box.toggled.connect(self._on_update_toggled)
        self.skip_box.toggled.connect(lambda _on: self._update_buttons())
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.sig_progress.connect(self._on_progress)
        self.errors.itemActivated.connect(self._on_error_activated)
        self.errors.itemClicked.connect(self._on_error_activated)
        self._update_buttons()

    @property
    def existing(self) -> str:
        return "update" if self.update_box.isChecked() else "error"

    # -- reading ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = dialogs.choose_open_path(self, self.tr("Import products"),
                                        [self.tr("CSV files (*.csv *.txt)"), self.tr("All files (*)")])
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read ``path`` and check its rows in the background; the preview shows when done."""
        self.path = path
        self.file_edit.setText(path)
        try:
            if Path(path).stat().st_size > MAX_FILE_BYTES:
                raise OSError(self.tr("The file is larger than 50 MB; is it really a product list?"))
            data = Path(path).read_bytes()
        except OSError as exc:
            self._show(None, self.tr("The file cannot be read: {0}").replace("{0}", str(exc)))
            return
        existing, report, cancelled = self.existing, self.sig_progress.emit, self._new_job()
        self._run(lambda: read_product_csv(data, self.db, existing, progress=report, cancelled=cancelled),
                  self.tr("Reading the file…"))

    def _on_update_toggled(self, _on: bool) -> None:
        if self.preview is not None and not self.preview.file_errors:
            preview, existing, report, cancelled = self.preview, self.existing, self.sig_progress.emit, self._new_job()
            self._run(lambda: check_products(self.db, preview, existing, progress=report, cancelled=cancelled),
                      self.tr("Checking the rows again…"))

    def _new_job(self):
        """A fresh cancel flag for the next job (the previous one may still be stopping)."""
        self._cancel.set()
        self._cancel = threading.Event()
        return self._cancel.is_set

    def _run(self, fn, label: str) -> None:
        self._gen += 1
        gen = self._gen
        self._set_busy(True, label)
        run_in_background(fn, lambda preview: gen == self._gen and self._show(preview),
                          lambda exc: gen == self._gen and self._show(None, str(exc)), self)

    def _set_busy(self, busy: bool, label: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # until the first report says how many rows
        if label:
            self.summary.setText(label)
        self._update_buttons()

    def _on_progress(self, done: int, total: int) -> None:
        if self.busy:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def reject(self) -> None:
        """Cancel (or Esc) stops the reading or the import under way; once idle, it closes the dialog."""
        if self.busy:
            self._cancel.set()
            return
        super().reject()

    def _show(self, preview: ImportPreview | None, failure: str = "") -> None:
        self._set_busy(False)
        self.preview = preview
        self.model.set_preview(preview)
        self.table.resizeColumnsToContents()
        self.errors.clear()
        if preview is None:
            self.summary.setText(failure)
        else:
            self.summary.setText(self._summary(preview))
            for error in preview.errors[:5000]:  # the count is in the summary; the rest follow the first fixes
                item = QListWidgetItem(str(error), self.errors)
                item.setData(Qt.ItemDataRole.UserRole, error.line)
        self._update_buttons()

    def _summary(self, p: ImportPreview) -> str:
        if p.file_errors:
            return self.tr("This file cannot be imported:") + " " + " ".join(e.message for e in p.file_errors)
        n = lambda k: format_decimal(k, 0)  # noqa: E731
        new = sum(1 for r in p.rows if r.ok and r.action == "create")
        updates = sum(1 for r in p.rows if r.ok and r.action == "update")
        text = (self.tr("{rows} rows ({encoding}, separator {sep}): {new} new, {updates} to update, "
                        "{errors} with errors.")
                .replace("{rows}", n(len(p.rows))).replace("{encoding}", p.encoding)
                .replace("{sep}", self.tr("tab") if p.delimiter == "\t" else p.delimiter)
                .replace("{new}", n(new)).replace("{updates}", n(updates)).replace("{errors}", n(p.error_rows)))
        if p.ignored:
            text += " " + self.tr("Columns left out: {0}.").replace("{0}", ", ".join(p.ignored))
        return text

    def _update_buttons(self) -> None:
        p = self.preview
        ready = (p is not None and not p.file_errors and bool(p.ready_rows)
                 and (p.error_rows == 0 or self.skip_box.isChecked()))
        self.import_button.setEnabled(ready and not self.busy)
        self.choose_button.setEnabled(not self.busy)
        self.update_box.setEnabled(not self.busy)

    def _on_error_activated(self, item: QListWidgetItem) -> None:
        row = self.model.row_of_line(item.data(Qt.ItemDataRole.UserRole))
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- importing -------------------------------------------------------------------------------
    def run_import(self) -> None:
        if not self.import_button.isEnabled() or self.preview is None:
            return
        preview, skip, existing = self.preview, self.skip_box.isChecked(), self.existing
        report, cancelled = self.sig_progress.emit, self._new_job()
        self._gen += 1
        gen = self._gen
        self._set_busy(True, self.tr("Importing…"))
        run_in_background(lambda: import_products(self.db, preview, skip, existing, progress=report,
                                                  cancelled=cancelled),
                          lambda result: gen == self._gen and self._on_imported(result),
                          lambda exc: gen == self._gen and self._on_import_failed(exc), self)

    def _on_imported(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.result = result
        self.sig_imported.emit(result)
        dialogs.inform(self, self.tr("Import products"), describe(result))
        self.accept()

    def _on_import_failed(self, exc: Exception) -> None:
        # The data changed since the preview (or the file could not be read): show the rows as they are now.
        self._set_busy(False)
        if isinstance(exc, ImportCancelled):
            self.summary.setText(str(exc))
            return
        if isinstance(exc, ImportRefused) and self.preview is not None and not self.preview.file_errors:
            dialogs.inform(self, self.tr("Nothing imported"),
                           self.tr("Some rows are no longer right; nothing was imported. Check the list again."))
            self._on_update_toggled(self.update_box.isChecked())
            return
        message = str(exc) if isinstance(exc, TrastiendaError) else self.tr("The import failed: {0}").replace(
            "{0}", str(exc))
        dialogs.inform(self, self.tr("Nothing imported"), message)
        self.summary.setText(message)
        self._update_buttons()


def describe(result: ImportResult) -> str:
    text = QCoreApplication.translate("ImportDialog", "Imported {new} new products and updated {updated}; "
                                                      "{skipped} rows with errors were skipped.")
    for key, value in (("{new}", result.created), ("{updated}", result.updated), ("{skipped}", result.skipped)):
        text = text.replace(key, format_decimal(value, 0))
    return text


def open_import(tab) -> ImportDialog:
    """Open the dialog over the products tab; when products were written, the lists read them again."""
    dialog = ImportDialog(tab.db, tab)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def imported(result: ImportResult) -> None:
        tab.changed()
        tab.list.refresh()
        tab.sig_status.emit(describe(result))

    dialog.sig_imported.connect(imported)
    dialog.open()
    return dialog
