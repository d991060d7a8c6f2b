"""Products and services: the catalogue with stock on hand, and the product form."""

from __future__ import annotations

import html
import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from app.domain.enums import ProductKind
from app.services import products, reference, stock
from app.services.products import ProductData
from ui.common.fields import ChoiceField, DecimalField, TextField
from ui.common.form import Form
from ui.common.formatting import format_decimal
from ui.common.list_panel import ListPanel
from ui.common.table_model import Column
from ui.common.worker import LatestOnly
from ui.inventory.base import InventoryRecordTab

# Row colours: a product to reorder, and one whose stock went below zero.
LOW_STOCK = QColor("#fff1c2")
SHORTAGE = QColor("#fbdcdc")

PRICE_PLACES = 4  # app.money.PRICE_SCALE: unit prices and costs may carry 4 decimals
QUANTITY_PLACES = 4  # app.money.QUANTITY_SCALE


def product_label(sku: str, name: str, ean: str | None = None) -> str:
    """How a product reads in a pick list: "SKU name [EAN]".

    The SKU first and the EAN in brackets let a LookupField recognise a typed
    or scanned code as an exact match and pick it without a click.
    """
    return f"{sku} {name}" + (f" [{ean}]" if ean else "")


def stock_level(row: dict) -> str | None:
    """"shortage", "low" (at or below the reorder point) or None, for a product list row."""
    on_hand, point = row.get("on_hand"), row.get("reorder_point")
    if on_hand is None:
        return None  # a service
    if on_hand < 0:
        return "shortage"
    if point is not None and on_hand <= point:
        return "low"
    return None


