"""Log in to a shared server: user, password, "remember me"; the server's answer shown right here.

Connecting runs off the GUI thread, so the dialog stays alive while a slow
server is tried, and a wrong password, a server that is down or a TLS
problem comes back within seconds as one line under the fields.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from app.db import credentials
from app.db.profiles import Profile
from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.sync.link import copy_owner, is_unreachable, open_offline
from ui.common import theme
from ui.common.worker import run_in_background


class LoginDialog(QDialog):
    """``exec()`` returns Accepted with ``database`` set, or Rejected (Cancel) with nothing open.

    With ``offline_copy`` (the profile's replica) that belongs to the user typed, "Work offline" opens
    it instead: ``database`` is then the replica's and ``offline_url`` the server's, to reconnect with.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None, *, error: str = "", password: str = "",
                 remember: bool = False, offline_copy: Path | None = None):
        super().__init__(parent)
        self.profile = profile
        self.database: Database | None = None
        self.offline = False
        self.offline_url = None
        self.offline_copy = offline_copy
        self._copy_owner = copy_owner(offline_copy) if offline_copy is not None else None
        self.busy = False
        self._cancelled = False
        self.setWindowTitle(self.tr("Log in to {0}").replace("{0}", profile.name))
        self.setMinimumWidth(440)

        title = QLabel(profile.name, self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        where = QLabel(self)
        where.setObjectName("where")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setText(self.tr("Server {0}, port {1}, database {2}; TLS {3}")
                      .replace("{0}", profile.host).replace("{1}", str(profile.port))
                      .replace("{2}", profile.database).replace("{3}", profile.sslmode))

        self.user = QLineEdit(profile.user, self)
        self.user.setObjectName("user")
        self.user.setMaxLength(63)
        self.password = QLineEdit(password, self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1000)
        self.remember = QCheckBox(self.tr("&Remember me on this computer"), self)
        self.remember.setObjectName("remember")
        if credentials.keyring_available():
            self.remember.setChecked(remember)
            self.remember.setToolTip(self.tr("The password is kept in this computer's keyring, never in a file."))
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keyring to keep the password in: "
                                             "you will be asked for it each time."))

        form = QFormLayout()
        user_label = QLabel(self.tr("&User"), self)
        user_label.setBuddy(self.user)
        password_label = QLabel(self.tr("&Password"), self)
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.user)
        form.addRow(password_label, self.password)
        form.addRow("", self.remember)

        self.error = QLabel(self)
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.style(self.error, "color: $error_text;")
        self.status = QLabel(self)
        self.status.setObjectName("login_status")
        self.status.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("&Log in"))
        self.login_button.setObjectName("log_in")
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        self.offline_button = self.buttons.addButton(self.tr("Work &offline"), QDialogButtonBox.ButtonRole.ActionRole)
        self.offline_button.setObjectName("work_offline")
        self.offline_button.setToolTip(self.tr("Work on this computer's copy; your changes are sent when the server "
                                               "answers again"))
        self.offline_button.clicked.connect(self.work_offline)
        self.user.textChanged.connect(self._offer_offline)
        self._offer_offline()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.show_error(error)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        (self.password if self.user.text() else self.user).setFocus()

    # -- public API ---------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if self.isVisible():  # a long message wraps: grow to show it whole rather than squeeze the fields
            self.adjustSize()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def log_in(self) -> None:
        """Try the user and password on the server (off the GUI thread); accept when it lets us in."""
        if self.busy:
            return
        user, password, remember = self.user.text().strip(), self.password.text(), self.remember.isChecked()
        if not user:
            self.show_error(self.tr("Type your user name."))
            self.user.setFocus()
            return
        self._set_busy(True)
        self.show_error("")
        run_in_background(lambda: credentials.log_in(self.profile, user, password, remember=remember),
                          self._on_logged_in, self._on_failed, owner=self)

    def work_offline(self) -> None:
        """Open this computer's copy instead of the server; a copy that cannot be used is said here."""
        if self.busy or self.offline_copy is None:
            return
        user = self.user.text().strip()
        try:
            database = open_offline(self.offline_copy, user, self.profile.database)
        except TrastiendaError as exc:
            self.show_error(str(exc))
            return
        self.database, self.offline = database, True
        self.offline_url = self.profile.url(self.password.text() or None, user=user)
        self.accept()

    # -- slots --------------------------------------------------------------------------
    def _offer_offline(self) -> None:
        self.offline_button.setVisible(self._copy_owner is not None and self._copy_owner == self.user.text().strip())

    def _on_logged_in(self, database: Database) -> None:
        self._set_busy(False)
        if self._cancelled:  # Cancel was pressed while the server answered
            database.dispose()
            return
        self.database = database
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if self._cancelled:
            return
        if isinstance(exc, ValidationError):
            text = "\n".join(e.message for e in exc.errors)
        elif isinstance(exc, TrastiendaError):
            text = str(exc)
        else:  # an unexpected driver error: still one line, never a traceback
            text = self.tr("Cannot log in: {0}").replace("{0}", str(exc).strip().splitlines()[0] if str(exc) else
                                                          type(exc).__name__)
        if is_unreachable(exc) and not self.offline_button.isHidden():
            text += "\n" + self.tr("You can work offline on this computer's copy meanwhile.")
            self.offline_button.setDefault(True)
        self.show_error(text)
        self.password.setFocus()
        self.password.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.user, self.password, self.remember, self.login_button, self.offline_button):
            widget.setEnabled(not busy and (widget is not self.remember or credentials.keyring_available()))
        self.status.setText(self.tr("Connecting to {0}…").replace("{0}", self.profile.host) if busy else "")
        self.status.setVisible(busy)

    def reject(self) -> None:
        self._cancelled = self.busy
        super().reject()
