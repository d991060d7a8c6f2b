"""A count on a tab's title, "Contracts (4)", read off the GUI thread.

The same idea as the Inventory reorder badge (ui/inventory/badge.py), for any
count: the tab's page, its title with its & mnemonic, a function that counts
(run on a worker thread, so it must touch no widget) and the tooltip for a
count. Counts asked for while one runs collapse into one; the old badge stays
on show until the new count arrives; zero shows no badge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.common.formatting import format_decimal
from ui.common.worker import LatestOnly


class CountBadge(QObject):
    sig_count = Signal(int)

    def __init__(self, tabs: QTabWidget, page: QWidget, title: str, count: Callable[[], int],
                 tooltip: Callable[[int], str]):
        super().__init__(tabs)
        self.tabs, self.page, self.title = tabs, page, title
        self._count_fn, self._tooltip = count, tooltip
        self.count: int | None = None
        self._runner = LatestOnly(self)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def refresh(self) -> None:
        self._runner.submit(self._count_fn, self._on_count, lambda _exc: None)  # a hint: the list reports errors

    def text(self, count: int | None) -> str:
        return f"{self.title} ({format_decimal(count, 0)})" if count else self.title

    def _on_count(self, count: int) -> None:
        self.count = count
        index = self.tabs.indexOf(self.page)
        if index >= 0:
            self.tabs.setTabText(index, self.text(count))
            self.tabs.setTabToolTip(index, self._tooltip(count) if count else "")
        self.sig_count.emit(count)
