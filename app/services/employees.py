"""Employees: create, update, archive, get, list; restricted fields, blocking, anonymising.

Personal data protected by design (GDPR, LOPDGDD):

- Salary and payments a year, IBAN and social security number are
  restricted (``RESTRICTED_FIELDS``). Only the HR role reads them, through
  ``get_restricted``, which records the reading; views and lists never carry
  them. Only HR changes them; a form that did not show them sends ``KEEP``.
  The model defers them (``app.domain.employees.RESTRICTED``): no query names
  them unless it loads them on purpose, for on a shared server only HR may.
- Every creation and change records the names of the fields it touched.
- ``block_employee`` hides a person's data from everyone but an admin, with
  the reason recorded; nothing but an admin's ``unblock_employee`` changes it
  meanwhile. ``anonymise_employee`` erases the personal data once the person
  has left and the company's retention period has passed. The row stays:
  invoices, contracts, leave and the audit trail refer to it.

Departments live in ``app.services.departments``, leave in ``app.services.leave``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.company import Company
from app.domain.employees import Department, Employee, EmployeeDocument, LeaveRequest
from app.domain.types import utcnow
from app.errors import PermissionDeniedError, ValidationError
from app.i18n import _
from app.money import ZERO
from app.services import access, codes, hr_audit
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import reference
from app.services.validation import Validator

PAYMENTS_PER_YEAR = (12, 14)
MAX_WEEKLY_HOURS = Decimal(60)
RESTRICTED_FIELDS = ("salary", "payments_per_year", "iban", "social_security_number")
# Personal data erased by anonymising (beyond the restricted fields).
_PERSONAL_FIELDS = ("tax_id", "birth_date", "street", "postal_code", "city", "province", "phone", "email",
                    "emergency_contact", "user_name")


class _Keep:
    """A restricted field the form did not show: the stored value stays."""

    def __repr__(self) -> str:
        return "KEEP"

    def __bool__(self) -> bool:
        return False


KEEP = _Keep()


@dataclass
class EmployeeData:
    """What an employee form holds; every field a plain value."""

    first_name: str
    last_name: str
    tax_id: str  # DNI or NIE
    hire_date: dt.date | None
    code: str | None = None  # E00001… given automatically when empty
    social_security_number: str | None | _Keep = KEEP
    birth_date: dt.date | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    province: str | None = None
    country: str = "ES"
    phone: str | None = None
    email: str | None = None
    iban: str | None | _Keep = KEEP
    emergency_contact: str | None = None
    department_id: uuid.UUID | None = None
    position: str | None = None
    manager_id: uuid.UUID | None = None
    end_date: dt.date | None = None
    weekly_hours: Decimal | str | int | None = None
    salary: Decimal | str | int | None | _Keep = KEEP  # gross per year
    payments_per_year: int | _Keep = KEEP  # 12 or 14; a new employee gets 14
    user_name: str | None = None  # the login that is this person


@dataclass(frozen=True)
class RestrictedData:
    """The restricted fields of one employee, read by HR (the reading is recorded)."""

    salary: Decimal | None
    payments_per_year: int
    iban: str | None
    social_security_number: str | None


@dataclass(frozen=True)
class EmployeeView:
    id: uuid.UUID
    version: int
    code: str
    first_name: str
    last_name: str
    full_name: str
    tax_id: str | None
    birth_date: dt.date | None
    street: str | None
    postal_code: str | None
    city: str | None
    province: str | None
    country: str
    phone: str | None
    email: str | None
    emergency_contact: str | None
    department_id: uuid.UUID | None
    position: str | None
    manager_id: uuid.UUID | None
    hire_date: dt.date
    end_date: dt.date | None
    weekly_hours: Decimal | None
    user_name: str | None
    archived_at: dt.datetime | None
    blocked_at: dt.datetime | None
    blocked_by: str | None
    block_reason: str | None
    anonymised_at: dt.datetime | None

    @property
    def blocked(self) -> bool:
        return self.blocked_at is not None

    @property
    def anonymised(self) -> bool:
        return self.anonymised_at is not None


# -- employees: validation --------------------------------------------------------------

def _validate(v: Validator, data: EmployeeData, today: dt.date) -> dict:
    """Checks that need no database; the caller adds the reference checks."""
    country = (data.country or "ES").strip().upper()
    if len(country) != 2 or not country.isalpha():
        v.error("country", _("Use the two-letter country code, e.g. ES or FR."))
    out = {
        "first_name": v.required("first_name", data.first_name, max_len=100),
        "last_name": v.required("last_name", data.last_name, max_len=150),
        "tax_id": v.person_tax_id("tax_id", data.tax_id, required=True),
        "birth_date": v.date("birth_date", data.birth_date, required=False),
        "street": v.text("street", data.street),
        "postal_code": v.text("postal_code", data.postal_code, max_len=10),
        "city": v.text("city", data.city, max_len=100),
        "province": v.text("province", data.province, max_len=100),
        "country": country,
        "phone": v.text("phone", data.phone, max_len=40),
        "email": v.email("email", data.email),
        "emergency_contact": v.text("emergency_contact", data.emergency_contact),
        "position": v.text("position", data.position, max_len=120),
        "hire_date": v.date("hire_date", data.hire_date),
        "end_date": v.date("end_date", data.end_date, required=False),
        "weekly_hours": v.decimal("weekly_hours", data.weekly_hours, required=False, min_value=ZERO,
                                  max_value=MAX_WEEKLY_HOURS, places=2),
        "user_name": v.text("user_name", data.user_name, max_len=64),
    }
    if out["birth_date"] and out["birth_date"] > today:
        v.error("birth_date", _("The birth date is in the future."))
    if out["birth_date"] and out["hire_date"] and out["hire_date"] <= out["birth_date"]:
        v.error("hire_date", _("The hire date must be after the birth date."))
    v.date_order("hire_date", out["hire_date"], "end_date", out["end_date"])
    return out


def _validate_restricted(db: Database, v: Validator, data: EmployeeData) -> dict:
    """The restricted fields the form sent (those left as KEEP are not in the result).

    Sending one takes the HR role: a refusal names the field and comes before anything is read or written.
    """
    sent = [name for name in RESTRICTED_FIELDS if getattr(data, name) is not KEEP]
    if sent and not access.has_role(db, access.HR):
        raise PermissionDeniedError(_("Only HR staff may see or change pay, IBAN and social security number."),
                                    sent[0])
    out: dict = {}
    if "social_security_number" in sent:
        out["social_security_number"] = v.social_security_number("social_security_number", data.social_security_number)
    if "iban" in sent:
        out["iban"] = v.iban("iban", data.iban)
    if "salary" in sent:
        out["salary"] = v.decimal("salary", data.salary, required=False, min_value=ZERO, places=2)
    if "payments_per_year" in sent:
        if isinstance(data.payments_per_year, bool) or data.payments_per_year not in PAYMENTS_PER_YEAR:
            v.error("payments_per_year", _("Salary is paid in 12 or 14 payments a year."))
        out["payments_per_year"] = data.payments_per_year
    return out


def _check_user_name(s: Session, v: Validator, user_name: str | None, own_id: uuid.UUID | None) -> None:
    if not user_name or not v.ok("user_name"):  # refused already: not sent to the database
        return
    clash = s.execute(select(Employee.id).where(Employee.user_name == user_name)).scalar()
    if clash is not None and clash != own_id:
        v.error("user_name", _("The login {name} is already another employee's.").format(name=user_name))


def _check_refs(s: Session, v: Validator, data: EmployeeData, values: dict, own: Employee | None) -> None:
    own_id = own.id if own is not None else None
    dept = reference(s, v, "department_id", Department, data.department_id, what=_("department"),
                     allow_archived=own is not None and own.department_id == data.department_id)
    values["department_id"] = dept.id if dept is not None else None
    values["manager_id"] = None
    if data.manager_id is not None and own_id is not None and data.manager_id == own_id:
        v.error("manager_id", _("An employee cannot be their own manager."))
        return
    manager = reference(s, v, "manager_id", Employee, data.manager_id, what=_("employee"),
                        allow_archived=own is not None and own.manager_id == data.manager_id)
    if manager is None:
        return
    values["manager_id"] = manager.id
    # Walk up the chain of managers: meeting ourselves would close a loop.
    seen: set[uuid.UUID] = set()
    node: Employee | None = manager
    while node is not None and node.id not in seen and own_id is not None:
        if node.id == own_id:
            v.error("manager_id", _("This would make the employee manage their own manager."))
            return
        seen.add(node.id)
        node = s.get(Employee, node.manager_id) if node.manager_id is not None else None


def _check_code(s: Session, v: Validator, code: str, own_id: uuid.UUID | None) -> None:
    if not v.ok("code"):  # refused already (too long, a NUL): not sent to the database
        return
    clash = s.execute(select(Employee.id).where(Employee.code == code)).scalar()
    if clash is not None and clash != own_id:
        v.error("code", _("Code {code} is already used by another employee.").format(code=code))


def _next_code(s: Session) -> str:
    offline = codes.offline_prefix(s, "E")
    if offline is not None:
        return codes.next_free(s, Employee.code, offline, codes.OFFLINE_DIGITS - 1)
    n = s.execute(select(func.count()).select_from(Employee)).scalar_one() + 1
    while s.execute(select(Employee.id).where(Employee.code == f"E{n:05d}")).first():
        n += 1
    return f"E{n:05d}"


def _flush_unique(s: Session, employee: Employee, *, auto_code: bool) -> None:
    """Writes the row, the unique indexes having the last word on its code and login.

    On a shared server a blocked colleague is invisible to everyone but an
    admin (row-level security), so the checks above may miss their code or
    login: the index then refuses, inside a savepoint, and the clerk gets the
    field's error, or an automatic code the next number. A local file needs
    none of this: every row is visible there.
    """
    if s.get_bind().dialect.name != "postgresql":
        s.add(employee)
        s.flush()
        return
    for _attempt in range(1000):
        try:
            with s.begin_nested():
                s.add(employee)
                s.flush()
            return
        except IntegrityError as exc:
            constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
            if constraint == "ix_employee_code" and auto_code:
                employee.code = f"E{int(employee.code[1:]) + 1:05d}"
                continue
            if constraint == "ix_employee_code":
                raise ValidationError("code", _("Code {code} is already used by another employee.")
                                      .format(code=employee.code)) from None
            if constraint == "uq_employee_user_name":
                raise ValidationError("user_name", _("The login {name} is already another employee's.")
                                      .format(name=employee.user_name)) from None
            raise
    raise ValidationError("code", _("No free employee code: give one."))


def _view(e: Employee) -> EmployeeView:
    return to_view(EmployeeView, e)


def _readable(db: Database, e: Employee) -> Employee:
    """A blocked record is for admins' eyes only."""
    if e.blocked_at is not None and not access.has_role(db, access.ADMIN):
        raise PermissionDeniedError(_("{code}: this person's data is blocked; only an administrator can see it.")
                                    .format(code=e.code))
    return e


