"""Stock valuation as of a date, product by product, at weighted average cost.

Today's figures are the stock levels. As of an earlier date, the moves dated
after it are taken back out (each move carries its value), the same
arithmetic as ``app.services.stock_reports.stock_value`` per warehouse, so the
report's total per warehouse equals the warehouse's figure there.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select

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
    with db.session() as s:
        levels = select(StockLevel.warehouse_id, StockLevel.product_id, StockLevel.quantity, StockLevel.value)
        moves_after = []
        for column, sign in ((StockMove.to_warehouse_id, 1), (StockMove.from_warehouse_id, -1)):
            stmt = (select(column, StockMove.product_id, func.sum(StockMove.quantity, type_=Quantity()),
                           func.sum(StockMove.value, type_=Price()))
                    .where(column.is_not(None), StockMove.date > on_date).group_by(column, StockMove.product_id))
            if warehouse is not None:
                stmt = stmt.where(column == warehouse)
            moves_after.append((sign, stmt))
        if warehouse is not None:
            levels = levels.where(StockLevel.warehouse_id == warehouse)
        figures: dict[tuple, list[Decimal]] = {(w, p): [q, v] for w, p, q, v in s.execute(levels)}
        for sign, stmt in moves_after:
            for w, p, q, v in s.execute(stmt):
                f = figures.setdefault((w, p), [Decimal(0), Decimal(0)])
                f[0] -= sign * q
                f[1] -= sign * v
        kept = {k: f for k, f in figures.items() if f[0] != 0 or f[1] != 0}
        wh = {w: c for w, c in s.execute(select(Warehouse.id, Warehouse.code))}
        products: dict = {}
        ids = list({p for _w, p in kept})
        for i in range(0, len(ids), 900):
            products.update({p: (k, n) for p, k, n in s.execute(
                select(Product.id, Product.sku, Product.name).where(Product.id.in_(ids[i:i + 900])))})
    rows = []
    for (w, p), (q, v) in kept.items():
        sku, name = products.get(p, ("", ""))
        rows.append({"warehouse": wh.get(w, ""), "sku": sku, "name": name, "quantity": q,
                     "avg_cost": (v / q).quantize(_COST, rounding=ROUND_HALF_UP) if q else None,
                     "value": v.quantize(CENT, rounding=ROUND_HALF_UP)})
    rows.sort(key=lambda r: (r["warehouse"], r["sku"]))
    totals = sum_rows(rows, (), "name")
    # The exact sum rounded once: the warehouses' figures (Warehouses > Stock value) say the same.
    totals["value"] = sum((v for _q, v in kept.values()), Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
    return Rows(rows, totals, (_("Products with neither stock nor value on the date are left out. Each value "
                                 "is rounded to cents; the total is the exact sum, rounded once."),))
