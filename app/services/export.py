"""Export a list as the clerk sees it (filters, search, sort, columns) to CSV or XLSX.

The rows are read page by page with the list's own service function and keyset
paging, exactly like the screen reads them, so an export never holds more than
one page in memory and never disagrees with the screen about which rows, in
which order.

CSV is written the way Spanish Excel opens it with a double click, no import
wizard: UTF-8 with a BOM (without it Excel reads Windows-1252 and garbles
accents), ``;`` between fields (Excel splits on ``;`` where the decimal mark is
a comma), decimal comma without thousands separators (so every amount is read
as a number), dates as dd/mm/yyyy, CRLF line ends. Text that Excel would run as
a formula (starting with ``=``, ``+``, ``-``, ``@``) is prefixed with ``'``
(OWASP's advice against CSV injection); phone-like values such as ``+34 600``
are left alone, as they carry nothing to run. Barcodes and other long digit
codes are written as they are: Excel opening a CSV shows them as numbers
(8,41235E+12), the XLSX keeps them as text. No other CSV dialect is offered.

XLSX holds real numbers (money with two decimals shown, prices with two to
four) and real dates; text is always written as text, never as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.db.session import Database
from app.errors import TrastiendaError, ValidationError
from app.i18n import _
from app.money import CENT
from app.services.listing import ListQuery, Page

PAGE_SIZE = 2_000  # rows per query: big enough to amortise a round trip, small enough to stay light
XLSX_MAX_ROWS = 1_048_576  # Excel's sheet limit, header row included
FORMATS = ("csv", "xlsx")

ListFn = Callable[[Database, ListQuery], Page]
CountFn = Callable[[Database, ListQuery], int]


@dataclass(frozen=True)
class ExportColumn:
    """One column as the screen shows it (ui ``Column`` has the same attributes and may be passed as is)."""

    key: str
    title: str
    kind: str = "text"  # text | money | price | quantity | percent | date | bool | choice
    choices: Mapping[str, str] = field(default_factory=dict)
    width: int = 120  # on-screen pixels; the XLSX column gets about the same width


class ExportCancelled(TrastiendaError):
    """The clerk cancelled; no file was left behind."""


def export_rows(
    db: Database,
    list_fn: ListFn,
    query: ListQuery,
    columns: Sequence[Any],
    path: str | Path,
    fmt: str,
    progress: Callable[[int, int | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    count_fn: CountFn | None = None,
    sheet_name: str = "",
    page_size: int = PAGE_SIZE,
) -> int:
    """Write every row of the list ``list_fn`` with ``query``'s filters, search and sort; return how many.

    ``columns`` (key, title, kind, choices) give the headers and their order.
    ``progress(done, total)`` is called after each page (total from
    ``count_fn``, else None); ``cancelled()`` is asked before each page.
    The file appears whole at ``path`` or not at all: it is written to a
    temporary file beside it and renamed at the end. Raises ExportCancelled,
    or ValidationError on ``format`` (unknown format, too many rows for Excel).
    """
    if fmt not in FORMATS:
        raise ValidationError("format", _("Unknown export format {fmt}: use csv or xlsx.").format(fmt=fmt))
    total = count_fn(db, replace(query, after=None, offset=0)) if count_fn is not None else None
    if fmt == "xlsx" and total is not None and total + 1 > XLSX_MAX_ROWS:
        raise _too_many_rows(total)

    def write(tmp: Path) -> int:
        pages = _pages(db, list_fn, query, page_size, cancelled)
        if fmt == "csv":
            count = _write_csv(tmp, columns, pages, total, progress)
        else:
            count = _write_xlsx(tmp, columns, pages, total, progress, sheet_name or Path(path).stem)
        if cancelled is not None and cancelled():
            raise ExportCancelled(_("Export cancelled: nothing was saved."))
        return count

    return write_whole(path, write)


def write_whole(path: str | Path, write: Callable[[Path], int]) -> int:
    """Run ``write(tmp)`` on a temporary file beside ``path``, then rename it: the file appears whole or not at all."""
    path = Path(path)
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise TrastiendaError(_("Cannot write in {folder}: {error}").format(
            folder=path.parent, error=exc.strerror or exc)) from None
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        count = write(tmp)
        try:
            os.replace(tmp, path)
        except PermissionError:
            # Windows keeps a file open in Excel locked.
            raise TrastiendaError(_("{name} cannot be replaced: is it open in Excel? Close it and export again.")
                                  .format(name=path.name)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _too_many_rows(total: int) -> ValidationError:
    return ValidationError("format", _(
        "The list has {n} rows; an Excel sheet holds at most {max}. Export it as CSV, or narrow the list "
        "with the search box or a filter.").format(n=f"{total:,}".replace(",", "."), max="1.048.575"))


def _pages(db: Database, list_fn: ListFn, query: ListQuery, page_size: int,
           cancelled: Callable[[], bool] | None) -> Iterator[list[dict]]:
    """The list's rows, page after page, by keyset from each page's last row."""
    q = replace(query, limit=page_size, after=None, offset=0)
    while True:
        if cancelled is not None and cancelled():
            raise ExportCancelled(_("Export cancelled: nothing was saved."))
        page = list_fn(db, q)
        yield page.rows
        if not page.has_more:
            return
        q = replace(q, after=page.next_after)


# -- CSV ------------------------------------------------------------------------------------

_PHONE = re.compile(r"^\+[0-9 ]+$")


def _csv_text(value: Any) -> str:
    text = str(value)
    if text and text[0] in "=+-@\t\r" and not _PHONE.match(text):
        return "'" + text
    return text


def _plain(value: Decimal) -> str:
    """The value's own decimals without trailing zeros, decimal comma: 3, 2,5, 0,125."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _csv_money(value: Any) -> str:
    return f"{Decimal(value).quantize(CENT):f}".replace(".", ",")


