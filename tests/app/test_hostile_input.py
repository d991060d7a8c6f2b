"""Hostile input: SQL-injection strings, LIKE wildcards, quotes, NUL bytes and 10,000-character text.

Every list's search takes them as data: no error, no rows unless a row really holds
them, no table dropped. Every text field of parties, products, employees and
contracts stores them as typed, or refuses them with a message on that field
(a NUL character, too long) and writes nothing. Both backends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, inspect, select

from app.demo import generate_demo
from app.domain.contracts import Contract
from app.domain.employees import Employee
from app.domain.inventory import Product
from app.domain.parties import Party
from app.errors import ValidationError
from app.services import (
    contracts, count_lists, departments, employees, invoices, leave_lists, parties, products, stock, stock_counts,
)
from app.services.contracts import ContractData, ContractLineData
from app.services.employees import EmployeeData
from app.services.listing import ListQuery
from app.services.parties import AddressData, PartyData
from app.services.products import ProductData
from app.services.setup import tax_rate_id

TODAY = dt.date(2026, 3, 2)
INJECTION = "'; DROP TABLE party; --"
# 10,000 characters of ~1,700 different words: every one a clause of the search.
MANY_WORDS = " ".join(f"w{i}" for i in range(2000))[:10_000]
SEARCHES = [
    INJECTION,
    "%_\\",
    "%", "_", "\\", "%%", "__",
    "'", "''", '"', '"quoted"', "O'Brien", "`", ";",
    "Robert'); DROP TABLE students;--",
    "1' OR '1'='1",
    '" OR ""="',
    "x') UNION SELECT password FROM users --",
    "\x00", "abc\x00def", "\x00" + INJECTION,
    "\ud800",  # half of a UTF-16 pair: not valid text anywhere
    # SQLite FTS5 query syntax must be taken literally too.
    "NEAR(abc def)", "abc*", "^abc", "legal_name:abc", "abc OR def", "(abc", 'abc"def',
    MANY_WORDS,
    "x" * 10_000,
]


# -- searching every list -------------------------------------------------------------------------

def _count_id(db):
    return count_lists.list_counts(db, ListQuery(limit=1)).rows[0]["__id"]


LISTS = {
    "parties": (parties.list_parties, parties.count_parties),
    "products": (products.list_products, products.count_products),
    "warehouses": (products.list_warehouses, products.count_warehouses),
    "invoices": (invoices.list_invoices, invoices.count_invoices),
    "contracts": (contracts.list_contracts, contracts.count_contracts),
    "employees": (employees.list_employees, employees.count_employees),
    "departments": (departments.list_departments, departments.count_departments),
    "moves": (stock.list_moves, stock.count_moves),
    "counts": (count_lists.list_counts, count_lists.count_counts),
    "leave": (leave_lists.list_leave, leave_lists.count_leave),
    "count_lines": (
        lambda db, q: count_lists.list_count_lines(db, _count_id(db), q),
        lambda db, q: count_lists.count_count_lines(db, _count_id(db), q),
    ),
}


def test_every_list_service_is_covered():
    """A new list_* in app/services must be added to LISTS."""
    import importlib
    import pkgutil

    import app.services

    found = set()
    for info in pkgutil.iter_modules(app.services.__path__):
        module = importlib.import_module(f"app.services.{info.name}")
        for name in dir(module):
            fn = getattr(module, name)
            if name.startswith("list_") and callable(fn) and getattr(fn, "__module__", "") == module.__name__:
                import inspect as pyinspect

                if "query" in pyinspect.signature(fn).parameters:
                    found.add(name)
    covered = {"list_parties", "list_products", "list_warehouses", "list_invoices", "list_contracts",
               "list_employees", "list_departments", "list_moves", "list_counts", "list_leave", "list_count_lines"}
    assert found <= covered, f"searchable lists not covered: {sorted(found - covered)}"


def _holds(row: dict, word: str) -> bool:
    folded = word.casefold()
    return any(isinstance(v, str) and folded in v.casefold() for v in row.values())


@pytest.fixture
def demo_db(db):
    generate_demo(db, customers=5, products=5, invoices=10, contracts=3, employees=3, today=TODAY)
    return db


def _table_sizes(db) -> dict[str, int]:
    with db.session() as s:
        return {model.__tablename__: s.execute(select(func.count()).select_from(model)).scalar_one()
                for model in (Party, Product, Employee, Contract)}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_hostile_searches_run_as_data_and_find_only_rows_that_hold_them(demo_db, name):
    list_fn, count_fn = LISTS[name]
    assert list_fn(demo_db, ListQuery()).rows, "the list must hold rows, or finding none proves nothing"
    before = _table_sizes(demo_db)
    for search in SEARCHES:
        page = list_fn(demo_db, ListQuery(search=search))
        assert count_fn(demo_db, ListQuery(search=search)) == len(page.rows), repr(search)[:40]
        words = search.split()
        for row in page.rows:  # any row found really holds every word the clerk typed
            assert all(_holds(row, w) for w in words), (repr(search)[:40], row)
        if "\x00" in search or "\ud800" in search or len(words) > 3 or len(search) > 200:
            assert page.rows == [], repr(search)[:40]
        # Sorted the other way and paged, the same search still runs.
        list_fn(demo_db, ListQuery(search=search, descending=True, limit=2))
    assert _table_sizes(demo_db) == before
    with demo_db.engine.connect() as conn:
        assert "party" in inspect(conn).get_table_names()


PLANTED = [INJECTION, "O'Brien & Hijos", "Rebajas 100% _ya_", 'Barra \\ y "comillas"', "Tabla `x`; --"]


def test_a_row_that_really_holds_the_hostile_text_is_found_and_only_it(db):
    for name in PLANTED:
        parties.create_party(db, PartyData(legal_name=name))
    for name in ("Zapatos 1000 Ruiz", "Obrien Hijos", "Rebajas 100 ya", "Barra y comillas"):
        parties.create_party(db, PartyData(legal_name=name))

    def found(search: str) -> list[str]:
        return sorted(r["legal_name"] for r in parties.list_parties(db, ListQuery(search=search)).rows)

    assert found(INJECTION) == [INJECTION]
    assert found("DROP TABLE") == [INJECTION]
    assert found("O'Brien") == ["O'Brien & Hijos"]
    assert found("'") == sorted([INJECTION, "O'Brien & Hijos"])
    assert found("100%") == ["Rebajas 100% _ya_"]
    assert found("%") == ["Rebajas 100% _ya_"]  # a wildcard is a character to look for, not "anything"
    assert found("_") == ["Rebajas 100% _ya_"]
    assert found("_ya_") == ["Rebajas 100% _ya_"]
    assert found("\\") == ['Barra \\ y "comillas"']
    assert found('"comillas"') == ['Barra \\ y "comillas"']
    assert found("`x`;") == ["Tabla `x`; --"]
    assert found("--") == sorted([INJECTION, "Tabla `x`; --"])
    assert found("\x00") == []
    assert parties.count_parties(db, ListQuery(search="%")) == 1
    for name in PLANTED:  # stored as typed, read back as typed
        row = parties.list_parties(db, ListQuery(search=name.split()[0])).rows
        assert name in [r["legal_name"] for r in row]


def test_code_lookups_take_hostile_codes_as_data(demo_db):
    count_id = _count_id(demo_db)
    for code in SEARCHES:
        assert products.find_product_by_code(demo_db, code) is None, repr(code)[:40]
        found = stock_counts.find_line(demo_db, count_id, code)
        assert found.line_id is None and found.product_id is None, repr(code)[:40]


# -- writing: every text field -------------------------------------------------------------------

NUL_TEXT = "Ferre\x00tería"
LONG_TEXT = "a" * 10_000


def _expect_refused(action, field: str, *, message: str | None = None) -> None:
    with pytest.raises(ValidationError) as caught:
        action()
    assert field in caught.value.fields, (field, caught.value.errors)
    if message is not None:
        assert message in caught.value.message_for(field), (field, caught.value.message_for(field))


def _max_len_message(n: int) -> str:
    return f"at most {n} characters"


# Free text: stored as typed (injection), refused with "NUL" or "at most N characters".
PARTY_TEXT = {"legal_name": 200, "trade_name": 200, "street": 200, "city": 100, "province": 100, "notes": 2000,
              "code": 20}
# Checked formats: refused on their field whatever the reason.
PARTY_CHECKED = ("tax_id", "postal_code", "email", "phone", "iban", "country")


def _party(**kw) -> PartyData:
    return PartyData(**{"legal_name": "Ferretería Martínez SL", "tax_id": "B58378431", "postal_code": "28001",
                        **kw})


def test_party_text_fields_store_injection_as_data_and_refuse_nul_and_overlong_text(db):
    sizes = _table_sizes(db)
    for field, max_len in PARTY_TEXT.items():
        _expect_refused(lambda: parties.create_party(db, _party(**{field: NUL_TEXT})), field, message="NUL character")
        _expect_refused(lambda: parties.create_party(db, _party(**{field: LONG_TEXT})), field,
                        message=_max_len_message(max_len))
    for field in PARTY_CHECKED:
        _expect_refused(lambda: parties.create_party(db, _party(**{field: NUL_TEXT})), field)
        _expect_refused(lambda: parties.create_party(db, _party(**{field: LONG_TEXT})), field)
    for sub in ("street", "city", "province", "postal_code", "label"):
        address = AddressData(**{"street": "Calle Mayor 1", sub: NUL_TEXT})
        _expect_refused(lambda: parties.create_party(db, _party(addresses=[address])), f"addresses[0].{sub}",
                        message="NUL character")
        address = AddressData(**{"street": "Calle Mayor 1", sub: LONG_TEXT})
        _expect_refused(lambda: parties.create_party(db, _party(addresses=[address])), f"addresses[0].{sub}")
    assert _table_sizes(db) == sizes  # nothing written

    hostile = {field: INJECTION[:max_len] for field, max_len in PARTY_TEXT.items()}
    made = parties.create_party(db, _party(**hostile, addresses=[AddressData(street=INJECTION, city=INJECTION)]))
    got = parties.get_party(db, made.id)
    assert {f: getattr(got, f) for f in hostile} == hostile
    assert got.addresses[0].street == INJECTION

    for field, max_len in PARTY_TEXT.items():  # an update refuses the same, and leaves the row as it was
        _expect_refused(lambda: parties.update_party(db, made.id, _party(**{field: NUL_TEXT}), got.version), field)
        _expect_refused(lambda: parties.update_party(db, made.id, _party(**{field: LONG_TEXT}), got.version), field,
                        message=_max_len_message(max_len))
    assert parties.get_party(db, made.id) == got
    renamed = parties.update_party(db, made.id, _party(legal_name="Robert'); DROP TABLE party;--"), got.version)
    assert parties.get_party(db, made.id).legal_name == "Robert'); DROP TABLE party;--" == renamed.legal_name


PRODUCT_TEXT = {"sku": 40, "name": 200, "unit": 10, "category": 80}


def _product(**kw) -> ProductData:
    return ProductData(**{"sku": "TOR-001", "name": "Tornillo", "tax_rate_id": tax_rate_id("IVA21"), **kw})


def test_product_text_fields(db):
    sizes = _table_sizes(db)
    for field, max_len in PRODUCT_TEXT.items():
        _expect_refused(lambda: products.create_product(db, _product(**{field: NUL_TEXT})), field,
                        message="NUL character")
        _expect_refused(lambda: products.create_product(db, _product(**{field: LONG_TEXT})), field,
                        message=_max_len_message(max_len))
    _expect_refused(lambda: products.create_product(db, _product(ean="84100\x0000000023")), "ean",
                    message="NUL character")
    _expect_refused(lambda: products.create_product(db, _product(ean=LONG_TEXT)), "ean")
    assert _table_sizes(db) == sizes

    hostile = {field: INJECTION[:max_len] for field, max_len in PRODUCT_TEXT.items()}
    made = products.create_product(db, _product(**hostile))
    got = products.get_product(db, made.id)
    assert {f: getattr(got, f) for f in hostile} == hostile
    for field, max_len in PRODUCT_TEXT.items():
        _expect_refused(lambda: products.update_product(db, made.id, _product(**{field: LONG_TEXT}), got.version),
                        field, message=_max_len_message(max_len))
        _expect_refused(lambda: products.update_product(db, made.id, _product(**{field: NUL_TEXT}), got.version),
                        field, message="NUL character")
    assert products.get_product(db, made.id) == got


EMPLOYEE_TEXT = {"first_name": 100, "last_name": 150, "street": 200, "city": 100, "province": 100,
                 "emergency_contact": 200, "position": 120, "user_name": 64, "code": 20}
EMPLOYEE_CHECKED = ("tax_id", "postal_code", "phone", "email", "iban", "social_security_number", "country")


def _employee(**kw) -> EmployeeData:
    return EmployeeData(**{"first_name": "Ana", "last_name": "García", "tax_id": "12345678Z",
                           "hire_date": dt.date(2024, 1, 8), **kw})


def test_employee_text_fields(db):
    sizes = _table_sizes(db)
    for field, max_len in EMPLOYEE_TEXT.items():
        _expect_refused(lambda: employees.create_employee(db, _employee(**{field: NUL_TEXT}), today=TODAY), field,
                        message="NUL character")
        _expect_refused(lambda: employees.create_employee(db, _employee(**{field: LONG_TEXT}), today=TODAY), field,
                        message=_max_len_message(max_len))
    for field in EMPLOYEE_CHECKED:
        _expect_refused(lambda: employees.create_employee(db, _employee(**{field: NUL_TEXT}), today=TODAY), field)
        _expect_refused(lambda: employees.create_employee(db, _employee(**{field: LONG_TEXT}), today=TODAY), field)
    assert _table_sizes(db) == sizes

    hostile = {field: INJECTION[:max_len] for field, max_len in EMPLOYEE_TEXT.items()}
    made = employees.create_employee(db, _employee(**hostile), today=TODAY)
    got = employees.get_employee(db, made.id)
    assert {f: getattr(got, f) for f in hostile} == hostile
    for field, max_len in EMPLOYEE_TEXT.items():
        _expect_refused(lambda: employees.update_employee(db, made.id, _employee(**{field: LONG_TEXT}), got.version,
                                                          today=TODAY), field, message=_max_len_message(max_len))
        _expect_refused(lambda: employees.update_employee(db, made.id, _employee(**{field: NUL_TEXT}), got.version,
                                                          today=TODAY), field, message="NUL character")
    assert employees.get_employee(db, made.id) == got


CONTRACT_TEXT = {"title": 200, "reference": 40, "notes": 4000}


def test_contract_text_fields(db):
    customer = parties.create_party(db, _party())
    base = ContractData(kind="customer", title="Mantenimiento", start_date=dt.date(2026, 1, 1), party_id=customer.id,
                        lines=[ContractLineData("Revisión", Decimal("1"), Decimal("40"), tax_rate_id("IVA21"))])
    sizes = _table_sizes(db)
    for field, max_len in CONTRACT_TEXT.items():
        _expect_refused(lambda: contracts.create_contract(db, dataclasses.replace(base, **{field: NUL_TEXT})), field,
                        message="NUL character")
        _expect_refused(lambda: contracts.create_contract(db, dataclasses.replace(base, **{field: LONG_TEXT})), field,
                        message=_max_len_message(max_len))
    for bad, message in ((NUL_TEXT, "NUL character"), (LONG_TEXT, _max_len_message(500))):
        line = ContractLineData(bad, Decimal("1"), Decimal("40"), tax_rate_id("IVA21"))
        _expect_refused(lambda: contracts.create_contract(db, dataclasses.replace(base, lines=[line])),
                        "lines[0].description", message=message)
    assert _table_sizes(db) == sizes

    hostile = {field: INJECTION for field in CONTRACT_TEXT}
    line = ContractLineData(INJECTION, Decimal("1"), Decimal("40"), tax_rate_id("IVA21"))
    made = contracts.create_contract(db, dataclasses.replace(base, **hostile, lines=[line]))
    got = contracts.get_contract(db, made.id)
    assert {f: getattr(got, f) for f in hostile} == hostile and got.lines[0].description == INJECTION
    for field, max_len in CONTRACT_TEXT.items():
        _expect_refused(lambda: contracts.update_contract(db, made.id, dataclasses.replace(base, **{field: LONG_TEXT}),
                                                          got.version), field, message=_max_len_message(max_len))
        _expect_refused(lambda: contracts.update_contract(db, made.id, dataclasses.replace(base, **{field: NUL_TEXT}),
                                                          got.version), field, message="NUL character")
    assert contracts.get_contract(db, made.id) == got
    assert _table_sizes(db)[Contract.__tablename__] == 1


def test_broken_unicode_is_refused_on_its_field(db):
    _expect_refused(lambda: parties.create_party(db, _party(legal_name="Caf\ud800")), "legal_name",
                    message="not valid text")
    assert parties.count_parties(db) == 0


def test_the_validator_names_the_nul_before_the_length():
    from app.services.validation import Validator

    v = Validator()
    assert v.text("notes", "x" * 300 + "\x00", max_len=10) is not None
    assert [(e.field, "NUL character" in e.message) for e in v.errors] == [("notes", True)]
    v = Validator()
    v.required("name", "\x00")
    assert v.errors[0].field == "name" and "NUL" in v.errors[0].message
    v = Validator()
    assert v.text("name", "  O'Brien; --  ") == "O'Brien; --" and not v.errors
