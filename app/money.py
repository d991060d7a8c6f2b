"""Money and quantities as Decimal, with the one rounding rule used everywhere.

Amounts are rounded half-up to cents (the Spanish tax office and EN 16931
both round half away from zero on positive amounts; ROUND_HALF_UP does the
same for negatives, which credit notes carry).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
MONEY_SCALE = 2
QUANTITY_SCALE = 4
PRICE_SCALE = 4
PERCENT_SCALE = 4


def to_decimal(value: object) -> Decimal:
    """Turn an int, str or Decimal into a Decimal; floats are refused (not exact)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"refusing inexact {type(value).__name__} {value!r} as money")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
        if not d.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return d
    raise TypeError(f"cannot use {type(value).__name__} as a decimal")


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half-up. The only money rounding in Trastienda."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(base: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``base``, rounded to cents."""
    return round_money(base * percent / HUNDRED)
