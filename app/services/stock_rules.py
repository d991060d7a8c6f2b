"""Where a product lives in a warehouse and when to reorder it there (``stock_rule``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.db.session import Database
from app.domain.inventory import Product, StockRule, Warehouse
from app.i18n import _
from app.money import QUANTITY_SCALE, ZERO
from app.services.common import check_version
from app.services.lookups import reference
from app.services.stock import WarehouseStock, _lock_levels, refresh_due, stock_by_warehouse, take_write_lock
from app.services.validation import Validator


@dataclass
class StockRuleData:
    product_id: uuid.UUID | None
    warehouse_id: uuid.UUID | None
    location: str | None = None
    reorder_point: Decimal | str | int | None = None
    reorder_target: Decimal | str | int | None = None


def set_stock_rule(db: Database, data: StockRuleData, expected_version: int | None = None) -> WarehouseStock:
    """Saves where a product lives in a warehouse and when to reorder it there (an empty rule is removed).

    The target must not be below the point; both are quantities of 0 or more.
    ``expected_version`` is the rule's version when the form was read, 0 when
    there was no rule then (a rule someone made meanwhile is a conflict), or
    None not to check.
    """
    v = Validator()
    location = v.text("location", data.location, max_len=40)
    point = v.decimal("reorder_point", data.reorder_point, required=False, min_value=ZERO, places=QUANTITY_SCALE)
    target = v.decimal("reorder_target", data.reorder_target, required=False, min_value=ZERO, places=QUANTITY_SCALE)
    if v.ok("reorder_point") and v.ok("reorder_target") and point is not None and target is not None \
            and target < point:
        v.error("reorder_target", _("The reorder target must not be below the reorder point."))
    if target is not None and point is None and v.ok("reorder_point"):
        v.error("reorder_point", _("Give the stock level at which to reorder up to the target."))
    with db.session() as s:
        take_write_lock(s)
        product = reference(s, v, "product_id", Product, data.product_id, what=_("product"), required=True)
        if product is not None and not product.stocked:
            v.error("product_id", _("{name} is a service: services have no stock.").format(name=product.name))
        warehouse = reference(s, v, "warehouse_id", Warehouse, data.warehouse_id, what=_("warehouse"),
                              required=True)
        v.done()
        rule = s.execute(select(StockRule).where(StockRule.product_id == product.id,
                                                 StockRule.warehouse_id == warehouse.id)).scalar()
        if rule is not None and expected_version is not None:
            check_version(rule, expected_version)  # 0 never matches: someone made this rule meanwhile
        if location is None and point is None and target is None:
            if rule is not None:
                s.delete(rule)
        else:
            if rule is None:
                rule = StockRule(product_id=product.id, warehouse_id=warehouse.id)
                s.add(rule)
            rule.location, rule.reorder_point, rule.reorder_target = location, point, target
        s.flush()
        refresh_due(s, _lock_levels(s, [(product.id, warehouse.id)]).values())
        s.flush()
        product_id = product.id
    return next(w for w in stock_by_warehouse(db, product_id) if w.warehouse_id == warehouse.id)


