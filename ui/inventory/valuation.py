"""Inventory > Warehouses > Stock value…: what the stock is worth per warehouse, today or as of a date.

The figures come from ``stock_reports.stock_value`` (weighted average cost), read off
the GUI thread: today's from the stock levels, a past date's by summing the
moves dated up to its end. Export writes the table as shown, total included,
as the app's CSV (UTF-8 with BOM, ``;``, decimal comma) through
``app.services.export``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.services import stock_reports
from app.services.export import ExportColumn, export_rows
from app.services.listing import ListQuery, Page
from ui.common import dialogs, theme
from ui.common.fields import DateField
from ui.common.formatting import ParseError, format_date, format_decimal
from ui.common.worker import LatestOnly, run_in_background

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class StockValueDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("stock_value_dialog")
        self.setWindowTitle(self.tr("Stock value"))
        self.resize(620, 380)
        self.rows: list[stock_reports.WarehouseValue] = []
        self.on_date: dt.date | None = None
        self._reader = LatestOnly(self)
        self._exporting = False

        self.date = DateField(self)
        self.date.setObjectName("value_date")
        self.date.setPlaceholderText(self.tr("dd/mm/yyyy, empty: today"))
        self.date.setMinimumWidth(190)
        caption = QLabel(self.tr("As of &date:"), self)
        caption.setBuddy(self.date)
        show = QPushButton(self.tr("&Show"), self)
        show.setObjectName("show_value")
        show.setDefault(True)  # Enter in the date field shows its figures (QLineEdit passes Enter on)
        show.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.date)
        top.addWidget(show)
        top.addStretch(1)
        self.date_error = QLabel(self)
        self.date_error.setObjectName("value_date_error")
        theme.style(self.date_error, "color: $error_text;")
        self.date_error.hide()

        self.heading = QLabel(self)
        self.heading.setObjectName("value_heading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("value_table")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Warehouse"), self.tr("Products"),
                                              self.tr("Value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c, width in ((0, 80), (2, 80), (3, 130)):
            self.table.setColumnWidth(c, width)
        for c in (2, 3):
            self.table.horizontalHeaderItem(c).setTextAlignment(_RIGHT)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.export_button = buttons.addButton(self.tr("&Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_value")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.date_error)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._reader.busy or self._exporting

    @property
    def total(self) -> Decimal:
        return sum((r.value for r in self.rows), Decimal(0))

    def refresh(self) -> None:
        """Read the figures for the date typed (empty: today) in the background."""
        try:
            on_date = self.date.value()
        except ParseError as exc:
            self._date_error(str(exc))
            return
        self._date_error(None)
        self.heading.setText(self.tr("Reading…"))
        self.export_button.setEnabled(False)
        self._reader.submit(lambda: stock_reports.stock_value(self.db, on_date), lambda rows: self._on_rows(on_date, rows),
                            self._on_failed)

    def _date_error(self, message: str | None) -> None:
        self.date.mark_error(message)
        self.date_error.setText(message or "")
        self.date_error.setVisible(bool(message))
        if message:
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_rows(self, on_date: dt.date | None, rows: list[stock_reports.WarehouseValue]) -> None:
        self.rows, self.on_date = rows, on_date
        when = self.tr("today") if on_date is None else self.tr("at the end of {0}").replace("{0}", format_date(on_date))
        self.heading.setText(self.tr("Stock at weighted average cost, {0}.").replace("{0}", when))
        self.table.setRowCount(0)
        for r in rows:
            self._add_row([r.code, r.name, format_decimal(r.products, 0), format_decimal(r.value, 2)])
        self._add_row(["", self.tr("Total"), "", format_decimal(self.total, 2)], bold=True)
        self.export_button.setEnabled(True)

    def _add_row(self, texts: list[str], bold: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c >= 2:
                item.setTextAlignment(_RIGHT)
            if bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, c, item)

    def _on_failed(self, exc: Exception) -> None:
        self.heading.setText(self.tr("The stock value could not be read: {0}").replace("{0}", str(exc)))

    def texts(self) -> list[list[str]]:
        """The table as shown (for tests and a quick look)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    # -- export -------------------------------------------------------------------------------
    def export(self) -> str | None:
        """Ask where, then write the table (with its total row) as CSV off the GUI thread."""
        if not self.rows or self._exporting:
            return None
        day = self.on_date or dt.date.today()
        path = dialogs.choose_save_path(self, self.tr("Export the stock value"), f"stock-value-{day.isoformat()}.csv",
                                        [(self.tr("CSV for Excel (*.csv)"), ".csv")])
        if path is None:
            return None
        columns = [ExportColumn("code", self.tr("Code")), ExportColumn("name", self.tr("Warehouse")),
                   ExportColumn("products", self.tr("Products"), "quantity"),
                   ExportColumn("value", self.tr("Value"), "money")]
        rows = [{"code": r.code, "name": r.name, "products": r.products, "value": r.value} for r in self.rows]
        rows.append({"code": None, "name": self.tr("Total"), "products": None, "value": self.total})
        page = Page(rows, None)
        self._exporting = True
        run_in_background(lambda: export_rows(self.db, lambda _db, _q: page, ListQuery(), columns, path, "csv"),
                          lambda _n: self._exported(path, None), lambda exc: self._exported(path, exc), self)
        return path

    def _exported(self, path: str, exc: Exception | None) -> None:
        self._exporting = False
        if exc is None:
            dialogs.inform(self, self.tr("Export"), self.tr("Saved the stock value to {0}.").replace("{0}", path))
        else:
            dialogs.inform(self, self.tr("Not exported"), self.tr("The stock value was not saved: {0}")
                           .replace("{0}", str(exc)))
