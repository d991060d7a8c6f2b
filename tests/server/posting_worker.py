"""One clerk's process posting drafts, with a share of transactions failing midway.

Run by tests/server/test_concurrent_posting.py in separate processes.
"""

from __future__ import annotations

import random
import uuid

from sqlalchemy.exc import OperationalError

from app.db.engine import make_engine
from app.db.session import Database
from app.errors import ConflictError


def post_all(url: str, draft_ids: list[str], seed: int, fail_share: float) -> dict[str, int]:
    """Post every draft; ``fail_share`` of the attempts die after the number and the chain
    record were written, so the transaction rolls back midway. Failed drafts are tried again."""
    import app.services.chain as chain
    from app.services.posting import post_invoice

    rng = random.Random(seed)
    real_append = chain.append_registration

    def flaky_append(session, invoice, **kw):
        record = real_append(session, invoice, **kw)
        session.flush()  # the number, the invoice and the record are in the transaction...
        if rng.random() < fail_share:
            raise RuntimeError("killed mid-post")  # ...and all of it must roll back
        return record

    chain.append_registration = flaky_append
    db = Database(make_engine(url), user=f"clerk{seed}")
    stats = {"posted": 0, "killed": 0, "busy": 0}
    pending = [uuid.UUID(i) for i in draft_ids]
    try:
        while pending:
            invoice_id = pending.pop(0)
            try:
                post_invoice(db, invoice_id)
                stats["posted"] += 1
            except RuntimeError:
                stats["killed"] += 1
                pending.append(invoice_id)
            except (OperationalError, ConflictError):
                stats["busy"] += 1
                pending.append(invoice_id)
    finally:
        db.dispose()
    return stats
