"""Stock moves: record receipts, deliveries, transfers and adjustments; reverse a mistake.

A recorded move is never edited or deleted (app.services.stock). Opening one
shows it read-only with a "reverse" box: the clerk types why, confirms, and
the opposite move is recorded. Delete on a move in the list leads there too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget,
)

from app.domain.enums import ProductKind, StockMoveKind
from app.errors import FieldError, NegativeStockWarning, NotFoundError, TrastiendaError, ValidationError
from app.services import parties, products, stock
from app.services.listing import ListQuery
from app.services.stock import StockMoveData
from ui.common import dialogs, theme
from ui.common.fields import ChoiceField, DateField, DecimalField, LookupField, TextField, mark_error
from ui.common.form import Form
from ui.common.formatting import ParseError, format_date, format_decimal
from ui.common.list_panel import ListPanel
from ui.common.table_model import Column
from ui.common.worker import run_in_background
from ui.inventory.base import InventoryRecordTab
from ui.inventory.products import PRICE_PLACES, QUANTITY_PLACES, product_label

REVERSAL = "inactive_bg"  # reversals read as corrections, not as business
LOOKUP_ROWS = 15


class StockMovesTab(InventoryRecordTab):
    list_name = "inventory_moves"
    default_sort = "date"
    default_descending = True  # the latest moves first

    _viewing = False  # an existing move is open: read-only
    _reverses_id: uuid.UUID | None = None
    _default_warehouse: uuid.UUID | None = None

    def noun(self) -> str:
        return self.tr("stock move")

    def noun_plural(self) -> str:
        return self.tr("stock moves")

    def noun_singular(self) -> str:
        return self.tr("stock move")

    def kind_labels(self) -> dict[str, str]:
        return {
            StockMoveKind.RECEIPT.value: self.tr("Receipt"),
            StockMoveKind.DELIVERY.value: self.tr("Delivery"),
            StockMoveKind.TRANSFER.value: self.tr("Transfer"),
            StockMoveKind.ADJUSTMENT.value: self.tr("Adjustment"),
        }

    def columns(self) -> list[Column]:
        return [
            Column("date", self.tr("Date"), "date", width=90),
            Column("kind", self.tr("Kind"), "choice", width=95, choices=self.kind_labels()),
            Column("sku", self.tr("SKU"), width=105),
            Column("product", self.tr("Product"), width=230),
            Column("from_warehouse", self.tr("From"), width=70),
            Column("to_warehouse", self.tr("To"), width=70),
            Column("quantity", self.tr("Quantity"), "quantity", width=85),
            Column("unit_cost", self.tr("Unit cost"), "price", width=85, sortable=False),
            Column("reference", self.tr("Reference"), width=110),
            Column("reverses_id", self.tr("Reversal"), "bool", width=70, sortable=False),
        ]

    def list_rows(self, db, query):
        return stock.list_moves(db, query)

    def count_rows(self, db, query):
        return stock.count_moves(db, query)

    def row_brush(self, row: dict) -> QBrush | None:
        return theme.brush(REVERSAL) if row.get("reverses_id") else None

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("kind", self.tr("All kinds"),
                                [(label, value) for value, label in self.kind_labels().items()])
        self.warehouse_filter: QComboBox = panel.add_choice_filter("warehouse_id", self.tr("All warehouses"), [])
        panel.add_date_range()
        # Set from a product's form ("its stock moves"); shown with a button to drop it.
        self.product_filter = QWidget(panel)
        row = QHBoxLayout(self.product_filter)
        row.setContentsMargins(0, 0, 0, 0)
        self.product_filter_label = QLabel(self.product_filter)
        self.product_filter_label.setObjectName("product_filter")
        clear = QToolButton(self.product_filter)
        clear.setObjectName("clear_product_filter")
        clear.setText("✕")
        clear.setToolTip(self.tr("Show the moves of every product"))
        clear.clicked.connect(lambda: self.show_product(None))
        row.addWidget(self.product_filter_label)
        row.addWidget(clear)
        self.product_filter.hide()
        panel.filter_bar.addWidget(self.product_filter)

    def show_product(self, product_id: str | None, label: str = "") -> None:
        """Narrow the list to one product's moves (None: all products again)."""
        self.product_filter_label.setText(self.tr("Product: {0}").replace("{0}", label))
        self.product_filter.setVisible(product_id is not None)
        self.list.set_filter("product_id", uuid.UUID(product_id) if product_id is not None else None)

    # -- the form ---------------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        kinds = self.kind_labels()
        form.add("kind", self.tr("&Kind"), ChoiceField([(kinds[k.value], k.value) for k in StockMoveKind]))
        form.add("date", self.tr("&Date"), DateField())
        form.add("product_id", self.tr("Product (SKU, &barcode, name)"), LookupField(self._search_products))
        form.fields["product_id"].setPlaceholderText(self.tr("Type or scan to search"))
        form.add("quantity", self.tr("&Quantity"), DecimalField(QUANTITY_PLACES))
        form.add("from_warehouse_id", self.tr("Fr&om warehouse"), ChoiceField(blank=self.tr("— outside —")))
        form.add("to_warehouse_id", self.tr("&To warehouse"), ChoiceField(blank=self.tr("— outside —")))
        form.add("unit_cost", self.tr("&Unit cost"), DecimalField(PRICE_PLACES))
        form.add("party_id", self.tr("Supp&lier or customer"), LookupField(self._search_parties))
        form.add("reference", self.tr("Refere&nce"), TextField()).setMaxLength(80)
        form.fields["reference"].setPlaceholderText(self.tr("Delivery note, order…"))
        form.add("reason", self.tr("Reason"), TextField()).setMaxLength(200)
        form.fields["kind"].currentIndexChanged.connect(lambda _i: self._apply_kind())
        form.fields["product_id"].sig_chosen.connect(self._on_product_chosen)

    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        # Read-only fields of an open move look read-only, not merely refuse typing.
        theme.style(self.form, "QLineEdit:read-only { background: $window; }")
        self.archive_button.setText(self.tr("&Reverse…"))
        self.archive_button.setToolTip(self.tr("Record the opposite move (Delete)"))
        self.note = QLabel(self.editor)
        self.note.setObjectName("move_note")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.reverse_box = QGroupBox(self.tr("Reverse this move"), self.editor)
        self.reverse_box.setObjectName("reverse_box")
        col = QVBoxLayout(self.reverse_box)
        hint = QLabel(self.tr("A recorded move is never changed. To undo it, record its opposite: "
                              "same product and quantity, warehouses swapped, dated today."), self.reverse_box)
        hint.setWordWrap(True)
        col.addWidget(hint)
        caption = QLabel(self.tr("Wh&y is it reversed?"), self.reverse_box)
        self.reverse_reason = TextField(self.reverse_box)
        self.reverse_reason.setObjectName("reverse_reason")
        self.reverse_reason.setMaxLength(200)
        self.reverse_reason.setPlaceholderText(self.tr("e.g. delivery note entered twice"))
        caption.setBuddy(self.reverse_reason)
        self.reverse_reason.returnPressed.connect(self._reverse)
        self.reverse_error = QLabel(self.reverse_box)
        self.reverse_error.setObjectName("reverse_error")
        theme.style(self.reverse_error, "color: $error_text;")
        self.reverse_error.setWordWrap(True)
        self.reverse_error.hide()
        col.addWidget(caption)
        col.addWidget(self.reverse_reason)
        col.addWidget(self.reverse_error)
        self.reverse_box.hide()
        layout.addWidget(self.reverse_box)

    def load_choices(self) -> None:
        rows = products.list_warehouses(self.db, ListQuery(limit=1000)).rows
        choices = [(f"{r['code']} · {r['name']}", r["__id"]) for r in rows]
        self._default_warehouse = next((r["__id"] for r in rows if r["is_default"]), rows[0]["__id"] if rows else None)
        for name in ("from_warehouse_id", "to_warehouse_id"):
            self.form.fields[name].set_choices(choices)
        current = self.warehouse_filter.currentData()
        self.warehouse_filter.blockSignals(True)
        while self.warehouse_filter.count() > 1:
            self.warehouse_filter.removeItem(1)
        for r in rows:
            self.warehouse_filter.addItem(r["code"], r["__id"])
            self.warehouse_filter.setItemData(self.warehouse_filter.count() - 1, r["name"],
                                              Qt.ItemDataRole.ToolTipRole)
        index = 0 if current is None else next(
            (i for i in range(self.warehouse_filter.count()) if self.warehouse_filter.itemData(i) == current), -1)
        self.warehouse_filter.setCurrentIndex(max(index, 0))
        self.warehouse_filter.blockSignals(False)
        if index < 0:  # the chosen warehouse was archived meanwhile
            self.list.set_filter("warehouse_id", None)

    # -- lookups (run in the background by LookupField) ----------------------------------
    def _search_products(self, text: str) -> list[tuple[str, Any]]:
        exact = products.find_product_by_code(self.db, text)
        if exact is not None and exact.kind == ProductKind.PRODUCT:  # a scanned barcode or full SKU
            return [(product_label(exact.sku, exact.name, exact.ean), exact.id)]
        page = products.list_products(self.db, ListQuery(search=text, limit=LOOKUP_ROWS,
                                                         filters={"kind": "product"}))
        return [(product_label(r["sku"], r["name"], r["ean"]), r["__id"]) for r in page.rows]

    def _search_parties(self, text: str) -> list[tuple[str, Any]]:
        page = parties.list_parties(self.db, ListQuery(search=text, limit=LOOKUP_ROWS))
        return [(f"{r['code']} {r['legal_name']}", r["__id"]) for r in page.rows]

    def _on_product_chosen(self, product_id: Any) -> None:
        # A receipt is usually at the product's cost: offer it, never overwrite what was typed.
        if product_id is None or self._viewing or self.form.fields["unit_cost"].text().strip() \
                or not self._is_receipt():
            return

        def done(view) -> None:
            cost = self.form.fields["unit_cost"]
            if self._chosen_product() == view.id and not cost.text().strip() and not self._viewing \
                    and self._is_receipt() and view.cost:
                cost.set_value(view.cost)

        run_in_background(lambda: products.get_product(self.db, product_id), done)

    def _is_receipt(self) -> bool:
        return self.form.fields["kind"].value() == StockMoveKind.RECEIPT.value

    def _chosen_product(self) -> Any:
        try:
            return self.form.fields["product_id"].value()
        except ParseError:
            return None

    # -- kinds and read-only -------------------------------------------------------------
    def _apply_kind(self) -> None:
        """Enable the warehouses a kind of move uses; clear the one it must not have."""
        if self._viewing:
            return
        kind = self.form.fields["kind"].value()
        src, dst = self.form.fields["from_warehouse_id"], self.form.fields["to_warehouse_id"]
        uses_src = kind != StockMoveKind.RECEIPT.value
        uses_dst = kind != StockMoveKind.DELIVERY.value
        for field, used in ((src, uses_src), (dst, uses_dst)):
            field.setEnabled(used)
            if not used:
                field.set_value(None)
        # Stock usually comes into and leaves from the default warehouse: preselect it.
        if kind == StockMoveKind.RECEIPT.value and dst.value() is None:
            dst.set_value(self._default_warehouse)
        if kind in (StockMoveKind.DELIVERY.value, StockMoveKind.TRANSFER.value) and src.value() is None:
            src.set_value(self._default_warehouse)
        self._apply_cost(kind)
        if kind == StockMoveKind.RECEIPT.value:
            self._on_product_chosen(self._chosen_product())

    def _apply_cost(self, kind: str) -> None:
        """Only a receipt brings a cost in; anything else is valued at the warehouse's average cost."""
        cost = self.form.fields["unit_cost"]
        receipt = kind == StockMoveKind.RECEIPT.value
        if not receipt:
            cost.clear()
        cost.setReadOnly(not receipt)
        cost.setFocusPolicy(Qt.FocusPolicy.StrongFocus if receipt else Qt.FocusPolicy.NoFocus)  # Tab skips it
        cost.setPlaceholderText(self.tr("Required for receipts") if receipt else self.tr("Valued at average cost"))
        cost.setToolTip("" if receipt else self.tr("Stock leaves (or moves between warehouses) at the weighted "
                                                   "average cost of the warehouse it comes from."))

    def _set_viewing(self, viewing: bool) -> None:
        self._viewing = viewing
        for widget in self.form.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(viewing)  # still focusable, so a reference can be copied
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            else:
                widget.setEnabled(not viewing)
        self.save_button.setEnabled(not viewing)
        self.reverse_reason.clear()
        self._show_reverse_error(None)

    def first_field(self) -> QWidget:
        if self._viewing:  # the reason to reverse it, or a read-only field (combos are disabled)
            return self.reverse_reason if not self.reverse_box.isHidden() else self.form.fields["date"]
        return super().first_field()

    def blank_values(self) -> dict[str, Any]:
        self._set_viewing(False)
        self._reverses_id = None
        self.note.hide()
        self.reverse_box.hide()
        self.form.fields["from_warehouse_id"].setEnabled(False)
        self._apply_cost(StockMoveKind.RECEIPT.value)
        return {**super().blank_values(), "kind": StockMoveKind.RECEIPT.value, "date": dt.date.today(),
                "to_warehouse_id": self._default_warehouse}

    def view_to_form(self, view) -> dict[str, Any]:
        self._set_viewing(True)
        self._reverses_id = view.reverses_id
        values = super().view_to_form(view)
        values["kind"] = str(view.kind)
        product = products.get_product(self.db, view.product_id)  # one row by key: quick
        self._product_label = product_label(product.sku, product.name, product.ean)
        party_label = ""
        if view.party_id is not None:
            try:
                party = parties.get_party(self.db, view.party_id)
                party_label = f"{party.code} {party.legal_name}"
            except NotFoundError:
                party_label = "?"
        self.form.fields["product_id"].set_value(view.product_id, self._product_label)
        self.form.fields["party_id"].set_value(view.party_id, party_label)
        del values["product_id"], values["party_id"]  # set above, with their labels
        if view.reverses_id is not None:
            self.note.setText(self.tr("This move reverses an earlier one. It cannot be reversed itself: "
                                      "record a new move instead."))
            self.note.show()
            self.reverse_box.hide()
        else:
            self.note.hide()
            self.reverse_box.show()
        return values

    def form_to_data(self, values: dict[str, Any]) -> StockMoveData:
        if values.get("kind") != StockMoveKind.RECEIPT.value:
            values = {**values, "unit_cost": None}  # valued at the average cost by the service
        return StockMoveData(**values)

    _product_label = ""

    def describe(self, view) -> str:
        kind = self.kind_labels().get(str(view.kind), str(view.kind))
        return f"{kind} {format_date(view.date)} · {self._product_label}".rstrip(" ·")

    def get(self, record_id: str):
        return stock.get_move(self.db, uuid.UUID(record_id))

    def create(self, data: StockMoveData):
        try:
            view = stock.record_move(self.db, data)
        except NegativeStockWarning as warning:
            # The company's policy is "warn": the clerk decides. Nothing was written yet.
            if not self._confirm_shortage(warning, self.tr("Record anyway?"), self.tr("Record anyway")):
                not_recorded = self.tr("Not recorded: {0}.")
                raise ValidationError([FieldError(x.field, not_recorded.replace("{0}", self._shortage(x)))
                                       for x in warning.shortages]) from None
            view = stock.record_move(self.db, data, allow_negative=True)
        self.changed()
        return view

    def _shortage(self, x) -> str:
        return (self.tr("{product}: {on_hand} on hand in {warehouse}, {wanted} wanted")
                .replace("{product}", x.product).replace("{warehouse}", x.warehouse)
                .replace("{on_hand}", format_decimal(x.on_hand, None))
                .replace("{wanted}", format_decimal(x.wanted, None)))

    def _confirm_shortage(self, warning: NegativeStockWarning, question: str, yes: str) -> bool:
        lines = "\n".join(f"• {self._shortage(x)}" for x in warning.shortages)
        return dialogs.confirm(
            self, self.tr("Not enough stock"),
            self.tr("This leaves less than nothing in stock:\n{0}\n\n{1} The stock shows below zero until "
                    "the missing goods are received or counted.").replace("{0}", lines).replace("{1}", question),
            yes=yes, no=self.tr("Don't record"))

    def update(self, record_id: str, data: StockMoveData, version: int | None):
        raise TrastiendaError(self.tr("A recorded move cannot be changed: reverse it and record a new one."))

    def archive(self, record_id: str):
        raise TrastiendaError(self.tr("A stock move is reversed, not archived."))

    def action_save(self) -> bool:
        if self._viewing and self.editor_open:
            self.sig_status.emit(self.tr("A recorded move cannot be changed: reverse it and record a new one."))
            return False
        return super().action_save()

    # -- reversing -----------------------------------------------------------------------
    def archive_record(self, record_id: str) -> None:
        """Delete / Reverse…: open the move, then ask why and confirm."""
        if not (self.editor_open and self.record_id == record_id):
            self.open_record(record_id)
            if self.record_id != record_id or not self.editor_open:
                return  # the clerk kept an unsaved new move, or the move is gone
        if self._reverses_id is not None:
            self.sig_status.emit(self.tr("This move is itself a reversal; record a new move instead."))
            return
        self._reverse()

    def _reverse(self) -> None:
        if not (self._viewing and self.record_id) or self._reverses_id is not None:
            return
        reason = self.reverse_reason.text().strip()
        if not reason:
            self._show_reverse_error(self.tr("Type why the move is reversed, then press Enter."))
            self.reverse_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not dialogs.confirm(self, self.tr("Reverse"),
                               self.tr("Reverse {0}? The opposite move is recorded today with your reason; "
                                       "this cannot be undone.").replace("{0}", self.title.text().rstrip(" •"))):
            return
        try:
            try:
                view = stock.reverse_move(self.db, uuid.UUID(self.record_id), reason)
            except NegativeStockWarning as warning:  # reversing a receipt whose goods have left
                if not self._confirm_shortage(warning, self.tr("Reverse anyway?"), self.tr("Reverse anyway")):
                    self._show_reverse_error(self.tr("Not reversed: {0}.").replace(
                        "{0}", "; ".join(self._shortage(x) for x in warning.shortages)))
                    return
                view = stock.reverse_move(self.db, uuid.UUID(self.record_id), reason, allow_negative=True)
        except ValidationError as exc:
            self._show_reverse_error(" ".join(e.message for e in exc.errors))
            self.reverse_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except TrastiendaError as exc:
            self._show_reverse_error(str(exc))
            return
        self.changed()
        self.open_record(str(view.id))
        self.list.refresh(keep_id=str(view.id))
        self.sig_status.emit(self.tr("Reversed: {0}.").replace("{0}", self.describe(view)))

    def _show_reverse_error(self, message: str | None) -> None:
        self.reverse_error.setText(message or "")
        self.reverse_error.setVisible(bool(message))
        mark_error(self.reverse_reason, message)
