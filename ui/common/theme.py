"""Light and dark: the palette the app paints with, and the few colours of its own that fit both.

The scheme follows the system (``QStyleHints.colorScheme`` and its ``colorSchemeChanged``) unless
``TRASTIENDA_THEME=light|dark`` or ``main.py screenshot --theme`` asks for one. Windows 11 and macOS
give their native styles a dark palette of their own; where the platform gives none (most Linux
desktops, the offscreen platform, Windows' older style) or a scheme is asked for, the app paints
with Fusion and the palettes below.

Widgets never name a colour: they ask for a semantic one (``colour("error_text")``, ``brush(...)``
in a model's data(), ``style(widget, "color: $error_text;")`` for a style sheet), which has a light
and a dark value. ``style`` remembers its template, so a widget's style sheet is written again when
the theme changes at run time; models and painters ask at paint time.
"""

from __future__ import annotations

import os
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

LIGHT, DARK, SYSTEM = "light", "dark", "system"
MODES = (LIGHT, DARK, SYSTEM)
ENV_VAR = "TRASTIENDA_THEME"
_STYLE_PROPERTY = "trastienda_style"  # a widget's style sheet template, written again on a change

# name: (light, dark). Text colours are checked against their backgrounds in TEXT_ON.
COLOURS: dict[str, tuple[str, str]] = {
    # text
    "error_text": ("#b3261e", "#ff8a80"),
    "error_strong_text": ("#8c1d18", "#ffd6d3"),  # on error_bg, in a banner
    "warning_text": ("#8a5300", "#f0b45a"),
    "muted_text": ("#55606b", "#a7b0bb"),  # dates, notes, archived rows, placeholders
    # row and cell backgrounds (the palette's text stays on them)
    "error_bg": ("#fbe0dd", "#4d2624"),  # a wrong cell, a shortage, overdue, expired
    "error_border": ("#b3261e", "#e06c65"),
    "warning_bg": ("#fff0c2", "#4d4020"),  # low stock, ending soon, expiring soon, counted differently
    "pending_bg": ("#fff6d6", "#3d3826"),  # drafts, requests waiting for a decision, saving
    "inactive_bg": ("#ececec", "#3a3b3e"),  # cancelled, rejected, reversed
    "info_bg": ("#e8eef7", "#283548"),  # a note about the list on show, a filter applied from elsewhere
    "off_day_bg": ("#e4e4e4", "#3b3d40"),  # weekends and holidays in the calendar
    "grid_line": ("#d0d0d0", "#4a4d52"),
    "swatch_border": ("#777777", "#9a9da2"),
    # dashboard
    "page_bg": ("#f4f6f8", "#1f2124"),
    "tile_bg": ("#ffffff", "#2d3034"),
    "tile_hover_bg": ("#f5f8fc", "#353a40"),
    "tile_border": ("#d9dee5", "#464b52"),
    "tile_text": ("#1f2933", "#e8eaed"),
    "accent": ("#2f6db5", "#6ea2e6"),  # keyboard focus
    "tone_normal": ("#8a99ad", "#7d8a9c"),
    "tone_good": ("#2e7d4f", "#5fbf83"),
    "tone_warning": ("#c47f00", "#e0a030"),
    "tone_bad": ("#b3261e", "#ff8a80"),
    "chart_this_year": ("#2f6db5", "#5b9be6"),
    "chart_last_year": ("#b8c2cf", "#5d6673"),
    "chart_neutral": ("#5b7fa8", "#7fa3cc"),
    "chart_overdue": ("#c0504d", "#e57373"),
    "chart_axis_text": ("#3e4c59", "#c5ccd6"),
    "chart_grid": ("#e4e7eb", "#3a3e44"),
    "chart_axis_line": ("#cbd2d9", "#5a5f66"),
    # kinds of leave in the calendar: full tone for approved days (a "½" in the palette's text on it)
    "leave_vacation": ("#6fa3e0", "#2f5f96"),
    "leave_sick": ("#e07b77", "#9a3a36"),
    "leave_personal": ("#e6b455", "#7a5812"),
    "leave_unpaid": ("#a792d6", "#5e4a8c"),
    "leave_other": ("#7dbb8a", "#35693f"),
    # the offline banner: background, border, text per state
    "offline_bg": ("#fff4ce", "#4a3f14"),
    "offline_border": ("#e0b400", "#c9a227"),
    "offline_text": ("#4d3a00", "#ffe9a8"),
    "problem_bg": ("#fde7e9", "#4a1f22"),
    "problem_border": ("#c42b1c", "#e06c65"),
    "problem_text": ("#5f1111", "#ffd6d3"),
    "info_banner_bg": ("#e8f1fb", "#1f3349"),
    "info_banner_border": ("#5b8fd1", "#5b8fd1"),
    "info_banner_text": ("#11304f", "#d5e6fa"),
}

