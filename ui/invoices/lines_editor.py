"""The line grid of the invoice editor: typed like a spreadsheet, read like a form field.

Keys: typing starts editing a cell; Enter (or Tab) commits it and opens the
next cell to fill (after a chosen product it skips the description, which the
product filled); a refused cell stays open with what was typed and its reason.
Delete (or Ctrl+Delete) removes the current line; Esc cancels the cell being
typed. The last row is always empty: typing into it starts a new line.

``LinesEditor`` is registered as the form's ``lines`` field, so the form reads
it with the other fields (``value()`` raises ParseError for refused cells) and
a service error on ``lines`` lands under it.
"""

from __future__ import annotations

import re
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit, QStyledItemDelegate,
    QTableView, QVBoxLayout, QWidget,
)

from app.errors import FieldError, NotFoundError, ValidationError
from app.services.invoice_drafts import MAX_QUANTITY
from ui.common import theme
from ui.common.fields import LookupField
from ui.common.formatting import ParseError, format_decimal, parse_decimal
from ui.invoices.lines_model import (
    AMOUNT, DESCRIPTION, DISCOUNT, EDITABLE, KEYS, NUMERIC, PRICE, PRODUCT, QUANTITY, TAX, LineRow, LinesModel,
    rate_label,
)
from ui.invoices.pickers import ProductPicker

_Hint = QAbstractItemDelegate.EndEditHint
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_LINE_ERROR = re.compile(r"^lines\[(\d+)\]\.(\w+)$")


class ProductEditor(LookupField):
    """The product cell: type-ahead over SKU, name and EAN.

    Keys typed in the suggestion list reach the line edit past the delegate
    (QCompleter hands them to it directly), so Enter is caught here too: with a
    suggestion chosen it picks it and moves on, in one key press.
    """

    sig_enter = Signal()

    def __init__(self, search, parent: QWidget | None = None):
        super().__init__(search, parent)
        # Queued: the completer is still handling its key when it reports the choice.
        self.completer_.activated[str].connect(lambda _text: QTimer.singleShot(0, self, self.sig_enter.emit))
        # The cell is narrow; the suggestions need room for SKU, name, EAN and price.
        self.completer_.popup().setMinimumWidth(480)

    def _on_found(self, text: str, found: list) -> None:
        # Enter may close the cell while its search still runs; the answer then has no editor to go to.
        if shiboken6.isValid(self):
            super()._on_found(text, found)

    def chosen(self) -> Any:
        try:
            return self.value()
        except ParseError:
            return None

    def keyPressEvent(self, event) -> None:
        if event.key() in _ENTER:
            popup = self.completer_.popup()
            if popup.isVisible() and popup.currentIndex().isValid():
                event.ignore()  # the completer picks the highlighted suggestion (then activated)
                return
            popup.hide()  # nothing highlighted: take what is chosen or typed (a scanned code)
            self.sig_enter.emit()
            return
        super().keyPressEvent(event)


