"""An HR clerk files an employee's permits and certificates, opens them again, and is warned before they expire."""

from __future__ import annotations

import datetime as dt
import re
import os
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.db.session import Database
from app.domain.company import Company
from app.domain.employees import Employee, EmployeeDocument, PersonalDataAudit
from app.domain.enums import DocumentKind
from app.domain.types import utcnow
from app.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services import employee_documents as docs
from app.services.contract_documents import DamagedAttachmentError
from tests.app.printing import make_company

TODAY = dt.date(2024, 6, 1)
PDF = b"%PDF-1.4\n% permiso de trabajo\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
MB = 1024 * 1024
LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def employee(db, code: str = "E00001", first: str = "Ana", last: str = "García Pérez", **kw) -> uuid.UUID:
    n = 12345678 + len(code) * 7 + sum(map(ord, code))
    values = {"code": code, "first_name": first, "last_name": last, "tax_id": f"{n:08d}{LETTERS[n % 23]}",
              "hire_date": dt.date(2020, 3, 1), "salary": Decimal("28000.00"), "payments_per_year": 14}
    values.update(kw)
    with db.session() as s:
        e = Employee(**values)
        s.add(e)
        s.flush()
        return e.id


def as_roles(db, *roles: str, user: str = "clerk") -> Database:
    return Database(db.engine, user=user, roles=frozenset(roles))


def count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def trail(db, employee_id) -> list[tuple[str, str, str, str | None]]:
    with db.session() as s:
        rows = s.execute(select(PersonalDataAudit).where(PersonalDataAudit.employee_id == employee_id)
                         .order_by(PersonalDataAudit.at, PersonalDataAudit.id)).scalars()
        # A note ends with the document's short id: "added: permit document 3f2a9c1e".
        return [(r.user, r.action, r.fields, re.sub(r" [0-9a-f]{8}$", "", r.note or "") or None) for r in rows]


def set_company(db, **values) -> None:
    make_company(db)
    with db.session() as s:
        s.execute(update(Company).values(**values))


# -- add, list, open, change, remove -----------------------------------------------------------

def test_a_document_is_filed_opened_changed_and_removed_each_step_audited(db):
    ana = employee(db)
    doc = docs.add_document(db, ana, "permit", "  Permiso de trabajo ", "C:\\scans\\permiso.pdf", PDF,
                            expires_on=dt.date(2025, 3, 31))
    assert (doc.kind, doc.title, doc.filename, doc.mime_type, doc.size) == (
        DocumentKind.PERMIT, "Permiso de trabajo", "permiso.pdf", "application/pdf", len(PDF))
    assert doc.expires_on == dt.date(2025, 3, 31) and doc.archived_at is None and doc.version == 1
    photo = docs.add_document(db, ana, DocumentKind.IDENTITY, "DNI", "dni.pdf", PNG)  # the content says PNG
    assert photo.mime_type == "image/png"

    assert docs.list_documents(db, ana) == [doc, photo]
    assert not hasattr(docs.list_documents(db, ana)[0], "data")
    assert docs.get_document_data(db, doc.id) == PDF

    changed = docs.update_document(db, doc.id, "certificate", "Certificado de residencia", None, doc.version)
    assert (changed.kind, changed.title, changed.expires_on, changed.version) == (
        DocumentKind.CERTIFICATE, "Certificado de residencia", None, 2)
    with pytest.raises(ConflictError):  # someone saved it since the form was opened
        docs.update_document(db, doc.id, "permit", "Otro título", None, doc.version)
    same = docs.update_document(db, doc.id, "certificate", "Certificado de residencia", None, changed.version)
    assert same.version == 2  # nothing changed: nothing saved, nothing audited

    removed = docs.remove_document(db, doc.id)
    assert removed.archived_at is not None
    assert docs.list_documents(db, ana) == [photo]
    assert [d.id for d in docs.list_documents(db, ana, include_archived=True)] == [doc.id, photo.id]
    assert docs.get_document_data(db, doc.id) == PDF  # archived, still on record
    assert count(db, EmployeeDocument) == 2

    assert trail(db, ana) == [
        ("tester", "document", "", "added: permit document"),
        ("tester", "document", "", "added: identity document"),
        ("tester", "document", "", "opened: permit document"),
        ("tester", "document", "kind,title,expires_on", "changed: certificate document"),
        ("tester", "document", "", "removed: certificate document"),
        ("tester", "document", "", "opened: certificate document"),
    ]
    with pytest.raises(NotFoundError):
        docs.get_document_data(db, uuid.uuid4())
    with pytest.raises(NotFoundError):
        docs.add_document(db, uuid.uuid4(), "permit", "X", "x.pdf", PDF)


