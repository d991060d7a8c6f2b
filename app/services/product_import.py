"""Import products from a CSV file: a preview with every error by line, then one transaction.

Each row is checked with exactly the rules of the product form
(``products._validate_product`` and ``products._check_product_in_db``), plus
the duplicates inside the file (the same SKU or barcode twice). An error names
the line as Excel numbers it and the column as the file calls it. Nothing is
written while an error remains, unless the clerk chooses to skip the rows
that have one; the import is one transaction either way.

An empty cell means "no value": a new product takes the form's default (unit
``ud``, kind product, price and cost 0, the standard 21% IVA), a product being
updated keeps what it had. Reading the file: ``app.services.product_csv``.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.compliance import identifiers
from app.db.session import Database
from app.domain.enums import ProductKind, TaxKind
from app.domain.inventory import Product
from app.domain.taxes import TaxRate
from app.errors import FieldError, TrastiendaError, ValidationError
from app.i18n import _
from app.locale_format import format_decimal
from app.services.product_csv import (
    FIELDS,
    ImportPreview,
    ImportRow,
    RowError,
    field_label,
    norm,
    parse_csv,
    parse_number,
)
from app.services.products import (
    ProductCodes,
    ProductData,
    _check_product_in_db,
    _validate_product,
)
from app.services.validation import Validator

__all__ = ["ImportCancelled", "ImportPreview", "ImportRefused", "ImportResult", "ImportRow", "RowError",
           "check_products", "import_products", "parse_number", "read_product_csv"]

EXISTING = ("error", "update")
_KINDS = {"producto": ProductKind.PRODUCT, "product": ProductKind.PRODUCT,
          "servicio": ProductKind.SERVICE, "service": ProductKind.SERVICE}
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int


class ImportCancelled(TrastiendaError):
    """The clerk cancelled while the rows were checked or written; nothing was written."""


Progress = Callable[[int, int], None]  # rows checked, rows in all
Cancelled = Callable[[], bool]
CHUNK = 100  # rows between two progress reports (and cancel checks)


class ImportRefused(ValidationError):
    """Errors remain and the clerk did not choose to skip their rows; nothing was written."""

    def __init__(self, row_errors: list[RowError]):
        self.row_errors = row_errors
        super().__init__([FieldError(e.field, str(e)) for e in row_errors])


# -- public API ------------------------------------------------------------------------------

def read_product_csv(data: bytes, db: Database | None = None, existing: str = "error", *,
                     progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportPreview:
    """Read a product CSV into a preview whose rows carry their errors; writes nothing.

    With ``db`` the rows are also checked against the database (SKU already
    there, barcode of another product, tax rate) exactly as the import will
    check them; without it, only what the file alone tells, every row taken
    for a new product. ``progress(done, total)`` is called as rows are
    checked; ``cancelled()`` true stops with ImportCancelled.
    """
    _check_existing(existing)
    preview = parse_csv(data)
    preview.existing = existing
    if not preview.file_errors:
        if db is None:
            _check_rows(preview, None, existing, progress, cancelled)
        else:
            with db.session() as s:
                _check_rows(preview, s, existing, progress, cancelled)
                s.rollback()  # only read
    return preview


def check_products(db: Database, preview: ImportPreview, existing: str = "error", *,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportPreview:
    """The same rows checked again (another ``existing`` choice, or the data changed since)."""
    _check_existing(existing)
    again = preview.fresh()
    again.existing = existing
    if not again.file_errors:
        with db.session() as s:
            _check_rows(again, s, existing, progress, cancelled)
            s.rollback()
    return again


def import_products(db: Database, preview_or_data: ImportPreview | bytes, skip_errors: bool = False,
                    existing: str = "error", *, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> ImportResult:
    """Create (and with ``existing="update"``, update) the products of a CSV in ONE transaction.

    The rows are checked again inside the transaction. If any row has an error
    and ``skip_errors`` is false, raises ImportRefused (a ValidationError whose
    ``row_errors`` name line and column) and writes nothing; with it, the rows
    with errors are left out and counted as skipped. A file that cannot be
    read (no SKU or name column, not text) is always refused. Cancelled
    (``cancelled()`` true), raises ImportCancelled and writes nothing.
    """
    _check_existing(existing)
    if isinstance(preview_or_data, (bytes, bytearray)):
        preview = parse_csv(bytes(preview_or_data))
    else:
        preview = preview_or_data.fresh()
    if preview.file_errors:
        raise ImportRefused(preview.file_errors)
    created = updated = 0
    try:
        with db.session() as s:
            checked = _check_rows(preview, s, existing, progress, cancelled)
            if preview.errors and not skip_errors:
                raise ImportRefused(preview.errors)
            for row, (values, own) in zip(preview.rows, checked):
                if not row.ok:
                    continue
                if own is None:
                    s.add(Product(**values))
                    created += 1
                else:
                    for key, value in values.items():
                        setattr(own, key, value)
                    updated += 1
            s.flush()
            if cancelled is not None and cancelled():
                raise ImportCancelled(_("Cancelled: nothing was imported."))
    except IntegrityError:
        # A clerk saved a product with one of these SKUs or barcodes since the check above.
        raise TrastiendaError(_("Someone else added or changed products during the import; nothing was "
                                "imported. Import the file again.")) from None
    return ImportResult(created, updated, len(preview.rows) - created - updated)


def _check_existing(existing: str) -> None:
    if existing not in EXISTING:
        raise ValidationError("existing", _("Choose error or update for products that already exist."))


# -- the rules -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rate:
    id: uuid.UUID
    code: str
    percent: Decimal
    exempt: bool


class _Rates:
    """The active IVA rates, to turn "21", "21%", "21,00" or "IVA21" into one of them."""

    def __init__(self, s: Session | None):
        self.rates: list[_Rate] = []
        # Held so they stay in the session's identity map: the product rules' session.get of
        # each row's rate then costs no query (the map only keeps objects someone holds).
        self._loaded: list[TaxRate] = []
        if s is not None:
            stmt = select(TaxRate).where(TaxRate.kind == TaxKind.IVA, TaxRate.archived_at.is_(None))
            self._loaded = list(s.scalars(stmt))
            self.rates = [_Rate(r.id, r.code, r.percent, r.exemption_reason is not None) for r in self._loaded]

    def default(self) -> uuid.UUID | None:
        """The standard rate (21%), a new product's IVA when the file says none."""
        return next((r.id for r in self.rates if r.percent == 21 and not r.exempt), None)

    def find(self, text: str) -> uuid.UUID | None:
        """The rate meant (None without a database); ValueError naming the choices when none or several match."""
        code = next((r for r in self.rates if norm(r.code) == norm(text)), None)
        if code is not None:
            return code.id
        try:
            percent = parse_number(text)
        except ValueError:
            raise ValueError(_("Not an IVA rate: {text}. Write the percentage, e.g. 21.").format(text=text)) from None
        if not self.rates:
            return None
        matches = [r for r in self.rates if r.percent == percent]
        # A plain 0 means the 0% rate, not one of the exemptions (those are named by their code).
        plain = [r for r in matches if not r.exempt] or matches
        if len(plain) == 1:
            return plain[0].id
        shown = text.strip().rstrip("%").strip()
        if not plain:
            known = sorted({r.percent for r in self.rates if not r.exempt})
            raise ValueError(_("No IVA rate of {text}%: use one of {known}.").format(
                text=shown, known=", ".join(format_decimal(k) for k in known)))
        raise ValueError(_("Several IVA rates are {text}%: write the code, one of {codes}.").format(
            text=shown, codes=", ".join(r.code for r in plain)))


