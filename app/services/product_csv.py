"""Reading a product CSV as spreadsheets write it, before any rule is checked.

Excel in Spanish saves CSV in Windows-1252 with ``;`` between fields and
decimal commas; other tools write UTF-8 (with or without a BOM) and ``,``.
Both read the same here: the encoding is tried as UTF-8 first, then
Windows-1252; the separator is the one of ``;``, ``,`` or tab the header line
holds most of. Header names are matched without case or accents, in Spanish
or English (``Código de barras`` = ``barcode``). Line numbers are Excel's row
numbers: the header is line 1, and a quoted cell spanning lines is one row.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from app.i18n import _

FIELDS = ("sku", "name", "ean", "category", "unit", "kind", "sale_price", "cost", "tax")
REQUIRED = ("sku", "name")

# Compared after norm(): no case, accents, spaces or punctuation.
ALIASES: dict[str, tuple[str, ...]] = {
    "sku": ("sku", "referencia", "codigo", "ref", "reference", "code", "codigoarticulo", "codarticulo"),
    "name": ("name", "nombre", "descripcion", "description", "articulo", "producto"),
    "ean": ("ean", "ean13", "codigodebarras", "codbarras", "barcode", "gtin"),
    "category": ("category", "categoria", "familia", "family", "seccion"),
    "unit": ("unit", "unidad", "unidaddemedida", "ud", "um"),
    "kind": ("kind", "tipo", "type"),
    "sale_price": ("saleprice", "price", "precio", "pvp", "precioventa", "preciodeventa"),
    "cost": ("cost", "coste", "costo", "preciocoste", "preciodecoste", "preciocompra", "preciodecompra"),
    "tax": ("tax", "iva", "taxrate", "tipoiva", "tipodeiva", "impuesto", "vat"),
}
# How a missing required column is asked for.
HINTS = {"sku": "sku, referencia, código", "name": "name, nombre, descripción"}
_BY_ALIAS = {alias: key for key, aliases in ALIASES.items() for alias in aliases}
_NUMBER = re.compile(r"^[+-]?[0-9.,]*$")


def norm(text: str) -> str:
    """``"Código de barras"`` -> ``"codigodebarras"``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def field_label(key: str) -> str:
    """How a product field is named when the file has no column for it."""
    return {"sku": _("SKU"), "name": _("name"), "ean": _("barcode"), "category": _("category"),
            "unit": _("unit"), "kind": _("kind"), "sale_price": _("price"), "cost": _("cost"),
            "tax": _("IVA"), "row": _("row"), "file": _("file")}.get(key, key)


@dataclass(frozen=True)
class RowError:
    line: int  # as Excel numbers rows: the header is line 1
    field: str  # one of FIELDS, "row" (the line as a whole) or "file"
    column: str  # the header as the file writes it, or the field's name
    message: str

    def __str__(self) -> str:
        return _("Line {line}, {column}: {message}").format(line=self.line, column=self.column,
                                                             message=self.message)


@dataclass
class ImportRow:
    line: int
    cells: dict[str, str]  # field -> the text as read (stripped)
    errors: list[RowError] = field(default_factory=list)
    action: str = "create"  # create | update, once the database was asked

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportPreview:
    headers: dict[str, str]  # field -> the file's header for it, in the file's order
    rows: list[ImportRow]
    file_errors: list[RowError]  # the file cannot be read at all (then there are no rows)
    ignored: list[str]  # headers that name no product field
    encoding: str = ""
    delimiter: str = ""
    existing: str = "error"
    checked: bool = False  # whether the database rules ran

    @property
    def errors(self) -> list[RowError]:
        return self.file_errors + [e for row in self.rows for e in row.errors]

    @property
    def error_rows(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def ready_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok]

    def fresh(self) -> ImportPreview:
        """The same rows as read, without the errors the rules found (to check them again)."""
        rows = [ImportRow(r.line, dict(r.cells), [e for e in r.errors if e.field == "row"]) for r in self.rows]
        return ImportPreview(dict(self.headers), rows, list(self.file_errors), list(self.ignored),
                             self.encoding, self.delimiter, self.existing)


