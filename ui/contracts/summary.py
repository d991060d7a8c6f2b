"""The "Summary PDF" action of the contract editor: preview, print or save the contract's summary.

The PDF comes from ``app.services.contract_documents`` (the single source for
preview, print and file) and is shown in the invoices' PreviewDialog. It is
rendered off the GUI thread: a contract with a long history still opens at once.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.db.session import Database
from app.errors import TrastiendaError
from app.services import contract_documents
from ui.common.worker import run_in_background
from ui.invoices.preview import PreviewDialog


class SummaryAction(QWidget):
    """A row with the "Summary PDF…" button; enabled while a saved contract is shown."""

    sig_status = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.contract_id: uuid.UUID | None = None
        self.dialog: PreviewDialog | None = None  # the last preview opened (tests look at it)
        self._busy = False
        self.button = QPushButton(self.tr("Summary PDF…"), self)
        self.button.setObjectName("summary_pdf")
        self.button.setToolTip(self.tr("Preview, print or save a summary of this contract: terms, prices, "
                                       "history and attached files"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        self.button.clicked.connect(self.preview)
        self.set_contract(None)

    @property
    def busy(self) -> bool:
        return self._busy

    def set_contract(self, contract_id: uuid.UUID | str | None) -> None:
        self.contract_id = uuid.UUID(str(contract_id)) if contract_id else None
        self.button.setEnabled(self.contract_id is not None and not self._busy)

    def preview(self) -> None:
        """Renders the summary in the background, then opens the preview (window-modal)."""
        if self.contract_id is None or self._busy:
            return
        contract_id = self.contract_id
        self._busy = True
        self.button.setEnabled(False)

        def work() -> tuple[bytes, str]:
            return (contract_documents.contract_summary_pdf(self.db, contract_id),
                    contract_documents.summary_file_name(self.db, contract_id))

        run_in_background(work, self._on_ready, self._on_failed, owner=self)

    def _done(self) -> None:
        self._busy = False
        self.button.setEnabled(self.contract_id is not None)

    def _on_ready(self, result: tuple[bytes, str]) -> None:
        self._done()
        data, file_name = result
        dialog = PreviewDialog(data, self.tr("Contract summary"), file_name, self.window())
        dialog.setObjectName("contract_summary_preview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _on_failed(self, exc: Exception) -> None:
        self._done()
        message = str(exc) if isinstance(exc, TrastiendaError) else self.tr("The summary could not be made: {0}") \
            .replace("{0}", str(exc))
        self.sig_status.emit(message)
