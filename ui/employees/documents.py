"""The documents kept in an employee's record (contract, certificates, permits): add, open, edit expiry, remove.

HR only (the staff form builds this box for HR alone; the service checks the
role again). Every add, opening, change and removal is written to the
personal-data audit trail by the service. Reading a file in and taking one
out run off the GUI thread; the list itself holds metadata only. The file
chooser, the details dialog and the system viewer are attributes, so tests
answer them without a modal dialog or a viewer (as ``ui.contracts.attachments``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.domain.enums import DocumentKind
from app.errors import TrastiendaError, ValidationError
from app.services import employee_documents
from app.services.contract_documents import open_folder
from app.services.employee_documents import DocumentView
from ui.common import dialogs, theme
from ui.common.fields import ChoiceField, DateField, TextField, mark_error
from ui.common.formatting import ParseError, format_date
from ui.common.file_jobs import FileJobs
from ui.contracts.attachments import choose_file, open_with_system, size_text

DOC_ROLE = Qt.ItemDataRole.UserRole  # column 0 holds the row's DocumentView
EXPIRED = "error_text"  # theme colours
# Row backgrounds: the text stays legible on them, distinct from the alternate-row grey.
EXPIRED_TINT = "error_bg"
SOON_TINT = "warning_bg"

Details = tuple[DocumentKind, str, dt.date | None]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def kind_label(kind: DocumentKind) -> str:
    labels = {DocumentKind.CONTRACT: tr("Contract"), DocumentKind.CERTIFICATE: tr("Certificate"),
              DocumentKind.PERMIT: tr("Permit"), DocumentKind.IDENTITY: tr("Identity document"),
              DocumentKind.OTHER: tr("Other")}
    return labels.get(kind, str(kind))


def days_left_text(days: int) -> str:
    """"expired 5 days ago", "expires today", "in 12 days": how far a document's expiry is."""
    if days < -1:
        return tr("expired {0} days ago").replace("{0}", str(-days))
    if days == -1:
        return tr("expired yesterday")
    if days == 0:
        return tr("expires today")
    if days == 1:
        return tr("tomorrow")
    return tr("in {0} days").replace("{0}", str(days))


def expiry_tint(days_left: int | None, alert_days: int) -> QColor | None:
    """The background of a document's row: expired, expiring within the alert days, or none."""
    if days_left is None or days_left > alert_days:
        return None
    return theme.colour(EXPIRED_TINT if days_left < 0 else SOON_TINT)


class DocumentDetails(QDialog):
    """Kind, title and expiry date of a document (new or stored)."""

    def __init__(self, parent: QWidget | None, title: str, kind: DocumentKind = DocumentKind.OTHER,
                 expires_on: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("document_details")
        self.setWindowTitle(self.tr("Document"))
        self.kind = ChoiceField([(kind_label(k), k) for k in DocumentKind], parent=self)
        self.kind.setObjectName("kind")
        self.kind.set_value(kind)
        self.title_field = TextField(self)
        self.title_field.setObjectName("title")
        self.title_field.setMaxLength(200)
        self.title_field.set_value(title)
        self.expires = DateField(self)
        self.expires.setObjectName("expires_on")
        self.expires.set_value(expires_on)
        self.expires.setToolTip(self.tr("Empty when it does not expire; an alert shows before it does."))
        self.error = QLabel(self)
        theme.style(self.error, "color: $error_text;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Title"), self.title_field)
        form.addRow(self.tr("E&xpires on"), self.expires)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def details(self) -> Details:
        """What was typed; ParseError on a date that does not exist."""
        return self.kind.value(), self.title_field.value() or "", self.expires.value()

    def accept(self) -> None:
        try:
            self.details()
        except ParseError as exc:
            mark_error(self.expires, str(exc))
            self.error.setText(str(exc))
            self.error.show()
            self.expires.setFocus()
            return
        super().accept()


def ask_details(parent: QWidget, title: str, kind: DocumentKind = DocumentKind.OTHER,
                expires_on: dt.date | None = None) -> Details | None:
    """The details of a document, or None when the clerk cancels."""
    dialog = DocumentDetails(parent, title, kind, expires_on)
    return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None


