"""Contracts with customers, suppliers and employees: create, update, archive, get, list, attachments.

The form sets a new contract's status (a contract filed from before may be
active already); after that the status changes only through the lifecycle
actions in app.services.contract_lifecycle (activate, give notice, renew,
terminate) and its date rules, each of which records an event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mimetypes
import os
import stat
import uuid
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.db.session import Database
from app.domain.company import Company
from app.domain.contracts import Contract, ContractAttachment, ContractLine
from app.domain.enums import ContractEventKind
from app.domain.employees import Employee
from app.domain.enums import BillingFrequency, ContractKind, ContractStatus
from app.domain.inventory import Product
from app.domain.parties import Party
from app.errors import PermissionDeniedError, ValidationError
from app.i18n import _
from app.locale_format import format_decimal
from app.domain.types import utcnow
from app.money import ZERO, to_decimal
from app.services import contract_lifecycle as lifecycle
from app.services import access
from app.services.access import ADMIN
from app.services.common import apply, archive, check_version, get_or_404, restore, to_view
from app.services.listing import ListColumn, ListQuery, Page, count_rows, run_list
from app.services.lookups import as_uuid, filter_choice, iva_rate, reference
from app.services.validation import Validator

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # the limit while no company row says otherwise


@dataclass
class ContractLineData:
    description: str
    quantity: Decimal | str | int
    unit_price: Decimal | str | int
    tax_rate_id: uuid.UUID | None
    product_id: uuid.UUID | None = None


@dataclass
class ContractData:
    """What a contract form holds; every field a plain value."""

    kind: ContractKind | str
    title: str
    start_date: dt.date | None
    party_id: uuid.UUID | None = None  # customer and supplier contracts
    employee_id: uuid.UUID | None = None  # employment contracts
    reference: str | None = None
    end_date: dt.date | None = None  # None: open-ended
    status: ContractStatus | str = ContractStatus.DRAFT
    auto_renew: bool = False
    renewal_months: int | None = None
    notice_days: int = 0
    value: Decimal | str | int | None = None
    billing_frequency: BillingFrequency | str | None = None
    billing_day: int | None = None
    indexation_percent: Decimal | str | int | None = None
    notes: str | None = None
    lines: list[ContractLineData] = field(default_factory=list)


@dataclass(frozen=True)
class ContractView:
    id: uuid.UUID
    version: int
    kind: ContractKind
    status: ContractStatus
    party_id: uuid.UUID | None
    employee_id: uuid.UUID | None
    counterparty: str  # the party's legal name or the employee's full name
    title: str
    reference: str | None
    start_date: dt.date
    end_date: dt.date | None
    auto_renew: bool
    renewal_months: int | None
    notice_days: int
    value: Decimal | None
    billing_frequency: BillingFrequency | None
    billing_day: int | None
    billed_until: dt.date | None
    indexation_percent: Decimal | None
    notes: str | None
    archived_at: dt.datetime | None
    lines: tuple[ContractLineData, ...] = ()
    # Lifecycle (see app.services.contract_lifecycle)
    period_start: dt.date | None = None  # start of the current period
    renewals: int = 0
    notice_given_on: dt.date | None = None
    terminated_on: dt.date | None = None
    termination_reason: str | None = None
    notice_by: dt.date | None = None  # end_date - notice_days: the last day notice stops a renewal


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    contract_id: uuid.UUID
    filename: str
    mime_type: str
    size: int
    sha256: str
    created_at: dt.datetime


# -- validation -----------------------------------------------------------------------

def _int_in(v: Validator, name: str, value: object, low: int, high: int, *, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            v.error(name, _("This field is required."))
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        v.error(name, _("Not a whole number."))
        return None
    if not low <= value <= high:
        v.error(name, _("Must be between {low} and {high}.").format(low=low, high=high))
    return value


def _validate(v: Validator, data: ContractData) -> dict:
    """Checks that need no database; the caller adds the reference checks."""
    kind = v.choice("kind", data.kind, ContractKind)
    freq = v.choice("billing_frequency", data.billing_frequency, BillingFrequency, required=False)
    out = {
        "kind": kind,
        "status": v.choice("status", data.status, ContractStatus),
        "title": v.required("title", data.title),
        "reference": v.text("reference", data.reference, max_len=40),
        "start_date": v.date("start_date", data.start_date),
        "end_date": v.date("end_date", data.end_date, required=False),
        "auto_renew": bool(data.auto_renew),
        "renewal_months": _int_in(v, "renewal_months", data.renewal_months, 1, 120, required=bool(data.auto_renew)),
        "notice_days": _int_in(v, "notice_days", data.notice_days, 0, 3650, required=True),
        "value": v.decimal("value", data.value, required=False, min_value=ZERO, places=2),
        "billing_frequency": freq,
        # 29-31 bill on the month's last day in shorter months (see contract_billing).
        "billing_day": _int_in(v, "billing_day", data.billing_day, 1, 31,
                               required=freq is not None and freq != BillingFrequency.ONE_OFF),
        "indexation_percent": v.decimal("indexation_percent", data.indexation_percent, required=False,
                                        min_value=Decimal(-100), max_value=Decimal(100), places=4),
        "notes": v.text("notes", data.notes, max_len=4000),
    }
    v.date_order("start_date", out["start_date"], "end_date", out["end_date"])
    if out["auto_renew"] and data.end_date is None:
        v.error("end_date", _("A contract that renews automatically needs an end date."))
    if freq is None and out["billing_day"] is not None:
        v.error("billing_day", _("Choose a billing frequency first."))
    if kind in (ContractKind.CUSTOMER, ContractKind.SUPPLIER):
        if data.party_id is None:
            v.error("party_id", _("Choose the customer or supplier."))
        if data.employee_id is not None:
            v.error("employee_id", _("Only employment contracts name an employee."))
    elif kind == ContractKind.EMPLOYMENT:
        if data.employee_id is None:
            v.error("employee_id", _("Choose the employee."))
        if data.party_id is not None:
            v.error("party_id", _("An employment contract names an employee, not a party."))
    for i, line in enumerate(data.lines):
        v.required(f"lines[{i}].description", line.description, max_len=500)
        v.decimal(f"lines[{i}].quantity", line.quantity, positive=True, places=4)
        v.decimal(f"lines[{i}].unit_price", line.unit_price, min_value=ZERO, places=4)
    return out


def _check_refs(s: Session, v: Validator, data: ContractData, values: dict) -> None:
    kind = values["kind"]
    values["party_id"] = values["employee_id"] = None
    if kind in (ContractKind.CUSTOMER, ContractKind.SUPPLIER) and data.party_id is not None:
        party = reference(s, v, "party_id", Party, data.party_id, what=_("party"))
        if party is not None and kind == ContractKind.CUSTOMER and not party.is_customer:
            v.error("party_id", _("{name} is not a customer.").format(name=party.legal_name))
        elif party is not None and kind == ContractKind.SUPPLIER and not party.is_supplier:
            v.error("party_id", _("{name} is not a supplier.").format(name=party.legal_name))
        values["party_id"] = party.id if party is not None else None
    if kind == ContractKind.EMPLOYMENT and data.employee_id is not None:
        employee = reference(s, v, "employee_id", Employee, data.employee_id, what=_("employee"))
        values["employee_id"] = employee.id if employee is not None else None
    for i, line in enumerate(data.lines):
        iva_rate(s, v, f"lines[{i}].tax_rate_id", line.tax_rate_id)
        reference(s, v, f"lines[{i}].product_id", Product, line.product_id, what=_("product"))


def _set_lines(contract: Contract, lines: list[ContractLineData]) -> None:
    contract.lines = [
        ContractLine(position=i, description=ln.description.strip(), quantity=to_decimal(ln.quantity),
                     unit_price=to_decimal(ln.unit_price), tax_rate_id=as_uuid(ln.tax_rate_id),
                     product_id=as_uuid(ln.product_id) if ln.product_id else None)
        for i, ln in enumerate(lines)
    ]


def _counterparty(s: Session, c: Contract) -> str:
    if c.party_id is not None:
        return s.execute(select(Party.legal_name).where(Party.id == c.party_id)).scalar() or ""
    if c.employee_id is not None:
        e = s.get(Employee, c.employee_id)
        if e is None:
            return ""
        if e.blocked_at is not None and ADMIN not in (s.info.get("roles") or ()):
            return f"{e.code} {_('(blocked)')}"
        return e.full_name
    return ""


def _view(s: Session, c: Contract) -> ContractView:
    lines = tuple(
        ContractLineData(ln.description, ln.quantity, ln.unit_price, ln.tax_rate_id, ln.product_id)
        for ln in c.lines
    )
    return to_view(ContractView, c, lines=lines, counterparty=_counterparty(s, c),
                   renewals=c.renewals or 0, notice_by=lifecycle.notice_deadline(c.end_date, c.notice_days))


def _employment_is_hrs(db: Database, values: dict) -> None:
    """Employment contracts carry pay: only HR makes them (others do not even see them)."""
    if values.get("kind") == ContractKind.EMPLOYMENT and not access.has_role(db, access.HR):
        raise PermissionDeniedError(_("Employment contracts are kept by HR staff."), "kind")


# -- contracts: public API -----------------------------------------------------------

def create_contract(db: Database, data: ContractData) -> ContractView:
    """Validates every field, reference and line first; writes nothing when any is wrong."""
    v = Validator()
    values = _validate(v, data)
    _employment_is_hrs(db, values)
    with db.session() as s:
        _check_refs(s, v, data, values)
        v.done()
        contract = Contract(**values, period_start=values["start_date"], renewals=0)
        _set_lines(contract, data.lines)
        s.add(contract)
        s.flush()
        lifecycle.record_event(s, contract, ContractEventKind.CREATED, dt.date.today(),
                               period_start=contract.start_date, period_end=contract.end_date,
                               details={"status": contract.status.value})
        s.flush()
        return _view(s, contract)


def update_contract(
    db: Database, contract_id: uuid.UUID, data: ContractData, expected_version: int | None = None
) -> ContractView:
    """Saves the form (lines replaced as a whole); refuses if someone saved in between."""
    v = Validator()
    values = _validate(v, data)
    _employment_is_hrs(db, values)
    with db.session() as s:
        contract = get_or_404(s, Contract, contract_id, what=_("contract"))
        check_version(contract, expected_version)
        _check_refs(s, v, data, values)
        if values["status"] is not None and values["status"] != contract.status:
            v.error("status", _("The status changes with the Activate, Give notice, Renew and Terminate actions, "
                                "not by editing the form."))
        v.done()
        if not contract.renewals:  # the first period is the one the form describes
            values["period_start"] = values["start_date"]
        # No autoflush while the form is applied: loading the old lines midway would
        # flush a half-applied row and bump the version twice.
        with s.no_autoflush:
            apply(contract, values)
            _set_lines(contract, data.lines)
            # Replacing only lines would not touch the contract row; bump it so others see the change.
            contract.updated_at = utcnow()
        s.flush()
        return _view(s, contract)


def archive_contract(db: Database, contract_id: uuid.UUID) -> ContractView:
    with db.session() as s:
        contract = get_or_404(s, Contract, contract_id, what=_("contract"))
        archive(contract)
        s.flush()
        return _view(s, contract)


def restore_contract(db: Database, contract_id: uuid.UUID) -> ContractView:
    with db.session() as s:
        contract = get_or_404(s, Contract, contract_id, what=_("contract"))
        restore(contract)
        s.flush()
        return _view(s, contract)


def get_contract(db: Database, contract_id: uuid.UUID) -> ContractView:
    with db.session() as s:
        return _view(s, get_or_404(s, Contract, contract_id, what=_("contract")))


# -- attachments ------------------------------------------------------------------

def _clean_filename(name: str | None) -> str:
    # Keep only the last path component, whichever system's separator was used.
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()


def _limit_bytes(s: Session) -> int:
    # The oldest company row, as app.services.company reads it.
    mb = s.execute(select(Company.attachment_limit_mb).order_by(Company.created_at, Company.id).limit(1)).scalar()
    return int(mb) * 1024 * 1024 if mb else MAX_ATTACHMENT_BYTES


def attachment_limit(db: Database) -> int:
    """The largest attachment accepted, in bytes: the company setting (MB), else MAX_ATTACHMENT_BYTES."""
    with db.session() as s:
        return _limit_bytes(s)


def _mb(size: int) -> str:
    """Bytes as megabytes with one decimal when they have one: 1,5 (1.5 in English), 20."""
    return format_decimal(Decimal(size) / 1024 / 1024, 1)


def _too_large(name: str, size: int, limit: int) -> str:
    return _("{name} is too large ({size} MB): at most {limit} MB.").format(name=name, size=_mb(size), limit=_mb(limit))


_MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
          (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"), (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))
_OOXML = (("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"))


def _zip_mime(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if "mimetype" in names:  # OpenDocument names its own type first thing in the archive
                declared = z.read("mimetype").decode("ascii", "replace").strip()
                if declared.startswith("application/"):
                    return declared[:100]
            for prefix, mime in _OOXML:
                if any(n.startswith(prefix) for n in names):
                    return mime
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return "application/zip"


def detect_mime(filename: str, data: bytes) -> str:
    """The file's type from its first bytes (PDF, PNG, JPEG, TIFF, GIF, Office/OpenDocument),
    else from its extension; "application/octet-stream" when neither tells."""
    head = bytes(data[:16])
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head.startswith(b"PK\x03\x04"):
        found = _zip_mime(bytes(data))
        if found is not None:
            return found
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def add_attachment(
    db: Database, contract_id: uuid.UUID, filename: str, data: bytes,
    mime_type: str | None = None, max_bytes: int | None = None,
) -> AttachmentView:
    """Stores the file's bytes in the database with their size, SHA-256 and detected type.

    Empty files and files over ``max_bytes`` (default: the company's attachment
    limit) are refused on field ``attachment``, with the size and the limit in MB.
    """
    v = Validator()
    name = v.required("filename", _clean_filename(filename), max_len=255)
    empty = not isinstance(data, (bytes, bytearray, memoryview)) or len(data) == 0
    if empty:
        v.error("attachment", _("The file is empty."))
    v.done()
    payload = bytes(data)
    mime = (mime_type or detect_mime(name, payload))[:100]
    with db.session() as s:
        limit = max_bytes if max_bytes is not None else _limit_bytes(s)
        if len(payload) > limit:
            v.error("attachment", _too_large(name, len(payload), limit))
            v.done()
        contract = get_or_404(s, Contract, contract_id, what=_("contract"))
        att = ContractAttachment(contract_id=contract.id, filename=name, mime_type=mime, size=len(payload),
                                 sha256=hashlib.sha256(payload).hexdigest(), data=payload)
        s.add(att)
        s.flush()
        return to_view(AttachmentView, att)


def _unreadable(name: str, reason: str) -> ValidationError:
    return ValidationError("attachment", _("Cannot read {name}: {reason}").format(name=name, reason=reason))


def add_attachment_file(db: Database, contract_id: uuid.UUID, path: str | os.PathLike) -> AttachmentView:
    """Attaches the file at ``path`` under its own name.

    The size is checked before the file is read, so a file over the limit never
    fills memory. A missing, unreadable, empty file or a folder is a
    ValidationError on ``attachment`` naming the file; nothing is written then.
    """
    limit = attachment_limit(db)
    name, data = read_attachment_file(path, limit)
    return add_attachment(db, contract_id, name, data, max_bytes=limit)


def read_attachment_file(path: str | os.PathLike, limit: int) -> tuple[str, bytes]:
    """The file's own name and bytes, its size checked against ``limit`` before it is read.

    A missing, unreadable, empty or too large file, or a folder, is a
    ValidationError on ``attachment`` naming the file (employee documents use it too).
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _unreadable(name, _("it does not exist (was it moved or deleted?).")) from None
    except PermissionError:
        raise _unreadable(name, _("permission denied.")) from None
    except OSError as exc:
        raise _unreadable(name, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _unreadable(name, _("it is a folder, not a file."))
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable(name, _("it is not a regular file."))
    if info.st_size == 0:
        raise ValidationError("attachment", _("{name} is empty.").format(name=name))
    if info.st_size > limit:
        raise ValidationError("attachment", _too_large(name, info.st_size, limit))
    try:
        return name, path.read_bytes()
    except PermissionError:
        raise _unreadable(name, _("permission denied.")) from None
    except OSError as exc:
        raise _unreadable(name, exc.strerror or str(exc)) from None


_ATTACHMENT_FIELDS = (ContractAttachment.id, ContractAttachment.contract_id, ContractAttachment.filename,
                      ContractAttachment.mime_type, ContractAttachment.size, ContractAttachment.sha256,
                      ContractAttachment.created_at)


def list_attachments(db: Database, contract_id: uuid.UUID) -> list[AttachmentView]:
    """The contract's files, oldest first, without reading their bytes."""
    with db.session() as s:
        get_or_404(s, Contract, contract_id, what=_("contract"))
        rows = s.execute(select(*_ATTACHMENT_FIELDS).where(ContractAttachment.contract_id == contract_id)
                         .order_by(ContractAttachment.created_at, ContractAttachment.id)).all()
        return [AttachmentView(*row) for row in rows]


def get_attachment_data(db: Database, attachment_id: uuid.UUID) -> bytes:
    """Exactly the bytes that were attached."""
    with db.session() as s:
        att = get_or_404(s, ContractAttachment, attachment_id, what=_("attachment"))
        return bytes(att.data)


def remove_attachment(db: Database, attachment_id: uuid.UUID) -> None:
    """Deletes the file (nothing refers to attachments, so they are not archived)."""
    with db.session() as s:
        s.delete(get_or_404(s, ContractAttachment, attachment_id, what=_("attachment")))


# -- list -----------------------------------------------------------------------------

# A blocked employee's name stays out of every list (and its search): only their code shows.
_NAME = func.coalesce(Party.legal_name, case(
    (Employee.blocked_at.is_not(None), Employee.code + literal(" " + _("(blocked)"))),
    else_=Employee.first_name + " " + Employee.last_name), "")

CONTRACT_COLUMNS = [
    ListColumn("reference", _("Reference"), Contract.reference, searchable=True),
    ListColumn("title", _("Title"), Contract.title, searchable=True),
    ListColumn("counterparty", _("With"), _NAME, searchable=True),
    ListColumn("kind", _("Kind"), Contract.kind),
    ListColumn("status", _("Status"), Contract.status),
    ListColumn("start_date", _("Start"), Contract.start_date),
    ListColumn("end_date", _("End"), Contract.end_date),
    ListColumn("value", _("Value"), Contract.value, align="right"),
    ListColumn("notice_by", _("Notice by"), lifecycle.NOTICE_BY),
    ListColumn("alert_on", _("Attention"), lifecycle.ALERT_ON),
    ListColumn("notice_days", _("Notice (days)"), Contract.notice_days, align="right"),
]


def _contract_base(filters: dict, session: Session) -> Select:
    stmt = (
        select(*[c.expr.label(c.key) for c in CONTRACT_COLUMNS])
        .select_from(Contract)
        .outerjoin(Party, Party.id == Contract.party_id)
        .outerjoin(Employee, Employee.id == Contract.employee_id)
    )
    if not filters.get("include_archived"):
        stmt = stmt.where(Contract.archived_at.is_(None))
    if (kind := filter_choice(filters, "kind", ContractKind)) is not None:
        stmt = stmt.where(Contract.kind == kind)
    if (status := filter_choice(filters, "status", ContractStatus)) is not None:
        stmt = stmt.where(Contract.status == status)
    if filters.get("party_id"):
        stmt = stmt.where(Contract.party_id == filters["party_id"])
    if filters.get("employee_id"):
        stmt = stmt.where(Contract.employee_id == filters["employee_id"])
    if filters.get("ending_within_days") is not None:
        today = filters.get("today") or dt.date.today()
        until = today + dt.timedelta(days=int(filters["ending_within_days"]))
        stmt = stmt.where(Contract.end_date >= today, Contract.end_date <= until)
    if filters.get("to_bill_by") is not None:
        stmt = stmt.where(to_bill_clause(filters["to_bill_by"]))
    if filters.get("alerts"):
        today = filters.get("today") or dt.date.today()
        days = filters.get("alert_days")
        if days is None:
            days = lifecycle.alert_days(session)
        stmt = stmt.where(lifecycle.alert_clause(today, int(days)))
    return stmt


def to_bill_clause(until: dt.date):
    """Billed customer contracts whose next period starts by ``until`` and is still within the contract.

    The next period starts the day after ``billed_until`` (at the start, when
    nothing was billed yet). Its invoice may be dated a few days later by the
    billing day, so this is the list a clerk checks before a billing run.
    """
    from app.services.contract_billing import BILLED_STATUSES

    return and_(Contract.kind == ContractKind.CUSTOMER, Contract.status.in_(BILLED_STATUSES),
                Contract.billing_frequency.is_not(None), Contract.archived_at.is_(None),
                or_(and_(Contract.billed_until.is_(None), Contract.start_date <= until),
                    Contract.billed_until < until),
                or_(Contract.end_date.is_(None), Contract.billed_until.is_(None),
                    Contract.billed_until < Contract.end_date))


def list_contracts(db: Database, query: ListQuery = ListQuery()) -> Page:
    """Filters: ``kind``, ``status``, ``party_id``, ``employee_id``, ``include_archived``,
    ``ending_within_days`` (end date from today to today + N; ``today`` may be given),
    ``to_bill_by`` (a date: customer contracts with a period to bill starting by then, see
    to_bill_clause), ``alerts`` (needs attention: running contracts ending, or whose notice deadline falls,
    within the company's ``contract_alert_days``, or ``alert_days`` if given; see
    contract_lifecycle.alert_clause)."""
    with db.session() as s:
        return run_list(s, _contract_base(query.filters, s), CONTRACT_COLUMNS, Contract.id, query, "start_date")


def count_contracts(db: Database, query: ListQuery = ListQuery()) -> int:
    with db.session() as s:
        return count_rows(s, _contract_base(query.filters, s), CONTRACT_COLUMNS, query.search)
