"""Shelf labels: each printed barcode scans back to its product, in its place on the sheet.

The PDF is rendered with poppler and every label's rectangle is cut out of the
picture and read by zbar on its own, so a barcode in the wrong slot, an empty
slot that is not empty, or a label a scanner cannot read all fail.
"""

from __future__ import annotations

import dataclasses
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from PIL import Image

from app.compliance.identifiers import ean13_check_digit
from app.documents import barcode_labels as bl
from app.documents.barcode_labels import LAYOUTS, LabelItem, label_sheet_pdf, sheets_needed
from app.errors import NotFoundError, ValidationError
from app.services import product_labels, products
from app.services.products import ProductData
from app.services.setup import tax_rate_id
from tests.app.printing import _tool, fonts, pages, png, save, text, word_boxes

DPI = 300
PT = DPI / 72


def ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def item(n: int, copies: int = 1, **kw) -> LabelItem:
    values = dict(name=f"Artículo {n}", sku=f"ART-{n}", ean=ean(n), price=D("10.00"), tax_percent=D(21), copies=copies)
    return LabelItem(**{**values, **kw})


def read_slot(image: Image.Image, layout, slot: int, tmp_path: Path) -> list[str]:
    """What zbar reads inside one label's rectangle: ["EAN-13:…"] or ["CODE-128:…"], [] when blank."""
    x, y = layout.origin(slot)
    box = (round(x * PT), round((bl.PAGE_H - y - layout.label_h) * PT),
           round((x + layout.label_w) * PT), round((bl.PAGE_H - y) * PT))
    crop = tmp_path / f"slot-{slot}.png"
    # A white margin around the cut: zbar wants light space past the quiet zone, as a shelf gives.
    framed = Image.new("L", (box[2] - box[0] + 80, box[3] - box[1] + 80), 255)
    framed.paste(image.crop(box).convert("L"), (40, 40))
    framed.save(crop)
    out = subprocess.run([_tool("zbarimg", "zbar-tools"), "-q", "-Sdisable", "-Sean13.enable", "-Scode128.enable",
                          str(crop)], capture_output=True, text=True, timeout=60)
    assert out.returncode in (0, 4), out.stderr  # 4: no symbol found
    return sorted(line for line in out.stdout.splitlines() if line)


def read_page(pdf: Path, page: int, layout, tmp_path: Path) -> list[list[str]]:
    image = Image.open(png(pdf, page, DPI))
    return [read_slot(image, layout, slot, tmp_path) for slot in range(layout.per_sheet)]


def make_product(db, sku: str, name: str, ean_code: str | None, price: str, rate: str = "IVA21", **kw):
    return products.create_product(db, ProductData(sku=sku, name=name, ean=ean_code, sale_price=D(price),
                                                   tax_rate_id=tax_rate_id(rate), **kw))


# -- scanning back ------------------------------------------------------------------

def test_catalogue_labels_scan_back_to_their_products_in_their_slots(db, tmp_path):
    screws = make_product(db, "TORN-6", "Tornillo 6 mm", ean(1), "0.1250")
    book = make_product(db, "LIB-1", "Libro de cuentas", ean(2), "12.50", "IVA4")
    rope = make_product(db, "CUER-10", "Cuerda de cáñamo 10 m", None, "3.3058")
    items = product_labels.label_items(db, [screws.id, book.id, rope.id])
    assert [(i.sku, i.ean, i.price, i.tax_percent) for i in items] == [
        ("TORN-6", ean(1), D("0.1250"), D(21)), ("LIB-1", ean(2), D("12.50"), D(4)),
        ("CUER-10", None, D("3.3058"), D(21))]
    items = [dataclasses.replace(items[0], copies=2), dataclasses.replace(items[1], copies=1),
             dataclasses.replace(items[2], copies=2)]

    pdf = save(tmp_path, label_sheet_pdf(items, "3x8", start_position=5), "labels.pdf")
    assert pages(pdf) == 1
    layout = LAYOUTS["3x8"]
    read = read_page(pdf, 1, layout, tmp_path)
    expected = [[]] * 4 + [[f"EAN-13:{ean(1)}"]] * 2 + [[f"EAN-13:{ean(2)}"]] + [["CODE-128:CUER-10"]] * 2
    assert read == expected + [[]] * (layout.per_sheet - len(expected))

    words = text(pdf)
    # Prices as the consumer pays them: 0.1250 + 21 % = 0.15125 -> 0,15; 12.50 + 4 % = 13,00; 3.3058 + 21 % = 4,00.
    for shown in ("0,15 €", "13,00 €", "4,00 €", "Cuerda de cáñamo 10 m", "IVA incluido", "Ref. TORN-6"):
        assert shown in words, shown
    assert all(embedded == "yes" for _name, embedded in fonts(pdf))


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_every_layout_scans_from_start_position_and_runs_onto_the_next_sheet(key, tmp_path):
    layout = LAYOUTS[key]
    start = layout.per_sheet - 1  # the last two labels of a used sheet, then a new sheet
    items = [item(1, copies=3), item(2, copies=1, ean=None, sku="SIN-EAN-7")]
    pdf = save(tmp_path, label_sheet_pdf(items, key, start_position=start), f"{key}.pdf")
    assert pages(pdf) == 2 == sheets_needed(4, key, start)
    first, second = read_page(pdf, 1, layout, tmp_path), read_page(pdf, 2, layout, tmp_path)
    assert first == [[]] * (start - 1) + [[f"EAN-13:{ean(1)}"]] * 2
    assert second == [[f"EAN-13:{ean(1)}"], ["CODE-128:SIN-EAN-7"]] + [[]] * (layout.per_sheet - 2)


