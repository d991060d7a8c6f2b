"""Paged, sorted, filtered lists in SQL, ready for lazy Qt table models.

Columns are data: a ``ListColumn`` names the key, the title, the SQL
expression to sort by and whether the search box looks into it. Paging is
keyset (``WHERE (sort, id) > (last_sort, last_id)``), so page 5,000 costs
what page 1 costs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement, Select, and_, bindparam, column, false, func, literal, literal_column, or_, select, text, tuple_,
)
from sqlalchemy.orm import Session

from app.domain.search import SearchIndex
from app.errors import ValidationError
from app.i18n import _
from app.services.validation import is_storable


@dataclass(frozen=True)
class ListColumn:
    key: str
    title: str
    expr: Any  # SQL expression selected and sorted by
    searchable: bool = False
    align: str = "left"  # left | right | center (money and quantities go right)
    sortable: bool = True


@dataclass(frozen=True)
class ListQuery:
    search: str = ""
    sort: str | None = None  # column key; None = the list's default
    descending: bool = False
    limit: int = 200
    after: tuple[Any, str] | None = None  # (sort value, id) of the last row seen
    filters: dict[str, Any] = field(default_factory=dict)
    # Rows to skip before the page. Only for jumping into the middle of a list
    # (a scroll bar dragged far); reading on from a page uses ``after``.
    offset: int = 0


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next_after: tuple[Any, str] | None  # None when there is nothing more
    # (sort value, id) of the first and last rows, for keyset reads in either
    # direction from this page (a table model reloading a page it dropped).
    first_key: tuple[Any, str] | None = None
    last_key: tuple[Any, str] | None = None

    @property
    def has_more(self) -> bool:
        return self.next_after is not None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# More different words than any row's names, codes and short texts hold together.
MAX_SEARCH_WORDS = 32


def search_clause(columns: list[ListColumn], search: str, index: SearchIndex | None = None,
                  dialect: str = "") -> ColumnElement[bool] | None:
    """Every word must appear in at least one searchable column.

    With a search ``index`` on SQLite, words of three characters or more are
    looked up in its FTS5 trigram table instead of read by LIKE from every row
    (PostgreSQL's trigram indexes serve ILIKE without help).
    """
    words = list({w.lower(): w for w in search.split() if w}.values())  # each word once
    if not words:
        return None
    if any(not is_storable(w) for w in words) or len(words) > MAX_SEARCH_WORDS:
        # No stored text holds a NUL or broken UTF-16 (the Validator refuses them, PostgreSQL cannot
        # even receive them), and no list row holds a pasted page of different words: nothing
        # matches, and the database is never handed them (SQLite refuses a WHERE 1,000 terms deep).
        return false()
    exprs = [c.expr for c in columns if c.searchable]
    clauses = []
    indexed: list[str] = []
    for word in words:
        if index is not None and dialect == "sqlite" and len(word) >= 3:
            indexed.append(word)
            continue
        pattern = f"%{_escape_like(word)}%"
        if dialect == "sqlite" and word.isascii():
            # SQLite's own LIKE ignores ASCII case: no lower() call per row (ours is Python).
            clauses.append(or_(*[e.like(pattern, escape="\\") for e in exprs]))
        else:
            clauses.append(or_(*[e.ilike(pattern, escape="\\") for e in exprs]))
    if indexed:
        phrases = " AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)
        matches = text(f"SELECT rowid FROM {index.name} WHERE {index.name} MATCH :match") \
            .bindparams(bindparam("match", phrases, unique=True)).columns(column("rowid"))
        clauses.append(literal_column(f"{index.table}.rowid").in_(matches))
    return and_(*clauses)


def run_list(
    session: Session,
    base: Select,
    columns: list[ListColumn],
    id_expr: Any,
    query: ListQuery,
    default_sort: str,
    search_index: SearchIndex | None = None,
) -> Page:
    """Apply search, sort and keyset paging to ``base`` and return one page."""
    by_key = {c.key: c for c in columns}
    sort_key = query.sort or default_sort
    if sort_key not in by_key or not by_key[sort_key].sortable:
        raise ValidationError("sort", _("Cannot sort by {key}.").format(key=sort_key))
    if not 1 <= query.limit <= 10_000:
        raise ValidationError("limit", _("A page holds between 1 and 10,000 rows."))
    if query.offset < 0:
        raise ValidationError("offset", _("An offset cannot be negative."))
    # NULLs would break the row-value comparison: sort them as the lowest value.
    sort_expr = by_key[sort_key].expr
    if getattr(getattr(sort_expr, "expression", sort_expr), "nullable", True):
        # Only nullable columns pay for coalesce (it hides the index from ORDER BY).
        sort_expr = func.coalesce(sort_expr, _null_floor(sort_expr))
    stmt = base.add_columns(id_expr.label("__id"), sort_expr.label("__sort"))
    clause = search_clause(columns, query.search, search_index, session.get_bind().dialect.name)
    if clause is not None:
        stmt = stmt.where(clause)
    if query.after is not None:
        last_sort, last_id = query.after
        last_uuid = uuid.UUID(str(last_id))
        key = tuple_(sort_expr, id_expr)
        bound = tuple_(literal(last_sort, sort_expr.type), literal(last_uuid, id_expr.type))
        stmt = stmt.where(key < bound if query.descending else key > bound)
    if query.descending:
        stmt = stmt.order_by(sort_expr.desc(), id_expr.desc())
    else:
        stmt = stmt.order_by(sort_expr.asc(), id_expr.asc())
    stmt = stmt.limit(query.limit + 1)
    if query.offset:
        stmt = stmt.offset(query.offset)
    result = session.execute(stmt).mappings().all()
    more = len(result) > query.limit
    result = result[: query.limit]
    rows = [{k: v for k, v in r.items() if k not in ("__sort",)} for r in result]
    keys = [(r["__sort"], str(r["__id"])) for r in (result[:1] + result[-1:])] if result else []
    return Page(
        rows=rows,
        next_after=keys[-1] if more and keys else None,
        first_key=keys[0] if keys else None,
        last_key=keys[-1] if keys else None,
    )


def _null_floor(expr: Any) -> Any:
    py = getattr(expr.type, "python_type", str)
    try:
        if issubclass(py, bool):
            return literal(False, expr.type)
        if issubclass(py, Decimal):
            # The lowest value the column can hold (NUMERIC(p, s), or its scaled integer on SQLite).
            precision, scale = getattr(expr.type, "precision", None), getattr(expr.type, "scale", None)
            if precision and scale is not None:
                return literal(-(Decimal(10) ** (precision - scale) - 1), expr.type)
            return literal(Decimal(-(10**12)), expr.type)
        if issubclass(py, int):
            return literal(-(2**62), expr.type)
        if issubclass(py, dt.date):
            return literal(dt.date(1, 1, 1), expr.type)
    except NotImplementedError:
        pass
    return literal("", expr.type)


def count_rows(session: Session, base: Select, columns: list[ListColumn], search: str = "",
               search_index: SearchIndex | None = None) -> int:
    """How many rows a list holds (for a status bar); a separate, cheaper query."""
    clause = search_clause(columns, search, search_index, session.get_bind().dialect.name)
    if clause is not None:
        base = base.where(clause)
    stmt = select(func.count()).select_from(base.order_by(None).subquery())
    return session.execute(stmt).scalar_one()
