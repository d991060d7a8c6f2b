"""Numbers, money and dates in texts app/ builds, written as the reader's language writes them.

Two readers, two languages: texts a clerk reads (dashboard lines, report
notes, error messages) follow the UI language (``app.i18n.language()``, the one
their messages are translated to); a printed document follows its
own language (``app.documents.labels`` passes it explicitly). Both go through
the functions below, so 1.234,56 and 1,234.56 are written in one place.

Spanish groups thousands with a dot even in four-digit numbers (1.234,56: what
Spanish invoices and the issue ask for, although the RAE leaves 1234 ungrouped);
English writes 1,234.56. Dates are dd/mm/yyyy in both: the clerk types them so
(``ui.common.formatting.parse_date``). Amounts round half-up to the places shown,
as ``app.money.round_money`` does, and a value that rounds to zero prints
without a minus sign. No Qt here: app/ runs headless.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from app import i18n

CURRENCY_SYMBOLS = {"EUR": "€"}
# English writes 1,234.56; every other language (Spanish, and those printed as Spanish) 1.234,56.
_TO_SPANISH = str.maketrans(",.", ".,")
_EXPONENTS = tuple(Decimal(1).scaleb(-places) for places in range(9))


def _rounded(value: Decimal | int | float, places: int) -> Decimal:
    if not isinstance(value, Decimal):
        # A float is for display only (sizes, seconds): its shortest repr, not its binary expansion.
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    value = value.quantize(_EXPONENTS[places], rounding=ROUND_HALF_UP)
    return value if value else abs(value)  # -0.00 prints as 0.00


def _in(text: str, lang: str | None) -> str:
    """``text`` written the English way (1,234.56), in ``lang``'s separators."""
    return text if lang and lang[:2].lower() == "en" else text.translate(_TO_SPANISH)


# -- in a given language (documents) ---------------------------------------------
# Built on format(..., ",f") and one translate: 1.5 times the cost of the Spanish-only
# formatting these replace, about 2 µs a number (a VAT book formats hundreds of thousands).


def number_in(value: Decimal | int | float, places: int = 2, lang: str = "es", *, sign: bool = False) -> str:
    """``1234.565`` -> ``"1.234,57"`` (es) / ``"1,234.57"`` (en): exactly ``places`` decimals, half-up.

    ``sign=True`` writes a plus before positive numbers and zero (changes: "+3,5 %").
    """
    return _in(format(_rounded(value, places), "+,f" if sign else ",f"), lang)


def trimmed_in(value: Decimal | int | float, min_places: int = 0, max_places: int = 4, lang: str = "es") -> str:
    """``2.5000`` -> ``"2,5"``, ``2.0000`` -> ``"2"``: up to ``max_places`` decimals, at least ``min_places``.

    For quantities, unit prices and percents, whose stored scale says nothing to the reader.
    """
    text = format(_rounded(value, max_places), ",f")
    if max_places > min_places:
        whole, _, frac = text.partition(".")
        frac = frac.rstrip("0").ljust(min_places, "0")
        text = f"{whole}.{frac}" if frac else whole
    return _in(text, lang)


def money_in(amount: Decimal | int, currency: str = "EUR", lang: str = "es") -> str:
    """``1234.5`` -> ``"1.234,50 €"`` (es) / ``"1,234.50 €"`` (en); other currencies by their ISO code."""
    return f"{number_in(amount, 2, lang)} {CURRENCY_SYMBOLS.get(currency, currency)}"


def numeric_date(value: dt.date) -> str:
    """``dt.date(2026, 3, 2)`` -> ``"02/03/2026"`` in every language."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


# -- in the UI language (texts a clerk reads) ------------------------------------


def format_number(value: Decimal | int | float, places: int = 2, *, sign: bool = False) -> str:
    """A number with ``places`` decimals (half-up) as the clerk's language writes it: 1.234,56 / 1,234.56."""
    return number_in(value, places, i18n.language(), sign=sign)


def format_decimal(value: Decimal | int | float, max_places: int = 4) -> str:
    """A quantity, rate or count of days without the zeros of its column's scale: 2,5 / 2.5; 21."""
    return trimmed_in(value, 0, max_places, i18n.language())


def format_money(amount: Decimal | int, currency: str = "EUR") -> str:
    """An amount with two decimals and its currency: "1.234,56 €" / "1,234.56 €"."""
    return money_in(amount, currency, i18n.language())


def format_date(value: dt.date) -> str:
    """A date as dd/mm/yyyy, in either language."""
    return numeric_date(value)
