"""The VERI*FACTU QR: the ValidarQR URL as the AEAT specifies it, and a symbol that decodes to it."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal as D

import pytest
from PIL import Image

from app.compliance.qr import PRODUCTION_URL, TEST_URL, encode_qr, format_importe, importe_total, validar_qr_url
from tests.app.printing import _tool


def test_the_aeat_example_url_on_the_test_and_the_production_host():
    # The AEAT's own example: numserie 12345678&G33 travels as 12345678%26G33.
    url = validar_qr_url("89890001K", "12345678&G33", dt.date(2024, 1, 1), D("241.4"), production=False)
    assert url == ("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR"
                   "?nif=89890001K&numserie=12345678%26G33&fecha=01-01-2024&importe=241.40")
    prod = validar_qr_url("89890001K", "12345678&G33", dt.date(2024, 1, 1), D("241.4"), production=True)
    assert prod.startswith("https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=89890001K&")
    assert (TEST_URL, PRODUCTION_URL) == ("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR",
                                          "https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR")


def test_values_are_percent_encoded_as_utf8_and_never_break_the_query():
    url = validar_qr_url(" B12345674 ", "F/2026 nº 7?x=1#", dt.date(2026, 12, 31), D("0"), production=False)
    assert url.endswith("?nif=B12345674&numserie=F%2F2026%20n%C2%BA%207%3Fx%3D1%23&fecha=31-12-2026&importe=0.00")


@pytest.mark.parametrize("amount, text", [
    (D("1234567.891"), "1234567.89"), (D("-121"), "-121.00"), (D("0.005"), "0.01"), (D("12.345"), "12.35"),
    (D("99999999999.99"), "99999999999.99"),
])
def test_importe_has_a_dot_two_decimals_and_no_thousands_separator(amount, text):
    assert format_importe(amount) == text


def test_importe_refuses_floats_and_empty_identifiers():
    with pytest.raises(TypeError):
        format_importe(12.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        validar_qr_url("", "F2026-000001", dt.date(2026, 1, 1), D("1"), production=False)
    with pytest.raises(ValueError):
        validar_qr_url("B12345674", "  ", dt.date(2026, 1, 1), D("1"), production=False)


def test_importe_total_is_bases_plus_iva_plus_recargo_without_the_withholding():
    assert importe_total(D("100.00"), D("21.00"), D("5.20")) == D("126.20")


def _format_info(symbol) -> tuple[str, int]:
    """Error correction level and mask read back from the symbol's first format information copy."""
    dark = {(r, c) for r, runs in enumerate(symbol.runs) for start, n in runs for c in range(start, start + n)}
    cells = [(8, c) for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [(r, 8) for r in (7, 5, 4, 3, 2, 1, 0)]
    bits = int("".join("1" if cell in dark else "0" for cell in cells), 2) ^ 0b101010000010010
    return {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}[bits >> 13], (bits >> 10) & 0b111


def _decode(symbol, tmp_path) -> str:
    scale, quiet = 6, 4
    side = (symbol.size + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    for row, runs in enumerate(symbol.runs):
        for start, length in runs:
            image.paste(0, ((start + quiet) * scale, (row + quiet) * scale,
                            (start + length + quiet) * scale, (row + 1 + quiet) * scale))
    path = tmp_path / "qr.png"
    image.save(path)
    out = subprocess.run([_tool("zbarimg", "zbar-tools"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(path)],
                         capture_output=True, text=True, timeout=60)
    return out.stdout.strip()


@pytest.mark.parametrize("numserie, amount", [("F2026-000123", "17828.52"), ("R2026-000001", "-704.32"),
                                               ("SERIE-LARGA/2026/0000000001", "99999999999.99")])
def test_the_symbol_is_a_level_m_qr_code_that_decodes_to_the_url(tmp_path, numserie, amount):
    url = validar_qr_url("B28543783", numserie, dt.date(2026, 3, 2), D(amount), production=True)
    symbol = encode_qr(url)
    assert symbol.size == 17 + 4 * symbol.version  # a full QR Code, not Micro QR
    level, mask = _format_info(symbol)
    assert level == "M" and 0 <= mask <= 7
    assert _decode(symbol, tmp_path) == url


def test_runs_cover_exactly_the_dark_modules_of_each_row():
    symbol = encode_qr("https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=B1&numserie=F1&fecha=01-01-2026&importe=1.00")
    assert len(symbol.runs) == symbol.size
    for runs in symbol.runs:
        ends = [start + n for start, n in runs]
        assert all(n > 0 for _s, n in runs) and all(e <= symbol.size for e in ends)
        # Runs are separated by at least one light module, so no two touch.
        assert all(b[0] > a[0] + a[1] for a, b in zip(runs, runs[1:]))
    # Finder pattern: the top row starts with 7 dark modules and ends with 7.
    assert symbol.runs[0][0] == (0, 7) and symbol.runs[0][-1] == (symbol.size - 7, 7)
