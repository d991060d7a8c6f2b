"""A list as a clerk uses it: search box, quick filters, the table and its count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QToolButton,
    QVBoxLayout, QWidget,
)

from ui.common import theme
from ui.common.fields import DateField
from ui.common.formatting import ParseError, format_decimal
from ui.common.settings import settings
from ui.common.table_model import ID_ROLE, LazyTableModel

SEARCH_DELAY_MS = 250  # long enough not to query per keystroke, short enough to feel live


class ListTable(QTableView):
    """A QTableView set up for big lazy lists: fixed row height, no resize-to-contents."""

    sig_delete = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(False)  # enabled once the model is set, see ListPanel
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.sig_delete.emit()
            return
        super().keyPressEvent(event)


class ListPanel(QWidget):
    """Search, quick filters, table. ``name`` keys the header layout kept in settings."""

    sig_open = Signal(str)  # record id: Enter or double-click on a row
    sig_current = Signal(object)  # record id or None
    sig_delete = Signal(str)  # Delete pressed on a row

    def __init__(self, name: str, model: LazyTableModel, noun_plural: str, parent: QWidget | None = None,
                 noun_singular: str | None = None):
        super().__init__(parent)
        self.name = name
        self.noun_singular = noun_singular
        self.model = model
        self.noun_plural = noun_plural
        self._filters: dict[str, Any] = {}
        self._applied: set[str] = set()  # keys set by apply_filters that no widget shows
        self._started = False

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel(self)
        self.error_label = QLabel(self)
        theme.style(self.error_label, "color: $error_text;")
        self.error_label.hide()
        # "Filtered: Posted  ✕": filters applied from elsewhere (a dashboard figure) that no widget shows.
        self.applied_button = QToolButton(self)
        self.applied_button.setObjectName("applied_filters")
        self.applied_button.setAutoRaise(True)
        theme.style(self.applied_button, "QToolButton { background: $info_bg; border-radius: 3px; padding: 2px 6px; }")
        self.applied_button.setToolTip(self.tr("Remove these filters"))
        self.applied_button.clicked.connect(self.clear_applied)
        self.applied_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.applied_button)
        top.addLayout(self.filter_bar)
        top.addStretch(0)
        top.addWidget(self.count_label)

        self.table = ListTable(self)
        self.table.setModel(model)
        metrics = self.table.fontMetrics()
        for i, column in enumerate(model.columns):
            # Wide enough for its header and, for a fixed set of labels, the longest one: the widths
            # were chosen for English and Spanish labels run longer ("Cobrada en parte").
            labels = [*column.choices.values()] if column.kind == "choice" else []
            fits = max((metrics.horizontalAdvance(text) + 12 for text in labels), default=0)
            header = metrics.horizontalAdvance(column.title.replace("&", "")) + 24  # + the sort arrow
            self.table.setColumnWidth(i, max(column.width, fits, header))
        # A stretched amount column would push the figures to the far edge, away from their row.
        last = model.columns[-1] if model.columns else None
        self.table.horizontalHeader().setStretchLastSection(bool(last) and last.alignment & Qt.AlignmentFlag.AlignLeft
                                                            == Qt.AlignmentFlag.AlignLeft)
        self.table.horizontalHeader().setSortIndicator(
            self._sort_section(), Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # header clicks call model.sort -> SQL ORDER BY

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text().strip()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        self.table.activated.connect(self._on_activated)
        self.table.sig_delete.connect(self._on_delete)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator)
        model.sig_reset.connect(self._on_reset)
        model.sig_count.connect(self._on_count)
        model.sig_error.connect(self._on_error)
        self._restore_header()

    # -- public API -----------------------------------------------------------------
    def start(self) -> None:
        """Run the first query (tabs call it when first shown, so start-up stays quick)."""
        if not self._started:
            self._started = True
            self.model.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def add_choice_filter(self, key: str, label: str, choices: list[tuple[str, Any]]) -> QComboBox:
        """A quick filter: a combo whose first entry means "all"."""
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{key}")
        combo.addItem(label, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setAccessibleName(label)
        combo.currentIndexChanged.connect(lambda _i: self.set_filter(key, combo.currentData()))
        self.filter_bar.addWidget(combo)
        return combo

    def add_check_filter(self, key: str, label: str, value: Any = True) -> QCheckBox:
        """A quick filter that is on or off, e.g. "Ending within 30 days"."""
        box = QCheckBox(label, self)
        box.setObjectName(f"filter_{key}")
        box.toggled.connect(lambda on: self.set_filter(key, value if on else None))
        self.filter_bar.addWidget(box)
        return box

    def add_date_range(self, from_key: str = "date_from", to_key: str = "date_to") -> tuple[DateField, DateField]:
        fields = []
        for key, placeholder in ((from_key, self.tr("From dd/mm/yyyy")), (to_key, self.tr("To dd/mm/yyyy"))):
            field = DateField(self)
            field.setObjectName(f"filter_{key}")
            field.setPlaceholderText(placeholder)
            field.setMaximumWidth(130)
            field.editingFinished.connect(lambda f=field, k=key: self._on_date_filter(f, k))
            self.filter_bar.addWidget(field)
            fields.append(field)
        return fields[0], fields[1]

    def set_filter(self, key: str, value: Any) -> None:
        self._filters[key] = value
        self.model.set_filters(self._filters)

    def apply_filters(self, filters: dict[str, Any], words: Callable[[dict[str, Any]], str] | None = None) -> None:
        """Show exactly the rows ``filters`` select: the search is emptied, every quick filter set to
        the value given or to "all", and one query runs. A filter with a widget (``filter_<key>``) shows
        in it; the others are named in the "Filtered: …  ✕" button (``words(those filters)``), which removes
        them. Filters the list's own code set (a fixed ``today``) stay."""
        widgets = self._filter_widgets()
        for key in set(widgets) | self._applied:
            self._filters.pop(key, None)
        unshown: dict[str, Any] = {}
        for key, value in filters.items():
            self._filters[key] = value
            widget = widgets.get(key)
            if widget is None or not self._show_in(widget, value):
                unshown[key] = value
        for key, widget in widgets.items():
            if key not in filters or key in unshown:
                self._show_in(widget, None)
        self._applied = set(unshown)
        describe = words or (lambda given: ", ".join(f"{k}: {v}" for k, v in given.items()))
        self.applied_button.setText(self.tr("Filtered: {0}").replace("{0}", describe(unshown)) + "  ✕")
        self.applied_button.setAccessibleName(self.applied_button.text().removesuffix("  ✕"))
        self.applied_button.setVisible(bool(unshown))
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._debounce.stop()
        self.model.set_search("")
        self.model.set_filters(self._filters)

    def clear_applied(self) -> None:
        """Remove the filters the "Filtered: …" button names."""
        for key in self._applied:
            self._filters.pop(key, None)
        self._applied = set()
        self.applied_button.hide()
        self.model.set_filters(self._filters)

    def filters(self) -> dict[str, Any]:
        return {k: v for k, v in self._filters.items() if v not in (None, "", False)}

    def refresh(self, keep_id: str | None = None) -> None:
        self._keep_id = keep_id or self.current_id()
        self.model.refresh()

    # -- filters shown in widgets ---------------------------------------------------------
    def _filter_widgets(self) -> dict[str, QWidget]:
        """The quick filters of the bar by key (each named ``filter_<key>``)."""
        found = {}
        for i in range(self.filter_bar.count()):
            widget = self.filter_bar.itemAt(i).widget()
            if widget is not None and widget.objectName().startswith("filter_"):
                found[widget.objectName().removeprefix("filter_")] = widget
        return found

    @staticmethod
    def _show_in(widget: QWidget, value: Any) -> bool:
        """Set a filter widget to ``value`` (None: "all") without it querying; False if it cannot show it."""
        widget.blockSignals(True)
        try:
            if isinstance(widget, QComboBox):
                index = 0 if value is None else widget.findData(value)
                if index < 0:
                    widget.setCurrentIndex(0)
                    return False
                widget.setCurrentIndex(index)
            elif isinstance(widget, QCheckBox):
                if value not in (None, False, True):
                    widget.setChecked(False)
                    return False
                widget.setChecked(bool(value))
            elif isinstance(widget, DateField):
                if value is not None and not isinstance(value, dt.date):
                    widget.set_value(None)
                    return False
                widget.set_value(value)
                widget.mark_error(None)
            else:
                return value is None
            return True
        finally:
            widget.blockSignals(False)

    # -- slots ----------------------------------------------------------------------
    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text().strip())

    def _on_date_filter(self, field: DateField, key: str) -> None:
        try:
            value: dt.date | None = field.value()
        except ParseError as exc:
            field.mark_error(str(exc))
            return
        field.mark_error(None)
        self.set_filter(key, value)

    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.sig_open.emit(record_id)

    def _on_delete(self) -> None:
        record_id = self.current_id()
        if record_id:
            self.sig_delete.emit(record_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.sig_current.emit(current.data(ID_ROLE) if current.isValid() else None)

    _keep_id: str | None = None

    def _on_sort_indicator(self, section: int, _order) -> None:
        # A column that cannot be sorted keeps the arrow where the list really is sorted.
        if 0 <= section < len(self.model.columns) and not self.model.columns[section].sortable:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self._sort_section(), Qt.SortOrder.DescendingOrder
                                    if self.model.query.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def _on_reset(self) -> None:
        self.error_label.hide()
        self.count_label.setText(self.tr("Counting…") if self.model.rowCount() else self.tr("Nothing found"))
        row = self.model.row_of_id(self._keep_id) if self._keep_id else None
        self._keep_id = None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_count(self, n: int) -> None:
        if n == 0:
            text = self.tr("Nothing found")
        elif n == 1:
            text = self.tr("1 {thing}").replace("{thing}", self.noun_singular) if self.noun_singular \
                else self.tr("1 found")
        else:
            text = self.tr("{n} {things}").replace("{n}", format_decimal(n, 0)).replace("{things}", self.noun_plural)
        self.count_label.setText(text)

    def _on_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _sort_section(self) -> int:
        keys = [c.key for c in self.model.columns]
        return keys.index(self.model.query.sort) if self.model.query.sort in keys else -1

    # -- remembered layout ------------------------------------------------------------
    def _restore_header(self) -> None:
        state = settings().value(f"lists/{self.name}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
            # The saved sort indicator must not silently differ from the query's.
            header = self.table.horizontalHeader()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_header(self) -> None:
        settings().setValue(f"lists/{self.name}/header", self.table.horizontalHeader().saveState())
