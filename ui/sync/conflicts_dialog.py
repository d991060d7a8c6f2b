"""The conflicts inbox: what a sync could not apply as it was, both values side by side, and the choice.

A field both sides changed: "Keep the server's" (this computer already shows it) or "Use mine" (saved
here as a new change, sent at the next sync). A whole change the server refused, or made to a
record gone from it, shows what this computer had; it is dismissed once read, or exported to a file
first. The work runs in ``app.sync.conflicts``, on the copy's own file, which is small and local:
a decision is one short SQLite transaction.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.engine import make_engine
from app.errors import TrastiendaError
from app.sync import conflicts
from app.sync.conflicts import Conflict, field_title
from ui.common import dialogs
from ui.common.formatting import format_date, format_decimal

_HIDDEN = {"id", "version", "created_at", "updated_at", "updated_by"}


def shown(value: Any) -> str:
    tr = lambda text: QCoreApplication.translate("ConflictsDialog", text)  # noqa: E731
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_decimal(value, None)
    return str(value)


class ConflictsDialog(QDialog):
    """Open conflicts on the left; the one chosen, its two values and the decisions on the right."""

    def __init__(self, replica_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_conflicts_dialog")
        self.setWindowTitle(self.tr("Changes to review"))
        self.resize(900, 460)
        self.engine = make_engine(replica_path)
        self.items: list[Conflict] = []
        self.decided = 0  # how many were settled here: the window syncs and refreshes after

        intro = QLabel(self.tr("These changes made on this computer could not be applied as they were. "
                               "Nothing is lost until you decide."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conflict_list")
        self.list.setSpacing(2)
        self.title = QLabel(self)
        self.title.setObjectName("conflict_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setObjectName("conflict_reason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values = QTableWidget(0, 3, self)
        self.values.setObjectName("conflict_values")
        self.values.setHorizontalHeaderLabels([self.tr("Field"), self.tr("On the server"), self.tr("On this computer")])
        self.values.verticalHeader().hide()
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.values.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.keep_button = QPushButton(self.tr("&Keep the server's"), self)
        self.keep_button.setObjectName("keep_server")
        self.mine_button = QPushButton(self.tr("&Use mine"), self)
        self.mine_button.setObjectName("use_mine")
        self.mine_button.setToolTip(self.tr("Saved on this computer as a new change and sent at the next sync"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"), self)
        self.dismiss_button.setObjectName("dismiss")
        self.export_button = QPushButton(self.tr("&Export all…"), self)
        self.export_button.setObjectName("export_conflicts")
        self.export_button.setToolTip(self.tr("Save every unsent change and open conflict to a file"))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setObjectName("conflict_status")

        detail = QWidget(self)
        col = QVBoxLayout(detail)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.title)
        col.addWidget(self.reason)
        col.addWidget(self.values, 1)
        decide = QHBoxLayout()
        for button in (self.keep_button, self.mine_button, self.dismiss_button):
            button.setAutoDefault(False)
            decide.addWidget(button)
        decide.addStretch(1)
        col.addLayout(decide)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 520])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.list.currentRowChanged.connect(self._show)
        self.keep_button.clicked.connect(lambda: self._decide(conflicts.keep_server,
                                                              self.tr("The server's value stays.")))
        self.mine_button.clicked.connect(lambda: self._decide(conflicts.use_mine, self.tr(
            "Your value is saved on this computer and goes to the server at the next sync.")))
        self.dismiss_button.clicked.connect(lambda: self._decide(conflicts.dismiss, self.tr("Dismissed.")))
        self.export_button.clicked.connect(self.export)
        self.reload()

    # -- public API -----------------------------------------------------------------------
    def reload(self) -> None:
        row = max(self.list.currentRow(), 0)
        self.items = conflicts.open_conflicts(self.engine)
        self.list.clear()
        for c in self.items:
            what = c.field_label or self.tr("the whole change")
            item = QListWidgetItem(f"{c.record}\n    {what}: {c.reason}")
            item.setToolTip(c.reason)
            self.list.addItem(item)
        if self.items:
            self.list.setCurrentRow(min(row, len(self.items) - 1))
        else:
            self._show(-1)

    @property
    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def export_to(self, path: Path) -> int:
        count = conflicts.export(self.engine, path)
        self.status.setText(self.tr("{0} changes and conflicts saved to {1}.").replace("{0}", str(count))
                            .replace("{1}", str(path)))
        return count

    def export(self) -> None:
        path = dialogs.choose_save_path(self, self.tr("Export unsent changes"), "trastienda-unsent-changes.json",
                                        [(self.tr("JSON (*.json)"), ".json")])
        if path:
            try:
                self.export_to(Path(path))
            except OSError as exc:
                self.status.setText(self.tr("Not saved: {0}").replace("{0}", exc.strerror or str(exc)))

    def done(self, result: int) -> None:
        self.engine.dispose()
        super().done(result)

    # -- slots ----------------------------------------------------------------------------
    def _show(self, _row: int) -> None:
        c = self.current
        self.values.setRowCount(0)
        self.keep_button.setVisible(c is not None and not c.whole)
        self.mine_button.setVisible(c is not None and not c.whole)
        self.dismiss_button.setVisible(c is not None and c.whole)
        if c is None:
            self.title.setText(self.tr("Nothing to review."))
            self.reason.setText("")
            return
        self.title.setText(c.record)
        rows: list[tuple[str, str, str]]
        if not c.whole:
            self.reason.setText(self.tr("Changed on both sides since your copy was made: the server kept its "
                                        "value. Choose which one stays."))
            rows = [(c.field_label, shown(c.server_value), shown(c.local_value))]
        else:
            self.reason.setText(self.tr("The server could not apply this change: {0}").replace("{0}", c.reason))
            local = c.local_value
            if local is None:  # refused as a whole: what this computer has is what was typed
                local = {k: v for k, v in (conflicts.current_row(self.engine, c) or {}).items() if k not in _HIDDEN}
            rows = [(field_title(k), "—", shown(v)) for k, v in local.items()]
        self.values.setRowCount(len(rows))
        for r, texts in enumerate(rows):
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.values.setItem(r, col, item)

    def _decide(self, action, done_text: str) -> None:
        c = self.current
        if c is None:
            return
        try:
            action(self.engine, c.seq)
        except TrastiendaError as exc:
            self.status.setText(str(exc))
            return
        self.decided += 1
        self.status.setText(done_text)
        self.reload()
