"""Shelf labels with barcodes, on the A4 adhesive sheets shops buy.

(Not to be confused with ``app.documents.labels``: the printed words of invoices.)

Each label carries what a shelf label in a Spanish shop shows:

- the product's name, in bold, on at most two lines: the type shrinks (down to
  6 pt) until it fits, and only a name too long even then is cut with "…";
- its price as the consumer pays it, **IVA included** and rounded to cents:
  prices shown to consumers must include taxes (RD 3423/2000 on price
  indication; TRLGDCU art. 60). The input is the stored sale price without
  IVA and the IVA percent; recargo de equivalencia is never added (the
  retailer pays it, not the consumer). Products sold by another unit than
  "ud" say per what ("por kg");
- a barcode a scanner reads back into the product picker:
  * an **EAN-13** with its human-readable digits, drawn by reportlab's own
    ``Ean13BarcodeWidget``, with GS1's quiet zones (11 modules left, 7 right)
    kept blank inside the label, magnified as much as the label allows up to
    100 % (0.33 mm modules) and never below 80 % (0.264 mm, GS1's minimum);
    the bars are truncated in height to what the label leaves, as shelf
    labels always are;
  * products **without an EAN get a Code 128 of their SKU** (the picker finds a
    product by its exact SKU too), with 10-module quiet zones and modules of
    0.25 mm at least (three dots at 300 dpi: narrower bars smear on an office
    laser). A SKU too long for that on the chosen label, or with characters
    Code 128 cannot carry (ñ, accents), is refused with a ValidationError
    naming the product: nothing is written, the clerk picks a wider label.

Layouts are the common A4 sheets (``LAYOUTS``); ``start_position`` (1 = top
left, counted along the rows) skips the labels already used on a partly used
sheet. Each distinct label is drawn once as a PDF form and placed once per
copy, so 500 copies of one product cost little more than one.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.eanbc import Ean13BarcodeWidget
from reportlab.graphics.shapes import Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isNumberOrNone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.compliance.identifiers import clean_ean13
from app.documents.drawing import fit, wrap
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.labels import money
from app.documents.style import INK, MUTED, RULE, text
from app.errors import FieldError, ValidationError
from app.i18n import _
from app.money import HUNDRED, round_money, to_decimal

PAGE_W, PAGE_H = A4

# GS1 EAN-13: 95 modules of symbol plus quiet zones of 11 (left) and 7 (right).
EAN_MODULES, EAN_LEFT_QUIET, EAN_RIGHT_QUIET = 95, 11, 7
EAN_NOMINAL_MODULE = 0.33 * mm  # 100 % magnification
EAN_MIN_MAGNIFICATION = 0.80
CODE128_QUIET = 10  # modules each side
CODE128_MIN_MODULE = 0.25 * mm
CODE128_MAX_MODULE = 0.33 * mm
MIN_BAR_HEIGHT = 7 * mm  # shorter bars make a hand scanner hunt for the angle
EDGE = 1.5 * mm  # nothing is printed closer than this to a label's edge (die-cut tolerance)
NAME_MIN_SIZE = 6.0
MAX_COPIES = 10_000

# Printed on the labels (Spanish shop, Spanish consumers), like app.documents.labels.
ES = {
    "reference": "Ref. {sku}",
    "tax_included": "IVA incluido",
    "per_unit": "IVA incl. · por {unit}",
}
_PLAIN_UNITS = {"", "ud", "uds", "u", "unidad", "unidades", "pza", "pieza"}


@dataclass(frozen=True)
class LabelItem:
    """One product to label, ``copies`` times. ``price`` is the sale price WITHOUT IVA (as stored)."""

    name: str
    sku: str
    ean: str | None
    price: Decimal
    tax_percent: Decimal  # the product's IVA; 0 for exempt products
    copies: int = 1
    unit: str = "ud"

    @property
    def consumer_price(self) -> Decimal:
        """What the shelf shows: price plus IVA, rounded half-up to cents."""
        return round_money(self.price * (HUNDRED + self.tax_percent) / HUNDRED)


@dataclass(frozen=True)
class SheetLayout:
    """An A4 sheet of ``columns`` x ``rows`` labels; lengths in points, from the page's top-left."""

    key: str
    title: str
    columns: int
    rows: int
    label_w: float
    label_h: float
    left: float  # page edge to the first column
    top: float  # page edge to the first row
    pitch_x: float  # one label's left edge to the next one's
    pitch_y: float
    name_size: float  # largest type of the name
    price_size: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Lower-left corner of the label at 0-based ``slot`` (along the rows, then down)."""
        row, col = divmod(slot % self.per_sheet, self.columns)
        return self.left + col * self.pitch_x, PAGE_H - self.top - row * self.pitch_y - self.label_h


LAYOUTS: dict[str, SheetLayout] = {
    layout.key: layout for layout in (
        # 24 labels, edge to edge across, 0.5 mm top and bottom (APLI 1274, Avery 3474 and the like).
        SheetLayout("3x8", _("3 × 8 labels, 70 × 37 mm (APLI 1274, Avery 3474)"), 3, 8, 70 * mm, 37 * mm,
                    0, 0.5 * mm, 70 * mm, 37 * mm, 8.5, 15),
        # 14 labels with side and top margins (Avery L7163 and compatibles).
        SheetLayout("2x7", _("2 × 7 labels, 99.1 × 38.1 mm (Avery L7163)"), 2, 7, 99.1 * mm, 38.1 * mm,
                    4.65 * mm, 15.15 * mm, 101.6 * mm, 38.1 * mm, 10, 18),
        # 40 small labels, the whole sheet (52.5 x 29.7 mm).
        SheetLayout("4x10", _("4 × 10 labels, 52.5 × 29.7 mm"), 4, 10, 52.5 * mm, 29.7 * mm,
                    0, 0, 52.5 * mm, 29.7 * mm, 7, 12),
    )
}
DEFAULT_LAYOUT = "3x8"


# -- measuring one label -----------------------------------------------------------

@dataclass(frozen=True)
class _Frame:
    """Where the parts of a label go on a layout, relative to its lower-left corner."""

    pad_x: float
    name_top: float  # baseline of the first name line is below this
    name_lines: int
    price_base: float  # baseline of the price
    code_bottom: float
    code_top: float

    @staticmethod
    def of(layout: SheetLayout) -> _Frame:
        pad_x = max(EDGE, 2.5 * mm)
        pad_y = max(EDGE, min(2.2 * mm, layout.label_h * 0.06))
        name_top = layout.label_h - pad_y
        name_block = 2 * layout.name_size * 1.18
        price_base = name_top - name_block - layout.price_size * 0.95
        code_top = price_base - layout.price_size * 0.28 - 1.2 * mm
        return _Frame(pad_x, name_top, 2, price_base, pad_y, code_top)


def _name_lines(name: str, size: float, width: float, lines: int) -> tuple[list[str], float]:
    """The name at the largest size from ``size`` down that fits ``lines`` lines; cut with "…" at the smallest."""
    s = size
    while True:
        wrapped = wrap(name, BOLD, s, width)
        if len(wrapped) <= lines:
            return wrapped, s
        if s - 0.5 < NAME_MIN_SIZE:
            break
        s -= 0.5
    head = wrapped[: lines - 1]
    return head + [fit(" ".join(wrapped[lines - 1:]), BOLD, s, width)], s


class _Ean13(Ean13BarcodeWidget):
    # reportlab declares the quiet zones boolean yet reads them as lengths in points (eanbc._calc_quiet).
    _attrMap = AttrMap(BASE=Ean13BarcodeWidget, lquiet=AttrMapValue(isNumberOrNone, desc="left quiet zone (pt)"),
                       rquiet=AttrMapValue(isNumberOrNone, desc="right quiet zone (pt)"))


@dataclass(frozen=True)
class _EanSymbol:
    """The bars and digits reportlab's EAN-13 widget lays out, ready to paint; quiet zones included in ``width``."""

    width: float
    magnification: float
    bars: tuple[tuple[float, float, float, float], ...]  # x, y, w, h
    digits: tuple[tuple[float, float, str, float, str], ...]  # x, y, text, size, anchor

    def draw(self, c: Canvas, x: float, y: float) -> None:
        # One filled path for the 30-odd bars instead of reportlab's renderer (a state push per bar):
        # 10x faster, the same geometry.
        c.saveState()
        c.translate(x, y)
        c.setFillColorRGB(0, 0, 0)
        path = c.beginPath()
        for bx, by, bw, bh in self.bars:
            path.rect(bx, by, bw, bh)
        c.drawPath(path, stroke=0, fill=1)
        for dx, dy, digits, size, anchor in self.digits:
            c.setFont(REGULAR, size)
            if anchor == "middle":
                c.drawCentredString(dx, dy, digits)
            elif anchor == "end":
                c.drawRightString(dx, dy, digits)
            else:
                c.drawString(dx, dy, digits)
        c.restoreState()


