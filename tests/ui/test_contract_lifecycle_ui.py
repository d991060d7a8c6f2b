"""A clerk moves contracts through their life from the form: activate, notice, renew with indexation,
terminate (with its refusals), the history under the form, and the Contracts badge on the window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from app.domain.enums import ContractStatus as S
from app.services import contract_lifecycle as life
from app.services import contracts, parties
from app.services.contracts import ContractData, ContractLineData
from app.services.setup import tax_rate_id
from tests.ui.conftest import type_text, wait_idle
from ui.common.formatting import format_decimal
from ui.contracts.tab import ContractsTab

TODAY = dt.date(2026, 3, 2)


def make_tab(qtbot, db) -> ContractsTab:
    tab = ContractsTab(db, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1300, 900)
    tab.show()
    tab.activate()
    wait_idle(qtbot, tab.model)
    return tab


def contract(db, title, *, status="active", end=dt.date(2026, 12, 31), **kw):
    party = parties.create_party(db, parties.PartyData(legal_name=f"Cliente {title}", is_customer=True,
                                                       code=title[:8].upper()))
    values = dict(kind="customer", title=title, party_id=party.id, start_date=dt.date(2026, 1, 1), end_date=end,
                  status=status, auto_renew=True, renewal_months=12, notice_days=30,
                  indexation_percent=Decimal("3.2"), value=Decimal("1200.00"),
                  lines=[ContractLineData("Cuota", 1, Decimal("100"), tax_rate_id("IVA21"))])
    values.update(kw)
    return contracts.create_contract(db, ContractData(**values))


def open_contract(qtbot, tab, title):
    rows = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    tab.list.table.setCurrentIndex(tab.model.index(rows.index(title), 0))
    tab.open_record(tab.list.current_id())
    assert tab.editor_open


def history(tab) -> list[str]:
    return [tab.lifecycle.history.item(i).text() for i in range(tab.lifecycle.history.count())]


def status(db, view) -> S:
    return contracts.get_contract(db, view.id).status


def test_activate_then_give_notice_from_the_form(qtbot, sqlite_db):
    c = contract(sqlite_db, "Limpieza", status="draft")
    tab = make_tab(qtbot, sqlite_db)
    open_contract(qtbot, tab, "Limpieza")
    box = tab.lifecycle
    assert box.activate_button.isEnabled() and not box.notice_button.isEnabled()
    assert not tab.form.fields["status"].isEnabled()  # the buttons change it, not the form
    with qtbot.waitSignal(tab.sig_changed):
        qtbot.mouseClick(box.activate_button, Qt.MouseButton.LeftButton)
    assert status(sqlite_db, c) == S.ACTIVE
    assert tab.form.fields["status"].value() == "active"
    assert [h.split("  ")[1] for h in history(tab)] == ["Activated", "Created"]
    assert not box.activate_button.isEnabled() and box.notice_button.isEnabled()

    qtbot.mouseClick(box.notice_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog is not None and dialog.form.fields["date"].value() == TODAY
    type_text(qtbot, dialog.form.fields["date"], "02/12/2026")  # in the future: refused, dialog stays
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "future" in dialog.form.error_text("date")
    assert status(sqlite_db, c) == S.ACTIVE
    type_text(qtbot, dialog.form.fields["date"], "01/03/2026")
    type_text(qtbot, dialog.form.fields["note"], "Burofax del cliente")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    view = contracts.get_contract(sqlite_db, c.id)
    assert (view.status, view.notice_given_on) == (S.NOTICE_GIVEN, dt.date(2026, 3, 1))
    assert history(tab)[0] == "01/03/2026  Notice given — Burofax del cliente"
    wait_idle(qtbot, tab.model)
    assert tab.model.index(0, 4).data() == "Notice given"


def test_renew_offers_the_contracts_indexation_and_records_it(qtbot, sqlite_db):
    c = contract(sqlite_db, "Ascensores")
    tab = make_tab(qtbot, sqlite_db)
    open_contract(qtbot, tab, "Ascensores")
    qtbot.mouseClick(tab.lifecycle.renew_button, Qt.MouseButton.LeftButton)
    dialog = tab.lifecycle.dialog
    assert dialog.form.fields["percent"].value() == Decimal("3.2")
    type_text(qtbot, dialog.form.fields["percent"], "2,5")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    view = contracts.get_contract(sqlite_db, c.id)
    assert (view.period_start, view.end_date, view.renewals) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31), 1)
    assert view.lines[0].unit_price == Decimal("102.5000")
    pct = format_decimal(Decimal("2.5"), None)  # as the app's locale writes it
    assert history(tab)[:2] == [f"02/03/2026  Prices indexed {pct} %", "02/03/2026  Renewed: 01/01/2027 to 31/12/2027"]
    assert tab.form.fields["end_date"].value() == dt.date(2027, 12, 31)


def test_terminate_needs_a_reason_and_then_nothing_renews_it(qtbot, sqlite_db):
    c = contract(sqlite_db, "Vigilancia")
    tab = make_tab(qtbot, sqlite_db)
    open_contract(qtbot, tab, "Vigilancia")
    qtbot.mouseClick(tab.lifecycle.terminate_button, Qt.MouseButton.LeftButton)
    dialog = tab.lifecycle.dialog
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)  # no reason
    assert dialog.isVisible() and dialog.form.error_text("reason")
    assert status(sqlite_db, c) == S.ACTIVE and len(life.contract_history(sqlite_db, c.id)) == 1
    type_text(qtbot, dialog.form.fields["reason"], "Impago reiterado")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert status(sqlite_db, c) == S.TERMINATED
    box = tab.lifecycle
    assert not any(b.isEnabled() for b in (box.activate_button, box.notice_button, box.renew_button,
                                           box.terminate_button))
    assert history(tab)[0] == "02/03/2026  Terminated — Impago reiterado"


def test_unsaved_changes_come_first(qtbot, sqlite_db, answers):
    c = contract(sqlite_db, "Jardines")
    tab = make_tab(qtbot, sqlite_db)
    open_contract(qtbot, tab, "Jardines")
    type_text(qtbot, tab.form.fields["title"], "Jardines y riego")
    qtbot.mouseClick(tab.lifecycle.terminate_button, Qt.MouseButton.LeftButton)
    assert tab.lifecycle.dialog is None
    assert answers["asked"][-1][0] == "Unsaved changes"
    assert status(sqlite_db, c) == S.ACTIVE


def test_the_window_renews_at_start_and_counts_contracts_needing_attention(qtbot, sqlite_db):
    from ui.main_window import MainWindow

    today = dt.date.today()
    overdue = contract(sqlite_db, "Caducado", start_date=today - dt.timedelta(days=400),
                       end=today - dt.timedelta(days=35), indexation_percent=None)
    contract(sqlite_db, "Pronto", start_date=today - dt.timedelta(days=300), end=today + dt.timedelta(days=10))
    contract(sqlite_db, "Tranquilo", start_date=today - dt.timedelta(days=10), end=today + dt.timedelta(days=200))
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
    qtbot.addWidget(window)
    badge = window.contracts_badge
    qtbot.waitUntil(lambda: badge.count is not None, timeout=10_000)
    view = contracts.get_contract(sqlite_db, overdue.id)
    assert view.status == S.ACTIVE and view.renewals == 1 and view.end_date > today  # renewed at start
    assert badge.count == life.count_alerts(sqlite_db, today) == 1
    index = window.tabs.indexOf(window.tab_by_key["contracts"])
    assert window.tabs.tabText(index) == "&Contracts (1)"
    assert window.tabs.tabToolTip(index) == "1 contracts need attention"
    # Terminating the one due empties the badge.
    tab = window.show_tab("contracts")
    wait_idle(qtbot, tab.model)
    pronto = next(r["__id"] for r in contracts.list_contracts(sqlite_db).rows if r["title"] == "Pronto")
    life.terminate(sqlite_db, pronto, today, "Cierre")
    tab.sig_changed.emit()
    qtbot.waitUntil(lambda: badge.count == 0, timeout=10_000)
    assert window.tabs.tabText(index) == "&Contracts"
