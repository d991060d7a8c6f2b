"""The History of one record: when, who, what, and each changed field's old and new value.

Read from the audit trail the database writes (``app.services.history``),
newest first, the record's own changes and its children's (an invoice's
lines). An update opens on its fields; a creation or deletion, which lists
every field, stays folded to one line until opened.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError
from app.services import history
from app.services.history import MASK, HistoryEntry
from ui.common import dialogs
from ui.common.formatting import format_date, format_decimal

COLUMNS = 6  # when, who, what, field, before, after
_LONG = 120


def show_history(parent: QWidget, db: Database, table: str, record_id: str, label: str) -> HistoryDialog | None:
    """Read the record's history and show it beside the form; a refusal is explained instead."""
    try:
        entries = history.record_history(db, table, record_id)
    except TrastiendaError as exc:
        dialogs.inform(parent, QCoreApplication.translate("HistoryDialog", "History"), str(exc))
        return None
    dialog = HistoryDialog(label, table, entries, parent.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class HistoryDialog(QDialog):
    """One line per change; under it, one line per field: name, before, after."""

    def __init__(self, label: str, table: str, entries: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("History — {0}").replace("{0}", label))
        self.resize(960, 480)
        self.own_table = table
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history_tree")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Field"),
                                   self.tr("Before"), self.tr("After")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        for entry in entries:
            self._add(entry)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(3, min(self.tree.columnWidth(3), 220))
        self.tree.setColumnWidth(4, 220)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        if entries:
            text = self.tr("{0} changes, newest first. Restricted values show as ***.").replace("{0}", str(len(entries)))
        else:
            text = self.tr("No changes recorded for this record yet.")
        self.summary = QLabel(text, self)
        self.summary.setObjectName("history_summary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.tree.setFocus()

    # -- public ------------------------------------------------------------------------------
    def rows(self) -> list[list[str]]:
        """Every line's texts, each change followed by its fields (what the tests read)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append([top.text(c) for c in range(COLUMNS)])
            out.extend([top.child(j).text(c) for c in range(COLUMNS)] for j in range(top.childCount()))
        return out

    # -- internals ---------------------------------------------------------------------------
    def _add(self, entry: HistoryEntry) -> None:
        fields = list(entry.changes)
        shown = ", ".join(field_label(f) for f in fields[:4]) + (" …" if len(fields) > 4 else "")
        top = QTreeWidgetItem(self.tree, [when_text(entry.at), entry.login, self._what(entry), shown, "", ""])
        top.setToolTip(1, entry.login)
        top.setToolTip(3, ", ".join(field_label(f) for f in fields))
        for name, (old, new) in entry.changes.items():
            texts = ["", "", "", field_label(name), value_text(old, entry.labels), value_text(new, entry.labels)]
            child = QTreeWidgetItem(top, texts)
            for col, value in ((4, old), (5, new)):
                child.setToolTip(col, self.tr("Restricted: the trail never holds the value.") if value == MASK
                                 else str(value) if value is not None else "")
        top.setExpanded(entry.action not in ("insert", "delete"))

    def _what(self, entry: HistoryEntry) -> str:
        actions = {"insert": self.tr("Created"), "update": self.tr("Changed"), "archive": self.tr("Archived"),
                   "restore": self.tr("Restored"), "delete": self.tr("Deleted")}
        action = actions.get(entry.action, entry.action)
        if entry.table == self.own_table:
            return action
        return self.tr("{0}: {1}").replace("{0}", self._part(entry.table)).replace("{1}", action.lower())

    def _part(self, table: str) -> str:
        parts = {
            "invoice_line": self.tr("Line"), "contract_line": self.tr("Line"), "stock_count_line": self.tr("Line"),
            "payment": self.tr("Payment"), "party_address": self.tr("Address"),
            "contract_attachment": self.tr("Attachment"), "contract_event": self.tr("Event"),
            "contract_billing": self.tr("Billed period"), "stock_rule": self.tr("Stock rule"),
            "stock_move": self.tr("Stock move"), "employee_document": self.tr("Document"),
            "leave_request": self.tr("Leave"), "leave_allowance": self.tr("Leave allowance"),
            "personal_data_audit": self.tr("Audit entry"), "verifactu_record": self.tr("VERI*FACTU record"),
        }
        return parts.get(table, table.replace("_", " ").capitalize())


_LABELS = {"iban": "IBAN", "tax_id": "NIF / VAT", "ean": "EAN", "sku": "SKU", "irpf_percent": "IRPF %",
           "social_security_number": "Social security no.", "email": "E-mail", "id": "Id"}


def field_label(name: str) -> str:
    """``legal_name`` -> "Legal name"; ids of other records read as what they point at."""
    if name in _LABELS:
        return QCoreApplication.translate("HistoryDialog", _LABELS[name])
    if name.endswith("_id"):
        name = name[:-3]
    return name.replace("_", " ").capitalize()


def value_text(value: Any, labels: dict | None = None) -> str:
    """A value as a clerk reads it, on one line; an id as the record it points at (``labels``)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("HistoryDialog", "Yes" if value else "No")
    if isinstance(value, Decimal):
        return format_decimal(value, places=None)
    if isinstance(value, dt.datetime):
        return when_text(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, uuid.UUID):
        label = (labels or {}).get(value)
        return label if label else str(value)[:8] + "…"
    if isinstance(value, enum.Enum):
        return str(value.value)
    text = str(value).replace("\r\n", " ⏎ ").replace("\n", " ⏎ ").replace("\x00", "␀")
    return text if len(text) <= _LONG else text[:_LONG] + "…"


def when_text(at: dt.datetime) -> str:
    """The local date and time of a change (kept in UTC)."""
    local = at.astimezone() if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc).astimezone()
    return f"{format_date(local.date())} {local:%H:%M:%S}"
