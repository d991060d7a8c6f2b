"""A pseudo-language for finding texts that never go through a translation.

Every message in the catalogues is "translated" to itself between ‹ and ›, for
the window (a .qm compiled from trastienda_es.ts) and for app/ (the catalogue
of app/i18n.py). Shown like that, a visible text with words and no ‹ came from
code that did not ask for a translation, or from a message the tools did not
extract (so Spanish would show it in English).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QListView, QMenu,
    QTabWidget, QWidget,
)

from app import i18n
from ui.i18n import translations_tool

translations = translations_tool()

OPEN, CLOSE = "‹", "›"
WORDS = re.compile(r"[A-Za-z]{3,}")
NOT_UI = {"Trastienda", *i18n.LANGUAGES.values()}  # the product, and each language in its own words


def compile_pseudo(folder: Path) -> Path:
    messages = translations.read_ts(translations.ui_catalogue("es"))
    for m in messages:
        m.translation, m.finished = f"{OPEN}{m.source}{CLOSE}", True
    ts, qm = folder / "pseudo.ts", folder / "pseudo.qm"
    translations.write_ts(ts, "es", messages)
    subprocess.run([translations.qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   stdout=subprocess.DEVNULL)
    return qm


class PseudoLanguage:
    """Install with ``with PseudoLanguage(tmp_path):`` around building the widgets."""

    def __init__(self, folder: Path) -> None:
        self.qm = compile_pseudo(folder)
        self.translator = QTranslator()

    def __enter__(self) -> PseudoLanguage:
        assert self.translator.load(str(self.qm))
        QApplication.instance().installTranslator(self.translator)
        self.saved = (i18n._language, dict(i18n._catalogue))
        app_messages = translations.read_ts(translations.app_catalogue("es"))
        i18n._catalogue = {m.source: f"{OPEN}{m.source}{CLOSE}" for m in app_messages}
        return self

    def __exit__(self, *exc) -> None:
        QApplication.instance().removeTranslator(self.translator)
        i18n._language, i18n._catalogue = self.saved[0], self.saved[1]


def untranslated(text: str, data: tuple[str, ...] = ()) -> bool:
    """A text with words in it and no part that came through a translation; ``data``: texts
    from the database (reference data such as tax rates' names), not the window's own."""
    if not text or OPEN in text:
        return False
    plain = re.sub(r"<[^>]+>", " ", text)  # rich text's tags
    for value in sorted(data, key=len, reverse=True):
        plain = plain.replace(value, " ")
    plain = re.sub(r"\S+[/\\]\S+", " ", plain)  # paths and URLs
    for name in NOT_UI:
        plain = plain.replace(name, " ")
    return bool(WORDS.search(plain))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person can see now in ``root``: labels, buttons, group and
    tab titles, placeholders, tooltips, list headers, combo items and menu entries."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str) -> None:
        found.append((f"{type(widget).__name__}({widget.objectName()}).{what}", text))

    for w in [root, *root.findChildren(QWidget)]:
        if not (w is root or w.isVisibleTo(root)) or isinstance(w, QMenu):
            continue
        add(w, "toolTip", w.toolTip())
        if w.isWindow():
            add(w, "windowTitle", w.windowTitle().replace("[*]", ""))
        if isinstance(w, QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QAbstractButton):
            box = w.parent()
            if isinstance(box, QDialogButtonBox) and box.standardButton(w) != QDialogButtonBox.StandardButton.NoButton:
                continue  # Qt's own button ("OK", "Cancel"): translated by Qt's qtbase catalogue
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            add(w, "placeholder", w.placeholderText())
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
                add(w, f"tab {i} tooltip", w.tabToolTip(i))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a QAbstractListModel keeps columnCount private: one column
                columns = 0
            for c in range(columns):
                add(w, f"header {c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
            if isinstance(w, QListView):  # a list of choices (reports): its rows are the window's texts
                for r in range(model.rowCount(QModelIndex())):
                    add(w, f"row {r}", str(model.index(r, 0).data() or ""))
    for menu in root.findChildren(QMenu):
        for action in menu.actions():
            if action.isVisible() and not action.isSeparator():
                add(menu, "action", action.text())
                add(menu, "action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "")
                    else "")
    return found
