"""The Inventory tab: products, warehouses and stock moves as three inner tabs.

The window's menu actions go to the inner tab on show (``current_record_tab``).
When one inner tab changes data (a receipt, a renamed warehouse), the others
that show it are read again the next time the clerk looks at them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.db.session import Database
from ui.common.settings import settings
from ui.inventory.base import InventoryRecordTab
from ui.inventory.counts import StockCountsTab
from ui.inventory.moves import StockMovesTab
from ui.inventory.products import ProductsTab
from ui.inventory.warehouses import WarehousesTab


class InventoryTab(QWidget):
    sig_status = Signal(str)
    sig_changed = Signal()  # an inner tab changed stock, products or warehouses (the window's reorder badge)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.products = ProductsTab(db, self)
        self.products.setObjectName("inventory_products")
        self.warehouses = WarehousesTab(db, self)
        self.warehouses.setObjectName("inventory_warehouses")
        self.moves = StockMovesTab(db, self)
        self.moves.setObjectName("inventory_moves")
        self.counts = StockCountsTab(db, self)
        self.counts.setObjectName("inventory_counts")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("inventory_tabs")
        self.tabs.addTab(self.products, self.tr("&Products"))
        self.tabs.addTab(self.moves, self.tr("Stock &moves"))
        self.tabs.addTab(self.warehouses, self.tr("&Warehouses"))
        self.tabs.addTab(self.counts, self.tr("Stock co&unts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._active = False
        self._stale: set[InventoryRecordTab] = set()
        for tab in self.record_tabs():
            tab.sig_status.connect(self.sig_status)
            tab.sig_changed.connect(lambda t=tab: self._on_changed(t))
        self.products.sig_show_moves.connect(self._on_show_moves)
        last = settings().value("inventory/tab")
        if isinstance(last, str) and last.isdigit() and int(last) < self.tabs.count():
            self.tabs.setCurrentIndex(int(last))
        self.tabs.currentChanged.connect(self._on_current_changed)

    def record_tabs(self) -> list[InventoryRecordTab]:
        return [self.products, self.moves, self.warehouses, self.counts]

    # -- what the main window calls --------------------------------------------------------
    def current_record_tab(self) -> InventoryRecordTab:
        return self.tabs.currentWidget()

    def activate(self) -> None:
        self._active = True
        self._activate_current()

    def save_state(self) -> None:
        for tab in self.record_tabs():
            tab.save_state()
        settings().setValue("inventory/tab", str(self.tabs.currentIndex()))

    def may_close(self) -> bool:
        # Show each form with unsaved changes before asking about it. isHidden, not
        # isVisible: the form of an inner tab not on show is open all the same.
        for tab in self.record_tabs():
            if not tab.editor.isHidden() and tab.dirty:
                self.tabs.setCurrentWidget(tab)
                if not tab.may_close():
                    return False
        return True

    # The same actions, for a caller that does not use current_record_tab().
    def action_new(self) -> None:
        self.current_record_tab().action_new()

    def action_save(self) -> bool:
        return self.current_record_tab().action_save()

    def action_close(self) -> None:
        self.current_record_tab().action_close()

    def action_find(self) -> None:
        self.current_record_tab().action_find()

    def action_archive(self) -> None:
        self.current_record_tab().action_archive()

    def action_refresh(self) -> None:
        self.current_record_tab().action_refresh()

    # -- slots -----------------------------------------------------------------------------
    def _activate_current(self) -> None:
        tab = self.current_record_tab()
        tab.activate()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.reload_after_change()

    def _on_current_changed(self, _index: int) -> None:
        if self._active:
            self._activate_current()

    def _on_changed(self, source: InventoryRecordTab) -> None:
        self._stale.update(t for t in self.record_tabs() if t is not source)
        self.sig_changed.emit()

    def _on_show_moves(self, product_id: str, label: str) -> None:
        self.moves.show_product(product_id, label)  # before the first read, so it reads once
        self.tabs.setCurrentWidget(self.moves)
