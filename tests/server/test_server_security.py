"""The server is the gate: each role reads and changes only what its job allows, in the app and in psql.

A scratch database is set up by ``server init`` (``app.db.server_admin``) on
this machine's PostgreSQL, which trusts local logins: each test adds logins
of its own (unique names, dropped afterwards) and connects as them, through
the app's services (``open_database``) and as raw SQL over psycopg.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import psycopg
import pytest
from psycopg import errors as pg
from sqlalchemy import func, select, text

from app.db.server_admin import MATRIX, init_server, remove_user, set_role
from app.db.session import Database
from app.domain.employees import Employee, PersonalDataAudit
from app.domain.enums import LeaveKind
from app.domain.invoices import Invoice, Payment
from app.domain.verifactu import InvoiceRecord
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services import (
    company,
    contracts,
    corrections,
    employee_documents,
    employees,
    history,
    invoices,
    leave,
    parties,
    payments,
    posting,
    products,
    series,
)
from app.services.contracts import ContractData, ContractLineData
from app.services.employees import EmployeeData
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.leave import LeaveRequestData
from app.services.listing import ListQuery
from app.services.parties import PartyData
from app.services.payments import PaymentData
from app.services.products import ProductData
from app.services.series import SeriesData
from app.services.setup import tax_rate_id
from tests.server.conftest import raw

pytestmark = pytest.mark.postgres
TODAY = dt.date.today()
D = Decimal


def refused(conn, statement: str, params=None) -> str:
    """The server's refusal (SQLSTATE 42501) of ``statement``, as text."""
    with pytest.raises(pg.InsufficientPrivilege) as err:
        conn.execute(statement, params)
    return str(err.value)


def count(db: Database, model, *where) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


# -- making things ----------------------------------------------------------------------------

def _customer(db: Database) -> uuid.UUID:
    return parties.create_party(db, PartyData(legal_name=f"Ferretería {uuid.uuid4().hex[:6]} SL", tax_id="B12345674",
                                              street="Calle Alta 3", postal_code="28001", city="Madrid")).id


def _posted_invoice(db: Database, amount: str = "100") -> invoices.InvoiceView:
    party = _customer(db)
    draft = invoices.create_draft(db, InvoiceData(issue_date=TODAY, party_id=party, moves_stock=False, lines=[
        InvoiceLineData(description="Servicio", quantity=1, unit_price=D(amount), tax_rate_id=tax_rate_id("IVA21"))]))
    return posting.post_invoice(db, draft.id)


def _employee(db: Database, **kw) -> employees.EmployeeView:
    data = {"first_name": "Ana", "last_name": f"Gil {uuid.uuid4().hex[:4]}", "tax_id": "12345678Z",
            "hire_date": dt.date(2024, 1, 8), "salary": D("28000.00"), "iban": "ES9121000418450200051332",
            "social_security_number": "281234567840"}
    data.update(kw)
    return employees.create_employee(db, EmployeeData(**data))


def _employment_contract(db: Database, employee_id: uuid.UUID) -> contracts.ContractView:
    return contracts.create_contract(db, ContractData(kind="employment", title="Contrato indefinido",
                                                      start_date=dt.date(2024, 1, 8), employee_id=employee_id,
                                                      value=D("28000.00")))


def _customer_contract(db: Database) -> contracts.ContractView:
    return contracts.create_contract(db, ContractData(
        kind="customer", title="Mantenimiento", start_date=TODAY, party_id=_customer(db),
        lines=[ContractLineData(description="Cuota", quantity=1, unit_price=D("50"),
                                tax_rate_id=tax_rate_id("IVA21"))]))


# -- set-up ------------------------------------------------------------------------------------

