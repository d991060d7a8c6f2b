"""A detail form: labelled fields, each with its own error line underneath.

Field names are the service's field names, so a ``ValidationError`` coming
back from a service lands next to the widget it is about. ``values()`` reads
every field, gathering all typing errors (a date that does not exist, letters
in a price) into one ``ValidationError`` before any service is called.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from app.errors import FieldError, ValidationError
from ui.common import theme
from ui.common.fields import mark_error
from ui.common.formatting import ParseError


class Form(QWidget):
    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("form_error")
        self.general_error.setWordWrap(True)
        theme.style(self.general_error, "color: $error_text; font-weight: bold;")
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addLayout(self.layout_)
        outer.addStretch(1)
        self._loading = False

    # -- building -------------------------------------------------------------------
    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a field; ``label`` may carry an & mnemonic (Alt+letter jumps to the field)."""
        widget.setObjectName(name)
        widget.setAccessibleName(label.replace("&", ""))
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        col.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"{name}_error")
        theme.style(error, "color: $error_text;")
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, box)
        self.fields[name] = widget
        self.errors[name] = error
        self._watch(widget)
        return widget

    def add_section(self, title: str) -> None:
        heading = QLabel(f"<b>{title}</b>", self)
        self.layout_.addRow(heading)

    def _watch(self, widget: QWidget) -> None:
        signal = None
        if isinstance(widget, QLineEdit):
            signal = widget.textEdited
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QAbstractButton):
            signal = widget.toggled
        if signal is not None:
            signal.connect(lambda *_a: None if self._loading else self.sig_edited.emit())
        message = getattr(widget, "sig_message", None)  # a field that judges its own text (LookupField)
        if message is not None:
            message.connect(lambda text, w=widget: self._show_message(w.objectName(), text))

    def _show_message(self, name: str, text: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.setText(text)
            label.setVisible(bool(text))

    # -- values ---------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every field's value; typing errors of all fields raised together."""
        out: dict[str, Any] = {}
        problems: list[FieldError] = []
        for name, widget in self.fields.items():
            try:
                out[name] = widget.value()
            except ParseError as exc:
                problems.append(FieldError(name, str(exc)))
        if problems:
            raise ValidationError(problems)
        return out

    def load(self, values: dict[str, Any]) -> None:
        """Fill the fields that ``values`` names; clears the error marks."""
        self._loading = True
        try:
            for name, widget in self.fields.items():
                if name in values:
                    widget.set_value(values[name])
        finally:
            self._loading = False
        self.clear_errors()

    # -- errors ---------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.general_error.hide()
        for name, label in self.errors.items():
            label.hide()
            mark_error(self.fields[name], None)

    def show_errors(self, error: ValidationError) -> list[FieldError]:
        """Show each error beside its field and focus the first; return those with no field here."""
        self.clear_errors()
        homeless: list[FieldError] = []
        first: QWidget | None = None
        for item in error.errors:
            name = item.field.split(".")[0].split("[")[0] if item.field not in self.fields else item.field
            if name in self.fields:
                label = self.errors[name]
                label.setText(item.message if label.isHidden() else f"{label.text()} {item.message}")
                label.show()
                mark_error(self.fields[name], item.message)
                first = first or self.fields[name]
            else:
                homeless.append(item)
        if homeless:
            self.show_general("\n".join(e.message for e in homeless))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return homeless

    def show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return "" if label.isHidden() else label.text()
