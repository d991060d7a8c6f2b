"""The welcome on a new local database: set the company up, connect to a server, try demo data, or later.

One dialog with three pages (the choices, the company form, the demo's progress),
so Esc always means one thing on each: later on the choices, back on the form,
nothing while demo data is being written (it cannot stop halfway cleanly).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCommandLinkButton, QDialog, QDialogButtonBox, QLabel, QProgressBar, QStackedWidget, QVBoxLayout,
    QWidget,
)

from app.db.session import Database
from ui.common import theme
from ui.common.worker import run_in_background
from ui.first_run.company_page import CompanyPage

# The command line's defaults (main.py demo): enough to see every screen at work, written in seconds.
DEMO_SIZES = dict(customers=200, products=300, invoices=2000, contracts=100, employees=40)

LATER, COMPANY, SERVER, DEMO = "later", "company", "server", "demo"


class WelcomeDialog(QDialog):
    """``choice`` says what was done; ``opened`` holds a server profile's connection (SERVER)."""

    sig_progress = Signal(str, int, int)  # emitted on the worker thread, queued to this one

    def __init__(self, db: Database, connect: Callable[[QWidget], Any] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._connect = connect
        self.choice = LATER
        self.opened: Any = None
        self.demo_running = False
        self.setWindowTitle(self.tr("Welcome to Trastienda"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choices_page())
        self.company_page: CompanyPage | None = None  # built when chosen: it reads the series
        self.pages.addWidget(self._demo_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.sig_progress.connect(self._on_progress)
        self.company_button.setFocus()

    # -- pages ----------------------------------------------------------------------
    def _choices_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("<h2>Welcome to Trastienda</h2>"), page)
        intro = QLabel(self.tr("This computer's database is new and empty. How would you like to start?"), page)
        intro.setWordWrap(True)
        self.company_button = self._choice(page, "set_up", self.tr("&Set up my company"), self.tr(
            "Your name, NIF and address as invoices print them, and how invoices are numbered."))
        self.server_button = self._choice(page, "connect", self.tr("&Connect to a shared server"), self.tr(
            "Your office keeps its data on a server: log in with your own account."))
        self.demo_button = self._choice(page, "demo", self.tr("&Try it with demo data"), self.tr(
            "A made-up shop with customers, products, invoices and staff, to look around safely. "
            "It stays in this database: real work belongs in a new one."))
        self.company_button.clicked.connect(self._on_company)
        self.server_button.clicked.connect(self._on_server)
        self.demo_button.clicked.connect(self._on_demo)
        self.choice_error = QLabel(page)
        self.choice_error.setObjectName("choice_error")
        self.choice_error.setWordWrap(True)
        theme.style(self.choice_error, "color: $error_text;")
        self.choice_error.hide()
        buttons = QDialogButtonBox(page)
        later = buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("later")
        later.setToolTip(self.tr("Open the empty window. File > Company details sets the company up at any time."))
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        for widget in (self.company_button, self.server_button, self.demo_button, self.choice_error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    @staticmethod
    def _choice(page: QWidget, name: str, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, page)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter takes the focused choice
        return button

    def _demo_page(self) -> QWidget:
        page = QWidget(self)
        self.demo_label = QLabel(self.tr("Writing demo data…"), page)
        self.demo_bar = QProgressBar(page)
        self.demo_bar.setRange(0, 0)  # busy until a stage says how far it has to go
        note = QLabel(self.tr("This takes a few seconds; the window opens when it is done."), page)
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.demo_bar)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # -- choices --------------------------------------------------------------------
    def _on_company(self) -> None:
        if self.company_page is None:
            self.company_page = CompanyPage(self.db, self)
            self.company_page.sig_saved.connect(self._on_company_saved)
            self.company_page.sig_back.connect(self._show_choices)
            self.pages.addWidget(self.company_page)
        self.pages.setCurrentWidget(self.company_page)

    def _on_company_saved(self, _done) -> None:
        self.choice = COMPANY
        self.accept()

    def _show_choices(self) -> None:
        self.pages.setCurrentIndex(0)
        self.company_button.setFocus()

    def _on_server(self) -> None:
        if self._connect is None:
            return
        opened = self._connect(self)
        if opened is None:  # no profile chosen, or the login cancelled: choose again
            self.server_button.setFocus()
            return
        self.choice, self.opened = SERVER, opened
        self.accept()

    def _on_demo(self) -> None:
        from app.demo import generate_demo

        self.choice_error.hide()
        self.demo_running = True
        self.pages.setCurrentIndex(1)
        db, sizes, report = self.db, dict(DEMO_SIZES), self.sig_progress.emit
        run_in_background(lambda: generate_demo(db, progress=report, **sizes),
                          self._on_demo_done, self._on_demo_failed, owner=self)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.demo_label.setText(self.tr("Writing demo data: %1…").replace("%1", stage.replace("_", " ")))
        if total > 0 and done < total:  # the long stages (invoices, the record chain) count up
            self.demo_bar.setRange(0, total)
            self.demo_bar.setValue(done)
        else:
            self.demo_bar.setRange(0, 0)

    def _on_demo_done(self, _stats) -> None:
        self.demo_running = False
        self.choice = DEMO
        self.accept()

    def _on_demo_failed(self, exc: Exception) -> None:
        self.demo_running = False
        self.choice_error.setText(self.tr("The demo data could not be written: %1").replace("%1", str(exc)))
        self.choice_error.show()
        self._show_choices()

    # -- closing --------------------------------------------------------------------
    def reject(self) -> None:
        """Esc: later on the choices, back to them from the form, nothing while demo data is written."""
        if self.demo_running:
            return
        if self.company_page is not None and self.pages.currentWidget() is self.company_page:
            self._show_choices()
            return
        self.choice = LATER
        super().reject()