def _existing_products(s: Session, skus: list[str]) -> dict[str, Product]:
    found: dict[str, Product] = {}
    for i in range(0, len(skus), 500):
        found.update({p.sku: p for p in s.scalars(select(Product).where(Product.sku.in_(skus[i:i + 500])))})
    return found


def _cell_values(row: ImportRow, rates: _Rates, errors: dict[str, str]) -> dict:
    """The row's non-empty cells as ProductData values; a cell that cannot be read goes to ``errors``."""
    values: dict = {}
    for key, text in row.cells.items():
        if not text:
            continue
        try:
            if key in ("sale_price", "cost"):
                values[key] = parse_number(text)
            elif key == "kind":
                if norm(text) not in _KINDS:
                    raise ValueError(_("Unknown kind {text}: write producto or servicio.").format(text=text))
                values["kind"] = _KINDS[norm(text)]
            elif key == "tax":
                values["tax_rate_id"] = rates.find(text)
            elif key == "ean" and _SCIENTIFIC.match(text):
                raise ValueError(_("Excel turned this barcode into a number ({text}): format the column as "
                                   "text before saving the CSV.").format(text=text))
            else:
                values[key] = text
        except ValueError as exc:
            errors.setdefault(key, str(exc))
    return values


def _ean_or_none(text: str) -> str | None:
    """The barcode as the product check will store it (so the lookup finds the same code), or None."""
    try:
        return identifiers.clean_ean13(text) if text.strip() else None
    except ValueError:
        return None


