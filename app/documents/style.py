"""The look of printed documents: page frame, type sizes, colours, and text helpers."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents.fonts import BOLD, REGULAR

PAGE_W, PAGE_H = A4
LEFT = 15 * mm
RIGHT = PAGE_W - 15 * mm
WIDTH = RIGHT - LEFT

BODY = 8.5  # every invoice datum; the VERI*FACTU legend is never smaller
SMALL = 7.5
LEADING = 10.5

# Colours as RGB fractions: near-black text, grey labels, one dark blue accent.
INK = (0.13, 0.13, 0.13)
MUTED = (0.40, 0.40, 0.42)
ACCENT = (0.10, 0.25, 0.42)
RULE = (0.75, 0.78, 0.82)
STRIPE = (0.95, 0.96, 0.975)
WARN = (0.75, 0.10, 0.10)
WHITE = (1, 1, 1)


def text(c: Canvas, x: float, y: float, s: str, *, bold: bool = False, size: float = BODY,
         color: tuple = INK, align: str = "l") -> None:
    """One string at baseline ``y``: ``align`` "l" starts at x, "r" ends at x, "c" centres on x."""
    c.setFillColorRGB(*color)
    c.setFont(BOLD if bold else REGULAR, size)
    if align == "r":
        c.drawRightString(x, y, s)
    elif align == "c":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def rule(c: Canvas, x1: float, x2: float, y: float, *, color: tuple = RULE, width: float = 0.5) -> None:
    c.setStrokeColorRGB(*color)
    c.setLineWidth(width)
    c.line(x1, y, x2, y)


def fill_rect(c: Canvas, x: float, y: float, w: float, h: float, color: tuple) -> None:
    """A filled rectangle with its lower-left corner at (x, y)."""
    c.setFillColorRGB(*color)
    c.rect(x, y, w, h, stroke=0, fill=1)