# (text, background) shown together: each reads at WCAG AA (contrast 4.5:1) in both themes
# (tests/ui/test_theme_icons.py). "text", "window" and "base" are the palette's roles.
TEXT_ON: list[tuple[str, str]] = [
    ("error_text", "window"), ("error_text", "base"), ("error_strong_text", "error_bg"),
    ("warning_text", "window"), ("muted_text", "window"), ("muted_text", "base"), ("muted_text", "tile_bg"),
    ("muted_text", "page_bg"), ("text", "info_bg"),
    *(("text", bg) for bg in ("error_bg", "warning_bg", "pending_bg", "inactive_bg", "off_day_bg")),
    *(("text", f"leave_{kind}") for kind in ("vacation", "sick", "personal", "unpaid", "other")),
    ("tile_text", "tile_bg"), ("tile_text", "tile_hover_bg"), ("warning_text", "tile_bg"), ("error_text", "tile_bg"),
    ("chart_axis_text", "tile_bg"),
    ("offline_text", "offline_bg"), ("problem_text", "problem_bg"), ("info_banner_text", "info_banner_bg"),
]

# The palettes Fusion paints with when the platform's own does not fit: role -> (active, disabled).
_PALETTES: dict[str, dict[QPalette.ColorRole, tuple[str, str]]] = {
    LIGHT: {
        QPalette.ColorRole.Window: ("#efefef", "#efefef"),
        QPalette.ColorRole.WindowText: ("#000000", "#8c8c8c"),
        QPalette.ColorRole.Base: ("#ffffff", "#efefef"),
        QPalette.ColorRole.AlternateBase: ("#f7f7f7", "#f7f7f7"),
        QPalette.ColorRole.ToolTipBase: ("#ffffdc", "#ffffdc"),
        QPalette.ColorRole.ToolTipText: ("#000000", "#8c8c8c"),
        QPalette.ColorRole.PlaceholderText: ("#6e6e6e", "#a0a0a0"),
        QPalette.ColorRole.Text: ("#000000", "#8c8c8c"),
        QPalette.ColorRole.Button: ("#efefef", "#efefef"),
        QPalette.ColorRole.ButtonText: ("#000000", "#8c8c8c"),
        QPalette.ColorRole.BrightText: ("#ffffff", "#ffffff"),
        QPalette.ColorRole.Light: ("#ffffff", "#ffffff"),
        QPalette.ColorRole.Midlight: ("#cacaca", "#cacaca"),
        QPalette.ColorRole.Mid: ("#b8b8b8", "#b8b8b8"),
        QPalette.ColorRole.Dark: ("#9f9f9f", "#bebebe"),
        QPalette.ColorRole.Shadow: ("#767676", "#b1b1b1"),
        QPalette.ColorRole.Highlight: ("#308cc6", "#919191"),
        QPalette.ColorRole.HighlightedText: ("#ffffff", "#ffffff"),
        QPalette.ColorRole.Link: ("#1a5fb4", "#7a9fd0"),
        QPalette.ColorRole.LinkVisited: ("#6a3fa0", "#a08cc0"),
    },
    DARK: {
        QPalette.ColorRole.Window: ("#2b2d30", "#2b2d30"),
        QPalette.ColorRole.WindowText: ("#e8e8e8", "#7d8085"),
        QPalette.ColorRole.Base: ("#1e1f22", "#26282b"),
        QPalette.ColorRole.AlternateBase: ("#26282b", "#26282b"),
        QPalette.ColorRole.ToolTipBase: ("#3c3f43", "#3c3f43"),
        QPalette.ColorRole.ToolTipText: ("#e8e8e8", "#7d8085"),
        QPalette.ColorRole.PlaceholderText: ("#8e9196", "#65686d"),
        QPalette.ColorRole.Text: ("#e8e8e8", "#7d8085"),
        QPalette.ColorRole.Button: ("#35373b", "#2f3134"),
        QPalette.ColorRole.ButtonText: ("#e8e8e8", "#7d8085"),
        QPalette.ColorRole.BrightText: ("#ffffff", "#ffffff"),
        QPalette.ColorRole.Light: ("#4a4d52", "#4a4d52"),
        QPalette.ColorRole.Midlight: ("#3e4145", "#3e4145"),
        QPalette.ColorRole.Mid: ("#2f3134", "#2f3134"),
        QPalette.ColorRole.Dark: ("#1b1c1e", "#1b1c1e"),
        QPalette.ColorRole.Shadow: ("#0e0e0f", "#0e0e0f"),
        QPalette.ColorRole.Highlight: ("#3d6fb4", "#45484d"),
        QPalette.ColorRole.HighlightedText: ("#ffffff", "#a0a0a0"),
        QPalette.ColorRole.Link: ("#7aa7ff", "#5f7bb0"),
        QPalette.ColorRole.LinkVisited: ("#b394ff", "#8270b0"),
    },
}


