"""Scenarios of a clerk keeping customers and suppliers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.parties import Party
from app.errors import ConflictError, ValidationError
from app.services import parties
from app.services.listing import ListQuery
from app.services.parties import AddressData, PartyData
from app.services.setup import payment_term_id


def _count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Party)).scalar_one()


def test_create_and_read_back_a_customer(db):
    view = parties.create_party(db, PartyData(
        legal_name="Ferretería López SL", tax_id="b-12345674", city="Zaragoza", postal_code="50001",
        iban="ES91 2100 0418 4502 0005 1332", payment_term_id=payment_term_id("30 días"),
        recargo_equivalencia=True, irpf_percent=Decimal("15"),
        addresses=[AddressData(street="Calle Mayor 1", city="Huesca", label="Almacén")],
    ))
    assert view.tax_id == "B12345674"
    assert view.iban == "ES9121000418450200051332"
    assert view.code == "C000001"
    assert view.version == 1
    got = parties.get_party(db, view.id)
    assert got.legal_name == "Ferretería López SL"
    assert got.irpf_percent == Decimal("15.0000")
    assert got.addresses[0].city == "Huesca"
    with db.session() as s:
        assert s.get(Party, view.id).updated_by == "tester"


@pytest.mark.parametrize(
    "field, changes",
    [
        ("tax_id", {"tax_id": "B12345675"}),
        ("iban", {"iban": "ES9121000418450200051333"}),
        ("legal_name", {"legal_name": "   "}),
        ("email", {"email": "not-an-email"}),
        ("postal_code", {"postal_code": "5001"}),
        ("irpf_percent", {"irpf_percent": Decimal("12")}),
        ("country", {"country": "Spain"}),
        ("is_customer", {"is_customer": False, "is_supplier": False}),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(db, field, changes):
    data = PartyData(legal_name="Cliente", tax_id="B12345674")
    for k, v in changes.items():
        setattr(data, k, v)
    with pytest.raises(ValidationError) as err:
        parties.create_party(db, data)
    assert field in err.value.fields
    assert err.value.message_for(field)
    assert _count(db) == 0


def test_every_wrong_field_is_reported_at_once(db):
    with pytest.raises(ValidationError) as err:
        parties.create_party(db, PartyData(legal_name="", tax_id="X", iban="ES00"))
    assert {"legal_name", "tax_id", "iban"} <= err.value.fields


def test_failed_update_leaves_the_saved_record_untouched(db):
    view = parties.create_party(db, PartyData(legal_name="Bar Paco", tax_id="12345678Z"))
    bad = PartyData(legal_name="Bar Paco 2", tax_id="12345678A")
    with pytest.raises(ValidationError):
        parties.update_party(db, view.id, bad, expected_version=view.version)
    assert parties.get_party(db, view.id) == view


def test_stale_form_cannot_overwrite_a_newer_save(db):
    view = parties.create_party(db, PartyData(legal_name="Bar Paco", tax_id="12345678Z"))
    first = parties.update_party(db, view.id, PartyData(legal_name="Bar Paco e Hijos", tax_id="12345678Z"), view.version)
    assert first.version == 2
    with pytest.raises(ConflictError):
        parties.update_party(db, view.id, PartyData(legal_name="Bar Pepe", tax_id="12345678Z"), view.version)
    assert parties.get_party(db, view.id).legal_name == "Bar Paco e Hijos"


def test_eu_vat_number_for_a_french_customer(db):
    view = parties.create_party(db, PartyData(legal_name="Dupont SARL", tax_id="FR 40 303 265 045", country="FR"))
    assert view.tax_id == "FR40303265045"


def test_duplicate_code_is_refused(db):
    parties.create_party(db, PartyData(legal_name="A", code="X1"))
    with pytest.raises(ValidationError) as err:
        parties.create_party(db, PartyData(legal_name="B", code="X1"))
    assert err.value.field == "code"


def test_archive_hides_from_list_but_keeps_the_row(db):
    view = parties.create_party(db, PartyData(legal_name="Archivada SA"))
    parties.archive_party(db, view.id)
    assert parties.list_parties(db).rows == []
    rows = parties.list_parties(db, ListQuery(filters={"include_archived": True})).rows
    assert [r["legal_name"] for r in rows] == ["Archivada SA"]
    assert parties.restore_party(db, view.id).archived_at is None


def test_list_pages_with_keyset_and_searches(db):
    names = [f"Cliente {i:03d}" for i in range(25)] + ["Ferretería Ñandú"]
    for i, n in enumerate(names):
        parties.create_party(db, PartyData(legal_name=n, code=f"K{i}", city="Madrid" if i % 2 else "Sevilla"))
    seen, after = [], None
    while True:
        page = parties.list_parties(db, ListQuery(limit=10, after=after))
        seen += [r["legal_name"] for r in page.rows]
        if not page.has_more:
            break
        after = page.next_after
    assert seen == sorted(names)
    desc = parties.list_parties(db, ListQuery(sort="legal_name", descending=True, limit=3)).rows
    assert [r["legal_name"] for r in desc] == sorted(names, reverse=True)[:3]
    found = parties.list_parties(db, ListQuery(search="cliente 01")).rows
    assert [r["legal_name"] for r in found] == [f"Cliente {i:03d}" for i in [1, *range(10, 20)]]
    assert parties.count_parties(db, ListQuery(search="sevilla")) == 13
    assert parties.list_parties(db, ListQuery(search="100%")).rows == []
    # Case-insensitive beyond ASCII, on SQLite too.
    assert [r["legal_name"] for r in parties.list_parties(db, ListQuery(search="ñANDÚ")).rows] == ["Ferretería Ñandú"]


def test_sort_by_a_nullable_column_pages_without_losing_rows(db):
    for i in range(7):
        parties.create_party(db, PartyData(legal_name=f"P{i}", trade_name=None if i % 2 else f"T{i}"))
    seen, after = [], None
    while True:
        page = parties.list_parties(db, ListQuery(sort="trade_name", limit=2, after=after))
        seen += [r["legal_name"] for r in page.rows]
        if not page.has_more:
            break
        after = page.next_after
    assert sorted(seen) == [f"P{i}" for i in range(7)]
    assert len(seen) == 7


def test_unknown_sort_key_is_a_validation_error(db):
    with pytest.raises(ValidationError) as err:
        parties.list_parties(db, ListQuery(sort="password"))
    assert err.value.field == "sort"
