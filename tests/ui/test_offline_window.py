"""A clerk on a shared server keeps working when it goes: the window flips to this computer's copy, says so,
keeps what was typed, and sends it when the server answers again. Real widgets, a real PostgreSQL reached
through a proxy that refuses connections on demand."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import delete, select

from app.db import credentials, profiles
from app.db.engine import make_engine
from app.db.profiles import Profile
from app.domain.parties import Party
from app.services import parties
from app.services.parties import PartyData
from app.sync import replica
from app.sync.link import Link, open_offline
from app.sync.service import sync
from tests.sync.checks import run_tag
from tests.sync.conftest import fault_proxy, via_proxy  # noqa: F401 - the fixtures
from tests.server.conftest import login, owner, shop  # noqa: F401
from tests.ui.conftest import type_text, wait_idle
from ui import app as ui_app
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.sync import attach

pytestmark = pytest.mark.postgres
SHOTS = os.environ.get("TRASTIENDA_SHOTS")  # a folder: the tests save what the window looked like


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _window(qtbot, link: Link, *, probe_ms: int = 200) -> MainWindow:
    window = MainWindow(link, "Office (127.0.0.1)", remember=False, tab="parties")
    qtbot.addWidget(window)
    attach(window, link, probe_ms=probe_ms, sync_ms=3_600_000)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    return window


def _online(qtbot, tmp_path, server) -> tuple[MainWindow, Link]:
    """A window on the server whose first login makes the copy, in the background."""
    link = Link(tmp_path / "replica.sqlite3", server=server)
    window = _window(qtbot, link)
    controller = window.offline_controller
    qtbot.waitUntil(lambda: link.replica_path.exists() and not controller.syncing, timeout=30_000)
    assert controller.last_report.created and not window.offline_banner.isVisible()
    assert window.connection_label.text() == "Connected"
    assert window.findChild(object, "sync_progress").text().startswith("Offline copy made at ")
    return window, link


def _on_server(owner, name: str) -> int:
    with owner.session() as s:
        return len(s.execute(select(Party.id).where(Party.legal_name == name)).all())


def _outbox(path: Path) -> list[tuple[str, str]]:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(replica.sync_outbox.c.table_name,
                                                          replica.sync_outbox.c.action))]
    finally:
        engine.dispose()


def _lose(proxy) -> None:
    proxy.refuse()
    proxy.cut()


def test_a_form_half_typed_when_the_server_goes_is_saved_offline_and_reaches_the_server_once(
        qtbot, login, owner, fault_proxy, via_proxy, tmp_path):
    tag = run_tag()
    window, link = _online(qtbot, tmp_path, via_proxy(fault_proxy, login("clerk")))
    tab = window.show_tab("parties")
    window.offline_controller.stop()  # the save, not the probe, finds the server gone
    tab.action_new()
    type_text(qtbot, tab.form.fields["legal_name"], f"{tag} Ferretería")

    _lose(fault_proxy)
    type_text(qtbot, tab.form.fields["legal_name"], " Ruiz SL", clear=False)  # typing goes on meanwhile
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "now works on this computer's offline copy" in _general(tab)
    assert tab.form.fields["legal_name"].text() == f"{tag} Ferretería Ruiz SL"  # nothing typed is lost
    qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=5_000)
    assert link.offline and window.connection_label.text() == "Offline: this computer's copy"

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # the clerk saves again: on the copy
    assert _outbox(link.replica_path) == [("party", "insert")]
    banner = window.offline_banner.text
    qtbot.waitUntil(lambda: "1 change waiting to be sent" in banner.text(), timeout=5_000)
    assert banner.text().startswith("Working offline on this computer's copy: 1 change waiting to be sent")
    wait_idle(qtbot, tab.model)
    assert f"{tag} Ferretería Ruiz SL" in _names(tab)
    shot(window, "offline_banner")
    assert _on_server(owner, f"{tag} Ferretería Ruiz SL") == 0
    qtbot.mouseClick(window.offline_banner.sync_button, Qt.MouseButton.LeftButton)  # still down: said so
    progress = window.findChild(object, "sync_progress")
    qtbot.waitUntil(lambda: progress.toolTip().startswith("Not synced at "), timeout=15_000)
    assert link.offline and window.offline_banner.isVisible()

    fault_proxy.refuse(False)
    window.offline_controller.start()  # probing again: the server answers, the sync runs by itself
    qtbot.waitUntil(lambda: not link.offline and not window.offline_controller.syncing, timeout=30_000)
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=5_000)
    assert window.connection_label.text() == "Connected"
    assert _on_server(owner, f"{tag} Ferretería Ruiz SL") == 1 and _outbox(link.replica_path) == []
    wait_idle(qtbot, tab.model)
    assert f"{tag} Ferretería Ruiz SL" in _names(tab)  # read from the server again
    shot(window, "back_online")


def _general(tab) -> str:
    label = tab.form.general_error
    return "" if label.isHidden() else label.text()


def _names(tab) -> list[str]:
    return [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]


def test_the_probe_notices_the_server_gone_and_the_next_save_goes_to_the_copy(
        qtbot, login, owner, fault_proxy, via_proxy, tmp_path):
    tag = run_tag()
    window, link = _online(qtbot, tmp_path, via_proxy(fault_proxy, login("clerk")))
    tab = window.show_tab("parties")
    tab.action_new()
    type_text(qtbot, tab.form.fields["legal_name"], f"{tag} Bodegas Núñez")
    _lose(fault_proxy)
    qtbot.waitUntil(lambda: link.offline, timeout=15_000)  # nobody clicked anything
    qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=5_000)
    assert tab.form.fields["legal_name"].text() == f"{tag} Bodegas Núñez"
    assert tab.action_save() is True  # no error: straight to the copy
    assert _outbox(link.replica_path) == [("party", "insert")]
    fault_proxy.refuse(False)
    qtbot.waitUntil(lambda: not link.offline and not window.offline_controller.syncing, timeout=30_000)
    assert _on_server(owner, f"{tag} Bodegas Núñez") == 1


def _office(shop, proxy, user: str) -> Profile:
    url = shop[0]
    return profiles.save_profile(Profile("Office", host="127.0.0.1", port=proxy.port, database=url.database,
                                         user=user, sslmode="disable"))


def test_starting_with_the_server_unreachable_opens_the_copy_and_the_server_back_ends_it(
        qtbot, shop, login, owner, fault_proxy, tmp_path):
    tag = run_tag()
    clerk = login("clerk")
    office = _office(shop, fault_proxy, clerk.user)
    sync(replica.replica_path(office.name), clerk)  # an earlier day's copy
    credentials.store_password(office.name, clerk.user, "remembered")  # the server trusts this machine anyway
    fault_proxy.refuse()

    opened = ui_app.open_profile(office)
    assert isinstance(opened.database, Link) and opened.database.offline
    window = ui_app.show_window(opened)
    ui_app._live.pop("window", None)
    qtbot.addWidget(window)
    controller = window.offline_controller
    controller._probe.setInterval(200)
    qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=5_000)
    assert window.connection_label.text() == "Offline: this computer's copy"
    assert "0 changes waiting" in window.offline_banner.text.text()
    parties.create_party(window.database, PartyData(legal_name=f"{tag} Arranque SL"))
    controller.refresh_counts()
    qtbot.waitUntil(lambda: "1 change waiting" in window.offline_banner.text.text(), timeout=5_000)
    shot(window, "offline_at_start")

    fault_proxy.refuse(False)
    qtbot.waitUntil(lambda: not window.database.offline and not controller.syncing, timeout=30_000)
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=5_000)
    assert _on_server(owner, f"{tag} Arranque SL") == 1


def test_another_logins_copy_at_start_is_said_plainly_in_the_login_dialog(qtbot, shop, login, fault_proxy):
    ana, luis = login("clerk"), login("clerk")
    office = _office(shop, fault_proxy, luis.user)
    sync(replica.replica_path(office.name), ana)  # Ana's copy on this computer; Luis logs in
    credentials.store_password(office.name, luis.user, "remembered")
    fault_proxy.refuse()
    opened, why = ui_app._offline_at_start(office, "remembered")
    assert opened is None and f"{ana.user}'s, not {luis.user}'s" in why
    dialog = LoginDialog(office, offline_copy=replica.replica_path(office.name))
    qtbot.addWidget(dialog)
    assert dialog.offline_button.isHidden()  # not Luis's copy: no button
    type_text(qtbot, dialog.user, ana.user)
    assert not dialog.offline_button.isHidden()


def test_the_login_dialog_offers_the_copy_when_the_server_cannot_be_reached(qtbot, shop, login, fault_proxy):
    clerk = login("clerk")
    office = _office(shop, fault_proxy, clerk.user)
    dialog = LoginDialog(office, offline_copy=replica.replica_path(office.name))
    qtbot.addWidget(dialog)
    assert dialog.offline_button.isHidden()  # no copy yet
    sync(replica.replica_path(office.name), clerk)
    fault_proxy.refuse()
    dialog = LoginDialog(office, offline_copy=replica.replica_path(office.name))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.offline_button.isHidden()
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=10_000)
    assert "work offline on this computer's copy" in dialog.error_text()
    shot(dialog, "login_offline")
    qtbot.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.offline
    assert dialog.database.offline and dialog.database.user == clerk.user
    assert dialog.offline_url.port == fault_proxy.port
    dialog.database.dispose()


def test_sync_now_runs_on_a_worker_with_progress_and_a_second_click_does_nothing(
        qtbot, login, tmp_path):
    window, link = _online(qtbot, tmp_path, login("clerk"))
    controller = window.offline_controller
    seen: list[tuple[str, int, int]] = []
    controller.sig_progress.connect(lambda *p: seen.append(p))
    parties.create_party(link, PartyData(legal_name=f"{run_tag()} Progreso SL"))
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert controller.syncing and not window.findChild(object, "sync_button").isEnabled()
    assert controller.sync_now() is False  # the second click
    qtbot.waitUntil(lambda: not controller.syncing, timeout=30_000)
    assert seen and all(total >= done for _w, done, total in seen)
    assert re.fullmatch(r"Synced at \d\d:\d\d: 0 sent, \d+ received", window.findChild(object, "sync_progress").text())
    assert window.findChild(object, "sync_button").isEnabled()


def _conflicts(login, owner, tmp_path, tag: str):
    """Two customers whose cities changed on both sides: Huesca/Soria here, Teruel/Cuenca on the server."""
    clerk = login("clerk")
    path = tmp_path / "replica.sqlite3"
    ruiz = parties.create_party(clerk, PartyData(legal_name=f"{tag} Ruiz SL", city="Zaragoza"))
    gil = parties.create_party(clerk, PartyData(legal_name=f"{tag} Gil SL", city="Zaragoza"))
    sync(path, clerk)
    offline = open_offline(path, clerk.user)
    for party, city in ((ruiz, "Huesca"), (gil, "Soria")):
        view = parties.get_party(offline, party.id)
        parties.update_party(offline, party.id, PartyData(legal_name=view.legal_name, city=city), view.version)
    offline.dispose()
    for party, city in ((ruiz, "Teruel"), (gil, "Cuenca")):
        view = parties.get_party(owner, party.id)
        parties.update_party(owner, party.id, PartyData(legal_name=view.legal_name, city=city), view.version)
    assert len(sync(path, clerk).conflicts) == 2
    return clerk, ruiz.id, gil.id


def test_the_conflicts_inbox_keeps_the_servers_or_sends_mine(qtbot, login, owner, tmp_path):
    tag = run_tag()
    clerk, ruiz, gil = _conflicts(login, owner, tmp_path, tag)
    link = Link(tmp_path / "replica.sqlite3", server=clerk)
    window = _window(qtbot, link)
    banner = window.offline_banner
    qtbot.waitUntil(lambda: banner.isVisible() and banner.conflicts_button.isVisible(), timeout=5_000)
    assert "2 changes could not be applied" in banner.text.text()
    assert window.connection_label.text() == "Connected · 2 conflicts"

    qtbot.mouseClick(banner.conflicts_button, Qt.MouseButton.LeftButton)
    dialog = window.conflicts_dialog
    assert [dialog.list.item(i).text().splitlines()[0] for i in range(dialog.list.count())] == [
        f"Customer or supplier {parties.get_party(owner, ruiz).code} {tag} Ruiz SL",
        f"Customer or supplier {parties.get_party(owner, gil).code} {tag} Gil SL"]
    assert dialog.list.item(0).text().splitlines()[1].strip() == "City: changed on both sides"
    values = dialog.values
    assert [values.item(0, c).text() for c in range(3)] == ["City", "Teruel", "Huesca"]
    shot(dialog, "conflicts_dialog")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 1 and [values.item(0, c).text() for c in range(3)] == ["City", "Cuenca", "Soria"]
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and dialog.title.text() == "Nothing to review."
    dialog.accept()  # closing syncs what was decided

    qtbot.waitUntil(lambda: parties.get_party(owner, ruiz).city == "Huesca", timeout=30_000)
    qtbot.waitUntil(lambda: not window.offline_controller.syncing and not banner.isVisible(), timeout=10_000)
    assert parties.get_party(owner, gil).city == "Cuenca"
    copy = open_offline(link.replica_path, clerk.user)
    try:
        assert (parties.get_party(copy, ruiz).city, parties.get_party(copy, gil).city) == ("Huesca", "Cuenca")
    finally:
        copy.dispose()


def test_a_change_to_a_record_gone_from_the_server_shows_what_was_typed_and_is_exported_then_dismissed(
        qtbot, login, owner, tmp_path):
    tag = run_tag()
    clerk = login("clerk")
    path = tmp_path / "replica.sqlite3"
    gone = parties.create_party(clerk, PartyData(legal_name=f"{tag} Borrado SL", city="Zaragoza"))
    sync(path, clerk)
    offline = open_offline(path, clerk.user)
    view = parties.get_party(offline, gone.id)
    parties.update_party(offline, gone.id, PartyData(legal_name=view.legal_name, city="Jaca", phone="974 000 111"),
                         view.version)
    offline.dispose()
    with owner.session() as s:  # removed on the server meanwhile (an administrator's clean-up)
        s.execute(delete(Party).where(Party.id == gone.id))
    [conflict] = sync(path, clerk).conflicts
    assert conflict["field"] is None and conflict["reason"].startswith("gone")

    window = _window(qtbot, Link(path, server=clerk))
    qtbot.waitUntil(lambda: window.offline_banner.conflicts_button.isVisible(), timeout=5_000)
    qtbot.mouseClick(window.offline_banner.conflicts_button, Qt.MouseButton.LeftButton)
    dialog = window.conflicts_dialog
    assert dialog.list.item(0).text().splitlines()[1].strip().startswith("the whole change: gone")
    assert dialog.dismiss_button.isVisible() and not dialog.mine_button.isVisible()
    rows = {dialog.values.item(r, 0).text(): dialog.values.item(r, 2).text() for r in range(dialog.values.rowCount())}
    assert rows == {"City": "Jaca", "Phone": "974 000 111"}
    assert "could not apply this change: gone" in dialog.reason.text()
    shot(dialog, "conflict_gone")

    out = tmp_path / "unsent.json"
    assert dialog.export_to(out) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["conflicts"][0]["row_id"] == str(gone.id)
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0
    dialog.accept()
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=10_000)


def test_a_copy_that_cannot_stand_in_is_said_plainly_when_the_server_goes(
        qtbot, login, fault_proxy, via_proxy, tmp_path):
    ana, luis = login("clerk"), login("clerk")
    path = tmp_path / "replica.sqlite3"
    sync(path, ana)  # Ana's copy on this computer; Luis works online
    window = _window(qtbot, Link(path, server=via_proxy(fault_proxy, luis)))
    assert not window.offline_banner.isVisible()
    _lose(fault_proxy)
    qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=15_000)
    text = window.offline_banner.text.text()
    assert text.startswith("The server is not answering.") and f"{ana.user}'s, not {luis.user}'s" in text
    assert window.connection_label.text() == "Not connected" and not window.database.offline
    shot(window, "copy_refused")
    fault_proxy.refuse(False)
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=15_000)
    assert window.connection_label.text() == "Connected"
