"""The few questions the app asks. One place, so tests can answer them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, *, yes: str | None = None, no: str | None = None) -> bool:
    """Ask a yes/no question; the safe answer (no) is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes or QCoreApplication.translate("Dialogs", "Yes"), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or QCoreApplication.translate("Dialogs", "No"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_text(parent: QWidget, title: str, label: str) -> str | None:
    """One line of text, or None when the clerk cancels."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def choose(parent: QWidget, title: str, label: str, options: list[tuple[str, object]]) -> object | None:
    """One of ``options`` (label, value), or None when the clerk cancels."""
    from PySide6.QtWidgets import QInputDialog

    labels = [text for text, _value in options]
    text, ok = QInputDialog.getItem(parent, title, label, labels, 0, False)
    return dict(options).get(text) if ok else None


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: list[tuple[str, str]]) -> str | None:
    """Where to save a file, or None when the clerk cancels.

    ``filters`` are (label, extension) pairs, e.g. ("CSV (*.csv)", ".csv"); a
    name typed without one of those extensions gets the chosen filter's.
    """
    from PySide6.QtWidgets import QFileDialog

    labels = ";;".join(label for label, _ext in filters)
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, labels)
    if not path:
        return None
    extensions = [ext for _label, ext in filters]
    if not any(path.lower().endswith(ext) for ext in extensions):
        path += dict(filters).get(chosen, extensions[0] if extensions else "")
    return path


def choose_open_path(parent: QWidget, title: str, filters: list[str]) -> str | None:
    """A file to open, or None when the clerk cancels; ``filters`` like "CSV files (*.csv *.txt)"."""
    from PySide6.QtWidgets import QFileDialog

    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", ";;".join(filters))
    return path or None
