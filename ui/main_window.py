"""The clerk's main window: one tab per area, menus with every action and its shortcut."""

from __future__ import annotations

import getpass
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app import __version__
from app.db.session import Database
from ui.common.icons import action_icon, icon
from ui.common.settings import forget as forget_settings
from ui.common.settings import settings


def _tabs() -> list[tuple[str, Callable[[], str], type]]:
    # Imported here so that a test can build one tab without the others.
    from ui.contracts.tab import ContractsTab
    from ui.dashboard.tab import DashboardTab
    from ui.employees.tab import EmployeesTab
    from ui.inventory.tab import InventoryTab
    from ui.invoices.tab import InvoicesTab
    from ui.parties.tab import PartiesTab

    tr = lambda text: QApplication.translate("", text)  # noqa: E731  (lupdate gives a bare tr() no context)
    return [
        # No mnemonic: Alt+D is the invoice form's "Issue date" and other fields' (a tab's would steal it).
        ("dashboard", lambda: tr("Dashboard"), DashboardTab),
        ("invoices", lambda: tr("&Invoices"), InvoicesTab),
        ("contracts", lambda: tr("&Contracts"), ContractsTab),
        ("inventory", lambda: tr("In&ventory"), InventoryTab),
        ("employees", lambda: tr("&Employees"), EmployeesTab),
        ("parties", lambda: tr("Customers && &suppliers"), PartiesTab),
    ]


TAB_KEYS = ("dashboard", "invoices", "contracts", "inventory", "employees", "parties")


