"""Identifier checks built on python-stdnum (plus the Spanish NSS, which it lacks).

Each ``clean_*`` function returns the compact, canonical form or raises
ValueError with a message a clerk understands.
"""

from __future__ import annotations

from stdnum import ean as _ean
from stdnum import iban as _iban
from stdnum.es import nie as _nie
from stdnum.es import nif as _nif
from stdnum.eu import vat as _euvat
from stdnum.exceptions import ValidationError as _StdnumError

from app.i18n import _

EU_PREFIXES = set(_euvat.MEMBER_STATES) | {"EL"}


def clean_spanish_tax_id(value: str) -> str:
    """A Spanish NIF, NIE or CIF in compact form (``B12345674``)."""
    try:
        return _nif.validate(value)
    except _StdnumError:
        raise ValueError(_("Not a valid Spanish NIF, NIE or CIF: check its letters and digits.")) from None


def clean_person_tax_id(value: str) -> str:
    """A person's DNI-NIF or NIE (employees): company CIFs are refused."""
    compact = clean_spanish_tax_id(value)
    if compact[0].isdigit() or _nie.is_valid(compact) or compact[0] in "KLM":
        return compact
    raise ValueError(_("A person needs a DNI or NIE, not a company CIF."))


def clean_tax_id(value: str, country: str = "ES") -> str:
    """NIF/NIE/CIF for Spain; an EU VAT number (with its country prefix) otherwise."""
    compact = "".join(value.split()).upper().replace("-", "").replace(".", "")
    if compact.startswith("ES") and len(compact) == 11:
        compact = compact[2:]
    if country == "ES" and not compact[:2] in EU_PREFIXES - {"ES"}:
        return clean_spanish_tax_id(compact)
    if compact[:2] in EU_PREFIXES:
        try:
            return _euvat.validate(compact)
        except _StdnumError:
            raise ValueError(_("Not a valid EU VAT number: check the country prefix and digits.")) from None
    if country not in EU_PREFIXES and country != "ES":
        # Outside the EU we cannot check the format; keep what was typed, tidied.
        if not compact.isalnum():
            raise ValueError(_("A tax id may only hold letters and digits."))
        return compact
    raise ValueError(_("An EU VAT number starts with its country code, e.g. FR40303265045."))


def clean_iban(value: str) -> str:
    try:
        return _iban.validate(value)
    except _StdnumError:
        raise ValueError(_("Not a valid IBAN: check the country code and the control digits.")) from None


def clean_ean13(value: str) -> str:
    try:
        compact = _ean.validate(value)
    except _StdnumError:
        raise ValueError(_("Not a valid EAN-13 barcode: the check digit does not match.")) from None
    if len(compact) != 13:
        raise ValueError(_("An EAN-13 barcode has 13 digits."))
    return compact


def ean13_check_digit(first12: str) -> str:
    return _ean.calc_check_digit(first12)


def nss_check_digits(province: int, number: int) -> int:
    """Control digits of a Spanish social security number (número de afiliación)."""
    base = province * 10**8 + number if number >= 10**7 else province * 10**7 + number
    return base % 97


def clean_social_security_number(value: str) -> str:
    """12 digits: province (2), number (8), control (2)."""
    compact = "".join(ch for ch in value if ch.isdigit())
    if len(compact) != 12 or len(compact) != len("".join(value.split()).replace("/", "").replace("-", "")):
        raise ValueError(_("A social security number has 12 digits (province, number, control)."))
    province, number, control = int(compact[:2]), int(compact[2:10]), int(compact[10:])
    if nss_check_digits(province, number) != control:
        raise ValueError(_("Not a valid social security number: the control digits do not match."))
    return compact