def test_the_ean_shrinks_to_80_percent_on_a_narrow_label_and_still_scans_but_never_below(tmp_path):
    # 113 modules at 0.264 mm (80 %) plus the printing edges: 32.9 mm is the narrowest label that takes one.
    narrow = dataclasses.replace(LAYOUTS["4x10"], key="narrow", label_w=33 * bl.mm, pitch_x=33 * bl.mm, columns=6)
    frame = bl._Frame.of(narrow)
    symbol = bl._ean_symbol(ean(9), narrow.label_w - 2 * bl.EDGE, frame.code_top - frame.code_bottom)
    assert 0.80 <= symbol.magnification < 0.82
    module = symbol.magnification * bl.EAN_NOMINAL_MODULE
    assert symbol.width == pytest.approx(113 * module)  # 11 + 95 + 7 modules: GS1's quiet zones kept
    assert min(x for x, _y, _w, _h in symbol.bars) == pytest.approx(11 * module)
    assert max(x + w for x, _y, w, _h in symbol.bars) == pytest.approx(106 * module)
    wide = bl._ean_symbol(ean(9), LAYOUTS["3x8"].label_w, 50)
    assert wide.magnification == 1.0  # never magnified past 100 % on a wide label
    pdf = save(tmp_path, label_sheet_pdf([item(9, copies=1)], narrow), "narrow.pdf")
    assert read_page(pdf, 1, narrow, tmp_path)[0] == [f"EAN-13:{ean(9)}"]

    too_narrow = dataclasses.replace(narrow, label_w=31 * bl.mm, pitch_x=31 * bl.mm)
    with pytest.raises(ValueError, match="80 %"):
        label_sheet_pdf([item(9)], too_narrow)


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_every_layout_leaves_bars_tall_enough_for_a_hand_scanner(key):
    layout = LAYOUTS[key]
    frame = bl._Frame.of(layout)
    symbol = bl._ean_symbol(ean(1), layout.label_w - 2 * bl.EDGE, frame.code_top - frame.code_bottom)
    assert symbol.magnification == 1.0  # every sheet we offer takes a full-size EAN-13
    assert min(h for _x, _y, _w, h in symbol.bars) >= bl.MIN_BAR_HEIGHT
    assert frame.code_bottom >= bl.EDGE and frame.code_top < frame.price_base


def test_a_layout_too_low_for_a_barcode_is_refused():
    low = dataclasses.replace(LAYOUTS["4x10"], key="low", label_h=20 * bl.mm, pitch_y=20 * bl.mm)
    with pytest.raises(ValueError, match="too low"):
        label_sheet_pdf([item(1)], low)


# -- fitting text -------------------------------------------------------------------

LONG = ("Libro de cuentas España — edición año 2026, tapa dura con índice alfabético, señalador de tela y "
        "cantoneras metálicas para archivo")
