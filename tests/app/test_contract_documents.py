"""A clerk files the signed contract and its scans, opens them again, and prints the contract's summary."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import stat
import subprocess
import uuid
import zipfile
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from app.domain.company import Company
from app.domain.contracts import ContractAttachment, ContractEvent
from app.domain.enums import ContractEventKind
from app.domain.types import utcnow
from app.errors import NotFoundError, ValidationError
from app.services import contract_documents as docs
from app.services import contracts, parties
from app.services.contracts import ContractData, ContractLineData
from app.services.employees import EmployeeData, create_employee
from app.services.setup import tax_rate_id
from tests.app.printing import make_company, save, text

IVA21 = tax_rate_id("IVA21")
IVA10 = tax_rate_id("IVA10")
MB = 1024 * 1024


def _count(db) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(ContractAttachment)).scalar_one()


@pytest.fixture
def contract(db):
    customer = parties.create_party(db, parties.PartyData(
        legal_name="Hotel Sol y Mar SA", tax_id="A58818501", is_customer=True, street="Avda. del Puerto, 12",
        postal_code="46011", city="València", province="Valencia"))
    return contracts.create_contract(db, ContractData(
        kind="customer", title="Mantenimiento de climatización", start_date=dt.date(2025, 1, 1),
        party_id=customer.id, reference="CT-2025-007", end_date=dt.date(2025, 12, 31), auto_renew=True,
        renewal_months=12, notice_days=30, value=Decimal("1452.00"), billing_frequency="monthly", billing_day=1,
        indexation_percent=Decimal("2.8"), notes="Revisión trimestral incluida; urgencias 24 h.",
        lines=[ContractLineData("Cuota de mantenimiento", 1, Decimal("100"), IVA21),
               ContractLineData("Revisión de filtros", 2, Decimal("10.005"), IVA10)]))


def _set_limit_mb(db, mb: int) -> None:
    make_company(db)
    with db.session() as s:
        s.execute(update(Company).values(attachment_limit_mb=mb))


def _add_events(db, contract_id, count: int) -> None:
    kinds = [ContractEventKind.CREATED, ContractEventKind.ACTIVATED, ContractEventKind.RENEWED,
             ContractEventKind.INDEXED]
    with db.session() as s:
        for i in range(count):
            kind = kinds[min(i, 2) if i < 3 else 2 + i % 2]
            day = dt.date(2025, 1, 1) + dt.timedelta(days=30 * i)
            s.add(ContractEvent(contract_id=contract_id, kind=kind, date=day, at=utcnow(),
                                period_start=day if kind == ContractEventKind.RENEWED else None,
                                period_end=day + dt.timedelta(days=364) if kind == ContractEventKind.RENEWED else None,
                                percent=Decimal("2.8") if kind == ContractEventKind.INDEXED else None,
                                note=f"Suceso número {i}"))


# -- attachments ---------------------------------------------------------------------------

def test_the_limit_comes_from_the_company_setting_and_nothing_is_written_over_it(db, contract, tmp_path):
    assert contracts.attachment_limit(db) == contracts.MAX_ATTACHMENT_BYTES  # no company yet: 20 MB
    _set_limit_mb(db, 1)
    assert contracts.attachment_limit(db) == MB
    scan = tmp_path / "escaneo grande.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + b"\0" * (MB + MB // 2 - 9))
    with pytest.raises(ValidationError) as err:
        contracts.add_attachment_file(db, contract.id, scan)
    assert err.value.field == "attachment"
    assert err.value.errors[0].message == "escaneo grande.pdf is too large (1.5 MB): at most 1 MB."
    with pytest.raises(ValidationError) as err:  # the bytes themselves are checked the same way
        contracts.add_attachment(db, contract.id, "escaneo.pdf", scan.read_bytes())
    assert "(1.5 MB): at most 1 MB" in err.value.errors[0].message
    assert _count(db) == 0

    exact = tmp_path / "justo.pdf"
    exact.write_bytes(b"%PDF-1.7\n" + b"\1" * (MB - 9))  # exactly 1 MB is allowed
    att = contracts.add_attachment_file(db, contract.id, exact)
    assert (att.filename, att.size, att.mime_type) == ("justo.pdf", MB, "application/pdf")
    assert _count(db) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unreadable_file_is_refused_naming_it(db, contract, tmp_path):
    locked = tmp_path / "nóminas.pdf"
    locked.write_bytes(b"%PDF-1.4 secret")
    locked.chmod(0)
    try:
        with pytest.raises(ValidationError) as err:
            contracts.add_attachment_file(db, contract.id, locked)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert err.value.field == "attachment"
    assert err.value.errors[0].message == "Cannot read nóminas.pdf: permission denied."
    assert _count(db) == 0


def test_missing_folder_pipe_and_empty_files_are_refused_naming_them(db, contract, tmp_path):
    (tmp_path / "no es carpeta.txt").write_bytes(b"x")
    cases = {
        tmp_path / "no es carpeta.txt" / "a.pdf": "Cannot read a.pdf: Not a directory",
        tmp_path / "se fue.pdf": "Cannot read se fue.pdf: it does not exist (was it moved or deleted?).",
        tmp_path: f"Cannot read {tmp_path.name}: it is a folder, not a file.",
        tmp_path / "vacío.txt": "vacío.txt is empty.",
    }
    (tmp_path / "vacío.txt").write_bytes(b"")
    if hasattr(os, "mkfifo"):  # reading a pipe would wait forever: refused before it is opened
        os.mkfifo(tmp_path / "tubería")
        cases[tmp_path / "tubería"] = "Cannot read tubería: it is not a regular file."
    for path, message in cases.items():
        with pytest.raises(ValidationError) as err:
            contracts.add_attachment_file(db, contract.id, path)
        assert (err.value.field, err.value.errors[0].message) == ("attachment", message)
    with pytest.raises(NotFoundError):
        contracts.add_attachment_file(db, uuid.uuid4(), __file__)
    assert _count(db) == 0


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if first:
            z.writestr(first, entries.pop(first), compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, expected", [
    ("scan", b"%PDF-1.4\n...", "application/pdf"),  # no extension: the bytes tell
    ("foto.dat", b"\x89PNG\r\n\x1a\n....", "image/png"),
    ("firma.pdf", b"\xff\xd8\xff\xe0..JFIF", "image/jpeg"),  # a misnamed photo is still a photo
    ("fax.tif", b"II*\x00....", "image/tiff"),
    ("fax2", b"MM\x00*....", "image/tiff"),
    ("anexo", _zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<t/>"}),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("tarifas", _zip({"xl/workbook.xml": b"<x/>"}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("acta", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}, "mimetype"),
     "application/vnd.oasis.opendocument.text"),
    ("fotos.zip", _zip({"a.jpg": b"x"}), "application/zip"),
    ("notas.txt", b"hola", "text/plain"),  # no magic: the extension
    ("raro", b"\x00\x01\x02", "application/octet-stream"),
])
def test_mime_type_comes_from_the_content_then_the_extension(name, data, expected):
    assert contracts.detect_mime(name, data) == expected


def test_stored_types_and_opening_writes_the_verified_bytes_under_their_name(db, contract, tmp_path):
    jpeg = b"\xff\xd8\xff\xe0" + os.urandom(5000)
    att = contracts.add_attachment(db, contract.id, "firma cliente.jpg", jpeg)
    assert att.mime_type == "image/jpeg"
    first = docs.export_attachment(db, att.id, tmp_path)
    second = docs.export_attachment(db, att.id, tmp_path)
    assert first.name == second.name == "firma cliente.jpg" and first != second  # never overwrites
    assert first.read_bytes() == jpeg
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700 or os.name != "posix"
    assert not list(first.parent.glob("*.part"))
    private = docs.export_attachment(db, att.id)  # the per-user cache folder
    assert private.read_bytes() == jpeg and docs.open_folder() in private.parents

    copy = docs.save_attachment_copy(db, att.id, tmp_path / "copia.jpg")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == att.sha256


def test_a_damaged_attachment_is_never_opened_nor_copied(db, contract, tmp_path):
    att = contracts.add_attachment(db, contract.id, "contrato.pdf", b"%PDF-1.4 original")
    with db.session() as s:  # the stored bytes altered behind the app's back
        s.execute(update(ContractAttachment).where(ContractAttachment.id == att.id)
                  .values(data=b"%PDF-1.4 tampered"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(docs.DamagedAttachmentError, match="contrato.pdf is damaged"):
        docs.export_attachment(db, att.id, out)
    with pytest.raises(docs.DamagedAttachmentError):
        docs.save_attachment_copy(db, att.id, out / "copia.pdf")
    assert [p for p in out.rglob("*") if p.is_file()] == []


# -- the summary PDF --------------------------------------------------------------------------

def test_summary_pdf_shows_terms_counterparty_prices_history_and_files(db, contract, tmp_path):
    make_company(db)
    contracts.add_attachment(db, contract.id, "contrato firmado.pdf", b"%PDF-1.4 firmado")
    _add_events(db, contract.id, 4)
    pdf = save(tmp_path, docs.contract_summary_pdf(db, contract.id, today=dt.date(2025, 6, 2)), "resumen.pdf")
    words = " ".join(text(pdf).split())
    for expected in (
        "RESUMEN DE CONTRATO BORRADOR", "Mantenimiento de climatización",
        "Referencia: CT-2025-007", "Suministros del Ebro SL", "NIF: A58818501",  # the company
        "Hotel Sol y Mar SA", "Avda. del Puerto, 12", "46011 València (Valencia)",  # the customer
        "Límite de preaviso: 01/12/2025", "Automática cada 12 meses", "Mensual, el día 1",
        "1.452,00 €", "2,8 % en cada renovación",
        "Cuota de mantenimiento 1 100,00 21 % 100,00", "Revisión de filtros 2 10,005 10 % 20,01",
        "Base imponible 120,01 €", "IVA 21 % 21,00 €", "IVA 10 % 2,00 €", "TOTAL POR PERIODO (MENSUAL) 143,01 €",
        "Revisión trimestral incluida",
        "Revisión de precios", "Suceso número 3", "Renovación",
        "contrato firmado.pdf application/pdf 16 B " + hashlib.sha256(b"%PDF-1.4 firmado").hexdigest()[:12],
        "Emitido el 02/06/2025", "Página 1 de 1",
    ):
        assert expected in words, expected
    # Newest event first.
    assert words.index("Suceso número 3") < words.index("Suceso número 0")


def test_summary_of_an_employment_contract_names_the_employee(db, tmp_path):
    ana = create_employee(db, EmployeeData("Ana", "García Pérez", "12345678Z", dt.date(2020, 1, 1)))
    view = contracts.create_contract(db, ContractData(kind="employment", title="Contrato indefinido",
                                                      start_date=dt.date(2020, 1, 1), employee_id=ana.id))
    words = " ".join(text(save(tmp_path, docs.contract_summary_pdf(db, view.id))).split())
    assert all(s in words for s in ("EMPLEADO/A", "Ana García Pérez", "NIF: 12345678Z", "Tipo: Laboral"))
    assert "Fin: Indefinido" in words and "El contrato no tiene líneas de precio." in words
    assert "Sin documentos adjuntos." in words
    with db.session() as s:  # filing a contract may record its creation: the history shows what there is
        kinds = s.execute(select(ContractEvent.kind).where(ContractEvent.contract_id == view.id)).scalars().all()
    assert ("Sin sucesos registrados." in words) == (not kinds)
    assert ("Alta" in words) == (ContractEventKind.CREATED in kinds)
    with pytest.raises(NotFoundError):
        docs.contract_summary_pdf(db, uuid.uuid4())


def test_a_long_summary_breaks_between_rows_and_numbers_its_pages(db, contract, tmp_path):
    make_company(db)
    contracts.update_contract(db, contract.id, ContractData(
        kind="customer", title=contract.title, start_date=contract.start_date, party_id=contract.party_id,
        reference=contract.reference, end_date=contract.end_date, billing_frequency="quarterly", billing_day=5,
        lines=[ContractLineData(f"Equipo {i:02d}: revisión de la unidad exterior y limpieza de filtros", 1,
                                Decimal("12.50"), IVA21) for i in range(50)]))
    _add_events(db, contract.id, 30)
    pdf = save(tmp_path, docs.contract_summary_pdf(db, contract.id), "largo.pdf")
    full = text(pdf)
    count = full.count("\f")  # pdftotext ends every page with a form feed
    assert count >= 3
    for n in range(1, count + 1):
        page = " ".join(text(pdf, page=n).split())
        assert f"Página {n} de {count}" in page
    words = " ".join(full.split())
    assert all(f"Equipo {i:02d}" in words for i in range(50))
    assert all(f"Suceso número {i}" in words for i in range(30))
    assert "Precios (continuación)" in words  # the table's header repeats on the next page
    assert "TOTAL POR PERIODO (TRIMESTRAL) 756,25 €" in words  # 50 x 12,50 = 625 + 21 %
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all("DejaVuSans" in r and r.split()[-5] == "yes" for r in rows), fonts  # embedded
