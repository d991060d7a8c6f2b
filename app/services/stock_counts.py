"""Physical stock counts: a sheet, the counted quantities, then one posting.

A count is a draft with one line per product to count in one warehouse, in
the order a clerk walks the shop (shelf location, then SKU), each with the
quantity the books expected when the sheet was made. Counted quantities are
typed (or scanned, or imported) into the draft; a product found on the shelf
but missing from the sheet gets a line of its own.

This module is the one name screens import. The code lives beside it:
``count_lists`` (the lists for lazy grids), ``count_posting`` (posting in ONE
transaction against the stock on hand at posting, once), ``count_sheets``
(the sheet as PDF and CSV, counted quantities read back from a CSV) and
``count_common`` (what they share).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import String, Uuid, and_, bindparam, case, func, literal, literal_column, or_, select, update
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.enums import ProductKind, StockCountStatus
from app.domain.inventory import Product, StockCount, StockCountLine, StockLevel, StockRule, Warehouse
from app.domain.types import Quantity, UTCDateTime, utcnow
from app.errors import ValidationError
from app.i18n import _
from app.money import QUANTITY_SCALE
from app.services import codes
from app.services.count_common import (
    StockCountView, check_draft, chunks, find_count, lock_count, view_of,
)
from app.services.count_lists import (
    COUNT_COLUMNS, LINE_COLUMNS, count_count_lines, count_counts, list_count_lines, list_counts,
)
from app.services.count_posting import UNCOUNTED, PostResult, PostSummary, post_count, post_summary
from app.services.lookups import as_uuid, reference
from app.services.stock import take_write_lock
from app.services.validation import Validator, is_storable

PREFIX = "INV"
# Any constant works: it only has to be the same for every session taking the reference lock.
_REFERENCE_LOCK = 0x5443_4E54  # "TCNT"


@dataclass(frozen=True)
class LineLookup:
    """What a scanned or typed code is on a count: its line, or a product not on the sheet yet."""

    line_id: uuid.UUID | None
    product_id: uuid.UUID | None  # None: no product has that code
    label: str  # "SKU · name", or the code as typed
    added: bool = False


# -- reading -------------------------------------------------------------------------------------

def get_count(db: Database, count_id: Any) -> StockCountView:
    """One count with how many lines it has, how many are counted, and how many differ."""
    with db.session() as s:
        return view_of(s, find_count(s, count_id))


# -- starting a count ------------------------------------------------------------------------------

def _next_reference(s: Session, year: int) -> str:
    """``INV-2026-0001``: the next free number of the year (the caller holds the reference lock)."""
    offline = codes.offline_prefix(s, PREFIX)  # INV03-2026-0001: never like the office's INV-2026-0001
    prefix = f"{offline or PREFIX + '-'}{year}-"
    last = s.execute(select(StockCount.reference).where(StockCount.reference.like(prefix + "%"))
                     .order_by(func.length(StockCount.reference).desc(), StockCount.reference.desc())
                     .limit(1)).scalar()
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _take_reference_lock(s: Session) -> None:
    # SQLite: take_write_lock already made this transaction the only writer.
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(_REFERENCE_LOCK)))


def _new_uuid_sql(dialect: str) -> Any:
    """A random version-4 UUID per row, made by the database (the Uuid column's storage form)."""
    if dialect == "postgresql":
        return func.gen_random_uuid()
    # SQLite keeps a Uuid as 32 hex digits: 8-4 random, "4" + 3, variant (8-b) + 3, 12 random.
    return literal_column(
        "lower(hex(randomblob(6)) || '4' || substr(hex(randomblob(2)), 2) || "
        "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || hex(randomblob(6)))")


def _walking_order(location: Any) -> list:
    """Shelf location first (products without one at the end), then SKU: the same on both databases."""
    return [case((location.is_(None), 1), else_=0), location, Product.sku]


def _insert_lines(s: Session, count: StockCount, category: str | None, prefix: str | None,
                  only_stocked: bool, user: str | None) -> int:
    """Every line of a new sheet in ONE ``INSERT ... SELECT`` (100,000 ORM objects would take seconds)."""
    wh = count.warehouse_id
    level_join = and_(StockLevel.product_id == Product.id, StockLevel.warehouse_id == wh)
    rule_join = and_(StockRule.product_id == Product.id, StockRule.warehouse_id == wh)
    on_hand = func.coalesce(StockLevel.quantity, literal(Decimal(0), Quantity()))
    now = utcnow()
    source = (
        select(
            _new_uuid_sql(s.get_bind().dialect.name).label("id"),
            literal(1).label("version"),
            literal(now, UTCDateTime()).label("created_at"),
            literal(now, UTCDateTime()).label("updated_at"),
            literal(user, String()).label("updated_by"),
            literal(count.id, Uuid()).label("count_id"),
            func.row_number().over(order_by=_walking_order(StockRule.location)).label("position"),
            Product.id.label("product_id"),
            on_hand.label("expected"),
        )
        .select_from(Product)
        .outerjoin(StockLevel, level_join)
        .outerjoin(StockRule, rule_join)
        .where(Product.kind == ProductKind.PRODUCT)
    )
    held = and_(StockLevel.quantity.is_not(None), StockLevel.quantity != 0)
    # An archived product still holding stock here is counted too: its stock is real.
    source = source.where(or_(Product.archived_at.is_(None), held))
    if only_stocked:
        source = source.where(or_(held, StockRule.id.is_not(None)))
    if category:
        source = source.where(Product.category == category)
    if prefix:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        source = source.where(StockRule.location.ilike(escaped + "%", escape="\\"))  # "b-" finds "B-02"
    columns = ["id", "version", "created_at", "updated_at", "updated_by", "count_id", "position", "product_id",
               "expected"]
    s.execute(StockCountLine.__table__.insert().from_select(columns, source))
    # Counted, not rowcount: psycopg reports -1 for some INSERT ... SELECT statements.
    return s.execute(select(func.count()).where(StockCountLine.count_id == count.id)).scalar_one()


def start_count(db: Database, warehouse_id: Any, *, date: dt.date | None = None, category: str | None = None,
                location_prefix: str | None = None, only_stocked: bool = True,
                notes: str | None = None) -> StockCountView:
    """A draft count of one warehouse with its sheet, numbered ``INV-<year>-NNNN`` (next free of the year).

    One line per stocked product held there (a stock level other than zero) or
    with a rule there (a shelf, a reorder point); ``only_stocked=False`` takes
    every active stocked product. ``category`` (exact) and ``location_prefix``
    (the shelf location starts with it, in any case) narrow the sheet. Lines are numbered in
    walking order (location, then SKU) and expect the stock on hand now.
    A filter that leaves no product is refused on its field; nothing is written.
    """
    v = Validator()
    day = v.date("date", date or dt.date.today())
    category = v.text("category", category, max_len=80)
    prefix = v.text("location_prefix", location_prefix, max_len=40)
    notes = v.text("notes", notes, max_len=500)
    with db.session() as s:
        take_write_lock(s)
        wh = reference(s, v, "warehouse_id", Warehouse, warehouse_id, what=_("warehouse"), required=True)
        v.done()
        _take_reference_lock(s)
        count = StockCount(reference=_next_reference(s, day.year), warehouse_id=wh.id, date=day, notes=notes,
                           status=StockCountStatus.DRAFT)
        s.add(count)
        s.flush()
        made = _insert_lines(s, count, category, prefix, only_stocked, db.user)
        if made == 0 and (category or prefix):
            field = "category" if category else "location_prefix"
            raise ValidationError(field, _("No product of {warehouse} matches: nothing to count.")
                                  .format(warehouse=wh.code))
        return view_of(s, count)


# -- typing the counts -------------------------------------------------------------------------------

Entry = tuple[Any, Any]  # (line id, SKU or EAN; counted quantity or None to clear it)


def _label(sku: str, name: str) -> str:
    return f"{sku} · {name}"


def counted_value(raw: Any) -> Decimal | None:
    """A counted quantity from a Decimal, an int or text (``12,5`` or ``12.5``); None clears it.

    ValueError with the clerk's message: not a number, negative, more than 4 decimals.
    """
    from app.services.product_csv import parse_number

    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, (Decimal, int, str)):
        raise ValueError(_("Not a number."))
    value = parse_number(raw.strip()) if isinstance(raw, str) else Decimal(raw)
    if not value.is_finite():
        raise ValueError(_("Not a number."))
    if value < 0:
        raise ValueError(_("A counted quantity cannot be negative."))
    if value != value.quantize(Decimal(1).scaleb(-QUANTITY_SCALE)):
        raise ValueError(_("At most {n} decimals.").format(n=QUANTITY_SCALE))
    return value


