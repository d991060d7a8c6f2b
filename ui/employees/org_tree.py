"""The Organisation inner tab: departments nested by parent, each with the people working in it.

Read again each time the tab is shown (``activate``), so it always matches
what the Staff and Departments tabs saved. Double-click or Enter on a person
opens them in the Staff tab. Within a department the people come in the
service's order: those who manage someone first (the head), then the rest by
last name.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.db.session import Database
from app.services import departments
from app.services.departments import OrgChart, OrgDepartment, OrgEmployee

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "department", "employee" or "none" (the No department node)
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class OrgTreeTab(QWidget):
    sig_status = Signal(str)
    sig_open_employee = Signal(str)  # employee id, to open in the Staff tab

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self._fixed_today = today
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("org_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Department / person"), self.tr("Code")])
        self.tree.setColumnWidth(0, 460)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Organisation tree"))
        self.summary = QLabel(self)
        self.summary.setObjectName("org_summary")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("org_refresh")
        self.refresh_button.setToolTip(self.tr("Read the departments and staff again (F5)"))
        hint = QLabel(self.tr("Current staff by department. Double-click a person to open their file."), self)
        hint.setWordWrap(True)  # a narrow window wraps it rather than growing
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.refresh_button.clicked.connect(self.refresh)
        # itemActivated: double-click, or Enter, as the platform has it
        self.tree.itemActivated.connect(self._on_activated)

    # -- what the container calls -------------------------------------------------------
    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def activate(self) -> None:
        self.refresh()

    def action_refresh(self) -> None:
        self.refresh()

    def action_find(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_state(self) -> None:
        """Nothing to remember: the tree opens fully expanded."""

    def may_close(self) -> bool:
        return True

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            chart = departments.org_chart(self.db, self.today())
        except Exception as exc:  # the database went away: say so, keep the old tree
            self.sig_status.emit(self.tr("The organisation could not be read: {0}").replace("{0}", str(exc)))
            return
        selected = self._selected_key()
        self.tree.setUpdatesEnabled(False)
        try:
            self._fill(chart)
        finally:
            self.tree.setUpdatesEnabled(True)
        self._select(selected)

    def _fill(self, chart: OrgChart) -> None:
        self.tree.clear()
        by_id = {d.id: d for d in chart.departments}
        items: dict[uuid.UUID, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)

        people: dict[uuid.UUID | None, list[OrgEmployee]] = {}
        for person in chart.employees:  # heads first, then by name: kept as the service gives them
            key = person.department_id if person.department_id in by_id else None
            people.setdefault(key, []).append(person)

        def add_people(holder: QTreeWidgetItem, dept_id: uuid.UUID | None) -> None:
            for person in people.get(dept_id, []):
                text = f"{person.full_name} — {person.position}" if person.position else person.full_name
                child = QTreeWidgetItem([text, person.code])
                child.setData(0, KIND_ROLE, "employee")
                child.setData(0, ID_ROLE, str(person.id))
                if person.reports:
                    text = self.tr("Manages 1 person") if person.reports == 1 else \
                        self.tr("Manages {0} people").replace("{0}", str(person.reports))
                    child.setToolTip(0, text)
                holder.addChild(child)

        def item_for(dept: OrgDepartment, seen: frozenset = frozenset()) -> QTreeWidgetItem:
            if dept.id in items:
                return items[dept.id]
            parent = by_id.get(dept.parent_id) if dept.parent_id is not None else None
            # A parent not listed (archived, nobody in it) or a loop: the department goes to the top.
            holder = item_for(parent, seen | {dept.id}) if parent is not None and parent.id not in seen else None
            name = dept.name if not dept.archived else self.tr("{0} (archived)").replace("{0}", dept.name)
            item = QTreeWidgetItem([name, dept.code])
            item.setData(0, KIND_ROLE, "department")
            item.setData(0, ID_ROLE, str(dept.id))
            item.setFont(0, bold)
            if holder is not None:
                holder.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[dept.id] = item
            add_people(item, dept.id)  # the people first, then the sub-departments as they come
            return item

        for dept in chart.departments:  # by name: siblings come out in order
            item_for(dept)
        if people.get(None):
            nobody = QTreeWidgetItem([self.tr("No department"), ""])
            nobody.setData(0, KIND_ROLE, "none")
            nobody.setFont(0, bold)
            self.tree.addTopLevelItem(nobody)  # last, after the departments
            add_people(nobody, None)
        self.tree.expandAll()
        self.summary.setText(self.tr("{0} departments, {1} people").replace("{0}", str(len(chart.departments)))
                             .replace("{1}", str(len(chart.employees))))

    # -- selection kept across a refresh --------------------------------------------------
    def _selected_key(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def _select(self, key: tuple[str, str] | None) -> None:
        target = self.find_item(*key) if key is not None else None
        if target is None and self.tree.topLevelItemCount():
            target = self.tree.topLevelItem(0)
        if target is not None:
            self.tree.setCurrentItem(target)

    def find_item(self, kind: str, record_id: str | None) -> QTreeWidgetItem | None:
        """The item of a department or person (by id), or the No department node."""
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == record_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND_ROLE) == "employee":
            self.sig_open_employee.emit(item.data(0, ID_ROLE))