NO_SPACES = "Supercalifragilísticoespialidosoextraordinariamentelarguísimonombresinespacios"


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_long_names_wrap_shrink_or_are_cut_but_never_leave_their_label(key, tmp_path):
    layout = LAYOUTS[key]
    items = [item(1, name=LONG), item(2, name=NO_SPACES), item(3, name="Jamón ibérico", unit="kg"),
             item(4, name=LONG, ean=None, sku="REF-LARGA", price=D("999999.99")),
             item(5, sku="REFERENCIA-DE-PROVEEDOR-MUY-LARGA-0001", price=D("99999.99"))]
    pdf = save(tmp_path, label_sheet_pdf(items, key), f"{key}.pdf")
    boxes = word_boxes(pdf)
    assert boxes
    slack = 0.5  # pdftotext rounds glyph boxes
    for word, x0, y0, x1, y1 in boxes:
        inside = [slot for slot in range(5)
                  if layout.origin(slot)[0] + bl.EDGE - slack <= x0 and x1 <= layout.origin(slot)[0]
                  + layout.label_w - bl.EDGE + slack
                  and bl.PAGE_H - layout.origin(slot)[1] - layout.label_h + bl.EDGE - slack <= y0
                  and y1 <= bl.PAGE_H - layout.origin(slot)[1] - bl.EDGE + slack]
        assert inside, f"{word!r} at {x0:.1f},{y0:.1f}-{x1:.1f},{y1:.1f} leaves its label"
    for i, (w1, *a) in enumerate(boxes):  # and no two words overprint each other
        for w2, *b in boxes[i + 1:]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= slack or overlap_y <= slack, f"{w1!r} overprints {w2!r}"
    flat = " ".join(text(pdf).split())
    assert "Libro de cuentas España" in flat and "Jamón ibérico" in flat
    assert "IVA incl. · por kg" in flat
    assert "1.209.999,99 €" in flat  # 999,999.99 + 21 % = 1,209,999.9879: the price shrinks, it is never cut
    # The last scan still reads every label (the long name pushed nothing into the bars).
    assert [r for r in read_page(pdf, 1, layout, tmp_path)[:5]] == [
        [f"EAN-13:{ean(1)}"], [f"EAN-13:{ean(2)}"], [f"EAN-13:{ean(3)}"], ["CODE-128:REF-LARGA"], [f"EAN-13:{ean(5)}"]]


def test_the_name_shrinks_before_it_is_cut():
    width = LAYOUTS["3x8"].label_w - 5 * bl.mm
    short, size = bl._name_lines("Tornillo 6 mm", 8.5, width, 2)
    assert (short, size) == (["Tornillo 6 mm"], 8.5)
    name = "Libro de cuentas España — edición año 2026, tapa dura con índice alfabético"
    assert len(bl.wrap(name, bl.BOLD, 8.5, width)) == 3
    two, size = bl._name_lines(name, 8.5, width, 2)
    assert len(two) == 2 and size < 8.5 and " ".join(two) == name
    cut, size = bl._name_lines(LONG * 2, 8.5, width, 2)
    assert len(cut) == 2 and size == bl.NAME_MIN_SIZE and cut[-1].endswith("…")


@pytest.mark.parametrize("price, percent, shown", [
    ("0.1250", "21", "0.15"), ("12.50", "4", "13.00"), ("10", "0", "10.00"), ("1.2345", "10", "1.36"),
    ("0.0041", "21", "0.00"), ("1234.5", "21", "1493.75"),
])
def test_the_shelf_price_includes_iva_rounded_half_up_to_cents(price, percent, shown):
    assert item(1, price=D(price), tax_percent=D(percent)).consumer_price == D(shown)


# -- refusing bad input -------------------------------------------------------------

def test_bad_items_are_refused_together_naming_each_product_and_nothing_is_drawn():
    items = [
        item(1, ean="8400000000018"),  # wrong check digit
        item(2, copies=-1),
        item(3, ean=None, sku="ÑANDÚ-1"),  # Code 128 carries ASCII only
        item(4, ean=None, sku="REFERENCIA-LARGA-1"),  # too long for a 52.5 mm label
        item(5),
    ]
    with pytest.raises(ValidationError) as caught:
        label_sheet_pdf(items, "4x10", start_position=41)
    error = caught.value
    assert error.fields == {"start_position", "items[0].ean", "items[1].copies", "items[2].sku", "items[3].sku"}
    assert "8400000000018" not in error.message_for("items[0].ean") and "ART-1" in error.message_for("items[0].ean")
    assert "ART-2" in error.message_for("items[1].copies")
    assert "ÑANDÚ-1" in error.message_for("items[2].sku")
    assert "too long" in error.message_for("items[3].sku")
    assert "40" in error.message_for("start_position")

    # The same long SKU fits a 70 mm label.
    assert label_sheet_pdf([items[3]], "3x8")[:5] == b"%PDF-"


def test_nothing_to_print_is_refused():
    with pytest.raises(ValidationError) as caught:
        label_sheet_pdf([item(1, copies=0)])
    assert caught.value.fields == {"items"}
    with pytest.raises(ValidationError):
        label_sheet_pdf([])


def test_label_items_keep_the_order_asked_and_refuse_unknown_ids(db):
    a = make_product(db, "A-1", "Primero", ean(11), "1")
    b = make_product(db, "B-1", "Segundo", None, "2", "IVA10", unit="kg")
    assert [i.sku for i in product_labels.label_items(db, [b.id, a.id, str(b.id)])] == ["B-1", "A-1"]
    assert product_labels.label_items(db, [b.id])[0].unit == "kg"
    products.archive_product(db, a.id)  # still on the shelf until relabelled: it still prints
    assert product_labels.label_items(db, [a.id])[0].sku == "A-1"
    with pytest.raises(NotFoundError):
        product_labels.label_items(db, [a.id, "00000000-0000-0000-0000-000000000000"])
