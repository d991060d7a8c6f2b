"""The "Who is away" inner tab: one month, a row per person away some day of it, a column per day.

Cells take the colour of the kind of leave; requested (not yet approved)
leave is lighter and hatched. Weekends and company holidays are shaded for
everyone, so a clerk sees at a glance which days count. The month is read
again each time the tab is shown (a request approved elsewhere shows at once).
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate,
    QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.domain.enums import LeaveKind, LeaveStatus
from app.services import departments, leave
from app.services.leave import Absence, HolidayView
from app.services.listing import ListQuery
from ui.common import theme
from ui.common.formatting import format_date
from ui.common.fields import find_data
from ui.employees.leave_common import kind_label, status_label

OFF_DAY = "off_day_bg"  # weekends and holidays (a theme colour)
REQUESTED_ROLE = Qt.ItemDataRole.UserRole + 10  # True on a requested (not yet approved) day: the delegate hatches it
ABSENCE_ROLE = Qt.ItemDataRole.UserRole + 11  # the Absence a cell shows, or None
MAX_DEPARTMENTS = 1000


def kind_colour(kind: LeaveKind | str | None) -> QColor:
    """The colour of a kind of leave in the theme on show (``leave_vacation`` ...)."""
    name = f"leave_{kind}"
    return theme.colour(name if name in theme.COLOURS else "leave_other")


def lighter(colour: QColor) -> QColor:
    """The faint tone of a kind's colour, for requested leave: pale on a light theme, dim on a dark one."""
    return QColor.fromHsl(colour.hslHue(), colour.hslSaturation(), 48 if theme.is_dark() else 215)


def hatch_colour(colour: QColor) -> QColor:
    """The hatching over a requested day: the kind's colour, brighter on a dark theme to show on the dim tone."""
    return QColor.fromHsl(colour.hslHue(), colour.hslSaturation(), 150) if theme.is_dark() else colour


@dataclass(frozen=True)
class _Row:
    employee_id: uuid.UUID
    label: str  # "E00003 Ana García"
    department: str
    days: dict[int, Absence]  # day of month -> the absence on it