def write_for_viewer(name: str, data: bytes) -> Path:
    """``data`` under its own name in a new private folder (mode 0700) of the opened-files cache."""
    private = Path(tempfile.mkdtemp(prefix="doc-", dir=open_folder()))
    path = private / (name.replace("/", "_").replace("\\", "_").strip() or "file")
    path.write_bytes(data)
    return path


class DocumentsBox(FileJobs, QGroupBox):
    sig_status = Signal(str)
    sig_changed = Signal()  # a document was added, changed or removed (the expiry badge counts again)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Documents"))
        self.db = db
        theme.on_change(self.reload)  # the expiry tints are set on the items
        self.employee_id: uuid.UUID | None = None
        self.read_only = False
        self._jobs = 0
        self.today: Callable[[], dt.date] = dt.date.today
        # Injectable: what asks for a file and for its details, and what shows an opened file.
        self.chooser: Callable[[QWidget], str | None] = choose_file
        self.details: Callable[..., Details | None] = ask_details
        self.opener: Callable[[Path], bool] = open_with_system
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("documents")
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Title"), self.tr("Expires"), self.tr("Size")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The form beside the list is narrow: kind, expiry and size take what they need, the title
        # the rest, on one line (elided; the whole of it in the tooltip) so rows keep their height.
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setMaximumHeight(120)
        self.hint = QLabel(self)
        self.hint.setObjectName("documents_hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("add_document")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("open_document")
        self.edit_button = QPushButton(self.tr("Edit expiry…"), self)
        self.edit_button.setObjectName("edit_document")
        self.edit_button.setToolTip(self.tr("Change the expiry date, kind or title"))
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("remove_document")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add)
        self.open_button.clicked.connect(self._on_open)
        self.edit_button.clicked.connect(self._on_edit)
        self.remove_button.clicked.connect(self._on_remove)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemActivated.connect(lambda _i: self._on_open())
        self.set_employee(None)

    # -- public API -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A file is being stored or opened."""
        return self._jobs > 0

    def set_employee(self, employee_id: uuid.UUID | str | None, *, read_only: bool = False) -> None:
        """Show a saved employee's documents; a new one has none until saved."""
        self.employee_id = uuid.UUID(str(employee_id)) if employee_id else None
        self.read_only = read_only
        self._say("" if self.employee_id else self.tr("Save the employee first to add documents."), status=False)
        self.reload()

    def reload(self) -> None:
        # A few rows without their bytes: cheap enough to read here.
        current = self.current()
        self.table.setRowCount(0)
        if self.employee_id is not None:
            try:
                found = employee_documents.list_documents(self.db, self.employee_id)
            except TrastiendaError as exc:
                found = []
                self._say(str(exc))
            today = self.today()
            alert = employee_documents.alert_days(self.db) if found else 0
            self.table.setRowCount(len(found))
            for row, doc in enumerate(found):
                expiry = format_date(doc.expires_on)
                days = (doc.expires_on - today).days if doc.expires_on is not None else None
                tint = expiry_tint(days, alert)
                if days is not None and days < 0:
                    expiry = self.tr("{0} (expired)").replace("{0}", expiry)
                elif tint is not None:  # within the alert days: say how soon, not only by colour
                    expiry = f"{expiry} ({days_left_text(days)})"
                items = [QTableWidgetItem(kind_label(doc.kind)), QTableWidgetItem(doc.title),
                         QTableWidgetItem(expiry), QTableWidgetItem(size_text(doc.size))]
                items[0].setData(DOC_ROLE, doc)
                items[1].setToolTip(f"{doc.title}\n{doc.filename} · {doc.mime_type}")
                items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if days is not None and days < 0:
                    items[2].setForeground(theme.brush(EXPIRED))
                if tint is not None:
                    items[2].setToolTip(days_left_text(days).capitalize())
                    for item in items:
                        item.setBackground(QBrush(tint))
                for col, item in enumerate(items):
                    self.table.setItem(row, col, item)
                if current is not None and doc.id == current.id:
                    self.table.selectRow(row)
        self._enable()

    def current(self) -> DocumentView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(DOC_ROLE) if item is not None else None

    def documents(self) -> list[DocumentView]:
        return [self.table.item(r, 0).data(DOC_ROLE) for r in range(self.table.rowCount())]

    def add_file(self, path: str | Path, kind: DocumentKind, title: str, expires_on: dt.date | None) -> None:
        """Store the file at ``path`` in the employee's record (checked, read and stored in the background)."""
        if self.employee_id is None or self.read_only:
            return
        path = Path(path)
        employee_id = self.employee_id
        self._say(self.tr("Adding {0}…").replace("{0}", path.name))
        self._start(lambda: employee_documents.add_document_file(self.db, employee_id, path, kind, title, expires_on),
                    lambda doc: self._on_added(employee_id, doc))

    def open_document(self, doc: DocumentView) -> None:
        """Take the verified bytes out into a private folder and hand the file to the system's viewer."""
        self._say(self.tr("Opening {0}…").replace("{0}", doc.filename))
        self._start(lambda: write_for_viewer(doc.filename, employee_documents.get_document_data(self.db, doc.id)),
                    self._on_written)

    def edit(self, doc: DocumentView, kind: DocumentKind, title: str, expires_on: dt.date | None) -> bool:
        try:
            employee_documents.update_document(self.db, doc.id, kind, title, expires_on, doc.version)
        except ValidationError as exc:
            self._say(" ".join(e.message for e in exc.errors))
            return False
        except TrastiendaError as exc:
            self._say(str(exc))
            return False
        self._say(self.tr("Saved {0}.").replace("{0}", title))
        self.reload()
        self.sig_changed.emit()
        return True

    def remove(self, doc: DocumentView) -> None:
        if not dialogs.confirm(self, self.tr("Remove document"),
                               self.tr("Remove {0} from this employee's documents? It leaves the list and the "
                                       "expiry alerts.").replace("{0}", doc.title)):
            return
        try:
            employee_documents.remove_document(self.db, doc.id)
        except TrastiendaError as exc:
            self._say(str(exc))
        else:
            self._say(self.tr("Removed {0}.").replace("{0}", doc.title))
            self.sig_changed.emit()
        self.reload()

    # -- slots --------------------------------------------------------------------------
    def _on_add(self) -> None:
        path = self.chooser(self)
        if not path:
            return
        details = self.details(self, Path(path).stem)
        if details is not None:
            self.add_file(path, *details)

    def _on_open(self) -> None:
        doc = self.current()
        if doc is not None:
            self.open_document(doc)

    def _on_edit(self) -> None:
        doc = self.current()
        if doc is None or self.read_only:
            return
        details = self.details(self, doc.title, doc.kind, doc.expires_on)
        if details is not None:
            self.edit(doc, *details)

    def _on_remove(self) -> None:
        doc = self.current()
        if doc is not None and not self.read_only:
            self.remove(doc)

    def _on_added(self, employee_id: uuid.UUID, doc: DocumentView) -> None:
        self._say(self.tr("Added {0}.").replace("{0}", doc.title))
        self.sig_changed.emit()
        if employee_id == self.employee_id:  # the clerk may have opened another person meanwhile
            self.reload()

    def _on_written(self, path: Path) -> None:
        if self.opener(path):
            self._say(self.tr("Opened {0}.").replace("{0}", path.name))
        else:
            self._say(self.tr("No application on this computer opens {0}; a copy is at {1}.")
                      .replace("{0}", path.name).replace("{1}", str(path)))

    # -- internals ------------------------------------------------------------------------
    def _enable(self) -> None:
        saved = self.employee_id is not None
        writable = saved and not self.read_only
        chosen = saved and self.current() is not None
        self.add_button.setEnabled(writable)
        self.open_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen and not self.read_only)
        self.remove_button.setEnabled(chosen and not self.read_only)