def test_init_makes_the_groups_revokes_public_and_is_idempotent(shop, login):
    url, engine, report = shop
    assert report.unknown == () and report.revision
    assert init_server(engine) == report  # again: nothing changes, nothing fails
    with engine.connect() as conn:
        member = conn.execute(text(
            "SELECT pg_has_role('trastienda_admin', 'trastienda_clerk', 'MEMBER'), "
            "pg_has_role('trastienda_admin', 'trastienda_hr', 'MEMBER'), "
            "pg_has_role('trastienda_accountant', 'trastienda_clerk', 'MEMBER'), "
            "pg_has_role('trastienda_hr', 'trastienda_clerk', 'MEMBER'), "
            "pg_has_role('trastienda_clerk', 'trastienda_accountant', 'MEMBER')")).one()
        assert tuple(member) == (True, True, True, False, False)
        assert conn.execute(text("SELECT count(*) FROM information_schema.role_table_grants "
                                 "WHERE grantee = 'PUBLIC' AND table_schema = current_schema()")).scalar() == 0
        tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
                     .scalars())
    assert tables <= set(MATRIX), "a table the privilege matrix does not name: add it to MATRIX"
    # A login in no Trastienda group may not even connect.
    stranger = f"stranger_{uuid.uuid4().hex[:8]}"
    with engine.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{stranger}" LOGIN'))
        conn.commit()
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(host=url.host, port=url.port or 5432, user=stranger, dbname=url.database).close()
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP ROLE "{stranger}"'))
            conn.commit()
    roles = {role: login(role).roles for role in ("clerk", "accountant", "hr", "admin")}
    assert roles == {"clerk": {"clerk"}, "accountant": {"accountant", "clerk"}, "hr": {"hr"},
                     "admin": {"clerk", "accountant", "hr", "admin"}}


# -- clerk -------------------------------------------------------------------------------------

def test_a_clerk_sells_stocks_and_keeps_customer_contracts(login, owner):
    clerk = login("clerk")
    item = products.create_product(clerk, ProductData(sku=f"T-{uuid.uuid4().hex[:6]}", name="Tornillos",
                                                      tax_rate_id=tax_rate_id("IVA21"), sale_price="1.25", cost="0.60"))
    records = count(owner, InvoiceRecord)
    posted = _posted_invoice(clerk)
    assert posted.status == "posted" and posted.full_number
    assert count(owner, InvoiceRecord) == records + 1  # the VERI*FACTU record, written by the clerk
    contract = _customer_contract(clerk)
    assert contracts.get_contract(clerk, contract.id).title == "Mantenimiento"
    assert products.get_product(clerk, item.id).name == "Tornillos"
    with owner.session() as s:
        assert s.get(Invoice, posted.id).updated_by == clerk.user


def test_a_clerk_cannot_pay_credit_cancel_nor_set_up_and_nothing_is_half_written(login, owner):
    clerk = login("clerk")
    posted = _posted_invoice(clerk)
    for attempt, field in (
            (lambda: payments.record_payment(clerk, posted.id, PaymentData(date=TODAY, amount="10")), "status"),
            (lambda: corrections.create_credit_note(clerk, posted.id, "R1"), "kind"),
            (lambda: corrections.cancel_invoice(clerk, posted.id, "Duplicada"), "status"),
            (lambda: series.create_series(clerk, SeriesData(code="X", name="Otra", prefix="X")), None),
            (lambda: company.save_company(clerk, company.CompanyData(
                legal_name="Otra SL", tax_id="B58378431", street="Calle Baja 2", postal_code="50002",
                city="Zaragoza"), company.get_company(clerk).version), None),
            (lambda: _employee(clerk, salary=employees.KEEP, iban=employees.KEEP,
                               social_security_number=employees.KEEP), None)):
        with pytest.raises(PermissionDeniedError) as err:
            attempt()
        assert str(err.value).startswith(f"The server does not let {clerk.user} do this:"), err.value
        assert err.value.field == field
    assert count(owner, Payment, Payment.invoice_id == posted.id) == 0
    assert invoices.get_invoice(owner, posted.id).status == "posted"
    assert count(owner, Invoice, Invoice.corrected_invoice_id == posted.id) == 0
    assert count(owner, InvoiceRecord, InvoiceRecord.invoice_id == posted.id) == 1
    assert company.get_company(owner).legal_name == "Suministros Ebro SL"


