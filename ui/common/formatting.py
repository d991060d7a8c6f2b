"""Numbers and dates as a clerk reads and types them.

Display follows the locale (a Spanish desk sees 1.234,56 and 21/11/2026).
Entry accepts both habits: the decimal comma (1.234,56) and the point
(1234.56), and dates as dd/mm/yyyy. Parsing never goes through float.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale


def tr(text: str) -> str:
    # The empty context is the one pyside6-lupdate gives a call of a module-level tr():
    # ui modules with such a wrapper all use it (packaging/translations.py).
    return QCoreApplication.translate("", text)


class ParseError(ValueError):
    """Typed text that is not a number or a date; the message names what is wrong."""


def _separators() -> tuple[str, str]:
    locale = QLocale()
    return locale.decimalPoint() or ".", locale.groupSeparator() or ","


def format_decimal(value: Decimal | int | None, places: int | None = 2, *, grouping: bool = True) -> str:
    """``Decimal('1234.5')`` -> ``'1.234,50'`` on a Spanish desk, ``'1,234.50'`` on an English one.

    ``places=None`` keeps the value's own decimals but drops trailing zeros
    (quantities: 3 rather than 3.0000).
    """
    if value is None:
        return ""
    value = Decimal(value)
    if places is None:
        value = value.normalize() if value == value.to_integral_value() else value
        text = f"{value:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value.quantize(Decimal(1).scaleb(-places)):f}"
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    point, group = _separators()
    if grouping and len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", group)
    return ("-" if negative else "") + whole + (point + frac if frac else "")


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


_NUMBER = re.compile(r"^[+-]?[0-9.,\s\u00a0']*$")


def parse_decimal(text: str, *, places: int | None = None) -> Decimal | None:
    """Read what a clerk typed; ``None`` for an empty field.

    Both separators present: the last one is the decimal separator (1.234,56 and
    1,234.56). One comma alone is a decimal comma (12,5). One point alone is a
    decimal point (12.5); several points are thousands (1.234.567). A value with
    more decimals than ``places`` is refused, never rounded behind the clerk's back.
    """
    raw = (text or "").strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    if not raw:
        return None
    if not _NUMBER.match(raw) or not any(ch.isdigit() for ch in raw):
        raise ParseError(tr("Not a number."))
    commas, points = raw.count(","), raw.count(".")
    if commas and points:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        if raw.count(decimal_sep) > 1:
            raise ParseError(tr("Not a number."))
        raw = raw.replace(group_sep, "").replace(decimal_sep, ".")
    elif commas:
        if commas > 1:
            raise ParseError(tr("Not a number: use one decimal comma."))
        raw = raw.replace(",", ".")
    elif points > 1:
        raw = raw.replace(".", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ParseError(tr("Not a number.")) from None
    if places is not None and value.as_tuple().exponent < -places:
        if places == 0:
            raise ParseError(tr("Whole numbers only."))
        raise ParseError(tr("At most {n} decimals.").replace("{n}", str(places)))
    return value


_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> dt.date | None:
    """dd/mm/yyyy (also d/m/yy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd; ``None`` when empty."""
    raw = (text or "").strip()
    if not raw:
        return None
    if m := _ISO.match(raw):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DATE.match(raw):
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    else:
        raise ParseError(tr("Type the date as dd/mm/yyyy."))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(tr("There is no such date.")) from None
