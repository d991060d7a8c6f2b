"""Keeping a shared profile's window on the server when it answers and on the offline copy when not.

One controller per window. It never touches the database on the GUI thread: the probe (every
``probe_ms``), each sync and the counts of waiting changes and conflicts run on worker threads
(``ui.common.worker``) and come back as slots. What it knows is kept in a few attributes that the
banner and the status bar read when ``sig_changed`` fires.

- Online, the probe asks the server for ``SELECT 1``; no answer flips the link to the copy. An action
  that finds the server gone flips it too (``app.sync.link``), and the link tells us.
- Offline, the probe keeps asking; an answer starts a sync (push, then pull), and only once the
  outbox is on the server does the window go back to it and read its lists again.
- Online, a sync runs every ``sync_ms`` and at the first login (it makes the copy) so the copy is
  fresh when the link goes; "Sync now" runs one at once. A sync asked for while one runs is ignored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import LoginRefusedError, TrastiendaError
from app.sync.link import Link, is_unreachable
from ui.common.worker import run_in_background

PROBE_MS = 15_000
SYNC_MS = 5 * 60_000


class OfflineController(QObject):
    """The window's link to the server and what the clerk is told about it."""

    sig_changed = Signal()  # offline, counts, message or progress changed
    sig_synced = Signal(object)  # a SyncReport, after the window shows its result
    sig_progress = Signal(str, int, int)  # (what, done, total), from the sync's worker thread
    _sig_flipped = Signal(bool, str)  # from the link, on whatever thread flipped it
    _sig_wrote = Signal()  # a change saved on the copy, on whatever thread saved it

    def __init__(self, link: Link, parent: QObject | None = None, *, probe_ms: int = PROBE_MS,
                 sync_ms: int = SYNC_MS):
        super().__init__(parent)
        self.link = link
        self.pending = 0
        self.conflicts = 0
        self.problem = ""  # why the copy cannot be used, or the server refuses to sync
        self.needs_login = False  # the server answers but refuses the password this window knows
        self.syncing = False
        self.progress: tuple[str, int, int] | None = None
        self.last_report = None
        self.last_synced: dt.datetime | None = None
        self.last_failure = ""  # why the last sync asked for did not happen, for the status bar
        self._probing = False
        self._again = False  # changes saved on the copy during the sync that brought the window back
        self._probe = QTimer(self)
        self._probe.setInterval(probe_ms)
        self._probe.timeout.connect(self.probe_now)
        self._periodic = QTimer(self)
        self._periodic.setInterval(sync_ms)
        self._periodic.timeout.connect(self._on_periodic)
        self._sig_flipped.connect(self._on_flipped)  # queued when a worker flipped the link
        self.sig_progress.connect(self._on_progress)
        link.add_listener(self._sig_flipped.emit)
        self._recount = QTimer(self)  # a burst of saves (an import) is counted once
        self._recount.setSingleShot(True)
        self._recount.setInterval(150)
        self._recount.timeout.connect(self.refresh_counts)
        self._sig_wrote.connect(self._recount.start)
        link.add_write_listener(self._sig_wrote.emit)

    @property
    def offline(self) -> bool:
        return self.link.offline

    # -- public API ---------------------------------------------------------------------
    def start(self) -> None:
        """Start probing and syncing; the first login makes the copy at once, in the background."""
        self._probe.start()
        self._periodic.start()
        if not self.offline and not self.link.replica_path.exists():
            self.sync_now()
        self.refresh_counts()

    def stop(self) -> None:
        self._probe.stop()
        self._periodic.stop()

    def probe_now(self) -> None:
        """Ask the server whether it answers (a worker thread); flip accordingly when it comes back."""
        if self._probing or self.syncing:
            return
        self._probing = True
        run_in_background(self.link.probe, self._on_probed, self._on_probe_failed, owner=self)

    def sync_now(self) -> bool:
        """Push, then pull, on a worker thread; False (nothing done) when one is running already."""
        if self.syncing or self.link.syncing:
            return False
        self.syncing, self.progress = True, None
        self.sig_changed.emit()
        run_in_background(lambda: self.link.sync(progress=self.sig_progress.emit), self._on_synced,
                          self._on_sync_failed, owner=self)
        return True

    def logged_in(self, server) -> None:
        """The clerk logged in again (``needs_login``): sync with that login, then go online."""
        self.needs_login, self.problem = False, ""
        if self.offline:
            self.link.use_server(server)
        else:
            self.link.go_online(server)
        self.sig_changed.emit()
        self.sync_now()

    def refresh_counts(self) -> None:
        """Count the changes waiting and the conflicts open in the copy (a worker thread)."""
        run_in_background(lambda: (self.link.pending(), self.link.open_conflicts()), self._on_counted,
                          lambda _exc: None, owner=self)

    # -- slots --------------------------------------------------------------------------
    def _on_flipped(self, offline: bool, _reason: str) -> None:
        if offline:
            self.problem = ""
        self.sig_changed.emit()
        self.refresh_counts()

    def _on_probed(self, answers: bool) -> None:
        self._probing = False
        if answers and self.offline and not self.needs_login:
            self.sync_now()
        elif not answers and not self.offline:
            reason = self.tr("The server is not answering.")
            if not self.link.go_offline(reason):
                self.problem = self.link.reason
                self.sig_changed.emit()
        elif answers and self.problem and not self.offline:
            self.problem = ""
            self.sig_changed.emit()

    def _on_probe_failed(self, _exc: Exception) -> None:
        self._probing = False

    def _on_progress(self, what: str, done: int, total: int) -> None:
        self.progress = (what, done, total)
        self.sig_changed.emit()

    def _on_synced(self, result) -> None:
        self.syncing, self.progress = False, None
        if result is None:  # another sync had the copy: it reports itself
            return
        report, server = result
        self.last_report, self.last_synced, self.problem, self.last_failure = report, dt.datetime.now(), "", ""
        if self.offline:
            self.link.go_online(server)
            self._again = True  # anything saved on the copy while this sync ran goes at once
        self.refresh_counts()
        self.sig_changed.emit()
        self.sig_synced.emit(report)

    def _on_sync_failed(self, exc: Exception) -> None:
        self.syncing, self.progress = False, None
        self.last_failure = self.tr("Not synced at {0}: {1}").replace("{0}", dt.datetime.now().strftime("%H:%M")) \
            .replace("{1}", str(exc).strip().splitlines()[0] if str(exc) else type(exc).__name__)
        if isinstance(exc, LoginRefusedError):
            self.needs_login = True
            self.problem = str(exc)
        elif is_unreachable(exc):
            if not self.offline and not self.link.go_offline(str(exc)):
                self.problem = self.link.reason
        else:  # another server's or login's copy, a schema of another version: said as it is
            self.problem = str(exc) if isinstance(exc, TrastiendaError) else \
                self.tr("The sync failed: {0}").replace("{0}", str(exc).strip().splitlines()[0] if str(exc) else
                                                       type(exc).__name__)
        self.sig_changed.emit()
        self.refresh_counts()

    def _on_counted(self, counts: tuple[int, int]) -> None:
        self.pending, self.conflicts = counts
        self.sig_changed.emit()
        if self._again:
            self._again = False
            if self.pending and not self.offline:
                self.sync_now()

    def _on_periodic(self) -> None:
        if not self.offline and not self.needs_login:
            self.sync_now()