@lru_cache(maxsize=4096)
def _ean_symbol(ean: str, width: float, height: float) -> _EanSymbol:
    """reportlab's EAN-13 as large as ``width`` allows (80-100 %), ``height`` high including its digits.

    Cached: laying out the widget is most of a label's cost, and a clerk who
    changes a copy count makes the same barcodes again.
    """
    module = min(EAN_NOMINAL_MODULE, width / (EAN_MODULES + EAN_LEFT_QUIET + EAN_RIGHT_QUIET))
    magnification = module / EAN_NOMINAL_MODULE
    if magnification < EAN_MIN_MAGNIFICATION:
        raise ValueError(f"label too narrow for an EAN-13 at 80 %: {width / mm:.1f} mm")
    # reportlab rounds a quiet zone given in points DOWN to whole modules: half a module over is exact.
    widget = _Ean13(ean[:12], barWidth=module, barHeight=height, fontName=REGULAR, fontSize=8.0 * magnification,
                    quiet=1, lquiet=(EAN_LEFT_QUIET + 0.5) * module, rquiet=(EAN_RIGHT_QUIET + 0.5) * module)
    bars, digits = [], []
    for node in widget.draw().contents:
        if isinstance(node, Rect):
            if node.fillColor is not None:  # the first Rect is the symbol's empty frame
                bars.append((node.x, node.y, node.width, node.height))
        elif isinstance(node, String):
            digits.append((node.x, node.y, node.text, node.fontSize, node.textAnchor))
    return _EanSymbol(widget.width, magnification, tuple(bars), tuple(digits))