def palette_for(mode: str) -> QPalette:
    """The Fusion palette of ``mode`` (light or dark)."""
    palette = QPalette()
    for role, (active, disabled) in _PALETTES[mode].items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(active))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


class _Theme(QObject):
    """What was asked for and what is on show; re-applies when the system's scheme changes."""

    sig_changed = Signal(str)  # the mode now on show: light or dark

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.requested = SYSTEM
        self.mode = LIGHT
        self.managed = False  # Fusion with our palette (rather than the platform's own)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def apply(self, requested: str) -> None:
        self.requested = requested
        if requested == SYSTEM:
            self.mode = DARK if system_scheme() == DARK else LIGHT
            # The platform's palette kept only where it already fits the scheme (native dark mode).
            self.managed = self.managed or _is_dark_palette(self.app.palette()) != (self.mode == DARK)
        else:
            self.mode, self.managed = requested, True
        if self.managed:
            if self.app.style().name().lower() != "fusion":
                self.app.setStyle("Fusion")
            self.app.setPalette(palette_for(self.mode))
        _colour_cache.clear()
        _css_cache.clear()
        restyle_all()
        self.sig_changed.emit(self.mode)

    def _on_scheme_changed(self, _scheme) -> None:
        if self.requested == SYSTEM:
            self.apply(SYSTEM)


_theme: _Theme | None = None
_colour_cache: dict[tuple[str, bool], QColor] = {}
_css_cache: dict[tuple[bool, int], dict[str, str]] = {}  # (dark, palette) -> the values of css()'s $names


# -- public API -----------------------------------------------------------------------------------
def requested_mode(override: str | None = None) -> str:
    """``override`` (--theme), else TRASTIENDA_THEME, else the system's; anything unknown means system."""
    for value in (override, os.environ.get(ENV_VAR)):
        if value and value.strip().lower() in MODES:
            return value.strip().lower()
    return SYSTEM


def system_scheme() -> str:
    """light or dark as the platform says; light where it says nothing (offscreen, older desktops)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def apply_theme(app: QApplication, override: str | None = None) -> str:
    """Paint the app in the requested scheme (``requested_mode``); returns light or dark.

    Called again at run time (``override`` light, dark or system) it switches: the palette, every
    style sheet given through ``style`` and the icons (``ui.common.icons`` tint at paint time)."""
    global _theme
    if _theme is None or _theme.app is not app:
        _theme = _Theme(app)
    _theme.apply(requested_mode(override))
    return _theme.mode


def theme_changed() -> Signal | None:
    """The signal a widget connects to for what style sheets cannot say (chart colours); None before
    ``apply_theme``."""
    return _theme.sig_changed if _theme is not None else None


def on_change(slot) -> None:
    """Call ``slot`` (a widget's method taking no argument) after a theme switch: for colours set
    once on items (QTableWidgetItem tints), which neither style sheets nor the palette reach. The
    method itself is connected, so the connection goes with its widget."""
    signal = theme_changed()
    if signal is not None:
        signal.connect(slot)


def is_dark() -> bool:
    """Whether the app paints dark: the applied mode, or (no theme applied: tests) the palette's."""
    if _theme is not None:
        return _theme.mode == DARK
    app = QApplication.instance()
    return app is not None and _is_dark_palette(app.palette())


def colour(name: str, dark: bool | None = None) -> QColor:
    """The semantic colour ``name`` (a key of COLOURS) in the current theme, or in the one asked."""
    dark = is_dark() if dark is None else dark
    key = (name, dark)
    if key not in _colour_cache:
        light_value, dark_value = COLOURS[name]
        _colour_cache[key] = QColor(dark_value if dark else light_value)
    return QColor(_colour_cache[key])


def brush(name: str) -> QBrush:
    return QBrush(colour(name))


def css(template: str) -> str:
    """``template`` with each ``$name`` replaced by that colour now (``$text``, ``$window``, ``$base``:
    the palette's)."""
    dark, palette = is_dark(), QApplication.palette()
    values = _css_cache.get((dark, palette.cacheKey()))
    if values is None:  # once per theme and palette, not per styled widget (49 colours each time)
        values = {name: colour(name, dark).name() for name in COLOURS}
        for key, role in (("text", QPalette.ColorRole.Text), ("window", QPalette.ColorRole.Window),
                          ("base", QPalette.ColorRole.Base)):
            values[key] = palette.color(role).name()
        _css_cache[(dark, palette.cacheKey())] = values
    return Template(template).substitute(values)


def style(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` (``$error_text`` ...), written again when the theme
    changes; an empty template clears it."""
    widget.setProperty(_STYLE_PROPERTY, template)
    widget.setStyleSheet(css(template) if template else "")


def restyle_all() -> None:
    """Write again the style sheet of every widget styled through ``style``."""
    for widget in QApplication.allWidgets():
        template = widget.property(_STYLE_PROPERTY)
        if template:
            widget.setStyleSheet(css(template))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
