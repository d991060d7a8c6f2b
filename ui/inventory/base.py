"""What the three inventory lists share: telling each other that data changed."""

from __future__ import annotations

from PySide6.QtCore import Signal

from ui.common.record_tab import RecordTab


class InventoryRecordTab(RecordTab):
    """A RecordTab that says when it changed data others show.

    A receipt changes the stock the product list shows; a renamed warehouse
    changes the moves list. The container marks the other lists stale and
    reads them again when the clerk next looks at them, rather than polling.
    """

    sig_changed = Signal()

    _activated = False

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        # The splitter would otherwise open the form at its narrowest, cutting off long fields.
        self.editor.setMinimumWidth(440)

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.load_choices()
        super().activate()

    def load_choices(self) -> None:
        """Fill pick lists from reference data (warehouses, tax rates); called on activation."""

    def reload_after_change(self) -> None:
        """Another list changed data this one shows: read pick lists and the list again."""
        if not self._activated:
            return  # the first activation reads everything anyway
        self.load_choices()
        self.list.refresh()

    def changed(self) -> None:
        self.sig_changed.emit()
