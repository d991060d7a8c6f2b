"""VERI*FACTU record fingerprints (huella): pure functions, no database.

Source: AEAT, "Detalle de las especificaciones técnicas para generación de la
huella o hash de los registros de facturación" (v0.1.2, 27/08/2024):

- The input is ``Field=value`` pairs joined with ``&``, in a fixed order per
  record type (below). Field names are the XML element names. The previous
  record's fingerprint goes in ``Huella`` and is empty (``Huella=``) for the
  first record of a chain.
- Each value is the text of that element in the record as sent, with leading
  and trailing blanks removed; nothing is escaped.
- SHA-256 over the UTF-8 bytes, written as 64 upper-case hexadecimal digits.

Because the value is the element's *text*, ``12.3`` and ``12.30`` hash
differently: the formatting below (two decimals, ``.``, a leading ``-`` for
credit notes, no thousands separator; XSD ImporteSgn12.2Type) is the one the
XML writer must use too. ``format_amount``, ``format_date`` and
``format_timestamp`` are that single source.

The AEAT's worked examples (section 6 of that document) are unit tests in
tests/app/test_verifactu_hash.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

# Spanish local time (peninsular); the offset is part of the hashed text.
MADRID = ZoneInfo("Europe/Madrid")

# TipoFactura (list L2 of the AEAT's record design): full, simplified, credit notes.
TIPOS_FACTURA = frozenset({"F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"})

_HEX64 = re.compile(r"[0-9A-F]{64}")
_CENT = Decimal("0.01")
_MAX_AMOUNT = Decimal(10) ** 12  # ImporteSgn12.2Type: at most 12 integer digits


def format_amount(value: Decimal) -> str:
    """``Decimal('-12.3')`` -> ``'-12.30'``: the XML text of CuotaTotal/ImporteTotal.

    Refuses (ValueError) floats, amounts with more than two decimals (the
    caller rounds on purpose, never this function) and amounts over 12 digits.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"amounts are Decimal, not {type(value).__name__}")
    cents = value.quantize(_CENT)
    if cents != value:
        raise ValueError(f"{value} has more than two decimals")
    if abs(cents) >= _MAX_AMOUNT:
        raise ValueError(f"{value} has more than 12 integer digits")
    if cents == 0:
        cents = abs(cents)  # never "-0.00"
    return f"{cents:f}"


def importe_total(base_total: Decimal, tax_total: Decimal, recargo_total: Decimal) -> Decimal:
    """ImporteTotal: bases plus IVA plus recargo. IRPF withheld is not subtracted: the AEAT's
    records carry no withholding, and ImporteTotal must equal the breakdown's bases and quotas.
    The chain record and the QR code both take it from here."""
    return base_total + tax_total + recargo_total


def format_date(day: dt.date) -> str:
    """DD-MM-YYYY, the AEAT's date format (FechaExpedicionFactura)."""
    return day.strftime("%d-%m-%Y")


def madrid_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` (aware) as Spanish local time, to the whole second."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; the record's time needs its time zone")
    return moment.astimezone(MADRID).replace(microsecond=0)


def format_timestamp(moment: dt.datetime) -> str:
    """``2024-01-01T19:20:30+01:00``: FechaHoraHusoGenRegistro, Spanish local time with its offset."""
    return madrid_time(moment).isoformat()


def parse_timestamp(text: str) -> dt.datetime:
    """The aware moment a FechaHoraHusoGenRegistro text denotes (ValueError if it has no offset)."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time-zone offset")
    return moment


def _check_previous(previous_hash: str) -> str:
    value = previous_hash.strip()
    if value and not _HEX64.fullmatch(value):
        raise ValueError(f"previous hash {previous_hash!r} is not 64 upper-case hex digits")
    return value


def _join(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{name}={value.strip()}" for name, value in pairs)


def sha256_upper(text: str) -> str:
    """SHA-256 of the UTF-8 text as 64 upper-case hexadecimal digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest().upper()


@dataclass(frozen=True)
class Registration:
    """The hashed fields of a RegistroAlta (registration of an issued invoice)."""

    issuer_tax_id: str  # IDEmisorFactura
    invoice_number: str  # NumSerieFactura
    issue_date: dt.date  # FechaExpedicionFactura
    tipo_factura: str  # TipoFactura: F1, F2, R1..R5
    cuota_total: Decimal  # CuotaTotal: IVA + recargo de equivalencia
    importe_total: Decimal  # ImporteTotal: base + IVA + recargo (IRPF withholding is not part of it)
    previous_hash: str  # Huella of the previous record; "" for the first
    generated_at: str  # FechaHoraHusoGenRegistro exactly as recorded

    def hash_input(self) -> str:
        """The ``Field=value&...`` text the AEAT hashes, in its order."""
        if self.tipo_factura.strip() not in TIPOS_FACTURA:
            raise ValueError(f"unknown TipoFactura {self.tipo_factura!r}")
        parse_timestamp(self.generated_at.strip())
        return _join([
            ("IDEmisorFactura", self.issuer_tax_id),
            ("NumSerieFactura", self.invoice_number),
            ("FechaExpedicionFactura", format_date(self.issue_date)),
            ("TipoFactura", self.tipo_factura),
            ("CuotaTotal", format_amount(self.cuota_total)),
            ("ImporteTotal", format_amount(self.importe_total)),
            ("Huella", _check_previous(self.previous_hash)),
            ("FechaHoraHusoGenRegistro", self.generated_at),
        ])

    def huella(self) -> str:
        """This record's fingerprint: SHA-256 of ``hash_input()``, upper-case hex."""
        return sha256_upper(self.hash_input())


@dataclass(frozen=True)
class Cancellation:
    """The hashed fields of a RegistroAnulacion (cancellation of an issued invoice)."""

    issuer_tax_id: str  # IDEmisorFacturaAnulada
    invoice_number: str  # NumSerieFacturaAnulada
    issue_date: dt.date  # FechaExpedicionFacturaAnulada
    previous_hash: str  # Huella of the previous record; "" for the first
    generated_at: str  # FechaHoraHusoGenRegistro exactly as recorded

    def hash_input(self) -> str:
        """The ``Field=value&...`` text the AEAT hashes, in its order."""
        parse_timestamp(self.generated_at.strip())
        return _join([
            ("IDEmisorFacturaAnulada", self.issuer_tax_id),
            ("NumSerieFacturaAnulada", self.invoice_number),
            ("FechaExpedicionFacturaAnulada", format_date(self.issue_date)),
            ("Huella", _check_previous(self.previous_hash)),
            ("FechaHoraHusoGenRegistro", self.generated_at),
        ])

    def huella(self) -> str:
        """This record's fingerprint: SHA-256 of ``hash_input()``, upper-case hex."""
        return sha256_upper(self.hash_input())

