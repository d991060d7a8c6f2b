"""Scenarios of a clerk filing contracts with customers, suppliers and staff."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.contracts import Contract, ContractAttachment, ContractLine
from app.errors import ConflictError, NotFoundError, ValidationError
from app.services import contracts, parties
from app.services.contracts import ContractData, ContractLineData
from app.services.employees import EmployeeData, create_employee
from app.services.listing import ListQuery
from app.services.parties import PartyData
from app.services.setup import tax_rate_id

IVA21 = tax_rate_id("IVA21")
TODAY = dt.date(2024, 6, 1)


def _count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def people(db):
    customer = parties.create_party(db, PartyData(legal_name="Hotel Sol SA", is_customer=True))
    supplier = parties.create_party(db, PartyData(legal_name="Limpiezas Brillo SL", is_customer=False,
                                                  is_supplier=True, code="P1"))
    gone = parties.create_party(db, PartyData(legal_name="Cerrado SL", code="C9"))
    parties.archive_party(db, gone.id)
    ana = create_employee(db, EmployeeData("Ana", "García Pérez", "12345678Z", dt.date(2020, 1, 1)))
    return {"customer": customer.id, "supplier": supplier.id, "archived": gone.id, "employee": ana.id,
            "ghost": uuid.uuid4(), None: None}


def _maintenance(people, **kw) -> ContractData:
    values = dict(kind="customer", title="Mantenimiento anual", start_date=dt.date(2024, 1, 1),
                  party_id=people["customer"], reference="CT-2024-01", end_date=dt.date(2024, 12, 31),
                  auto_renew=True, renewal_months=12, notice_days=30, value=Decimal("1200.00"),
                  billing_frequency="monthly", billing_day=1,
                  lines=[ContractLineData("Cuota mensual", 1, Decimal("100.0000"), IVA21)])
    values.update(kw)
    return ContractData(**values)


def test_file_a_customer_contract_with_price_lines(db, people):
    view = contracts.create_contract(db, _maintenance(people))
    assert view.counterparty == "Hotel Sol SA"
    assert view.status == "draft"
    assert view.lines[0].unit_price == Decimal("100.0000")
    assert contracts.get_contract(db, view.id) == view
    updated = contracts.update_contract(db, view.id, _maintenance(people, lines=[
        ContractLineData("Cuota mensual", 1, Decimal("90"), IVA21),
        ContractLineData("Revisión", Decimal("0.5"), Decimal("40"), tax_rate_id("IVA10")),
    ]), view.version)
    assert updated.version == 2 and updated.status == "draft"
    assert [ln.description for ln in updated.lines] == ["Cuota mensual", "Revisión"]
    assert _count(db, ContractLine) == 2
    lines_only = contracts.update_contract(db, view.id, _maintenance(people), updated.version)
    assert lines_only.version == 3  # changing only the lines still moves the version on


def test_employment_and_supplier_contracts(db, people):
    job = contracts.create_contract(db, ContractData("employment", "Contrato indefinido", dt.date(2020, 1, 1),
                                                     employee_id=people["employee"]))
    assert job.counterparty == "Ana García Pérez"
    cleaning = contracts.create_contract(db, ContractData("supplier", "Limpieza oficinas", dt.date(2024, 2, 1),
                                                          party_id=people["supplier"]))
    assert cleaning.counterparty == "Limpiezas Brillo SL"


@pytest.mark.parametrize(
    "field, changes",
    [
        ("title", {"title": "  "}),
        ("kind", {"kind": "lease"}),
        ("status", {"status": "signed"}),
        ("start_date", {"start_date": None}),
        ("end_date", {"end_date": dt.date(2023, 12, 31)}),
        ("end_date", {"auto_renew": True, "end_date": None}),
        ("renewal_months", {"auto_renew": True, "renewal_months": None}),
        ("renewal_months", {"auto_renew": True, "renewal_months": 0}),
        ("renewal_months", {"auto_renew": True, "renewal_months": 121}),
        ("notice_days", {"notice_days": -1}),
        ("notice_days", {"notice_days": 3651}),
        ("value", {"value": Decimal("-0.01")}),
        ("value", {"value": Decimal("1.001")}),
        ("billing_frequency", {"billing_frequency": "weekly"}),
        ("billing_day", {"billing_frequency": "monthly", "billing_day": None}),
        ("billing_day", {"billing_frequency": "quarterly", "billing_day": 32}),
        ("billing_day", {"billing_frequency": "yearly", "billing_day": 0}),
        ("billing_day", {"billing_frequency": None, "billing_day": 5}),
        ("party_id", {"party_id": None}),
        ("party_id", {"party_id": "ghost"}),
        ("party_id", {"party_id": "archived"}),
        ("party_id", {"party_id": "supplier"}),  # a customer contract needs a customer
        ("party_id", {"kind": "supplier", "party_id": "customer"}),
        ("employee_id", {"employee_id": "employee"}),  # a customer contract names no employee
        ("employee_id", {"kind": "employment", "party_id": None, "employee_id": None}),
        ("employee_id", {"kind": "employment", "party_id": None, "employee_id": "ghost"}),
        ("party_id", {"kind": "employment", "employee_id": "employee"}),  # ... and no party
        ("lines[0].description", {"lines": [ContractLineData("", 1, 1, IVA21)]}),
        ("lines[0].quantity", {"lines": [ContractLineData("x", 0, 1, IVA21)]}),
        ("lines[1].unit_price", {"lines": [ContractLineData("x", 1, 1, IVA21), ContractLineData("y", 1, -1, IVA21)]}),
        ("lines[0].tax_rate_id", {"lines": [ContractLineData("x", 1, 1, tax_rate_id("IRPF15"))]}),
        ("lines[0].tax_rate_id", {"lines": [ContractLineData("x", 1, 1, None)]}),
        ("lines[0].product_id", {"lines": [ContractLineData("x", 1, 1, IVA21, product_id=uuid.uuid4())]}),
    ],
)
def test_bad_contract_input_names_the_field_and_writes_nothing(db, people, field, changes):
    changes = {k: (people[v] if k in ("party_id", "employee_id") else v) for k, v in changes.items()}
    stored = contracts.create_contract(db, _maintenance(people))
    counts = (_count(db, Contract), _count(db, ContractLine))
    with pytest.raises(ValidationError) as err:
        contracts.create_contract(db, _maintenance(people, **changes))
    assert field in err.value.fields
    assert err.value.message_for(field)
    with pytest.raises(ValidationError) as err:
        contracts.update_contract(db, stored.id, _maintenance(people, **changes), stored.version)
    assert field in err.value.fields
    assert (_count(db, Contract), _count(db, ContractLine)) == counts
    assert contracts.get_contract(db, stored.id) == stored


def test_stale_contract_form_is_a_conflict(db, people):
    view = contracts.create_contract(db, _maintenance(people))
    contracts.update_contract(db, view.id, _maintenance(people, title="Nuevo"), view.version)
    with pytest.raises(ConflictError):
        contracts.update_contract(db, view.id, _maintenance(people, title="Viejo"), view.version)
    assert contracts.get_contract(db, view.id).title == "Nuevo"


def test_attachments_keep_their_bytes_and_refuse_empty_or_oversized_files(db, people):
    view = contracts.create_contract(db, _maintenance(people))
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40
    att = contracts.add_attachment(db, view.id, "C:\\Escaneos\\contrato firmado.pdf", pdf)
    assert (att.filename, att.mime_type, att.size) == ("contrato firmado.pdf", "application/pdf", len(pdf))
    assert att.sha256 == hashlib.sha256(pdf).hexdigest()
    assert contracts.get_attachment_data(db, att.id) == pdf
    note = contracts.add_attachment(db, view.id, "nota", b"x", mime_type="text/plain")
    listed = contracts.list_attachments(db, view.id)
    assert [a.filename for a in listed] == ["contrato firmado.pdf", "nota"]
    assert listed[0] == att

    before = _count(db, ContractAttachment)
    for data, limit in ((b"", 100), (b"x" * 101, 100)):
        with pytest.raises(ValidationError) as err:
            contracts.add_attachment(db, view.id, "scan.pdf", data, max_bytes=limit)
        assert err.value.field == "attachment"
    with pytest.raises(ValidationError) as err:
        contracts.add_attachment(db, view.id, "big.pdf", b"\0" * (contracts.MAX_ATTACHMENT_BYTES + 1))
    assert err.value.field == "attachment"
    with pytest.raises(ValidationError) as err:
        contracts.add_attachment(db, view.id, "  ", b"data")
    assert err.value.field == "filename"
    with pytest.raises(NotFoundError):
        contracts.add_attachment(db, uuid.uuid4(), "a.txt", b"data")
    assert _count(db, ContractAttachment) == before == 2

    contracts.remove_attachment(db, note.id)
    assert [a.id for a in contracts.list_attachments(db, view.id)] == [att.id]
    with pytest.raises(NotFoundError):
        contracts.get_attachment_data(db, note.id)


def test_contract_list_pages_both_ways_searches_and_filters(db, people):
    for i in range(61):
        end = TODAY + dt.timedelta(days=i) if i % 2 else None
        contracts.create_contract(db, ContractData(
            "customer", f"Servicio {i:03d}", TODAY - dt.timedelta(days=i), party_id=people["customer"],
            reference=f"REF{i:03d}", end_date=end, status="active" if i % 3 else "draft", value=Decimal(i)))
    contracts.create_contract(db, ContractData("employment", "Contrato Ana", dt.date(2020, 1, 1),
                                               employee_id=people["employee"], end_date=TODAY - dt.timedelta(days=1)))

    def pages(q):
        rows, after = [], None
        while True:
            page = contracts.list_contracts(db, ListQuery(sort=q.sort, descending=q.descending, limit=q.limit,
                                                          after=after, filters=q.filters))
            rows += page.rows
            if not page.has_more:
                return rows
            after = page.next_after

    for sort in ("start_date", "end_date", "counterparty", "value"):
        up = pages(ListQuery(sort=sort, limit=8))
        down = pages(ListQuery(sort=sort, limit=8, descending=True))
        assert len(up) == len({r["__id"] for r in up}) == 62, sort
        assert up == down[::-1], sort

    assert [r["title"] for r in contracts.list_contracts(db, ListQuery(search="ana")).rows] == ["Contrato Ana"]
    assert contracts.count_contracts(db, ListQuery(search="hotel sol")) == 61
    assert contracts.count_contracts(db, ListQuery(search="ref05")) == 10
    assert contracts.count_contracts(db, ListQuery(filters={"kind": "employment"})) == 1
    assert contracts.count_contracts(db, ListQuery(filters={"status": "draft"})) == 21 + 1
    ending = contracts.list_contracts(db, ListQuery(filters={"ending_within_days": 10, "today": TODAY}, limit=100))
    assert sorted(r["reference"] for r in ending.rows) == [f"REF{i:03d}" for i in (1, 3, 5, 7, 9)]
    first = ending.rows[0]["__id"]
    contracts.archive_contract(db, first)
    assert contracts.count_contracts(db, ListQuery(filters={"ending_within_days": 10, "today": TODAY})) == 4
    assert contracts.count_contracts(db, ListQuery(filters={"include_archived": True})) == 62
    assert contracts.restore_contract(db, first).archived_at is None
