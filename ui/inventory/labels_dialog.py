"""Shelf labels with barcodes for the products selected in the catalogue.

The clerk selects products in the list (Shift or Ctrl with the arrows or a
click), presses "Print labels…" (or Ctrl+P on the products tab), sets how many
of each, the sheet, and where a partly used sheet starts; then previews,
saves or prints. The PDF of ``app.documents.barcode_labels`` is the single
source, and preview, printing and saving reuse the invoice preview's pieces
(``ui.invoices.preview``). Rendering and printing run off the GUI thread:
a thousand different labels take a few seconds.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.documents.barcode_labels import DEFAULT_LAYOUT, LAYOUTS, MAX_COPIES, LabelItem, label_sheet_pdf, sheets_needed
from app.errors import FieldError, NotFoundError, ValidationError
from app.services.product_labels import label_items
from ui.common import theme
from ui.common.fields import mark_error
from ui.common.formatting import format_decimal
from ui.common.list_panel import ListPanel
from ui.common.settings import settings
from ui.common.table_model import ID_ROLE
from ui.common.worker import run_in_background
from ui.invoices import preview

if TYPE_CHECKING:
    from ui.inventory.products import ProductsTab

FILE_NAME = "etiquetas.pdf"
SKU, NAME, CODE, PRICE, COPIES = range(5)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


# -- from the product list ----------------------------------------------------------------

def add_labels_button(tab: ProductsTab, panel: ListPanel) -> QPushButton:
    """The "Print labels…" button above the product list, which now allows several selected rows."""
    panel.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    button = QPushButton(tr("Print labels…"), panel)
    button.setObjectName("print_labels")
    button.setToolTip(tr("Barcode labels for the selected products (Ctrl+P)"))
    button.clicked.connect(lambda: open_labels(tab))
    panel.filter_bar.addWidget(button)
    return button


def selected_ids(panel: ListPanel) -> list[str]:
    """The selected rows' ids in list order; the current row when none is selected."""
    indexes = sorted(panel.table.selectionModel().selectedRows(), key=lambda i: i.row())
    ids = [i.data(ID_ROLE) for i in indexes if i.data(ID_ROLE)]
    if not ids and panel.current_id():
        ids = [panel.current_id()]
    return ids


def open_labels(tab: ProductsTab) -> LabelsDialog | None:
    """Opens the labels dialog for the selected products (window-modal, returns at once)."""
    ids = selected_ids(tab.list)
    if not ids:
        tab.sig_status.emit(tr("Select the products to label first (Shift or Ctrl with the arrows or a click)."))
        return None
    try:
        items = label_items(tab.db, ids)  # one query by key: fine on the GUI thread
    except NotFoundError as exc:
        tab.sig_status.emit(str(exc))
        tab.list.refresh()
        return None
    dialog = LabelsDialog(items, tab)
    dialog.sig_status.connect(tab.sig_status)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# -- the dialog ------------------------------------------------------------------------------

