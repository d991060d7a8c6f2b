"""The lists of stock counts and of a count's lines, paged and sorted in SQL for lazy grids."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, type_coerce

from app.db.session import Database
from app.domain.enums import StockCountStatus
from app.domain.inventory import Product, StockCount, StockCountLine, StockRule, Warehouse
from app.domain.search import PRODUCT_SEARCH
from app.domain.types import Quantity
from app.i18n import _
from app.services.count_common import count_key
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import as_uuid, filter_choice

COUNT_COLUMNS = [
    ListColumn("reference", _("Reference"), StockCount.reference, searchable=True),
    ListColumn("date", _("Date"), StockCount.date),
    ListColumn("warehouse", _("Warehouse"), Warehouse.code, searchable=True),
    ListColumn("status", _("Status"), StockCount.status),
    ListColumn("lines", _("Lines"), select(func.count()).where(StockCountLine.count_id == StockCount.id)
               .correlate(StockCount).scalar_subquery(), align="right", sortable=False),
    ListColumn("counted", _("Counted"), select(func.count(StockCountLine.counted))
               .where(StockCountLine.count_id == StockCount.id).correlate(StockCount).scalar_subquery(),
               align="right", sortable=False),
    ListColumn("notes", _("Notes"), StockCount.notes, searchable=True),
]


def _count_base(filters: dict) -> Select:
    stmt = (select(*[c.expr.label(c.key) for c in COUNT_COLUMNS], StockCount.warehouse_id.label("warehouse_id"))
            .select_from(StockCount).join(Warehouse, Warehouse.id == StockCount.warehouse_id))
    if (status := filter_choice(filters, "status", StockCountStatus)) is not None:
        stmt = stmt.where(StockCount.status == status)
    if filters.get("warehouse_id"):
        stmt = stmt.where(StockCount.warehouse_id == as_uuid(filters["warehouse_id"]))
    return stmt


def list_counts(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``status`` (draft|posted|cancelled), ``warehouse_id``. Newest first by default sort "date"."""
    with db.session() as s:
        return run_list(s, _count_base(query.filters), COUNT_COLUMNS, StockCount.id, query, "date")


def count_counts(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _count_base(query.filters), COUNT_COLUMNS, query.search)


_DIFFERENCE = type_coerce(StockCountLine.counted - StockCountLine.expected, Quantity())

LINE_COLUMNS = [
    ListColumn("position", _("#"), StockCountLine.position, align="right"),
    ListColumn("location", _("Location"), StockRule.location),
    ListColumn("sku", _("SKU"), Product.sku, searchable=True),
    ListColumn("ean", _("EAN"), Product.ean, searchable=True),
    ListColumn("name", _("Name"), Product.name, searchable=True),
    ListColumn("unit", _("Unit"), Product.unit),
    ListColumn("expected", _("Expected"), StockCountLine.expected, align="right"),
    ListColumn("counted", _("Counted"), StockCountLine.counted, align="right"),
    ListColumn("difference", _("Difference"), _DIFFERENCE, align="right"),
    ListColumn("adjusted", _("Adjusted"), StockCountLine.adjusted, align="right"),
]


def _line_base(count_id: uuid.UUID, filters: dict) -> Select:
    stmt = (
        select(*[c.expr.label(c.key) for c in LINE_COLUMNS], StockCountLine.product_id.label("product_id"),
               StockCountLine.move_id.label("move_id"))
        .select_from(StockCountLine)
        .join(StockCount, StockCount.id == StockCountLine.count_id)
        .join(Product, Product.id == StockCountLine.product_id)
        .outerjoin(StockRule, and_(StockRule.product_id == StockCountLine.product_id,
                                   StockRule.warehouse_id == StockCount.warehouse_id))
        .where(StockCountLine.count_id == count_id)
    )
    if filters.get("uncounted"):
        stmt = stmt.where(StockCountLine.counted.is_(None))
    if filters.get("differences"):
        stmt = stmt.where(or_(and_(StockCountLine.counted.is_not(None),
                                   StockCountLine.counted != StockCountLine.expected),
                              and_(StockCountLine.adjusted.is_not(None), StockCountLine.adjusted != 0)))
    if filters.get("line_id"):
        stmt = stmt.where(StockCountLine.id == as_uuid(filters["line_id"]))
    return stmt


def list_count_lines(db: Database, count_id: Any, query: ListQuery = ListQuery()) -> Page:
    """The sheet's lines, in walking order by default (sort "position"), for a lazy grid.

    Rows: position, location, sku, ean, name, unit, expected, counted,
    difference (counted - expected; None until counted), adjusted (posted),
    product_id, move_id. Search: SKU, EAN, name. Filters: ``uncounted``,
    ``differences`` (counted other than expected, or adjusted when posted),
    ``line_id`` (one line, e.g. a scanned product's).
    """
    with db.session() as s:
        return run_list(s, _line_base(count_key(count_id), query.filters), LINE_COLUMNS, StockCountLine.id, query,
                        "position", search_index=PRODUCT_SEARCH)


def count_count_lines(db: Database, count_id: Any, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _line_base(count_key(count_id), query.filters), LINE_COLUMNS, query.search,
                          PRODUCT_SEARCH)
