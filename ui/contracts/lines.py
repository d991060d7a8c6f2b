"""The price lines of a contract: a small grid the form reads like any other field.

It has ``value()``/``set_value()`` like the widgets in ui/common/fields.py, so
the Form treats it as one field named ``lines``: typing errors (letters in a
quantity, three decimals in a price) are raised together as a ParseError that
names the line, and shown under the grid. A line's product, which this grid
does not edit, is carried through unchanged.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.services.contracts import ContractLineData
from ui.common.formatting import ParseError, format_decimal, parse_decimal

PRODUCT_ROLE = Qt.ItemDataRole.UserRole  # on the description item: the line's product id, kept as it was

_DESCRIPTION, _QUANTITY, _PRICE, _TAX = range(4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def line_label(index: int) -> str:
    """"Line 2" for the line at ``index`` (0-based), as the clerk counts them."""
    return QCoreApplication.translate("LinesEditor", "Line {0}").replace("{0}", str(index + 1))


class LinesEditor(QWidget):
    sig_changed = Signal()  # the clerk edited, added or removed a line

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rates: list[tuple[str, uuid.UUID]] = []
        self._rows_read: list[int] = []  # the grid row of each line value() returned
        self._loading = False
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("lines_table")
        self.table.setHorizontalHeaderLabels([self.tr("Description"), self.tr("Quantity"), self.tr("Unit price"),
                                              self.tr("IVA")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the grid, as in the rest of the form
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in ((_QUANTITY, 70), (_PRICE, 90), (_TAX, 150)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(180)
        self.add_button = QPushButton(self.tr("Add &line"), self)
        self.add_button.setObjectName("add_line")
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        self.remove_button.setObjectName("remove_line")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.table.itemChanged.connect(self._on_item_changed)

    # -- the field API ------------------------------------------------------------------
    def set_tax_rates(self, rates: list[tuple[str, uuid.UUID]]) -> None:
        """The IVA rates offered, as (label, id); the first is a new line's default."""
        self._rates = list(rates)

    def value(self) -> list[ContractLineData]:
        lines: list[ContractLineData] = []
        problems: list[str] = []
        self._rows_read = []
        for row in range(self.table.rowCount()):
            description = self._text(row, _DESCRIPTION)
            quantity_text, price_text = self._text(row, _QUANTITY), self._text(row, _PRICE)
            if not (description or quantity_text or price_text):
                continue  # a blank line added by mistake is just left out
            try:
                quantity = parse_decimal(quantity_text, places=4)
                price = parse_decimal(price_text, places=4)
            except ParseError as exc:
                problems.append(f"{line_label(row)}: {exc}")
                continue
            product = self.table.item(row, _DESCRIPTION).data(PRODUCT_ROLE)
            self._rows_read.append(row)
            lines.append(ContractLineData(description=description, quantity=quantity if quantity is not None else "",
                                          unit_price=price if price is not None else "",
                                          tax_rate_id=self._combo(row).currentData(), product_id=product))
        if problems:
            raise ParseError(" ".join(problems))
        return lines

    def set_value(self, lines: list[ContractLineData] | tuple | None) -> None:
        self._loading = True
        try:
            self.table.setRowCount(0)
            for line in lines or ():
                self._append(line)
        finally:
            self._loading = False

    def grid_row(self, line_index: int) -> int:
        """The grid row of the line at ``line_index`` in the last value() (blank rows are skipped)."""
        return self._rows_read[line_index] if 0 <= line_index < len(self._rows_read) else line_index

    # Form.mark_error styles the field; unscoped, a border would land on every button and cell.
    def setStyleSheet(self, style: str) -> None:  # noqa: N802 - Qt override
        super().setStyleSheet(f"QTableWidget {{ {style} }}" if style else "")

    # -- rows ----------------------------------------------------------------------------
    def _append(self, line: ContractLineData | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        description = QTableWidgetItem(line.description if line else "")
        description.setData(PRODUCT_ROLE, line.product_id if line else None)
        self.table.setItem(row, _DESCRIPTION, description)
        for column, text in ((_QUANTITY, self._number(line.quantity if line else 1, None)),
                             (_PRICE, self._number(line.unit_price if line else None, 2))):
            item = QTableWidgetItem(text)
            item.setTextAlignment(_RIGHT)
            self.table.setItem(row, column, item)
        combo = QComboBox(self.table)
        combo.setObjectName(f"line_tax_{row}")
        for label, rate_id in self._rates:
            combo.addItem(label, rate_id)
        if line is not None and line.tax_rate_id is not None:
            found = next((i for i, (_l, rid) in enumerate(self._rates) if str(rid) == str(line.tax_rate_id)), -1)
            if found < 0:  # a rate no longer offered: keep it rather than silently change the tax
                combo.addItem(self.tr("(other rate)"), line.tax_rate_id)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        combo.currentIndexChanged.connect(lambda _i: self._emit_changed())
        self.table.setCellWidget(row, _TAX, combo)
        return row

    def _combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, _TAX)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    @staticmethod
    def _number(value: Any, at_least: int | None) -> str:
        """Quantities as typed (3, 1,5); prices with their cents (41,90) unless they have more decimals."""
        if value is None or value == "":
            return ""
        value = Decimal(value)
        places = at_least if at_least is not None and value == round(value, at_least) else None
        return format_decimal(value, places, grouping=False)

    def rows(self) -> int:
        return self.table.rowCount()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Put text in a cell as if typed (0 description, 1 quantity, 2 unit price)."""
        self.table.item(row, column).setText(text)

    # -- slots ---------------------------------------------------------------------------
    def _on_add(self) -> None:
        row = self._append(None)
        self._emit_changed()
        self.table.setCurrentCell(row, _DESCRIPTION)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.editItem(self.table.item(row, _DESCRIPTION))

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit_changed()

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._emit_changed()

    def _emit_changed(self) -> None:
        if not self._loading:
            self.sig_changed.emit()
