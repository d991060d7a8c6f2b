"""A contract's documents: its attached files taken out of the database, and its summary PDF.

Attachments leave the database only after their bytes are checked against
the SHA-256 stored when they were attached: a damaged file is an error, it is
never handed to a viewer or written as a copy. The summary gathers plain
values (``ContractSummary``) and ``app.documents.contract_pdf`` draws them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import uuid
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.paths import APP_AUTHOR, APP_NAME
from app.db.session import Database
from app.documents.contract_pdf import (
    ContractSummary, Counterparty, SummaryAttachment, SummaryEvent, SummaryLine, render_contract_summary,
)
from app.domain.contracts import Contract, ContractAttachment
from app.domain.employees import Employee
from app.domain.parties import Party
from app.domain.taxes import TaxRate
from app.errors import TrastiendaError
from app.i18n import _
from app.money import ZERO
from app.services.common import get_or_404, to_view
from app.services.company import find_company
from app.services.contract_lifecycle import contract_history
from app.services.contracts import AttachmentView
from app.services.totals import LineInput, compute_totals


class DamagedAttachmentError(TrastiendaError):
    """The stored bytes no longer match the checksum taken when the file was attached."""


# -- attachments out of the database ---------------------------------------------------

def read_attachment(db: Database, attachment_id: uuid.UUID) -> tuple[AttachmentView, bytes]:
    """The attachment's details and bytes, verified: DamagedAttachmentError when size or SHA-256 differ."""
    with db.session() as s:
        att = get_or_404(s, ContractAttachment, attachment_id, what=_("attachment"))
        view = to_view(AttachmentView, att)
        data = bytes(att.data)
    if len(data) != view.size or hashlib.sha256(data).hexdigest() != view.sha256:
        raise DamagedAttachmentError(_("{name} is damaged in the database: its contents no longer match the "
                                       "checksum taken when it was attached. It was not opened.")
                                     .format(name=view.filename))
    return view, data


def _write_verified(path: Path, data: bytes, sha256: str) -> Path:
    # Through a temporary name, read back and compared: no half-written or altered copy is left.
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        if hashlib.sha256(partial.read_bytes()).hexdigest() != sha256:
            raise DamagedAttachmentError(_("The copy of {name} came out different from the stored file; "
                                           "it was not kept.").format(name=path.name))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def save_attachment_copy(db: Database, attachment_id: uuid.UUID, path: str | os.PathLike) -> Path:
    """Writes the verified bytes of the attachment to ``path`` (replacing it); returns the path."""
    view, data = read_attachment(db, attachment_id)
    return _write_verified(Path(path), data, view.sha256)


def open_folder() -> Path:
    """Where opened attachments are written: a per-user cache folder only its owner can read."""
    override = os.environ.get("TRASTIENDA_DATA_DIR")
    base = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    folder = base / "opened"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def export_attachment(db: Database, attachment_id: uuid.UUID, folder: str | os.PathLike | None = None) -> Path:
    """Writes the attachment under its own name into a new private folder (mode 0700) and returns the path.

    A new folder each time: two files of the same name never overwrite each
    other, nor a copy a viewer still holds open. The written file is verified
    against the stored SHA-256 before the path is returned.
    """
    view, data = read_attachment(db, attachment_id)
    private = Path(tempfile.mkdtemp(prefix="att-", dir=folder or open_folder()))  # mkdtemp: mode 0700
    name = view.filename.replace("/", "_").replace("\\", "_").strip() or "file"
    return _write_verified(private / name, data, view.sha256)


# -- the summary -----------------------------------------------------------------------

def _address(obj) -> tuple[str, ...]:
    town = " ".join(p for p in (obj.postal_code, obj.city) if p)
    if obj.province and obj.province != obj.city:
        town = f"{town} ({obj.province})" if town else obj.province
    lines = [obj.street or "", town]
    if obj.country and obj.country != "ES":
        lines.append(obj.country)
    return tuple(line for line in lines if line)


def _counterparty(s: Session, c: Contract) -> Counterparty | None:
    if c.party_id is not None:
        p = s.get(Party, c.party_id)
        return Counterparty(p.legal_name, p.tax_id, _address(p)) if p is not None else None
    if c.employee_id is not None:
        e = s.get(Employee, c.employee_id)
        return Counterparty(e.full_name, e.tax_id, _address(e)) if e is not None else None
    return None


def _lines(s: Session, c: Contract) -> tuple[tuple[SummaryLine, ...], tuple]:
    rates = {r.id: r for r in s.execute(select(TaxRate).where(
        TaxRate.id.in_({ln.tax_rate_id for ln in c.lines}))).scalars()}
    inputs = []
    for ln in c.lines:
        rate = rates.get(ln.tax_rate_id)
        inputs.append(LineInput(ln.quantity, ln.unit_price, ZERO, rate.percent if rate else ZERO,
                                exemption_reason=rate.exemption_reason if rate else None))
    totals = compute_totals(inputs)
    lines = tuple(SummaryLine(ln.description, ln.quantity, ln.unit_price, i.tax_percent, amount)
                  for ln, i, amount in zip(c.lines, inputs, totals.line_amounts))
    return lines, totals


def contract_summary(db: Database, contract_id: uuid.UUID, *, today: dt.date | None = None) -> ContractSummary:
    """Everything the summary PDF shows, read in one session as plain values."""
    company = find_company(db)
    # The history as the editor lists it: newest (last recorded) first.
    events = tuple(SummaryEvent(e.kind, e.date, e.period_start, e.period_end, e.percent, e.note)
                   for e in contract_history(db, contract_id))
    with db.session() as s:
        c = get_or_404(s, Contract, contract_id, what=_("contract"))
        lines, totals = _lines(s, c)
        attachments = tuple(
            SummaryAttachment(*row) for row in s.execute(
                select(ContractAttachment.filename, ContractAttachment.mime_type, ContractAttachment.size,
                       ContractAttachment.sha256, ContractAttachment.created_at)
                .where(ContractAttachment.contract_id == c.id)
                .order_by(ContractAttachment.created_at, ContractAttachment.id)))
        return ContractSummary(
            company=company, counterparty=_counterparty(s, c), kind=c.kind, status=c.status, title=c.title,
            reference=c.reference, start_date=c.start_date, end_date=c.end_date,
            period_start=c.period_start or c.start_date, auto_renew=c.auto_renew, renewal_months=c.renewal_months,
            renewals=c.renewals or 0, notice_days=c.notice_days, notice_given_on=c.notice_given_on,
            terminated_on=c.terminated_on, termination_reason=c.termination_reason, value=c.value,
            billing_frequency=c.billing_frequency, billing_day=c.billing_day, billed_until=c.billed_until,
            indexation_percent=c.indexation_percent, notes=c.notes, lines=lines, totals=totals,
            events=events, attachments=attachments, printed_on=today or dt.date.today(),
        )


def contract_summary_pdf(db: Database, contract_id: uuid.UUID, *, today: dt.date | None = None) -> bytes:
    """The contract's summary as a PDF (A4, "Página N de M" on every page): what the preview shows and saves."""
    return render_contract_summary(contract_summary(db, contract_id, today=today))


def summary_file_name(db: Database, contract_id: uuid.UUID) -> str:
    """The default name of a saved summary: "contrato-<reference or title>.pdf"."""
    with db.session() as s:
        c = get_or_404(s, Contract, contract_id, what=_("contract"))
        stem = (c.reference or c.title or "contrato").strip()
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem).strip("-.") or "contrato"
    return f"contrato-{safe}.pdf"
