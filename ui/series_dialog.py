"""File > Invoice series: the numbering sequences invoices, simplified invoices and credit notes are posted in.

A handful of rows, so the list is a plain table read in one call (no lazy
model). The service guards the numbers already given; this dialog only shows
its refusals beside the fields.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.domain.enums import InvoiceKind
from app.errors import ConflictError, FieldError, TrastiendaError, ValidationError
from app.services.series import (
    SeriesData, SeriesView, archive_series, create_series, get_series, list_series, list_workstations, restore_series,
    update_series,
)
from ui.common import dialogs, theme
from ui.common.fields import CheckField, ChoiceField, DecimalField, TextField
from ui.common.form import Form

ID_ROLE = Qt.ItemDataRole.UserRole


class SeriesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Invoice series"))
        theme.on_change(self._recolour)  # archived series are greyed on their items
        self.current: SeriesView | None = None  # None: the form holds a new series
        self.dirty = False
        self.kind_labels = {
            InvoiceKind.INVOICE: self.tr("Invoice"),
            InvoiceKind.SIMPLIFIED: self.tr("Simplified invoice"),
            InvoiceKind.CREDIT_NOTE: self.tr("Credit note (rectificativa)"),
        }

        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("series_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Prefix"),
            self.tr("Yearly reset"), self.tr("Next no."), self.tr("Default")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(620)
        self.table.itemSelectionChanged.connect(self._on_selected)

        self.form = Form(self)
        f = self.form
        f.add("code", self.tr("C&ode"), TextField())
        f.add("name", self.tr("&Name"), TextField())
        f.add("kind", self.tr("&Kind"), ChoiceField([(label, kind) for kind, label in self.kind_labels.items()]))
        f.add("prefix", self.tr("&Prefix"), TextField())
        f.add("yearly_reset", self.tr("Numbering"), CheckField(self.tr("Start again at 1 each &year")))
        f.add("next_number", self.tr("Ne&xt number"), DecimalField(places=0))
        f.add("is_default", self.tr("Default"), CheckField(self.tr("&Default series for new documents of its kind")))
        # A series kept for one computer is numbered there, offline, and by nobody else (a shared server).
        f.add("workstation_id", self.tr("&Offline use"), ChoiceField(
            [(self.tr("Workstation {0} · {1} ({2})").replace("{0}", str(w.number)).replace("{1}", w.label)
              .replace("{2}", w.login), w.id) for w in list_workstations(db)],
            blank=self.tr("Everyone: numbered by the server")))
        f.sig_edited.connect(self._on_edited)
        f.setMinimumWidth(360)

        self.new_button = QPushButton(self.tr("Ne&w"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.archive_button = QPushButton(self.tr("&Archive…"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.save_button.setDefault(True)
        self.new_button.clicked.connect(self.action_new)
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self.action_archive)
        self.close_button.clicked.connect(self.close)
        # Same shortcuts as the main window, so a clerk's fingers need not change habits here.
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.action_new)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.form, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(1100, 420)

        self.refresh()
        if self.table.rowCount():
            self.table.selectRow(0)
        else:
            self.action_new()

    # -- list ----------------------------------------------------------------------------
    def _recolour(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.refresh(self.table.item(rows[0].row(), 0).data(ID_ROLE) if rows else None)

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Re-read every series (archived ones too, greyed) and select ``select`` if given."""
        rows = list_series(self.db, include_archived=True)
        self.table.blockSignals(True)  # a rebuild is not the clerk choosing a row
        try:
            self.table.setRowCount(len(rows))
            for r, view in enumerate(rows):
                texts = [view.code, view.name, self.kind_labels.get(view.kind, str(view.kind)), view.prefix,
                         self.tr("Yes") if view.yearly_reset else self.tr("No"), str(view.next_number),
                         self.tr("Yes") if view.is_default else ""]
                for c, text in enumerate(texts):
                    item = QTableWidgetItem(text)
                    item.setData(ID_ROLE, view.id)
                    if c == 5:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if view.archived_at is not None:
                        item.setForeground(theme.brush("muted_text"))
                        item.setToolTip(self.tr("Archived"))
                    self.table.setItem(r, c, item)
            self.table.clearSelection()
            for r in range(self.table.rowCount()):
                if select is not None and self.table.item(r, 0).data(ID_ROLE) == select:
                    self.table.selectRow(r)
        finally:
            self.table.blockSignals(False)

    def row_of(self, series_id: uuid.UUID) -> int:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == series_id:
                return r
        return -1

    def _on_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        series_id = self.table.item(rows[0].row(), 0).data(ID_ROLE)
        if self.current is not None and self.current.id == series_id:
            return
        if not self._may_discard():
            self.refresh(select=self.current.id if self.current else None)
            return
        self.open(series_id)

    def open(self, series_id: uuid.UUID) -> None:
        """Show a series in the form, as it is in the database now."""
        try:
            view = get_series(self.db, series_id)
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return
        self._show(view)

    def _show(self, view: SeriesView) -> None:
        self.current = view
        self.form.load({name: getattr(view, name) for name in self.form.fields if name != "next_number"})
        self.form.load({"next_number": Decimal(view.next_number)})
        self.dirty = False
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------
    def action_new(self) -> None:
        if not self._may_discard():
            return
        self.current = None
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.form.load({"code": "", "name": "", "kind": InvoiceKind.INVOICE, "prefix": "", "yearly_reset": True,
                        "next_number": Decimal(1), "is_default": False, "workstation_id": None})
        self.dirty = False
        self._update_buttons()
        self.form.fields["code"].setFocus()

    def save(self) -> bool:
        """Create or update from the form; errors stay beside the fields and nothing typed is lost."""
        try:
            data = self._data()
            if self.current is None:
                view = create_series(self.db, data)
            else:
                view = update_series(self.db, self.current.id, data, self.current.version)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        except ConflictError:
            # Keep what the clerk typed; they decide whether to reload theirs over it.
            self.form.show_general(self.tr(
                "Someone else changed this series while you were editing it. Nothing was saved: "
                "choose it again in the list to see their version, then make your change again."))
            self.refresh(select=self.current.id if self.current else None)
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        self.refresh(select=view.id)
        self._show(view)
        return True

    def action_archive(self) -> None:
        """Archive the open series (after asking), or restore it when it is archived."""
        if self.current is None:
            return
        try:
            if self.current.archived_at is None:
                if not dialogs.confirm(self, self.tr("Archive series"),
                                       self.tr("Archive series {0}? New invoices will not use it; "
                                               "its invoices keep their numbers.").replace("{0}", self.current.code)):
                    return
                view = archive_series(self.db, self.current.id)
            else:
                view = restore_series(self.db, self.current.id)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return
        self.refresh(select=view.id)
        self._show(view)

    # -- helpers -------------------------------------------------------------------------
    def _data(self) -> SeriesData:
        values = self.form.values()  # typing errors (1,5 as a number) raise here, before the service
        number = values["next_number"]
        if number is None:
            raise ValidationError([FieldError("next_number", self.tr("Type the next number."))])
        values["next_number"] = int(number)  # places=0: already whole
        values["code"] = values["code"] or ""
        values["name"] = values["name"] or ""
        values["prefix"] = values["prefix"] or ""
        return SeriesData(**values)

    def _update_buttons(self) -> None:
        archived = self.current is not None and self.current.archived_at is not None
        self.archive_button.setEnabled(self.current is not None)
        self.archive_button.setText(self.tr("&Restore") if archived else self.tr("&Archive…"))

    def _on_edited(self) -> None:
        self.dirty = True

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        return dialogs.confirm(self, self.tr("Unsaved changes"),
                               self.tr("The series form has changes that are not saved. Discard them?"),
                               yes=self.tr("&Discard"), no=self.tr("&Keep editing"))

    def reject(self) -> None:  # Esc, Close and the title bar's X all end here (QDialog.closeEvent calls it)
        if self._may_discard():
            super().reject()