class AbsenceCalendarModel(QAbstractTableModel):
    """Rows: people away some day of the month; columns: days 1..28–31."""

    def __init__(self, parent=None):
        super().__init__(parent)
        today = dt.date.today()
        self.year, self.month = today.year, today.month
        self._rows: list[_Row] = []
        self._holidays: dict[int, str] = {}  # day of month -> name

    # -- public API ------------------------------------------------------------------------
    def set_month(self, year: int, month: int, absences: list[Absence], holidays: list[HolidayView]) -> None:
        """Show ``absences`` (those overlapping the month) and the month's ``holidays``."""
        self.beginResetModel()
        self.year, self.month = year, month
        first, last = self.first_day(), self.last_day()
        rows: dict[uuid.UUID, _Row] = {}
        for a in absences:
            row = rows.get(a.employee_id)
            if row is None:
                row = rows[a.employee_id] = _Row(a.employee_id, f"{a.code} {a.name}", a.department, {})
            day = max(a.start, first)
            while day <= min(a.end, last):
                # Approved leave wins over a requested one on the same day (they never overlap, but be sure).
                if day.day not in row.days or a.status == LeaveStatus.APPROVED:
                    row.days[day.day] = a
                day += dt.timedelta(days=1)
        self._rows = [r for r in rows.values() if r.days]
        self._holidays = {h.date.day: h.name for h in holidays if (h.date.year, h.date.month) == (year, month)}
        self.endResetModel()

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def date_of(self, column: int) -> dt.date:
        return dt.date(self.year, self.month, column + 1)

    def is_off(self, column: int) -> bool:
        """A weekend or a company holiday: no working day, shaded."""
        return self.date_of(column).weekday() >= 5 or column + 1 in self._holidays

    def employee_at(self, row: int) -> uuid.UUID | None:
        return self._rows[row].employee_id if 0 <= row < len(self._rows) else None

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else calendar.monthrange(self.year, self.month)[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < self.columnCount()):
            return None
        row, day = self._rows[index.row()], index.column() + 1
        absence = row.days.get(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, day, absence)
        if role == ABSENCE_ROLE:
            return absence
        # A weekend or holiday inside a leave costs no day of it: shaded like everyone's, not coloured.
        taken = absence if absence is not None and not self.is_off(index.column()) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return "½" if taken is not None and taken.half_day else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            if taken is not None:
                colour = kind_colour(taken.kind)
                return QBrush(colour if taken.status == LeaveStatus.APPROVED else lighter(colour))
            return theme.brush(OFF_DAY) if self.is_off(index.column()) else None
        if role == REQUESTED_ROLE:
            return taken is not None and taken.status == LeaveStatus.REQUESTED
        return None

    def _tooltip(self, row: _Row, day: int, absence: Absence | None) -> str:
        lines = [f"{row.label} · {format_date(dt.date(self.year, self.month, day))}"]
        if absence is not None:
            what = f"{kind_label(absence.kind)} · {status_label(absence.status)}"
            if absence.half_day:
                what += " · " + self.tr("half day")
            lines.append(what)
            lines.append(self.tr("{0} to {1}").replace("{0}", format_date(absence.start))
                         .replace("{1}", format_date(absence.end)))
        if day in self._holidays:
            lines.append(self.tr("Holiday: {0}").replace("{0}", self._holidays[day]))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            date = self.date_of(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{weekday_letter(date.weekday())}\n{date.day}"
            if role == Qt.ItemDataRole.ToolTipRole:
                name = self._holidays.get(date.day)
                return format_date(date) + (f" · {name}" if name else "")
            return None
        if not 0 <= section < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[section].label
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[section].department or None
        return None


def weekday_letter(weekday: int) -> str:
    """"Mo" in English (one letter would not tell Tuesday from Thursday), "L" in Spanish (lunes;
    miércoles is "X"): the locale's narrow day name where it tells the days apart."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return locale.standaloneDayName(weekday + 1, QLocale.FormatType.ShortFormat)[:2]
    return locale.standaloneDayName(weekday + 1, QLocale.FormatType.NarrowFormat)


class HatchDelegate(QStyledItemDelegate):
    """Paints the cell as usual, then hatches a requested day so it reads as "not decided yet"."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if not index.data(REQUESTED_ROLE):
            return
        absence = index.data(ABSENCE_ROLE)
        colour = kind_colour(absence.kind if absence else None)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setClipRect(option.rect)
        painter.setPen(QPen(hatch_colour(colour), 1))
        draw_hatch(painter, option.rect)
        painter.restore()


def draw_hatch(painter: QPainter, rect: QRect, step: int = 5) -> None:
    for x in range(rect.left() - rect.height(), rect.right() + 1, step):
        painter.drawLine(x, rect.bottom(), x + rect.height(), rect.top())


class LegendSwatch(QWidget):
    """A small square of a colour, hatched for "requested"; ``colour`` tells the theme's colour now."""

    def __init__(self, colour: Callable[[], QColor], hatched: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.colour, self.hatched = colour, hatched
        self.setFixedSize(14, 14)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = self.rect().adjusted(0, 0, -1, -1)
        colour = self.colour()
        painter.fillRect(rect, lighter(colour) if self.hatched else colour)
        if self.hatched:
            painter.setClipRect(rect)
            painter.setPen(QPen(hatch_colour(colour), 1))
            draw_hatch(painter, rect, 4)
            painter.setClipping(False)
        painter.setPen(QPen(theme.colour("swatch_border"), 1))
        painter.drawRect(rect)


class AwayCalendar(QWidget):
    """The tab: month back/forward, a department filter, the grid and its legend."""

    sig_status = Signal(str)
    sig_open_employee = Signal(str)  # double-click on a person: their file in the Staff tab

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self._fixed_today = today
        self.model = AbsenceCalendarModel(self)
        start = self.today()
        self.model.year, self.model.month = start.year, start.month

        self.previous_button = QPushButton("◀", self)
        self.previous_button.setObjectName("calendar_previous")
        self.previous_button.setToolTip(self.tr("Previous month (Alt+Left)"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button = QPushButton("▶", self)
        self.next_button.setObjectName("calendar_next")
        self.next_button.setToolTip(self.tr("Next month (Alt+Right)"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        self.today_button = QPushButton(self.tr("&This month"), self)
        self.today_button.setObjectName("calendar_today")
        self.month_label = QLabel(self)
        self.month_label.setObjectName("calendar_month")
        self.month_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.month_label.setMinimumWidth(160)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.department_filter = QComboBox(self)
        self.department_filter.setObjectName("calendar_department")
        self.department_filter.addItem(self.tr("All departments"), None)
        self.department_filter.setMinimumWidth(180)
        self.department_filter.setAccessibleName(self.tr("Department"))
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.month_label)
        top.addWidget(self.next_button)
        top.addWidget(self.today_button)
        top.addStretch(1)
        department_caption = QLabel(self.tr("De&partment"), self)
        department_caption.setBuddy(self.department_filter)
        top.addWidget(department_caption)
        top.addWidget(self.department_filter)

        self.table = QTableView(self)
        self.table.setObjectName("away_calendar")
        self.table.setAccessibleName(self.tr("Who is away"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(HatchDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setShowGrid(True)
        theme.style(self.table, "QTableView { gridline-color: $grid_line; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(30)
        header.setMinimumSectionSize(24)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setMinimumWidth(220)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("calendar_empty")
        theme.style(self.empty_label, "color: $muted_text;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._legend())

        self.previous_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.today_button.clicked.connect(self.show_this_month)
        self.department_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.verticalHeader().sectionDoubleClicked.connect(self._on_person_activated)
        self.table.doubleClicked.connect(lambda index: self._on_person_activated(index.row()))
        self._show_month_label()

    def _legend(self) -> QVBoxLayout:
        # Two lines: the kinds, then what shading and marks mean (one line would widen the window).
        kinds, marks = QHBoxLayout(), QHBoxLayout()
        for kind in LeaveKind:
            self._legend_item(kinds, LegendSwatch(lambda kind=kind: kind_colour(kind), parent=self), kind_label(kind))
        self._legend_item(marks, LegendSwatch(lambda: kind_colour(LeaveKind.VACATION), hatched=True, parent=self),
                          self.tr("Requested, not yet approved"))
        self._legend_item(marks, LegendSwatch(lambda: theme.colour(OFF_DAY), parent=self), self.tr("Weekend or holiday"))
        self._legend_item(marks, None, self.tr("½ half day"))
        legend = QVBoxLayout()
        legend.setSpacing(2)
        for row in (kinds, marks):
            row.setSpacing(6)
            row.addStretch(1)
            legend.addLayout(row)
        return legend

    def _legend_item(self, row: QHBoxLayout, swatch: QWidget | None, text: str) -> None:
        if swatch is not None:
            row.addWidget(swatch)
        row.addWidget(QLabel(text, self))
        row.addSpacing(10)

    # -- what the container calls -------------------------------------------------------
    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def activate(self) -> None:
        self.load_departments()
        self.refresh()

    def action_refresh(self) -> None:
        self.refresh()

    def action_find(self) -> None:
        self.department_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def may_close(self) -> bool:
        return True

    # -- public API ---------------------------------------------------------------------
    def set_month(self, year: int, month: int) -> None:
        self.model.year, self.model.month = year, month
        self.refresh()

    def move_month(self, step: int) -> None:
        index = self.model.year * 12 + self.model.month - 1 + step
        self.set_month(index // 12, index % 12 + 1)

    def show_this_month(self) -> None:
        today = self.today()
        self.set_month(today.year, today.month)

    def load_departments(self) -> None:
        chosen = self.department_filter.currentData()
        rows = departments.list_departments(self.db, ListQuery(limit=MAX_DEPARTMENTS)).rows
        self.department_filter.blockSignals(True)
        while self.department_filter.count() > 1:
            self.department_filter.removeItem(1)
        for r in rows:
            self.department_filter.addItem(r["name"], r["__id"])
        index = find_data(self.department_filter, chosen)
        self.department_filter.setCurrentIndex(max(index, 0))
        self.department_filter.blockSignals(False)

    def refresh(self) -> None:
        """Read the month's absences and holidays (a few rows: on the GUI thread)."""
        first = dt.date(self.model.year, self.model.month, 1)
        last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        try:
            found = leave.absences(self.db, first, last, self.department_filter.currentData())
            holidays = leave.list_holidays(self.db, first.year)
        except Exception as exc:  # the database went away: say so, keep the old month
            self.sig_status.emit(self.tr("Who is away could not be read: {0}").replace("{0}", str(exc)))
            return
        self.model.set_month(first.year, first.month, found, holidays)
        self._show_month_label()
        n = self.model.rowCount()
        self.empty_label.setText(self.tr("Nobody is away this month.") if n == 0 else
                                 self.tr("1 person away this month.") if n == 1 else
                                 self.tr("{0} people away this month.").replace("{0}", str(n)))

    def _show_month_label(self) -> None:
        self.month_label.setText(f"{month_name(self.model.month)} {self.model.year}")

    def _on_person_activated(self, row: int) -> None:
        employee_id = self.model.employee_at(row)
        if employee_id is not None:
            self.sig_open_employee.emit(str(employee_id))


def month_name(month: int) -> str:
    """"December" or "Diciembre": the locale's name, capitalised as a heading."""
    from PySide6.QtCore import QLocale

    name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]