def _code128(sku: str, width: float, height: float, font_size: float) -> Code128 | None:
    """A Code 128 of ``sku`` fitting ``width`` (quiet zones included), or None when it cannot."""
    modules = Code128(sku, barWidth=1, quiet=0).width + 2 * CODE128_QUIET
    module = min(CODE128_MAX_MODULE, width / modules)
    if module < CODE128_MIN_MODULE:
        return None
    return Code128(sku, barWidth=module, barHeight=height, quiet=1, lquiet=CODE128_QUIET * module,
                   rquiet=CODE128_QUIET * module, humanReadable=0, fontName=REGULAR, fontSize=font_size)


class _Label:
    """One product's label measured for a layout; ``draw`` puts it at the canvas origin."""

    def __init__(self, item: LabelItem, layout: SheetLayout, frame: _Frame):
        self.item, self.layout, self.frame = item, layout, frame
        inner = layout.label_w - 2 * frame.pad_x
        self.name, self.name_size = _name_lines(" ".join(item.name.split()), layout.name_size, inner, frame.name_lines)
        self.price = money(item.consumer_price)
        unit = (item.unit or "").strip()
        self.tax_note = (ES["tax_included"] if unit.lower() in _PLAIN_UNITS
                         else ES["per_unit"].format(unit=unit))
        code_w = layout.label_w - 2 * EDGE
        code_h = frame.code_top - frame.code_bottom
        self.reference = None
        self.ean = self.code128 = None
        self.small = small = max(6.0, layout.price_size * 0.4)
        if item.ean:
            self.ean = _ean_symbol(item.ean, code_w, code_h)
            # A long SKU must not squeeze the price: it gets at most 45 % of the line.
            self.reference = fit(ES["reference"].format(sku=item.sku), REGULAR, small, inner * 0.45)
        else:
            digits_size = max(6.0, min(8.0, layout.price_size * 0.5))
            self.hr_size = digits_size
            self.code128 = _code128(item.sku, code_w, code_h - digits_size * 1.25, digits_size)
        left_w = max(stringWidth(self.tax_note, REGULAR, small),
                     stringWidth(self.reference or "", REGULAR, small))
        self.price_size = layout.price_size
        room = inner - left_w - 2 * mm
        while self.price_size > 8 and stringWidth(self.price, BOLD, self.price_size) > room:
            self.price_size -= 0.5

    def draw(self, c: Canvas) -> None:
        layout, f = self.layout, self.frame
        left, right = f.pad_x, layout.label_w - f.pad_x
        leading = self.name_size * 1.18
        for i, line in enumerate(self.name):
            text(c, left, f.name_top - self.name_size * 0.95 - i * leading, line, bold=True, size=self.name_size)
        text(c, right, f.price_base, self.price, bold=True, size=self.price_size, align="r")
        if self.reference:
            text(c, left, f.price_base + self.small * 1.2, self.reference, size=self.small, color=MUTED)
        text(c, left, f.price_base, self.tax_note, size=self.small, color=MUTED)
        if self.ean is not None:
            self.ean.draw(c, (layout.label_w - self.ean.width) / 2, f.code_bottom)
        elif self.code128 is not None:
            bars = self.code128
            x = (layout.label_w - bars.width) / 2
            c.setFillColorRGB(0, 0, 0)  # Code128 draws in the current fill colour
            bars.drawOn(c, x, f.code_bottom + self.hr_size * 1.25)
            text(c, layout.label_w / 2, f.code_bottom + self.hr_size * 0.2, self.item.sku, size=self.hr_size,
                 color=INK, align="c")


# -- checking the input ------------------------------------------------------------

