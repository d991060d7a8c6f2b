"""A product's stock in each warehouse, with its location and reorder levels edited in place.

One row per warehouse (``stock.stock_by_warehouse``): on hand, average cost,
value and what to order are read-only; location, reorder point and target are
typed into the cell and saved with ``stock_rules.set_stock_rule`` when the clerk
presses Enter (or Tab, or leaves the cell). A save is one small row write, so
it runs on the GUI thread like a form's Save. A value the rule refuses stays in
its cell as typed, outlined in red with the reason, until it is fixed; a rule
someone else changed meanwhile is read again and the clerk told so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

from app.errors import ConflictError, TrastiendaError, ValidationError
from app.services.stock import WarehouseStock
from ui.common import theme
from ui.common.formatting import ParseError, format_decimal, parse_decimal

QUANTITY_PLACES = 4  # app.money.QUANTITY_SCALE
LOW_STOCK = "warning_bg"  # at or below the reorder point: as in the product list
ERROR_CELL = "error_bg"
SHORTAGE_TEXT = "error_text"

EDITABLE = ("location", "reorder_point", "reorder_target")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class StockColumn:
    key: str
    title: str
    kind: str  # text | quantity | price | money
    width: int


# Saver: (the row as last read, the rule's new location/point/target) -> the row as saved.
Saver = Callable[[WarehouseStock, dict[str, Any]], WarehouseStock]
Reloader = Callable[[], list[WarehouseStock]]


def _number(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_decimal(value, 2)
    if kind == "price":
        return format_decimal(value, 2) if value == round(value, 2) else format_decimal(value, None)
    return format_decimal(value, None)


class WarehouseStockModel(QAbstractTableModel):
    """The rows of one product; ``setData`` on an editable cell saves the rule through ``saver``."""

    sig_saved = Signal(object)  # the WarehouseStock as saved
    sig_message = Signal(str)  # what went wrong with the last edit ("" when it went right)

    def __init__(self, columns: list[StockColumn], saver: Saver, reloader: Reloader, parent=None):
        super().__init__(parent)
        self.columns = columns
        self.saver = saver
        self.reloader = reloader
        self.rows: list[WarehouseStock] = []
        self._typed: dict[tuple[int, str], str] = {}  # typed and not saved (refused), per (row, key)
        self._errors: dict[tuple[int, str], str] = {}

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, rows: list[WarehouseStock]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._typed.clear()
        self._errors.clear()
        self.endResetModel()

    def error_for(self, row: int, key: str) -> str | None:
        return self._errors.get((row, key))

    @property
    def has_errors(self) -> bool:
        return bool(self._errors)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column.kind == "text" else _RIGHT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def is_editable(self, row: int, column: int) -> bool:
        # An archived warehouse takes no new rules; it is listed only while it still holds stock.
        return self.columns[column].key in EDITABLE and not self.rows[row].archived

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = index.row(), self.columns[index.column()]
        w, key = self.rows[r], column.key
        error = self._errors.get((r, key))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if (r, key) in self._typed:
                return self._typed[(r, key)]
            if key == "code":
                return w.code + (" " + self.tr("(archived)") if w.archived else "")
            value = w.to_order if key == "to_order" else getattr(w, key)
            if key == "location":
                return value or ""
            if role == Qt.ItemDataRole.EditRole:  # as it is typed: no thousands separator
                return "" if value is None else format_decimal(value, None, grouping=False)
            return _number(value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column.kind == "text" else _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if key == "code":
                return w.name
            if self.is_editable(r, index.column()):
                return self.tr("Type, then Enter to save")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return theme.brush(ERROR_CELL)
            return theme.brush(LOW_STOCK) if w.to_order is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "quantity" and w.quantity < 0:
            return theme.brush(SHORTAGE_TEXT)
        if role == Qt.ItemDataRole.UserRole:  # the raw value
            return w.to_order if key == "to_order" else getattr(w, key, None)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_editable(index.row(), index.column()):
            return False
        r, key = index.row(), self.columns[index.column()].key
        text = str(value or "").strip()
        if (r, key) not in self._typed and text == (self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return False  # left as it was: nothing to save
        self._typed[(r, key)] = text
        self.save_row(r)
        return True

    # -- saving ----------------------------------------------------------------------------
    def save_row(self, r: int) -> bool:
        """Save the row's rule with what is typed in it; refused values stay typed, marked with the reason."""
        w = self.rows[r]
        values: dict[str, Any] = {"location": w.location, "reorder_point": w.reorder_point,
                                  "reorder_target": w.reorder_target}
        errors: dict[str, str] = {}
        for key in EDITABLE:
            if (r, key) not in self._typed:
                continue
            text = self._typed[(r, key)]
            if key == "location":
                values[key] = text or None
                continue
            try:
                values[key] = parse_decimal(text, places=QUANTITY_PLACES)
            except ParseError as exc:
                errors[key] = str(exc)
        if not errors:
            try:
                saved = self.saver(w, values)
            except ValidationError as exc:
                for e in exc.errors:  # a product or warehouse refused: the row's, shown on its code
                    errors[e.field if e.field in EDITABLE else "code"] = e.message
            except ConflictError:
                self._reload()
                self.sig_message.emit(self.tr("{0}: someone else changed this row meanwhile; it now shows their "
                                              "values. Type yours again if they still apply.").replace("{0}", w.code))
                return False
            except TrastiendaError as exc:
                errors["code"] = str(exc)
            else:
                self._set_row(r, saved)
                self.sig_message.emit("")
                self.sig_saved.emit(saved)
                return True
        self._mark(r, errors)
        return False

    def _mark(self, r: int, errors: dict[str, str]) -> None:
        for key in ("code", *EDITABLE):
            self._errors.pop((r, key), None)
        for key, message in errors.items():
            self._errors[(r, key)] = message
        self._row_changed(r)
        titles = {c.key: c.title for c in self.columns}
        self.sig_message.emit(" ".join(f"{self.rows[r].code} · {titles.get(k, k)}: {m}" for k, m in errors.items()))

    def _set_row(self, r: int, saved: WarehouseStock) -> None:
        self.rows[r] = saved
        for key in ("code", *EDITABLE):
            self._typed.pop((r, key), None)
            self._errors.pop((r, key), None)
        self._row_changed(r)

    def _row_changed(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))

    def _reload(self) -> None:
        try:
            rows = self.reloader()
        except TrastiendaError as exc:
            self.sig_message.emit(str(exc))
            return
        self.set_rows(rows)


