"""A million invoices in minutes: the demo's hot path.

Rows are built as storage-form tuples (see app.demo.bulk) in chunks with
integer arithmetic: quantities, prices and percents in 1/10000, amounts in
cents. The rounding is the money rule's (half-up, away from zero for credit
notes), applied where app.services.totals.compute_totals applies it: line
amounts, then tax per rate group on the group's summed base, IRPF on the
whole base. A test recomputes sampled invoices with compute_totals.

Invoices are generated in date order, so numbers are correlative per series
and fiscal year across chunks. Each chunk draws from its own random stream.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from app.demo.bulk import RawWriter, StorageForm
from app.demo.calendar import InvoiceCalendar
from app.demo.catalog import MAIN_WAREHOUSE, ProductRef
from app.demo.common import DemoContext
from app.demo.invoice_chunk import build_chunk
from app.demo.parties import PartyRef
from app.domain.enums import ProductKind
from app.services.setup import SERIES, TAX_RATES, series_id, tax_rate_id

CHUNK = 20_000
INVOICE_COLUMNS = (
    "id", "version", "created_at", "updated_at", "updated_by", "kind", "status", "series_id", "fiscal_year",
    "number", "full_number", "party_id", "party_name", "party_tax_id", "party_address", "issue_date",
    "operation_date", "due_date", "posted_at", "currency", "recargo_equivalencia", "irpf_percent",
    "corrected_invoice_id", "correction_reason", "notes", "base_total", "tax_total", "recargo_total",
    "irpf_total", "total", "paid_total",
)
LINE_COLUMNS = (
    "id", "version", "created_at", "updated_at", "updated_by", "invoice_id", "position", "product_id",
    "description", "quantity", "unit_price", "discount_percent", "tax_rate_id", "tax_percent",
    "recargo_percent", "amount",
)
PAYMENT_COLUMNS = ("id", "version", "created_at", "updated_at", "updated_by", "invoice_id", "date", "amount",
                   "method", "reference")
MOVE_COLUMNS = (
    "id", "version", "created_at", "updated_at", "updated_by", "kind", "product_id", "from_warehouse_id",
    "to_warehouse_id", "quantity", "unit_cost", "value", "date", "reference", "reason", "invoice_id", "party_id",
    "reverses_id",
)
_QTY = {  # 16 quantities per unit, in 1/10000
    "ud": (1, 1, 1, 1, 2, 2, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50),
    "kg": (0.5, 0.75, 1, 1, 1.25, 1.5, 2, 2, 2.5, 3, 4, 5, 5, 10, 12.5, 25),
    "h": (0.5, 1, 1, 1, 1.5, 1.5, 2, 2, 2, 3, 3, 4, 4, 6, 8, 8),
    "other": (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 4, 12),
}
_DISCOUNTS = (0,) * 11 + (2.5, 5, 5, 10, 15)


@dataclass
class InvoiceCounts:
    invoices: int = 0
    lines: int = 0
    payments: int = 0
    deliveries: int = 0
    # (series code, fiscal year) -> last number given
    last_numbers: dict[tuple[str, int], int] = field(default_factory=dict)


def _pick_table(rng, weights: list[float], minimum: int = 8192) -> tuple[list[int], int]:
    """A table to draw weighted indexes with one getrandbits call: index = table[getrandbits(bits)]."""
    bits = max(minimum, 8 * len(weights)).bit_length()
    return rng.choices(range(len(weights)), weights=weights, k=1 << bits), bits


class InvoiceGenerator:
    """Everything the chunks share, precomputed once in storage form."""

    def __init__(self, ctx: DemoContext, store: StorageForm, count: int,
                 customers: list[PartyRef], products: list[ProductRef]):
        self.ctx, self.store, self.count = ctx, store, count
        rng = ctx.rng("invoice-tables")
        s4, money = store.scaled4, store.money
        self.cal = InvoiceCalendar(ctx, count)
        rates = {code: (int(float(pct) * 10_000), re) for code, _n, _k, pct, _r, re in TAX_RATES}
        # tax code -> (id, tax4, tax stored, recargo4, recargo stored)
        self.taxes = {}
        for code, (tax4, re_code) in rates.items():
            re4 = rates[re_code][0] if re_code else 0
            self.taxes[code] = (tax_rate_id(code).hex, tax4, s4(tax4), re4, s4(re4))
        self.zero4 = s4(0)
        self.customers = [
            (c.id.hex, c.name, c.tax_id, c.address, c.recargo,
             int(c.irpf * 10_000) if c.irpf else 0, s4(int(c.irpf * 10_000)) if c.irpf else None,
             c.term_days, c.eu, c.method.value, c.late_days) for c in customers]
        self.cust_table, self.cust_bits = _pick_table(rng, [c.weight for c in customers])
        qty = {unit: tuple((int(q * 10_000), s4(int(q * 10_000))) for q in values) for unit, values in _QTY.items()}
        self.products = [
            (p.id.hex, p.name, p.price4, s4(p.price4), p.tax_code,
             qty.get(p.unit, qty["other"]), p.kind == ProductKind.PRODUCT, s4(p.cost4), p.cost4) for p in products]
        self.prod_table, self.prod_bits = _pick_table(rng, [p.weight for p in products])
        retail = [p.weight if p.kind == ProductKind.PRODUCT and p.price4 < 200_000 else 0.0 for p in products]
        if not any(retail):
            retail = [p.weight for p in products]
        self.retail_table, self.retail_bits = _pick_table(rng, retail)
        self.discounts = tuple((int(d * 10_000), s4(int(d * 10_000))) for d in _DISCOUNTS)
        self.series = {code: (series_id(code).hex, prefix) for code, _n, _k, prefix, _d in SERIES}
        stocked = sum(1 for p in products if p.kind == ProductKind.PRODUCT)
        # About two deliveries per stocked product over the whole history, linked to invoices.
        self.delivery_threshold = int(min(1.0, 2 * stocked / max(1, 2.2 * count)) * (1 << 20))
        self.main_wh = MAIN_WAREHOUSE.hex
        self.money = money

    def run(self, writer: RawWriter, progress: Callable[[str, int, int], None] | None = None) -> InvoiceCounts:
        counts = InvoiceCounts()
        bounds = [(first, min(self.count, first + CHUNK)) for first in range(0, self.count, CHUNK)]
        # One thread builds the next chunk while this one writes: sqlite3 and the
        # PostgreSQL server do much of their work outside the GIL.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(self.chunk, 0, *bounds[0], counts.last_numbers) if bounds else None
            for chunk, (_first, last) in enumerate(bounds):
                invoices, lines, payments, moves = pending.result()
                if chunk + 1 < len(bounds):
                    pending = pool.submit(self.chunk, chunk + 1, *bounds[chunk + 1], counts.last_numbers)
                self._write(writer, counts, invoices, lines, payments, moves)
                if progress:
                    progress("invoices", last, self.count)
        return counts

    @staticmethod
    def _write(writer: RawWriter, counts: InvoiceCounts, invoices, lines, payments, moves) -> None:
        writer.write("invoice", INVOICE_COLUMNS, invoices)
        writer.write("invoice_line", LINE_COLUMNS, lines)
        writer.write("payment", PAYMENT_COLUMNS, payments)
        writer.write("stock_move", MOVE_COLUMNS, moves)
        writer.commit()
        counts.invoices += len(invoices)
        counts.lines += len(lines)
        counts.payments += len(payments)
        counts.deliveries += len(moves)

    def chunk(self, index: int, first: int, last: int, last_numbers: dict[tuple[str, int], int]):
        return build_chunk(self, index, first, last, last_numbers)
