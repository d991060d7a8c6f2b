"""Column types that behave the same on SQLite and PostgreSQL.

SQLite has no exact decimal and no time zones, so:
- ``ScaledDecimal`` stores Decimal as NUMERIC(p, s) on PostgreSQL and as an
  integer count of 10^-s units on SQLite (exact, sortable, summable);
- ``UTCDateTime`` stores aware UTC datetimes (timestamptz on PostgreSQL, ISO
  text in UTC on SQLite) and always hands back aware UTC values.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, Numeric
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from app.money import MONEY_SCALE, PERCENT_SCALE, PRICE_SCALE, QUANTITY_SCALE


class ScaledDecimal(TypeDecorator[Decimal]):
    """Exact Decimal column: NUMERIC on PostgreSQL, scaled integer on SQLite."""

    impl = Numeric
    cache_ok = True

    def __init__(self, scale: int, precision: int = 18):
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.scale = scale
        self.precision = precision
        self._factor = Decimal(10) ** scale
        self._quantum = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(value) if not isinstance(value, float) else Decimal(str(value))
        q = value.quantize(self._quantum)
        if q != value:
            # Refuse silent rounding: the service layer rounds on purpose.
            raise ValueError(f"{value} has more than {self.scale} decimals")
        if dialect.name == "sqlite":
            return int(q * self._factor)
        return q

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / self._factor).quantize(self._quantum)
        return Decimal(value).quantize(self._quantum)

    @property
    def python_type(self) -> type:
        return Decimal

    def to_storage(self, value: Decimal, dialect_name: str):
        """The raw value as stored, for bulk loaders that bypass the ORM."""
        if dialect_name == "sqlite":
            return int(value * self._factor)
        return value


def Money() -> ScaledDecimal:  # noqa: N802 - reads like a type
    return ScaledDecimal(MONEY_SCALE)


def Price() -> ScaledDecimal:  # noqa: N802 - unit prices may carry 4 decimals
    return ScaledDecimal(PRICE_SCALE)


def Quantity() -> ScaledDecimal:  # noqa: N802
    return ScaledDecimal(QUANTITY_SCALE)


def Percent() -> ScaledDecimal:  # noqa: N802
    return ScaledDecimal(PERCENT_SCALE, precision=9)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        value = value.astimezone(dt.timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