def _writable(db: Database, e: Employee) -> Employee:
    _readable(db, e)
    if e.blocked_at is not None:
        raise PermissionDeniedError(_("{code}: this person's data is blocked; unblock it before changing it.")
                                    .format(code=e.code))
    if e.anonymised_at is not None:
        raise PermissionDeniedError(_("{code}: this record was anonymised and cannot be changed.").format(code=e.code))
    return e


def _changed(e: Employee, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(e, name) != value]


# -- employees: public API ----------------------------------------------------------------

def create_employee(db: Database, data: EmployeeData, today: dt.date | None = None) -> EmployeeView:
    """Validates every field and reference first; writes nothing when any is wrong."""
    v = Validator()
    values = _validate(v, data, today or dt.date.today())
    restricted = _validate_restricted(db, v, data)
    code = v.text("code", data.code, max_len=20)
    with db.session() as s:
        _check_refs(s, v, data, values, None)
        _check_user_name(s, v, values["user_name"], None)
        if code:
            _check_code(s, v, code, None)
        v.done()
        employee = Employee(code=code or _next_code(s), **values, **restricted)
        if employee.payments_per_year is None:
            employee.payments_per_year = 14
        _flush_unique(s, employee, auto_code=not code)
        given = [k for k, value in {**values, **restricted}.items() if value not in (None, "")]
        hr_audit.record(s, employee.id, hr_audit.CREATE, given)
        return _view(employee)


