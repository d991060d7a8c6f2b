"""The lines of a draft invoice as an editable table: one row per line, one empty row to type a new one.

What a clerk types is parsed here, cell by cell, with the same scales the
service accepts (4 decimals for quantities, prices and discounts). A refused
cell keeps the typed text, turns red and says why; it never silently becomes
another value. Amounts and totals come from ``app.services.totals`` with the
inputs ``check_draft`` will use, so the screen shows what the save will store.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from app.money import HUNDRED, PERCENT_SCALE, PRICE_SCALE, QUANTITY_SCALE, ZERO
from app.services.invoices import InvoiceLineData
from app.services.products import ProductView
from app.services.reference import TaxRateView
from app.services.totals import LineInput, Totals, compute_totals, line_amount
from ui.common import theme
from ui.common.formatting import ParseError, format_decimal, parse_decimal

PRODUCT, DESCRIPTION, QUANTITY, PRICE, DISCOUNT, TAX, AMOUNT = range(7)
KEYS = ("product_id", "description", "quantity", "unit_price", "discount_percent", "tax_rate_id", "amount")
EDITABLE = (PRODUCT, DESCRIPTION, QUANTITY, PRICE, DISCOUNT, TAX)
NUMERIC = {QUANTITY: QUANTITY_SCALE, PRICE: PRICE_SCALE, DISCOUNT: PERCENT_SCALE}
MAX_DESCRIPTION = 500  # the service's limit

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass
class LineRow:
    product_id: uuid.UUID | None = None
    product: ProductView | None = None  # what the service fills empty cells from
    description: str | None = None
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    discount_percent: Decimal | None = None
    tax_rate_id: uuid.UUID | None = None
    stored_amount: Decimal | None = None  # a posted invoice shows what was stored
    tax_percent: Decimal | None = None  # the stored IVA, shown if its rate is no longer offered
    typed: dict[int, str] = field(default_factory=dict)  # refused text, kept as typed
    errors: dict[int, str] = field(default_factory=dict)  # column -> message (typing or service)

    def blank(self) -> bool:
        return (self.product_id is None and not self.description and self.quantity is None
                and self.unit_price is None and self.discount_percent is None and self.tax_rate_id is None
                and not self.typed)

    # What the service will use when a cell is left empty (see invoice_drafts._check_line).
    def price(self) -> Decimal | None:
        if self.unit_price is not None or self.product is None:
            return self.unit_price
        return self.product.sale_price

    def rate_id(self) -> uuid.UUID | None:
        if self.tax_rate_id is not None or self.product is None:
            return self.tax_rate_id
        return self.product.tax_rate_id

    def text(self) -> str | None:
        return self.description or (self.product.name if self.product is not None else None)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def rate_label(rate: TaxRateView) -> str:
    """Short, as in the grid: "21 %", or "Exempt E1" for an exempt rate."""
    if rate.exemption_reason:
        return tr("Exempt {0}").replace("{0}", rate.exemption_reason.split(":")[0].strip())
    return f"{format_decimal(rate.percent, None)} %"


class LinesModel(QAbstractTableModel):
    """Signals: ``sig_edited`` after a change the clerk made (not after loading);
    ``sig_changed`` after any change of what the totals depend on."""

    sig_edited = Signal()
    sig_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[LineRow] = [LineRow()]
        self.rates: dict[uuid.UUID, TaxRateView] = {}
        self.default_rate_id: uuid.UUID | None = None
        self.read_only = False
        self.recargo = False  # the customer's tax profile, as check_draft reads it
        self.irpf: Decimal | None = None
        self._sent_rows: list[int] = []  # service line index -> row, from the last to_data()
        self._titles = [tr("Product"), tr("Description"), tr("Quantity"), tr("Price"), tr("Disc. %"),
                        tr("IVA"), tr("Amount")]

    # -- loading and reading ------------------------------------------------------------
    def set_rates(self, rates: list[TaxRateView]) -> None:
        self.rates = {r.id: r for r in rates}
        self.default_rate_id = rates[0].id if rates else None  # highest first: IVA 21
        self._changed_all()
        self.sig_changed.emit()

    def load(self, rows: list[LineRow]) -> None:
        self.beginResetModel()
        self.rows = [r for r in rows if not r.blank()] + ([] if self.read_only else [LineRow()])
        self.endResetModel()
        self.sig_changed.emit()

    def to_data(self) -> list[InvoiceLineData]:
        """The non-empty lines for the service; empty cells left for it to fill from the product."""
        self._sent_rows = []
        out = []
        for r, row in enumerate(self.rows):
            if row.blank():
                continue
            self._sent_rows.append(r)
            out.append(InvoiceLineData(
                description=row.description or None, quantity=row.quantity, unit_price=row.unit_price,
                discount_percent=row.discount_percent if row.discount_percent is not None else ZERO,
                tax_rate_id=row.tax_rate_id, product_id=row.product_id))
        return out

    def row_of_line(self, i: int) -> int | None:
        """The row the service's ``lines[i]`` was read from."""
        return self._sent_rows[i] if 0 <= i < len(self._sent_rows) else None

    def refused(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every cell whose text was refused."""
        return [(r, c, row.errors[c]) for r, row in enumerate(self.rows) for c in sorted(row.typed)]

    # -- totals -------------------------------------------------------------------------
    def line_input(self, row: LineRow) -> LineInput | None:
        """The service's input for a line, or None while the line is incomplete or refused."""
        rate = self.rates.get(row.rate_id()) if row.rate_id() else None
        price = row.price()
        if row.typed or rate is None or row.quantity is None or price is None:
            return None
        recargo = rate.recargo_percent if self.recargo and rate.recargo_percent is not None else ZERO
        return LineInput(row.quantity, price, row.discount_percent or ZERO, rate.percent, recargo,
                         rate.exemption_reason)

    def totals(self) -> tuple[Totals, int]:
        """The totals of the complete lines, and how many typed lines were left out."""
        inputs, left_out = [], 0
        for row in self.rows:
            if row.blank():
                continue
            line = self.line_input(row)
            if line is None:
                left_out += 1
            else:
                inputs.append(line)
        return compute_totals(inputs, recargo_equivalencia=self.recargo, irpf_percent=self.irpf), left_out

    def amount(self, row: LineRow) -> Decimal | None:
        if self.read_only:
            return row.stored_amount
        line = self.line_input(row)
        return None if line is None else line_amount(line.quantity, line.unit_price, line.discount_percent)

    # -- editing ------------------------------------------------------------------------
    def set_text(self, r: int, c: int, text: str) -> bool:
        """What the clerk typed into a cell; refused text is kept with its message."""
        row = self.rows[r]
        before = self._snapshot(row)
        text = (text or "").strip()
        row.typed.pop(c, None)
        row.errors.pop(c, None)
        if c == DESCRIPTION:
            if len(text) > MAX_DESCRIPTION:
                self._refuse(row, c, text, tr("At most {n} characters.").replace("{n}", str(MAX_DESCRIPTION)))
            else:
                row.description = text or None
        elif c in NUMERIC:
            try:
                value = parse_decimal(text, places=NUMERIC[c])
                self._check_range(c, value)
            except ParseError as exc:
                self._refuse(row, c, text, str(exc))
            else:
                setattr(row, KEYS[c], value)
        else:
            return False
        self._after_edit(r, before)
        return True

    def set_rate(self, r: int, rate_id: Any) -> None:
        row = self.rows[r]
        before = self._snapshot(row)
        row.errors.pop(TAX, None)
        row.tax_rate_id = uuid.UUID(str(rate_id)) if rate_id else None
        self._after_edit(r, before)

    def set_product(self, r: int, product: ProductView | None) -> None:
        """Choosing a product fills description, price and IVA from it (a new choice replaces them)."""
        row = self.rows[r]
        before = self._snapshot(row)
        row.typed.pop(PRODUCT, None)
        for c in (PRODUCT, DESCRIPTION, PRICE, TAX):
            row.errors.pop(c, None)
        if product is None:
            row.product_id, row.product = None, None
        elif product.id != row.product_id:
            row.product_id, row.product = product.id, product
            row.description, row.unit_price, row.tax_rate_id = product.name, product.sale_price, product.tax_rate_id
            for c in (DESCRIPTION, PRICE, TAX):
                row.typed.pop(c, None)
            if row.quantity is None and QUANTITY not in row.typed:
                row.quantity = Decimal(1)
        self._after_edit(r, before)

    def refuse_product(self, r: int, text: str, message: str) -> None:
        self.refuse_text(r, PRODUCT, text, message)

    def refuse_text(self, r: int, c: int, text: str, message: str) -> None:
        """Keep ``text`` in cell ``c`` as refused with ``message`` (a code that matches no product)."""
        row = self.rows[r]
        before = self._snapshot(row)
        self._refuse(row, c, text, message)
        self._after_edit(r, before)

    def remove_row(self, r: int) -> bool:
        if not 0 <= r < len(self.rows) - 1 or self.read_only:
            return False  # the last row is the empty one to type in
        self.beginRemoveRows(QModelIndex(), r, r)
        del self.rows[r]
        self.endRemoveRows()
        self.sig_changed.emit()
        self.sig_edited.emit()
        return True

    def set_service_error(self, r: int, c: int, message: str) -> None:
        row = self.rows[r]
        row.errors[c] = f"{row.errors[c]} {message}" if c in row.errors and c not in row.typed else message
        self.dataChanged.emit(self.index(r, c), self.index(r, c))

    def clear_service_errors(self) -> None:
        for r, row in enumerate(self.rows):
            kept = {c: m for c, m in row.errors.items() if c in row.typed}
            if kept != row.errors:
                row.errors = kept
                self.dataChanged.emit(self.index(r, 0), self.index(r, AMOUNT))

    def error_at(self, r: int, c: int) -> str | None:
        return self.rows[r].errors.get(c) if 0 <= r < len(self.rows) else None

    def _refuse(self, row: LineRow, c: int, text: str, message: str) -> None:
        row.typed[c] = text
        row.errors[c] = message

    @staticmethod
    def _check_range(c: int, value: Decimal | None) -> None:
        if value is None:
            return
        if c == PRICE and value < 0:
            raise ParseError(tr("A price is never negative."))
        if c == DISCOUNT and not ZERO <= value <= HUNDRED:
            raise ParseError(tr("A discount is between 0 and 100 %."))

    @staticmethod
    def _snapshot(row: LineRow) -> LineRow:
        return replace(row, typed=dict(row.typed), errors=dict(row.errors))

    def _after_edit(self, r: int, before: LineRow) -> None:
        row = self.rows[r]
        if row == before:
            return  # Enter on an unchanged cell: not an edit
        if before.blank() and not row.blank():
            # A new line starts as one unit at the usual IVA (a product, when chosen, sets its own).
            if row.product is None and row.tax_rate_id is None and self.default_rate_id:
                row.tax_rate_id = self.default_rate_id
            if row.quantity is None and QUANTITY not in row.typed:
                row.quantity = Decimal(1)
        self.dataChanged.emit(self.index(r, 0), self.index(r, AMOUNT))
        if r == len(self.rows) - 1 and not row.blank():
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(LineRow())
            self.endInsertRows()
        self.sig_changed.emit()
        self.sig_edited.emit()

    def _changed_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, AMOUNT))

    def set_profile(self, recargo: bool, irpf: Decimal | None) -> None:
        self.recargo, self.irpf = recargo, irpf
        self._changed_all()
        self.sig_changed.emit()

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KEYS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(KEYS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in (QUANTITY, PRICE, DISCOUNT, AMOUNT) else _LEFT
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.rows):
            return str(section + 1) if section < len(self.rows) - 1 or self.read_only else "*"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, c = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.typed[c] if c in row.typed else self._display(row, c)
        if role == Qt.ItemDataRole.EditRole:
            return row.typed[c] if c in row.typed else self._edit_text(row, c)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if c in (QUANTITY, PRICE, DISCOUNT, AMOUNT) else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.brush("error_bg") if c in row.errors else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.errors.get(c) or (self._display(row, c) if c == DESCRIPTION else None)
        if role == Qt.ItemDataRole.ForegroundRole and self._is_default(row, c):
            return theme.brush("muted_text")
        if role == Qt.ItemDataRole.FontRole and c == AMOUNT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        if index.column() == TAX:
            self.set_rate(index.row(), value)
            return True
        if index.column() == PRODUCT:
            return False  # products are chosen through the picker (set_product)
        return self.set_text(index.row(), index.column(), "" if value is None else str(value))

    # -- how cells read -------------------------------------------------------------------
    def _is_default(self, row: LineRow, c: int) -> bool:
        # An empty cell the service will fill from the product: shown greyed.
        return ((c == DESCRIPTION and not row.description and row.product is not None)
                or (c == PRICE and row.unit_price is None and row.product is not None)
                or (c == TAX and row.tax_rate_id is None and row.product is not None))

    def _display(self, row: LineRow, c: int) -> str:
        if c == PRODUCT:
            return row.product.sku if row.product is not None else ("?" if row.product_id else "")
        if c == DESCRIPTION:
            return row.text() or ""
        if c == QUANTITY:
            return format_decimal(row.quantity, None)
        if c == PRICE:
            price = row.price()
            if price is None:
                return ""
            return format_decimal(price, 2) if price == round(price, 2) else format_decimal(price, None)
        if c == DISCOUNT:
            return "" if not row.discount_percent else format_decimal(row.discount_percent, None)
        if c == TAX:
            rate = self.rates.get(row.rate_id()) if row.rate_id() else None
            if rate is not None:
                return rate_label(rate)
            if row.rate_id() and row.tax_percent is not None:
                return f"{format_decimal(row.tax_percent, None)} %"
            return "?" if row.rate_id() else ""
        amount = self.amount(row)
        return "" if amount is None else format_decimal(amount, 2)

    def _edit_text(self, row: LineRow, c: int) -> Any:
        if c == PRODUCT:
            return row.product.sku if row.product is not None else ""
        if c == DESCRIPTION:
            return row.description or ""
        if c in NUMERIC:
            value = getattr(row, KEYS[c])
            return "" if value is None else format_decimal(value, None, grouping=False)
        if c == TAX:
            return str(row.tax_rate_id) if row.tax_rate_id else ""
        return self._display(row, c)