def _check_rows(preview: ImportPreview, s: Session | None, existing: str, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> list[tuple[dict, Product | None]]:
    """Fill each row's errors and action, with the database rules when ``s`` is given.

    Returns, for each row, its checked values (what ``Product(**values)``
    takes) and the product it updates, if any.
    """
    preview.checked = s is not None
    rates = _Rates(s)
    known = _existing_products(s, sorted({r.cells.get("sku", "") for r in preview.rows} - {""})) if s else {}
    # Every SKU and barcode of the file looked up at once, not two queries per row.
    codes = ProductCodes.read(s, (r.cells.get("sku", "").strip() for r in preview.rows),
                              (_ean_or_none(r.cells.get("ean", "")) for r in preview.rows)) if s else None
    data_fields = {f.name for f in dataclasses.fields(ProductData)}
    seen: dict[str, dict[str, list[ImportRow]]] = {"sku": {}, "ean": {}}
    result: list[tuple[dict, Product | None]] = []
    total = len(preview.rows)
    for i, row in enumerate(preview.rows):
        if i % CHUNK == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled(_("Cancelled: nothing was imported."))
            if progress is not None:
                progress(i, total)
        row.errors = [e for e in row.errors if e.field == "row"]  # the line's shape stays; the rest is redone
        own = known.get(row.cells.get("sku", ""))
        row.action = "update" if own is not None else "create"
        errors: dict[str, str] = {}
        if own is not None and existing == "error":
            errors["sku"] = _("SKU {sku} already exists.").format(sku=own.sku)
        elif own is not None and own.archived_at is not None:
            errors["sku"] = _("SKU {sku} belongs to an archived product; restore it first.").format(sku=own.sku)
        # The product as it is (an update) or the form's defaults, under the file's cells.
        if own is not None:
            values = {name: getattr(own, name) for name in data_fields if hasattr(own, name)}
        else:
            values = {"sku": "", "name": "", "tax_rate_id": rates.default()}
        values.update(_cell_values(row, rates, errors))
        v = Validator()
        checked = _validate_product(v, ProductData(**{k: x for k, x in values.items() if k in data_fields}))
        if s is not None:
            if checked["tax_rate_id"] is None and "tax" in errors:
                checked["tax_rate_id"] = rates.default()  # its error is said already: not twice
            _check_product_in_db(s, v, checked, own, codes)
        for e in v.errors:
            errors.setdefault("tax" if e.field == "tax_rate_id" else e.field, e.message)
        result.append((checked, own))
        for key in ("sku", "ean"):
            if checked.get(key) and key not in errors:
                seen[key].setdefault(checked[key], []).append(row)
        row.errors += [RowError(row.line, key, preview.headers.get(key, field_label(key)), message)
                       for key, message in errors.items()]
    if progress is not None:
        progress(total, total)
    _duplicates(preview, seen)
    order = ["row", *preview.headers, *FIELDS]  # the file's column order, then fields it has no column for
    for row in preview.rows:
        row.errors.sort(key=lambda e: order.index(e.field))
    return result


def _duplicates(preview: ImportPreview, seen: dict[str, dict[str, list[ImportRow]]]) -> None:
    """The same SKU or barcode on two lines: both lines get the error, naming the other."""
    messages = {"sku": _("SKU {value} is also on line {lines}."), "ean": _("Barcode {value} is also on line {lines}.")}
    for key, groups in seen.items():
        for value, rows in groups.items():
            if len(rows) < 2:
                continue
            for row in rows:
                others = ", ".join(str(r.line) for r in rows if r is not row)
                row.errors.append(RowError(row.line, key, preview.headers.get(key, field_label(key)),
                                           messages[key].format(value=value, lines=others)))