def update_employee(
    db: Database, employee_id: uuid.UUID, data: EmployeeData, expected_version: int | None = None,
    today: dt.date | None = None,
) -> EmployeeView:
    """Saves the form over the stored row; refuses if someone saved in between.

    An empty code keeps the stored one; restricted fields left as ``KEEP`` keep theirs.
    The names of the fields that changed are recorded in the audit trail.
    """
    v = Validator()
    values = _validate(v, data, today or dt.date.today())
    restricted = _validate_restricted(db, v, data)
    code = v.text("code", data.code, max_len=20)
    with db.session() as s:
        employee = _writable(db, get_or_404(s, Employee, employee_id, what=_("employee")))
        if restricted:  # compared with the stored values below: read them (HR's, checked above)
            s.refresh(employee, attribute_names=list(restricted))
        check_version(employee, expected_version)
        _check_refs(s, v, data, values, employee)
        _check_user_name(s, v, values["user_name"], employee.id)
        if code:
            _check_code(s, v, code, employee.id)
        v.done()
        if code:
            values["code"] = code
        values.update(restricted)
        changed = _changed(employee, values)
        apply(employee, values)
        s.flush()
        if changed:
            hr_audit.record(s, employee.id, hr_audit.CHANGE, changed)
        return _view(employee)


