"""Stock counts: start a count, print or export its sheet, type (or scan, or import) what was counted, post it.

The list shows the counts; "New" asks for the warehouse (and optionally a
category, a shelf prefix, the date) and makes the sheet. Opening a count shows
its lines in a grid whose "Counted" column is typed into: a number and Enter
saves it and goes to the next line. The search box finds lines by SKU, name or
barcode, and a scanned barcode + Enter jumps to that product's line (adding it
when it is not on the sheet) with its count ready to type. Post… says how
many adjustments and how much stock value the posting will write before it
writes them, in one transaction. Everything that reads or writes many lines
runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout,
    QWidget,
)

from app.domain.enums import StockCountStatus
from app.errors import NotFoundError, TrastiendaError, ValidationError
from app.services import products, stock_counts
from app.services.listing import ListQuery
from ui.common import dialogs, theme
from ui.common.fields import CheckField, ChoiceField, DateField, TextField
from ui.common.form import Form
from ui.common.formatting import format_date, format_decimal
from ui.common.list_panel import SEARCH_DELAY_MS, ListPanel
from ui.common.table_model import Column
from ui.common.worker import LatestOnly, run_in_background
from ui.inventory.base import InventoryRecordTab
from ui.inventory.count_actions import CountActions
from ui.inventory.count_grid import CountGrid, CountLinesModel


class StockCountsTab(CountActions, InventoryRecordTab):
    list_name = "inventory_counts"
    default_sort = "date"
    default_descending = True

    count: stock_counts.StockCountView | None = None
    _starting = False

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        self._info = LatestOnly(self)
        self._preview = None

    def noun(self) -> str:
        return self.tr("stock count")

    def noun_plural(self) -> str:
        return self.tr("stock counts")

    def noun_singular(self) -> str:
        return self.tr("stock count")

    def status_labels(self) -> dict[str, str]:
        return {StockCountStatus.DRAFT.value: self.tr("Draft"), StockCountStatus.POSTED.value: self.tr("Posted"),
                StockCountStatus.CANCELLED.value: self.tr("Cancelled")}

    def columns(self) -> list[Column]:
        return [
            Column("reference", self.tr("Reference"), width=115),
            Column("date", self.tr("Date"), "date", width=85),
            Column("warehouse", self.tr("Warehouse"), width=80),
            Column("status", self.tr("Status"), "choice", width=80, choices=self.status_labels()),
            Column("lines", self.tr("Lines"), "quantity", width=65, sortable=False),
            Column("counted", self.tr("Counted"), "quantity", width=70, sortable=False),
            Column("notes", self.tr("Notes"), width=200),
        ]

    def list_rows(self, db, query):
        return stock_counts.list_counts(db, query)

    def count_rows(self, db, query):
        return stock_counts.count_counts(db, query)

    def add_filters(self, panel: ListPanel) -> None:
        panel.add_choice_filter("status", self.tr("All statuses"),
                                [(label, value) for value, label in self.status_labels().items()])
        self.warehouse_filter: QComboBox = panel.add_choice_filter("warehouse_id", self.tr("All warehouses"), [])

    def load_choices(self) -> None:
        rows = products.list_warehouses(self.db, ListQuery(limit=1000)).rows
        self._default_warehouse = next((r["__id"] for r in rows if r["is_default"]),
                                       rows[0]["__id"] if rows else None)
        self.form.fields["warehouse_id"].set_choices([(f"{r['code']} · {r['name']}", r["__id"]) for r in rows])
        current = self.warehouse_filter.currentData()
        self.warehouse_filter.blockSignals(True)
        while self.warehouse_filter.count() > 1:
            self.warehouse_filter.removeItem(1)
        for r in rows:
            self.warehouse_filter.addItem(r["code"], r["__id"])
        index = self.warehouse_filter.findData(current) if current is not None else 0
        self.warehouse_filter.setCurrentIndex(max(index, 0))
        self.warehouse_filter.blockSignals(False)

    _default_warehouse: Any = None

    # -- the "new count" form --------------------------------------------------------------
    def build_form(self, form: Form) -> None:
        form.add("warehouse_id", self.tr("&Warehouse"), ChoiceField())
        form.add("date", self.tr("&Date"), DateField())
        form.add("category", self.tr("Only the cate&gory"), TextField()).setMaxLength(80)
        form.fields["category"].setPlaceholderText(self.tr("All categories"))
        form.add("location_prefix", self.tr("Only shel&ves starting with"), TextField()).setMaxLength(40)
        form.fields["location_prefix"].setPlaceholderText(self.tr("e.g. A- (all shelves when empty)"))
        form.add("only_stocked", self.tr("&Products"), CheckField(
            self.tr("Only those held or shelved in this warehouse")))
        form.add("notes", self.tr("N&otes"), TextField()).setMaxLength(500)

    def blank_values(self) -> dict[str, Any]:
        self._form_mode()
        return {**super().blank_values(), "warehouse_id": self._default_warehouse, "date": dt.date.today(),
                "only_stocked": True}

    def action_save(self) -> bool:
        """New count: make its sheet (in the background). An open count saves each quantity as typed."""
        if not self.editor_open:
            return False
        if self.record_id is not None:
            self.sig_status.emit(self.tr("Counted quantities are saved as you type them."))
            return True
        if self._starting:
            return False
        try:
            values = self.form.values()
        except ValidationError as exc:
            self.form.show_errors(exc)
            return False
        self.form.clear_errors()
        self._starting = True
        self.save_button.setEnabled(False)
        self.sig_status.emit(self.tr("Making the count sheet…"))

        def start():
            return stock_counts.start_count(self.db, values["warehouse_id"], date=values["date"],
                                            category=values["category"], location_prefix=values["location_prefix"],
                                            only_stocked=values["only_stocked"], notes=values["notes"])

        def done(view) -> None:
            self._starting = False
            self.save_button.setEnabled(True)
            self._set_dirty(False)
            self.changed()
            self.list.refresh(keep_id=str(view.id))
            self._show_count(view)
            self.sig_status.emit(self.tr("Started {0}: {1} lines to count.").replace("{0}", view.reference)
                                 .replace("{1}", format_decimal(view.lines, 0)))

        def failed(exc: Exception) -> None:
            self._starting = False
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.form.show_errors(exc)
            else:
                self.form.show_general(str(exc) if isinstance(exc, TrastiendaError)
                                       else self.tr("Not started: {0}").replace("{0}", str(exc)))
            self.sig_status.emit(self.tr("The count was not started: check the marked fields."))

        run_in_background(start, done, failed, self)
        return True

    _jobs = 0

    @property
    def busy(self) -> bool:
        """Whether anything of this tab is still running in the background (tests and screenshots wait)."""
        return self._starting or self._jobs > 0 or self.lines_model.busy or self._info.busy or self.model.busy

    def _run(self, fn, done, failed) -> None:
        """``run_in_background`` for this tab's own jobs, counted in ``busy``."""
        self._jobs += 1

        def finish(callback):
            def inner(value):
                self._jobs -= 1
                callback(value)
            return inner

        run_in_background(fn, finish(done), finish(failed), self)

    # -- the open count ----------------------------------------------------------------------
    def add_editor_extras(self, layout: QVBoxLayout) -> None:
        self.sheet = QWidget(self.editor)
        self.sheet.setObjectName("count_sheet")
        col = QVBoxLayout(self.sheet)
        col.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(self.sheet)
        self.info.setObjectName("count_info")
        self.info.setWordWrap(True)
        col.addWidget(self.info)

        top = QHBoxLayout()
        self.scan = QLineEdit(self.sheet)
        self.scan.setObjectName("scan")
        self.scan.setClearButtonEnabled(True)
        self.scan.setPlaceholderText(self.tr("Search, or scan a barcode and press Enter…"))
        top.addWidget(self.scan, 2)
        self.uncounted_box = QCheckBox(self.tr("&Not counted"), self.sheet)
        self.uncounted_box.setObjectName("filter_uncounted")
        self.differences_box = QCheckBox(self.tr("&Differences"), self.sheet)
        self.differences_box.setObjectName("filter_differences")
        top.addWidget(self.uncounted_box)
        top.addWidget(self.differences_box)
        self.line_chip = QWidget(self.sheet)
        chip = QHBoxLayout(self.line_chip)
        chip.setContentsMargins(0, 0, 0, 0)
        self.line_label = QLabel(self.line_chip)
        self.line_label.setObjectName("line_filter")
        clear = QToolButton(self.line_chip)
        clear.setObjectName("clear_line_filter")
        clear.setText("✕")
        clear.setToolTip(self.tr("Show every line again"))
        clear.clicked.connect(self._clear_line)
        chip.addWidget(self.line_label)
        chip.addWidget(clear)
        self.line_chip.hide()
        top.addWidget(self.line_chip)
        self.lines_label = QLabel(self.sheet)
        top.addWidget(self.lines_label)
        col.addLayout(top)

        self.lines_model = CountLinesModel(self.db, self.line_columns(), self)
        self.grid = CountGrid(self.sheet)
        self.grid.setObjectName("count_lines")
        self.grid.setModel(self.lines_model)
        for i, column in enumerate(self.lines_model.columns):
            self.grid.setColumnWidth(i, column.width)
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.grid.setSortingEnabled(True)
        self.grid.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        col.addWidget(self.grid, 1)
        self.sheet_error = QLabel(self.sheet)
        self.sheet_error.setObjectName("count_error")
        theme.style(self.sheet_error, "color: $error_text;")
        self.sheet_error.setWordWrap(True)
        self.sheet_error.hide()
        col.addWidget(self.sheet_error)

        actions = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print sheet…"), self.sheet)
        self.print_button.setObjectName("print_sheet")
        self.expected_box = QCheckBox(self.tr("with e&xpected quantities"), self.sheet)
        self.expected_box.setObjectName("print_expected")
        self.expected_box.setToolTip(self.tr("A blind count (the default) does not print what the books expect."))
        self.export_button = QPushButton(self.tr("&Export sheet…"), self.sheet)
        self.export_button.setObjectName("export_sheet")
        self.import_button = QPushButton(self.tr("&Import counts…"), self.sheet)
        self.import_button.setObjectName("import_counts")
        self.post_button = QPushButton(self.tr("P&ost…"), self.sheet)
        self.post_button.setObjectName("post_count")
        self.post_button.setToolTip(self.tr("Adjust the stock on hand to what was counted"))
        for widget in (self.print_button, self.expected_box, self.export_button, self.import_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.post_button)
        col.addLayout(actions)
        self.sheet.hide()
        layout.addWidget(self.sheet, 1)
        self._form_scroll = self.form.parentWidget().parentWidget()
        self.archive_button.setText(self.tr("&Cancel count…"))
        self.archive_button.setToolTip(self.tr("Cancel this draft count: nothing is moved (Delete)"))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search)
        self.scan.textEdited.connect(lambda _t: self._debounce.start())
        self.scan.returnPressed.connect(self._on_scan)
        self.uncounted_box.toggled.connect(lambda _on: self._apply_filters())
        self.differences_box.toggled.connect(lambda _on: self._apply_filters())
        self.lines_model.sig_count.connect(self._on_lines_count)
        self.lines_model.sig_reset.connect(self._on_lines_reset)
        self.lines_model.sig_error.connect(self._show_sheet_error)
        self.lines_model.sig_saved.connect(self._on_saved)
        self.lines_model.sig_save_failed.connect(self._on_save_failed)
        self.grid.sig_committed.connect(self._on_committed)
        self.print_button.clicked.connect(self.print_sheet)
        self.export_button.clicked.connect(self.export_sheet)
        self.import_button.clicked.connect(self.import_counts)
        self.post_button.clicked.connect(self.post)

    def line_columns(self) -> list[Column]:
        return [
            Column("position", "#", "quantity", width=50),
            Column("location", self.tr("Location"), width=80),
            Column("sku", self.tr("SKU"), width=105),
            Column("name", self.tr("Product"), width=230),
            Column("unit", self.tr("Unit"), width=45),
            Column("expected", self.tr("Expected"), "quantity", width=75),
            Column("counted", self.tr("Counted"), "quantity", width=80),
            Column("difference", self.tr("Difference"), "quantity", width=80),
            Column("adjusted", self.tr("Adjusted"), "quantity", width=75),
        ]

    def _form_mode(self) -> None:
        self.count = None
        self._form_scroll.show()
        self.sheet.hide()
        self.save_button.show()
        self.save_button.setText(self.tr("&Start count"))

    def _show_count(self, view: stock_counts.StockCountView) -> None:
        """Show ``view``'s lines in the editor (the form is for new counts only)."""
        self.count = view
        self.record_id, self.version = str(view.id), view.version
        self.form.clear_errors()
        self._form_scroll.hide()
        self.sheet.show()
        self.save_button.hide()
        self.title.setText(self.describe(view))
        self.archive_button.setEnabled(view.is_draft)
        for button in (self.import_button, self.post_button):
            button.setEnabled(view.is_draft)
        self._show_info(view)
        self._set_dirty(False)
        self.sheet_error.hide()
        if self.lines_model.count_id != view.id:
            self.scan.clear()
            self.line_chip.hide()
            self.lines_model.set_filters({})
            for box in (self.uncounted_box, self.differences_box):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            self.lines_model.set_search("")
        self.lines_model.set_count(view.id, view.is_draft)
        self.editor.show()
        width = self.splitter.width()
        if width > 0:
            self.splitter.setSizes([width // 4, width - width // 4])

    def describe(self, view) -> str:
        status = self.status_labels().get(str(view.status), str(view.status))
        return f"{view.reference} · {view.warehouse_code} · {status}"

    def _show_info(self, view: stock_counts.StockCountView) -> None:
        parts = [f"{view.warehouse_code} · {view.warehouse_name}", format_date(view.date),
                 self.tr("{0} of {1} lines counted").replace("{0}", format_decimal(view.counted, 0))
                 .replace("{1}", format_decimal(view.lines, 0))]
        if view.differences:
            parts.append(self.tr("{0} differ from the sheet").replace("{0}", format_decimal(view.differences, 0)))
        if view.status == StockCountStatus.POSTED:
            parts.append(self.tr("posted: {0} adjustments").replace("{0}", format_decimal(view.adjustments, 0)))
        if view.notes:
            parts.append(view.notes)
        self.info.setText(" · ".join(parts))

    def _reload_info(self) -> None:
        if self.count is None:
            return
        count_id = self.count.id

        def done(view) -> None:
            if self.count is not None and self.count.id == view.id:
                self.count = view
                self._show_info(view)
                self.title.setText(self.describe(view) + (" •" if self.dirty else ""))

        self._info.submit(lambda: stock_counts.get_count(self.db, count_id), done, lambda _exc: None)

    def open_record(self, record_id: str) -> None:
        if not self._may_leave():
            return
        try:
            view = stock_counts.get_count(self.db, record_id)
        except NotFoundError as exc:
            self.sig_status.emit(str(exc))
            self.list.refresh()
            return
        self._show_count(view)
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _may_leave(self) -> bool:
        # Quantities typed a moment ago are still on their way: let them land (or fail, and ask) first.
        if self.count is not None and self.lines_model.saving:
            self.lines_model.flush()
        return super()._may_leave()

    def first_field(self) -> QWidget:
        return self.scan if self.count is not None else super().first_field()

    def action_find(self) -> None:
        if self.editor_open and self.count is not None and self.isAncestorOf(self.focusWidget() or self):
            self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.scan.selectAll()
        else:
            super().action_find()

    def action_refresh(self) -> None:
        super().action_refresh()
        if self.editor_open and self.count is not None:
            self.lines_model.refresh()
            self._reload_info()

    # -- searching and scanning ----------------------------------------------------------------
    def _search(self) -> None:
        self._debounce.stop()
        if self.line_chip.isVisible():
            self._clear_line(refresh=False)
        self.lines_model.set_search(self.scan.text().strip())

    def _apply_filters(self, line_id: uuid.UUID | None = None) -> None:
        self.lines_model.set_filters({"uncounted": self.uncounted_box.isChecked(),
                                      "differences": self.differences_box.isChecked(), "line_id": line_id})

    def _on_scan(self) -> None:
        """Enter in the search box: a SKU or barcode jumps to its line; other text searches at once."""
        code = self.scan.text().strip()
        if not code or self.count is None:
            self._search()
            return
        self._debounce.stop()
        count = self.count

        def found(lookup: stock_counts.LineLookup) -> None:
            if self.count is None or self.count.id != count.id:
                return
            if lookup.line_id is not None:
                self._show_line(lookup)
            elif lookup.product_id is not None and count.is_draft:
                if dialogs.confirm(self, self.tr("Not on the sheet"),
                                   self.tr("{0} is not on this count's sheet. Add a line for it?")
                                   .replace("{0}", lookup.label), yes=self.tr("Add")):
                    self._run(lambda: stock_counts.find_line(self.db, count.id, code, add=True),
                              self._on_added, self._show_sheet_error)
            else:
                self._search()

        self._run(lambda: stock_counts.find_line(self.db, count.id, code), found, self._show_sheet_error)

    def _on_added(self, lookup: stock_counts.LineLookup) -> None:
        self._reload_info()
        self.sig_status.emit(self.tr("Added {0} to the sheet.").replace("{0}", lookup.label))
        self._show_line(lookup)

    _edit_first = False

    def _show_line(self, lookup: stock_counts.LineLookup) -> None:
        """Only that product's line, its "Counted" cell open for typing."""
        self.lines_model.set_search("")
        self.line_label.setText(lookup.label)
        self.line_chip.show()
        self._edit_first = self.lines_model.editable
        self._apply_filters(lookup.line_id)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_line(self, refresh: bool = True) -> None:
        self.line_chip.hide()
        if refresh:
            self._apply_filters()
        else:
            self.lines_model.set_filters({"uncounted": self.uncounted_box.isChecked(),
                                          "differences": self.differences_box.isChecked()})

    def _on_lines_reset(self) -> None:
        self.sheet_error.hide()
        if self._edit_first and self.lines_model.rowCount():
            self._edit_first = False
            cell = self.lines_model.index(0, self.grid.counted_column())
            self.grid.setCurrentIndex(cell)
            self.grid.edit(cell)
        elif self.lines_model.rowCount() and not self.grid.currentIndex().isValid():
            self.grid.setCurrentIndex(self.lines_model.index(0, self.grid.counted_column()))

    def _on_committed(self, _row: int) -> None:
        if self.line_chip.isVisible():  # a scanned product counted: back to the scanner for the next one
            self.scan.clear()
            self._clear_line()
            self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_lines_count(self, n: int) -> None:
        self.lines_label.setText(self.tr("{0} lines").replace("{0}", format_decimal(n, 0)) if n else
                                 self.tr("No lines"))

    def _on_saved(self, _n: int) -> None:
        self._set_dirty(bool(self.lines_model.unsaved))
        self._reload_info()

    def _on_save_failed(self, message: str) -> None:
        self._set_dirty(True)
        self._show_sheet_error(self.tr("Not saved (marked red): {0}").replace("{0}", message))

    def _show_sheet_error(self, error: Any) -> None:
        self.sheet_error.setText(str(error))
        self.sheet_error.show()

    # -- cancelling -----------------------------------------------------------------------------------
    def archive_record(self, record_id: str) -> None:
        """Delete / Cancel count…: a draft count is cancelled (kept, never deleted) after asking."""
        if self.editor_open and self.record_id == record_id and self.count is not None:
            label = self.count.reference
        else:
            label = self.list_label(record_id)
        if not dialogs.confirm(self, self.tr("Cancel count"),
                               self.tr("Cancel {0}? It stays in the list with its lines; no stock is moved "
                                       "and it can no longer be posted.").replace("{0}", label),
                               yes=self.tr("Cancel count"), no=self.tr("Keep it")):
            return
        try:
            view = stock_counts.cancel_count(self.db, uuid.UUID(record_id))
        except TrastiendaError as exc:
            dialogs.inform(self, self.tr("Not cancelled"), str(exc))
            return
        self.changed()
        self.list.refresh(keep_id=record_id)
        if self.editor_open and self.record_id == record_id:
            self._show_count(view)
        self.sig_status.emit(self.tr("Cancelled {0}.").replace("{0}", view.reference))

    # -- RecordTab hooks not used by counts --------------------------------------------------------
    def form_to_data(self, values: dict[str, Any]) -> dict[str, Any]:
        return values

    def get(self, record_id: str):
        return stock_counts.get_count(self.db, record_id)

    def create(self, data):
        raise TrastiendaError(self.tr("Start a count with Start count."))

    def update(self, record_id: str, data, version):
        raise TrastiendaError(self.tr("Counted quantities are saved as you type them."))

    def archive(self, record_id: str):
        return stock_counts.cancel_count(self.db, uuid.UUID(record_id))