class StockTableView(QTableView):
    """Keyboard first: typing starts editing, Enter saves and goes down, Tab goes to the next editable cell."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table to the next field, as in a form
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)

    def focusInEvent(self, event) -> None:
        # Tabbed or Alt+L'd into: start on the first cell the clerk can type in, so typing edits it.
        model = self.model()
        if model is not None and not self.currentIndex().isValid():
            first = next((model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                          if model.index(r, c).flags() & Qt.ItemFlag.ItemIsEditable), None)
            if first is not None:
                self.setCurrentIndex(first)
        super().focusInEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: on to the row below
            current = self.currentIndex()
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid():
                self.setCurrentIndex(below)
            return
        super().closeEditor(editor, hint)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        # Tab/Backtab while editing: skip the read-only figures to the next cell the clerk can type in.
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious):
            model, current = self.model(), self.currentIndex()
            if model is not None and current.isValid():
                cols = model.columnCount()
                step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
                pos = current.row() * cols + current.column() + step
                while 0 <= pos < model.rowCount() * cols:
                    index = model.index(pos // cols, pos % cols)
                    if index.flags() & Qt.ItemFlag.ItemIsEditable:
                        return index
                    pos += step
                return current
        return super().moveCursor(action, modifiers)

    def fit_rows(self, visible: int = 6) -> None:
        """Tall enough for the warehouses (up to ``visible`` rows, then it scrolls)."""
        rows = max(1, min(self.model().rowCount() if self.model() else 1, visible))
        height = self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize()
        scroll = self.horizontalScrollBar().sizeHint().height() if self.horizontalScrollBar().isVisible() else 0
        self.setFixedHeight(height + 2 * self.frameWidth() + scroll + 2)


def total_line(rows: list[WarehouseStock], unit: str, tr: Callable[[str], str]) -> str:
    """"Total: 15 ud, value 123,45; to order 10 ud" for the line under the table."""
    quantity = sum((w.quantity for w in rows), Decimal(0))
    value = sum((w.value for w in rows), Decimal(0))
    text = (tr("Total: {q} {unit} on hand, value {v}").replace("{q}", format_decimal(quantity, None))
            .replace("{unit}", unit).replace("{v}", format_decimal(value, 2)))
    due = [w.to_order for w in rows if w.to_order is not None]
    if due:
        text += tr("; to order {q} {unit}").replace("{q}", format_decimal(sum(due, Decimal(0)), None)) \
            .replace("{unit}", unit)
    return text
