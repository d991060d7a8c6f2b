"""``--profile NAME sync`` and ``--profile NAME --offline ...`` from the command line; the offline copy's rules."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from app.db import profiles
from app.db.open import open_database
from app.errors import PostingQueued
from app.services import invoices, parties, posting
from app.services.invoices import InvoiceData, InvoiceLineData
from app.services.parties import PartyData
from app.services.setup import tax_rate_id
from app.sync import replica
from app.sync.replica import replica_path

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRASTIENDA_DATA_DIR": str(data_dir),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("PGPASSWORD", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_sync_makes_the_copy_then_offline_work_reaches_the_server(login, tmp_path, monkeypatch):
    clerk = login("clerk")
    parties.create_party(clerk, PartyData(legal_name="En el servidor SL"))
    monkeypatch.setenv("TRASTIENDA_DATA_DIR", str(tmp_path))
    url = clerk.engine.url
    profiles.save_profile(profiles.Profile("Oficina", host=url.host, port=url.port or 5432, database=url.database,
                                           user=url.username, sslmode="disable"))

    no_copy = run(tmp_path, "--profile", "Oficina", "--offline", "invoice", "list")
    assert no_copy.returncode == 1 and "no offline copy of Oficina" in no_copy.stderr

    made = run(tmp_path, "--profile", "Oficina", "sync")
    assert made.returncode == 0, made.stderr
    assert "Offline copy made" in made.stdout
    path = replica_path("Oficina")

    offline = open_database(str(path))  # what --offline opens: the copy, with the server's login and roles
    try:
        assert offline.offline and offline.user == url.username and offline.roles == clerk.roles
        customer = parties.create_party(offline, PartyData(legal_name="Escrito sin red SL", tax_id="B58378431",
                                                           street="Calle Mayor 1", postal_code="50001",
                                                           city="Zaragoza"))
        draft = invoices.create_draft(offline, InvoiceData(issue_date=dt.date.today(), party_id=customer.id, moves_stock=False, lines=[
            InvoiceLineData(description="Servicio", quantity=1, unit_price=D("100"),
                            tax_rate_id=tax_rate_id("IVA21"))]))
        with pytest.raises(PostingQueued, match="posted, with the next number of its series, when this computer "
                                                "syncs"):
            posting.post_invoice(offline, draft.id)  # F is the server's series: numbered at sync
        with offline.session() as s:
            from app.domain.invoices import Invoice

            assert s.get(Invoice, draft.id).status.value == "draft" and s.get(Invoice, draft.id).number is None
        assert replica.pending(offline.engine) >= 2
    finally:
        offline.dispose()

    listed = run(tmp_path, "--profile", "Oficina", "--offline", "invoice", "list")
    assert listed.returncode == 0, listed.stderr

    synced = run(tmp_path, "--profile", "Oficina", "sync")
    assert synced.returncode == 0, synced.stderr
    assert "Synced:" in synced.stdout
    with clerk.session() as s:
        from sqlalchemy import select

        from app.domain.invoices import Invoice
        from app.domain.parties import Party

        names = set(s.execute(select(Party.legal_name)).scalars())
        posted = s.get(Invoice, draft.id)
        assert posted.status.value == "posted" and posted.full_number  # posted by the sync, numbered there
    assert posted.full_number in synced.stdout
    assert {"En el servidor SL", "Escrito sin red SL"} <= names


def test_sync_without_a_profile_is_refused_clearly(tmp_path):
    out = run(tmp_path, "sync")
    assert out.returncode == 2 and "sync needs --profile NAME" in out.stderr
