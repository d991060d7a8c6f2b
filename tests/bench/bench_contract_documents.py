"""Benchmark of contract attachments and the contract summary PDF, against plain file I/O in the same run.

    .venv/bin/python -m tests.bench.bench_contract_documents [--mb 20] [--rounds 3] [--pg]

Measures (best of ``--rounds``, milliseconds) on a fresh SQLite file and, with
``--pg``, on a scratch PostgreSQL database (created and dropped):
- attach: ``add_attachment_file`` of a ``--mb`` MB file (stat, read, detect type,
  SHA-256, INSERT, commit);
- read back: ``read_attachment`` (SELECT of the bytes + SHA-256 check);
- open: ``export_attachment`` (read back + write into a private folder + verify);
- summary PDF: ``contract_summary_pdf`` of a contract with 50 price lines,
  30 history events and 3 attachments;
- the baseline: writing the same bytes to a file and reading them back with
  their SHA-256 (what the disk alone costs).
Unit tests never assert times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, text

from app.db import migrate
from app.db.engine import make_engine
from app.db.session import Database
from app.domain.contracts import ContractEvent
from app.domain.enums import ContractEventKind
from app.domain.types import utcnow
from app.services import contract_documents, contracts, parties
from app.services.contracts import ContractData, ContractLineData
from app.services.setup import ensure_reference_data, tax_rate_id
from tests.app.printing import make_company
from tests.conftest import PG_SERVER_URL


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def big_contract(db: Database):
    make_company(db)
    iva = tax_rate_id("IVA21")
    shop = parties.create_party(db, parties.PartyData(legal_name="Hotel Sol y Mar SA", tax_id="A58818501",
                                                      is_customer=True))
    view = contracts.create_contract(db, ContractData(
        kind="customer", title="Mantenimiento integral", start_date=dt.date(2024, 1, 1), party_id=shop.id,
        reference="CT-BENCH", end_date=dt.date(2024, 12, 31), auto_renew=True, renewal_months=12, notice_days=30,
        billing_frequency="monthly", billing_day=1,
        lines=[ContractLineData(f"Equipo {i:02d}: revisión y limpieza de filtros", 1, Decimal("12.50"), iva)
               for i in range(50)]))
    with db.session() as s:
        for i in range(30):
            s.add(ContractEvent(contract_id=view.id, kind=ContractEventKind.RENEWED, at=utcnow(),
                                date=dt.date(2000, 1, 1) + dt.timedelta(days=365 * i), note=f"Renovación {i}"))
    for i in range(3):
        contracts.add_attachment(db, view.id, f"anexo {i}.pdf", b"%PDF-1.4 " + os.urandom(2000))
    return view


def run(db: Database, label: str, size: int, rounds: int, work: Path) -> None:
    view = big_contract(db)
    source = work / "escaneo.pdf"
    source.write_bytes(b"%PDF-1.7\n" + os.urandom(size - 9))
    made: list = []

    def attach() -> None:
        made.append(contracts.add_attachment_file(db, view.id, source))

    attach_ms = best_of(rounds, attach)
    att = made[-1]
    read_ms = best_of(rounds, lambda: contract_documents.read_attachment(db, att.id))
    open_ms = best_of(rounds, lambda: contract_documents.export_attachment(db, att.id, work))
    pdf_ms = best_of(rounds, lambda: contract_documents.contract_summary_pdf(db, view.id))
    pages = contract_documents.contract_summary_pdf(db, view.id).count(b"/Type /Page\n")
    print(f"{label:10s} attach {size // 1024 // 1024} MB {attach_ms:8.1f} ms | read back {read_ms:7.1f} ms | "
          f"open (write+verify) {open_ms:7.1f} ms | summary PDF (50 lines, 30 events) {pdf_ms:6.1f} ms"
          f" [{pages or '?'} pages]")


def baseline(size: int, rounds: int, work: Path) -> None:
    data = os.urandom(size)
    path = work / "plain.bin"

    def cycle() -> None:
        path.write_bytes(data)
        hashlib.sha256(path.read_bytes()).hexdigest()

    print(f"{'baseline':10s} write + read + SHA-256 of {size // 1024 // 1024} MB on disk: "
          f"{best_of(rounds, cycle):.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pg", action="store_true", help="also on a scratch PostgreSQL database")
    args = ap.parse_args()
    size = args.mb * 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["TRASTIENDA_DATA_DIR"] = str(work / "data")
        baseline(size, args.rounds, work)
        engine = make_engine(work / "bench.sqlite3")
        migrate.upgrade(engine)
        db = Database(engine, user="bench")
        ensure_reference_data(db)
        run(db, "SQLite", size, args.rounds, work)
        db.dispose()
        if args.pg:
            from sqlalchemy.engine import make_url

            admin_url = make_url(PG_SERVER_URL)
            name = f"trastienda_bench_{os.getpid()}"
            admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                engine = make_engine(admin_url.set(database=name))
                migrate.upgrade(engine)
                db = Database(engine, user="bench")
                ensure_reference_data(db)
                run(db, "PostgreSQL", size, args.rounds, work)
                db.dispose()
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
