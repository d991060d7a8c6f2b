"""Small canvas helpers shared by documents: text wrapping, fitted text, QR symbols.

Documents draw straight on a reportlab canvas instead of going through
platypus: an invoice's layout is fixed, and measuring it ourselves is several
times faster and tells the page count before the first page is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.compliance.qr import QrSymbol


class TextCells:
    """A table page's cell texts in one reportlab text object (drawing each string on its own costs
    several times more on a thousand-page document); the font is set only when it changes."""

    def __init__(self, words):
        self.words = words
        self._font: tuple[str, float] | None = None

    def put(self, x: float, width: float, y: float, value: str, font: str, size: float, *, align: str = "l",
            pad: float = 0.0) -> None:
        """``value`` in the cell from ``x``, ``width`` wide, at baseline ``y``; cut with an ellipsis to fit."""
        shown = fit(value, font, size, width - 2 * pad)
        if align == "r":
            x = x + width - pad - stringWidth(shown, font, size)
        elif align == "c":
            x = x + (width - stringWidth(shown, font, size)) / 2
        else:
            x = x + pad
        if self._font != (font, size):
            self.words.setFont(font, size)
            self._font = (font, size)
        self.words.setTextOrigin(x, y)
        self.words.textOut(shown)


@dataclass(frozen=True)
class Block:
    """A piece of a page measured before it is drawn: ``draw(canvas, top)`` fills ``height`` points below ``top``."""

    height: float
    draw: Callable[[Canvas, float], None]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points.

    Breaks at spaces; a single word wider than the line (a URL, a long
    reference) is cut between characters rather than left to overflow.
    Newlines in ``text`` start new lines; an empty text gives one empty line.
    """
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for paragraph in (text or "").splitlines() or [""]:
        line, line_w = "", 0.0
        for word in paragraph.split():
            w = stringWidth(word, font, size)
            if line and line_w + space + w <= width:
                line, line_w = f"{line} {word}", line_w + space + w
                continue
            if line:
                lines.append(line)
            if w <= width:
                line, line_w = word, w
                continue
            # Cut an overlong word: keep what fits on each line.
            piece = ""
            for ch in word:
                if piece and stringWidth(piece + ch, font, size) > width:
                    lines.append(piece)
                    piece = ""
                piece += ch
            line, line_w = piece, stringWidth(piece, font, size)
        lines.append(line)
    return lines


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    while text and stringWidth(text + ellipsis, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ellipsis


def draw_qr(c: Canvas, symbol: QrSymbol, x: float, top: float, side: float) -> None:
    """Fills the dark modules of ``symbol`` in a ``side`` x ``side`` square whose top-left is (x, top).

    One path of one rectangle per horizontal run, drawn in module units (the
    canvas is scaled), so neighbouring modules share exact integer edges and
    no hairline gap shows between them in any viewer or printer. The caller
    keeps the quiet zone (4 modules) free around the square.
    """
    c.saveState()
    c.translate(x, top)
    module = side / symbol.size
    c.scale(module, -module)
    c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for row, runs in enumerate(symbol.runs):
        for start, length in runs:
            path.rect(start, row, length, 1)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
