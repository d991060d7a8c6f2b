"""Reports…: choose a report, a period and filters, Show it, then print, preview, save or export it.

The report is read off the GUI thread (``run_report`` opens its own session);
the window shows a busy bar meanwhile and drops an answer overtaken by a newer
Show. What is on screen is one ``Report``: the table, the PDF and the files
all come from it, so they never disagree.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QProgressBar,
    QPushButton, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.reports import REPORTS, Period, Report, run_report
from app.reports.base import ReportSpec
from ui.common import dialogs, theme
from ui.common.worker import run_in_background
from ui.reports.criteria import Criteria
from ui.reports.model import ReportModel
from ui.reports.output import ReportOutput, Shown

# The order a manager looks for them in; a report added later comes after these.
ORDER = ("vat-book", "sales-by-month", "sales-by-customer", "sales-by-product", "receivables-aging",
         "stock-valuation", "contract-renewals", "headcount")
MAX_COLUMN_PX = 360  # a long customer name is elided (its tooltip shows it whole) rather than push the rest away
COLUMN_PADDING_PX = 10
NAME_ROLE = Qt.ItemDataRole.UserRole


def report_names() -> list[str]:
    return [n for n in ORDER if n in REPORTS] + sorted(n for n in REPORTS if n not in ORDER)


class ReportsDialog(QDialog):
    """The Reports window: the list on the left, the fields and the preview on the right."""

    def __init__(self, db: Database, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("reports_dialog")
        self.setWindowTitle(self.tr("Reports"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.shown: Shown | None = None
        self._request = 0  # the newest Show; older answers are dropped
        self.running = False

        self.list = QListWidget(self)
        self.list.setObjectName("reports")
        for name in report_names():
            spec = REPORTS[name]
            item = QListWidgetItem(spec.title(), self.list)
            item.setData(NAME_ROLE, name)
            item.setToolTip(spec.description())
        widest = max((self.list.fontMetrics().horizontalAdvance(self.list.item(r).text())
                      for r in range(self.list.count())), default=150)
        self.list.setMinimumWidth(widest + 2 * self.list.frameWidth() + 24)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.description = QLabel(self)
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list, 1)
        left_column.addWidget(self.description)

        self.criteria = Criteria(db, self, today)
        self.show_button = QPushButton(self.tr("S&how"), self)
        self.show_button.setObjectName("show")
        self.show_button.setToolTip(self.tr("Read the report (Enter)"))
        self.show_button.setDefault(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("report_error")
        self.general_error.setWordWrap(True)
        theme.style(self.general_error, "color: $error_text; font-weight: bold;")
        self.general_error.hide()

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("subheading")
        self.subheading.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        theme.style(self.notes, "color: $muted_text; font-style: italic;")

        self.model = ReportModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("report_table")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        self.empty_note = QLabel(self)
        self.empty_note.setObjectName("empty_note")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setMargin(24)
        note_font = QFont(self.empty_note.font())
        note_font.setPointSizeF(note_font.pointSizeF() * 1.2)
        self.empty_note.setFont(note_font)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_note)

        self.output = ReportOutput(db, self, lambda: self.shown)
        self.print_button = self._button("print", self.tr("&Print…"), self.tr("Print the report (Ctrl+P)"),
                                         self.output.print_report)
        self.preview_button = self._button("preview_pdf", self.tr("Pre&view PDF"),
                                           self.tr("See the report's PDF as it prints"), self.output.preview_pdf)
        self.pdf_button = self._button("save_pdf", self.tr("Save P&DF…"), self.tr("Save the report as a PDF file"),
                                       lambda: self.output.save("pdf"))
        self.csv_button = self._button("export_csv", self.tr("Export &CSV…"), self.tr("Save the rows as CSV"),
                                       lambda: self.output.save("csv"))
        self.xlsx_button = self._button("export_xlsx", self.tr("Export E&xcel…"),
                                        self.tr("Save the rows as an Excel workbook"), lambda: self.output.save("xlsx"))
        self.status = QLabel(self)
        self.status.setObjectName("status")
        close = self._button("close", self.tr("Close"), self.tr("Close (Esc)"), self.close)

        top = QHBoxLayout()
        top.addWidget(self.criteria, 1)
        top.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.preview_button, self.pdf_button, self.csv_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.busy_bar)
        column.addWidget(self.general_error)
        column.addWidget(self.heading)
        column.addWidget(self.subheading)
        column.addWidget(self.notes)
        column.addWidget(self.stack, 1)
        column.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.list.minimumWidth(), 1300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1360, 780)

        self.list.currentItemChanged.connect(self._on_report_chosen)
        self.list.itemActivated.connect(lambda _item: self.show_report())
        self.show_button.clicked.connect(self.show_report)
        self.criteria.sig_changed.connect(lambda: self.general_error.hide())
        self.output.sig_busy.connect(lambda _busy: self._enable())
        self.output.sig_status.connect(self.status.setText)
        QShortcut(QKeySequence.StandardKey.Print, self, self.output.print_report)
        self.list.setCurrentRow(0)
        self._clear_preview()

    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)  # Enter always means Show
        button.clicked.connect(slot)
        return button

    # -- public API ---------------------------------------------------------------------------
    @property
    def spec(self) -> ReportSpec:
        item = self.list.currentItem()
        return REPORTS[item.data(NAME_ROLE) if item is not None else report_names()[0]]

    def choose(self, name: str) -> None:
        """Select the report ``name`` in the list (its fields follow)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(NAME_ROLE) == name:
                self.list.setCurrentRow(row)
                return
        raise KeyError(name)

    def show_report(self) -> None:
        """Read the chosen report for the fields' period and filters, off the GUI thread."""
        spec = self.spec
        self.general_error.hide()
        try:
            period, filters = self.criteria.criteria(spec)
        except ValidationError as exc:
            self._place(exc)
            return
        self.criteria.clear_errors()
        self._request += 1
        request, db = self._request, self.db
        self.running = True
        self._enable()
        self.status.setText(self.tr("Reading {0}…").replace("{0}", spec.title()))
        run_in_background(lambda: run_report(db, spec.name, period, filters),
                          lambda report: self._on_report(request, report, period, spec),
                          lambda exc: self._on_failed(request, exc), owner=self)

    # -- slots --------------------------------------------------------------------------------
    def _on_report_chosen(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        spec = REPORTS[current.data(NAME_ROLE)]
        self.description.setText(spec.description())
        self.criteria.set_spec(spec)
        self.general_error.hide()
        self._request += 1  # a report still being read for the previous choice is not shown
        self.running = False
        self._clear_preview()

    def _on_report(self, request: int, report: Report, period: Period, spec: ReportSpec) -> None:
        if request != self._request:
            return
        self.running = False
        self.shown = Shown(report, period, spec.as_of)
        self.heading.setText(report.title)
        self.subheading.setText(" · ".join(t for t in (report.period_text, report.filters_text) if t))
        self.status.setText("")
        self.model.set_report(report)
        if report.empty:
            self.notes.hide()
            self.empty_note.setText("\n".join(report.notes) or self.tr("Nothing to show."))
            self.stack.setCurrentWidget(self.empty_note)
        else:
            self.notes.setText("\n".join(report.notes))
            self.notes.setVisible(bool(report.notes))
            self.stack.setCurrentWidget(self.table)
            self._fit_columns()
        self._enable()

    def _on_failed(self, request: int, exc: Exception) -> None:
        if request != self._request:
            return
        self.running = False
        self.status.setText("")
        self._enable()
        if isinstance(exc, ValidationError):
            self._place(exc)
        elif isinstance(exc, TrastiendaError):
            dialogs.inform(self, self.tr("Report not shown"), str(exc))
        else:
            dialogs.inform(self, self.tr("Report not shown"),
                           self.tr("The report could not be read: {0}").replace("{0}", str(exc) or type(exc).__name__))

    def _place(self, error: ValidationError) -> None:
        homeless = self.criteria.show_errors(error)
        if homeless:
            self.general_error.setText("\n".join(e.message for e in homeless))
            self.general_error.show()

    # -- helpers ------------------------------------------------------------------------------
    def _clear_preview(self) -> None:
        self.shown = None
        self.model.set_report(None)
        self.heading.setText(self.spec.title())
        self.subheading.setText("")
        self.notes.hide()
        self.status.setText("")
        self.empty_note.setText(self.tr("Choose the period and press Show (Enter)."))
        self.stack.setCurrentWidget(self.empty_note)
        self._enable()

    def _enable(self) -> None:
        self.busy_bar.setVisible(self.running or self.output.busy)
        ready = self.shown is not None and not self.output.busy
        for button in (self.print_button, self.preview_button, self.pdf_button, self.csv_button, self.xlsx_button):
            button.setEnabled(ready)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        if self.model.has_totals:  # the totals row (bold, largest figures) may lie past the rows measured
            bold = QFontMetrics(self.model.data(self.model.index(self.model.rowCount() - 1, 0),
                                                Qt.ItemDataRole.FontRole))
            for column, text in enumerate(self.model.display_row(self.model.rowCount() - 1)):
                header.resizeSection(column, max(header.sectionSize(column), bold.horizontalAdvance(text) + 16))
        for column in range(self.model.columnCount()):  # a little air between figures: 1,014 11 892,584.50
            header.resizeSection(column, min(header.sectionSize(column) + COLUMN_PADDING_PX, MAX_COLUMN_PX))


def open_reports(parent: QWidget | None, db: Database, name: str | None = None) -> ReportsDialog:
    """Open the Reports window (non-modal; the one already open for ``parent`` is raised), on ``name``."""
    dialog = parent.findChild(ReportsDialog) if parent is not None else None
    if dialog is not None and dialog.db is not db:  # the window changed database: start afresh
        dialog.close()
        dialog = None
    if dialog is None:
        dialog = ReportsDialog(db, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if name is not None:
        dialog.choose(name)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
