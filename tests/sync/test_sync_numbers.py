"""What offline copies number never collides: codes carry the workstation, a series kept for one
computer is numbered there (with its own VERI*FACTU chain), other drafts are numbered at sync."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from app.domain.invoices import Invoice
from app.domain.parties import Party
from app.domain.verifactu import InvoiceRecord
from app.errors import PostingQueued, ValidationError
from app.services import invoices, parties, posting, series
from app.services.chain import verify_chain
from app.services.invoice_documents import invoice_pdf
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData
from app.services.setup import tax_rate_id
from app.sync import replica
from app.sync.service import sync
from tests.app import printing
from tests.server.conftest import raw
from tests.sync.checks import Offline, assert_replica_equals_server, run_tag

pytestmark = pytest.mark.postgres


def _workstation(path) -> int:
    with Offline(path) as offline:
        return offline.workstation


def _customer(db, name: str):
    return parties.create_party(db, PartyData(legal_name=name, tax_id="B58378431", street="Calle Mayor 1",
                                              postal_code="50001", city="Zaragoza"))


def _draft(db, customer_id, amount: str, series_id=None):
    return invoices.create_draft(db, InvoiceData(
        issue_date=dt.date.today(), party_id=customer_id, series_id=series_id, moves_stock=False,
        lines=[InvoiceLineData(description="Reparación", quantity=1, unit_price=D(amount),
                               tax_rate_id=tax_rate_id("IVA21"))]))


def test_each_copy_gives_codes_of_its_own_workstation_and_all_reach_the_server(login, owner, tmp_path):
    run = run_tag()
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    ana, luis = login(), login()
    sync(a, ana)
    sync(b, luis)
    ws_a, ws_b = _workstation(a), _workstation(b)
    assert ws_a and ws_b and ws_a != ws_b
    made = {}
    for path, who in ((a, "Ana"), (b, "Luis")):
        with Offline(path) as offline:
            made[who] = [parties.create_party(offline, PartyData(legal_name=f"{who} {i} {run}")).code for i in range(2)]
    office = parties.create_party(owner, PartyData(legal_name=f"Oficina {run}")).code

    assert made["Ana"][0].startswith(f"C{ws_a:02d}-") and made["Luis"][0].startswith(f"C{ws_b:02d}-")
    assert re.fullmatch(r"C\d{6}", office)
    sync(a, ana)
    sync(b, luis)
    sync(a, ana)
    with owner.session() as s:
        codes = dict(s.execute(select(Party.legal_name, Party.code).where(Party.legal_name.like(f"% {run}"))).all())
    assert sorted(codes.values()) == sorted(made["Ana"] + made["Luis"] + [office])  # each once, as typed offline
    assert_replica_equals_server(a, ana)
    assert_replica_equals_server(b, luis)


def test_a_code_typed_on_both_sides_leaves_the_copy_for_the_inbox_and_later_syncs_still_work(login, owner, tmp_path):
    clerk, run = login(), run_tag()
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:
        mine = parties.create_party(offline, PartyData(legal_name=f"Mío {run}", code=f"X{run}", city="Teruel"))
    parties.create_party(owner, PartyData(legal_name=f"Suyo {run}", code=f"X{run}"))

    report = sync(path, clerk)
    assert [c["reason"] for c in report.conflicts if c["row_id"] == str(mine.id)]  # refused: the code is taken
    with Offline(path) as offline:
        with offline.session() as s:
            assert s.get(Party, mine.id) is None  # the copy shows what the server kept ...
            kept = s.execute(select(replica.sync_conflict.c.local_value)
                             .where(replica.sync_conflict.c.row_id == str(mine.id))).scalar_one()
    assert f"Mío {run}" in kept and "Teruel" in kept  # ... and the inbox keeps every value typed
    assert_replica_equals_server(path, clerk)
    parties.create_party(owner, PartyData(legal_name=f"Después {run}"))
    sync(path, clerk)  # later pulls are not stuck on the code
    assert_replica_equals_server(path, clerk)


@pytest.fixture
def kept_series(owner):
    """A series of its own for offline work, made by the owner (an accountant's job)."""
    def make(code: str, workstation: int):
        made = series.create_series(owner, series.SeriesData(code=code, name=f"Portátil {workstation}",
                                                              prefix=f"{code}-"))
        series.reserve_series(owner, code, workstation)
        return made
    return make


def _copy_keeping_a_series(login, kept_series, tmp_path, letter: str):
    """A clerk's copy, a series kept for its workstation and a customer: (clerk, run, path, ws, code, kept,
    customer), the copy synced so that it knows its series."""
    clerk, run = login(), run_tag()
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    ws = _workstation(path)
    code = f"{letter}{run[:4]}".upper()
    kept = kept_series(code, ws)
    customer = _customer(clerk, f"Cliente {run}")
    sync(path, clerk)
    return clerk, run, path, ws, code, kept, customer


def test_a_series_kept_for_a_workstation_is_posted_and_printed_offline_and_joins_its_own_chain(
        login, owner, tmp_path, kept_series):
    clerk, run, path, ws, code, kept, customer = _copy_keeping_a_series(login, kept_series, tmp_path, "W")

    with Offline(path) as offline:
        first = _draft(offline, customer.id, "100")
        assert first.series_id == kept.id  # offline, a new invoice takes the series kept for this computer
        one = posting.post_invoice(offline, first.id)
        two = posting.post_invoice(offline, _draft(offline, customer.id, "50").id)
        pdf = invoice_pdf(offline, two.id)
        queued = _draft(offline, customer.id, "20", series_id=_default_series_id(offline))
        with pytest.raises(PostingQueued):
            posting.post_invoice(offline, queued.id)
        assert verify_chain(offline).ok
    year = dt.date.today().year
    assert (one.full_number, two.full_number) == (f"{code}-{year}-000001", f"{code}-{year}-000002")
    assert two.full_number in printing.text(printing.save(tmp_path, pdf))

    report = sync(path, clerk)
    assert report.conflicts == [], report.conflicts
    assert len(report.posted) == 1
    with owner.session() as s:
        on_server = {i.id: i for i in s.scalars(select(Invoice).where(Invoice.id.in_([one.id, two.id, queued.id])))}
        records = s.execute(select(InvoiceRecord.installation, InvoiceRecord.sequence, InvoiceRecord.invoice_number)
                            .where(InvoiceRecord.invoice_id.in_([one.id, two.id, queued.id]))
                            .order_by(InvoiceRecord.installation, InvoiceRecord.sequence)).all()
    assert on_server[one.id].full_number == one.full_number and on_server[two.id].full_number == two.full_number
    assert on_server[queued.id].status.value == "posted" and on_server[queued.id].full_number == report.posted[0]
    assert [(r.installation, r.sequence) for r in records if r.installation == ws] == [(ws, 1), (ws, 2)]
    assert [r.installation for r in records if r.invoice_number == report.posted[0]] == [0]
    assert verify_chain(owner).ok  # the server's chain and the workstation's, each whole
    assert_replica_equals_server(path, clerk)
    assert sync(path, clerk).pushed == 0


def test_a_kept_series_is_numbered_nowhere_else(login, owner, tmp_path, kept_series):
    clerk, run, path, ws, code, kept, customer = _copy_keeping_a_series(login, kept_series, tmp_path, "K")
    other = login()
    online = _draft(clerk, customer.id, "10", series_id=kept.id)
    with pytest.raises(ValidationError, match=f"Series {code} is kept for the offline work of workstation {ws}"):
        posting.post_invoice(clerk, online.id)  # online: the server numbers its own series only
    with raw(other) as conn:  # another login with psql, forging the posting
        import psycopg

        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="reserved for another computer"):
            conn.execute(f"UPDATE invoice SET status = 'posted', number = 1, fiscal_year = {dt.date.today().year}, "
                         f"full_number = '{code}-{dt.date.today().year}-000001' WHERE id = %s", (online.id,))
    with pytest.raises(ValidationError, match="cannot be the default for everyone.s new invoices"):
        series.reserve_series(owner, "F", ws)  # the default series is everyone's