class _Resolver:
    """Finds the lines (or products) that ids and codes name on one count, in a few queries for any number.

    A few line ids are looked up by ``IN``; many (a whole sheet typed or
    imported at once) read the count's lines once, far cheaper than thousands
    of bound ids. Codes go through the product indexes (SKU, then EAN), then
    the (count, product) index. Product names are read only for messages.
    """

    BULK = 1_000

    def __init__(self, s: Session, count: StockCount):
        self.s, self.count = s, count
        self.line_product: dict[uuid.UUID, uuid.UUID] = {}  # line id -> product id
        self.product_line: dict[uuid.UUID, uuid.UUID] = {}  # product id -> line id
        self.products: dict[uuid.UUID, tuple[str, str, ProductKind]] = {}  # product id -> (sku, name, kind)
        self.skus: dict[str, uuid.UUID] = {}
        self.eans: dict[str, uuid.UUID] = {}

    def _lines(self, stmt) -> None:
        for line_id, product_id in self.s.execute(stmt):
            self.line_product[line_id] = product_id
            self.product_line[product_id] = line_id

    def _products(self, stmt) -> None:
        for product_id, sku, ean, name, kind, archived in self.s.execute(stmt):
            self.products[product_id] = (sku, name, kind)
            self.skus.setdefault(sku, product_id)
            if ean and archived is None:  # a retired product's barcode may belong to another now
                self.eans.setdefault(ean, product_id)

    def load(self, keys: list[Any]) -> None:
        ids = {k for k in (_line_key(key) for key in keys) if k is not None}
        codes = sorted({key.strip() for key in keys if isinstance(key, str) and key.strip()})
        line, product = StockCountLine, Product
        lines = select(line.id, line.product_id).where(line.count_id == self.count.id)
        if len(ids) > self.BULK:
            self._lines(lines)
        else:
            for part in chunks(list(ids)):
                self._lines(lines.where(line.id.in_(part)))
        # Codes: a SKU first, then an active product's barcode (as the product picker reads them).
        products = select(product.id, product.sku, product.ean, product.name, product.kind, product.archived_at)
        for part in chunks(codes):
            self._products(products.where(product.sku.in_(part)))
        for part in chunks([c for c in codes if c not in self.skus]):
            self._products(products.where(product.ean.in_(part), product.archived_at.is_(None))
                           .order_by(product.sku))
        found = [p for p in self.products if p not in self.product_line]
        for part in chunks(found):
            self._lines(lines.where(line.product_id.in_(part)))

    def find(self, key: Any) -> tuple[uuid.UUID | None, uuid.UUID | None, ProductKind | None]:
        """(line id, product id, kind) of a key; line None when the product is not on the sheet."""
        line_id = _line_key(key)
        if line_id is not None and line_id in self.line_product:
            return line_id, self.line_product[line_id], ProductKind.PRODUCT  # lines are of stocked products
        code = key.strip() if isinstance(key, str) else str(key)
        product_id = self.skus.get(code) or self.eans.get(code)
        if product_id is None:
            return None, None, None
        return self.product_line.get(product_id), product_id, self.products[product_id][2]

    def label(self, product_id: uuid.UUID) -> str:
        """"SKU · name", for a message."""
        if product_id not in self.products:
            self._products(select(Product.id, Product.sku, Product.ean, Product.name, Product.kind,
                                  Product.archived_at).where(Product.id == product_id))
        sku, name, _kind = self.products[product_id]
        return _label(sku, name)


