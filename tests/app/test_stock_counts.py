"""Scenarios of a clerk counting a warehouse: the sheet, the counted quantities, one posting."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.compliance.identifiers import ean13_check_digit
from app.domain.enums import StockCountStatus, StockMoveKind
from app.domain.inventory import StockCount, StockCountLine, StockLevel, StockMove
from app.errors import NotFoundError, ValidationError
from app.services import inventory, stock_counts
from app.services.inventory import ProductData, StockMoveData, WarehouseData
from app.services.listing import ListQuery
from app.services.setup import fixed_id, tax_rate_id
from app.services.stock_reports import check_stock_levels
from app.services.stock_rules import StockRuleData, set_stock_rule
from tests.app import printing
from tests.app.printing import make_company

IVA21 = tax_rate_id("IVA21")
MAIN = fixed_id("warehouse", "MAIN")
YEAR = dt.date.today().year


def _ean(n: int) -> str:
    first12 = f"84{n:010d}"
    return first12 + ean13_check_digit(first12)


def _product(db, sku, **kw):
    kw.setdefault("name", f"Artículo {sku}")
    kw.setdefault("tax_rate_id", IVA21)
    kw.setdefault("cost", Decimal("2"))
    return inventory.create_product(db, ProductData(sku=sku, **kw)).id


def _receive(db, product_id, qty, warehouse=MAIN, cost="1.50"):
    inventory.record_move(db, StockMoveData("receipt", product_id, Decimal(qty), to_warehouse_id=warehouse,
                                            unit_cost=Decimal(cost)))


def _on_hand(db, product_id, warehouse=MAIN) -> Decimal:
    return inventory.stock_on_hand(db, product_id, warehouse)


def _lines(db, count_id, **query) -> list[dict]:
    rows, after = [], None
    while True:
        page = stock_counts.list_count_lines(db, count_id, ListQuery(limit=query.pop("limit", 500), after=after,
                                                                     **query))
        rows += page.rows
        if not page.has_more:
            return rows
        after = page.next_after


def _by_sku(db, count_id) -> dict[str, dict]:
    return {r["sku"]: r for r in _lines(db, count_id)}


def _table_count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def shop(db):
    """A hardware shop: five stocked products in MAIN (two on shelves), one service, one never received."""
    ids = {}
    for sku, qty, location, kw in (
        ("TORN-6", "100", "B-02", {"ean": _ean(1), "name": "Tornillo 6 mm"}),
        ("TUER-6", "40", "A-01", {"name": "Tuerca 6 mm", "category": "Ferretería"}),
        ("CLAV-3", "12.5", None, {"name": "Clavo 3 cm", "unit": "kg", "category": "Ferretería"}),
        ("ARAND", "7", None, {"name": "Arandela"}),
        ("BROCA", "3", None, {"name": "Broca 8 mm"}),
    ):
        ids[sku] = _product(db, sku, **kw)
        _receive(db, ids[sku], qty)
        if location:
            set_stock_rule(db, StockRuleData(ids[sku], MAIN, location=location))
    ids["NUEVO"] = _product(db, "NUEVO", name="Nunca recibido", ean=_ean(2))
    ids["MONTAJE"] = _product(db, "MONTAJE", name="Montaje", kind="service")
    return db, ids


# -- the whole flow ---------------------------------------------------------------------------------

def test_count_a_warehouse_with_moves_between_the_sheet_and_the_posting(shop):
    db, ids = shop
    count = stock_counts.start_count(db, MAIN, notes="Inventario anual")
    assert count.reference == f"INV-{YEAR}-0001" and count.is_draft
    assert (count.lines, count.counted, count.uncounted, count.warehouse_code) == (5, 0, 5, "MAIN")
    lines = _lines(db, count.id)
    # Walking order: shelf locations first, then the rest by SKU. Services and empty products are left out.
    assert [r["sku"] for r in lines] == ["TUER-6", "TORN-6", "ARAND", "BROCA", "CLAV-3"]
    assert [r["position"] for r in lines] == [1, 2, 3, 4, 5]
    assert lines[0]["location"] == "A-01" and lines[2]["location"] is None
    assert {r["sku"]: r["expected"] for r in lines}["CLAV-3"] == Decimal("12.5")
    assert all(r["counted"] is None and r["difference"] is None for r in lines)

    # After the sheet was printed, 30 screws are sold and 5 washers arrive: real moves that must stay.
    inventory.record_move(db, StockMoveData("delivery", ids["TORN-6"], 30, from_warehouse_id=MAIN))
    _receive(db, ids["ARAND"], "5")

    line_of = {r["sku"]: r["__id"] for r in lines}
    saved = stock_counts.set_counted(db, count.id, [
        (line_of["TORN-6"], "68"),            # 70 on hand now: 2 lost
        ("TUER-6", Decimal("40")),            # by SKU: no difference
        (_ean(1), "68"),                      # the same product scanned by barcode: same line
        ("ARAND", 12),                        # 12 on hand now: no difference (it differs from the sheet)
        (line_of["CLAV-3"], "12,75"),         # decimal comma: 0.25 kg gained
        (_ean(2), "4"),                       # on the shelf but not on the sheet: a new line
    ])
    assert saved[0] == saved[2] == line_of["TORN-6"] and saved[1] == line_of["TUER-6"]
    rows = _by_sku(db, count.id)
    assert rows["NUEVO"]["position"] == 6 and rows["NUEVO"]["expected"] == 0 and rows["NUEVO"]["counted"] == 4
    assert rows["TORN-6"]["difference"] == Decimal("-32")  # against the sheet; posting uses the stock now
    assert stock_counts.get_count(db, count.id).counted == 5

    summary = stock_counts.post_summary(db, count.id)
    assert (summary.adjustments, summary.gains, summary.losses, summary.uncounted) == (3, 2, 1, 1)
    # 2 screws at 1.50 out; 0.25 kg of nails at 1.50 and 4 new units at their cost (2.00) in.
    assert summary.value_difference == Decimal("-3.00") + Decimal("0.38") + Decimal("8.00")

    moves_before = _table_count(db, StockMove)
    result = stock_counts.post_count(db, count.id, uncounted="skip")
    assert result.adjustments == 3 and result.count.status == StockCountStatus.POSTED
    assert result.value_difference == summary.value_difference
    assert result.count.posted_at is not None and result.count.adjustments == 3
    assert _table_count(db, StockMove) == moves_before + 3

    assert _on_hand(db, ids["TORN-6"]) == Decimal("68")
    assert _on_hand(db, ids["TUER-6"]) == Decimal("40")
    assert _on_hand(db, ids["ARAND"]) == Decimal("12")
    assert _on_hand(db, ids["CLAV-3"]) == Decimal("12.75")
    assert _on_hand(db, ids["NUEVO"]) == Decimal("4")
    assert _on_hand(db, ids["BROCA"]) == Decimal("3")  # not counted, skipped: untouched
    assert check_stock_levels(db).ok

    rows = _by_sku(db, count.id)
    assert rows["TORN-6"]["adjusted"] == Decimal("-2") and rows["TORN-6"]["move_id"] is not None
    assert rows["ARAND"]["adjusted"] == 0 and rows["ARAND"]["move_id"] is None
    assert rows["BROCA"]["adjusted"] is None
    move = inventory.get_move(db, rows["TORN-6"]["move_id"])
    assert move.kind == StockMoveKind.ADJUSTMENT and move.from_warehouse_id == MAIN and move.to_warehouse_id is None
    assert move.quantity == 2 and move.reference == count.reference
    assert move.reason == f"Stock count {count.reference}" and move.date == dt.date.today()
    gain = inventory.get_move(db, rows["NUEVO"]["move_id"])
    assert gain.to_warehouse_id == MAIN and gain.from_warehouse_id is None and gain.quantity == 4

    # A posted count is history: no more typing, no second posting, no cancelling.
    for attempt in (lambda: stock_counts.set_counted(db, count.id, [("BROCA", 1)]),
                    lambda: stock_counts.post_count(db, count.id, uncounted="skip"),
                    lambda: stock_counts.cancel_count(db, count.id)):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert err.value.field == "status" and "already posted" in str(err.value)
    assert _table_count(db, StockMove) == moves_before + 3


def test_posting_twice_at_the_same_moment_posts_once(shop):
    """Two clerks press Post together (two sessions, two threads): one posts, the other is refused."""
    db, ids = shop
    count = stock_counts.start_count(db, MAIN)
    stock_counts.set_counted(db, count.id, [("TORN-6", 90), ("TUER-6", 41), ("ARAND", 0)])
    moves_before = _table_count(db, StockMove)
    start, results = threading.Barrier(2), []

    def clerk() -> None:
        start.wait()
        try:
            results.append(stock_counts.post_count(db, count.id, uncounted="skip"))
        except ValidationError as exc:
            results.append(exc)

    workers = [threading.Thread(target=clerk) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    posted = [r for r in results if isinstance(r, stock_counts.PostResult)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(posted) == 1 and len(refused) == 1, results
    assert refused[0].field == "status"
    assert _table_count(db, StockMove) == moves_before + 3
    assert _on_hand(db, ids["TORN-6"]) == 90 and _on_hand(db, ids["ARAND"]) == 0
    assert check_stock_levels(db).ok


def test_posting_counts_against_the_stock_on_hand_at_posting(shop):
    """A delivery recorded after the counts were typed is real: posting adjusts from what it left."""
    db, ids = shop
    count = stock_counts.start_count(db, MAIN)
    stock_counts.set_counted(db, count.id, [("TORN-6", 95)])
    inventory.record_move(db, StockMoveData("delivery", ids["TORN-6"], 10, from_warehouse_id=MAIN))
    stock_counts.post_count(db, count.id, uncounted="skip")
    assert _on_hand(db, ids["TORN-6"]) == 95
    line = _by_sku(db, count.id)["TORN-6"]
    assert line["adjusted"] == 5 and line["difference"] == -5  # +5 against 90 now; -5 against the sheet's 100


# -- bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    ("-1", "negative"),
    (Decimal("-0.5"), "negative"),
    ("doce", "Not a number"),
    ("12a", "Not a number"),
    ("1.23456", "At most 4 decimals"),
    (Decimal("0.00001"), "At most 4 decimals"),
    (1.5, "Not a number"),  # a float is not exact
])
def test_a_bad_counted_value_names_its_line_and_product_and_saves_nothing(shop, value, message):
    db, _ids = shop
    count = stock_counts.start_count(db, MAIN)
    with pytest.raises(ValidationError) as err:
        stock_counts.set_counted(db, count.id, [("TUER-6", 39), ("TORN-6", value), ("ARAND", 7)])
    assert err.value.fields == {"lines[1].counted"}
    assert message in err.value.message_for("lines[1].counted")
    assert "TORN-6 · Tornillo 6 mm" in err.value.message_for("lines[1].counted")
    assert stock_counts.get_count(db, count.id).counted == 0  # the good entries were not saved either


def test_every_bad_entry_is_reported_at_once(shop):
    db, _ids = shop
    count = stock_counts.start_count(db, MAIN)
    with pytest.raises(ValidationError) as err:
        stock_counts.set_counted(db, count.id, [("NOPE-1", 3), ("TORN-6", "x"), ("MONTAJE", 1), ("ARAND", "-2")])
    assert err.value.fields == {"lines[0].code", "lines[1].counted", "lines[2].code", "lines[3].counted"}
    assert "NOPE-1" in err.value.message_for("lines[0].code")
    assert "service" in err.value.message_for("lines[2].code")
    assert _table_count(db, StockCountLine) == 5


def test_uncounted_lines_are_refused_until_the_clerk_says_skip_or_zero(shop):
    db, ids = shop
    count = stock_counts.start_count(db, MAIN)
    stock_counts.set_counted(db, count.id, [("TORN-6", 100), ("TUER-6", 40), ("ARAND", 7)])
    with pytest.raises(ValidationError) as err:
        stock_counts.post_count(db, count.id)
    assert err.value.field == "uncounted" and "2 lines" in str(err.value)
    with pytest.raises(ValidationError) as err:
        stock_counts.post_count(db, count.id, uncounted="maybe")
    assert err.value.field == "uncounted"
    assert stock_counts.get_count(db, count.id).is_draft
    summary = stock_counts.post_summary(db, count.id, "zero")
    assert (summary.adjustments, summary.losses) == (2, 2)
    assert summary.value_difference == -(Decimal("12.5") + 3) * Decimal("1.5")
    result = stock_counts.post_count(db, count.id, uncounted="zero")
    assert result.adjustments == 2 and result.value_difference == summary.value_difference
    assert _on_hand(db, ids["CLAV-3"]) == 0 and _on_hand(db, ids["BROCA"]) == 0
    assert {r["sku"]: r["counted"] for r in _lines(db, count.id)}["BROCA"] == 0
    assert check_stock_levels(db).ok
    with db.session() as s:  # emptied at their average: no value is left behind
        assert s.get(StockLevel, (ids["CLAV-3"], MAIN)).value == 0


def test_a_shortage_is_counted_back_to_what_is_there(shop):
    db, ids = shop
    inventory.record_move(db, StockMoveData("delivery", ids["BROCA"], 5, from_warehouse_id=MAIN),
                          allow_negative=True)
    assert _on_hand(db, ids["BROCA"]) == -2
    count = stock_counts.start_count(db, MAIN)
    assert _by_sku(db, count.id)["BROCA"]["expected"] == -2
    stock_counts.set_counted(db, count.id, [("BROCA", 1)])
    stock_counts.post_count(db, count.id, uncounted="skip")
    assert _on_hand(db, ids["BROCA"]) == 1 and _by_sku(db, count.id)["BROCA"]["adjusted"] == 3
    assert check_stock_levels(db).ok


def test_unknown_or_wrong_counts_are_refused(shop):
    db, _ids = shop
    with pytest.raises(NotFoundError):
        stock_counts.get_count(db, "not-an-id")
    with pytest.raises(NotFoundError):
        stock_counts.set_counted(db, "6b0f0b7e-0000-4000-8000-000000000000", [("TORN-6", 1)])
    with pytest.raises(ValidationError) as err:
        stock_counts.start_count(db, None)
    assert err.value.field == "warehouse_id"
    with pytest.raises(ValidationError) as err:
        stock_counts.start_count(db, MAIN, category="Jardín")
    assert err.value.field == "category"
    with pytest.raises(ValidationError) as err:
        stock_counts.start_count(db, MAIN, location_prefix="Z-")
    assert err.value.field == "location_prefix"
    assert _table_count(db, StockCount) == 0 and _table_count(db, StockCountLine) == 0


# -- starting, listing, cancelling --------------------------------------------------------------------

def test_sheets_narrowed_by_category_location_or_widened_to_every_product(shop):
    db, ids = shop
    by_category = stock_counts.start_count(db, MAIN, category="Ferretería")
    assert [r["sku"] for r in _lines(db, by_category.id)] == ["TUER-6", "CLAV-3"]
    by_shelf = stock_counts.start_count(db, MAIN, location_prefix="b-")  # in any case
    by_shelf_upper = stock_counts.start_count(db, MAIN, location_prefix="B-")
    assert [r["sku"] for r in _lines(db, by_shelf.id)] == [r["sku"] for r in _lines(db, by_shelf_upper.id)] \
        == ["TORN-6"]
    everything = stock_counts.start_count(db, MAIN, only_stocked=False)
    assert [r["sku"] for r in _lines(db, everything.id)] == ["TUER-6", "TORN-6", "ARAND", "BROCA", "CLAV-3",
                                                             "NUEVO"]
    # A product archived while it still holds stock stays on the sheet: that stock is real.
    inventory.archive_product(db, ids["BROCA"])
    assert "BROCA" in [r["sku"] for r in _lines(db, stock_counts.start_count(db, MAIN).id)]
    refs = [stock_counts.get_count(db, c.id).reference for c in (by_category, by_shelf, by_shelf_upper, everything)]
    assert refs == [f"INV-{YEAR}-{n:04d}" for n in (1, 2, 3, 4)]
    last_year = stock_counts.start_count(db, MAIN, date=dt.date(YEAR - 1, 12, 31))
    assert last_year.reference == f"INV-{YEAR - 1}-0001" and last_year.date == dt.date(YEAR - 1, 12, 31)


def test_a_warehouse_is_counted_on_its_own(shop):
    db, ids = shop
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    _receive(db, ids["TORN-6"], "8", warehouse=north)
    count = stock_counts.start_count(db, north)
    assert [(r["sku"], r["expected"]) for r in _lines(db, count.id)] == [("TORN-6", 8)]
    stock_counts.set_counted(db, count.id, [("TORN-6", 6), ("TUER-6", 1)])
    stock_counts.post_count(db, count.id)
    assert _on_hand(db, ids["TORN-6"], north) == 6 and _on_hand(db, ids["TORN-6"]) == 100
    assert _on_hand(db, ids["TUER-6"], north) == 1 and _on_hand(db, ids["TUER-6"]) == 40
    assert check_stock_levels(db).ok


def test_lines_search_filter_sort_and_page_like_the_grid_reads_them(shop):
    db, _ids = shop
    count = stock_counts.start_count(db, MAIN)
    stock_counts.set_counted(db, count.id, [("TORN-6", 90), ("TUER-6", 40), ("ARAND", 9)])

    def skus(**query):
        return [r["sku"] for r in _lines(db, count.id, **query)]

    assert skus(search="tornillo") == ["TORN-6"]
    assert skus(search=_ean(1)) == ["TORN-6"]
    assert skus(search="6 mm") == ["TUER-6", "TORN-6"]
    assert skus(filters={"uncounted": True}) == ["BROCA", "CLAV-3"]
    assert skus(filters={"differences": True}) == ["TORN-6", "ARAND"]
    assert skus(sort="difference", descending=True, filters={"differences": True}) == ["ARAND", "TORN-6"]
    assert skus(sort="name") == ["ARAND", "BROCA", "CLAV-3", "TORN-6", "TUER-6"]
    assert skus(limit=2) == skus()  # keyset pages of two read the same rows
    assert stock_counts.count_count_lines(db, count.id, ListQuery(filters={"uncounted": True})) == 2
    line = _lines(db, count.id)[0]
    assert skus(filters={"line_id": line["__id"]}) == [line["sku"]]


def test_the_list_of_counts_filters_by_status_and_warehouse_and_a_draft_is_cancelled(shop):
    db, _ids = shop
    north = inventory.create_warehouse(db, WarehouseData(code="NORTE", name="Norte")).id
    first = stock_counts.start_count(db, MAIN)
    second = stock_counts.start_count(db, north, only_stocked=False)
    cancelled = stock_counts.cancel_count(db, first.id)
    assert cancelled.status == StockCountStatus.CANCELLED and cancelled.lines == 5
    with pytest.raises(ValidationError) as err:
        stock_counts.post_count(db, first.id, uncounted="skip")
    assert err.value.field == "status" and "cancelled" in str(err.value)
    rows = stock_counts.list_counts(db, ListQuery(sort="reference")).rows
    assert [(r["reference"], r["warehouse"], r["status"], r["lines"], r["counted"]) for r in rows] == [
        (first.reference, "MAIN", "cancelled", 5, 0), (second.reference, "NORTE", "draft", 6, 0)]
    assert [r["reference"] for r in stock_counts.list_counts(db, ListQuery(filters={"status": "draft"})).rows] \
        == [second.reference]
    assert stock_counts.count_counts(db, ListQuery(filters={"warehouse_id": north})) == 1
    with pytest.raises(ValidationError):
        stock_counts.list_counts(db, ListQuery(filters={"status": "lost"}))


def test_a_scanned_code_finds_its_line_or_adds_one(shop):
    db, ids = shop
    count = stock_counts.start_count(db, MAIN)
    on_sheet = stock_counts.find_line(db, count.id, _ean(1))
    assert on_sheet.line_id is not None and on_sheet.label == "TORN-6 · Tornillo 6 mm"
    missing = stock_counts.find_line(db, count.id, "NUEVO")
    assert missing.line_id is None and missing.product_id == ids["NUEVO"]
    assert stock_counts.find_line(db, count.id, "NOPE").product_id is None
    added = stock_counts.find_line(db, count.id, "NUEVO", add=True)
    assert added.added and added.line_id is not None
    assert stock_counts.find_line(db, count.id, "NUEVO", add=True).line_id == added.line_id  # not twice
    with pytest.raises(ValidationError) as err:
        stock_counts.find_line(db, count.id, "MONTAJE", add=True)
    assert err.value.field == "code"
    assert stock_counts.get_count(db, count.id).lines == 6


# -- the sheet: CSV and PDF ------------------------------------------------------------------------

def test_the_csv_sheet_opens_in_spanish_excel_and_comes_back_with_the_counts(shop):
    db, ids = shop
    count = stock_counts.start_count(db, MAIN)
    data = stock_counts.count_sheet_csv(db, count.id, show_expected=True)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "#;Location;SKU;EAN;Name;Unit;Expected;Counted"
    assert lines[1] == "1;A-01;TUER-6;;Tuerca 6 mm;ud;40;"
    assert "5;;CLAV-3;;Clavo 3 cm;kg;12,5;" in lines
    assert "Expected" not in stock_counts.count_sheet_csv(db, count.id).decode("utf-8-sig").split("\r\n")[0]

    # The clerk fills in the Counted column (decimal comma) and leaves one product blank.
    filled = {"TUER-6": "39", "TORN-6": "100", "ARAND": "7", "CLAV-3": "12,25"}
    rows = [lines[0]] + [line + filled.get(line.split(";")[2], "") for line in lines[1:] if line]
    assert stock_counts.import_counted_csv(db, count.id, ("\r\n".join(rows) + "\r\n").encode("utf-8-sig")) == 4
    got = {r["sku"]: r["counted"] for r in _lines(db, count.id)}
    assert got == {"TUER-6": 39, "TORN-6": 100, "ARAND": 7, "CLAV-3": Decimal("12.25"), "BROCA": None}
    again = stock_counts.count_sheet_csv(db, count.id).decode("utf-8-sig").split("\r\n")
    assert "5;;CLAV-3;;Clavo 3 cm;kg;12,25" in again


def test_a_counts_csv_with_bad_rows_names_each_line_and_saves_nothing(shop):
    db, _ids = shop
    count = stock_counts.start_count(db, MAIN)
    data = "Referencia,Contado\nTUER-6,39\nTORN-6,-1\nARAND,siete\nTUER-6,40\n,3\nBROCA,\n".encode("cp1252")
    with pytest.raises(ValidationError) as err:
        stock_counts.import_counted_csv(db, count.id, data)
    assert err.value.fields == {"rows[3].counted", "rows[4].counted", "rows[5].code", "rows[6].code"}
    assert "Line 5" in err.value.message_for("rows[5].code") and "line 2" in err.value.message_for("rows[5].code")
    with pytest.raises(ValidationError) as err:
        stock_counts.import_counted_csv(db, count.id, b"sku;counted\nTUER-6;39\nNOPE;2\n")
    assert err.value.fields == {"rows[3].code"} and "NOPE" in str(err.value)
    with pytest.raises(ValidationError) as err:
        stock_counts.import_counted_csv(db, count.id, b"name;price\nx;1\n")
    assert err.value.field == "file"
    assert stock_counts.get_count(db, count.id).counted == 0


def test_the_printed_sheet_is_blind_paged_and_readable(db, tmp_path):
    """80 products: three pages, each with the reference, the warehouse and "Page N of 3"."""
    make_company(db)
    for n in range(80):
        pid = _product(db, f"SKU-{n:03d}", name=f"Producto número {n:03d} con un nombre bastante largo para la "
                                                 f"columna", ean=_ean(100 + n))
        _receive(db, pid, str(n + 1))
        set_stock_rule(db, StockRuleData(pid, MAIN, location=f"{'ABC'[n % 3]}-{n // 3:02d}"))
    count = stock_counts.start_count(db, MAIN, date=dt.date(YEAR, 3, 2), notes="Recuento de primavera")
    blind = printing.save(tmp_path, stock_counts.count_sheet_pdf(db, count.id), "blind.pdf")
    shown = printing.save(tmp_path, stock_counts.count_sheet_pdf(db, count.id, show_expected=True), "shown.pdf")
    assert printing.pages(blind) == 3
    assert all(embedded == "yes" for _name, embedded in printing.fonts(blind))
    for page in (1, 2, 3):
        words = printing.flat(printing.text(blind, page))
        assert f"Stock count {count.reference}" in words and "MAIN · Almacén principal" in words
        assert f"02/03/{YEAR}" in words and f"Page {page} of 3" in words
        assert "Location" in words and "Counted" in words  # the table header on every page
    first = printing.flat(printing.text(blind, 1))
    assert "A-00 SKU-000" in first and _ean(100) in first and "Expected" not in first
    assert "Blind count" in first
    # Walking order: every A shelf, then B, then C.
    assert printing.flat(printing.text(blind, 3)).rstrip().split("Page 3 of 3")[0].count("C-") > 10
    with_expected = printing.flat(printing.text(shown, 1))
    assert "Expected" in with_expected and "Blind count" not in with_expected
    assert printing.pages(shown) == 3
    if shutil.which("pdftoppm"):
        for name in ("blind", "shown"):  # kept beside the test's files to look at
            printing.png(tmp_path / f"{name}.pdf", 1, dpi=60)


def test_an_empty_count_prints_one_page_with_its_header(db, tmp_path):
    count = stock_counts.start_count(db, MAIN)  # nothing in stock yet: counted by scanning
    assert count.lines == 0
    pdf = printing.save(tmp_path, stock_counts.count_sheet_pdf(db, count.id), "empty.pdf")
    assert printing.pages(pdf) == 1 and "Page 1 of 1" in printing.text(pdf)
