"""Valid identifiers for demo data: DNI, NIE, CIF, ES IBAN, EAN-13, NSS, EU VAT.

Each generator takes the caller's ``random.Random`` so the data stay
deterministic, and computes the real check digits, so every value passes the
same checks (app.compliance.identifiers) that guard what a clerk types.
"""

from __future__ import annotations

import random

from stdnum import luhn
from stdnum.iso7064 import mod_11_10
from stdnum.pt import nif as pt_nif

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CIF_CONTROL_LETTERS = "JABCDEFGHI"
_CCC_WEIGHTS = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)


def dni(rng: random.Random) -> str:
    number = rng.randrange(1_000_000, 80_000_000)
    return f"{number:08d}{DNI_LETTERS[number % 23]}"


def nie(rng: random.Random) -> str:
    prefix = rng.choice("XYZ")
    number = rng.randrange(0, 10_000_000)
    letter = DNI_LETTERS[int(f"{'XYZ'.index(prefix)}{number:07d}") % 23]
    return f"{prefix}{number:07d}{letter}"


def cif_control(letter: str, digits: str) -> str:
    """Control character of a CIF: a digit or a letter depending on the entity type."""
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == 0:  # odd positions (1st, 3rd...) are doubled and their digits summed
            d *= 2
            total += d // 10 + d % 10
        else:
            total += d
    control = (10 - total % 10) % 10
    if letter in "KPQSNW":
        return CIF_CONTROL_LETTERS[control]
    return str(control)


def cif(rng: random.Random, letter: str = "B") -> str:
    province = rng.choice((50, 22, 44, 28, 8, 46, 41, 48, 31, 15, 33, 30))
    digits = f"{province:02d}{rng.randrange(0, 100_000):05d}"
    return f"{letter}{digits}{cif_control(letter, digits)}"


def _ccc_digit(ten_digits: str) -> int:
    d = 11 - sum(int(c) * w for c, w in zip(ten_digits, _CCC_WEIGHTS)) % 11
    return {10: 1, 11: 0}.get(d, d)


def iban_check(country: str, bban: str) -> str:
    """ISO 13616 check digits: 98 - (bban + country + '00') mod 97, letters as 10..35."""
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def spanish_iban(rng: random.Random, bank: str) -> str:
    branch = f"{rng.randrange(0, 10_000):04d}"
    account = f"{rng.randrange(0, 10**10):010d}"
    ccc = f"{_ccc_digit('00' + bank + branch)}{_ccc_digit(account)}"
    bban = f"{bank}{branch}{ccc}{account}"
    return f"ES{iban_check('ES', bban)}{bban}"


def ean13(first12: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def social_security_number(rng: random.Random) -> str:
    """Número de afiliación: province (2), number (8), control (2) = base mod 97."""
    province = rng.randrange(1, 53)
    number = rng.randrange(1_000_000, 100_000_000)
    base = province * 10**8 + number if number >= 10**7 else province * 10**7 + number
    return f"{province:02d}{number:08d}{base % 97:02d}"


def eu_vat(rng: random.Random, country: str) -> str:
    """A VAT number of another EU state, with its country prefix (FR, PT, DE, IT)."""
    if country == "FR":
        body = f"{rng.randrange(100_000_00, 999_999_99):08d}"
        siren = body + luhn.calc_check_digit(body)
        return f"FR{int(siren + '12') % 97:02d}{siren}"
    if country == "PT":
        body = f"5{rng.randrange(0, 10**7):07d}"
        return f"PT{body}{pt_nif.calc_check_digit(body)}"
    if country == "DE":
        body = f"{rng.randrange(1, 10):d}{rng.randrange(0, 10**7):07d}"
        return f"DE{body}{mod_11_10.calc_check_digit(body)}"
    if country == "IT":
        body = f"{rng.randrange(1, 10**7):07d}{rng.randrange(1, 101):03d}"
        return f"IT{body}{luhn.calc_check_digit(body)}"
    raise ValueError(f"no demo VAT numbers for {country}")


def spanish_phone(rng: random.Random, mobile: bool) -> str:
    first = rng.choice("67") if mobile else "9"
    rest = f"{rng.randrange(0, 10**8):08d}"
    return f"{first}{rest[:2]} {rest[2:5]} {rest[5:]}"