class MainWindow(QMainWindow):
    profile_name: str | None = None  # the connection profile shown (ui.app sets it); None for a --db

    def __init__(self, database: Database, where: str, *, connection: str | None = None, remember: bool = True,
                 tab: str | None = None):
        super().__init__()
        start_tab = tab
        self.remember = remember  # False for screenshots: a fixed layout, nothing read or saved
        if not remember:
            forget_settings()
        self.database = database
        self.setWindowTitle(f"Trastienda {__version__}")
        # The tabs under an optional banner (``add_banner``: working offline, conflicts to review).
        central = QWidget(self)
        self._central = QVBoxLayout(central)
        self._central.setContentsMargins(0, 0, 0, 0)
        self._central.setSpacing(0)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self._central.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.tab_by_key: dict[str, QWidget] = {}
        for key, title, cls in _tabs():
            tab = cls(database, self.tabs)
            tab.setObjectName(f"tab_{key}")
            tab.sig_status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.tabs.addTab(tab, icon(key), title())
            self.tab_by_key[key] = tab
        self._add_reorder_badge()
        self._add_contracts_badge()
        self._add_employees_badge()
        self._connect_dashboard()

        user = database.user or getpass.getuser()
        local = database.dialect == "sqlite"
        self.where = where
        self.db_label = QLabel(self.tr("Database: {0}").replace("{0}", where), self)
        self.user_label = QLabel(self.tr("User: {0}").replace("{0}", user), self)
        self.connection_label = QLabel(connection or (self.tr("Local file") if local else self.tr("Connected")), self)
        self.connection_label.setObjectName("connection")
        for label in (self.db_label, self.user_label, self.connection_label):
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        if remember:
            self._restore()
        else:
            self.resize(1280, 800)
        if start_tab is not None:  # asked for (screenshots): no other tab reads its list first
            self.tabs.setCurrentWidget(self.tab_by_key[start_tab])
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed(self.tabs.currentIndex())

    # -- menus ----------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(action_icon(name), text, self)  # resources/icons/actions/<name>.svg, if there is one
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work whichever widget has the focus
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New"), lambda: self._dispatch("action_new"),
                     QKeySequence.StandardKey.New, "new")
        self._action(file_menu, self.tr("&Save"), lambda: self._dispatch("action_save"),
                     QKeySequence.StandardKey.Save, "save")
        self._action(file_menu, self.tr("&Close form"), lambda: self._dispatch("action_close"),
                     Qt.Key.Key_Escape, "close")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Pre&view…"), lambda: self._dispatch("action_preview"), None, "preview")
        self._action(file_menu, self.tr("&Print…"), lambda: self._dispatch("action_print"),
                     QKeySequence.StandardKey.Print, "print")
        self._action(file_menu, self.tr("E&xport list…"), self._export, "Ctrl+E", "export")
        self._action(file_menu, self.tr("Rep&orts…"), self._reports, "Ctrl+R", "reports")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Compan&y details…"), self._company, None, "company")
        self._action(file_menu, self.tr("Invoice s&eries…"), self._series, None, "series")
        from ui.backup_dialog import add_backup_actions

        self.backup_actions = add_backup_actions(self, file_menu)  # hidden on a shared server
        file_menu.addSeparator()
        self.switch_profile_action = self._action(file_menu, self.tr("Switch &profile…"), self._switch_profile, None,
                                                  "switch_profile")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&Find"), lambda: self._dispatch("action_find"),
                     QKeySequence.StandardKey.Find, "find")
        self._action(edit_menu, self.tr("&Archive…"), lambda: self._dispatch("action_archive"),
                     Qt.Key.Key_Delete, "archive")

        view_menu = bar.addMenu(self.tr("&View"))
        self._action(view_menu, self.tr("&Refresh"), lambda: self._dispatch("action_refresh"),
                     # F5, not StandardKey.Refresh: that is Ctrl+R on GNOME and Cmd+R on macOS, the
                     # Reports shortcut, and a shortcut claimed twice does nothing at all.
                     Qt.Key.Key_F5, "refresh")
        view_menu.addSeparator()
        for i, (key, title, _cls) in enumerate(_tabs()):
            self._action(view_menu, title().replace("&&", "\0").replace("&", "").replace("\0", "&&"),
                         lambda _c=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}", f"show_{key}")

        view_menu.addSeparator()
        from ui.i18n import add_language_menu

        self.language_menu = add_language_menu(self, view_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Trastienda"), self._about, None, "about")

    def _dispatch(self, name: str) -> None:
        target = self.current_tab()
        inner = getattr(target, "current_record_tab", None)
        if inner is not None:
            target = inner()
        method = getattr(target, name, None)
        if method is not None:
            method()

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()

    def show_tab(self, key: str) -> QWidget:
        tab = self.tab_by_key[key]
        self.tabs.setCurrentWidget(tab)
        return tab

    def show_target(self, target) -> QWidget:
        """Show the list behind a dashboard figure (an ``app.reports.dashboard.Target``) with its
        filters, in the inner list it names; returns the widget holding that list."""
        from ui.dashboard.targets import show_target

        return show_target(self, target)

    def _connect_dashboard(self) -> None:
        """A figure opens its list; a tab that changed data has the figures read again."""
        dashboard = self.tab_by_key.get("dashboard")
        if dashboard is None:
            return
        dashboard.sig_open.connect(self.show_target)
        for tab in self.tab_by_key.values():
            changed = getattr(tab, "sig_changed", None)
            if tab is not dashboard and changed is not None:
                changed.connect(dashboard.mark_stale)

    def _on_tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab is not None:
            tab.activate()
        if self.reorder_badge is not None and tab is self.reorder_badge.page and self.reorder_badge.count is not None:
            self.reorder_badge.refresh()  # stock may have moved from another tab meanwhile (a posted invoice)
        badge = getattr(self, "employees_badge", None)
        if badge is not None and tab is badge.page and badge.count is not None:
            badge.refresh()  # someone else may have asked for leave, a document may have come closer to expiry

    def _add_reorder_badge(self) -> None:
        """"Inventory (12)": products to reorder, counted again whenever inventory data changes."""
        from ui.inventory.badge import ReorderBadge

        self.reorder_badge: ReorderBadge | None = None
        inventory = self.tab_by_key.get("inventory")
        if inventory is None:  # a window built with some tabs only (tests)
            return
        title = self.tabs.tabText(self.tabs.indexOf(inventory))
        self.reorder_badge = ReorderBadge(self.database, self.tabs, inventory, title)
        inventory.sig_changed.connect(self.reorder_badge.refresh)
        self.reorder_badge.refresh()

    def _add_contracts_badge(self) -> None:
        """"Contracts (4)": contracts needing attention. First the statuses are brought up to date
        (renewals and endings since the app last ran) off the GUI thread, then the list and the badge."""
        from app.services import contract_lifecycle as life
        from ui.common.count_badge import CountBadge
        from ui.common.worker import run_in_background

        self.contracts_badge: CountBadge | None = None
        page = self.tab_by_key.get("contracts")
        if page is None:
            return
        title = self.tabs.tabText(self.tabs.indexOf(page))
        self.contracts_badge = CountBadge(
            self.tabs, page, title, lambda: life.count_alerts(self.database, page.today()),
            lambda n: self.tr("{0} contracts need attention").replace("{0}", str(n)))
        page.sig_changed.connect(self.contracts_badge.refresh)

        def refreshed(changes) -> None:
            if changes:
                self.statusBar().showMessage(self.tr("{0} contracts renewed or ended since last time.")
                                             .replace("{0}", str(len(changes))), 8000)
                if page.list._started:  # a list not shown yet reads the new statuses when first shown
                    page.list.refresh()
            self.contracts_badge.refresh()

        run_in_background(lambda: life.refresh_statuses(self.database, page.today()), refreshed,
                          lambda _exc: self.contracts_badge.refresh(), owner=self)

    def _add_employees_badge(self) -> None:
        """"Employees (3)": leave requests this login may decide, plus (for HR) documents expiring soon."""
        from app.services import access, employee_documents, leave
        from ui.common.count_badge import CountBadge

        self.employees_badge: CountBadge | None = None
        page = self.tab_by_key.get("employees")
        if page is None:
            return
        parts = {"leave": 0, "documents": 0}

        def count() -> int:  # on a worker thread: no widgets here
            parts["leave"] = leave.pending_approvals(self.database)
            hr = access.has_role(self.database, access.HR)
            parts["documents"] = employee_documents.count_expiring(self.database, page.today()) if hr else 0
            return parts["leave"] + parts["documents"]

        def tooltip(_n: int) -> str:
            return (self.tr("{0} leave requests to decide, {1} documents expiring soon")
                    .replace("{0}", str(parts["leave"])).replace("{1}", str(parts["documents"])))

        title = self.tabs.tabText(self.tabs.indexOf(page))
        self.employees_badge = CountBadge(self.tabs, page, title, count, tooltip)
        page.sig_changed.connect(self.employees_badge.refresh)
        self.employees_badge.refresh()

    def _reports(self) -> None:
        from ui.reports.dialog import open_reports

        open_reports(self, self.database)

    def _company(self) -> None:
        from ui.company_dialog import CompanyDialog

        CompanyDialog(self.database, self).exec()

    def _export(self) -> None:
        from ui.common.export import export_tab

        export_tab(self, self.database, self.current_tab(), lambda text: self.statusBar().showMessage(text, 8000))

    def _series(self) -> None:
        from ui.series_dialog import SeriesDialog

        SeriesDialog(self.database, self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Trastienda"),
                          self.tr("Trastienda {0}\nContracts, invoices, inventory and employees.")
                          .replace("{0}", __version__))

    def _switch_profile(self) -> None:
        from ui.app import switch_profile

        switch_profile(self)

    def set_connection_state(self, text: str) -> None:
        self.connection_label.setText(text)

    def add_banner(self, banner: QWidget) -> None:
        """Put ``banner`` above the tabs (``ui.sync`` shows working offline there)."""
        self._central.insertWidget(0, banner)

    def add_file_action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        """An action in the File menu, before "Switch profile…" (``ui.sync``'s "Sync now")."""
        action = self._action(self.file_menu, text, slot, shortcut, name)
        self.file_menu.removeAction(action)
        self.file_menu.insertAction(self.switch_profile_action, action)
        return action

    def refresh_lists(self) -> None:
        """Read again every list already shown and the badges: the data behind them changed side
        (the server and this computer's copy) or was synced. Lists not shown yet read it when shown."""
        from ui.common.list_panel import ListPanel

        for panel in self.findChildren(ListPanel):
            if panel._started:
                panel.refresh()
        for badge in (self.reorder_badge, self.contracts_badge, self.employees_badge):
            if badge is not None:
                badge.refresh()
        dashboard = self.tab_by_key.get("dashboard")
        if dashboard is not None:
            dashboard.mark_stale()

    # -- remembered between runs ------------------------------------------------------------
    def _restore(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = s.value("window/tab")
        if last in self.tab_by_key:
            self.tabs.setCurrentWidget(self.tab_by_key[last])

    def busy(self) -> bool:
        """Whether the visible list still has a query in flight (screenshots, benchmarks wait on it)."""
        tab = self.current_tab()
        if getattr(tab, "busy", False) is True:  # the dashboard reading its figures
            return True
        inner = getattr(tab, "current_record_tab", None)
        tab = inner() if inner is not None else tab
        model = getattr(tab, "model", None)
        # The badge counts only while its first count is awaited on the Inventory tab: later counts
        # keep the old badge on show, and a clerk on another tab waits for nothing.
        badge = self.reorder_badge
        first_count = badge is not None and badge.count is None and badge.busy and self.current_tab() is badge.page
        return bool(getattr(model, "busy", False)) or first_count  # the absence calendar has no query

    def save_state(self) -> None:
        if not self.remember:
            return
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        key = next((k for k, t in self.tab_by_key.items() if t is self.tabs.currentWidget()), None)
        s.setValue("window/tab", key)
        for tab in self.tab_by_key.values():
            tab.save_state() if hasattr(tab, "save_state") else None
        s.sync()

    def may_close(self) -> bool:
        """Whether every tab may be left: each asks about its unsaved edits (switching profile, quitting)."""
        for tab in self.tab_by_key.values():
            may_leave = getattr(tab, "may_close", None)
            if may_leave is not None and not may_leave():
                return False
        return True

    def closeEvent(self, event) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
