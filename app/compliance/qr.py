"""The VERI*FACTU QR code: the AEAT's ValidarQR URL and its ISO/IEC 18004 symbol.

The URL follows the AEAT's "Características del QR y especificaciones del
servicio de cotejo" (Orden HAC/1177/2024 art. 20-21):

    https://<host>/wlpl/TIKE-CONT/ValidarQR?nif=..&numserie=..&fecha=DD-MM-YYYY&importe=1234.56

- ``nif``: the issuer's NIF; ``numserie``: series and number as printed;
  ``fecha``: the issue date; ``importe``: ImporteTotal with a dot and two decimals.
- Values are UTF-8 percent-encoded (the AEAT's own example encodes
  ``12345678&G33`` as ``12345678%26G33``).
- The test host answers for invoices registered in the AEAT's test
  environment; the production host for real ones (a company setting).

The symbol is a full QR Code (not Micro QR) at error correction level M (the
AEAT names M). Zint, a C barcode library, encodes it, mask chosen by the
standard's penalty rules, in ~0.4 ms; segno (pure Python) took ~7 ms here
and reportlab's own widget ~40 ms, too slow for 100 invoices a second. The
PDF draws the dark modules itself (``QrSymbol.runs``), which is faster and
sharper than any raster image.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

import re

import zint

from app.compliance.verifactu import format_amount, importe_total  # noqa: F401 - one rule for both
from app.money import round_money

TEST_URL = "https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
PRODUCTION_URL = "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR"


def _encode(value: str) -> str:
    # safe="" so that "/", "&", "=", "?" in a series never break the query.
    return quote(value, safe="", encoding="utf-8")


def format_importe(amount: Decimal) -> str:
    """``Decimal("1234.5")`` -> ``"1234.50"``: the chain record's amount text, rounded to cents first."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"importe must be a Decimal, not {type(amount).__name__}")
    return format_amount(round_money(amount))


def validar_qr_url(nif: str, numserie: str, issue_date: dt.date, importe: Decimal, production: bool) -> str:
    """The ValidarQR URL the invoice's QR encodes, on the test or the production host.

    Guarantees: parameters in the AEAT's order (nif, numserie, fecha, importe),
    every value percent-encoded as UTF-8, the date as DD-MM-YYYY and the amount
    with a dot and exactly two decimals. Refuses empty identifiers.
    """
    nif, numserie = (nif or "").strip(), (numserie or "").strip()
    if not nif or not numserie:
        raise ValueError("a VERI*FACTU QR needs the issuer's NIF and the invoice's series and number")
    base = PRODUCTION_URL if production else TEST_URL
    query = "&".join(
        f"{key}={_encode(value)}"
        for key, value in (
            ("nif", nif),
            ("numserie", numserie),
            ("fecha", issue_date.strftime("%d-%m-%Y")),
            ("importe", format_importe(importe)),
        )
    )
    return f"{base}?{query}"


@dataclass(frozen=True)
class QrSymbol:
    """A QR code's modules without its quiet zone: ``size`` x ``size``, row 0 at the top."""

    size: int
    version: int
    error: str
    # Per row, the dark runs as (first column, length): what a canvas fills.
    runs: tuple[tuple[tuple[int, int], ...], ...]


_DARK = re.compile("1+")
_LEVEL_M = 2  # zint's option_1 for QR Code: 1=L, 2=M, 3=Q, 4=H


def encode_qr(data: str) -> QrSymbol:
    """The ISO/IEC 18004 QR Code of ``data`` at error correction level M.

    Bytes are encoded as given (UTF-8, no ECI); the smallest version that
    holds them at level M is used and the level is not raised.
    """
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.QRCODE
    symbol.option_1 = _LEVEL_M
    symbol.input_mode = zint.InputMode.DATA
    symbol.encode(data.encode("utf-8"))
    size = symbol.width
    raw = symbol.encoded_data  # rows of bit-packed modules, bit (c % 8) of byte (c // 8)
    stride = raw.shape[1]
    packed = raw.tobytes()
    runs = []
    for row in range(symbol.rows):
        bits = int.from_bytes(packed[row * stride:row * stride + (size + 7) // 8], "little")
        # Column c is bit c: reverse the binary text so that index = column.
        text = format(bits, f"0{size}b")[::-1]
        runs.append(tuple((m.start(), m.end() - m.start()) for m in _DARK.finditer(text)))
    return QrSymbol(size=size, version=(size - 17) // 4, error="M", runs=tuple(runs))
