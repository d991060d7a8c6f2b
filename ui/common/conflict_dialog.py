"""The choice a clerk makes when someone else saved the record open in the form.

Saving refused with ``ConflictError`` (optimistic locking: the stored version is
newer than the one the form was opened on). The clerk chooses:

- Reload: discard my edits and show theirs;
- Overwrite: save what my form shows over their version (only over the version
  the clerk was shown: a third change meanwhile asks again);
- Compare: a table of the fields that differ, mine beside theirs, then back
  to the choice;
- Keep editing (Esc): nothing saved, nothing lost; save again to choose again.

The comparison is generic: it reads the form's widgets and the form values of
both versions (``RecordTab.view_to_form``), so every tab gets it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.common.fields import DecimalField, LookupField
from ui.common.form import Form
from ui.common.formatting import format_date, format_decimal

RELOAD, OVERWRITE, KEEP_EDITING = "reload", "overwrite", "keep"


@dataclass(frozen=True)
class Difference:
    """One field whose value in my form is not the one they saved."""

    field: str
    label: str
    mine: str
    theirs: str


# -- comparing ---------------------------------------------------------------------------------

def differences(form: Form, mine: dict[str, Any], theirs: dict[str, Any]) -> list[Difference]:
    """The fields of ``form`` whose values differ, in the form's order.

    A field missing from either side (e.g. confidential data the form did not
    show) is not compared.
    """
    out = []
    for name, widget in form.fields.items():
        if name not in mine or name not in theirs:
            continue
        if _key(mine[name]) == _key(theirs[name]):
            continue
        shown = widget.text() if isinstance(widget, LookupField) else display(widget, mine[name])
        out.append(Difference(name, widget.accessibleName() or name, shown, display(widget, theirs[name])))
    return out


def _key(value: Any) -> Any:
    """What two values are compared by: as the clerk reads them, not as Python types them."""
    if _is_labelled_id(value):
        value = value[0]  # (id, label) from a lookup field
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal)):
        return Decimal(value).normalize()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple)):
        return tuple(_item_text(item) for item in value)
    if isinstance(value, (uuid.UUID, dt.date)):
        return str(value)
    return str(value)


def display(widget: QWidget, value: Any) -> str:
    """``value`` written as ``widget`` would show it."""
    if _is_labelled_id(value):
        return value[1]
    if isinstance(widget, QComboBox) and not isinstance(value, (list, tuple)):
        wanted = value.value if isinstance(value, enum.Enum) else value
        for i in range(widget.count()):
            data = widget.itemData(i)
            data = data.value if isinstance(data, enum.Enum) else data
            if data == wanted or (wanted is not None and str(data) == str(wanted)):
                return widget.itemText(i)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictDialog", "Yes" if value else "No")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, (int, Decimal)):
        places = widget.places if isinstance(widget, DecimalField) else None
        return format_decimal(value, places)
    if isinstance(value, (list, tuple)):
        return "\n".join(_item_text(item) for item in value)
    return str(value)


def _is_labelled_id(value: Any) -> bool:
    """``(id, label)``, as a lookup field is loaded."""
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str) and not isinstance(value[0], str)


def _item_text(item: Any) -> str:
    """One line of a grid (invoice or contract lines): "2 × Revisión @ 40.00"."""
    if dataclasses.is_dataclass(item):
        quantity = getattr(item, "quantity", None)
        description = getattr(item, "description", None) or ""
        price = getattr(item, "unit_price", None)
        text = description
        if quantity is not None:
            text = f"{format_decimal(quantity, None)} × {text}"
        if price is not None:
            text += f" @ {format_decimal(price, None)}"
        return text.strip()
    return str(item)


# -- asking ------------------------------------------------------------------------------------

class ConflictDialog(QDialog):
    """Reload, Overwrite, Compare (shows the table in place), or Keep editing (Esc)."""

    def __init__(self, parent: QWidget | None, noun: str, diffs: list[Difference],
                 who: str | None = None, when: dt.datetime | None = None):
        super().__init__(parent)
        self.choice = KEEP_EDITING
        self.diffs = diffs
        self.setWindowTitle(self.tr("Someone else changed this record"))
        self.setObjectName("conflict_dialog")

        heading = QLabel(self.tr("Someone else changed this record"), self)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        by = ""
        if who and when:
            by = self.tr(" ({who}, {when})").replace("{who}", who).replace(
                "{when}", when.astimezone().strftime("%d/%m/%Y %H:%M"))
        elif who:
            by = self.tr(" ({0})").replace("{0}", who)
        self.message = QLabel(self.tr(
            "Someone else saved this {noun}{by} after you opened it, so your changes were not saved.\n\n"
            "Reload: discard your changes and show theirs.\n"
            "Overwrite: save your form over their changes.\n"
            "Compare: see the fields that differ first.").replace("{noun}", noun).replace("{by}", by), self)
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)

        self.table = QTableWidget(len(diffs), 3, self)
        self.table.setObjectName("conflict_table")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"), self.tr("Theirs")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, d in enumerate(diffs):
            for col, text in enumerate((d.label, d.mine or self.tr("(empty)"), d.theirs or self.tr("(empty)"))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, d.field)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.table.hide()
        self.same = QLabel(self.tr("No field in this form differs: they changed something the form does not show."),
                           self)
        self.same.setObjectName("conflict_same")
        self.same.setWordWrap(True)
        self.same.hide()

        self.reload_button = QPushButton(self.tr("&Reload theirs"), self)
        self.reload_button.setObjectName("conflict_reload")
        self.overwrite_button = QPushButton(self.tr("&Overwrite with mine"), self)
        self.overwrite_button.setObjectName("conflict_overwrite")
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.setObjectName("conflict_compare")
        self.compare_button.setCheckable(True)
        self.keep_button = QPushButton(self.tr("&Keep editing"), self)
        self.keep_button.setObjectName("conflict_keep")
        for button in (self.reload_button, self.overwrite_button, self.keep_button):
            button.setAutoDefault(False)
        # Enter compares: neither side's work is thrown away by a reflex.
        self.compare_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.same)
        layout.addStretch(0)  # takes the spare height while the table is hidden
        layout.addLayout(buttons)

        self.reload_button.clicked.connect(lambda: self._choose(RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_EDITING))
        self.compare_button.toggled.connect(self._on_compare)
        self.resize(580, 220)

    @property
    def comparing(self) -> bool:
        return self.compare_button.isChecked()

    def _on_compare(self, on: bool) -> None:
        self.table.setVisible(on and bool(self.diffs))
        self.same.setVisible(on and not self.diffs)
        self.compare_button.setText(self.tr("Hide &comparison") if on else self.tr("&Compare"))
        if on:
            rows = sum(max(1, d.mine.count("\n") + 1, d.theirs.count("\n") + 1) for d in self.diffs[:12])
            self.resize(max(self.width(), 760), max(self.height(), 230 + 26 * rows))
            self.table.resizeRowsToContents()  # now that the columns have their width
            self.table.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == KEEP_EDITING:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Esc, the window's close button
        self.choice = KEEP_EDITING
        super().reject()


def ask(parent: QWidget, noun: str, diffs: list[Difference], who: str | None = None,
        when: dt.datetime | None = None) -> str:
    """RELOAD, OVERWRITE or KEEP_EDITING (Compare stays inside the dialog)."""
    dialog = ConflictDialog(parent, noun, diffs, who, when)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()
