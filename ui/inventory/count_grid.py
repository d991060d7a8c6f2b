"""The counted-quantities grid of a stock count: a lazy list whose "Counted" column is typed into.

Lines arrive in pages like every list (100,000 lines scroll without being
loaded). A typed quantity is read with the desk's number habits, shown at
once, and saved in the background (``stock_counts.set_counted``), several at a
time while the clerk keeps typing; saves run one after another, never two at
once. A value that cannot be saved stays in its cell, red, with the reason
as tooltip, until it is typed again: nothing typed is lost silently.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView

from app.errors import TrastiendaError, ValidationError
from app.services import stock_counts
from app.services.listing import ListQuery, Page
from ui.common import theme
from ui.common.formatting import ParseError, format_decimal, parse_decimal
from ui.common.list_panel import ListTable
from ui.common.table_model import Column, LazyTableModel
from ui.common.worker import run_in_background

QUANTITY_PLACES = 4
ERROR, SAVING, DIFFERENT = "error_bg", "pending_bg", "warning_bg"  # theme colours


class CountLinesModel(LazyTableModel):
    """The lines of one count; ``counted`` is editable while the count is a draft.

    Signals: ``sig_saved(int)`` after a batch of quantities is saved (how many),
    ``sig_save_failed(str)`` with the reason when a typed quantity is refused
    (by the grid: not a number; or by the service).
    """

    sig_saved = Signal(int)
    sig_save_failed = Signal(str)

    def __init__(self, db, columns: list[Column], parent=None):
        self.count_id: uuid.UUID | None = None
        self.editable = False
        self._typed: dict[str, Decimal | None] = {}  # line id -> value typed, not yet confirmed saved
        self._errors: dict[str, tuple[str, str]] = {}  # line id -> (text typed, why it was not saved)
        self._queue: dict[str, Decimal | None] = {}
        self._saving: dict[str, Decimal | None] | None = None
        super().__init__(db, columns, self._list, self._count, sort="position", page_size=200, parent=parent)
        self._counted_col = [c.key for c in columns].index("counted")

    # -- which count --------------------------------------------------------------------
    def set_count(self, count_id: uuid.UUID | None, editable: bool) -> None:
        if count_id != self.count_id:
            self._typed.clear()
            self._errors.clear()
            self._queue.clear()
        self.count_id = count_id
        self.editable = editable
        self.refresh()

    def _list(self, db, query: ListQuery) -> Page:
        if self.count_id is None:
            return Page([], None)
        return stock_counts.list_count_lines(db, self.count_id, query)

    def _count(self, db, query: ListQuery) -> int:
        if self.count_id is None:
            return 0
        return stock_counts.count_count_lines(db, self.count_id, query)

    # -- state a screen asks about ---------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self._saving is not None or bool(self._queue)

    def flush(self, timeout_ms: int = 10_000) -> bool:
        """Wait (processing events) until every typed quantity has been sent and answered; True if so.

        Called before the clerk leaves the count, so nothing typed a moment ago is dropped.
        """
        import time

        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.monotonic() + timeout_ms / 1000
        while self.saving and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.002)
        return not self.saving

    @property
    def unsaved(self) -> int:
        """Quantities typed that could not be saved (shown red)."""
        return len(self._errors)

    def error_of(self, row: int) -> str | None:
        data = self.row_data(row)
        found = self._errors.get(str(data["__id"])) if data else None
        return found[1] if found else None

    # -- Qt model API ------------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() == self._counted_col:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_data(index.row())
            key = str(row["__id"]) if row else None
            error = self._errors.get(key) if key else None
            counted = index.column() == self._counted_col
            if role == Qt.ItemDataRole.EditRole:
                if error:
                    return error[0]
                value = row.get("counted") if row else None
                return "" if value is None else format_decimal(value, None, grouping=False)
            if error and counted and role == Qt.ItemDataRole.DisplayRole:
                return error[0]
            if error and role == Qt.ItemDataRole.ToolTipRole:
                return error[1]
            if role == Qt.ItemDataRole.BackgroundRole and row is not None:
                if error:
                    return theme.brush(ERROR)
                if counted and (key in self._queue or (self._saving and key in self._saving)):
                    return theme.brush(SAVING)
                if row.get("difference"):
                    return theme.brush(DIFFERENT)
                return None
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self._counted_col:
            return False
        if not self.editable:
            return False
        row = self.row_data(index.row())
        if row is None:
            return False
        key, text = str(row["__id"]), "" if value is None else str(value)
        try:
            quantity = parse_decimal(text, places=QUANTITY_PLACES)
            if quantity is not None and quantity < 0:
                raise ParseError(self.tr("A counted quantity cannot be negative."))
        except ParseError as exc:
            self._errors[key] = (text, str(exc))
            self._changed_row(index.row())
            self.sig_save_failed.emit(str(exc))
            return True  # the typed text stays in the cell, marked
        self._errors.pop(key, None)
        self._typed[key] = quantity
        self._apply(row, quantity)
        self._changed_row(index.row())
        self._queue[key] = quantity
        self._save_next()
        return True

    # -- saving ------------------------------------------------------------------------------
    @staticmethod
    def _apply(row: dict, quantity: Decimal | None) -> None:
        row["counted"] = quantity
        row["difference"] = None if quantity is None else quantity - row["expected"]

    def _store(self, p: int, rows: list[dict], first_key, last_key) -> None:
        # A page read while a quantity is on its way shows what was typed, not the old value.
        for row in rows:
            key = str(row["__id"])
            if key in self._typed:
                self._apply(row, self._typed[key])
        super()._store(p, rows, first_key, last_key)

    def _changed_row(self, r: int) -> None:
        p, i = divmod(r, self.page_size)
        texts = self._texts.get(p)
        if texts is not None and i < len(texts):
            texts[i] = None  # formatted again on the next paint
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))

    def _refresh_key(self, key: str) -> None:
        r = self.row_of_id(key)
        if r is not None:
            self._changed_row(r)

    def _save_next(self) -> None:
        if self._saving is not None or not self._queue or self.count_id is None:
            return
        batch, self._queue = self._queue, {}
        self._saving = batch
        count_id = self.count_id
        entries = [(uuid.UUID(k), v) for k, v in batch.items()]

        def done(_ids) -> None:
            self._saving = None
            for key, value in batch.items():
                if self._typed.get(key) == value and key not in self._queue:
                    del self._typed[key]
                self._refresh_key(key)
            self.sig_saved.emit(len(batch))
            self._save_next()

        def failed(exc: Exception) -> None:
            self._saving = None
            keys = list(batch)
            bad: dict[str, str] = {}
            if isinstance(exc, ValidationError):
                for e in exc.errors:
                    if e.field.startswith("lines[") and "]" in e.field:
                        bad[keys[int(e.field[6:e.field.index("]")])]] = e.message
            if not bad:  # the whole batch failed (posted meanwhile, the database went away)
                message = str(exc) if isinstance(exc, TrastiendaError) else self.tr("Not saved: {0}").replace(
                    "{0}", str(exc))
                bad = {k: message for k in keys}
            for key, value in batch.items():
                if key in bad:
                    self._errors[key] = ("" if value is None else format_decimal(value, None, grouping=False),
                                         bad[key])
                    self._typed.pop(key, None)
                elif key not in self._queue:
                    self._queue[key] = value  # all or none: the good ones go again
                self._refresh_key(key)
            self.sig_save_failed.emit(next(iter(bad.values())))
            if len(bad) < len(batch):
                self._save_next()

        run_in_background(lambda: stock_counts.set_counted(self.db, count_id, entries), done, failed, self)

    @property
    def busy(self) -> bool:
        return super().busy or self.saving


class CountGrid(ListTable):
    """The lines table: typing a number on a row starts editing its "Counted" cell; Enter saves it and
    goes to the next row; Delete clears a count."""

    sig_committed = Signal(int)  # row whose count was entered with Enter

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)

    def counted_column(self) -> int:
        return [c.key for c in self.model().columns].index("counted")

    def edit(self, index, trigger=None, event=None):  # noqa: D401 - Qt override (two signatures)
        if trigger is None:
            return super().edit(index)
        # A key typed anywhere on a row is a quantity for that row's "Counted" cell.
        if index.isValid() and index.column() != self.counted_column() \
                and trigger == QAbstractItemView.EditTrigger.AnyKeyPressed:
            index = index.siblingAtColumn(self.counted_column())
            self.setCurrentIndex(index)
        return super().edit(index, trigger, event)

    def closeEditor(self, editor, hint) -> None:
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and row >= 0:
            self.sig_committed.emit(row)
            nxt = self.model().index(row + 1, self.counted_column())
            if nxt.isValid():
                self.setCurrentIndex(nxt)
                self.scrollTo(nxt)

    def keyPressEvent(self, event) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            cell = index.siblingAtColumn(self.counted_column())
            if self.model().flags(cell) & Qt.ItemFlag.ItemIsEditable:
                self.model().setData(cell, "", Qt.ItemDataRole.EditRole)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            cell = index.siblingAtColumn(self.counted_column())
            if self.model().flags(cell) & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(cell)
                self.edit(cell)
                return
        super().keyPressEvent(event)
