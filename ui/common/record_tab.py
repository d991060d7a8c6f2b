"""The shape of every tab: a list, and beside it the form of the record being edited.

A subclass says which service functions it uses and how the form maps to the
service's data class; this class does the clerk's workflow the same way in
every tab: new, open, save, archive with confirmation, close with a warning
about unsaved changes, and the "changed by someone else" choice on a conflict.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import ConflictError, NotFoundError, TrastiendaError, ValidationError
from app.services import access, history
from ui.common import conflict_dialog, dialogs
from ui.common.form import Form
from ui.common.history_dialog import show_history
from ui.common.icons import icon
from ui.common.list_panel import ListPanel
from ui.common.table_model import Column, LazyTableModel

log = logging.getLogger(__name__)

# The audited table each list's records live in, for "History…" (a tab may set ``history_table`` instead).
_HISTORY_TABLES = {
    "parties": "party", "invoices": "invoice", "contracts": "contract", "employees": "employee",
    "employees_departments": "department", "inventory_products": "product", "inventory_counts": "stock_count",
}


class RecordTab(QWidget):
    """Override the class attributes and the hooks at the end; see ui/parties/tab.py."""

    sig_status = Signal(str)

    list_name = "records"
    default_sort = "name"
    default_descending = False
    history_table: str | None = None  # None: the one _HISTORY_TABLES knows for list_name, if any

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.record_id: str | None = None
        self.version: int | None = None
        self.dirty = False

        self.model = LazyTableModel(db, self.columns(), self.list_rows, self.count_rows,
                                    sort=self.default_sort, descending=self.default_descending,
                                    row_brush=self.row_brush, parent=self)
        self.list = ListPanel(self.list_name, self.model, self.noun_plural(), self, noun_singular=self.noun_singular())
        self.add_filters(self.list)

        self.editor = QWidget(self)
        self.editor.setObjectName("editor")
        self.title = QLabel(self.editor)
        self.title.setObjectName("editor_title")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.form = Form(self.editor)
        self.build_form(self.form)
        scroll = QScrollArea(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.save_button = QPushButton(self.tr("&Save"), self.editor)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.archive_button = QPushButton(self.tr("&Archive…"), self.editor)
        self.archive_button.setObjectName("archive")
        self.history_button = QPushButton(self.tr("&History…"), self.editor)
        self.history_button.setObjectName("history")
        self.history_button.setToolTip(self.tr("Who changed this record, when, and what (administrators)"))
        # The trail is an administrator's to read: hidden from anyone else, as the server would refuse.
        self.history_button.setHidden(not (self.history_table_name() and access.has_role(db, access.ADMIN)))
        self.close_button = QPushButton(self.tr("Close"), self.editor)
        for button, name in ((self.save_button, "save"), (self.archive_button, "archive"), (self.close_button, "close")):
            button.setIcon(icon(name))  # as in the menus
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        col = QVBoxLayout(self.editor)
        col.addWidget(self.title)
        col.addWidget(scroll, 1)
        self.add_editor_extras(col)
        col.addLayout(buttons)
        self.editor.hide()
        self.editor.setMinimumWidth(440)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.save_button.clicked.connect(self.action_save)
        self.archive_button.clicked.connect(self.action_archive)
        self.history_button.clicked.connect(self.action_history)
        self.close_button.clicked.connect(self.action_close)
        self.form.sig_edited.connect(self._on_edited)
        self.list.sig_open.connect(self.open_record)
        self.list.sig_delete.connect(self.archive_record)

    @property
    def editor_open(self) -> bool:
        """Whether the form is open, even while its tab is not the one showing."""
        return not self.editor.isHidden()

    # -- the actions the window's menus call ------------------------------------------
    def activate(self) -> None:
        """Called when the tab is shown; the list is read the first time only."""
        self.list.start()

    def action_new(self) -> None:
        if not self._may_leave():
            return
        self.record_id, self.version = None, None
        self.form.load(self.blank_values())
        self.title.setText(self.tr("New {0}").replace("{0}", self.noun()))
        self.archive_button.setEnabled(False)
        self.history_button.setEnabled(False)
        self._set_dirty(False)
        self.editor.show()
        self.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def action_save(self) -> bool:
        if not self.editor_open:
            return False
        try:
            data = self.form_to_data(self.form.values())
            if self.record_id is None:
                view = self.create(data)
            else:
                view = self.update(self.record_id, data, self.version)
        except ValidationError as exc:
            self.form.show_errors(exc)
            self.sig_status.emit(self.tr("Not saved: check the marked fields."))
            return False
        except ConflictError:
            return self._on_conflict()
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            return False
        except Exception as exc:  # the database went away, a bug: say so, keep what was typed
            log.exception("save failed")
            self.form.show_general(self.tr("Not saved: {0}").replace("{0}", str(exc)))
            return False
        self._show(view)
        self.list.refresh(keep_id=str(view.id))
        self.sig_status.emit(self.tr("Saved {0}.").replace("{0}", self.describe(view)))
        return True

    def action_archive(self) -> None:
        in_list = self.list.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        if self.editor_open and self.record_id and not in_list:
            record_id = self.record_id
        else:
            record_id = self.list.current_id()
        if record_id:
            self.archive_record(record_id)

    def action_close(self) -> None:
        if self.editor_open and self._may_leave():
            self.editor.hide()
            self.record_id = None
            self._set_dirty(False)
            self.list.table.setFocus()

    def action_history(self):
        """The open record's History (who changed what, when); returns the dialog shown, if any."""
        table = self.history_table_name()
        if not (self.editor_open and self.record_id and table):
            return None
        return show_history(self, self.db, table, self.record_id, self.title.text().rstrip(" •"))

    def history_table_name(self) -> str | None:
        table = self.history_table or _HISTORY_TABLES.get(self.list_name)
        return table if table and history.has_history(table) else None

    def action_find(self) -> None:
        self.list.focus_search()

    def action_refresh(self) -> None:
        self.list.refresh()

    def save_state(self) -> None:
        self.list.save_header()

    def may_close(self) -> bool:
        return self._may_leave()

    # -- opening and archiving ----------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if not self._may_leave():
            return
        try:
            view = self.get(record_id)
        except NotFoundError as exc:
            self.sig_status.emit(str(exc))
            self.list.refresh()
            return
        self._show(view)
        self.editor.show()
        self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def archive_record(self, record_id: str) -> None:
        label = self.list_label(record_id)
        if not dialogs.confirm(self, self.tr("Archive"),
                               self.tr("Archive {0}? It leaves the lists but stays in the records, "
                                       "and can be restored.").replace("{0}", label)):
            return
        try:
            self.archive(record_id)
        except TrastiendaError as exc:
            dialogs.inform(self, self.tr("Not archived"), str(exc))
            return
        if self.record_id == record_id:
            self.editor.hide()
            self.record_id = None
            self._set_dirty(False)
        self.list.refresh()
        self.sig_status.emit(self.tr("Archived {0}.").replace("{0}", label))

    def list_label(self, record_id: str) -> str:
        row = self.list.table.currentIndex()
        if row.isValid() and self.list.current_id() == record_id:
            texts = [self.model.index(row.row(), c).data() for c in range(min(2, self.model.columnCount()))]
            return " ".join(t for t in texts if t)
        return self.noun()

    # -- internals --------------------------------------------------------------------
    def _show(self, view: Any) -> None:
        self.record_id, self.version = str(view.id), getattr(view, "version", None)
        self.form.load(self.view_to_form(view))
        self.title.setText(self.describe(view))
        self.archive_button.setEnabled(True)
        self.history_button.setEnabled(True)
        self._set_dirty(False)

    def _on_edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.title.setText(self.title.text().rstrip(" •") + (" •" if dirty else ""))

    def _may_leave(self) -> bool:
        if not (self.editor_open and self.dirty):
            return True
        return dialogs.confirm(self, self.tr("Unsaved changes"),
                               self.tr("Discard the changes to this {0}?").replace("{0}", self.noun()))

    def _on_conflict(self) -> bool:
        """Someone else saved since the form was opened: reload theirs, overwrite with mine, or compare first.

        Overwrite saves over the version the clerk was shown; if yet another
        change came meanwhile, the clerk is asked again with that one. True
        when the form was saved.
        """
        while self.record_id is not None:
            try:
                theirs = self.get(self.record_id)
            except NotFoundError:
                self.form.show_general(self.tr("Not saved: someone else deleted this {0}. Copy what you need, "
                                               "then close it.").replace("{0}", self.noun()))
                return False
            except TrastiendaError as exc:
                self.form.show_general(str(exc))
                return False
            mine = self.form.values()  # read once already by the save: no typing error left
            # view_to_form also refreshes what a tab keeps beside the form (a party's delivery
            # addresses): an overwrite writes only what the form shows over their version.
            diffs = conflict_dialog.differences(self.form, mine, self.view_to_form(theirs))
            choice = conflict_dialog.ask(self, self.noun(), diffs, who=getattr(theirs, "updated_by", None),
                                         when=getattr(theirs, "updated_at", None))
            if choice == conflict_dialog.RELOAD:
                self._set_dirty(False)
                self.open_record(self.record_id)
                self.sig_status.emit(self.tr("Reloaded {0} with the other changes.").replace("{0}", self.noun()))
                return False
            if choice != conflict_dialog.OVERWRITE:
                self.form.show_general(self.tr("Not saved: someone else changed this record. Save again to "
                                               "reload, overwrite or compare."))
                return False
            try:
                view = self.update(self.record_id, self.form_to_data(mine), getattr(theirs, "version", None))
            except ConflictError:
                continue  # yet another change meanwhile: show that one
            except ValidationError as exc:
                self.form.show_errors(exc)
                self.sig_status.emit(self.tr("Not saved: check the marked fields."))
                return False
            except TrastiendaError as exc:
                self.form.show_general(str(exc))
                return False
            self._show(view)
            self.list.refresh(keep_id=str(view.id))
            self.sig_status.emit(self.tr("Saved {0} over the other changes.").replace("{0}", self.describe(view)))
            return True
        return False

    def first_field(self) -> QWidget:
        return next(iter(self.form.fields.values()))

    # -- hooks for subclasses -------------------------------------------------------------
    def noun(self) -> str:
        raise NotImplementedError

    def noun_plural(self) -> str:
        raise NotImplementedError

    def noun_singular(self) -> str | None:
        """"invoice" for "1 invoice" under the list; None says "1 found"."""
        return None

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def list_rows(self, db, query):
        raise NotImplementedError

    def count_rows(self, db, query) -> int:
        raise NotImplementedError

    def row_brush(self, row: dict):
        return None

    def add_filters(self, panel: ListPanel) -> None:
        """Quick filters above the list."""

    def build_form(self, form: Form) -> None:
        raise NotImplementedError

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        """Widgets under the form (e.g. an attachment list)."""

    def blank_values(self) -> dict[str, Any]:
        return {name: None for name in self.form.fields}

    def view_to_form(self, view: Any) -> dict[str, Any]:
        return {name: getattr(view, name) for name in self.form.fields if hasattr(view, name)}

    def form_to_data(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def describe(self, view: Any) -> str:
        return self.noun()

    def get(self, record_id: str) -> Any:
        raise NotImplementedError

    def create(self, data: Any) -> Any:
        raise NotImplementedError

    def update(self, record_id: str, data: Any, version: int | None) -> Any:
        raise NotImplementedError

    def archive(self, record_id: str) -> Any:
        raise NotImplementedError