def _line_key(key: Any) -> uuid.UUID | None:
    """A line id given as a UUID or its text (32 hex digits or more); None for a product code."""
    if isinstance(key, uuid.UUID):
        return key
    return as_uuid(key) if isinstance(key, str) and len(key.strip()) >= 32 else None


def _add_lines(s: Session, count: StockCount, products: dict[uuid.UUID, Decimal | None], user: str | None) -> dict:
    """New lines at the end of the sheet for products found on the shelf; expected = on hand now."""
    if not products:
        return {}
    last = s.execute(select(func.max(StockCountLine.position)).where(StockCountLine.count_id == count.id)).scalar()
    levels: dict[uuid.UUID, Decimal] = {}
    for part in chunks(list(products)):
        levels.update(s.execute(select(StockLevel.product_id, StockLevel.quantity).where(
            StockLevel.warehouse_id == count.warehouse_id, StockLevel.product_id.in_(part))).all())
    now = utcnow()
    rows, made = [], {}
    for i, (product_id, counted) in enumerate(products.items(), start=1):
        line_id = uuid.uuid4()
        made[product_id] = line_id
        rows.append({"id": line_id, "version": 1, "created_at": now, "updated_at": now, "updated_by": user,
                     "count_id": count.id, "position": (last or 0) + i, "product_id": product_id,
                     "expected": levels.get(product_id, Decimal(0)), "counted": counted})
    for part in chunks(rows, 1_000):
        s.execute(StockCountLine.__table__.insert(), list(part))
    return made


