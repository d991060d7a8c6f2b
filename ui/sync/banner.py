"""What the window says about working offline: a banner above the tabs and the status bar's part.

Both only read the controller (``ui.sync.controller``) when it says something changed; the buttons
call it back. The banner shows while the window works on this computer's copy, while conflicts wait
to be reviewed, and when the server is lost and the copy cannot stand in for it (said plainly).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.sync.conflicts import table_title
from ui.common import theme
from ui.sync.controller import OfflineController

_STYLES = {  # the theme's background, border, text: amber while offline, red when nothing can stand in, blue otherwise
    kind: tuple(f"${prefix}_{part}" for part in ("bg", "border", "text"))
    for kind, prefix in (("offline", "offline"), ("problem", "problem"), ("info", "info_banner"))
}


class OfflineBanner(QFrame):
    """"Working offline on this computer's copy: N changes waiting to be sent" and what to do next."""

    def __init__(self, controller: OfflineController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("offline_banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.text = QLabel(self)
        self.text.setObjectName("offline_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_button = QPushButton(self.tr("Try the server &now"), self)
        self.sync_button.setObjectName("banner_sync")
        self.sync_button.setToolTip(self.tr("Send the waiting changes now if the server answers (Ctrl+Shift+Y)"))
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("review_conflicts")
        self.login_button = QPushButton(self.tr("&Log in…"), self)
        self.login_button.setObjectName("banner_log_in")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.text, 1)
        for button in (self.login_button, self.conflicts_button, self.sync_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # typing stays in the form
            layout.addWidget(button)
        self.sync_button.clicked.connect(controller.sync_now)
        controller.sig_changed.connect(self.update_state)
        self.update_state()

    def update_state(self) -> None:
        c = self.controller
        parts: list[str] = []
        kind = "info"
        if c.offline:
            kind = "offline"
            parts.append(self.tr("Working offline on this computer's copy: {0} changes waiting to be sent.")
                         .replace("{0}", str(c.pending)) if c.pending != 1 else
                         self.tr("Working offline on this computer's copy: 1 change waiting to be sent."))
            if c.syncing:
                parts.append(self.tr("The server answers: sending them now…"))
            elif c.needs_login:
                parts.append(self.tr("The server is back but did not accept the password: log in to send them."))
        elif c.problem:
            kind = "problem"
            parts.append(c.problem)
        if c.offline and c.problem and not c.needs_login:
            parts.append(c.problem)
        if c.conflicts:
            parts.append(self.tr("{0} changes could not be applied as they were: review them.")
                         .replace("{0}", str(c.conflicts)) if c.conflicts != 1 else
                         self.tr("1 change could not be applied as it was: review it."))
        self.text.setText(" ".join(parts))
        self.text.setToolTip(c.link.reason if c.offline else "")
        self.conflicts_button.setText(self.tr("Review &conflicts ({0})…").replace("{0}", str(c.conflicts)))
        self.conflicts_button.setVisible(c.conflicts > 0)
        self.login_button.setVisible(c.needs_login)
        self.sync_button.setVisible(c.offline and not c.needs_login)
        self.sync_button.setEnabled(not c.syncing)
        background, border, ink = _STYLES[kind]
        theme.style(self, f"QFrame#offline_banner {{ background: {background}; border-bottom: 1px solid {border}; }}"
                          f" QLabel#offline_text {{ color: {ink}; }}")
        self.setVisible(bool(parts))


def connection_text(controller: OfflineController) -> str:
    """The status bar's connection label."""
    c, tr = controller, controller.tr
    text = tr("Offline: this computer's copy") if c.offline else (
        tr("Not connected") if c.problem else tr("Connected"))
    if c.conflicts:
        text += " · " + (tr("{0} conflicts").replace("{0}", str(c.conflicts)) if c.conflicts != 1 else
                         tr("1 conflict"))
    return text


def progress_text(controller: OfflineController) -> str:
    """"Syncing: receiving Product 1200/5000", "Syncing…", or what the last sync did."""
    c, tr = controller, controller.tr
    if c.syncing:
        if c.progress is None:
            return tr("Syncing…")
        what, done, total = c.progress
        step = tr("sending changes") if what == "push" else tr("receiving {0}").replace("{0}", table_title(what))
        return tr("Syncing: {0} {1}/{2}").replace("{0}", step).replace("{1}", str(done)).replace("{2}", str(total))
    if c.last_failure:
        return c.last_failure
    report = c.last_report
    if report is None:
        return ""
    at = c.last_synced.strftime("%H:%M") if c.last_synced else ""
    if report.created:
        return tr("Offline copy made at {0}: {1} records").replace("{0}", at).replace("{1}", str(report.pulled))
    return (tr("Synced at {0}: {1} sent, {2} received").replace("{0}", at).replace("{1}", str(report.pushed))
            .replace("{2}", str(report.pulled)))
