"""The clerk's main window. The Qt client issue fills the tabs."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from app import __version__
from app.db.session import Database


class MainWindow(QMainWindow):
    def __init__(self, database: Database, where: str):
        super().__init__()
        self.database = database
        self.setWindowTitle(f"Trastienda {__version__}")
        self.resize(1200, 800)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Database: {0}").replace("{0}", where)))
        quit_action = self.menuBar().addMenu(self.tr("&File")).addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
