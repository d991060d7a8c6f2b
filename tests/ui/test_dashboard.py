"""The Dashboard tab: its figures are the lists they open, read off the GUI thread, never a crash.

A demo database (made once per module through the demo generator, copied per
test) with a product at its reorder point and an approved week of leave, so
every tile has something to count.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from decimal import Decimal

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QMessageBox
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app.db.engine import make_engine
from app.db.session import Database
from app.demo import generate_demo
from app.domain.employees import Employee
from app.domain.enums import LeaveStatus
from app.reports.dashboard import Target, dashboard
from app.services import leave
from app.services.contracts import count_contracts
from app.services.invoices import count_invoices
from app.services.leave import LeaveRequestData
from app.services.listing import ListQuery
from app.services.products import count_products, list_products, list_warehouses
from app.services.setup import ensure_reference_data
from app.services.stock_rules import StockRuleData, set_stock_rule
from tests.ui.conftest import wait_idle
from ui.common.formatting import format_date
from ui.dashboard import tab as dashboard_tab
from ui.dashboard.tab import DashboardTab
from ui.dashboard.charts import short, unique
from ui.dashboard.tiles import format_value
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def demo_file(sqlite_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("dashboard") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(make_engine(path), user="tester")
    ensure_reference_data(db)
    generate_demo(db, customers=30, products=40, invoices=400, contracts=20, employees=12)
    # A product at its reorder point in some warehouse, and a week of approved leave: no tile counts nothing.
    product = list_products(db, ListQuery(sort="sku", limit=1)).rows[0]
    warehouse = list_warehouses(db, ListQuery(limit=1)).rows[0]
    set_stock_rule(db, StockRuleData(uuid.UUID(str(product["__id"])), uuid.UUID(str(warehouse["__id"])),
                                     reorder_point=Decimal(1_000_000)))
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    with db.session() as s:
        people = s.execute(select(Employee.id).where(Employee.end_date.is_(None)).order_by(Employee.code)).scalars()
        person = next(iter(people))
    asked = leave.create_leave_request(db, LeaveRequestData(person, "vacation", monday, monday + dt.timedelta(days=4)),
                                       confirm=True)
    leave.set_leave_status(db, asked.id, LeaveStatus.APPROVED, asked.version, confirm=True)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(demo_file, path)
    db = Database(make_engine(path), user="tester")
    yield db
    db.dispose()


def make_window(qtbot, db) -> MainWindow:
    window = MainWindow(db, "/tmp/shop.sqlite3", remember=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    return window


def board(window) -> DashboardTab:
    return window.tab_by_key["dashboard"]


def open_list(qtbot, window, key: str):
    """Click a tile; the list it opens, once read and counted."""
    qtbot.mouseClick(board(window).tiles[key], Qt.MouseButton.LeftButton)
    tab = window.current_tab()
    owner = tab.current_record_tab() if hasattr(tab, "current_record_tab") else tab
    wait_idle(qtbot, owner.model)
    qtbot.waitUntil(lambda: owner.model.total is not None, timeout=10_000)
    return owner


def test_the_dashboard_is_the_first_tab_and_its_tiles_show_the_figures(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    assert window.tabs.currentIndex() == 0 and window.current_tab() is board(window)
    figures = dashboard(demo_db)
    tab = board(window)
    assert tab.data is not None and not tab.error_label.isVisible()
    assert [k.key for k in tab.data.kpis] == [k.key for k in figures.kpis]
    for kpi in figures.kpis:
        tile = tab.tiles[kpi.key]
        assert tile.title_label.text() == kpi.title
        assert tile.value_label.text() == format_value(kpi.value, kpi.kind)
        assert tile.detail_label.text() == kpi.detail
        assert tile.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert tile.toolTip().startswith("Opens ")
    assert all(figures.kpi(k).value for k in ("revenue_year", "receivables", "overdue", "drafts", "reorder",
                                              "stock_value", "away"))  # the data behind the tests below
    assert format_value(Decimal("1234.5"), "money") == "1,234.50 €"  # the offscreen desk's locale
    assert tab.as_of.text().startswith(f"Figures of {format_date(figures.today)} at ")


def test_the_overdue_tile_opens_the_overdue_invoices_with_the_status_filter_showing_it(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    overdue = board(window).data.kpi("overdue")
    invoices = open_list(qtbot, window, "overdue")
    assert window.current_tab() is window.tab_by_key["invoices"] is invoices
    expected = count_invoices(demo_db, ListQuery(filters={"state": "overdue"}))
    assert invoices.model.total == expected > 0
    assert overdue.detail.startswith(f"{expected} invoices")
    combo = invoices.list.findChild(QComboBox, "filter_state")
    assert combo.currentData() == "overdue" and combo.currentText() == "Overdue"
    assert not invoices.list.applied_button.isVisible()  # the combo shows it all
    # The clerk picks another status: the list follows the combo as always.
    combo.setCurrentIndex(combo.findData("paid"))
    wait_idle(qtbot, invoices.model)
    assert invoices.model.query.filters == {"state": "paid"}


def test_a_sales_tile_opens_posted_invoices_of_its_period_and_the_indicator_removes_what_no_widget_shows(
        qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    target = board(window).data.kpi("revenue_year").target
    invoices = open_list(qtbot, window, "revenue_year")
    assert invoices.model.total == count_invoices(demo_db, ListQuery(filters=target.filters)) > 0
    panel = invoices.list
    assert panel.findChild(type(panel.search), "filter_date_from").text() == format_date(target.filters["date_from"])
    assert panel.findChild(type(panel.search), "filter_date_to").text() == format_date(target.filters["date_to"])
    assert panel.findChild(QComboBox, "filter_state").currentIndex() == 0  # "All statuses"
    assert panel.applied_button.isVisible()
    assert panel.applied_button.text() == "Filtered: posted  ✕"
    qtbot.mouseClick(panel.applied_button, Qt.MouseButton.LeftButton)
    assert not panel.applied_button.isVisible()
    wait_idle(qtbot, invoices.model)
    dates = {k: target.filters[k] for k in ("date_from", "date_to")}
    assert invoices.model.query.filters == dates
    assert invoices.model.total == count_invoices(demo_db, ListQuery(filters=dates))


def test_every_tile_opens_the_list_it_counts(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    data = board(window).data
    counted = {
        "drafts": lambda f: count_invoices(demo_db, ListQuery(filters=f)),
        "reorder": lambda f: count_products(demo_db, ListQuery(filters=f)),
        "contracts_attention": lambda f: count_contracts(demo_db, ListQuery(filters=f)),
        "contracts_to_bill": lambda f: count_contracts(demo_db, ListQuery(filters=f)),
    }
    for key, count in counted.items():
        kpi = data.kpi(key)
        owner = open_list(qtbot, window, key)
        assert owner.model.total == count(kpi.target.filters) == kpi.value > 0, key
        window.show_tab("dashboard")
    # Products to reorder: the Products list of Inventory, its stock level combo on "To reorder".
    products = open_list(qtbot, window, "reorder")
    inventory = window.tab_by_key["inventory"]
    assert window.current_tab() is inventory and inventory.current_record_tab() is inventory.products is products
    assert products.list.findChild(QComboBox, "filter_below_reorder").currentText() == "To reorder"
    # Contracts ending: the "Needs attention" box ticked; to bill: said in words beside it.
    contracts = open_list(qtbot, window, "contracts_attention")
    assert contracts.list.findChild(QCheckBox, "filter_alerts").isChecked()
    assert not contracts.list.applied_button.isVisible()
    contracts = open_list(qtbot, window, "contracts_to_bill")
    assert not contracts.list.findChild(QCheckBox, "filter_alerts").isChecked()
    assert contracts.list.applied_button.text() == \
        f"Filtered: to bill by {format_date(data.kpi('contracts_to_bill').target.filters['to_bill_by'])}  ✕"
    # Invoices not fully paid: what the tile's detail counts; stock value: the warehouses.
    invoices = open_list(qtbot, window, "receivables")
    assert f"{invoices.model.total} invoices" in data.kpi("receivables").detail
    assert invoices.list.applied_button.text() == "Filtered: not fully paid  ✕"
    warehouses = open_list(qtbot, window, "stock_value")
    assert inventory.current_record_tab() is inventory.warehouses is warehouses
    # Away this week: the approved leave of the week in Employees > Leave, status combo on Approved.
    away = data.kpi("away")
    requests = open_list(qtbot, window, "away")
    employees = window.tab_by_key["employees"]
    assert employees.current_record_tab() is employees.leave is requests
    assert requests.model.total == leave.count_leave(demo_db, ListQuery(filters=away.target.filters)) >= away.value
    assert requests.list.findChild(QComboBox, "filter_status").currentData() == "approved"
    first, last = away.target.filters["from"], away.target.filters["to"]
    assert requests.list.applied_button.text() == f"Filtered: {format_date(first)} – {format_date(last)}  ✕"


def test_a_tile_opens_with_enter_or_space_and_the_search_typed_before_is_cleared(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    invoices = window.show_tab("invoices")
    wait_idle(qtbot, invoices.model)
    invoices.list.search.setText("zzz-nothing")
    qtbot.keyClick(invoices.list.search, Qt.Key.Key_Return)
    wait_idle(qtbot, invoices.model)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_tab() is board(window)
    tile = board(window).tiles["drafts"]
    tile.setFocus()
    assert tile.hasFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert window.current_tab() is invoices
    wait_idle(qtbot, invoices.model)
    assert invoices.list.search.text() == "" and invoices.model.query.search == ""
    assert invoices.model.total == board(window).data.kpi("drafts").value
    window.show_tab("dashboard")
    board(window).tiles["reorder"].setFocus()
    qtbot.keyClick(board(window).tiles["reorder"], Qt.Key.Key_Space)
    assert window.current_tab() is window.tab_by_key["inventory"]


def categories(box) -> list[str]:
    axis = next(a for a in box.chart.axes() if isinstance(a, QBarCategoryAxis))
    return axis.categories()


def values(box) -> list[list[float]]:
    (series,) = box.chart.series()
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in series.barSets()]


def test_the_charts_draw_the_figures(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    tab = board(window)
    data = dashboard(demo_db)
    assert len(categories(tab.revenue_chart)) == 12
    assert [s.label() for s in tab.revenue_chart.chart.series()[0].barSets()] == \
        [str(data.today.year - 1), str(data.today.year)]
    assert values(tab.revenue_chart) == [[float(v) for v in data.revenue_last_year],
                                         [float(v) for v in data.revenue_this_year]]
    assert len(values(tab.revenue_chart)[1]) == data.today.month
    assert [c.replace("<br>", " ") for c in categories(tab.aging_chart)] == [t for _b, t, _o in data.aging]
    assert len(data.aging) == 5
    assert isinstance(tab.aging_chart.chart.series()[0], QStackedBarSeries)
    current, late = values(tab.aging_chart)
    assert [a + b for a, b in zip(current, late)] == [float(o) for _b, _t, o in data.aging]
    assert current[1:] == [0.0] * 4 and late[0] == 0.0
    for box, rows in ((tab.customers_chart, data.top_customers), (tab.products_chart, data.top_products),
                      (tab.stock_chart, data.stock_by_warehouse)):
        assert box.showing_chart and rows
        # The largest on top: Qt draws the first category at the bottom.
        assert values(box) == [[float(v) for _n, v in reversed(rows)]]
        assert len(categories(box)) == len(rows)
    names = [label.replace("\u200b", "") for label in categories(tab.products_chart)]
    for label, (name, _v) in zip(reversed(names), data.top_products):
        head, cut, tail = label.partition("…")
        assert label == name if not cut else name.startswith(head) and name.endswith(tail)
    # Money axes read as money at round values, never 1.2e+05.
    labels = [label for a in tab.revenue_chart.chart.axes() if not isinstance(a, QBarCategoryAxis)
              for label in a.categoriesLabels()]
    assert labels[0] == "0 €" and all(label.endswith(" €") and "e+" not in label for label in labels)


def test_an_empty_database_shows_zeros_and_empty_charts(qtbot, sqlite_db):
    window = make_window(qtbot, sqlite_db)
    tab = board(window)
    assert not tab.error_label.isVisible()
    assert tab.tiles["revenue_year"].value_label.text() == "0.00 €"
    assert tab.tiles["drafts"].value_label.text() == "0"
    assert {tile.value_label.text() for tile in tab.tiles.values()} == {"0", "0.00 €"}
    assert values(tab.revenue_chart) == [[0.0] * 12, [0.0] * dt.date.today().month]
    assert sum(sum(v) for v in values(tab.aging_chart)) == 0
    assert not tab.customers_chart.showing_chart
    assert "Nothing sold this year yet." in tab.customers_chart.placeholder.text()
    assert not tab.products_chart.showing_chart and "No products sold" in tab.products_chart.placeholder.text()
    assert tab.stock_chart.showing_chart  # the reference data's warehouse, worth nothing yet


def test_a_database_error_is_one_line_in_the_tab_and_f5_reads_again(qtbot, demo_db, monkeypatch):
    real = dashboard_tab.dashboard

    def broken(db, today=None):
        raise OperationalError("SELECT sum(base_total) FROM invoice", {}, Exception("database is locked"))

    monkeypatch.setattr(dashboard_tab, "dashboard", broken)
    monkeypatch.setattr(QMessageBox, "exec", lambda *_a: pytest.fail("no dialog"))
    window = make_window(qtbot, demo_db)
    tab = board(window)
    assert tab.error_label.isVisible()
    assert tab.error_label.text() == "The figures could not be read: (builtins.Exception) database is locked"
    assert "\n" not in tab.error_label.text()
    assert tab.tiles["overdue"].value_label.text() == "—"
    assert not tab.revenue_chart.showing_chart
    qtbot.mouseClick(tab.tiles["overdue"], Qt.MouseButton.LeftButton)  # nothing to open yet
    assert window.current_tab() is tab
    monkeypatch.setattr(dashboard_tab, "dashboard", real)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: tab.data is not None, timeout=10_000)
    assert not tab.error_label.isVisible() and tab.revenue_chart.showing_chart
    # A failure after figures were shown keeps them, and says so.
    monkeypatch.setattr(dashboard_tab, "dashboard", broken)
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.error_label.isVisible(), timeout=10_000)
    assert tab.tiles["overdue"].value_label.text() == format_value(tab.data.kpi("overdue").value, "money")


def test_figures_are_read_again_when_stale_or_when_another_tab_changed_data(qtbot, demo_db, monkeypatch):
    window = make_window(qtbot, demo_db)
    tab = board(window)
    reads = []
    real = dashboard_tab.dashboard
    monkeypatch.setattr(dashboard_tab, "dashboard", lambda db, today=None: reads.append(1) or real(db, today))
    window.show_tab("invoices")
    window.show_tab("dashboard")
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    assert reads == []  # a minute has not passed
    tab._loaded_at -= 61
    window.show_tab("invoices")
    window.show_tab("dashboard")
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    assert reads == [1]
    window.show_tab("inventory")
    window.tab_by_key["inventory"].sig_changed.emit()  # a receipt, a product saved…
    assert reads == [1]  # not while hidden
    window.show_tab("dashboard")
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    assert reads == [1, 1]
    window.refresh_lists()  # after a sync: at once, the tab is on show
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    assert reads == [1, 1, 1]


def test_show_target_opens_a_list_not_read_yet_already_filtered(qtbot, demo_db):
    window = make_window(qtbot, demo_db)
    contracts = window.tab_by_key["contracts"]
    assert not contracts.list._started
    window.show_target(Target("contracts", filters={"alerts": True}))
    wait_idle(qtbot, contracts.model)
    assert contracts.model.query.filters.get("alerts") is True
    assert contracts.model.total == count_contracts(demo_db, ListQuery(filters={"alerts": True}))


def test_ctrl_r_opens_the_reports(qtbot, demo_db, monkeypatch):
    window = make_window(qtbot, demo_db)
    actions = {a.objectName(): a for a in window.actions()}
    assert actions["reports"].shortcut().toString() == "Ctrl+R"
    dialog = pytest.importorskip("ui.reports.dialog")
    opened = []
    monkeypatch.setattr(dialog, "open_reports", lambda parent, db: opened.append((parent, db)))
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert opened == [(window, window.database)]


def test_names_cut_to_fit_keep_their_end_and_every_bar_keeps_a_label():
    cut = short("Mantenimiento preventivo (urgente)", 22)
    assert len(cut) <= 22 and cut.startswith("Mantenimiento") and cut.endswith("gente)") and "…" in cut
    assert cut != short("Mantenimiento preventivo (fin de semana)", 22)
    assert short("Teflón 3/4\"", 22) == "Teflón 3/4\""
    assert unique(["Farmacia Norte SL", "Farmacia Norte SL", "Otra"]) == \
        ["Farmacia Norte SL", "Farmacia Norte SL\u200b", "Otra"]