def parse_number(text: str) -> Decimal:
    """``1.234,56``, ``1234.56``, ``12,5``, ``12.5`` (one point alone is a decimal point, as in the
    forms); ``€``, ``%`` and spaces ignored. ValueError when it is not a number."""
    raw = text.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    bad = ValueError(_("Not a number: {text}").format(text=text))
    if not raw or not _NUMBER.match(raw) or not any(ch.isdigit() for ch in raw):
        raise bad
    commas, points = raw.count(","), raw.count(".")
    if commas and points:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        if raw.count(decimal_sep) > 1:
            raise bad
        raw = raw.replace("." if decimal_sep == "," else ",", "").replace(decimal_sep, ".")
    elif commas > 1:
        raise bad
    elif commas:
        raw = raw.replace(",", ".")
    elif points > 1:
        raw = raw.replace(".", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise bad from None


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding's name: UTF-8 (BOM or not) first, then Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ValueError(_("The file is not text in UTF-8 or Windows-1252: save it from the spreadsheet "
                           "as CSV (UTF-8).")) from None


def sniff_delimiter(header_line: str) -> str:
    """``;``, ``,`` or tab: whichever the header line holds most of outside quotes (``;`` wins ties)."""
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return max(";,\t", key=lambda d: counts[d])


def file_error(message: str, line: int = 1) -> RowError:
    return RowError(line, "file", field_label("file"), message)


def parse_csv(data: bytes) -> ImportPreview:
    """The rows as read, each cell under its product field; file errors when it cannot be read."""
    empty = ImportPreview({}, [], [], [])
    if data.startswith(b"PK\x03\x04"):
        empty.file_errors.append(file_error(_(
            "This is an Excel workbook, not a CSV file: in Excel choose File > Save as > CSV, then import that.")))
        return empty
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        empty.file_errors.append(file_error(str(exc)))
        return empty
    delimiter = None
    first_line = text.split("\n", 1)[0].strip()
    if m := re.fullmatch(r'"?sep=(.)"?', first_line, re.IGNORECASE):
        delimiter = m.group(1)  # Excel's own hint line; Excel hides it, so the header stays line 1
        text = text.split("\n", 1)[1] if "\n" in text else ""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        empty.file_errors.append(file_error(_("The file is empty.")))
        return empty
    delimiter = delimiter or sniff_delimiter(first)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        empty.file_errors.append(file_error(_("The file cannot be read as CSV: {error}").format(error=exc)))
        return empty
    start = next((i for i, rec in enumerate(records) if any(c.strip() for c in rec)), None)
    if start is None:
        empty.file_errors.append(file_error(_("The file is empty.")))
        return empty
    preview = ImportPreview({}, [], [], [], encoding, delimiter)
    header = [h.strip() for h in records[start]]
    header_line = start + 1
    positions = _columns(preview, header, header_line)
    if preview.file_errors:
        preview.headers, preview.ignored = {}, []
        return preview
    width = len(header)
    for n, record in enumerate(records[start + 1:], start=header_line + 1):
        if not any(c.strip() for c in record):
            continue  # a blank line: Excel shows it, there is nothing to import
        row = ImportRow(n, {key: _cell(record[i]) if i < len(record) else "" for key, i in positions.items()})
        if len(record) > width and any(c.strip() for c in record[width:]):
            sep = _("a tab") if delimiter == "\t" else f"«{delimiter}»"
            row.errors.append(RowError(n, "row", field_label("row"), _(
                "This line has {n} cells and the header {m}: a value holding the separator {sep} must be "
                "in quotes.").format(n=len(record), m=width, sep=sep)))
        preview.rows.append(row)
    return preview


def _cell(text: str) -> str:
    """The cell's text; ``="0123"`` (how some programs keep Excel from turning codes into numbers) is ``0123``."""
    text = text.strip()
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1]
    return text


def _columns(preview: ImportPreview, header: list[str], header_line: int) -> dict[str, int]:
    """Which product field each header names (into ``preview.headers``); file errors for what is wrong."""
    positions: dict[str, int] = {}
    for i, title in enumerate(header):
        key = _BY_ALIAS.get(norm(title))
        if key is None:
            if title:
                preview.ignored.append(title)
        elif key in positions:
            preview.file_errors.append(file_error(_("Columns {a} and {b} both hold the {what}: keep one.").format(
                a=header[positions[key]], b=title, what=field_label(key)), header_line))
        else:
            positions[key] = i
            preview.headers[key] = title
    missing = [k for k in REQUIRED if k not in positions]
    if missing:
        wanted = _(" and ").join(_("{what} (a column named {names})").format(what=field_label(k), names=HINTS[k])
                                 for k in missing)
        found = ", ".join(h for h in header if h) or _("none")
        preview.file_errors.append(file_error(_(
            "The file has no column for {wanted}. Columns found: {found}.").format(wanted=wanted, found=found),
            header_line))
    return positions