def test_bad_input_names_each_field_and_writes_nothing(db):
    ana = employee(db)
    with pytest.raises(ValidationError) as err:
        docs.add_document(db, ana, "passport", "  ", "", b"", expires_on="2025-01-01")
    assert err.value.fields == {"kind", "title", "filename", "attachment", "expires_on"}
    assert err.value.message_for("kind") == "Unknown value 'passport'."
    with pytest.raises(ValidationError) as err:
        docs.add_document(db, ana, "permit", "x" * 201, "p.pdf", PDF)
    assert err.value.fields == {"title"}

    set_company(db, attachment_limit_mb=1)
    with pytest.raises(ValidationError) as err:
        docs.add_document(db, ana, "permit", "Escaneo", "escaneo.pdf", PDF + b"\0" * (MB + MB // 2 - len(PDF)))
    assert (err.value.field, err.value.errors[0].message) == ("attachment",
                                                              "escaneo.pdf is too large (1.5 MB): at most 1 MB.")
    assert count(db, EmployeeDocument) == 0 and trail(db, ana) == []

    doc = docs.add_document(db, ana, "permit", "Permiso caducado", "p.pdf", PDF, expires_on=dt.date(2001, 1, 1))
    assert doc.expires_on == dt.date(2001, 1, 1)  # filing an expired permit is allowed: it raises the alert
    with pytest.raises(ValidationError) as err:
        docs.update_document(db, doc.id, "visa", "", dt.datetime(2025, 1, 1).isoformat(), doc.version)
    assert err.value.fields == {"kind", "title", "expires_on"}
    assert docs.list_documents(db, ana)[0] == doc and len(trail(db, ana)) == 1


def test_a_file_on_disk_is_read_after_its_size_is_checked_and_named_when_it_cannot_be(db, tmp_path):
    ana = employee(db)
    set_company(db, attachment_limit_mb=1)
    scan = tmp_path / "Certificado médico.pdf"
    scan.write_bytes(PNG)
    doc = docs.add_document_file(db, ana, scan, "certificate", expires_on=dt.date(2024, 12, 31))
    assert (doc.title, doc.filename, doc.mime_type, doc.size) == (
        "Certificado médico", "Certificado médico.pdf", "image/png", len(PNG))
    assert docs.get_document_data(db, doc.id) == PNG

    big = tmp_path / "enorme.pdf"
    with open(big, "wb") as f:  # sparse: over the limit without filling the disk
        f.truncate(MB + 1)
    cases = {big: "enorme.pdf is too large (1 MB): at most 1 MB.",
             tmp_path / "se fue.pdf": "Cannot read se fue.pdf: it does not exist (was it moved or deleted?).",
             tmp_path: f"Cannot read {tmp_path.name}: it is a folder, not a file."}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "tubería")
        cases[tmp_path / "tubería"] = "Cannot read tubería: it is not a regular file."
    for path, message in cases.items():
        with pytest.raises(ValidationError) as err:
            docs.add_document_file(db, ana, path, "permit", "Permiso")
        assert (err.value.field, err.value.errors[0].message) == ("attachment", message)
    with pytest.raises(ValidationError) as err:  # the file is fine, the form is not
        docs.add_document_file(db, ana, scan, "nómina")
    assert err.value.fields == {"kind"}
    assert count(db, EmployeeDocument) == 1 and len(trail(db, ana)) == 2


def test_a_damaged_file_is_an_error_and_is_not_audited_as_opened(db):
    ana = employee(db)
    doc = docs.add_document(db, ana, "contract", "Contrato", "contrato.pdf", PDF)
    with db.session() as s:  # the stored bytes altered behind the app's back
        s.execute(update(EmployeeDocument).where(EmployeeDocument.id == doc.id).values(data=b"%PDF-1.4 tampered"))
    with pytest.raises(DamagedAttachmentError, match="contrato.pdf is damaged"):
        docs.get_document_data(db, doc.id)
    assert [n for *_x, n in trail(db, ana)] == ["added: contract document"]


# -- who may ------------------------------------------------------------------------------------------

def test_a_clerk_without_the_hr_role_is_refused_everything_and_nothing_is_written(db, tmp_path):
    ana = employee(db)
    doc = docs.add_document(db, ana, "permit", "Permiso", "p.pdf", PDF, expires_on=TODAY)
    before = trail(db, ana)
    clerk = as_roles(db)
    scan = tmp_path / "p.pdf"
    scan.write_bytes(PDF)
    calls = [lambda: docs.add_document(clerk, ana, "permit", "Permiso", "p.pdf", PDF),
             lambda: docs.add_document_file(clerk, ana, scan, "permit"),
             lambda: docs.list_documents(clerk, ana),
             lambda: docs.get_document_data(clerk, doc.id),
             lambda: docs.update_document(clerk, doc.id, "permit", "Nuevo", None),
             lambda: docs.remove_document(clerk, doc.id),
             lambda: docs.expiring_documents(clerk, TODAY),
             lambda: docs.count_expiring(clerk, TODAY)]
    for call in calls:
        with pytest.raises(PermissionDeniedError, match="Only HR staff"):
            call()
    assert count(db, EmployeeDocument) == 1 and trail(db, ana) == before
    assert docs.list_documents(db, ana) == [doc]
    hr = as_roles(db, "hr", user="marta")
    assert docs.get_document_data(hr, doc.id) == PDF
    assert trail(db, ana)[-1] == ("marta", "document", "", "opened: permit document")


def test_a_blocked_employee_s_documents_are_for_an_admin_s_eyes_only_and_frozen(db):
    ana = employee(db)
    doc = docs.add_document(db, ana, "permit", "Permiso", "p.pdf", PDF, expires_on=TODAY)
    with db.session() as s:
        s.execute(update(Employee).where(Employee.id == ana).values(blocked_at=utcnow(), blocked_by="admin",
                                                                     block_reason="Solicitud de supresión"))
    hr, admin = as_roles(db, "hr"), as_roles(db, "admin", user="jefa")
    for call in (lambda: docs.list_documents(hr, ana), lambda: docs.get_document_data(hr, doc.id)):
        with pytest.raises(PermissionDeniedError, match="blocked; only an administrator"):
            call()
    assert docs.expiring_documents(hr, TODAY) == [] and docs.count_expiring(hr, TODAY) == 0
    assert docs.list_documents(admin, ana) == [doc]
    assert docs.get_document_data(admin, doc.id) == PDF
    assert [e.document.id for e in docs.expiring_documents(admin, TODAY)] == [doc.id]
    assert docs.count_expiring(admin, TODAY) == 1
    for call in (lambda: docs.add_document(admin, ana, "permit", "Otro", "o.pdf", PDF),
                 lambda: docs.update_document(admin, doc.id, "permit", "Nuevo", None),
                 lambda: docs.remove_document(admin, doc.id)):
        with pytest.raises(PermissionDeniedError, match="unblock it before changing it"):
            call()
    assert count(db, EmployeeDocument) == 1 and docs.list_documents(admin, ana)[0].title == "Permiso"
    assert [(u, n) for u, _a, _f, n in trail(db, ana)] == [("tester", "added: permit document"), ("jefa", "opened: permit document")]


# -- expiry alerts ---------------------------------------------------------------------------------

def test_expiry_alerts_list_current_staff_documents_soonest_first(db):
    set_company(db, document_alert_days=30)
    ana = employee(db, "E00001", "Ana", "García Pérez")
    leaving = employee(db, "E00002", "Bruno", "López", end_date=TODAY + dt.timedelta(days=60))
    gone = employee(db, "E00003", "Carla", "Sanz", end_date=TODAY - dt.timedelta(days=1))
    shelved = employee(db, "E00004", "Dani", "Ruiz", archived_at=utcnow())
    erased = employee(db, "E00005", "Eva", "Mora", anonymised_at=utcnow())

    def add(who, title, days):
        return docs.add_document(db, who, "permit", title, f"{title}.pdf", PDF,
                                 expires_on=None if days is None else TODAY + dt.timedelta(days=days))

    soon = add(ana, "Carné de carretillero", 10)
    expired = add(ana, "Permiso de residencia", -5)
    edge = add(leaving, "Certificado de formación", 30)
    later = add(ana, "Reconocimiento médico", 31)
    add(ana, "Título", None)
    docs.remove_document(db, add(ana, "Permiso antiguo", 1).id)
    add(gone, "Permiso de Carla", 3)
    with db.session() as s:  # documents of records archived or anonymised since they were filed
        for who in (shelved, erased):
            s.add(EmployeeDocument(employee_id=who, kind=DocumentKind.PERMIT, title="Viejo", filename="v.pdf", size=1,
                                   sha256="0" * 64, data=b"x", expires_on=TODAY))

    alerts = docs.expiring_documents(db, today=TODAY)
    assert [(a.document.id, a.employee_code, a.employee_name, a.expires_on, a.days_left) for a in alerts] == [
        (expired.id, "E00001", "Ana García Pérez", TODAY - dt.timedelta(days=5), -5),
        (soon.id, "E00001", "Ana García Pérez", TODAY + dt.timedelta(days=10), 10),
        (edge.id, "E00002", "Bruno López", TODAY + dt.timedelta(days=30), 30),
    ]
    assert alerts[0].document.title == "Permiso de residencia"
    assert docs.count_expiring(db, today=TODAY) == 3
    assert [a.document.id for a in docs.expiring_documents(db, TODAY, within_days=31)][-1] == later.id
    assert [a.document.id for a in docs.expiring_documents(db, TODAY, within_days=0)] == [expired.id]
    with pytest.raises(ValidationError) as err:
        docs.expiring_documents(db, TODAY, within_days=-1)
    assert err.value.field == "within_days"

    with db.session() as s:
        s.execute(update(Company).values(document_alert_days=5))
    assert docs.alert_days(db) == 5
    assert docs.count_expiring(db, today=TODAY) == 1  # only the expired one now


def test_without_a_company_the_alert_looks_30_days_ahead(db):
    ana = employee(db)
    docs.add_document(db, ana, "permit", "P30", "p.pdf", PDF, expires_on=TODAY + dt.timedelta(days=30))
    docs.add_document(db, ana, "permit", "P31", "q.pdf", PDF, expires_on=TODAY + dt.timedelta(days=31))
    assert docs.alert_days(db) == 30
    assert [a.document.title for a in docs.expiring_documents(db, TODAY)] == ["P30"]
