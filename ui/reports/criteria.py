"""What a report is asked for: the period (or the one date), and the filters the report takes.

Each field sits in a small cell with its caption above and its error under it,
so a ValidationError from ``run_report`` (naming ``customer``, ``series``…)
lands beside the field it is about, as in the forms. The customer field is the
invoice editor's type-ahead; a code or NIF typed without choosing a suggestion
is passed on as typed, and the report says when nothing has it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.db.session import Database
from app.errors import FieldError, ValidationError
from app.reports import Period, default_period
from app.reports.base import ReportSpec
from app.services import departments, products, series
from app.services.listing import ListQuery
from ui.common import theme
from ui.common.fields import ChoiceField, DateField, LookupField, mark_error
from ui.common.formatting import ParseError
from ui.invoices.pickers import CustomerPicker
from ui.reports.periods import QUICK, quick_period

MAX_CHOICES = 500  # series, warehouses and departments are a handful; this only bounds a strange database


class Criteria(QWidget):
    """The period and filter fields over the preview; ``criteria()`` reads them, ``show_errors()`` marks them."""

    sig_changed = Signal()  # any field edited: what is shown no longer matches the fields

    def __init__(self, db: Database, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)

        self.start = self._add(row, "start", self.tr("&From"), DateField(self))
        self.end = self._add(row, "end", self.tr("&To"), DateField(self))
        self.quick = self._add(row, "quick", self.tr("P&eriod"), QComboBox(self))
        self.quick.addItem(self.tr("Dates typed"), None)
        labels = {"this_month": self.tr("This month"), "last_month": self.tr("Last month"),
                  "this_quarter": self.tr("This quarter"), "this_year": self.tr("This year"),
                  "last_year": self.tr("Last year")}
        for key in QUICK:
            self.quick.addItem(labels[key], key)
        self.customers = CustomerPicker(db)
        self.customer = self._add(row, "customer", self.tr("C&ustomer"), LookupField(self.customers.search, self))
        self.customer.setPlaceholderText(self.tr("All customers: type a name, code or NIF"))
        self.customer.setMinimumWidth(240)
        self.series = self._add(row, "series", self.tr("&Series"),
                                ChoiceField(blank=self.tr("All series"), parent=self))
        self.warehouse = self._add(row, "warehouse", self.tr("&Warehouse"),
                                   ChoiceField(blank=self.tr("All warehouses"), parent=self))
        self.department = self._add(row, "department", self.tr("&Department"),
                                    ChoiceField(blank=self.tr("All departments"), parent=self))
        row.addStretch(1)
        for date in (self.start, self.end):
            date.setMaximumWidth(110)

        period = default_period(self.today)
        self.start.set_value(period.start)
        self.end.set_value(period.end)
        self.start.textEdited.connect(self._on_date_edited)
        self.end.textEdited.connect(self._on_date_edited)
        self.quick.activated.connect(self._on_quick)
        self.customer.textEdited.connect(lambda _t: self._edited("customer"))
        self.customer.sig_message.connect(lambda text: self._say("customer", text))
        for name in ("series", "warehouse", "department"):
            self.fields[name].currentIndexChanged.connect(lambda _i, n=name: self._edited(n))
        self.load_choices()

    def _add(self, row: QHBoxLayout, name: str, label: str, widget: QWidget):
        widget.setObjectName(name)
        widget.setAccessibleName(label.replace("&", ""))
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        caption = QLabel(label, cell)
        caption.setBuddy(widget)
        error = QLabel(cell)
        error.setObjectName(f"{name}_error")
        theme.style(error, "color: $error_text;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(caption)
        column.addWidget(widget)
        column.addWidget(error)
        column.addStretch(1)
        row.addWidget(cell, 2 if name == "customer" else 0)
        self.fields[name], self.errors[name], self.captions[name], self.cells[name] = widget, error, caption, cell
        return widget

    # -- public API ---------------------------------------------------------------------------
    def load_choices(self) -> None:
        """Fill the series, warehouse and department lists (again: someone may have added one)."""
        self.series.set_choices([(f"{v.code} · {v.name}", v.id) for v in series.list_series(self.db)])
        rows = products.list_warehouses(self.db, ListQuery(limit=MAX_CHOICES, sort="code")).rows
        self.warehouse.set_choices([(f"{r['code']} · {r['name']}", r["__id"]) for r in rows])
        rows = departments.list_departments(self.db, ListQuery(limit=MAX_CHOICES)).rows
        self.department.set_choices([(r["name"], r["__id"]) for r in rows])

    def set_spec(self, spec: ReportSpec) -> None:
        """Show the fields ``spec`` reads: one date for a report as of a date, its own filters."""
        self.cells["start"].setVisible(not spec.as_of)
        self.captions["end"].setText(self.tr("&As of") if spec.as_of else self.tr("&To"))
        for name in ("customer", "series", "warehouse", "department"):
            self.cells[name].setVisible(name in spec.filters)
        self.clear_errors()

    def criteria(self, spec: ReportSpec) -> tuple[Period, dict[str, Any]]:
        """The period and the filters ``spec`` takes; typing errors raised together, each on its field."""
        problems: list[FieldError] = []
        dates: dict[str, dt.date | None] = {}
        for name in ("end",) if spec.as_of else ("start", "end"):
            try:
                dates[name] = self.fields[name].value()
            except ParseError as exc:
                problems.append(FieldError(name, str(exc)))
                continue
            if dates[name] is None:
                problems.append(FieldError(name, self.tr("Type a date.")))
        if problems:
            raise ValidationError(problems)
        end = dates["end"]
        period = Period(end, end) if spec.as_of else Period(dates["start"], end)
        filters: dict[str, Any] = {}
        for name in spec.filters:
            widget = self.fields[name]
            if isinstance(widget, LookupField):
                # A suggestion chosen gives its id; a code or NIF typed whole is looked up by the report.
                try:
                    filters[name] = widget.value()
                except ParseError:
                    filters[name] = widget.text().strip()
            else:
                filters[name] = widget.value()
        return period, {k: v for k, v in filters.items() if v is not None}

    def show_errors(self, error: ValidationError) -> list[FieldError]:
        """Each error beside its field (the first focused); returns those that have no field here."""
        self.clear_errors()
        homeless: list[FieldError] = []
        first: QWidget | None = None
        for item in error.errors:
            if item.field in self.fields and self.cells[item.field].isVisibleTo(self):
                self._say(item.field, item.message)
                first = first or self.fields[item.field]
            else:
                homeless.append(item)
        if first is not None:
            first.setFocus()
        return homeless

    def clear_errors(self) -> None:
        for name in self.fields:
            self._say(name, "")

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return "" if label.isHidden() else label.text()

    # -- slots --------------------------------------------------------------------------------
    def _say(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))
        mark_error(self.fields[name], message or None)

    def _edited(self, name: str) -> None:
        if self.errors[name].isVisible():
            self._say(name, "")
        self.sig_changed.emit()

    def _on_date_edited(self, _text: str) -> None:
        self.quick.setCurrentIndex(0)  # the dates no longer are the quick choice
        self._edited("start")
        self._edited("end")

    def _on_quick(self, index: int) -> None:
        key = self.quick.itemData(index)
        if key is None:
            return
        period = quick_period(key, self.today)
        self.start.set_value(period.start)
        self.end.set_value(period.end)
        self._say("start", "")
        self._say("end", "")
        self.sig_changed.emit()

    def choose_quick(self, key: str) -> None:
        """As if the clerk picked ``key`` in the Period list."""
        index = self.quick.findData(key)
        self.quick.setCurrentIndex(index)
        self._on_quick(index)