def test_a_clerk_sees_no_pay_no_employment_contract_and_no_blocked_employee(login, owner):
    clerk, hr = login("clerk"), login("hr")
    ana = _employee(hr)
    hidden = _employment_contract(hr, ana.id)
    blocked = _employee(hr, first_name="Luis")
    employees.block_employee(hr, blocked.id, "Solicitud de supresión")
    mine = _customer_contract(clerk)

    assert employees.get_employee(clerk, ana.id).first_name == "Ana"  # names are for everyone
    names = {r["first_name"] for r in employees.list_employees(clerk, ListQuery(search=ana.last_name)).rows}
    assert names == {"Ana"}
    with pytest.raises(PermissionDeniedError):
        employees.get_restricted(clerk, ana.id)
    with pytest.raises(NotFoundError):
        contracts.get_contract(clerk, hidden.id)
    listed = {r["__id"] for r in contracts.list_contracts(clerk, ListQuery(limit=500)).rows}
    assert mine.id in listed and hidden.id not in listed
    with pytest.raises(NotFoundError):
        employees.get_employee(clerk, blocked.id)

    with raw(clerk) as conn:
        assert "permission denied for table employee" in refused(conn, "SELECT salary FROM employee")
        refused(conn, "SELECT * FROM employee")
        refused(conn, "SELECT iban FROM employee")
        refused(conn, "SELECT reason FROM leave_request")
        refused(conn, "SELECT * FROM employee_document")
        refused(conn, "SELECT * FROM personal_data_audit")
        refused(conn, "SELECT * FROM audit_log")
        assert conn.execute("SELECT first_name FROM employee WHERE id = %s", (ana.id,)).fetchall() == [("Ana",)]
        assert conn.execute("SELECT count(*) FROM employee WHERE id = %s", (blocked.id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM contract WHERE kind = 'employment'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM contract WHERE id = %s", (mine.id,)).fetchone() == (1,)
    with owner.session() as s:  # they are there: the server keeps them from the clerk
        assert s.execute(select(func.count()).select_from(Employee).where(Employee.id == blocked.id)).scalar() == 1


def test_a_clerk_with_psql_cannot_rewrite_numbers_payments_or_trails(login, owner):
    clerk = login("clerk")
    posted = _posted_invoice(clerk)
    with raw(clerk) as conn:
        assert "numbers of series" in refused(conn, "UPDATE invoice_series SET next_number = next_number + 10")
        refused(conn, "UPDATE company SET legal_name = 'Mía SL'")
        assert "locked but not changed" in refused(conn, "UPDATE company SET updated_at = now()")
        assert conn.execute("SELECT count(*) FROM (SELECT id FROM company FOR UPDATE) x").fetchone() == (1,)
        assert "only an accountant" in refused(conn, "UPDATE invoice SET paid_total = total WHERE id = %s",
                                               (posted.id,))
        refused(conn, "DELETE FROM invoice WHERE id = %s", (posted.id,))
        refused(conn, "INSERT INTO payment (id, version, created_at, updated_at, invoice_id, date, amount, method) "
                      "VALUES (gen_random_uuid(), 1, now(), now(), %s, current_date, 1, 'cash')", (posted.id,))
        refused(conn, "DELETE FROM verifactu_record")
        refused(conn, "UPDATE verifactu_record SET hash = 'x'")
        refused(conn, "UPDATE stock_move SET quantity = 1")
        refused(conn, "TRUNCATE party CASCADE")
        refused(conn, "INSERT INTO employee (id, version, created_at, updated_at, code, first_name, last_name, "
                      "country, hire_date, payments_per_year) "
                      "VALUES (gen_random_uuid(), 1, now(), now(), 'X1', 'X', 'Y', 'ES', current_date, 14)")
    assert invoices.get_invoice(owner, posted.id).paid_total == 0


def test_a_clerk_with_psql_posts_only_with_the_number_the_series_gives(login, owner):
    clerk = login("clerk")
    first = _posted_invoice(clerk)  # F<year>-000001 (or the series' next)
    draft = invoices.create_draft(clerk, InvoiceData(issue_date=TODAY, party_id=_customer(clerk), moves_stock=False,
                                                     lines=[InvoiceLineData(description="Servicio", quantity=1,
                                                                            unit_price=D("10"),
                                                                            tax_rate_id=tax_rate_id("IVA21"))]))
    with raw(clerk) as conn:
        # A number of one's choosing, without stepping the series: refused.
        assert "next number of its series" in refused(
            conn, "UPDATE invoice SET status = 'posted', number = 999, fiscal_year = %s, full_number = 'F-999' "
                  "WHERE id = %s", (TODAY.year, draft.id))
        # The series' next number, but written by hand in another shape: refused.
        conn.execute("BEGIN")
        conn.execute("UPDATE invoice_series SET next_number = next_number + 1 WHERE id = %s", (first.series_id,))
        refused(conn, "UPDATE invoice SET status = 'posted', number = %s, fiscal_year = %s, full_number = 'X' "
                      "WHERE id = %s", (first.number + 1, TODAY.year, draft.id))
        conn.execute("ROLLBACK")
        assert "starts as a draft" in refused(
            conn, "INSERT INTO invoice (id, version, created_at, updated_at, series_id, kind, status, issue_date, "
                  "party_name) SELECT gen_random_uuid(), 1, now(), now(), series_id, kind, 'posted', issue_date, "
                  "party_name FROM invoice WHERE id = %s", (draft.id,))
    second = posting.post_invoice(clerk, draft.id)  # the app's posting passes the rule
    assert second.number == first.number + 1
    assert invoices.get_invoice(owner, draft.id).status.value == "posted"


# -- accountant --------------------------------------------------------------------------------

def test_an_accountant_pays_credits_cancels_and_keeps_series_taxes_and_company(login, owner):
    accountant, hr = login("accountant"), login("hr")
    posted = _posted_invoice(accountant, "200")
    paid = payments.record_payment(accountant, posted.id, PaymentData(date=TODAY, amount="50"))
    assert paid.amount == D("50.00") and invoices.get_invoice(owner, posted.id).paid_total == D("50.00")
    credit = corrections.create_credit_note(accountant, posted.id, "R1")
    assert posting.post_invoice(accountant, credit.id).status == "posted"
    assert invoices.get_invoice(owner, posted.id).outstanding == 0  # the credit note settled what was left
    assert corrections.cancel_invoice(accountant, credit.id, "Emitida por error").status == "cancelled"
    assert invoices.get_invoice(owner, posted.id).outstanding == posted.total - D("50.00")  # owed again
    other = _posted_invoice(accountant)
    assert corrections.cancel_invoice(accountant, other.id, "Duplicada").status == "cancelled"
    code = f"A{uuid.uuid4().hex[:3].upper()}"
    assert series.create_series(accountant, SeriesData(code=code, name="Abonos", prefix=code)).code == code
    current = company.get_company(accountant)
    saved = company.save_company(accountant, company.CompanyData(
        legal_name=current.legal_name, tax_id=current.tax_id, street=current.street, postal_code=current.postal_code,
        city=current.city, phone="976000000"), current.version)
    assert saved.phone == "976000000"
    with raw(accountant) as conn:
        conn.execute("UPDATE tax_rate SET name = name WHERE code = 'IVA21'")
        refused(conn, "SELECT salary FROM employee")
        assert conn.execute("SELECT count(*) FROM contract WHERE kind = 'employment'").fetchone() == (0,)
    ana = _employee(hr)
    with pytest.raises(PermissionDeniedError):
        employees.get_restricted(accountant, ana.id)


_LINE_COLUMNS = ("id, version, created_at, updated_at, invoice_id, position, product_id, description, quantity, "
                 "unit_price, discount_percent, tax_rate_id, tax_percent, recargo_percent, amount")


def _lines(conn, invoice_id) -> list[tuple]:
    return conn.execute(f"SELECT {_LINE_COLUMNS} FROM invoice_line WHERE invoice_id = %s ORDER BY position",
                        (invoice_id,)).fetchall()


def _add_line(conn, invoice_id, line_of):
    """INSERT a copy of line ``line_of`` into ``invoice_id``, as psql would."""
    conn.execute("INSERT INTO invoice_line (id, version, created_at, updated_at, invoice_id, position, product_id, "
                 "description, quantity, unit_price, discount_percent, tax_rate_id, tax_percent, recargo_percent, "
                 "amount) SELECT gen_random_uuid(), 1, now(), now(), %s, 99, product_id, 'Extra', quantity, "
                 "unit_price, discount_percent, tax_rate_id, tax_percent, recargo_percent, amount "
                 "FROM invoice_line WHERE id = %s", (invoice_id, line_of))


@pytest.mark.parametrize("role", ["clerk", "accountant"])
def test_nobody_changes_the_lines_of_a_posted_or_cancelled_invoice_with_psql(login, owner, role):
    user = login(role)
    posted = _posted_invoice(user, "120")
    accountant = user if role == "accountant" else login("accountant")
    cancelled = corrections.cancel_invoice(accountant, _posted_invoice(user, "80").id, "Duplicada")
    assert cancelled.status == "cancelled"
    draft = invoices.create_draft(user, InvoiceData(issue_date=TODAY, party_id=_customer(user), moves_stock=False,
                                                    lines=[InvoiceLineData(description="Portes", quantity=1,
                                                           unit_price=D("10"), tax_rate_id=tax_rate_id("IVA21"))]))
    draft_line = draft.lines[0].id
    with raw(owner) as conn:
        before = {i.id: _lines(conn, i.id) for i in (posted, cancelled)}
    for inv in (posted, cancelled):
        line = inv.lines[0].id
        with raw(user) as conn:
            message = refused(conn, "UPDATE invoice_line SET quantity = 2, amount = 240 WHERE id = %s", (line,))
            assert inv.full_number in message and inv.status in message and "credit note" in message
            assert inv.full_number in refused(conn, "DELETE FROM invoice_line WHERE invoice_id = %s", (inv.id,))
            with pytest.raises(pg.InsufficientPrivilege, match=inv.full_number):
                _add_line(conn, inv.id, line)
            # Nor moved out of it, nor a draft's line moved into it.
            assert inv.full_number in refused(conn, "UPDATE invoice_line SET invoice_id = %s WHERE id = %s",
                                              (draft.id, line))
            assert inv.full_number in refused(conn, "UPDATE invoice_line SET invoice_id = %s WHERE id = %s",
                                              (inv.id, draft_line))
        # Through the app's own session: a PermissionDeniedError naming the lines.
        with pytest.raises(PermissionDeniedError) as err, user.session() as s:
            s.execute(text("UPDATE invoice_line SET description = 'Otra cosa' WHERE id = :id"), {"id": line})
        assert err.value.field == "lines" and inv.full_number in str(err.value)
    with raw(owner) as conn:
        assert {i.id: _lines(conn, i.id) for i in (posted, cancelled)} == before  # nothing changed
        assert len(_lines(conn, draft.id)) == 1
    # A draft's lines: changed, added and removed as before.
    with raw(user) as conn:
        conn.execute("UPDATE invoice_line SET quantity = 3, amount = 30 WHERE id = %s", (draft_line,))
        _add_line(conn, draft.id, draft_line)
        assert [r[8] for r in _lines(conn, draft.id)] == [D("3.0000"), D("3.0000")]
        conn.execute("DELETE FROM invoice_line WHERE invoice_id = %s AND position = 99", (draft.id,))
        assert len(_lines(conn, draft.id)) == 1
    # The app still edits and posts the draft, and credits the posted invoice.
    again = invoices.update_draft(user, draft.id, InvoiceData(
        issue_date=TODAY, party_id=draft.party_id, moves_stock=False, lines=[
            InvoiceLineData(description="Portes", quantity=2, unit_price=D("10"), tax_rate_id=tax_rate_id("IVA21")),
            InvoiceLineData(description="Embalaje", quantity=1, unit_price=D("5"), tax_rate_id=tax_rate_id("IVA21"))]),
        expected_version=invoices.get_invoice(user, draft.id).version)
    done = posting.post_invoice(user, again.id)
    assert done.status == "posted" and len(done.lines) == 2 and done.full_number
    credit = corrections.create_credit_note(accountant, posted.id, "R1")
    assert posting.post_invoice(accountant, credit.id).status == "posted"
    # The owner (here a superuser) may still mend a line.
    with raw(owner) as conn, conn.transaction():
        conn.execute("UPDATE invoice_line SET description = description WHERE invoice_id = %s", (posted.id,))


# -- hr and admin -------------------------------------------------------------------------------

def test_hr_keeps_pay_leave_documents_and_employment_contracts(login, owner):
    hr = login("hr")
    ana = _employee(hr)
    assert employees.get_restricted(hr, ana.id).salary == D("28000.00")
    data = EmployeeData(first_name="Ana", last_name=ana.last_name, tax_id="12345678Z", hire_date=ana.hire_date,
                        salary=D("30000"))
    employees.update_employee(hr, ana.id, data, ana.version)
    assert employees.get_restricted(hr, ana.id).salary == D("30000.00")
    flu = leave.create_leave_request(hr, LeaveRequestData(employee_id=ana.id, kind=LeaveKind.SICK,
                                                          start_date=dt.date(2024, 5, 6), end_date=dt.date(2024, 5, 8),
                                                          reason="Gripe"))
    assert leave.get_leave_request(hr, flu.id).reason == "Gripe"
    doc = employee_documents.add_document(hr, ana.id, "certificate", "Título", "titulo.pdf", b"%PDF-1.4 test")
    assert employee_documents.get_document_data(hr, doc.id) == b"%PDF-1.4 test"
    job = _employment_contract(hr, ana.id)
    assert contracts.get_contract(hr, job.id).kind == "employment"
    with raw(hr) as conn:
        assert conn.execute("SELECT salary FROM employee WHERE id = %s", (ana.id,)).fetchone() == (D("30000.00"),)
        assert conn.execute("SELECT reason FROM leave_request WHERE id = %s", (flu.id,)).fetchone() == ("Gripe",)
        assert conn.execute("SELECT count(*) FROM contract WHERE kind <> 'employment'").fetchone() == (0,)
        refused(conn, "SELECT * FROM invoice")
        refused(conn, "UPDATE personal_data_audit SET note = 'x'")
        refused(conn, "DELETE FROM personal_data_audit")
    assert count(owner, PersonalDataAudit, PersonalDataAudit.employee_id == ana.id) >= 4


def test_only_an_admin_sees_a_blocked_employee_yet_hr_may_block(login, owner):
    hr, admin, clerk = login("hr"), login("admin"), login("clerk")
    luis = _employee(hr, first_name="Luis")
    leave.create_leave_request(clerk, LeaveRequestData(employee_id=luis.id, kind="vacation",
                                                       start_date=dt.date(2024, 7, 1), end_date=dt.date(2024, 7, 5)))
    blocked = employees.block_employee(hr, luis.id, "Solicitud de supresión", luis.version)
    assert blocked.blocked
    with pytest.raises(NotFoundError):
        employees.get_employee(hr, luis.id)
    with raw(hr) as conn:
        assert conn.execute("SELECT count(*) FROM employee WHERE id = %s", (luis.id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM leave_request WHERE employee_id = %s", (luis.id,)).fetchone() == (0,)
        # A blind UPDATE cannot lift the block either: the row is not there for HR.
        assert conn.execute("UPDATE employee SET blocked_at = NULL WHERE blocked_at IS NOT NULL").rowcount == 0
    seen = employees.get_employee(admin, luis.id)
    assert seen.blocked and seen.block_reason == "Solicitud de supresión"
    assert employees.get_restricted(admin, luis.id).iban == "ES9121000418450200051332"
    employees.unblock_employee(admin, luis.id, seen.version)
    assert employees.get_employee(hr, luis.id).first_name == "Luis"
    trail = history.record_history(admin, "employee", luis.id)  # the audit trail is the admins' to read
    assert trail and {e.login for e in trail} >= {hr.user, admin.user}
    with raw(admin) as conn:
        refused(conn, "UPDATE personal_data_audit SET note = 'x'")
        refused(conn, "DELETE FROM verifactu_record")


def test_a_blocked_employees_code_and_login_stay_taken_though_hr_cannot_see_them(login, owner):
    hr = login("hr")
    luis = _employee(hr, first_name="Luis", user_name=f"luis_{uuid.uuid4().hex[:6]}")
    employees.block_employee(hr, luis.id, "Solicitud de supresión")
    written = count(owner, Employee)
    with pytest.raises(ValidationError) as err:
        _employee(hr, code=luis.code)
    assert err.value.field == "code" and luis.code in str(err.value)
    with pytest.raises(ValidationError) as err:
        _employee(hr, user_name=luis.user_name)
    assert err.value.field == "user_name"
    assert count(owner, Employee) == written  # nothing written
    codes = [_employee(hr).code for _ in range(3)]  # automatic codes step over the hidden one
    assert len(set(codes + [luis.code])) == 4 and count(owner, Employee) == written + 3


def test_a_clerk_who_manages_decides_leave_but_never_reads_a_reason(login, owner):
    hr, boss = login("hr"), login("clerk")
    manager = _employee(hr, first_name="Marta", user_name=boss.user)
    ana = _employee(hr, manager_id=manager.id)
    trip = leave.create_leave_request(boss, LeaveRequestData(employee_id=ana.id, kind="personal", reason="Mudanza",
                                                             start_date=dt.date(2024, 10, 7),
                                                             end_date=dt.date(2024, 10, 7)))
    assert trip.reason == "Mudanza"  # what they just typed
    decided = leave.set_leave_status(boss, trip.id, "approved")
    assert (decided.status, decided.approved_by_id) == ("approved", manager.id)
    assert decided.reason is None and decided.reason_hidden  # the server keeps reasons for HR
    assert [r.reason_hidden for r in leave.list_leave_requests(boss, ana.id)] == [True]
    assert leave.get_leave_request(hr, trip.id).reason == "Mudanza"
    with raw(boss) as conn:
        refused(conn, "UPDATE leave_request SET reason = 'x'")
        refused(conn, "UPDATE leave_request SET days = 0")


# -- losing a role while logged in ---------------------------------------------------------------

def test_a_user_demoted_or_removed_while_logged_in_is_refused_clearly_and_nothing_is_half_written(
        shop, login, owner):
    _url, engine, _report = shop
    accountant = login("accountant")
    posted = _posted_invoice(accountant, "300")
    payments.record_payment(accountant, posted.id, PaymentData(date=TODAY, amount="100"))
    set_role(engine, accountant.user, "clerk")  # the next action, on the same open connection
    with pytest.raises(PermissionDeniedError) as err:
        payments.record_payment(accountant, posted.id, PaymentData(date=TODAY, amount="100"))
    assert accountant.user in str(err.value) and "accountant" in str(err.value)
    assert count(owner, Payment, Payment.invoice_id == posted.id) == 1
    assert invoices.get_invoice(owner, posted.id).paid_total == D("100.00")
    assert invoices.get_invoice(accountant, posted.id).full_number == posted.full_number  # still a clerk
    remove_user(engine, accountant.user)
    with pytest.raises(PermissionDeniedError) as err:  # its privileges are gone, or the login itself
        invoices.get_invoice(accountant, posted.id)
    assert accountant.user in str(err.value)
    with pytest.raises(PermissionDeniedError):
        _posted_invoice(accountant)
    assert count(owner, Invoice, Invoice.party_name.like("Ferretería%"), Invoice.updated_by == accountant.user) == 1


def test_a_server_refusal_is_a_clear_error_naming_the_login_and_the_field(login):
    clerk = login("clerk")
    posted = _posted_invoice(clerk)
    with pytest.raises(PermissionDeniedError) as err:
        corrections.cancel_invoice(clerk, posted.id, "Error")
    assert err.value.field == "status"
    assert f"{clerk.user}" in str(err.value) and "only an accountant" in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__  # no driver traceback attached
