"""Input widgets that read what a clerk types into plain values.

Each has ``value()`` (raising ``ParseError`` with a clerk's message when the
text is not valid) and ``set_value()``. The typed text is never replaced on an
error, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from ui.common import theme
from ui.common.formatting import ParseError, format_date, format_decimal, parse_date, parse_decimal
from ui.common.worker import LatestOnly

ERROR_STYLE = "border: 1px solid $error_border; background: $error_bg;"  # theme.style's template


def mark_error(widget: QWidget, message: str | None) -> None:
    """Outline a widget in red with the message as tooltip, or clear it.

    The style names the widget itself, so a composite field (a grid, a box of
    fields) does not paint a red border on every child.
    """
    widget.setProperty("invalid", bool(message))
    name = widget.objectName()
    selector = f"#{name}" if name else ""
    theme.style(widget, f"{selector} {{ {ERROR_STYLE} }}" if message and selector else
                (ERROR_STYLE if message else ""))
    widget.setToolTip(message or "")


class TextField(QLineEdit):
    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: str | None) -> None:
        self.setText(value or "")


class NotesField(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.setFixedHeight(70)

    def value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_value(self, value: str | None) -> None:
        self.setPlainText(value or "")


class DecimalField(QLineEdit):
    """Money, prices, quantities: 1.234,56 or 1234.56; ``places`` caps the decimals."""

    def __init__(self, places: int | None = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.places = places
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaxLength(20)

    def value(self) -> Decimal | None:
        return parse_decimal(self.text(), places=self.places)

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_decimal(value, None if self.places != 2 else 2,
                                                             grouping=False))

    def mark_error(self, message: str | None) -> None:
        mark_error(self, message)


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy; 31/02/2026 is refused with a message."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaxLength(10)

    def value(self) -> dt.date | None:
        return parse_date(self.text())

    def set_value(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def mark_error(self, message: str | None) -> None:
        mark_error(self, message)


class CheckField(QCheckBox):
    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool) -> None:
        self.setChecked(bool(value))


class ChoiceField(QComboBox):
    """A fixed list of (label, value); ``None`` is "nothing chosen" when ``blank`` is given."""

    def __init__(self, choices: list[tuple[str, Any]] = (), blank: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._blank = blank
        self.set_choices(choices)

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        current = self.currentData()
        self.clear()
        if self._blank is not None:
            self.addItem(self._blank, None)
        for label, value in choices:
            self.addItem(label, value)
        if current is not None:
            self.set_value(current)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value or (value is not None and str(self.itemData(i)) == str(value)):
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


SearchFn = Callable[[str], list[tuple[str, Any]]]  # text -> [(label, id)], run off the GUI thread


class LookupField(QLineEdit):
    """Pick a record by typing part of its code, name, NIF, SKU or EAN.

    Suggestions come from a service search run in the background as the clerk
    types; choosing one (Enter, click) sets the id. Editing the text after a
    choice clears the id, so the field never shows one record and holds another.

    A barcode scanner types the whole code and Enter at once, before the
    type-ahead search has run: Enter with nothing chosen looks the text up at
    once; a lone exact match is picked and the focus moves on (as Tab would),
    and a code that matches nothing is said, naming it, in ``sig_message``
    (a Form shows it under the field); the text stays to be corrected.
    """

    sig_chosen = Signal(object)  # the chosen id, or None when cleared
    sig_message = Signal(str)  # a problem with the typed text, or "" once it is gone

    def __init__(self, search: SearchFn, parent: QWidget | None = None, delay_ms: int = 150):
        super().__init__(parent)
        self._search = search
        self._id: Any = None
        self._labels: dict[str, Any] = {}
        self._runner = LatestOnly()
        self._list = QStringListModel(self)
        self.completer_ = QCompleter(self._list, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self._on_chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run_search)
        self.textEdited.connect(self._on_edited)
        self.returnPressed.connect(self._on_return)
        self._setting = False
        self._enter = False  # Enter came before the answer: act on it when it comes
        self._message = ""

    def value(self) -> Any:
        if self._id is None and self.text().strip():
            raise ParseError(self.tr("Choose one of the suggestions."))
        return self._id

    def set_value(self, record_id: Any, label: str = "") -> None:
        """``set_value(id, label)``, or ``set_value((id, label))`` as ``Form.load`` passes one value."""
        if isinstance(record_id, tuple):
            record_id, label = record_id
        self._setting = True
        self._id = record_id
        self.setText(label if record_id is not None else "")
        self._setting = False
        self._enter, self._message = False, ""  # a loaded form starts without the last message

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._runner.busy

    def _on_edited(self, _text: str) -> None:
        self._enter = False
        self._say("")
        if self._id is not None:
            self._id = None
            self.sig_chosen.emit(None)
        self._timer.start()

    def _on_return(self) -> None:
        if self._id is not None or not self.text().strip():
            return  # nothing to look up: Enter does what it did before
        self._enter = True
        self._timer.stop()
        self._run_search()

    def _say(self, message: str) -> None:
        if message != self._message:
            self._message = message
            mark_error(self, message or None)
            self.sig_message.emit(message)

    def _run_search(self) -> None:
        text = self.text().strip()
        if not text:
            self._list.setStringList([])
            return
        self._runner.submit(lambda: self._search(text), lambda found: self._on_found(text, found))

    def _on_found(self, text: str, found: list[tuple[str, Any]]) -> None:
        if not shiboken6.isValid(self):
            return  # the field was closed (a grid cell editor) before the answer came back
        if text != self.text().strip():
            return  # typed on meanwhile; a newer search is coming
        self._labels = {label: record_id for label, record_id in found}
        self._list.setStringList([label for label, _ in found])
        if found and self.hasFocus():
            self.completer_.complete()
        if len(found) == 1 and self._exact(text, found[0][0]):
            self._on_chosen(found[0][0])
        if self._enter:  # the clerk (or a scanner) pressed Enter before this answer
            self._enter = False
            if self._id is not None:
                self.completer_.popup().hide()
                self.focusNextChild()
            elif not found:
                self._say(self.tr("Nothing matches {0}: check the code, or type part of the name and choose a "
                                  "suggestion.").replace("{0}", text))

    @staticmethod
    def _exact(text: str, label: str) -> bool:
        # A scanned EAN or a full SKU picks its one product without a click.
        return label.split(" ")[0].lower() == text.lower() or f"[{text}]" in label

    def _on_chosen(self, label: str) -> None:
        if label not in self._labels:
            return
        self._id = self._labels[label]
        self._setting = True
        self.setText(label)
        self._setting = False
        self._say("")
        self.sig_chosen.emit(self._id)


def as_id(value: Any) -> uuid.UUID | None:
    return None if value in (None, "") else uuid.UUID(str(value))


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of ``value`` among the combo's data, compared by equality (0, "all", for None; -1 if gone).

    ``QComboBox.findData`` matches a Python object only by identity, so an id read
    again from the database (an equal, new UUID) would not be found.
    """
    if value is None:
        return 0
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