class LinesDelegate(QStyledItemDelegate):
    def __init__(self, picker: ProductPicker, model: LinesModel, parent=None):
        super().__init__(parent)
        self.picker = picker
        self.model = model
        self.editor: QWidget | None = None  # the open cell editor, for Ctrl+S to commit it

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        c = index.column()
        if c == PRODUCT:
            editor = ProductEditor(self.picker.search, parent)
            editor.setObjectName("product_editor")
            editor.sig_enter.connect(lambda e=editor: self.submit(e))
        elif c == TAX:
            editor = QComboBox(parent)
            editor.setObjectName("tax_editor")
            for rate in self.model.rates.values():
                editor.addItem(f"{rate_label(rate)} — {rate.name}", str(rate.id))
        else:
            editor = QLineEdit(parent)
            editor.setObjectName(f"{KEYS[c]}_editor")
            if c in NUMERIC:
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setAccessibleName(self.model.headerData(c, Qt.Orientation.Horizontal))
        self.editor = editor
        editor.destroyed.connect(lambda _o=None, e=editor: self._forget(e))
        return editor

    def _forget(self, editor: QWidget) -> None:
        if self.editor is editor:
            self.editor = None

    def paint(self, painter, option, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if self.model.error_at(index.row(), index.column()):
            # A red frame stays visible on the selected cell, where the red background does not.
            painter.save()
            painter.setPen(QPen(theme.colour("error_border"), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, ProductEditor):
            row = self.model.rows[index.row()]
            if PRODUCT in row.typed:
                editor.set_value(None)
                editor.setText(text)
            else:
                editor.set_value(row.product_id, text)
        elif isinstance(editor, QComboBox):
            i = editor.findData(text)
            editor.setCurrentIndex(max(i, 0))
        else:
            editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        r, c = index.row(), index.column()
        if isinstance(editor, ProductEditor):
            self._commit_product(editor, r)
        elif isinstance(editor, QComboBox):
            self.model.set_rate(r, editor.currentData())
        elif c != QUANTITY or not self._scanned_into_quantity(r, editor.text().strip()):
            self.model.set_text(r, c, editor.text())

    def _scanned_into_quantity(self, r: int, text: str) -> bool:
        """A code scanned while the quantity cell is open (it opens after every pick), taken as a scan.

        Till-like: the same product as the line counts one more; another
        product starts a new line at the end, its quantity open for the next
        scan. Only text that cannot be a quantity is read as a code: more digits
        than any quantity the service takes (an EAN has 13), or a product's SKU
        that is not a number (a Code 128 label). An unknown barcode is refused
        with its code, never taken as a quantity of billions.
        """
        digits = text.isdigit() and len(text) > len(str(int(MAX_QUANTITY)))
        if not digits:
            try:
                parse_decimal(text, places=NUMERIC[QUANTITY])
                return False  # a quantity, typed
            except ParseError:
                pass
        product = self.picker.by_code(text) if text else None
        if product is None:
            if digits:
                self.model.refuse_text(r, QUANTITY, text, self.tr(
                    "No product with the EAN {0}; a quantity is at most {1}.").replace("{0}", text)
                    .replace("{1}", format_decimal(MAX_QUANTITY, 0)))
            return digits  # letters that are no SKU: refused as "Not a number." by the model
        row = self.model.rows[r]
        if row.product_id == product.id:
            self.model.set_text(r, QUANTITY, format((row.quantity if row.quantity is not None else 1) + 1, "f"))
        else:
            r = self.model.rowCount() - 1  # the empty last row
            self.model.set_product(r, product)
        self.scan_target = (r, QUANTITY)
        return True

    def take_scan_target(self) -> tuple[int, int] | None:
        """Where the view goes after a scan into a quantity cell (once), instead of the next cell."""
        target, self.scan_target = self.scan_target, None
        return target

    scan_target: tuple[int, int] | None = None

    def _commit_product(self, editor: ProductEditor, r: int) -> None:
        row, text, chosen = self.model.rows[r], editor.text().strip(), editor.chosen()
        if chosen is not None and str(chosen) == str(row.product_id) and PRODUCT not in row.typed:
            return  # Enter on the product already there
        if chosen is None and not text:
            self.model.set_product(r, None)
            return
        try:
            product = self.picker.get(chosen) if chosen is not None else self.picker.by_code(text)
        except NotFoundError:
            product = None
        if product is None:
            self.model.refuse_product(r, text, self.tr(
                "No product with the SKU or EAN {0}: type part of its SKU, name or EAN and choose a suggestion.")
                .replace("{0}", text))
        else:
            self.model.set_product(r, product)

    def eventFilter(self, editor, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in _ENTER \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.submit(editor)
            return True
        return super().eventFilter(editor, event)

    def submit(self, editor: QWidget) -> None:
        """Commit the cell and move on (the view decides where)."""
        if shiboken6.isValid(editor) and editor is self.editor:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, _Hint.SubmitModelCache)


class LinesView(QTableView):
    sig_message = Signal(str)  # the current cell's problem, or "" when it has none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lines_view")
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; Enter moves within it
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def lines(self) -> LinesModel:
        return self.model()  # type: ignore[return-value]

    # -- keys ----------------------------------------------------------------------------
    def event(self, event) -> bool:
        # The window's Delete shortcut deletes whole invoices; inside the grid Delete removes a line.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Delete \
                and self.state() != QAbstractItemView.State.EditingState and not self.lines().read_only:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not editing and not self.lines().read_only:
            self.remove_current()
            return
        if event.key() in _ENTER and not editing and self.currentIndex().isValid() and not self.lines().read_only:
            self.move_on(self.currentIndex())
            return
        super().keyPressEvent(event)

    def remove_current(self) -> None:
        index = self.currentIndex()
        if index.isValid() and self.lines().remove_row(index.row()):
            row = min(index.row(), self.lines().rowCount() - 1)
            self.setCurrentIndex(self.lines().index(row, index.column()))

    # -- moving on -----------------------------------------------------------------------
    def next_cell(self, index: QModelIndex, backwards: bool = False) -> QModelIndex:
        model = self.lines()
        order = list(EDITABLE)
        r, c = index.row(), index.column()
        pos = order.index(c) if c in order else (len(order) - 1 if not backwards else 0)
        while True:
            pos += -1 if backwards else 1
            if pos >= len(order):
                pos, r = 0, r + 1
            elif pos < 0:
                pos, r = len(order) - 1, r - 1
            if not 0 <= r < model.rowCount():
                return index
            c = order[pos]
            if not backwards and c == DESCRIPTION and model.rows[r].product is not None:
                continue  # the product filled it; a clerk goes on to the quantity
            return model.index(r, c)

    def move_on(self, index: QModelIndex, backwards: bool = False) -> None:
        target = self.next_cell(index, backwards)
        self.setCurrentIndex(target)
        if target != index or self.lines().error_at(index.row(), index.column()):
            self.edit(target)

    def closeEditor(self, editor: QWidget, hint) -> None:
        index = self.currentIndex()
        moving = hint in (_Hint.SubmitModelCache, _Hint.EditNextItem, _Hint.EditPreviousItem)
        delegate = self.itemDelegate()
        if getattr(delegate, "editor", None) is editor:
            delegate.editor = None  # closed now, deleted later
        super().closeEditor(editor, _Hint.NoHint if moving else hint)
        self._announce(index)
        scanned = delegate.take_scan_target() if hasattr(delegate, "take_scan_target") else None
        if not moving or not index.isValid():
            return
        if scanned is not None:
            target = self.lines().index(*scanned)
            self.setCurrentIndex(target)
            self.edit(target)  # the quantity of the scanned line: type one, or scan on
        elif index.column() in self.lines().rows[index.row()].typed:
            self.edit(index)  # refused: stay, with what was typed
        else:
            self.move_on(index, backwards=hint == _Hint.EditPreviousItem)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        self._announce(current)

    def _announce(self, index: QModelIndex) -> None:
        message = self.lines().error_at(index.row(), index.column()) if index.isValid() else None
        self.sig_message.emit(self.describe_cell(index.row(), index.column(), message) if message else "")

    def describe_cell(self, r: int, c: int, message: str) -> str:
        title = self.lines().headerData(c, Qt.Orientation.Horizontal)
        return self.tr("Line {n}, {column}: {message}").replace("{n}", str(r + 1)).replace(
            "{column}", title).replace("{message}", message)


class LinesEditor(QWidget):
    """The grid and the line under it that says what is wrong with it."""

    sig_edited = Signal()

    def __init__(self, picker: ProductPicker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lines")
        self.picker = picker
        self.model = LinesModel(self)
        self.view = LinesView(self)
        self.view.setModel(self.model)
        self.delegate = LinesDelegate(picker, self.model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("lines_error")
        theme.style(self.error_label, "color: $error_text;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.view)

        header = self.view.horizontalHeader()
        for c, width in ((PRODUCT, 110), (QUANTITY, 70), (PRICE, 85), (DISCOUNT, 62), (TAX, 84), (AMOUNT, 95)):
            self.view.setColumnWidth(c, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.model.sig_edited.connect(self.sig_edited)
        self.view.sig_message.connect(self._on_message)

    # -- the form field API (see ui/common/form.py) -----------------------------------------
    def value(self) -> list:
        refused = self.model.refused()
        if refused:
            r, c, _message = refused[0]
            self.view.setCurrentIndex(self.model.index(r, c))
            raise ParseError(" ".join(self.view.describe_cell(r, c, m) for r, c, m in refused))
        return self.model.to_data()

    def set_value(self, rows: list[LineRow] | None) -> None:
        self.close_editor()
        self.model.load(list(rows or []))
        self.error_label.hide()
        self.view.setCurrentIndex(self.model.index(0, PRODUCT))

    def setStyleSheet(self, style: str) -> None:  # noqa: N802 - Qt's name
        # The form marks a field in error with a style sheet (mark_error); on this
        # container it would not show, so the grid's own frame turns red instead.
        super().setStyleSheet(theme.css("QTableView#lines_view { border: 1px solid $error_border; }") if style else "")

    # -- editing ----------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.close_editor()
        self.model.read_only = read_only
        triggers = (QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                    QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                    | QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.setEditTriggers(triggers)

    def editing(self) -> bool:
        return self.delegate.editor is not None

    def commit_editor(self) -> None:
        """Take what is typed in an open cell (Ctrl+S must not lose it)."""
        editor = self.delegate.editor
        if editor is not None and shiboken6.isValid(editor):
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, _Hint.NoHint)

    def close_editor(self) -> None:
        """Drop the cell being typed (Esc)."""
        editor = self.delegate.editor
        if editor is not None and shiboken6.isValid(editor):
            self.delegate.closeEditor.emit(editor, _Hint.RevertModelCache)

    def show_service_errors(self, error: ValidationError) -> list[FieldError]:
        """Mark the cells a service error names; return the errors as the form shows them."""
        out, first = [], None
        for item in error.errors:
            m = _LINE_ERROR.match(item.field)
            r = self.model.row_of_line(int(m.group(1))) if m else None
            if m and r is not None and m.group(2) in KEYS:
                c = KEYS.index(m.group(2))
                self.model.set_service_error(r, c, item.message)
                first = first or (r, c)
                out.append(FieldError("lines", self.view.describe_cell(r, c, item.message)))
            elif item.field.startswith("lines"):
                out.append(FieldError("lines", item.message))
            else:
                out.append(item)
        if first is not None:
            self.view.setCurrentIndex(self.model.index(*first))
        return out

    def _on_message(self, message: str) -> None:
        if message:
            self.error_label.setText(message)
            self.error_label.show()
        elif not self.model.refused() and not any(row.errors for row in self.model.rows):
            self.error_label.hide()