class ProductsTab(InventoryRecordTab):
    list_name = "inventory_products"
    default_sort = "name"

    sig_show_moves = Signal(str, str)  # product id, its label: "show this product's stock moves"

    def noun(self) -> str:
        return self.tr("product")

    def noun_plural(self) -> str:
        return self.tr("products")

    def kind_labels(self) -> dict[str, str]:
        return {ProductKind.PRODUCT.value: self.tr("Product"), ProductKind.SERVICE.value: self.tr("Service")}

    def columns(self) -> list[Column]:
        return [
            Column("sku", self.tr("SKU"), width=95),
            Column("name", self.tr("Name"), width=260),
            Column("category", self.tr("Category"), width=130),
            # Summed from the moves for the rows shown only; see products.list_products.
            Column("on_hand", self.tr("On hand"), "quantity", width=75, sortable=False),
            Column("unit", self.tr("Unit"), width=40),
            Column("sale_price", self.tr("Price"), "price", width=80),
            Column("cost", self.tr("Cost"), "price", width=80),
            # No index on it: sorting a 100k catalogue by it would read the whole table per page.
            Column("reorder_point", self.tr("Reorder at"), "quantity", width=80, sortable=False),
            Column("kind", self.tr("Kind"), "choice", width=70, choices=self.kind_labels()),
            Column("ean", self.tr("EAN"), width=115),
        ]

    def list_rows(self, db, query):
        return products.list_products(db, query)

    def count_rows(self, db, query):
        return products.count_products(db, query)

    def row_brush(self, row: dict) -> QBrush | None:
        level = stock_level(row)
        if level == "shortage":
            return QBrush(SHORTAGE)
        if level == "low":
            return QBrush(LOW_STOCK)
        return None

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("kind", self.tr("Products and services"),
                                [(self.tr("Products"), ProductKind.PRODUCT.value),
                                 (self.tr("Services"), ProductKind.SERVICE.value)])
        combo = panel.add_choice_filter("below_reorder", self.tr("Any stock level"),
                                        [(self.tr("To reorder"), True)])
        combo.setToolTip(self.tr("Rows in yellow are at or below their reorder point; rows in red have "
                                 "less than nothing in stock (a delivery recorded before its receipt)."))

    # -- the form ---------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        form.add("sku", self.tr("S&KU"), TextField()).setMaxLength(40)
        form.add("ean", self.tr("&Barcode (EAN)"), TextField()).setMaxLength(20)
        form.fields["ean"].setPlaceholderText(self.tr("13 digits, or scan it"))
        form.add("name", self.tr("&Name"), TextField()).setMaxLength(200)
        form.add("kind", self.tr("Kin&d"), ChoiceField([(label, value) for value, label in self.kind_labels().items()]))
        form.add("unit", self.tr("&Unit"), TextField()).setMaxLength(10)
        form.add("category", self.tr("Ca&tegory"), TextField()).setMaxLength(80)
        form.add_section(self.tr("Prices"))
        form.add("sale_price", self.tr("Sale p&rice"), DecimalField(PRICE_PLACES))
        form.add("cost", self.tr("C&ost"), DecimalField(PRICE_PLACES))
        form.add("tax_rate_id", self.tr("Ta&x (IVA)"), ChoiceField())
        form.add_section(self.tr("Reordering"))
        form.add("reorder_point", self.tr("Reorder &level"), DecimalField(QUANTITY_PLACES))
        form.fields["reorder_point"].setToolTip(self.tr("Reorder when the stock on hand falls to this quantity."))
        form.add("reorder_target", self.tr("Reorder tar&get"), DecimalField(QUANTITY_PLACES))
        form.fields["reorder_target"].setToolTip(self.tr("The stock to order up to."))

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        self._stock_reader = LatestOnly()
        box = QGroupBox(self.tr("Stock by warehouse"), self.editor)
        box.setObjectName("stock_box")
        col = QVBoxLayout(box)
        self.stock_label = QLabel(box)
        self.stock_label.setObjectName("stock_by_warehouse")
        self.stock_label.setTextFormat(Qt.TextFormat.RichText)
        self.stock_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.stock_label)
        self.moves_button = QPushButton(self.tr("Stock moves of this product"), box)
        self.moves_button.setObjectName("show_moves")
        self.moves_button.clicked.connect(self._on_show_moves)
        col.addWidget(self.moves_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)

    def load_choices(self) -> None:
        rates = reference.tax_rates(self.db)
        self.form.fields["tax_rate_id"].set_choices([(r.name, r.id) for r in rates])

    def blank_values(self) -> dict[str, Any]:
        self._set_stock_text(self.tr("A new product has no stock yet."))
        self.moves_button.setEnabled(False)
        rate = self.form.fields["tax_rate_id"]
        return {**super().blank_values(), "kind": ProductKind.PRODUCT.value, "unit": "ud", "cost": Decimal(0),
                "tax_rate_id": rate.itemData(0) if rate.count() else None}

    def view_to_form(self, view) -> dict[str, Any]:
        self._load_stock(view)
        return super().view_to_form(view)

    def form_to_data(self, values: dict[str, Any]) -> ProductData:
        values = dict(values)
        for name in ("sku", "name", "unit"):
            values[name] = values[name] or ""
        return ProductData(**values)

    def describe(self, view) -> str:
        return f"{view.sku} · {view.name}"

    def get(self, record_id: str):
        return products.get_product(self.db, uuid.UUID(record_id))

    def create(self, data: ProductData):
        view = products.create_product(self.db, data)
        self.changed()
        return view

    def update(self, record_id: str, data: ProductData, version: int | None):
        view = products.update_product(self.db, uuid.UUID(record_id), data, version)
        self.changed()
        return view

    def archive(self, record_id: str):
        view = products.archive_product(self.db, uuid.UUID(record_id))
        self.changed()
        return view

    def reload_after_change(self) -> None:
        super().reload_after_change()
        if self.editor_open and self.record_id:
            self._load_stock_of(self.record_id, self._unit, self._stocked)

    # -- stock by warehouse, read in the background ---------------------------------------
    _unit = ""
    _stocked = True

    def _load_stock(self, view) -> None:
        self._unit, self._stocked = view.unit, view.kind == ProductKind.PRODUCT
        self.moves_button.setEnabled(self._stocked)
        self._load_stock_of(str(view.id), view.unit, self._stocked)

    def _load_stock_of(self, record_id: str, unit: str, stocked: bool) -> None:
        if not stocked:
            self._set_stock_text(self.tr("Services have no stock."))
            return
        self._set_stock_text(self.tr("Reading…"))
        self._stock_reader.submit(lambda: stock.stock_by_warehouse(self.db, uuid.UUID(record_id)),
                                  lambda rows: self._on_stock(record_id, unit, rows),
                                  lambda exc: self._set_stock_text(str(exc)))

    def _on_stock(self, record_id: str, unit: str, rows: list) -> None:
        if record_id != self.record_id:
            return  # the clerk opened another product meanwhile
        unit = html.escape(unit)
        lines = []
        for w in rows:
            name = html.escape(f"{w.code} · {w.name}")
            if w.archived:
                name += " " + html.escape(self.tr("(archived)"))
            colour = ' style="color:#b3261e"' if w.quantity < 0 else ""
            lines.append(f'<tr><td>{name}</td><td align="right"{colour}>&nbsp;&nbsp;'
                         f"{format_decimal(w.quantity, None)} {unit}</td></tr>")
        total = sum((w.quantity for w in rows), Decimal(0))
        lines.append(f'<tr><td><b>{html.escape(self.tr("Total"))}</b></td>'
                     f'<td align="right"><b>&nbsp;&nbsp;{format_decimal(total, None)} {unit}</b></td></tr>')
        self._set_stock_text("<table>" + "".join(lines) + "</table>")

    def _set_stock_text(self, text: str) -> None:
        self.stock_label.setText(text)

    def _on_show_moves(self) -> None:
        if self.record_id:
            self.sig_show_moves.emit(self.record_id, self.title.text().rstrip(" •"))