def _check(items: Sequence[LabelItem], layout: SheetLayout, start_position: int) -> list[_Label]:
    """Every item measured, or one ValidationError listing each product that cannot be labelled."""
    errors: list[FieldError] = []
    if not 1 <= start_position <= layout.per_sheet:
        errors.append(FieldError("start_position", _("The first label is between 1 and {n} on this sheet.")
                                 .format(n=layout.per_sheet)))
    frame = _Frame.of(layout)
    if frame.code_top - frame.code_bottom < MIN_BAR_HEIGHT + 10:  # bars plus their digits
        raise ValueError(f"layout {layout.key}: labels too low for a readable barcode")
    labels: list[_Label] = []
    total = 0
    for i, item in enumerate(items):
        field = f"items[{i}]"
        who = f"{item.sku} {item.name}".strip()
        if not isinstance(item.copies, int) or item.copies < 0 or item.copies > MAX_COPIES:
            errors.append(FieldError(f"{field}.copies", _("{product}: the copies are between 0 and {n}.")
                                     .format(product=who, n=MAX_COPIES)))
            continue
        if item.copies == 0:
            continue  # left out: not even checked
        try:
            to_decimal(item.price), to_decimal(item.tax_percent)
        except (TypeError, ValueError):
            errors.append(FieldError(f"{field}.price", _("{product}: the price is not a number.").format(product=who)))
            continue
        if item.ean:
            try:
                if clean_ean13(item.ean) != item.ean:
                    raise ValueError(_("An EAN-13 barcode has 13 digits."))
            except ValueError as exc:
                errors.append(FieldError(f"{field}.ean", f"{who}: {exc}"))
                continue
        elif not item.sku or any(ord(ch) > 126 or ord(ch) < 32 for ch in item.sku):
            errors.append(FieldError(f"{field}.sku", _(
                "{product} has no EAN, and its SKU has characters a Code 128 barcode cannot carry (accents, ñ): "
                "give it an EAN or a plain SKU.").format(product=who)))
            continue
        label = _Label(item, layout, frame)
        if item.ean is None and label.code128 is None:
            errors.append(FieldError(f"{field}.sku", _(
                "{product} has no EAN, and its SKU is too long for a barcode on these labels: "
                "choose a wider label or give it an EAN.").format(product=who)))
            continue
        labels.append(label)
        total += item.copies
    if not errors and total == 0:
        errors.append(FieldError("items", _("Nothing to print: choose at least one copy of one product.")))
    if errors:
        raise ValidationError(errors)
    return labels


# -- public API --------------------------------------------------------------------

def label_sheet_pdf(items: Iterable[LabelItem], layout: str | SheetLayout = DEFAULT_LAYOUT,
                    start_position: int = 1, *, outlines: bool = False, title: str = "Etiquetas") -> bytes:
    """The PDF of ``items`` (each ``copies`` times, in order; 0 copies leaves one out) on A4 label sheets.

    Guarantees: labels fill the sheet along the rows from ``start_position``
    (1-based) on the first sheet, then whole sheets; every label stays inside
    its own rectangle (text fitted, barcodes centred with their quiet zones);
    EAN-13 at 80-100 % magnification, Code 128 of the SKU for products without
    an EAN. Fonts are embedded. Bad input (a wrong EAN, negative copies, a SKU
    that cannot be a barcode here, nothing to print, a start outside the sheet)
    raises one ValidationError naming every product at fault, before anything
    is drawn. ``outlines`` draws each label's rectangle in light grey: for a
    test print on plain paper held against the sheet, never on the labels.
    """
    sheet = LAYOUTS[layout] if isinstance(layout, str) else layout
    items = list(items)
    register_fonts()
    labels = _check(items, sheet, start_position)

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=REGULAR, initialFontSize=8)
    c.setTitle(title)
    c.setCreator("Trastienda")
    slot = start_position - 1
    for n, label in enumerate(labels):
        form = f"label{n}"
        c.beginForm(form, 0, 0, sheet.label_w, sheet.label_h)
        label.draw(c)
        if outlines:
            c.setStrokeColorRGB(*RULE)
            c.setLineWidth(0.3)
            c.roundRect(0, 0, sheet.label_w, sheet.label_h, 1.5 * mm, stroke=1, fill=0)
        c.endForm()
        for _copy in range(label.item.copies):
            if slot == sheet.per_sheet:
                c.showPage()
                slot = 0
            x, y = sheet.origin(slot)
            c.saveState()
            c.translate(x, y)
            c.doForm(form)
            c.restoreState()
            slot += 1
    c.showPage()
    c.save()
    return buf.getvalue()


def sheets_needed(copies: int, layout: str | SheetLayout = DEFAULT_LAYOUT, start_position: int = 1) -> int:
    """How many sheets ``copies`` labels take from ``start_position`` on the first."""
    sheet = LAYOUTS[layout] if isinstance(layout, str) else layout
    if copies <= 0:
        return 0
    return (start_position - 1 + copies + sheet.per_sheet - 1) // sheet.per_sheet
