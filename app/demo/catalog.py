"""Products, services, warehouses and the stock moves that filled them.

Products get unique SKUs and unique valid EAN-13 codes (GS1 Spain prefix 84),
a cost below the sale price and their category's IVA rate. Stock moves stay
proportional to the catalogue (a few per product), not to the invoices.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.demo import identifiers as ids
from app.demo import names
from app.demo.common import DemoContext, audit, cents, stamp
from app.demo.parties import PartyRef
from app.domain.enums import ProductKind, StockMoveKind
from app.services.setup import fixed_id, tax_rate_id

MAIN_WAREHOUSE = fixed_id("warehouse", "MAIN")
_SERVICE_VARIANTS = ("", " (urgente)", " (fin de semana)")
_CATEGORY_WEIGHTS = (18, 14, 10, 8, 12, 9, 10, 8, 4, 3)


@dataclass(frozen=True)
class ProductRef:
    id: uuid.UUID
    name: str
    kind: ProductKind
    unit: str
    price4: int  # sale price in 1/10000 euro
    cost4: int
    tax_code: str
    weight: float  # how often it sells
    rule: dict | None = None  # its reorder rule row, if it has one


_Q4 = Decimal("0.0001")


def _dec4(value: int) -> Decimal:
    return Decimal(value).scaleb(-4)


def _product(rng: random.Random, ctx: DemoContext, seq: int) -> tuple[dict, ProductRef]:
    cat_index = rng.choices(range(len(names.PRODUCT_CATEGORIES)), weights=_CATEGORY_WEIGHTS)[0]
    category, prefix, tax, unit, (low, high), bases, variants = names.PRODUCT_CATEGORIES[cat_index]
    name = f"{rng.choice(bases)} {rng.choice(variants)}"
    if unit == "ud" and rng.random() < 0.06:
        price4 = rng.randrange(90, 2000)  # sold by the piece at fractions of a cent: 4 decimals
    else:
        price4 = cents(rng, low, high) * 100
    cost4 = max(1, price4 * rng.randrange(45, 80) // 100)
    ean = ids.ean13(f"84{1000 + cat_index * 37:04d}{seq:06d}")
    return _row(rng, ctx, f"{prefix}-{seq:06d}", ean, name, ProductKind.PRODUCT, unit, category,
                price4, cost4, tax, stocked=True)


def _service(rng: random.Random, ctx: DemoContext, seq: int, n: int) -> tuple[dict, ProductRef]:
    base, unit, (low, high), tax = names.SERVICES[n % len(names.SERVICES)]
    name = base + _SERVICE_VARIANTS[(n // len(names.SERVICES)) % len(_SERVICE_VARIANTS)]
    price4 = cents(rng, low, high) * 100
    cost4 = price4 * rng.randrange(30, 70) // 100
    return _row(rng, ctx, f"SRV-{seq:06d}", None, name, ProductKind.SERVICE, unit, "Servicios",
                price4, cost4, tax, stocked=False)


def _row(rng, ctx, sku, ean, name, kind, unit, category, price4, cost4, tax, *, stocked) -> tuple[dict, ProductRef]:
    created = stamp(ctx.random_day(rng, last=ctx.start + dt.timedelta(days=60)), rng)
    reorder = stocked and rng.random() < 0.6
    row = {**audit(rng, created), "sku": sku, "ean": ean, "name": name, "kind": kind, "unit": unit,
           "category": category, "sale_price": _dec4(price4), "cost": _dec4(cost4),
           "tax_rate_id": tax_rate_id(tax), "archived_at": None}
    weight = rng.paretovariate(1.5)
    rule = None
    if reorder:  # a shelf and a reorder rule in the main warehouse
        rule = {**audit(rng, created), "product_id": row["id"], "warehouse_id": MAIN_WAREHOUSE,
                "location": f"{rng.choice('ABCDEFGH')}-{rng.randrange(1, 30):02d}",
                "reorder_point": Decimal(rng.choice((5, 10, 20))),
                "reorder_target": Decimal(rng.choice((50, 100, 200)))}
    return row, ProductRef(row["id"], name, kind, unit, price4, cost4, tax, weight, rule)


def build_products(ctx: DemoContext, count: int) -> tuple[list[dict], list[ProductRef]]:
    rng = ctx.rng("products")
    services = min(len(names.SERVICES) * len(_SERVICE_VARIANTS), max(1, count // 8)) if count > 1 else 0
    rows, refs = [], []
    for seq in range(1, count + 1):
        n = seq - 1 - (count - services)
        row, ref = _service(rng, ctx, seq, n) if n >= 0 else _product(rng, ctx, seq)
        rows.append(row)
        refs.append(ref)
    return rows, refs


def build_warehouses(ctx: DemoContext) -> list[dict]:
    rng = ctx.rng("warehouses")
    created = stamp(ctx.start, rng)
    return [
        {**audit(rng, created), "code": "TDA", "name": "Tienda Delicias", "street": "Avenida de Madrid, 112",
         "city": "Zaragoza", "is_default": False, "archived_at": None},
        {**audit(rng, created), "code": "HUE", "name": "Depósito Huesca", "street": "Calle de Zaragoza, 9",
         "city": "Huesca", "is_default": False, "archived_at": None},
    ]


def build_stock_moves(ctx: DemoContext, products: list[ProductRef], warehouses: list[dict],
                      suppliers: list[PartyRef]) -> list[dict]:
    """Receipts for every stocked product, some transfers, adjustments and one reversal in fifty."""
    rng = ctx.rng("stock")
    others = [w["id"] for w in warehouses]
    rows: list[dict] = []

    # Every move is valued at the product's cost, which never changes in the demo.
    def move(kind, product, qty, day, *, src=None, dst=None, party=None, ref=None, reason=None, rev=None):
        rows.append({**audit(rng, stamp(day, rng)), "kind": kind, "product_id": product.id,
                     "from_warehouse_id": src, "to_warehouse_id": dst, "quantity": Decimal(qty),
                     "unit_cost": _dec4(product.cost4), "value": _dec4(qty * product.cost4), "date": day,
                     "reference": ref,
                     "reason": reason, "invoice_id": None, "party_id": party, "reverses_id": rev})
        return rows[-1]["id"]

    for product in products:
        if product.kind != ProductKind.PRODUCT:
            continue
        supplier = rng.choice(suppliers)
        day = ctx.random_day(rng, last=ctx.start + dt.timedelta(days=30))
        for n in range(rng.randrange(2, 5)):
            qty = rng.choice((24, 50, 100, 200, 500)) * (1 + n % 2)
            receipt = move(StockMoveKind.RECEIPT, product, qty, day, dst=MAIN_WAREHOUSE,
                           party=supplier.id, ref=f"ALB-{rng.randrange(10_000, 99_999)}")
            if n == 1 and rng.random() < 0.02:
                move(StockMoveKind.ADJUSTMENT, product, qty, day, src=MAIN_WAREHOUSE, rev=receipt,
                     reason="Anula entrada duplicada")
            day = min(ctx.today, day + dt.timedelta(days=rng.randrange(60, 400)))
        if rng.random() < 0.4:
            move(StockMoveKind.TRANSFER, product, rng.choice((6, 12, 24)), ctx.random_day(rng),
                 src=MAIN_WAREHOUSE, dst=rng.choice(others), ref=f"TR-{rng.randrange(1000, 9999)}")
        if rng.random() < 0.15:
            loss = rng.random() < 0.7
            move(StockMoveKind.ADJUSTMENT, product, rng.randrange(1, 6), ctx.random_day(rng),
                 src=MAIN_WAREHOUSE if loss else None, dst=None if loss else MAIN_WAREHOUSE,
                 reason="Rotura" if loss else "Regularización de inventario")
    return rows


def build_top_up_receipts(ctx: DemoContext, shortages: list[tuple], products: list[ProductRef],
                          suppliers: list[PartyRef]) -> list[dict]:
    """Receipts that bring each product the invoices over-sold back above zero in the main warehouse.

    The invoices deliver what customers bought without looking at the shelves;
    a real shop would have ordered more, so every shortage gets the receipt it
    would have had (the shortage plus a box or two), dated in the last weeks.
    """
    rng = ctx.rng("top-up")
    by_id = {p.id: p for p in products}
    rows = []
    for product_id, quantity in shortages:
        product = by_id[product_id]
        qty = -quantity + rng.choice((2, 5, 12, 24, 50, 100))  # some land at their reorder point
        day = ctx.today - dt.timedelta(days=rng.randrange(1, 30))
        rows.append({**audit(rng, stamp(day, rng)), "kind": StockMoveKind.RECEIPT, "product_id": product.id,
                     "from_warehouse_id": None, "to_warehouse_id": MAIN_WAREHOUSE, "quantity": qty,
                     "unit_cost": _dec4(product.cost4), "value": (qty * _dec4(product.cost4)).quantize(_Q4),
                     "date": day, "reference": f"ALB-{rng.randrange(10_000, 99_999)}", "reason": None,
                     "invoice_id": None, "party_id": rng.choice(suppliers).id, "reverses_id": None})
    return rows
