"""Invoice totals: the one place that turns lines into amounts.

- Line amount = quantity x unit price x (1 - discount %), rounded to cents.
- Tax per rate group on the summed base of that group, rounded half-up to
  cents (EN 16931 BR-CO-17), never the sum of per-line taxes.
- Recargo de equivalencia the same way, per group, on the same base.
- IRPF withholding on the summed base of the whole invoice, shown apart and
  subtracted from the total to pay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.money import HUNDRED, ZERO, percent_of, round_money


@dataclass(frozen=True)
class LineInput:
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    tax_percent: Decimal
    recargo_percent: Decimal = ZERO
    exemption_reason: str | None = None


@dataclass(frozen=True)
class TaxGroup:
    tax_percent: Decimal
    recargo_percent: Decimal
    exemption_reason: str | None
    base: Decimal
    tax: Decimal
    recargo: Decimal


@dataclass(frozen=True)
class Totals:
    line_amounts: tuple[Decimal, ...]
    groups: tuple[TaxGroup, ...]
    base: Decimal
    tax: Decimal
    recargo: Decimal
    irpf_percent: Decimal
    irpf: Decimal
    total: Decimal  # base + tax + recargo - irpf: what the customer pays


def line_amount(quantity: Decimal, unit_price: Decimal, discount_percent: Decimal = ZERO) -> Decimal:
    return round_money(quantity * unit_price * (HUNDRED - discount_percent) / HUNDRED)


def compute_totals(
    lines: Iterable[LineInput],
    *,
    recargo_equivalencia: bool = False,
    irpf_percent: Decimal | None = None,
) -> Totals:
    """Totals of an invoice; the stored totals and every PDF come from here."""
    amounts: list[Decimal] = []
    bases: dict[tuple[Decimal, Decimal, str | None], Decimal] = {}
    for line in lines:
        amount = line_amount(line.quantity, line.unit_price, line.discount_percent)
        amounts.append(amount)
        recargo = line.recargo_percent if recargo_equivalencia else ZERO
        key = (line.tax_percent.normalize(), recargo.normalize(), line.exemption_reason)
        bases[key] = bases.get(key, ZERO) + amount
    groups = tuple(
        TaxGroup(
            tax_percent=tax_pct,
            recargo_percent=re_pct,
            exemption_reason=reason,
            base=base,
            tax=percent_of(base, tax_pct),
            recargo=percent_of(base, re_pct),
        )
        for (tax_pct, re_pct, reason), base in sorted(
            bases.items(), key=lambda kv: (-kv[0][0], -kv[0][1], kv[0][2] or "")
        )
    )
    base = sum((g.base for g in groups), ZERO)
    tax = sum((g.tax for g in groups), ZERO)
    recargo = sum((g.recargo for g in groups), ZERO)
    irpf_pct = irpf_percent or ZERO
    irpf = percent_of(base, irpf_pct)
    return Totals(
        line_amounts=tuple(amounts),
        groups=groups,
        base=round_money(base),
        tax=round_money(tax),
        recargo=round_money(recargo),
        irpf_percent=irpf_pct,
        irpf=irpf,
        total=round_money(base + tax + recargo - irpf),
    )
