"""A clerk's Trastienda in its own process, for ``test_sync_faults`` to kill with SIGKILL mid-work.

Run from the repository root, with TRASTIENDA_DATA_DIR set to a scratch folder:

- ``python -m tests.sync.sync_worker write REPLICA TAG PARTY_ID LOG``: offline, for ever: make the
  customer ``TAG i`` (code ``TAG-iiiii``), then set customer PARTY_ID's phone to ``i``; after each
  commit append ``party i`` / ``phone i`` to LOG and flush it, so LOG never names a write that was
  not committed (it may miss the last one that was);
- ``python -m tests.sync.sync_worker sync REPLICA SERVER_URL``: sync the replica with the server,
  printing ``push done total`` lines as batches land, then ``synced``.

Both print ``ready`` once imported and opened, so the killer's clock starts at the work itself.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path


def write(path: Path, tag: str, party_id: uuid.UUID, log_path: Path) -> None:
    from app.services import parties
    from app.services.parties import PartyData
    from app.sync.service import open_replica

    offline = open_replica(path)
    with open(log_path, "a", encoding="utf-8") as log:
        print("ready", flush=True)
        i = 0
        while True:
            parties.create_party(offline, PartyData(legal_name=f"{tag} {i}", code=f"{tag}-{i:05d}"))
            log.write(f"party {i}\n")
            log.flush()
            view = parties.get_party(offline, party_id)
            parties.update_party(offline, party_id, PartyData(legal_name=view.legal_name, phone=str(i)), view.version)
            log.write(f"phone {i}\n")
            log.flush()
            i += 1


def sync(path: Path, url: str) -> None:
    from app.db.open import open_database
    from app.sync.service import sync as run

    server = open_database(url, upgrade=False)
    print("ready", flush=True)
    run(path, server, progress=lambda what, done, total: print(what, done, total, flush=True))
    print("synced", flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "write":
        write(Path(args[0]), args[1], uuid.UUID(args[2]), Path(args[3]))
    elif mode == "sync":
        sync(Path(args[0]), args[1])
    else:
        sys.exit(f"unknown mode {mode!r}")
