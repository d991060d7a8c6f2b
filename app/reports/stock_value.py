"""Stock valuation as of a date, product by product, at weighted average cost.

Today's figures are the stock levels. As of an earlier date, the moves dated
after it are taken back out (each move carries its value), the same
arithmetic as ``app.services.stock_reports.stock_value`` per warehouse, so the
report's total per warehouse equals the warehouse's figure there.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import String, func, select, type_coerce

from app.db.session import Database
from app.domain.inventory import Product, StockLevel, StockMove, Warehouse
from app.domain.types import Price, Quantity
from app.i18n import _
from app.money import CENT
from app.reports.base import Period, ReportColumn, Rows, report, sum_rows

_COST = Decimal("0.0001")


def _columns() -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("warehouse", _("Warehouse"), "text", 60),
        ReportColumn("sku", _("SKU"), "text", 80),
        ReportColumn("name", _("Product"), "text", 190),
        ReportColumn("quantity", _("Quantity"), "quantity", 60),
        ReportColumn("avg_cost", _("Average cost"), "price", 65),
        ReportColumn("value", _("Value"), "money", 75),
    )


@report("stock-valuation", title=lambda: _("Stock valuation"),
        description=lambda: _("Quantity and value of each product in each warehouse at the end of the date, "
                              "at weighted average cost."),
        columns=_columns, empty=lambda: _("There was no stock on this date."), as_of=True,
        filters=("warehouse",))
def stock_valuation(db: Database, period: Period, filters: dict[str, Any]) -> Rows:
    on_date = period.end
    warehouse = filters.get("warehouse")
    # Ids are keys only: read as stored (not made UUIDs: 140k levels at 1M invoices), names joined in SQL.
    wh_key, product_key = type_coerce(StockLevel.warehouse_id, String), type_coerce(StockLevel.product_id, String)
    with db.session() as s:
        levels = (select(wh_key, product_key, StockLevel.quantity, StockLevel.value, Product.sku, Product.name)
                  .join(Product, Product.id == StockLevel.product_id))
        if warehouse is not None:
            levels = levels.where(StockLevel.warehouse_id == warehouse)
        figures: dict[tuple, list] = {(w, p): [q, v, sku, name] for w, p, q, v, sku, name in s.execute(levels)}
        for column, sign in ((StockMove.to_warehouse_id, 1), (StockMove.from_warehouse_id, -1)):
            stmt = (select(type_coerce(column, String), type_coerce(StockMove.product_id, String),
                           func.sum(StockMove.quantity, type_=Quantity()), func.sum(StockMove.value, type_=Price()))
                    .where(column.is_not(None), StockMove.date > on_date).group_by(column, StockMove.product_id))
            if warehouse is not None:
                stmt = stmt.where(column == warehouse)
            for w, p, q, v in s.execute(stmt):
                f = figures.get((w, p))
                if f is None:  # moved, yet no level: a level is made at the first move, so never in practice
                    f = figures[(w, p)] = [Decimal(0), Decimal(0), "", ""]
                f[0] -= sign * q
                f[1] -= sign * v
        codes = {w: c for w, c in s.execute(select(type_coerce(Warehouse.id, String), Warehouse.code))}
    kept = [(w, f) for (w, _p), f in figures.items() if f[0] != 0 or f[1] != 0]
    rows = []
    for w, (q, v, sku, name) in kept:
        rows.append({"warehouse": codes.get(w, ""), "sku": sku, "name": name, "quantity": q,
                     "avg_cost": (v / q).quantize(_COST, rounding=ROUND_HALF_UP) if q else None,
                     "value": v.quantize(CENT, rounding=ROUND_HALF_UP)})
    rows.sort(key=lambda r: (r["warehouse"], r["sku"]))
    totals = sum_rows(rows, (), "name")
    # The exact sum rounded once: the warehouses' figures (Warehouses > Stock value) say the same.
    totals["value"] = sum((f[1] for _w, f in kept), Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
    return Rows(rows, totals, (_("Products with neither stock nor value on the date are left out. Each value "
                                 "is rounded to cents; the total is the exact sum, rounded once."),))
