"""The files attached to a contract (the signed PDF, a scan, a photo): add, open, save a copy, remove.

Reading a file and storing it, taking a file out to open it, and saving a
copy all run off the GUI thread, so a 20 MB scan never freezes the window;
the list itself holds names and sizes only. Files can also be dropped on the
list. What a file is checked against (the company's size limit, readable,
not empty, its SHA-256 on the way out) is the services' job: this box shows
their messages.

The questions and the system viewer are module functions (``choose_file``,
``choose_save_path``, ``open_with_system``), and each box keeps its own
reference to them, so tests answer them without a modal dialog or a viewer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.errors import TrastiendaError
from app.services import contract_documents, contracts
from app.services.contracts import AttachmentView
from ui.common import dialogs
from ui.common.formatting import format_decimal
from ui.common.file_jobs import FileJobs

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole  # the item's AttachmentView


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{format_decimal(size / 1024, 0)} KB"
    return f"{format_decimal(round(size / 1024 / 1024, 1), 1)} MB"


# -- the questions and the viewer (tests replace these) ----------------------------------
def choose_file(parent: QWidget) -> str | None:
    """The file to attach, or None when the clerk cancels."""
    path, _filter = QFileDialog.getOpenFileName(parent, tr("Attach a file"))
    return path or None


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, tr("Save a copy"), suggested)
    return path or None


def open_with_system(path: Path) -> bool:
    """Opens ``path`` with the application the system associates with its type; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class _DropList(QListWidget):
    """The list of files; local files dropped on it are offered to ``sig_dropped``."""

    sig_dropped = Signal(list)  # [str] paths

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.accepting = False  # only while a saved contract is shown
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def _local_files(self, event) -> list[str]:
        mime = event.mimeData()
        if not self.accepting or not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_files(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sig_dropped.emit(paths)


class AttachmentsBox(FileJobs, QGroupBox):
    sig_status = Signal(str)
    sig_contract = Signal(object)  # the saved contract shown (uuid.UUID), or None

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Attached files"))
        self.db = db
        self.contract_id: uuid.UUID | None = None
        self._jobs = 0
        # Injectable: what asks for a file, where to save, and what shows an opened file.
        self.chooser: Callable[[QWidget], str | None] = choose_file
        self.save_chooser: Callable[[QWidget, str], str | None] = choose_save_path
        self.opener: Callable[[Path], bool] = open_with_system
        self.list = _DropList(self)
        self.list.setObjectName("attachments")
        self.list.setAccessibleName(self.tr("Attached files"))
        self.list.setToolTip(self.tr("Drop files here to attach them; Enter opens the chosen file."))
        self.list.setMaximumHeight(72)
        self.hint = QLabel(self)
        self.hint.setObjectName("attachments_hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("A&dd file…"), self)
        self.add_button.setObjectName("add_attachment")
        self.open_button = QPushButton(self.tr("Open"), self)  # Alt+O is the customer field's
        self.open_button.setObjectName("open_attachment")
        self.save_button = QPushButton(self.tr("Save a &copy…"), self)
        self.save_button.setObjectName("save_attachment")
        self.remove_button = QPushButton(self.tr("Remove file…"), self)
        self.remove_button.setObjectName("remove_attachment")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add)
        self.open_button.clicked.connect(self._on_open)
        self.save_button.clicked.connect(self._on_save)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.list.itemActivated.connect(lambda _i: self._on_open())
        self.list.sig_dropped.connect(self._on_dropped)
        self.set_contract(None)

    # -- public API -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A file is being stored, opened or saved."""
        return self._jobs > 0

    def set_contract(self, contract_id: uuid.UUID | str | None) -> None:
        """Show a saved contract's files; a new contract has none until it is saved."""
        self.contract_id = uuid.UUID(str(contract_id)) if contract_id else None
        self.list.clear()
        self._say("" if self.contract_id else self.tr("Save the contract first to attach files."), status=False)
        if self.contract_id is not None:
            self.reload()
        self._enable()
        self.sig_contract.emit(self.contract_id)

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
            item.setToolTip(f"{att.mime_type} · SHA-256 {att.sha256[:12]}…")
            if current is not None and att.id == current.id:
                self.list.setCurrentItem(item)
        self._enable()

    def current(self) -> AttachmentView | None:
        item = self.list.currentItem()
        return item.data(ATTACHMENT_ROLE) if item is not None else None

    def filenames(self) -> list[str]:
        return [self.list.item(i).data(ATTACHMENT_ROLE).filename for i in range(self.list.count())]

    def add_file(self, path: str | Path) -> None:
        """Attach the file at ``path`` to the contract shown (checked, read and stored in the background)."""
        if self.contract_id is None:
            return
        path = Path(path)
        contract_id = self.contract_id
        self._say(self.tr("Attaching {0}…").replace("{0}", path.name))
        self._start(lambda: contracts.add_attachment_file(self.db, contract_id, path),
                    lambda att: self._on_added(contract_id, att))

    def open_file(self, attachment: AttachmentView) -> None:
        """Write the attachment into a private folder (verified) and hand it to the system's viewer."""
        self._say(self.tr("Opening {0}…").replace("{0}", attachment.filename))
        self._start(lambda: contract_documents.export_attachment(self.db, attachment.id), self._on_exported)

    def save_copy(self, attachment: AttachmentView, path: str | Path) -> None:
        """Write the attachment's verified bytes to ``path`` (in the background)."""
        path = Path(path)
        self._start(lambda: contract_documents.save_attachment_copy(self.db, attachment.id, path),
                    lambda _r: self._say(self.tr("Saved {0}.").replace("{0}", str(path))))

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
        path = self.chooser(self)
        if path:
            self.add_file(path)

    def _on_dropped(self, paths: list[str]) -> None:
        for path in paths:
            self.add_file(path)

    def _on_open(self) -> None:
        att = self.current()
        if att is not None:
            self.open_file(att)

    def _on_exported(self, path: Path) -> None:
        if self.opener(path):
            self._say(self.tr("Opened {0}.").replace("{0}", path.name))
        else:
            self._say(self.tr("No application on this computer opens {0}; a copy is at {1}.")
                      .replace("{0}", path.name).replace("{1}", str(path)))

    def _on_save(self) -> None:
        att = self.current()
        if att is None:
            return
        path = self.save_chooser(self, att.filename)
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
    def _enable(self) -> None:
        saved = self.contract_id is not None
        self.list.accepting = saved
        self.add_button.setEnabled(saved)
        chosen = saved and self.current() is not None
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
