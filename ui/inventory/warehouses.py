"""Warehouses: where stock is kept; one of them is where moves start by default."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services import products
from app.services.products import WarehouseData
from ui.common.fields import CheckField, TextField
from ui.common.form import Form
from ui.common.list_panel import ListPanel
from ui.common.table_model import Column
from ui.inventory.base import InventoryRecordTab


class WarehousesTab(InventoryRecordTab):
    list_name = "inventory_warehouses"
    default_sort = "code"

    def noun(self) -> str:
        return self.tr("warehouse")

    def noun_plural(self) -> str:
        return self.tr("warehouses")

    def noun_singular(self) -> str:
        return self.tr("warehouse")

    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Code"), width=90),
            Column("name", self.tr("Name"), width=280),
            Column("city", self.tr("City"), width=160),
            Column("is_default", self.tr("Default"), "bool", width=70),
        ]

    def list_rows(self, db, query):
        return products.list_warehouses(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        self.value_button = QPushButton(self.tr("Stoc&k value…"), panel)
        self.value_button.setObjectName("stock_value")
        self.value_button.setToolTip(self.tr("What the stock is worth per warehouse, today or as of a date"))
        self.value_button.clicked.connect(self.action_stock_value)
        panel.filter_bar.addWidget(self.value_button)

    def action_stock_value(self):
        """Open the stock value dialog (modeless, so the clerk can keep it beside the lists)."""
        from ui.inventory.valuation import StockValueDialog

        dialog = StockValueDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def count_rows(self, db, query):
        return products.count_warehouses(db, query)

    def build_form(self, form: Form) -> None:
        form.add("code", self.tr("Co&de"), TextField()).setMaxLength(10)
        form.add("name", self.tr("&Name"), TextField()).setMaxLength(120)
        form.add("street", self.tr("S&treet"), TextField())
        form.add("city", self.tr("Cit&y"), TextField()).setMaxLength(100)
        form.add("is_default", self.tr("Defa&ult"), CheckField(self.tr("New stock moves start from here")))

    def blank_values(self) -> dict[str, Any]:
        return {**super().blank_values(), "is_default": False}

    def form_to_data(self, values: dict[str, Any]) -> WarehouseData:
        values = dict(values)
        values["code"] = values["code"] or ""
        values["name"] = values["name"] or ""
        return WarehouseData(**values)

    def describe(self, view) -> str:
        return f"{view.code} · {view.name}"

    def get(self, record_id: str):
        return products.get_warehouse(self.db, uuid.UUID(record_id))

    def create(self, data: WarehouseData):
        view = products.create_warehouse(self.db, data)
        self.changed()
        return view

    def update(self, record_id: str, data: WarehouseData, version: int | None):
        view = products.update_warehouse(self.db, uuid.UUID(record_id), data, version)
        self.changed()
        return view

    def archive(self, record_id: str):
        view = products.archive_warehouse(self.db, uuid.UUID(record_id))
        self.changed()
        return view