def archive_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    with db.session() as s:
        employee = get_or_404(s, Employee, employee_id, what=_("employee"))
        archive(employee)
        s.flush()
        return _view(employee)


def restore_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    with db.session() as s:
        employee = get_or_404(s, Employee, employee_id, what=_("employee"))
        restore(employee)
        s.flush()
        return _view(employee)


def get_employee(db: Database, employee_id: uuid.UUID) -> EmployeeView:
    """Everything but the restricted fields (``get_restricted``); a blocked record only for an admin."""
    with db.session() as s:
        return _view(_readable(db, get_or_404(s, Employee, employee_id, what=_("employee"))))


def get_restricted(db: Database, employee_id: uuid.UUID) -> RestrictedData:
    """Pay, IBAN and social security number, for HR; the reading is recorded in the audit trail."""
    access.require(db, access.HR, _("Only HR staff may see pay, IBAN and social security number."))
    with db.session() as s:
        e = _readable(db, get_or_404(s, Employee, employee_id, what=_("employee")))
        s.refresh(e, attribute_names=RESTRICTED_FIELDS)
        hr_audit.record(s, e.id, hr_audit.VIEW, RESTRICTED_FIELDS)
        return RestrictedData(e.salary, e.payments_per_year, e.iban, e.social_security_number)


def positions_in_use(db: Database) -> list[str]:
    """The distinct non-empty positions of employees not archived, for the form's suggestions.

    Sorted as a clerk reads them (case and accents aside), the same on every backend.
    Blocked people's positions are left out unless the reader is an admin, as in the list.
    """
    stmt = select(Employee.position).distinct().where(Employee.archived_at.is_(None), Employee.position.is_not(None))
    if not access.has_role(db, access.ADMIN):
        stmt = stmt.where(Employee.blocked_at.is_(None))
    with db.session() as s:
        found = {p.strip() for p in s.execute(stmt).scalars()} - {""}

    def key(text: str) -> tuple[str, str]:
        plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return plain.casefold(), text

    return sorted(found, key=key)


# -- blocking and anonymising -------------------------------------------------------------

def block_employee(db: Database, employee_id: uuid.UUID, reason: str, expected_version: int | None = None) -> EmployeeView:
    """Hides the person's data from everyone but an admin (an erasure request the law says to keep)."""
    access.require(db, access.HR, _("Only HR staff may block personal data."))
    v = Validator()
    reason = v.required("block_reason", reason, max_len=500)
    v.done()
    with db.session() as s:
        e = get_or_404(s, Employee, employee_id, what=_("employee"))
        check_version(e, expected_version)
        if e.blocked_at is not None:
            raise ValidationError("block_reason", _("{code} is already blocked.").format(code=e.code))
        if e.anonymised_at is not None:
            raise ValidationError("block_reason", _("{code} was anonymised: nothing is left to block.")
                                  .format(code=e.code))
        e.blocked_at = utcnow()
        e.blocked_by = s.info.get("user") or _("this computer")
        e.block_reason = reason
        s.flush()
        hr_audit.record(s, e.id, hr_audit.BLOCK)  # the reason stays on the row, where anonymising erases it
        return _view(e)


def unblock_employee(db: Database, employee_id: uuid.UUID, expected_version: int | None = None) -> EmployeeView:
    access.require(db, access.ADMIN, _("Only an administrator may lift a block."))
    with db.session() as s:
        e = get_or_404(s, Employee, employee_id, what=_("employee"))
        check_version(e, expected_version)
        if e.blocked_at is None:
            raise ValidationError("block_reason", _("{code} is not blocked.").format(code=e.code))
        e.blocked_at = e.blocked_by = e.block_reason = None
        s.flush()
        hr_audit.record(s, e.id, hr_audit.UNBLOCK)
        return _view(e)


def retention_years(db: Database) -> int:
    with db.session() as s:
        years = s.execute(select(Company.hr_retention_years).order_by(Company.created_at, Company.id).limit(1)).scalar()
        return years if years is not None else 4


def anonymisable_from(end_date: dt.date | None, years: int) -> dt.date | None:
    """The first day the data of someone who left on ``end_date`` may be anonymised (None while employed)."""
    if end_date is None:
        return None
    try:
        return end_date.replace(year=end_date.year + years) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(end_date.year + years, 3, 1)


