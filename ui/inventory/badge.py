"""The count of products to reorder on the Inventory tab's title: "Inventory (12)".

Counted off the GUI thread with the product list's own "to reorder" filter, so
the badge and the filtered list always agree. The window asks for a new count
at start, when the inventory tab says it changed data, and when the clerk
shows the Inventory tab (an invoice posted elsewhere delivers stock too);
counts asked for while one runs collapse into one (LatestOnly). The old badge
stays on show until the new count arrives. Zero shows no badge.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from app.db.session import Database
from app.services.listing import ListQuery
from app.services.products import count_products
from ui.common.formatting import format_decimal
from ui.common.worker import LatestOnly

TO_REORDER = ListQuery(filters={"below_reorder": True})


class ReorderBadge(QObject):
    sig_count = Signal(int)  # the new count, once read

    def __init__(self, db: Database, tabs: QTabWidget, page: QWidget, title: str):
        super().__init__(tabs)
        self.db = db
        self.tabs = tabs
        self.page = page
        self.title = title  # with its & mnemonic, e.g. "In&ventory"
        self.count: int | None = None
        self._runner = LatestOnly(self)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def refresh(self) -> None:
        self._runner.submit(lambda: count_products(self.db, TO_REORDER), self._on_count, self._on_failed)

    def text(self, count: int | None) -> str:
        if not count:
            return self.title
        return f"{self.title} ({format_decimal(count, 0)})"

    def _on_count(self, count: int) -> None:
        self.count = count
        index = self.tabs.indexOf(self.page)
        if index >= 0:
            self.tabs.setTabText(index, self.text(count))
            self.tabs.setTabToolTip(index, self.tr("{0} products to reorder").replace("{0}", str(count))
                                    if count else "")
        self.sig_count.emit(count)

    def _on_failed(self, _exc: Exception) -> None:
        pass  # a badge is a hint: the list itself reports a database that cannot be read