def _csv_price(value: Any) -> str:
    value = Decimal(value)
    return _csv_money(value) if value == value.quantize(CENT) else _plain(value)


def _csv_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _label(column: Any) -> Callable[[Any], str]:
    choices = getattr(column, "choices", None) or {}
    return lambda value: choices.get(str(getattr(value, "value", value)), str(getattr(value, "value", value)))


def _yes(value: Any) -> str:
    return _("Yes") if value else ""


def _csv_formatter(column: Any) -> Callable[[Any], str]:
    kind = getattr(column, "kind", "text")
    return {
        "money": _csv_money,
        "price": _csv_price,
        "quantity": lambda v: _plain(Decimal(v)),
        "percent": lambda v: _plain(Decimal(v)),
        "date": _csv_date,
        "bool": _yes,
        "choice": _label(column),
    }.get(kind, _csv_text)


def write_table(tmp: Path, fmt: str, columns: Sequence[Any], rows: list[dict], sheet_name: str) -> int:
    """Rows already in memory (a report) to CSV or XLSX at ``tmp``, as a list export writes them."""
    if fmt == "csv":
        return _write_csv(tmp, columns, iter([rows]), len(rows), None)
    if len(rows) + 1 > XLSX_MAX_ROWS:
        raise _too_many_rows(len(rows))
    return _write_xlsx(tmp, columns, iter([rows]), len(rows), None, sheet_name)


def _write_csv(tmp: Path, columns: Sequence[Any], pages: Iterator[list[dict]], total: int | None,
               progress: Callable[[int, int | None], None] | None) -> int:
    keys = [c.key for c in columns]
    formatters = [_csv_formatter(c) for c in columns]
    pairs = list(zip(keys, formatters))
    count = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.title for c in columns])
        for rows in pages:
            writer.writerows([["" if (v := row.get(k)) is None else fmt(v) for k, fmt in pairs] for row in rows])
            count += len(rows)
            if progress is not None:
                progress(count, total)
    return count


# -- XLSX -----------------------------------------------------------------------------------

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str) -> str:
    title = _SHEET_BAD.sub(" ", name).strip().strip("'")[:31]
    return title or "Sheet1"


def _write_xlsx(tmp: Path, columns: Sequence[Any], pages: Iterator[list[dict]], total: int | None,
                progress: Callable[[int, int | None], None] | None, sheet_name: str) -> int:
    import xlsxwriter  # only exports need it: keeps it off the start-up path

    # constant_memory: each row goes to disk when the next begins, so 1M rows cost one row of memory.
    workbook = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True, "tmpdir": str(tmp.parent),
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
        "remove_timezone": True,
    })
    try:
        sheet = workbook.add_worksheet(_sheet_title(sheet_name))
        bold = workbook.add_format({"bold": True})
        formats = {
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "price": workbook.add_format({"num_format": "#,##0.00##"}),
            "quantity": workbook.add_format({"num_format": "General"}),
            "percent": workbook.add_format({"num_format": "General"}),
            "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
            "datetime": workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
        }
        for i, column in enumerate(columns):
            sheet.set_column(i, i, max(6, round(getattr(column, "width", 120) / 7)))
        sheet.freeze_panes(1, 0)
        for i, column in enumerate(columns):
            sheet.write_string(0, i, column.title, bold)
        writers = [_xlsx_writer(sheet, c, formats) for c in columns]
        cells = [(i, c.key, w) for i, (c, w) in enumerate(zip(columns, writers))]
        r = 0
        for rows in pages:
            if r + len(rows) + 1 > XLSX_MAX_ROWS:
                raise _too_many_rows(r + len(rows))
            for row in rows:
                r += 1
                for i, key, write in cells:
                    value = row.get(key)
                    if value is not None:
                        write(r, i, value)
            if progress is not None:
                progress(r, total)
        if columns:
            sheet.autofilter(0, 0, max(r, 1), len(columns) - 1)
    except BaseException:
        with contextlib.suppress(Exception):
            workbook.close()
        raise
    workbook.close()
    return r


def _xlsx_writer(sheet: Any, column: Any, formats: dict) -> Callable[[int, int, Any], Any]:
    kind = getattr(column, "kind", "text")
    if kind in ("money", "price", "quantity", "percent"):
        fmt = formats[kind]
        # Excel holds doubles: 15 significant digits, far more than any amount here carries.
        return lambda r, c, v: sheet.write_number(r, c, float(v), fmt)
    if kind == "date":
        date_fmt, datetime_fmt = formats["date"], formats["datetime"]
        return lambda r, c, v: sheet.write_datetime(
            r, c, v, datetime_fmt if isinstance(v, dt.datetime) else date_fmt)
    if kind == "bool":
        return lambda r, c, v: sheet.write_string(r, c, _yes(v)) if v else None
    if kind == "choice":
        label = _label(column)
        return lambda r, c, v: sheet.write_string(r, c, label(v))
    return lambda r, c, v: sheet.write_string(r, c, str(v))
