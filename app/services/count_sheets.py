"""A stock count's sheet on paper (PDF) and in a spreadsheet (CSV), and the counts read back from a CSV.

The CSV is written by ``app.services.export`` (the app's one CSV dialect:
UTF-8 with BOM, ``;``, decimal comma, CRLF), so the sheet opens in Spanish
Excel with a double click. The clerk fills in the "Counted" column and imports
the file back; any CSV with a SKU (or barcode) column and a counted column
does as well, in Spanish or English headers, ``;`` or ``,``. Reading it is
all or nothing: every bad row is reported with its line number as Excel
shows it, and nothing is saved until every row is right.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select

from app.db.session import Database
from app.documents.count_sheet import SheetHeader, SheetLine, render_count_sheet
from app.domain.company import Company
from app.domain.inventory import Product, StockCount, StockCountLine, StockRule, Warehouse
from app.errors import FieldError, ValidationError
from app.i18n import _
from app.services.export import ExportColumn, export_rows
from app.services.listing import ListQuery
from app.services.product_csv import decode, norm, sniff_delimiter
from app.services.count_common import count_key, find_count
from app.services.count_lists import list_count_lines
from app.services.stock_counts import counted_value, set_counted

CODE_ALIASES = ("sku", "referencia", "ref", "codigo", "code", "reference", "articulo")
EAN_ALIASES = ("ean", "ean13", "codigodebarras", "codbarras", "barcode", "gtin")
COUNTED_ALIASES = ("counted", "contado", "contada", "recuento", "conteo", "count", "cantidad", "quantity",
                   "cantidadcontada", "unidades", "stockreal", "existencias")


def _sheet_columns(show_expected: bool) -> list[ExportColumn]:
    cols = [ExportColumn("position", "#", "text"), ExportColumn("location", _("Location")),
            ExportColumn("sku", _("SKU")), ExportColumn("ean", _("EAN")), ExportColumn("name", _("Name")),
            ExportColumn("unit", _("Unit"))]
    if show_expected:
        cols.append(ExportColumn("expected", _("Expected"), "quantity"))
    cols.append(ExportColumn("counted", _("Counted"), "quantity"))
    return cols


def sheet_csv(db: Database, count_id: Any, *, show_expected: bool = False) -> bytes:
    """The sheet in walking order: #, location, SKU, EAN, name, unit, [expected], counted (filled where counted)."""
    key = count_key(count_id)
    with db.session() as s:
        find_count(s, key)
    with tempfile.TemporaryDirectory(prefix="trastienda-count-") as folder:
        path = Path(folder) / "sheet.csv"
        # Pages as big as a list allows: each page of a 100,000-line sheet costs one sort of the count.
        export_rows(db, lambda d, q: list_count_lines(d, key, q), ListQuery(sort="position"),
                    _sheet_columns(show_expected), path, "csv", page_size=10_000)
        return path.read_bytes()


def _sheet_lines(db: Database, count: StockCount) -> list[SheetLine]:
    with db.session() as s:
        rows = s.execute(
            select(StockCountLine.position, StockRule.location, Product.sku, Product.ean, Product.name, Product.unit,
                   StockCountLine.expected)
            .join(Product, Product.id == StockCountLine.product_id)
            .outerjoin(StockRule, and_(StockRule.product_id == StockCountLine.product_id,
                                       StockRule.warehouse_id == count.warehouse_id))
            .where(StockCountLine.count_id == count.id)
            .order_by(StockCountLine.position, StockCountLine.id)
            .execution_options(yield_per=5_000))
        return [SheetLine(*row) for row in rows]


def sheet_pdf(db: Database, count_id: Any, *, show_expected: bool = False) -> bytes:
    """The printed sheet (see ``app.documents.count_sheet``): blind unless ``show_expected``."""
    with db.session() as s:
        count = find_count(s, count_id)
        wh = s.get(Warehouse, count.warehouse_id)
        company = s.execute(select(Company.legal_name)).scalars().first() or ""
        header = SheetHeader(count.reference, f"{wh.code} · {wh.name}", count.date, company, count.notes,
                             show_expected)
    lines = _sheet_lines(db, count)
    return render_count_sheet(header, lines, len(lines), max((line.position for line in lines), default=0))


# -- import ------------------------------------------------------------------------------------------

def _find_column(header: list[str], aliases: tuple[str, ...]) -> int | None:
    names = [norm(h) for h in header]
    for alias in aliases:
        if alias in names:
            return names.index(alias)
    return None


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line as Excel numbers it, cells) for each non-empty row."""
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    line = 1
    for cells in reader:
        yield line, [c.strip() for c in cells]
        line = reader.line_num + 1


def read_counted_csv(data: bytes) -> list[tuple[int, str, Decimal | None]]:
    """(line, code, counted) of each row with a counted quantity; ValidationError with every bad row at once."""
    try:
        text, _encoding = decode(data)
    except ValueError as exc:
        raise ValidationError("file", str(exc)) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    rows = _rows(text, sniff_delimiter(first))
    try:
        _line, header = next(rows)
    except StopIteration:
        raise ValidationError("file", _("The file is empty.")) from None
    code_col = _find_column(header, CODE_ALIASES)
    if code_col is None:
        code_col = _find_column(header, EAN_ALIASES)
    counted_col = _find_column(header, COUNTED_ALIASES)
    if code_col is None or counted_col is None:
        raise ValidationError("file", _(
            "The first row must name a SKU column (sku, referencia, código or ean) and a counted column "
            "(counted, contado, recuento, cantidad)."))
    errors: list[FieldError] = []
    out: list[tuple[int, str, Decimal | None]] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        if not any(cells):
            continue
        code = cells[code_col] if code_col < len(cells) else ""
        raw = cells[counted_col] if counted_col < len(cells) else ""
        if not raw:
            continue  # not counted: the line stays as it is
        if not code:
            errors.append(FieldError(f"rows[{line}].code", _("Line {line}: the SKU is empty.").format(line=line)))
            continue
        if code in seen:
            errors.append(FieldError(f"rows[{line}].code", _(
                "Line {line}: {code} is also on line {other}; give one counted quantity per product.").format(
                line=line, code=code, other=seen[code])))
            continue
        seen[code] = line
        try:
            value = counted_value(raw)
        except ValueError as exc:
            errors.append(FieldError(f"rows[{line}].counted", _("Line {line}, {code}: {message}").format(
                line=line, code=code, message=exc)))
            continue
        out.append((line, code, value))
    if errors:
        raise ValidationError(errors)
    return out


def import_csv(db: Database, count_id: Any, data: bytes) -> int:
    """Saves the counted quantities of a CSV on a draft count in one transaction; returns how many rows.

    Products not on the sheet get a line (as when scanned). Errors name the
    file's line: ``rows[<line>].code`` or ``rows[<line>].counted``.
    """
    rows = read_counted_csv(data)
    if not rows:
        raise ValidationError("file", _("No row of the file has a counted quantity."))
    try:
        set_counted(db, count_id, [(code, value) for _line, code, value in rows])
    except ValidationError as exc:
        errors = []
        for e in exc.errors:
            if e.field.startswith("lines["):
                index = int(e.field[6:e.field.index("]")])
                line = rows[index][0]
                field = e.field.replace(f"lines[{index}]", f"rows[{line}]")
                errors.append(FieldError(field, _("Line {line}: {message}").format(line=line, message=e.message)))
            else:
                errors.append(e)
        raise ValidationError(errors) from None
    return len(rows)
