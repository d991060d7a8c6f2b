"""`contracts bill` as a person types it: a real process on a real database file."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.domain.contracts import ContractBilling
from app.domain.enums import InvoiceStatus
from app.domain.invoices import Invoice
from tests.app import printing as pdf
from tests.app.invoicing import customer
from tests.app.test_cli import run
from tests.app.test_contract_billing import make_contract


def _counts(db):
    with db.session() as s:
        posted = s.execute(select(func.count()).select_from(Invoice).where(Invoice.status == InvoiceStatus.POSTED))
        return (s.execute(select(func.count()).select_from(Invoice)).scalar_one(), posted.scalar_one(),
                s.execute(select(func.count()).select_from(ContractBilling)).scalar_one())


def test_bill_posts_prints_fails_and_runs_twice_without_billing_twice(sqlite_db):
    db, path = sqlite_db, str(sqlite_db.engine.url.database)
    pdf.make_company(db)
    good = customer(db, street="Calle Mayor 1", postal_code="28001", city="Madrid")
    no_nif = customer(db, "Bar Pepe", tax_id=None, code="C2", street="Calle Sol 2", postal_code="28002", city="Madrid")
    make_contract(db, good, reference="CT-GOOD", start=dt.date(2026, 1, 1))
    make_contract(db, no_nif, reference="CT-NONIF", start=dt.date(2026, 3, 1))

    bad = run("contracts", "bill", "--until", "31/02/2026", "--db", path)
    assert bad.returncode == 1 and "until" in bad.stderr and "31/02/2026" in bad.stderr
    assert "Traceback" not in bad.stderr and _counts(db) == (0, 0, 0)

    out = run("contracts", "bill", "--until", "2026-03-15", "--post", "--db", path)
    assert out.returncode == 1, out.stderr  # one contract failed
    assert "CT-GOOD      01/03/2026-31/03/2026  posted" in out.stdout
    assert "FAILED CT-NONIF 01/03/2026-31/03/2026: party_id:" in out.stderr
    assert "4 periods billed, 0 already billed, 0 earlier drafts posted, 1 failures" in out.stdout
    assert _counts(db) == (4, 3, 4)

    again = run("contracts", "bill", "--until", "2026-03-15", "--draft", "--db", path)
    assert again.returncode == 0, again.stderr
    assert "0 periods billed" in again.stdout and _counts(db) == (4, 3, 4)


def test_bill_needs_until_and_an_existing_database(tmp_path):
    missing = run("contracts", "bill", "--db", str(tmp_path / "none.sqlite3"))
    assert missing.returncode == 2 and "--until" in missing.stderr
    gone = run("contracts", "bill", "--until", "2026-01-01", "--db", str(tmp_path / "none.sqlite3"))
    assert gone.returncode == 1 and "does not exist" in gone.stderr
