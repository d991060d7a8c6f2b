"""The demo's VERI*FACTU chain, appended by the same code posting uses.

The invoices are bulk-written with their numbers; this walks them in posting
order and appends each one's registration record, then cancels the few the
demo means as cancelled, so ``chain verify`` passes on a demo database just
as it does on real work. It is the slow part of a big demo (about 1 ms per
invoice): the price of using one code path for every record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from app.db.session import Database
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice

BATCH = 500


def build_chain(db: Database, progress: Callable[[str, int, int], None] | None = None) -> int:
    """Append a record for every posted or cancelled invoice; returns how many records were written."""
    from app.services.chain import append_registration
    from app.services.corrections import cancel_invoice

    with db.session() as s:
        cancelled = list(s.scalars(select(Invoice.id).where(Invoice.status == InvoiceStatus.CANCELLED)))
        # History first: these were posted, and are cancelled below through the service.
        if cancelled:
            s.execute(update(Invoice).where(Invoice.id.in_(cancelled)).values(status=InvoiceStatus.POSTED)
                      .execution_options(synchronize_session=False))
        order = list(s.scalars(select(Invoice.id).where(Invoice.status == InvoiceStatus.POSTED)
                               .order_by(Invoice.posted_at, Invoice.series_id, Invoice.fiscal_year, Invoice.number)))
    written = 0
    for first in range(0, len(order), BATCH):
        with db.session() as s:
            batch = s.scalars(select(Invoice).where(Invoice.id.in_(order[first:first + BATCH]))
                              .options(selectinload(Invoice.lines))).all()
            by_id = {inv.id: inv for inv in batch}
            for invoice_id in order[first:first + BATCH]:
                inv = by_id[invoice_id]
                append_registration(s, inv, now=inv.posted_at)
                written += 1
        if progress:
            progress("verifactu_record", written, len(order))
    for invoice_id in cancelled:
        with db.session() as s:
            posted_at = s.get(Invoice, invoice_id).posted_at
        cancel_invoice(db, invoice_id, "Emitida por error", now=posted_at + dt.timedelta(hours=2))
        written += 1
    return written
