"""File work off the GUI thread for a box of attachments: one place for the bookkeeping and the messages.

Used by the contract attachments and the employee documents boxes. The box
provides ``hint`` (a QLabel), ``sig_status`` (Signal(str)), ``_jobs`` (an int
set to 0 in its constructor) and ``_enable()`` (buttons by state).
"""

from __future__ import annotations

from app.errors import TrastiendaError, ValidationError
from ui.common.worker import run_in_background


class FileJobs:
    def _start(self, work, on_done) -> None:
        """Run ``work`` in the background; buttons follow the count of jobs running."""
        self._jobs += 1
        self._enable()

        def done(result) -> None:
            self._jobs -= 1
            self._enable()
            on_done(result)

        def failed(exc: Exception) -> None:
            self._jobs -= 1
            self._enable()
            self._say(self._failure_text(exc))

        run_in_background(work, done, failed, owner=self)

    def _failure_text(self, exc: Exception) -> str:
        if isinstance(exc, ValidationError):  # unreadable, empty or too large: the message names the file
            return " ".join(e.message for e in exc.errors)
        if isinstance(exc, TrastiendaError):
            return str(exc)
        if isinstance(exc, OSError):
            return self.tr("The file could not be read or written: {0}").replace("{0}", exc.strerror or str(exc))
        return self.tr("Failed: {0}").replace("{0}", str(exc))

    def _say(self, text: str, *, status: bool = True) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        if text and status:
            self.sig_status.emit(text)
