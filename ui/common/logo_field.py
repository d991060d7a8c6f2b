"""The company logo in a form: a small preview, "Logo…" to pick a PNG or JPEG, "Remove".

A picked file is checked at once (app.services.logo.read_logo_file): a wrong one is
named under the field and the logo shown stays the one before. The service checks
the bytes again when the form is saved. ``value()`` is the image's bytes, or None.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services.logo import read_logo_file
from ui.common import dialogs, theme
from ui.common.fields import mark_error

PREVIEW = QSize(160, 60)  # the invoice's 55 x 20 mm box, near enough


class LogoField(QWidget):
    sig_message = Signal(str)  # what is wrong with a picked file ("" clears it); Form shows it under the field
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # a plain QWidget paints mark_error's outline only so
        self._data: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setObjectName("logo_preview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.style(self.preview, "#logo_preview { border: 1px solid palette(mid); color: $muted_text; }")
        self.pick_button = QPushButton(self.tr("Logo…"), self)
        self.pick_button.setObjectName("pick_logo")
        self.pick_button.setToolTip(self.tr("A PNG or JPEG file of at most 2 MB, printed at the top of invoices."))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_logo")
        self.pick_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        # The caption's mnemonic and an error's focus land on "Logo…" (a label only focuses a buddy
        # that takes focus itself, hence the policy; Tab still stops on the buttons only).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.pick_button)
        self._show()

    # -- the Form's field protocol ---------------------------------------------------
    def value(self) -> bytes | None:
        return self._data

    def set_value(self, data: bytes | None) -> None:
        self._data = bytes(data) if data else None
        self._show()

    # -- actions ---------------------------------------------------------------------
    def pick(self) -> bool:
        """Ask for a file; keep it when it is a logo that prints, else say why. True when kept."""
        path = dialogs.choose_open_path(self, self.tr("Company logo"), [
            self.tr("PNG or JPEG images (*.png *.jpg *.jpeg)"), self.tr("All files (*)")])
        if not path:
            return False
        try:
            logo = read_logo_file(path)
        except ValidationError as exc:
            self.sig_message.emit(" ".join(e.message for e in exc.errors))
            return False
        self._changed(logo.data)
        return True

    def remove(self) -> None:
        self._changed(None)

    def _changed(self, data: bytes | None) -> None:
        self.set_value(data)
        mark_error(self, None)
        self.sig_message.emit("")
        self.sig_changed.emit()

    def _show(self) -> None:
        self.remove_button.setEnabled(self._data is not None)
        self.preview.clear()
        if self._data is None:
            self.preview.setText(self.tr("No logo"))
            return
        picture = QPixmap()
        if picture.loadFromData(self._data):
            self.preview.setPixmap(picture.scaled(PREVIEW - QSize(4, 4), Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        else:  # printable (the service read it) but not by Qt: say there is one
            self.preview.setText(self.tr("Logo (no preview)"))
