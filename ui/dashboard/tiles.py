"""A KPI tile: a figure, what it is, a line of context, and the list behind it on a click or a key."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.reports.dashboard import Kpi
from ui.common import theme
from ui.common.formatting import format_decimal

# Accent (the bar on the left) and figure colour per tone, from the theme: quiet colours, the figure keeps the
# tile's text colour unless it is bad.
TONES = {
    "normal": ("$tone_normal", "$tile_text"),
    "good": ("$tone_good", "$tile_text"),
    "warning": ("$tone_warning", "$warning_text"),
    "bad": ("$tone_bad", "$error_text"),
}


def format_value(value: Decimal | int, kind: str) -> str:
    """``1.234,56 €`` for money, ``1.234`` for a count (separators as the desk's locale)."""
    if kind == "money":
        return f"{format_decimal(value, 2)} €"
    return format_decimal(value, 0)


class KpiTile(QFrame):
    """Focusable and clickable: Enter, Space or a click emits ``sig_activated`` with the tile's key."""

    sig_activated = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.kpi: Kpi | None = None
        self.setObjectName(f"kpi_{key}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("kpi_title")
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName("kpi_value")
        self.detail_label = QLabel(self.tr("Loading…"), self)
        self.detail_label.setObjectName("kpi_detail")
        for label in (self.title_label, self.value_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self._paint("normal")

    # -- public API -----------------------------------------------------------------
    def set_kpi(self, kpi: Kpi, opens: str) -> None:
        """Show ``kpi``; ``opens`` says in words which list a click shows (the tooltip)."""
        self.kpi = kpi
        self.title_label.setText(kpi.title)
        self.value_label.setText(format_value(kpi.value, kpi.kind))
        self.detail_label.setText(kpi.detail)
        self.setAccessibleName(f"{kpi.title}: {self.value_label.text()}")
        self.setAccessibleDescription(kpi.detail)
        clickable = kpi.target is not None
        self.setToolTip(self.tr("Opens {0} (click, Enter or Space)").replace("{0}", opens) if clickable else "")
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        self._paint(kpi.tone)

    def set_loading(self, title: str = "") -> None:
        if title:
            self.title_label.setText(title)
        self.value_label.setText("…")
        self.detail_label.setText(self.tr("Loading…"))

    def activate(self) -> None:
        if self.kpi is not None and self.kpi.target is not None:
            self.sig_activated.emit(self.key)

    # -- events -----------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activate()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            self.activate()
            return
        super().keyPressEvent(event)

    def _paint(self, tone: str) -> None:
        accent, figure = TONES.get(tone, TONES["normal"])
        name = self.objectName()
        theme.style(
            self,
            f"#{name} {{ background: $tile_bg; border: 1px solid $tile_border; border-left: 4px solid {accent};"
            f" border-radius: 5px; }}"
            f"#{name}:hover {{ background: $tile_hover_bg; }}"
            f"#{name}:focus {{ border: 2px solid $accent; border-left: 4px solid {accent}; }}"
            f"#kpi_title {{ color: $muted_text; font-size: 12px; }}"
            f"#kpi_value {{ color: {figure}; font-size: 21px; font-weight: 600; }}"
            f"#kpi_detail {{ color: $muted_text; font-size: 11px; }}")
