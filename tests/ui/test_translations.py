"""Every text a clerk sees is translatable, and translated: the catalogues and the window in Spanish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QTabWidget

from tests.ui.pseudo_language import PseudoLanguage, untranslated, visible_texts
from ui.i18n import translations_tool
from ui.main_window import MainWindow


def test_the_spanish_catalogues_hold_every_message_of_the_code_translated():
    problems = translations_tool().stale_or_missing("es")
    assert problems == [], f"{len(problems)} problems (python packaging/translations.py update):\n" + \
        "\n".join(problems[:40])


class DialogsClosed:
    """Read the texts of a modal dialog opened inside the block, then close it."""

    def __init__(self, seen: list) -> None:
        self.seen = seen
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._look)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            if not isinstance(dialog, QFileDialog):  # Qt's own: its catalogue (qtbase_es) translates it
                self.seen.extend(visible_texts(dialog))
            dialog.reject()

    def __enter__(self):
        self.timer.start()

    def __exit__(self, *exc):
        self.timer.stop()


def reference_data(db) -> tuple[str, ...]:
    """Names the database holds (seeded tax rates, the main warehouse): data, not the window's texts."""
    from sqlalchemy import select

    from app.domain.inventory import Warehouse
    from app.domain.invoices import InvoiceSeries
    from app.domain.taxes import TaxRate

    with db.session() as s:
        names = [*s.scalars(select(TaxRate.name)), *s.scalars(select(Warehouse.name)),
                 *s.scalars(select(Warehouse.code)), *s.scalars(select(InvoiceSeries.name))]
    locale = QLocale()  # month and day names come from the locale, not a catalogue
    for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        names += [locale.standaloneMonthName(m, fmt) for m in range(1, 13)]
        names += [locale.monthName(m, fmt) for m in range(1, 13)]
        names += [locale.standaloneDayName(d, fmt) for d in range(1, 8)]
    names += [n[:1].upper() + n[1:] for n in names if n]
    return tuple(n for n in names if n)


def _visit_everything(qtbot, window) -> list[tuple[str, str]]:
    """Each tab, each inner tab, and a new record's form where the tab has one."""
    seen = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
        seen += visible_texts(window)
        inner_tabs = [t for t in window.tabs.widget(i).findChildren(QTabWidget)]
        for tabs in inner_tabs:
            for j in range(tabs.count()):
                tabs.setCurrentIndex(j)
                qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
                seen += visible_texts(window)
                record = window.current_tab()
                inner = getattr(record, "current_record_tab", None)
                record = inner() if inner is not None else record
                if hasattr(record, "action_new"):
                    with DialogsClosed(seen):  # a tab whose New opens a dialog (leave requests)
                        record.action_new()
                    seen += visible_texts(window)
                    if hasattr(record, "action_close"):
                        record.action_close()
    return seen


def test_every_visible_text_of_the_window_goes_through_a_translation(qtbot, sqlite_db, tmp_path):
    with PseudoLanguage(tmp_path):
        window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
        seen = _visit_everything(qtbot, window)
    data = reference_data(sqlite_db)
    bad = sorted({f"{where}: {text!r}" for where, text in seen if untranslated(text, data)})
    assert len(seen) > 300
    assert bad == [], f"{len(bad)} texts shown without a translation:\n" + "\n".join(bad)


def test_the_dialogs_of_the_menus_show_only_translated_texts(qtbot, sqlite_db, tmp_path):
    seen: list[tuple[str, str]] = []
    with PseudoLanguage(tmp_path):
        window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
        actions = {a.objectName(): a for a in window.actions() if a.objectName()}
        opened = 0
        for name in ("company", "series", "reports", "backup", "restore", "about"):
            if name not in actions:
                continue
            before = len(seen)
            with DialogsClosed(seen):
                actions[name].trigger()
                qtbot.waitUntil(lambda: len(seen) > before or QApplication.activeModalWidget() is None,
                                timeout=5_000)
                qtbot.wait(200)
            for dialog in QApplication.topLevelWidgets():  # a dialog shown without a modal loop
                if dialog is not window and dialog.isVisible() and not isinstance(dialog, QFileDialog):
                    seen.extend(visible_texts(dialog))
                    dialog.close()
            opened += len(seen) > before
    data = reference_data(sqlite_db)
    bad = sorted({f"{where}: {text!r}" for where, text in seen if untranslated(text, data)})
    assert opened >= 4
    assert bad == [], f"{len(bad)} texts shown without a translation:\n" + "\n".join(bad)


_TEXT_CALLS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip", "setTitle",
               "setTabText", "addTab", "addItem", "addAction", "addMenu", "setHeaderLabels", "QLabel",
               "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "setLabelText",
               "information", "warning", "critical", "question", "about", "setWhatsThis", "addRow"}


def test_no_text_is_given_to_a_widget_without_a_translation():
    """A string literal with words passed straight to a widget's text is a text Spanish never sees.
    (The pseudo-language tests above find those on screen; this finds them in windows they do not open.)"""
    import ast
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            receiver = getattr(node.func, "value", None)
            if name not in _TEXT_CALLS or getattr(receiver, "id", "") in ("log", "logger", "logging"):
                continue
            for arg in node.args:
                if isinstance(arg, ast.JoinedStr) or (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    text = ast.unparse(arg)
                    words = re.sub(r"\{[^}]*\}|\b[A-Z0-9-]+\b", "", text)  # values; acronyms (SHA-256, PDF)
                    if re.search(r"[A-Za-z]{3,}", words) and "Trastienda" not in text:
                        found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {name}({text[:70]})")
    assert found == [], "Texts not given to tr():\n" + "\n".join(found)