def set_counted(db: Database, count_id: Any, entries: Iterable[Entry]) -> list[uuid.UUID]:
    """Saves counted quantities on a draft count, all or none; returns the line id of each entry.

    An entry names its line by id, or its product by SKU or EAN (a scanner);
    a product that is not on the sheet gets a new line (expected = stock on
    hand now). The quantity is a number of 0 or more with at most 4 decimals;
    None clears it (not counted). Every bad entry is reported at once as
    ``lines[i].counted`` (or ``lines[i].code``), its message naming the product.
    """
    entries = list(entries)
    v = Validator()
    with db.session() as s:
        take_write_lock(s)
        count = lock_count(s, count_id, read=True)
        check_draft(count)
        resolver = _Resolver(s, count)
        resolver.load([key for key, _value in entries])
        updates: dict[uuid.UUID, Decimal | None] = {}
        new: dict[uuid.UUID, Decimal | None] = {}
        targets: list[tuple[str, Any]] = []  # ("line", id) or ("product", id), per entry
        for i, (key, raw) in enumerate(entries):
            line_id, product_id, kind = resolver.find(key)
            if product_id is None:
                v.error(f"lines[{i}].code", _("{code}: not a line of this count.").format(code=key)
                        if _line_key(key) is not None else
                        _("{code}: no product has this SKU or barcode.").format(code=key))
                continue
            if kind != ProductKind.PRODUCT:
                v.error(f"lines[{i}].code", _("{name} is a service: services have no stock.")
                        .format(name=resolver.label(product_id)))
                continue
            try:
                value = counted_value(raw)
            except ValueError as exc:
                v.error(f"lines[{i}].counted", f"{resolver.label(product_id)}: {exc}")
                continue
            if line_id is not None:
                updates[line_id] = value
                targets.append(("line", line_id))
            else:
                new[product_id] = value
                targets.append(("product", product_id))
        v.done()
        made = _add_lines(s, count, new, db.user)
        if updates:
            table = StockCountLine.__table__
            # The stamp is the same for every row: bound once, not once per row.
            stmt = (update(table).where(table.c.id == bindparam("b_id"))
                    .values(counted=bindparam("b_counted", type_=Quantity()), version=table.c.version + 1,
                            updated_at=utcnow(), updated_by=db.user))
            rows = [{"b_id": k, "b_counted": value} for k, value in updates.items()]
            for part in chunks(rows):
                s.execute(stmt, list(part), execution_options={"synchronize_session": False})
        return [target if kind == "line" else made[target] for kind, target in targets]


def find_line(db: Database, count_id: Any, code: str, *, add: bool = False) -> LineLookup:
    """The line of the product a scanned or typed SKU/EAN names; with ``add``, a new line if it is not on the sheet.

    A new line is not counted yet (its quantity is typed next). Adding needs a
    draft count; a service is refused on field ``code``.
    """
    code = (code or "").strip()
    with db.session() as s:
        if add:
            take_write_lock(s)
        count = lock_count(s, count_id, read=True) if add else find_count(s, count_id)
        if not code or not is_storable(code):  # a NUL or broken text names no product (PostgreSQL refuses it)
            return LineLookup(None, None, code)
        resolver = _Resolver(s, count)
        resolver.load([code])
        line_id, product_id, kind = resolver.find(code)
        if product_id is None:
            return LineLookup(None, None, code)
        label = resolver.label(product_id)
        if line_id is not None or not add:
            return LineLookup(line_id, product_id, label)
        check_draft(count)
        if kind != ProductKind.PRODUCT:
            raise ValidationError("code", _("{name} is a service: services have no stock.").format(name=label))
        made = _add_lines(s, count, {product_id: None}, db.user)
        return LineLookup(made[product_id], product_id, label, added=True)


def cancel_count(db: Database, count_id: Any) -> StockCountView:
    """Cancels a draft count: it stays in the list, its lines are kept, nothing moves."""
    with db.session() as s:
        count = lock_count(s, count_id)
        check_draft(count)
        count.status = StockCountStatus.CANCELLED
        s.flush()
        return view_of(s, count)


# -- the sheet (CSV, PDF) and CSV import: app.services.count_sheets ----------------------------------

def count_sheet_csv(db: Database, count_id: Any, *, show_expected: bool = False) -> bytes:
    """The count sheet as CSV (the app's CSV: UTF-8 with BOM, ``;``, decimal comma)."""
    from app.services.count_sheets import sheet_csv

    return sheet_csv(db, count_id, show_expected=show_expected)


def count_sheet_pdf(db: Database, count_id: Any, show_expected: bool = False) -> bytes:
    """The count sheet to print: blind (no expected quantities) unless ``show_expected``."""
    from app.services.count_sheets import sheet_pdf

    return sheet_pdf(db, count_id, show_expected=show_expected)


def import_counted_csv(db: Database, count_id: Any, data: bytes) -> int:
    """Counted quantities from a CSV (``sku;counted``, or the exported sheet filled in); returns how many."""
    from app.services.count_sheets import import_csv

    return import_csv(db, count_id, data)


__all__ = [
    "COUNT_COLUMNS", "LINE_COLUMNS", "UNCOUNTED", "LineLookup", "PostResult", "PostSummary", "StockCountView",
    "cancel_count", "count_count_lines", "count_counts", "count_sheet_csv", "count_sheet_pdf", "counted_value",
    "find_line", "get_count", "import_counted_csv", "list_count_lines", "list_counts", "post_count",
    "post_summary", "set_counted", "start_count",
]