def _default_series_id(db):
    from app.domain.enums import InvoiceKind
    from app.domain.invoices import InvoiceSeries

    with db.session() as s:
        return s.execute(select(InvoiceSeries.id).where(InvoiceSeries.is_default.is_(True),
                                                        InvoiceSeries.kind == InvoiceKind.INVOICE)).scalar_one()


def test_an_admin_keeps_and_gives_back_a_series_from_the_command_line(login, owner, shop, tmp_path):
    from tests.sync.test_sync_cli import run

    clerk, run_id = login(), run_tag()
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    ws = _workstation(path)
    code = f"C{run_id[:4]}".upper()
    series.create_series(owner, series.SeriesData(code=code, name="Portátil", prefix=f"{code}-"))
    url = shop[0].render_as_string(hide_password=False)

    kept = run(tmp_path, "series", "keep", code, "--workstation", str(ws), "--db", url)
    assert kept.returncode == 0, kept.stderr
    listed = run(tmp_path, "series", "workstations", "--db", url)
    assert re.search(rf"^{ws}\t.*\t{clerk.user}\tseries: .*{code}", listed.stdout, re.M), listed.stdout
    missing = run(tmp_path, "series", "keep", code, "--workstation", "99999", "--db", url)
    assert missing.returncode != 0 and "There is no workstation 99999" in missing.stderr
    released = run(tmp_path, "series", "release", code, "--db", url)
    assert released.returncode == 0 and "numbered by the server again" in released.stdout
    assert series.list_series(owner) and all(v.workstation_id is None for v in series.list_series(owner)
                                             if v.code == code)


