"""Products and services: the catalogue with stock on hand, and the product form."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from app.domain.enums import ProductKind
from app.services import products, reference, stock, stock_rules
from app.services.products import ProductData
from ui.common import theme
from ui.common.fields import ChoiceField, DecimalField, TextField
from ui.common.form import Form
from ui.common.list_panel import ListPanel
from ui.common.table_model import Column
from ui.common.worker import LatestOnly
from ui.inventory.base import InventoryRecordTab
from ui.inventory.stock_table import StockColumn, StockTableView, WarehouseStockModel, total_line

# Row colours: a product to reorder, and one whose stock went below zero.
LOW_STOCK = "warning_bg"
SHORTAGE = "error_bg"

PRICE_PLACES = 4  # app.money.PRICE_SCALE: unit prices and costs may carry 4 decimals
QUANTITY_PLACES = 4  # app.money.QUANTITY_SCALE


def product_label(sku: str, name: str, ean: str | None = None) -> str:
    """How a product reads in a pick list: "SKU name [EAN]".

    The SKU first and the EAN in brackets let a LookupField recognise a typed
    or scanned code as an exact match and pick it without a click.
    """
    return f"{sku} {name}" + (f" [{ean}]" if ean else "")


def stock_level(row: dict) -> str | None:
    """"shortage", "low" (some warehouse at or below its reorder point) or None, for a product list row."""
    on_hand = row.get("on_hand")
    if on_hand is None:
        return None  # a service
    if on_hand < 0:
        return "shortage"
    if row.get("to_order") is not None:
        return "low"
    return None


class ProductsTab(InventoryRecordTab):
    list_name = "inventory_products"
    default_sort = "name"

    sig_show_moves = Signal(str, str)  # product id, its label: "show this product's stock moves"

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        # Wide enough for every column of the warehouse table, reorder levels included, without scrolling.
        self.editor.setMinimumWidth(self.stock_table.minimumWidth() + 50)

    def noun(self) -> str:
        return self.tr("product")

    def noun_plural(self) -> str:
        return self.tr("products")

    def noun_singular(self) -> str:
        return self.tr("product")

    def kind_labels(self) -> dict[str, str]:
        return {ProductKind.PRODUCT.value: self.tr("Product"), ProductKind.SERVICE.value: self.tr("Service")}

    def columns(self) -> list[Column]:
        return [
            Column("sku", self.tr("SKU"), width=95),
            Column("name", self.tr("Name"), width=260),
            Column("category", self.tr("Category"), width=130),
            # Read from the stock levels for the rows shown only (see products.list_products):
            # sorting by them would compute them for the whole catalogue.
            Column("on_hand", self.tr("On hand"), "quantity", width=75, sortable=False),
            Column("unit", self.tr("Unit"), width=40),
            Column("to_order", self.tr("To order"), "quantity", width=70, sortable=False),
            Column("stock_value", self.tr("Stock value"), "money", width=95, sortable=False),
            Column("sale_price", self.tr("Price"), "price", width=80),
            Column("cost", self.tr("Cost"), "price", width=80),
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
            return theme.brush(SHORTAGE)
        if level == "low":
            return theme.brush(LOW_STOCK)
        return None

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("kind", self.tr("Products and services"),
                                [(self.tr("Products"), ProductKind.PRODUCT.value),
                                 (self.tr("Services"), ProductKind.SERVICE.value)])
        combo = panel.add_choice_filter("below_reorder", self.tr("Any stock level"),
                                        [(self.tr("To reorder"), True)])
        combo.setToolTip(self.tr("To reorder: some warehouse holds the product at or below its reorder point "
                                 "(set per warehouse in the product's form); To order says how much. Rows in red "
                                 "have less than nothing in stock (a delivery recorded before its receipt)."))
        self.import_button = QPushButton(self.tr("Import products…"), panel)
        self.import_button.setObjectName("import_products")
        self.import_button.setToolTip(self.tr("Create or update products from a CSV file (in Excel: Save as CSV)"))
        self.import_button.clicked.connect(self.action_import)
        panel.filter_bar.addWidget(self.import_button)
        from ui.inventory.labels_dialog import add_labels_button

        self.labels_button = add_labels_button(self, panel)  # and several rows may be selected

    def action_import(self):
        from ui.inventory.import_dialog import open_import

        return open_import(self)

    def action_print(self):
        """File > Print (Ctrl+P) on this tab: barcode labels for the selected products."""
        from ui.inventory.labels_dialog import open_labels

        return open_labels(self)

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

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        self._stock_reader = LatestOnly()
        box = QGroupBox(self.tr("Stock by warehouse"), self.editor)
        box.setObjectName("stock_box")
        col = QVBoxLayout(box)
        self.stock_label = QLabel(box)  # "Reading…", "Services have no stock."
        self.stock_label.setObjectName("stock_message")
        col.addWidget(self.stock_label)
        self.stock_model = WarehouseStockModel(self.stock_columns(), self._save_rule, self._read_rules, self)
        self.stock_model.sig_saved.connect(self._on_rule_saved)
        self.stock_model.sig_message.connect(self._on_rule_message)
        # Rows read again (a product opened, or a rule someone else changed): the total follows.
        self.stock_model.modelReset.connect(
            lambda: self.stock_total.setText(total_line(self.stock_model.rows, self._unit, self.tr)))
        self.stock_table = StockTableView(box)
        self.stock_table.setObjectName("stock_by_warehouse")
        self.stock_table.setAccessibleName(self.tr("Stock by warehouse"))
        self.stock_table.setModel(self.stock_model)
        for i, c in enumerate(self.stock_model.columns):
            self.stock_table.setColumnWidth(i, c.width)
        self.stock_table.setMinimumWidth(sum(c.width for c in self.stock_model.columns)
                                         + 2 * self.stock_table.frameWidth()
                                         + self.stock_table.verticalScrollBar().sizeHint().width())
        caption = QLabel(self.tr("Type a &location or reorder level in a row; Enter saves it."), box)
        caption.setBuddy(self.stock_table)
        caption.setWordWrap(True)
        col.addWidget(caption)
        col.addWidget(self.stock_table)
        self.stock_error = QLabel(box)
        self.stock_error.setObjectName("stock_error")
        theme.style(self.stock_error, "color: $error_text;")
        self.stock_error.setWordWrap(True)
        self.stock_error.hide()
        col.addWidget(self.stock_error)
        self.stock_total = QLabel(box)
        self.stock_total.setObjectName("stock_total")
        col.addWidget(self.stock_total)
        self._stock_widgets = (caption, self.stock_table, self.stock_total)
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
        self.stock_model.set_rows(rows)
        self._on_rule_message("")
        self.stock_label.hide()
        for widget in self._stock_widgets:
            widget.show()
        self.stock_table.fit_rows()

    def _set_stock_text(self, text: str) -> None:
        """A message instead of the table (a new product, a service, reading, an error)."""
        self.stock_label.setText(text)
        self.stock_label.show()
        self.stock_model.set_rows([])
        self._on_rule_message("")
        for widget in self._stock_widgets:
            widget.hide()

    # -- location and reorder levels per warehouse, typed in the table -------------------------
    def stock_columns(self) -> list[StockColumn]:
        return [
            StockColumn("code", self.tr("Warehouse"), "text", 74),
            StockColumn("quantity", self.tr("On hand"), "quantity", 62),
            StockColumn("avg_cost", self.tr("Avg cost"), "price", 64),
            StockColumn("value", self.tr("Value"), "money", 80),
            StockColumn("location", self.tr("Location"), "text", 70),
            StockColumn("reorder_point", self.tr("Reorder at"), "quantity", 72),
            StockColumn("reorder_target", self.tr("Order up to"), "quantity", 80),
            StockColumn("to_order", self.tr("To order"), "quantity", 60),
        ]

    def _save_rule(self, row, values: dict[str, Any]):
        return stock_rules.set_stock_rule(self.db, stock_rules.StockRuleData(uuid.UUID(self.record_id), row.warehouse_id,
                                                                 **values), row.rule_version or 0)

    def _read_rules(self) -> list:
        return stock.stock_by_warehouse(self.db, uuid.UUID(self.record_id))

    def _on_rule_saved(self, row) -> None:
        self.stock_total.setText(total_line(self.stock_model.rows, self._unit, self.tr))
        self.changed()  # the reorder badge and the other lists
        self.list.refresh(keep_id=self.record_id)  # its To order and colour
        self.sig_status.emit(self.tr("Saved the stock rule of {0} in {1}.")
                             .replace("{0}", self.title.text().rstrip(" •")).replace("{1}", row.code))

    def _on_rule_message(self, message: str) -> None:
        self.stock_error.setText(message)
        self.stock_error.setVisible(bool(message))

    def _on_show_moves(self) -> None:
        if self.record_id:
            self.sig_show_moves.emit(self.record_id, self.title.text().rstrip(" •"))