def anonymise_employee(db: Database, employee_id: uuid.UUID, today: dt.date | None = None,
                       expected_version: int | None = None) -> EmployeeView:
    """Erases the person's data for good once the retention period after they left is over.

    Name becomes "Anonymised" + code; NIF, contact, address, pay, IBAN, social
    security number, login, leave reasons and documents go. The row stays, so
    invoices, contracts, leave days and the audit trail keep their link.
    """
    access.require(db, access.HR, _("Only HR staff may anonymise personal data."))
    today = today or dt.date.today()
    years = retention_years(db)
    with db.session() as s:
        e = get_or_404(s, Employee, employee_id, what=_("employee"))
        _readable(db, e)
        check_version(e, expected_version)
        if e.anonymised_at is not None:
            raise ValidationError("end_date", _("{code} is already anonymised.").format(code=e.code))
        start = anonymisable_from(e.end_date, years)
        if start is None:
            raise ValidationError("end_date", _("{code} is still employed: personal data is kept while they work "
                                                "here and {years} years after.").format(code=e.code, years=years))
        if today < start:
            raise ValidationError("end_date", _("{code} left on {end:%d/%m/%Y}; the data must be kept {years} years, "
                                                "until {until:%d/%m/%Y}.").format(
                code=e.code, end=e.end_date, years=years, until=start - dt.timedelta(days=1)))
        e.first_name = _("Anonymised")
        e.last_name = e.code
        for name in _PERSONAL_FIELDS + ("social_security_number", "iban", "salary", "weekly_hours", "manager_id"):
            setattr(e, name, None)
        e.country = "ES"
        e.blocked_at = e.blocked_by = e.block_reason = None
        e.anonymised_at = utcnow()
        for leave in s.execute(select(LeaveRequest).where(LeaveRequest.employee_id == e.id,
                                                          LeaveRequest.reason.is_not(None))).scalars():
            leave.reason = None
        for doc in s.execute(select(EmployeeDocument).where(EmployeeDocument.employee_id == e.id)).scalars():
            s.delete(doc)
        s.flush()
        hr_audit.record(s, e.id, hr_audit.ANONYMISE)
        return _view(e)


EMPLOYEE_COLUMNS = [
    ListColumn("code", _("Code"), Employee.code, searchable=True),
    ListColumn("last_name", _("Last name"), Employee.last_name, searchable=True),
    ListColumn("first_name", _("First name"), Employee.first_name, searchable=True),
    # Outer join: coalesce so that sorting by department pages past employees without one.
    ListColumn("department", _("Department"), func.coalesce(Department.name, ""), searchable=True),
    ListColumn("position", _("Position"), Employee.position, searchable=True),
    ListColumn("email", _("E-mail"), Employee.email, searchable=True),
    ListColumn("phone", _("Phone"), Employee.phone),
    ListColumn("hire_date", _("Hired"), Employee.hire_date),
]
# Searched but not shown: the NIF finds a person without printing it on every row.
_SEARCH_ONLY = [ListColumn("tax_id", _("NIF"), Employee.tax_id, searchable=True, sortable=False)]


def _employee_base(filters: dict) -> Select:
    stmt = (select(*[c.expr.label(c.key) for c in EMPLOYEE_COLUMNS])
            .select_from(Employee).outerjoin(Department, Department.id == Employee.department_id))
    if not filters.get("include_archived"):
        stmt = stmt.where(Employee.archived_at.is_(None))
    if not filters.get("_admin"):
        stmt = stmt.where(Employee.blocked_at.is_(None))
    elif filters.get("blocked"):
        stmt = stmt.where(Employee.blocked_at.is_not(None))
    if filters.get("department_id"):
        stmt = stmt.where(Employee.department_id == filters["department_id"])
    if filters.get("active_only"):
        today = filters.get("today") or dt.date.today()
        stmt = stmt.where(or_(Employee.end_date.is_(None), Employee.end_date >= today))
    return stmt


def _filters(db: Database, query: ListQuery) -> dict:
    return {**query.filters, "_admin": access.has_role(db, access.ADMIN)}


def list_employees(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``department_id``, ``active_only`` (no end date, or not yet past; ``today`` may be
    given), ``include_archived``, ``blocked`` (admins only: just the blocked). Search also finds the NIF/NIE.

    Blocked people are listed to admins only; the restricted fields are never selected.
    """
    with db.session() as s:
        return run_list(s, _employee_base(_filters(db, query)), EMPLOYEE_COLUMNS + _SEARCH_ONLY, Employee.id, query,
                        "last_name")


def count_employees(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _employee_base(_filters(db, query)), EMPLOYEE_COLUMNS + _SEARCH_ONLY, query.search)
