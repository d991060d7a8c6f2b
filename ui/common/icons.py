"""The app's icons: resources/icons/actions/*.svg, drawn in the palette's text colour at paint time.

The SVGs are outlines in one colour (24x24, 2 px strokes). Qt's SVG renderer knows no CSS
``currentColor``, so each is drawn as it is and then filled with the colour the theme wants:
the window text, the highlighted text on a selected menu entry, the disabled text. The icon engine
asks the palette every time it paints, so the icons follow a theme switched at run time; the
pixmaps are cached per size and colour.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ICONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
ACTIONS_DIR = ICONS_DIR / "actions"
APP_ICON = ICONS_DIR / "trastienda.svg"

# Menu actions (their objectName) whose icon has another name.
ACTION_ICONS = {"restore_backup": "restore", **{f"show_{tab}": tab for tab in (
    "dashboard", "invoices", "contracts", "inventory", "employees", "parties")}}

_renderers: dict[str, QSvgRenderer] = {}
_pixmaps: dict[tuple[str, int, int, int], QPixmap] = {}


def _renderer(name: str) -> QSvgRenderer:
    if name not in _renderers:
        path = ACTIONS_DIR / f"{name}.svg"
        if not path.is_file():
            raise KeyError(f"no icon {name!r} in {ACTIONS_DIR}")
        _renderers[name] = QSvgRenderer(str(path))
    return _renderers[name]


def _tint(mode: QIcon.Mode) -> QColor:
    palette = QApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


def render(name: str, size: QSize, colour: QColor) -> QPixmap:
    """The icon ``name`` at ``size`` pixels in ``colour`` (cached)."""
    key = (name, size.width(), size.height(), colour.rgba())
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(size.width(), size.height())  # square, centred
        _renderer(name).render(painter, QRect((size.width() - side) // 2, (size.height() - side) // 2, side, side))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), colour)
        painter.end()
        pixmap = _pixmaps[key] = QPixmap.fromImage(image)
    return pixmap


class _TintedEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def clone(self) -> QIconEngine:
        return _TintedEngine(self.name)

    def key(self) -> str:
        return "trastienda-tinted"

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if size.isEmpty():
            return QPixmap()
        return render(self.name, size, _tint(mode))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))


# -- public API -----------------------------------------------------------------------------------
def icon(name: str) -> QIcon:
    """The icon ``name`` (resources/icons/actions/NAME.svg) in the theme's colours; KeyError if none."""
    _renderer(name)  # a wrong name fails here, not silently at paint time
    return QIcon(_TintedEngine(name))


def action_icon(action_name: str) -> QIcon:
    """The icon of a menu action by its objectName, or a null icon when it has none."""
    name = ACTION_ICONS.get(action_name, action_name)
    return icon(name) if (ACTIONS_DIR / f"{name}.svg").is_file() else QIcon()


def names() -> list[str]:
    return sorted(path.stem for path in ACTIONS_DIR.glob("*.svg"))


def app_icon() -> QIcon:
    """The app's own icon (its colours as drawn) at the sizes window managers and task bars ask for."""
    renderer = QSvgRenderer(str(APP_ICON))
    result = QIcon()
    for side in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
