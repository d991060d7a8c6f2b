"""Make the app icon's raster forms from resources/icons/trastienda.svg.

    python packaging/icons.py OUT_DIR      writes trastienda.png (256 px), .ico and .icns

Only what the project already depends on is used: Qt's SVG renderer (PySide6) draws the
sizes and Pillow (a dependency of reportlab) packs the Windows .ico and the macOS .icns, so
the same recipe runs on all three systems with no ImageMagick, Inkscape or iconutil.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "trastienda.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def make_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write trastienda.png, trastienda.ico and trastienda.icns into out_dir; their paths by suffix."""
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: Image.open(io.BytesIO(render_png(size, svg))) for size in set(ICO_SIZES) | set(ICNS_SIZES)}
    paths = {ext: out_dir / f"trastienda.{ext}" for ext in ("png", "ico", "icns")}
    images[256].save(paths["png"])
    # Pillow makes every ICO size from the largest image it is given: give it the crisp ones too.
    images[256].save(paths["ico"], sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    images[1024].save(paths["icns"], append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "icons")
    for path in make_icons(out).values():
        print(path, path.stat().st_size, "bytes")
