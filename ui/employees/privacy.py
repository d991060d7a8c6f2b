"""The employee form's Privacy menu: block, unblock, anonymise, export personal data, the audit trail.

Each action is the service's (``app.services.employees``, ``personal_data``,
``hr_audit``): the service checks the role and the rules (the retention
period, a reason for a block) and the menu only offers what the clerk may do,
saying why an action is not available yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMenu, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import ConflictError, TrastiendaError, ValidationError
from app.services import access, employees, hr_audit, personal_data
from app.services.employees import EmployeeView
from ui.common import dialogs
from ui.common.formatting import format_date
from ui.common.worker import run_in_background


class PrivacyButton(QPushButton):
    """A button with the privacy actions as its menu (Alt+V, then the action's letter)."""

    sig_status = Signal(str)
    sig_employee = Signal(object)  # the record after a change (EmployeeView), or None when this clerk may no longer read it

    def __init__(self, db: Database, staff, parent: QWidget | None = None):
        super().__init__(self.tr("Pri&vacy"), parent)
        self.db = db
        self.staff = staff  # today(), may_close()
        self.view: EmployeeView | None = None
        self.exporting = False
        self.setToolTip(self.tr("Block, anonymise or export this person's personal data; who looked at it"))
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        self.block_action = menu.addAction(self.tr("&Block personal data…"), self.block)
        self.block_action.setObjectName("block")
        self.unblock_action = menu.addAction(self.tr("&Unblock"), self.unblock)
        self.unblock_action.setObjectName("unblock")
        self.anonymise_action = menu.addAction(self.tr("&Anonymise…"), self.anonymise)
        self.anonymise_action.setObjectName("anonymise")
        menu.addSeparator()
        self.export_action = menu.addAction(self.tr("&Export personal data…"), self.export)
        self.export_action.setObjectName("export_personal_data")
        self.audit_action = menu.addAction(self.tr("Audit &trail…"), self.show_audit)
        self.audit_action.setObjectName("audit_trail")
        self.setMenu(menu)
        self.set_employee(None)

    # -- state ------------------------------------------------------------------------------
    def set_employee(self, view: EmployeeView | None) -> None:
        """Offer what may be done to ``view`` (None: a new, unsaved person: nothing)."""
        self.view = view
        hr = access.has_role(self.db, access.HR)
        admin = access.has_role(self.db, access.ADMIN)
        saved = view is not None
        live = saved and not view.anonymised
        self.block_action.setEnabled(hr and live and not view.blocked)
        self.unblock_action.setEnabled(admin and saved and view.blocked)
        self.export_action.setEnabled(hr and saved and not self.exporting)
        self.audit_action.setEnabled(hr and saved)
        self._offer_anonymise(hr and live)
        self.setEnabled(saved)

    def _offer_anonymise(self, allowed: bool) -> None:
        text, tip, ok = self.tr("&Anonymise…"), "", False
        if allowed:
            years = employees.retention_years(self.db)
            start = employees.anonymisable_from(self.view.end_date, years)
            if start is None:
                tip = self.tr("Still employed: the data is kept while they work here and {0} years after.") \
                    .replace("{0}", str(years))
            elif self.staff.today() < start:
                text = self.tr("&Anonymise… (from {0})").replace("{0}", format_date(start))
                tip = self.tr("The data must be kept {0} years after they left.").replace("{0}", str(years))
            else:
                ok = True
        self.anonymise_action.setText(text)
        self.anonymise_action.setToolTip(tip)
        self.anonymise_action.setEnabled(ok)

    def _label(self) -> str:
        return f"{self.view.code} · {self.view.full_name}" if self.view is not None else ""

    # -- the actions ---------------------------------------------------------------------------
    def block(self) -> None:
        if self.view is None or not self.staff.may_close():
            return
        reason = dialogs.ask_text(self, self.tr("Block personal data"),
                                  self.tr("Why is the data of {0} blocked? (e.g. the erasure request of today's "
                                          "date) The reason is recorded and shown on the record.")
                                  .replace("{0}", self._label()))
        if reason is None:
            return
        label = self._label()
        view = self._run(lambda: employees.block_employee(self.db, self.view.id, reason, self.view.version),
                         self.tr("Not blocked"))
        if view is None:
            return
        if access.has_role(self.db, access.ADMIN):
            self.sig_status.emit(self.tr("Blocked {0}.").replace("{0}", label))
            self.sig_employee.emit(view)
        else:
            self.sig_status.emit(self.tr("Blocked {0}: only an administrator can see the record now.")
                                 .replace("{0}", label))
            self.sig_employee.emit(None)

    def unblock(self) -> None:
        if self.view is None or not self.staff.may_close():
            return
        if not dialogs.confirm(self, self.tr("Unblock"),
                               self.tr("Lift the block on {0}? Their record is seen and changed as before.")
                               .replace("{0}", self._label())):
            return
        view = self._run(lambda: employees.unblock_employee(self.db, self.view.id, self.view.version),
                         self.tr("Not unblocked"))
        if view is not None:
            self.sig_status.emit(self.tr("Unblocked {0}.").replace("{0}", self._label()))
            self.sig_employee.emit(view)

    def anonymise(self) -> None:
        if self.view is None or not self.staff.may_close():
            return
        if not dialogs.confirm(self, self.tr("Anonymise"),
                               self.tr("Anonymise {0}? Name, NIF, address, contact, pay, IBAN, social security "
                                       "number, login, leave reasons and documents are erased for good. "
                                       "This cannot be undone.").replace("{0}", self._label()),
                               yes=self.tr("Anonymise"), no=self.tr("Cancel")):
            return
        label = self._label()
        view = self._run(lambda: employees.anonymise_employee(self.db, self.view.id, self.staff.today(),
                                                              self.view.version), self.tr("Not anonymised"))
        if view is not None:
            self.sig_status.emit(self.tr("Anonymised {0}.").replace("{0}", label))
            self.sig_employee.emit(view)

    def export(self) -> None:
        """Write the person's data as PDF and JSON side by side (an access request), off the GUI thread."""
        if self.view is None or self.exporting:
            return
        try:
            stem = personal_data.export_file_stem(self.db, self.view.id)
        except TrastiendaError as exc:
            dialogs.inform(self, self.tr("Not exported"), str(exc))
            return
        path = dialogs.choose_save_path(self, self.tr("Export personal data"), f"{stem}.pdf",
                                        [(self.tr("PDF, with a JSON copy beside it (*.pdf)"), ".pdf")])
        if path is None:
            return
        pdf, json_path = Path(path), Path(path).with_suffix(".json")
        employee_id = self.view.id

        def work() -> tuple[Path, Path]:  # one export, one audit entry; no file left if either fails
            personal_data.export_personal_data(self.db, employee_id, json_path=json_path, pdf_path=pdf)
            return pdf, json_path

        def done(paths: tuple[Path, Path]) -> None:
            self._exported(False)
            message = self.tr("Exported the personal data to {0} and {1}.").replace("{0}", str(paths[0])) \
                .replace("{1}", paths[1].name)
            self.sig_status.emit(message)
            dialogs.inform(self, self.tr("Export personal data"), message)

        def failed(exc: Exception) -> None:
            self._exported(False)
            text = " ".join(e.message for e in exc.errors) if isinstance(exc, ValidationError) else str(exc)
            dialogs.inform(self, self.tr("Not exported"), text)

        self._exported(True)
        self.sig_status.emit(self.tr("Exporting the personal data of {0}…").replace("{0}", self._label()))
        run_in_background(work, done, failed, owner=self)

    def _exported(self, running: bool) -> None:
        self.exporting = running
        self.set_employee(self.view)

    def show_audit(self) -> AuditTrailDialog | None:
        """The audit trail of the person open, in a window beside the form."""
        if self.view is None:
            return None
        try:
            entries = hr_audit.list_audit(self.db, self.view.id)
        except TrastiendaError as exc:
            dialogs.inform(self, self.tr("Audit trail"), str(exc))
            return None
        dialog = AuditTrailDialog(self._label(), entries, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _run(self, change, title: str) -> EmployeeView | None:
        try:
            return change()
        except ValidationError as exc:
            dialogs.inform(self, title, " ".join(e.message for e in exc.errors))
        except ConflictError:
            dialogs.inform(self, title, self.tr("Someone else changed this record since you opened it; "
                                                "open it again and retry."))
        except TrastiendaError as exc:
            dialogs.inform(self, title, str(exc))
        return None


class AuditTrailDialog(QDialog):
    """Who looked at or changed which fields of one person, newest first (names of fields, never values)."""

    def __init__(self, label: str, entries: list[hr_audit.AuditEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audit_trail_dialog")
        self.setWindowTitle(self.tr("Audit trail — {0}").replace("{0}", label))
        self.resize(920, 420)
        self.table = QTableWidget(len(entries), 5, self)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Fields"),
                                              self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line an entry; the whole text is in the tooltip
        for col in (3, 4):  # fields and note share what is left
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        actions = {
            hr_audit.VIEW: self.tr("Viewed"), hr_audit.CREATE: self.tr("Created"), hr_audit.CHANGE: self.tr("Changed"),
            hr_audit.EXPORT: self.tr("Exported"), hr_audit.BLOCK: self.tr("Blocked"),
            hr_audit.UNBLOCK: self.tr("Unblocked"), hr_audit.ANONYMISE: self.tr("Anonymised"),
            hr_audit.DOCUMENT: self.tr("Document"),
        }
        labels = {
            "salary": self.tr("Salary"), "payments_per_year": self.tr("Payments a year"), "iban": self.tr("IBAN"),
            "social_security_number": self.tr("Social security no."), "tax_id": self.tr("NIF / NIE"),
            "user_name": self.tr("Login"),
        }
        for row, entry in enumerate(entries):
            fields = [labels.get(f, f.replace("_", " ").capitalize()) for f in entry.fields.split(",") if f]
            texts = [when_text(entry.at), entry.user, actions.get(entry.action, entry.action), ", ".join(fields),
                     entry.note or ""]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(2, 100)
        summary = QLabel(self.tr("{0} entries. Every showing, change, export and block of this person's data is "
                                 "listed here.").replace("{0}", str(len(entries))), self)
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def when_text(at: dt.datetime) -> str:
    """The local date and time of an entry (stored in UTC)."""
    local = at.astimezone() if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc).astimezone()
    return f"{format_date(local.date())} {local:%H:%M:%S}"