def test_demo_on_an_offline_copy_types_work_that_reaches_the_server(login, owner, tmp_path, kept_series):
    from tests.sync.checks import stocked_product
    from tests.sync.test_sync_cli import run

    clerk, run_id = login(), run_tag()
    stocked_product(clerk, f"D{run_id}", 100)
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    kept_series(f"D{run_id[:4]}".upper(), _workstation(path))
    sync(path, clerk)

    typed = run(tmp_path, "--db", str(path), "demo", "--invoices", "6", "--customers", "2", "--seed", "7")
    assert typed.returncode == 0, typed.stderr
    assert "2 customers, 6 invoices (6 numbered here, 0 to be posted at the next sync)" in typed.stdout
    with Offline(path) as offline:
        waiting = replica.pending(offline.engine)
        assert waiting > 6 * 3  # each invoice, its lines, its record and its stock moves, captured
    report = sync(path, clerk)
    assert report.conflicts == [] and report.pushed == waiting
    assert verify_chain(owner).ok
    assert_replica_equals_server(path, clerk)


def test_a_draft_waiting_to_be_posted_is_unsynced_work_an_export_keeps(login, tmp_path):
    import json

    from app.sync import recover

    clerk, run = login(), run_tag()
    customer = _customer(clerk, f"Cliente {run}")
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    with Offline(path) as offline:
        draft = _draft(offline, customer.id, "30")
    sync(path, clerk)  # the draft is on the server: only the wish to post it is left here
    with Offline(path) as offline:
        with pytest.raises(PostingQueued):
            posting.post_invoice(offline, draft.id)
        assert replica.pending(offline.engine) == 0
    assert recover.unsynced(path) == (1, 0)
    with pytest.raises(replica.ReplicaError, match="1 unsynced"):
        recover.refuse_unsaved(path)
    exported = recover.export_copy(path, tmp_path / "saved.json")
    assert exported.changes == 1
    assert json.loads((tmp_path / "saved.json").read_text())["to_post"][0]["invoice_id"] == str(draft.id)


def test_an_offline_posting_the_server_refuses_arrives_not_at_all(login, owner, tmp_path, kept_series):
    # The series was given back to the server before its computer synced: the record of the invoice posted
    # offline is no longer the next link of any chain. Its number, lines, series step and record are one
    # local transaction, so the server gets none of them, and the inbox gets them all.
    clerk, run = login(), run_tag()
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    code = f"G{run[:4]}".upper()
    kept_series(code, _workstation(path))
    customer = _customer(clerk, f"Cliente {run}")
    sync(path, clerk)
    with Offline(path) as offline:
        draft = _draft(offline, customer.id, "60")
    sync(path, clerk)  # the draft reaches the server as a draft
    with Offline(path) as offline:
        posted = posting.post_invoice(offline, draft.id)
    series.reserve_series(owner, code, None)

    report = sync(path, clerk)
    inboxed = {c["table_name"]: c["reason"] for c in report.conflicts}
    assert {"invoice", "verifactu_record", "invoice_series"} <= inboxed.keys(), inboxed
    assert "installation" in inboxed["verifactu_record"]
    assert inboxed["invoice"].startswith("not applied: made together with a change the server refused")
    with owner.session() as s:
        on_server = s.get(Invoice, draft.id)
        assert on_server.status.value == "draft" and on_server.number is None  # nothing half posted
        assert s.execute(select(InvoiceRecord).where(InvoiceRecord.invoice_id == draft.id)).first() is None
    assert verify_chain(owner).ok
    assert posted.full_number  # what the clerk printed is in the inbox, every value of it
    with Offline(path) as offline:
        with offline.session() as s:
            kept = s.execute(select(replica.sync_conflict.c.local_value)
                             .where(replica.sync_conflict.c.row_id == str(draft.id))).scalars().all()
    assert any(posted.full_number in (v or "") for v in kept)
    assert_replica_equals_server(path, clerk)


def test_a_fresh_copy_keeps_its_workstation_and_so_its_kept_series(login, owner, tmp_path, kept_series):
    from app.sync import recover

    clerk, other, run = login(), login(), run_tag()
    path = tmp_path / "replica.sqlite3"
    sync(path, clerk)
    ws = _workstation(path)
    kept_series(f"H{run[:4]}".upper(), ws)
    recover.fresh_copy(path, clerk)
    assert _workstation(path) == ws  # the series kept for it is still this computer's
    with Offline(path) as offline:
        draft = _draft(offline, _customer(offline, f"Cliente {run}").id, "40")
        assert posting.post_invoice(offline, draft.id).full_number.startswith(f"H{run[:4]}".upper())

    theirs = tmp_path / "theirs.sqlite3"
    recover.fresh_copy(theirs, other)
    path.replace(tmp_path / "clerks.sqlite3")
    theirs.replace(path)
    recover.fresh_copy(path, clerk)  # the old file is another login's: its workstation is not taken over
    assert _workstation(path) not in (ws, None)
