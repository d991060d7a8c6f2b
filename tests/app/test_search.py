"""The search box over big lists: substring, any case, kept current as rows change."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.search import INVOICE_SEARCH, PARTY_SEARCH, PRODUCT_SEARCH
from app.services import invoices, parties, products
from app.services.invoices import INVOICE_COLUMNS, InvoiceData, InvoiceLineData
from app.services.listing import ListQuery
from app.services.parties import PARTY_COLUMNS, PartyData
from app.services.products import PRODUCT_COLUMNS, ProductData
from app.services.setup import tax_rate_id


@pytest.mark.parametrize("index, columns", [(INVOICE_SEARCH, INVOICE_COLUMNS), (PARTY_SEARCH, PARTY_COLUMNS),
                                            (PRODUCT_SEARCH, PRODUCT_COLUMNS)])
def test_the_index_covers_exactly_the_searchable_columns(index, columns):
    assert set(index.columns) == {c.key for c in columns if c.searchable}


def names(db, search: str) -> list[str]:
    return [r["legal_name"] for r in parties.list_parties(db, ListQuery(search=search)).rows]


def test_words_are_found_inside_names_in_any_case(db):
    for name, nif in (("Lorena García Vega", "12345678Z"), ("Aceites Núñez SL", "B58378431"), ("Bar Pepe", None)):
        parties.create_party(db, PartyData(legal_name=name, tax_id=nif))
    assert names(db, "GARCÍA") == ["Lorena García Vega"]
    assert names(db, "arcí veg") == ["Lorena García Vega"]  # every word, in any column
    assert names(db, "ñez") == ["Aceites Núñez SL"]
    assert names(db, "b58") == ["Aceites Núñez SL"]  # the NIF
    assert names(db, "pe") == ["Bar Pepe"]  # short word: read by LIKE
    assert names(db, 'x"y') == []  # quotes cannot break the index query
    assert names(db, "50%") == []
    assert parties.count_parties(db, ListQuery(search="garcía")) == 1


def test_the_index_follows_updates_and_deletes(db):
    view = parties.create_party(db, PartyData(legal_name="Talleres Ochoa"))
    parties.update_party(db, view.id, PartyData(legal_name="Talleres Zubiri"), view.version)
    assert names(db, "ochoa") == []
    assert names(db, "zubiri") == ["Talleres Zubiri"]

    product = products.create_product(db, ProductData(sku="TOR-8", name="Tornillo 8 mm", sale_price="0.10",
                                                      tax_rate_id=tax_rate_id("IVA21")))
    draft = invoices.create_draft(db, InvoiceData(issue_date=dt.date(2026, 11, 2), party_id=view.id, lines=[InvoiceLineData(product_id=product.id)]))
    found = invoices.list_invoices(db, ListQuery(search="zubiri")).rows
    assert [r["__id"] for r in found] == [draft.id]
    invoices.delete_draft(db, draft.id)
    assert invoices.list_invoices(db, ListQuery(search="zubiri")).rows == []
    assert [r["sku"] for r in products.list_products(db, ListQuery(search="tornillo")).rows] == ["TOR-8"]


def test_sorting_by_a_column_that_may_be_empty_pages_through_every_row(db):
    # Contracts without a value sort first (as the lowest value), on both backends;
    # the stand-in for "empty" must fit the column, also as SQLite's scaled integer.
    from app.services import contracts
    from app.services.contracts import ContractData

    supplier = parties.create_party(db, PartyData(legal_name="Limpiezas Brillo SL", tax_id="B12345674",
                                                            is_supplier=True)).id
    for i, value in enumerate(["5", None, "0.5", None, "120"]):
        contracts.create_contract(db, ContractData("supplier", f"P{i}", dt.date(2024, 2, 1), party_id=supplier,
                                                   value=value))
    seen, after = [], None
    while True:
        page = contracts.list_contracts(db, ListQuery(sort="value", limit=2, after=after))
        seen += [r["title"] for r in page.rows]
        if not page.has_more:
            break
        after = page.next_after
    assert seen[2:] == ["P2", "P0", "P4"] and sorted(seen[:2]) == ["P1", "P3"]
