"""The VERI*FACTU fingerprint against the AEAT's own worked examples.

Source: AEAT, "Detalle de las especificaciones técnicas para generación de la
huella o hash de los registros de facturación", v0.1.2, section 6: a first
registration, a registration chained to it, and a cancellation chained to that.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from app.compliance.verifactu import (
    Cancellation,
    Registration,
    format_amount,
    format_date,
    format_timestamp,
    parse_timestamp,
    sha256_upper,
)

D = Decimal
JAN_1 = dt.date(2024, 1, 1)

AEAT_1_INPUT = ("IDEmisorFactura=89890001K&NumSerieFactura=12345678/G33&FechaExpedicionFactura=01-01-2024"
                "&TipoFactura=F1&CuotaTotal=12.35&ImporteTotal=123.45&Huella="
                "&FechaHoraHusoGenRegistro=2024-01-01T19:20:30+01:00")
AEAT_1 = "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60"
AEAT_2 = "F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97"
AEAT_3 = "177547C0D57AC74748561D054A9CEC14B4C4EA23D1BEFD6F2E69E3A388F90C68"


def _alta(number: str, previous: str, at: str) -> Registration:
    return Registration(issuer_tax_id="89890001K", invoice_number=number, issue_date=JAN_1, tipo_factura="F1",
                        cuota_total=D("12.35"), importe_total=D("123.45"), previous_hash=previous, generated_at=at)


def test_aeat_example_1_first_registration():
    first = _alta("12345678/G33", "", "2024-01-01T19:20:30+01:00")
    assert first.hash_input() == AEAT_1_INPUT
    assert first.huella() == AEAT_1


def test_aeat_example_2_registration_chained_to_the_first():
    second = _alta("12345679/G34", AEAT_1, "2024-01-01T19:20:35+01:00")
    assert second.hash_input() == (
        "IDEmisorFactura=89890001K&NumSerieFactura=12345679/G34&FechaExpedicionFactura=01-01-2024"
        f"&TipoFactura=F1&CuotaTotal=12.35&ImporteTotal=123.45&Huella={AEAT_1}"
        "&FechaHoraHusoGenRegistro=2024-01-01T19:20:35+01:00")
    assert second.huella() == AEAT_2


def test_aeat_example_3_cancellation_chained_to_the_second():
    cancel = Cancellation(issuer_tax_id="89890001K", invoice_number="12345679/G34", issue_date=JAN_1,
                          previous_hash=AEAT_2, generated_at="2024-01-01T19:20:40+01:00")
    assert cancel.hash_input() == (
        "IDEmisorFacturaAnulada=89890001K&NumSerieFacturaAnulada=12345679/G34"
        f"&FechaExpedicionFacturaAnulada=01-01-2024&Huella={AEAT_2}"
        "&FechaHoraHusoGenRegistro=2024-01-01T19:20:40+01:00")
    assert cancel.huella() == AEAT_3


def test_the_hash_is_sha256_of_the_utf8_text_in_upper_case_hex():
    assert sha256_upper(AEAT_1_INPUT) == AEAT_1
    # Non-ASCII is hashed as UTF-8, not Latin-1.
    assert sha256_upper("Año") == hashlib.sha256("Año".encode("utf-8")).hexdigest().upper()
    assert sha256_upper("Año") != hashlib.sha256("Año".encode("latin-1")).hexdigest().upper()


def test_values_are_trimmed_before_hashing():
    padded = Registration(issuer_tax_id=" 89890001K ", invoice_number="12345678/G33  ", issue_date=JAN_1,
                          tipo_factura=" F1", cuota_total=D("12.35"), importe_total=D("123.45"), previous_hash=" ",
                          generated_at=" 2024-01-01T19:20:30+01:00 ")
    assert padded.hash_input() == AEAT_1_INPUT
    assert padded.huella() == AEAT_1


@pytest.mark.parametrize(("value", "text"), [
    (D("12.35"), "12.35"), (D("12.3"), "12.30"), (D("12"), "12.00"), (D("0"), "0.00"), (D("-0.00"), "0.00"),
    (D("-121.00"), "-121.00"), (D("1234567.89"), "1234567.89"), (D("999999999999.99"), "999999999999.99"),
    (D("1E+2"), "100.00"),
])
def test_amounts_are_written_with_two_decimals_a_dot_and_no_grouping(value, text):
    assert format_amount(value) == text


@pytest.mark.parametrize("value", [D("12.345"), D("1000000000000.00")])
def test_amounts_that_the_aeat_cannot_take_are_refused_not_rounded(value):
    with pytest.raises(ValueError):
        format_amount(value)


def test_float_amounts_are_refused():
    with pytest.raises(TypeError):
        format_amount(12.35)


def test_the_amount_text_changes_the_hash():
    # The AEAT hashes the element's text: 123.45 and 123.450 are not the same record text,
    # which is why format_amount is the one writer of amounts.
    a = _alta("1", "", "2024-01-01T19:20:30+01:00")
    b = Registration(**{**a.__dict__, "importe_total": D("123.46")})
    assert a.huella() != b.huella()


def test_dates_are_day_month_year():
    assert format_date(dt.date(2026, 3, 2)) == "02-03-2026"


@pytest.mark.parametrize(("utc", "text"), [
    (dt.datetime(2024, 1, 1, 18, 20, 30, 999_999, tzinfo=dt.timezone.utc), "2024-01-01T19:20:30+01:00"),  # CET
    (dt.datetime(2024, 7, 1, 17, 20, 30, tzinfo=dt.timezone.utc), "2024-07-01T19:20:30+02:00"),  # CEST
    # The last second before the spring change, and the first after it.
    (dt.datetime(2024, 3, 31, 0, 59, 59, tzinfo=dt.timezone.utc), "2024-03-31T01:59:59+01:00"),
    (dt.datetime(2024, 3, 31, 1, 0, 0, tzinfo=dt.timezone.utc), "2024-03-31T03:00:00+02:00"),
    # The autumn hour that happens twice keeps both apart by their offsets.
    (dt.datetime(2024, 10, 27, 0, 30, tzinfo=dt.timezone.utc), "2024-10-27T02:30:00+02:00"),
    (dt.datetime(2024, 10, 27, 1, 30, tzinfo=dt.timezone.utc), "2024-10-27T02:30:00+01:00"),
])
def test_timestamps_are_spanish_local_time_with_their_offset(utc, text):
    assert format_timestamp(utc) == text
    assert parse_timestamp(text) == utc.replace(microsecond=0)


def test_naive_times_and_texts_without_offset_are_refused():
    with pytest.raises(ValueError):
        format_timestamp(dt.datetime(2024, 1, 1, 19, 20, 30))
    with pytest.raises(ValueError):
        _alta("1", "", "2024-01-01T19:20:30").huella()


@pytest.mark.parametrize("tipo", ["F1", "F2", "R1", "R2", "R3", "R4", "R5"])
def test_every_invoice_type_is_hashed_as_given(tipo):
    r = Registration(**{**_alta("1", "", "2024-01-01T19:20:30+01:00").__dict__, "tipo_factura": tipo})
    assert f"&TipoFactura={tipo}&" in r.hash_input()


def test_unknown_type_and_malformed_previous_hash_are_refused():
    with pytest.raises(ValueError):
        Registration(**{**_alta("1", "", "2024-01-01T19:20:30+01:00").__dict__, "tipo_factura": "X9"}).huella()
    with pytest.raises(ValueError):
        _alta("1", AEAT_1.lower(), "2024-01-01T19:20:30+01:00").huella()
