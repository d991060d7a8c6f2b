"""A report's rows in a table: read-only, formatted as the lists are, the totals row last and bold.

A report is small and whole (a few thousand rows at most, already summed in
SQL), so this model holds it in memory instead of paging like the lists.
The column kinds are the lists' own (``ui.common.table_model.Column``), so a
money figure reads the same in the preview as in any tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.reports import Report
from ui.common.table_model import SORT_ROLE, Column

TOTALS_ROLE = Qt.ItemDataRole.UserRole + 10  # True on the totals row

_Index = QModelIndex | QPersistentModelIndex


def columns_of(report: Report | None) -> list[Column]:
    if report is None:
        return []
    return [Column(c.key, c.title, c.kind, width=c.width, choices=dict(c.choices), sortable=False)
            for c in report.columns]


class ReportModel(QAbstractTableModel):
    """The rows of one ``Report``; ``set_report`` swaps the whole of it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: Report | None = None
        self.columns: list[Column] = []
        self._rows: list[dict[str, Any]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # -- public API --------------------------------------------------------------------------
    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self.columns = columns_of(report)
        self._rows = [] if report is None else list(report.rows)
        if report is not None and report.rows and report.totals:
            self._rows.append(report.totals)
        self.endResetModel()

    @property
    def has_totals(self) -> bool:
        return bool(self.report is not None and self.report.rows and self.report.totals)

    def row_values(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def display_row(self, row: int) -> list[str]:
        """What the row shows, cell by cell (tests compare it with the report)."""
        return [column.display(self._rows[row].get(column.key)) for column in self.columns]

    # -- Qt overrides --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()].get(column.key)
        totals = self.has_totals and index.row() == len(self._rows) - 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = column.display(value)
            return text if role == Qt.ItemDataRole.DisplayRole or (text and column.kind == "text") else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if totals else None
        if role == SORT_ROLE:
            return value
        if role == TOTALS_ROLE:
            return totals
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        return None
