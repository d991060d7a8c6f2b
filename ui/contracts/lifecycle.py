"""The contract's life under its form: Activate, Give notice…, Renew…, Terminate…, and its history.

Each action asks what it needs in a small dialog (the notice date, the
indexation percent with the contract's own filled in, the termination date and
reason) and calls app.services.contract_lifecycle; a refused action keeps the
dialog open with the message next to the field, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.domain.enums import ContractEventKind as K
from app.domain.enums import ContractStatus as S
from app.errors import ConflictError, TrastiendaError, ValidationError
from app.services import contract_lifecycle as life
from ui.common import dialogs
from ui.common.fields import DateField, DecimalField, TextField
from ui.common.form import Form
from ui.common.formatting import format_date, format_decimal


class ActionDialog(QDialog):
    """A few fields and OK; ``run(values)`` does the work and may raise ValidationError."""

    def __init__(self, parent: QWidget, title: str, run: Callable[[dict[str, Any]], Any]):
        super().__init__(parent)
        self.setObjectName("lifecycle_dialog")
        self.setWindowTitle(title)
        self._run = run
        self.result_value: Any = None
        self.form = Form(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _on_ok(self) -> None:
        try:
            self.result_value = self._run(self.form.values())
        except ValidationError as exc:  # typing errors too; those on fields not here (status) go on top
            self.form.show_errors(exc)
            return
        except TrastiendaError as exc:  # a conflict, a contract gone
            self.form.show_general(str(exc))
            return
        self.accept()


class LifecycleBox(QGroupBox):
    sig_done = Signal(str)  # an action succeeded: what to say in the status bar

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: Callable[[], dt.date],
                 may_act: Callable[[], bool]):
        super().__init__(parent)
        self.setTitle(self.tr("Status and history"))
        self.db = db
        self._today = today
        self._may_act = may_act
        self.view = None
        self.dialog: ActionDialog | None = None  # the one open (tests drive it)
        self.activate_button = QPushButton(self.tr("Acti&vate"), self)
        self.activate_button.setObjectName("activate")
        self.notice_button = QPushButton(self.tr("&Give notice…"), self)
        self.notice_button.setObjectName("give_notice")
        self.renew_button = QPushButton(self.tr("Rene&w…"), self)
        self.renew_button.setObjectName("renew")
        self.terminate_button = QPushButton(self.tr("Ter&minate…"), self)
        self.terminate_button.setObjectName("terminate")
        self.history = QListWidget(self)
        self.history.setObjectName("history")
        self.history.setMaximumHeight(130)
        row = QHBoxLayout()
        for b in (self.activate_button, self.notice_button, self.renew_button, self.terminate_button):
            row.addWidget(b)
        row.addStretch(1)
        col = QVBoxLayout(self)
        col.addLayout(row)
        col.addWidget(self.history)
        self.activate_button.clicked.connect(self.action_activate)
        self.notice_button.clicked.connect(self.action_notice)
        self.renew_button.clicked.connect(self.action_renew)
        self.terminate_button.clicked.connect(self.action_terminate)
        self.set_contract(None)

    # -- showing -----------------------------------------------------------------------------
    def set_contract(self, view) -> None:
        self.view = view
        status = view.status if view is not None else None
        self.activate_button.setEnabled(status == S.DRAFT)
        self.notice_button.setEnabled(status == S.ACTIVE)
        self.renew_button.setEnabled(status in (S.ACTIVE, S.NOTICE_GIVEN, S.ENDED) and view.end_date is not None)
        self.terminate_button.setEnabled(status in life.RUNNING)
        self.history.clear()
        if view is not None:
            for event in life.contract_history(self.db, view.id):
                self.history.addItem(self.describe(event))

    def kind_labels(self) -> dict[K, str]:
        return {K.CREATED: self.tr("Created"), K.ACTIVATED: self.tr("Activated"),
                K.NOTICE_GIVEN: self.tr("Notice given"), K.RENEWED: self.tr("Renewed"),
                K.INDEXED: self.tr("Prices indexed"), K.ENDED: self.tr("Ended"), K.TERMINATED: self.tr("Terminated")}

    def describe(self, e: life.EventView) -> str:
        text = f"{format_date(e.date)}  {self.kind_labels()[e.kind]}"
        if e.kind == K.RENEWED and e.period_start and e.period_end:
            text += self.tr(": {0} to {1}").replace("{0}", format_date(e.period_start)).replace(
                "{1}", format_date(e.period_end))
        if e.kind == K.INDEXED and e.percent is not None:
            text += f" {format_decimal(e.percent, None)} %"
        if e.note:
            text += f" — {e.note}"
        return text

    # -- actions ------------------------------------------------------------------------------
    def _ready(self) -> bool:
        return self.view is not None and self._may_act()

    def _id(self) -> uuid.UUID:
        return self.view.id

    def _finish(self, message: str) -> None:
        self.sig_done.emit(message)

    def action_activate(self) -> None:
        if not self._ready():
            return
        try:
            life.activate(self.db, self._id(), today=self._today(), expected_version=self.view.version)
        except (ValidationError, ConflictError, TrastiendaError) as exc:
            dialogs.inform(self, self.tr("Not activated"), str(exc))
            return
        self._finish(self.tr("Contract activated."))

    def _open(self, title: str, run, build, done: str) -> None:
        if not self._ready():
            return
        dialog = ActionDialog(self, title, run)
        build(dialog.form)
        dialog.accepted.connect(lambda: self._finish(done))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def action_notice(self) -> None:
        today, version = self._today(), self.view.version if self.view else None

        def build(form: Form) -> None:
            form.add("date", self.tr("Notice &given on"), DateField())
            form.add("note", self.tr("N&ote"), TextField())
            form.fields["date"].set_value(today)
            if self.view.notice_by is not None:
                form.fields["date"].setToolTip(self.tr("For this period, notice is due by {0}.").replace(
                    "{0}", format_date(self.view.notice_by)))

        self._open(self.tr("Give notice"),
                   lambda v: life.give_notice(self.db, self._id(), v["date"], v["note"], today=today,
                                              expected_version=version),
                   build, self.tr("Notice recorded: the contract ends at its end date."))

    def action_renew(self) -> None:
        today, version = self._today(), self.view.version if self.view else None

        def build(form: Form) -> None:
            form.add("percent", self.tr("Raise prices by (&%)"), DecimalField(4))
            form.add("note", self.tr("N&ote"), TextField())
            form.fields["percent"].set_value(self.view.indexation_percent)
            form.fields["percent"].setToolTip(self.tr("For example the CPI (IPC). Leave 0 for no change."))

        def run(v):
            return life.renew(self.db, self._id(), v["percent"] if v["percent"] is not None else 0, v["note"],
                              today=today, expected_version=version)

        self._open(self.tr("Renew"), run, build, self.tr("Contract renewed."))

    def action_terminate(self) -> None:
        version = self.view.version if self.view else None

        def build(form: Form) -> None:
            form.add("date", self.tr("&Ends on"), DateField())
            form.add("reason", self.tr("&Reason"), TextField())
            form.fields["date"].set_value(self._today())

        self._open(self.tr("Terminate"),
                   lambda v: life.terminate(self.db, self._id(), v["date"], v["reason"], expected_version=version),
                   build, self.tr("Contract terminated."))