class LabelsDialog(QDialog):
    """Copies per product, the sheet and the first free label; then Preview, Save as PDF, Print."""

    sig_status = Signal(str)
    sig_done = Signal(str)  # after a preview, save or print: what happened (tests wait for it)

    def __init__(self, items: list[LabelItem], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("labels_dialog")
        self.setWindowTitle(tr("Print labels"))
        self.base_items = list(items)
        self.busy = False
        self.data: bytes | None = None  # the last PDF made
        self.preview_dialog: preview.PreviewDialog | None = None

        self.table = QTableWidget(len(items), 5, self)
        self.table.setObjectName("label_products")
        self.table.setHorizontalHeaderLabels([tr("SKU"), tr("Name"), tr("Barcode"), tr("Price (IVA incl.)"),
                                              tr("Copies")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from one copies box to the next
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.copies: list[QSpinBox] = []
        for r, item in enumerate(items):
            code = tr("EAN-13 {0}").replace("{0}", item.ean) if item.ean else tr("Code 128 of the SKU")
            for c, text in ((SKU, item.sku), (NAME, item.name), (CODE, code),
                            (PRICE, format_decimal(item.consumer_price, 2))):
                cell = QTableWidgetItem(text)
                if c == PRICE:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
            spin = QSpinBox(self.table)
            spin.setObjectName(f"copies_{r}")
            spin.setRange(0, MAX_COPIES)
            spin.setValue(max(0, item.copies))
            spin.setAccessibleName(tr("Copies of {0}").replace("{0}", item.sku))
            spin.valueChanged.connect(self._on_changed)
            self.table.setCellWidget(r, COPIES, spin)
            self.copies.append(spin)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        for c, width in ((SKU, 100), (CODE, 175), (PRICE, 110), (COPIES, 80)):
            self.table.setColumnWidth(c, width)

        self.layout_choice = QComboBox(self)
        self.layout_choice.setObjectName("label_layout")
        for key, sheet in LAYOUTS.items():
            self.layout_choice.addItem(sheet.title, key)
        remembered = settings().value("labels/layout")
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(
            remembered if remembered in LAYOUTS else DEFAULT_LAYOUT)))
        self.start = QSpinBox(self)
        self.start.setObjectName("start_position")
        self.start.setMaximumWidth(90)
        self.start.setToolTip(tr("On a partly used sheet, the first free label: 1 is the top left, "
                                 "counted along the rows"))
        self.summary = QLabel(self)
        self.summary.setObjectName("labels_summary")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("labels_error")
        theme.style(self.error_label, "color: $error_text;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        options = QFormLayout()
        caption = QLabel(tr("&Sheet"), self)
        caption.setBuddy(self.layout_choice)
        options.addRow(caption, self.layout_choice)
        caption = QLabel(tr("&First free label"), self)
        caption.setBuddy(self.start)
        options.addRow(caption, self.start)

        self.preview_button = QPushButton(tr("Previe&w…"), self)
        self.preview_button.setObjectName("preview")
        self.save_button = QPushButton(tr("Save as &PDF…"), self)
        self.save_button.setObjectName("save_pdf")
        self.print_button = QPushButton(tr("P&rint…"), self)
        self.print_button.setObjectName("print")
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setToolTip(tr("Close (Esc)"))
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Copies of each product (0 leaves it out):"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(760, 460)

        self.layout_choice.currentIndexChanged.connect(self._on_layout)
        self.start.valueChanged.connect(self._on_changed)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        self.close_button.clicked.connect(self.reject)
        self.preview_button.setDefault(True)
        self._on_layout()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.copies:  # the first thing to type: how many of the first product
            self.copies[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)
            self.copies[0].selectAll()

    # -- what the clerk chose -------------------------------------------------------------------
    def layout_key(self) -> str:
        return self.layout_choice.currentData()

    def items(self) -> list[LabelItem]:
        return [dataclasses.replace(item, copies=spin.value()) for item, spin in zip(self.base_items, self.copies)]

    def total(self) -> int:
        return sum(spin.value() for spin in self.copies)

    def _on_layout(self, _index: int = 0) -> None:
        sheet = LAYOUTS[self.layout_key()]
        self.start.setRange(1, sheet.per_sheet)
        settings().setValue("labels/layout", self.layout_key())
        self._on_changed()

    def _on_changed(self, _value: int = 0) -> None:
        self.data = None  # made again from what is chosen now
        self._show_errors([])
        self._update_summary()

    def _update_summary(self) -> None:
        total = self.total()
        sheets = sheets_needed(total, self.layout_key(), self.start.value())
        self.summary.setText(tr("Labels: {0} · A4 sheets: {1}").replace("{0}", str(total)).replace("{1}", str(sheets)))

    # -- making the PDF, off the GUI thread -----------------------------------------------------
    def _render(self, then) -> None:
        """The PDF of what is chosen now, then ``then(data)`` on the GUI thread; errors shown here."""
        if self.busy:
            return
        if self.data is not None:
            then(self.data)
            return
        items, key, start = self.items(), self.layout_key(), self.start.value()
        self._set_busy(True, tr("Preparing the labels…"))

        def done(data: bytes) -> None:
            self._set_busy(False, "")
            self.data = data
            then(data)

        def failed(exc: Exception) -> None:
            self._set_busy(False, "")
            if isinstance(exc, ValidationError):
                self._show_errors(exc.errors)
            else:
                self._show_errors([FieldError("", tr("The labels could not be made: {0}").replace("{0}", str(exc)))])
            self.sig_done.emit("")

        run_in_background(lambda: label_sheet_pdf(items, key, start), done, failed, self)

    def _set_busy(self, busy: bool, message: str) -> None:
        self.busy = busy
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(not busy)
        if message:
            self.summary.setText(message)
        else:
            self._update_summary()

    def _show_errors(self, errors: list[FieldError]) -> None:
        for spin in self.copies:
            mark_error(spin, None)
        mark_error(self.start, None)
        for e in errors:
            if e.field == "start_position":
                mark_error(self.start, e.message)
            elif e.field.startswith("items["):
                r = int(e.field[6:e.field.index("]")])
                if 0 <= r < len(self.copies):
                    mark_error(self.copies[r], e.message)
                    self.table.scrollToItem(self.table.item(r, SKU))
        self.error_label.setText("\n".join(e.message for e in errors))
        self.error_label.setVisible(bool(errors))

    # -- the three actions ----------------------------------------------------------------------
    def preview(self) -> None:
        self._render(self._show_preview)

    def _show_preview(self, data: bytes) -> None:
        dialog = preview.PreviewDialog(data, tr("Labels"), FILE_NAME, self)
        dialog.setObjectName("labels_preview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        dialog.open()
        self.sig_done.emit("preview")

    def save(self) -> None:
        self._render(self._save_rendered)

    def _save_rendered(self, data: bytes) -> None:
        path = preview.choose_save_path(self, FILE_NAME)
        if path is None:
            self.sig_done.emit("")
            return
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(data)  # a whole file or none: never half a sheet of labels
            partial.replace(target)
        except OSError as exc:
            self._show_errors([FieldError("", tr("The PDF could not be saved: {0}").replace("{0}", str(exc)))])
            self.sig_done.emit("")
            return
        finally:
            partial.unlink(missing_ok=True)
        self._report(tr("Saved {0} labels in {1}.").replace("{0}", str(self.total())).replace("{1}", target.name))

    def print_(self) -> None:
        self._render(self._print_rendered)

    def _print_rendered(self, data: bytes) -> None:
        document = preview.load_pdf(data, self)
        pages = document.pageCount()
        document.deleteLater()
        printer = preview.choose_printer(self, pages)
        if printer is None:
            self.sig_done.emit("")
            return
        self._set_busy(True, tr("Sending the labels to the printer…"))
        run_in_background(lambda: _print_pdf(data, printer), self._on_printed, self._on_print_failed, self)

    def _on_printed(self, sent: int) -> None:
        self._set_busy(False, "")
        self._report(tr("Sent {0} sheets of labels to the printer.").replace("{0}", str(sent)))

    def _on_print_failed(self, exc: Exception) -> None:
        self._set_busy(False, "")
        self._show_errors([FieldError("", tr("Not printed: {0}").replace("{0}", str(exc)))])
        self.sig_done.emit("")

    def _report(self, message: str) -> None:
        self.summary.setText(message)
        self.sig_status.emit(message)
        self.sig_done.emit(message)


def _print_pdf(data: bytes, printer: QPrinter) -> int:
    """Worker thread: the pages of ``data`` to ``printer`` as one job (see preview.print_document)."""
    document = preview.load_pdf(data)  # created, used and closed on this thread
    try:
        return preview.print_document(document, printer)
    finally:
        document.close()
        del document
