"""The files attached to a contract (the signed PDF, an annex): add, save a copy, remove.

Reading a file and storing it (up to 20 MB) runs off the GUI thread, and so
does fetching a file's bytes to save a copy, so a large scan never freezes
the window. The list itself holds names and sizes only.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.services import contracts
from app.services.contracts import MAX_ATTACHMENT_BYTES, AttachmentView
from ui.common import dialogs
from ui.common.formatting import format_decimal
from ui.common.worker import run_in_background

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole  # the item's AttachmentView


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{format_decimal(size / 1024, 0)} KB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), 1)} MB"


class AttachmentsBox(QGroupBox):
    sig_status = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Attached files"))
        self.db = db
        self.contract_id: uuid.UUID | None = None
        self._jobs = 0
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.list.setAccessibleName(self.tr("Attached files"))
        self.list.setMaximumHeight(64)
        self.hint = QLabel(self)
        self.hint.setObjectName("attachments_hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("A&dd file…"), self)
        self.add_button.setObjectName("add_attachment")
        self.save_button = QPushButton(self.tr("Save a &copy…"), self)
        self.save_button.setObjectName("save_attachment")
        self.remove_button = QPushButton(self.tr("Remove file…"), self)
        self.remove_button.setObjectName("remove_attachment")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add)
        self.save_button.clicked.connect(self._on_save)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.list.itemActivated.connect(lambda _i: self._on_save())
        self.set_contract(None)

    # -- public API -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A file is being stored or saved."""
        return self._jobs > 0

    def set_contract(self, contract_id: uuid.UUID | str | None) -> None:
        """Show a saved contract's files; a new contract has none until it is saved."""
        self.contract_id = uuid.UUID(str(contract_id)) if contract_id else None
        self.list.clear()
        self._say("" if self.contract_id else self.tr("Save the contract first to attach files."), status=False)
        if self.contract_id is not None:
            self.reload()
        self._enable()

    def reload(self) -> None:
        # A few rows without their bytes: cheap enough to read here.
        current = self.current()
        self.list.clear()
        if self.contract_id is None:
            return
        try:
            found = contracts.list_attachments(self.db, self.contract_id)
        except TrastiendaError as exc:
            self._say(str(exc))
            return
        for att in found:
            item = QListWidgetItem(f"{att.filename}  ({size_text(att.size)})", self.list)
            item.setData(ATTACHMENT_ROLE, att)
            if current is not None and att.id == current.id:
                self.list.setCurrentItem(item)
        self._enable()

    def current(self) -> AttachmentView | None:
        item = self.list.currentItem()
        return item.data(ATTACHMENT_ROLE) if item is not None else None

    def filenames(self) -> list[str]:
        return [self.list.item(i).data(ATTACHMENT_ROLE).filename for i in range(self.list.count())]

    def add_file(self, path: str | Path) -> None:
        """Attach the file at ``path`` to the contract shown (read and stored in the background)."""
        if self.contract_id is None:
            return
        path = Path(path)
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            self._say(self.tr("Cannot read {0}: {1}").replace("{0}", path.name).replace("{1}", exc.strerror or ""))
            return
        if size > MAX_ATTACHMENT_BYTES:  # refused before reading it into memory
            self._say(self.tr("{0} is too large: at most {1} MB.").replace("{0}", path.name)
                      .replace("{1}", str(MAX_ATTACHMENT_BYTES // 1024 // 1024)))
            return
        contract_id = self.contract_id
        self._say(self.tr("Attaching {0}…").replace("{0}", path.name))
        self._start(lambda: contracts.add_attachment(self.db, contract_id, path.name, path.read_bytes()),
                    lambda att: self._on_added(contract_id, att))

    def save_copy(self, attachment: AttachmentView, path: str | Path) -> None:
        """Write the attachment's bytes to ``path`` (in the background)."""
        path = Path(path)

        def work() -> None:
            path.write_bytes(contracts.get_attachment_data(self.db, attachment.id))

        self._start(work, lambda _r: self._say(self.tr("Saved {0}.").replace("{0}", str(path))))

    def remove(self, attachment: AttachmentView) -> None:
        if not dialogs.confirm(self, self.tr("Remove file"),
                               self.tr("Remove {0} from this contract? The file is deleted from the records.")
                               .replace("{0}", attachment.filename)):
            return
        try:
            contracts.remove_attachment(self.db, attachment.id)
        except TrastiendaError as exc:
            self._say(str(exc))
        else:
            self._say(self.tr("Removed {0}.").replace("{0}", attachment.filename))
        self.reload()

    # -- slots --------------------------------------------------------------------------
    def _on_add(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.add_file(path)

    def _on_save(self) -> None:
        att = self.current()
        if att is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), att.filename)
        if path:
            self.save_copy(att, path)

    def _on_remove(self) -> None:
        att = self.current()
        if att is not None:
            self.remove(att)

    def _on_added(self, contract_id: uuid.UUID, att: AttachmentView) -> None:
        self._say(self.tr("Attached {0}.").replace("{0}", att.filename))
        if contract_id == self.contract_id:  # the clerk may have opened another contract meanwhile
            self.reload()

    # -- internals ------------------------------------------------------------------------
    def _start(self, work, on_done) -> None:
        self._jobs += 1
        self._enable()

        def done(result) -> None:
            self._jobs -= 1
            self._enable()
            on_done(result)

        def failed(exc: Exception) -> None:
            self._jobs -= 1
            self._enable()
            if isinstance(exc, ValidationError):  # empty or too large: the message alone, not the field name
                self._say(" ".join(e.message for e in exc.errors))
            elif isinstance(exc, TrastiendaError):
                self._say(str(exc))
            elif isinstance(exc, OSError):
                self._say(self.tr("The file could not be read or written: {0}")
                          .replace("{0}", exc.strerror or str(exc)))
            else:
                self._say(self.tr("Failed: {0}").replace("{0}", str(exc)))

        run_in_background(work, done, failed)

    def _say(self, text: str, *, status: bool = True) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        if text and status:
            self.sig_status.emit(text)

    def _enable(self) -> None:
        saved = self.contract_id is not None
        self.add_button.setEnabled(saved)
        chosen = saved and self.current() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
