"""Staff > Expiring documents…: the documents behind the window's "Employees (n)" badge.

Lists ``employee_documents.expiring_documents`` (HR only): who, which document,
when it expires and how soon, expired rows tinted; soonest first, as the
service gives them. Read off the GUI thread. Enter or double-click on a row
opens that person in the Staff tab (``sig_open_employee``) and closes the dialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from app.db.session import Database
from app.services import employee_documents
from app.services.employee_documents import ExpiringDocument
from ui.common import theme
from ui.common.formatting import format_date
from ui.common.worker import run_in_background
from ui.employees.documents import EXPIRED, days_left_text, expiry_tint, kind_label

EMPLOYEE_ROLE = Qt.ItemDataRole.UserRole  # column 0 holds the employee's id (str)


class ExpiringDocumentsDialog(QDialog):
    sig_open_employee = Signal(str)  # employee id, to open in the Staff tab

    def __init__(self, db: Database, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.today = today
        theme.on_change(self.refresh)  # the expiry tints are set on the items
        self.setObjectName("expiring_documents_dialog")
        self.setWindowTitle(self.tr("Expiring documents"))
        self.resize(860, 420)
        self.found: list[ExpiringDocument] = []
        self._reading = False

        self.heading = QLabel(self.tr("Reading…"), self)
        self.heading.setObjectName("expiring_heading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("expiring_table")
        self.table.setAccessibleName(self.tr("Expiring documents"))
        self.table.setHorizontalHeaderLabels([self.tr("Employee"), self.tr("Document"), self.tr("Expires on"),
                                              self.tr("When")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 250)
        self.table.setColumnWidth(2, 100)
        self.table.setColumnWidth(3, 150)
        hint = QLabel(self.tr("Enter or double-click opens the person's file."), self)
        hint.setObjectName("expiring_hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the table (open the person), never to a default button.
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # Enter is handled in keyPressEvent: an item view emits "activated" on Enter except on macOS.
        self.table.itemDoubleClicked.connect(self._on_double_clicked)
        self.refresh()

    # -- public API -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._reading

    def refresh(self) -> None:
        """Read the expiring documents (and the alert days that define "soon") in the background."""
        self._reading = True
        db, today = self.db, self.today
        run_in_background(lambda: (employee_documents.alert_days(db), employee_documents.expiring_documents(db, today)),
                          self._on_read, self._on_failed, owner=self)

    def texts(self) -> list[list[str]]:
        """The table as shown (for tests and a quick look)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def open_row(self, row: int) -> None:
        """Open the person of ``row`` in the Staff tab and close the dialog."""
        item = self.table.item(row, 0)
        if item is None:
            return
        self.sig_open_employee.emit(item.data(EMPLOYEE_ROLE))
        self.accept()

    # -- slots ------------------------------------------------------------------------------
    def _on_read(self, result: tuple[int, list[ExpiringDocument]]) -> None:
        self._reading = False
        alert, self.found = result
        self.table.setRowCount(len(self.found))
        for row, entry in enumerate(self.found):
            doc = entry.document
            texts = [f"{entry.employee_code} · {entry.employee_name}", f"{kind_label(doc.kind)} — {doc.title}",
                     format_date(entry.expires_on), days_left_text(entry.days_left)]
            items = [QTableWidgetItem(text) for text in texts]
            items[0].setData(EMPLOYEE_ROLE, str(doc.employee_id))
            items[1].setToolTip(f"{doc.title}\n{doc.filename} · {doc.mime_type}")  # the column may elide it
            if entry.days_left < 0:
                tint = expiry_tint(entry.days_left, alert)
                for item in items:
                    item.setBackground(QBrush(tint))
                items[3].setForeground(theme.brush(EXPIRED))
            for col, item in enumerate(items):
                self.table.setItem(row, col, item)
        expired = sum(1 for e in self.found if e.days_left < 0)
        if not self.found:
            text = self.tr("No document expires within {0} days.").replace("{0}", str(alert))
        else:
            text = (self.tr("Expiring within {1} days or already expired: {0} ({2} expired). Soonest first.")
                    .replace("{0}", str(len(self.found))).replace("{1}", str(alert)).replace("{2}", str(expired)))
        self.heading.setText(text)
        if self.found:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_failed(self, exc: Exception) -> None:
        self._reading = False
        self.heading.setText(self.tr("The expiring documents could not be read: {0}").replace("{0}", str(exc)))

    def _on_double_clicked(self, item: QTableWidgetItem) -> None:
        self.open_row(item.row())

    def keyPressEvent(self, event) -> None:
        # The table passes Enter on (ignores it) on every platform; it reaches us here once.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus() \
                and self.table.currentRow() >= 0:
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)
