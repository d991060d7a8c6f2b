"""The Employees tab: staff, departments and the organisation tree as inner tabs.

The window's menu actions go to the inner tab on show (``current_record_tab``).
Another part of the app adds its own inner tab with ``add_inner_tab`` (leave).
When an inner tab changes data the others show (a department renamed, a person
moved), those are read again the next time the clerk looks at them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.db.session import Database
from ui.common.settings import settings
from ui.employees.departments import DepartmentsTab
from ui.employees.org_tree import OrgTreeTab
from ui.employees.staff import StaffTab


class EmployeesTab(QWidget):
    sig_status = Signal(str)
    sig_changed = Signal()  # an inner tab changed employees or departments (a badge may count again)

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self._fixed_today = today
        self.staff = StaffTab(db, self, today=today)
        self.staff.setObjectName("employees_staff")
        self.departments = DepartmentsTab(db, self)
        self.departments.setObjectName("employees_departments")
        self.org = OrgTreeTab(db, self, today=today)
        self.org.setObjectName("employees_org")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("employees_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._active = False
        self._stale: set[QWidget] = set()
        self._inner: list[QWidget] = []
        self.add_inner_tab(self.staff, self.tr("&Staff"))
        self.add_inner_tab(self.departments, self.tr("&Departments"))
        self.add_inner_tab(self.org, self.tr("&Organisation"))
        self.org.sig_open_employee.connect(self.open_employee)
        self._add_leave_tabs(db, today)
        last = settings().value("employees/tab")
        if isinstance(last, str) and last.isdigit() and int(last) < self.tabs.count():
            self.tabs.setCurrentIndex(int(last))
        self.tabs.currentChanged.connect(self._on_current_changed)

    # -- building -------------------------------------------------------------------------
    def add_inner_tab(self, widget: QWidget, label: str) -> int:
        """Add an inner tab after the others; returns its index.

        The widget may have ``activate()`` (called each time it is shown),
        ``sig_status(str)``, ``sig_changed()`` (the other tabs read again when next
        shown), ``reload_after_change()`` (called when shown after such a change),
        ``save_state()``, and ``may_close()`` or ``editor``/``dirty`` as a RecordTab.
        """
        self._inner.append(widget)
        index = self.tabs.addTab(widget, label)
        status = getattr(widget, "sig_status", None)
        if status is not None:
            status.connect(self.sig_status)
        changed = getattr(widget, "sig_changed", None)
        if changed is not None:
            changed.connect(lambda w=widget: self._on_changed(w))
        if widget is not self.tabs.currentWidget() or not self._active:
            return index
        self._activate_current()
        return index

    def _add_leave_tabs(self, db: Database, today: dt.date | None) -> None:
        """Leave requests and the calendar of who is away (ui/employees/leave_tab.py, calendar.py)."""
        from ui.employees.calendar import AwayCalendar
        from ui.employees.leave_tab import LeaveTab

        self.leave = LeaveTab(db, self, today=today)
        self.leave.setObjectName("employees_leave")
        self.away = AwayCalendar(db, self, today=today)
        self.away.setObjectName("employees_away")
        self.add_inner_tab(self.leave, self.tr("&Leave"))
        self.add_inner_tab(self.away, self.tr("Who is &away"))
        self.leave.sig_open_employee.connect(self.open_employee)
        self.away.sig_open_employee.connect(self.open_employee)

    def inner_tabs(self) -> list[QWidget]:
        return list(self._inner)

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- what the main window calls --------------------------------------------------------
    def current_record_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def activate(self) -> None:
        self._active = True
        self._activate_current()

    def save_state(self) -> None:
        for tab in self._inner:
            save = getattr(tab, "save_state", None)
            if save is not None:
                save()
        settings().setValue("employees/tab", str(self.tabs.currentIndex()))

    def may_close(self) -> bool:
        # Show each form with unsaved changes before asking about it. isHidden, not
        # isVisible: the form of an inner tab not on show is open all the same.
        for tab in self._inner:
            editor = getattr(tab, "editor", None)
            if editor is not None and (editor.isHidden() or not getattr(tab, "dirty", False)):
                continue
            may_close = getattr(tab, "may_close", None)
            if may_close is None:
                continue
            if editor is not None:
                self.tabs.setCurrentWidget(tab)
            if not may_close():
                return False
        return True

    def open_employee(self, employee_id: str) -> None:
        """Show the Staff tab with this person's file open."""
        self.tabs.setCurrentWidget(self.staff)
        self.staff.open_record(employee_id)

    # The same actions, for a caller that does not use current_record_tab().
    def _call(self, name: str):
        method = getattr(self.current_record_tab(), name, None)
        return method() if method is not None else None

    def action_new(self) -> None:
        self._call("action_new")

    def action_save(self) -> bool:
        return bool(self._call("action_save"))

    def action_close(self) -> None:
        self._call("action_close")

    def action_find(self) -> None:
        self._call("action_find")

    def action_archive(self) -> None:
        self._call("action_archive")

    def action_refresh(self) -> None:
        self._call("action_refresh")

    # -- slots -----------------------------------------------------------------------------
    def _activate_current(self) -> None:
        tab = self.current_record_tab()
        activate = getattr(tab, "activate", None)
        if activate is not None:
            activate()
        if tab in self._stale:
            self._stale.discard(tab)
            reload = getattr(tab, "reload_after_change", None)
            if reload is not None:
                reload()

    def _on_current_changed(self, _index: int) -> None:
        if self._active:
            self._activate_current()

    def _on_changed(self, source: QWidget) -> None:
        self._stale.update(t for t in self._inner if t is not source)
        self.sig_changed.emit()
