"""Choose where to work: "This computer" or a shared server; add, edit and remove shared servers.

Shown by File > Switch profile…, and at start-up when a login was cancelled
(then its Close button reads Quit). ``chosen`` is the profile to open.
"""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from app.db import credentials, profiles
from app.db.profiles import Profile
from app.errors import TrastiendaError, ValidationError
from ui.common import dialogs, theme
from ui.common.fields import ChoiceField, TextField
from ui.common.form import Form


class ProfilesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, current: str | None = None, quit_text: bool = False,
                 message: str = ""):
        super().__init__(parent)
        self.chosen: Profile | None = None
        self.setWindowTitle(self.tr("Connection profiles"))
        self.setMinimumSize(520, 320)
        intro = QLabel(message or self.tr("Where do you want to work?"), self)
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        self.list = QListWidget(self)
        self.list.setObjectName("profiles")
        self.list.setSpacing(3)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        side = QVBoxLayout()
        for name, button, slot in (("add", self.add_button, self.add_profile),
                                   ("edit", self.edit_button, self.edit_profile),
                                   ("remove", self.remove_button, self.remove_profile)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)

        self.error = QLabel(self)
        self.error.setObjectName("profiles_error")
        self.error.setWordWrap(True)
        theme.style(self.error, "color: $error_text;")
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open")
        self.open_button.setDefault(True)
        close = buttons.addButton(self.tr("&Quit") if quit_text else self.tr("Cancel"),
                                  QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("quit" if quit_text else "cancel")
        self.open_button.clicked.connect(self.open_selected)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload(select=current)
        self.list.setFocus()

    # -- public API ---------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        try:
            items = profiles.list_profiles()
        except TrastiendaError as exc:  # a damaged profiles file: "This computer" still works
            self._show_error(str(exc))
            items = [profiles.LOCAL_PROFILE]
        for profile in items:
            label = (self.tr("This computer") + "\n    " + self.tr("the local database file")) if profile.is_local \
                else f"{profile.name}\n    {profile.describe()}  ·  TLS {profile.sslmode}"
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            if select is not None and profile.name.casefold() == select.casefold():
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> Profile | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def open_selected(self) -> None:
        profile = self.selected()
        if profile is not None:
            self.chosen = profile
            self.accept()

    def add_profile(self) -> None:
        editor = ProfileEditor(None, self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=editor.saved.name)

    def edit_profile(self) -> None:
        profile = self.selected()
        if profile is None or profile.is_local:
            return
        editor = ProfileEditor(profile, self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.reload(select=editor.saved.name)

    def remove_profile(self) -> None:
        profile = self.selected()
        if profile is None or profile.is_local:
            return
        if not dialogs.confirm(self, self.tr("Remove profile"),
                               self.tr("Remove the profile {0}? Its remembered password is forgotten too; "
                                       "nothing on the server changes.").replace("{0}", profile.name),
                               yes=self.tr("Remove"), no=self.tr("Keep")):
            return
        try:
            profiles.remove_profile(profile.name)
            credentials.forget_password(profile.name, profile.user)
        except TrastiendaError as exc:
            self._show_error(str(exc))
            return
        self.reload()

    # -- helpers ------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        profile = self.selected()
        shared = profile is not None and not profile.is_local
        self.edit_button.setEnabled(shared)
        self.remove_button.setEnabled(shared)
        self.open_button.setEnabled(profile is not None)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class FileField(QWidget):
    """A file path typed or picked with Browse…; ``value()`` is the text."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("path")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(lambda: self._browse(title))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        self.setFocusProxy(self.edit)

    def _browse(self, title: str) -> None:
        path = dialogs.choose_open_path(self, title, [self.tr("Certificates (*.crt *.pem *.cer)"),
                                                      self.tr("All files (*)")])
        if path:
            self.edit.setText(path)

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: str | None) -> None:
        self.edit.setText(value or "")


class ProfileEditor(QDialog):
    """Add (``profile`` None) or edit a shared server; errors shown beside their fields, nothing saved until valid."""

    def __init__(self, profile: Profile | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.original = profile
        self.saved: Profile | None = None
        self.setWindowTitle(self.tr("New shared server") if profile is None else
                            self.tr("Edit {0}").replace("{0}", profile.name))
        self.setMinimumWidth(480)
        self.form = f = Form(self)
        f.add("name", self.tr("&Name"), TextField())
        f.add("host", self.tr("&Server"), TextField())
        f.add("port", self.tr("P&ort"), TextField())
        f.add("database", self.tr("&Database"), TextField())
        f.add("user", self.tr("&User"), TextField())
        f.add("sslmode", self.tr("&TLS"), ChoiceField([
            (self.tr("Prefer: encrypt when the server can"), "prefer"),
            (self.tr("Require: always encrypt"), "require"),
            (self.tr("Verify CA: encrypt, check the certificate's signer"), "verify-ca"),
            (self.tr("Verify full: also check the server's name"), "verify-full"),
            (self.tr("Disable: never encrypt"), "disable")]))
        f.add("sslrootcert", self.tr("&CA certificate"), FileField(self.tr("CA certificate")))
        f.fields["host"].setPlaceholderText(self.tr("e.g. server.office.lan or 192.168.1.10"))
        f.fields["port"].setMaximumWidth(90)
        f.fields["sslrootcert"].setToolTip(self.tr("Needed to verify the server's certificate (verify-ca, verify-full)."))
        data = asdict(profile) if profile is not None else asdict(Profile(name=""))
        f.load({**data, "port": str(data["port"])})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(f)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            values = self.form.values()
            profile = Profile(**{k: ("" if v is None else v) for k, v in values.items()})
            self.saved = profiles.save_profile(profile, original=self.original.name if self.original else None)
        except ValidationError as exc:
            self.form.show_errors(exc)
            self.adjustSize()  # room for the messages under the fields
            return False
        except TrastiendaError as exc:
            self.form.show_general(str(exc))
            self.adjustSize()
            return False
        if self.original is not None and self.original.user != self.saved.user:
            credentials.forget_password(self.original.name, self.original.user)
        elif self.original is not None and self.original.name != self.saved.name:
            password = credentials.stored_password(self.original.name, self.original.user)
            credentials.forget_password(self.original.name, self.original.user)
            if password:  # renamed: the remembered password follows the profile
                credentials.store_password(self.saved.name, self.saved.user, password)
        self.accept()
        return True
