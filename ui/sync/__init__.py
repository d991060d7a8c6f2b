"""Working offline in the window: the banner, the status bar's part, File > Sync now and the inbox.

``attach(window, link)`` is all a window on a shared profile needs (``ui.app`` calls it): the
controller keeps the link on the server or the copy, these widgets say which and offer the actions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from app.db.profiles import Profile
from app.sync.link import Link
from ui.sync.banner import OfflineBanner, connection_text, progress_text
from ui.sync.controller import PROBE_MS, SYNC_MS, OfflineController


def attach(window, link: Link, profile: Profile | None = None, *, probe_ms: int = PROBE_MS,
           sync_ms: int = SYNC_MS, start: bool = True) -> OfflineController:
    """Give ``window`` (a MainWindow on ``link``) its offline behaviour; returns the controller."""
    controller = OfflineController(link, window, probe_ms=probe_ms, sync_ms=sync_ms)
    window.offline_controller = controller
    banner = OfflineBanner(controller, window)
    window.add_banner(banner)
    window.offline_banner = banner

    progress = QLabel(window)
    progress.setObjectName("sync_progress")
    button = QPushButton(QCoreApplication.translate("Sync", "Sync now"), window)
    button.setObjectName("sync_button")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the form; Ctrl+Shift+Y from the keyboard
    button.setToolTip(QCoreApplication.translate("Sync", "Send this computer's changes and bring the offline copy up to date (Ctrl+Shift+Y)"))
    button.clicked.connect(controller.sync_now)
    bar = window.statusBar()
    bar.insertPermanentWidget(0, progress)
    bar.addPermanentWidget(button)
    sync_action = window.add_file_action(QCoreApplication.translate("Sync", "S&ync now"), controller.sync_now, "Ctrl+Shift+Y", "sync_now")
    review = window.add_file_action(QCoreApplication.translate("Sync", "Changes to re&view…"), lambda: open_conflicts(window), None,
                                    "review_conflicts")

    def update() -> None:
        window.set_connection_state(connection_text(controller))
        text = progress_text(controller)  # a long reason is elided here, whole in the tooltip
        progress.setText(progress.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 420))
        progress.setToolTip(text)
        button.setEnabled(not controller.syncing)
        sync_action.setEnabled(not controller.syncing)
        review.setEnabled(controller.conflicts > 0)

    controller.sig_changed.connect(update)
    # Lists are read again only when the sync changed something: a clerk scrolling a list is left alone.
    controller.sig_synced.connect(lambda report: window.refresh_lists() if report.pulled or report.pushed else None)
    banner.conflicts_button.clicked.connect(lambda: open_conflicts(window))
    if profile is not None:
        banner.login_button.clicked.connect(lambda: _log_in_again(window, profile))
    _refresh_on_flip(window, controller)
    update()
    if start:
        controller.start()
    return controller


def _refresh_on_flip(window, controller: OfflineController) -> None:
    """After a flip the lists show the other side's rows: read them again (forms keep what was typed)."""
    state = {"offline": controller.offline}

    def changed() -> None:
        if controller.offline != state["offline"]:
            state["offline"] = controller.offline
            window.refresh_lists()

    controller.sig_changed.connect(changed)


def open_conflicts(window) -> QDialog:
    """The conflicts inbox; what was decided there is synced at once when online, and the lists re-read."""
    from ui.sync.conflicts_dialog import ConflictsDialog

    controller: OfflineController = window.offline_controller
    dialog = ConflictsDialog(controller.link.replica_path, window)
    window.conflicts_dialog = dialog  # tests drive it while it is modal

    def closed() -> None:
        controller.refresh_counts()
        if dialog.decided:
            window.refresh_lists()
            if not controller.offline:
                controller.sync_now()
        dialog.deleteLater()

    dialog.finished.connect(lambda _r: closed())
    dialog.open()
    return dialog


def _log_in_again(window, profile: Profile) -> None:
    from ui.login_dialog import LoginDialog

    dialog = LoginDialog(profile, window, remember=False)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.database is not None:
        window.offline_controller.logged_in(dialog.database)
