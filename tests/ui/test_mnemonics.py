"""Alt+letter reaches one thing: no two texts on show at once share a mnemonic, in either language.

A letter claimed twice only moves the focus between its owners, so a clerk working from the
keyboard presses it and nothing happens. Translations pick their own letters, hence both languages.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget

from ui import i18n as ui_i18n
from ui.main_window import MainWindow


def _mnemonics(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for w in root.findChildren(QWidget):
        if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(root):
            m = re.search(r"&(\w)", w.text().replace("&&", ""))
            if m:
                found.setdefault(m.group(1).lower(), []).append(w.text())
    return {k: v for k, v in found.items() if len(v) > 1}


@pytest.fixture(params=["en", "es"])
def language(request):
    yield ui_i18n.install_language(QApplication.instance(), request.param)
    ui_i18n.install_language(QApplication.instance(), "en")


def test_each_list_and_its_form_give_each_letter_to_one_text(qtbot, sqlite_db, language):
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
    qtbot.addWidget(window)
    window.show()
    clashes = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.widget(i)
        inner_tabs = page.findChildren(QTabWidget) or [None]
        for tabs in inner_tabs:
            for j in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(j)
                qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
                record = window.current_tab()
                inner = getattr(record, "current_record_tab", None)
                record = inner() if inner is not None else record
                opened = hasattr(record, "action_new") and type(record).__name__ != "LeaveTab"  # a dialog
                if opened:
                    record.action_new()
                clashes += [f"{type(record).__name__}: Alt+{k.upper()} {texts}" for k, texts in _mnemonics(page).items()]
                if opened:
                    record.action_close()
    assert clashes == [], "\n".join(clashes)
