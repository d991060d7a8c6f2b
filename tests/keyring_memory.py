"""A keyring backend for tests: never the real user keyring.

In memory by default. With TRASTIENDA_TEST_KEYRING_FILE set, the entries live
in that JSON file instead, so a command run as a child process sees what the
test stored (and the test sees what the command removed). The file plays the
OS keyring: it is not one of the files the app writes.

tests/conftest.py (the autouse fixture ``memory_keyring``) installs a fresh
one for every test and points PYTHON_KEYRING_BACKEND at this class, so child
processes use it too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # a usable keyring, as far as the app can tell

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[str, str] = {}

    def _file(self) -> Path | None:
        name = os.environ.get("TRASTIENDA_TEST_KEYRING_FILE")
        return Path(name) if name else None

    def _load(self) -> dict[str, str]:
        path = self._file()
        if path is None:
            return self._entries
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, entries: dict[str, str]) -> None:
        path = self._file()
        if path is None:
            self._entries = entries
        else:
            path.write_text(json.dumps(entries))

    @staticmethod
    def _key(service: str, username: str) -> str:
        return f"{service}\x1f{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = dict(self._load())
        entries[self._key(service, username)] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = dict(self._load())
        if entries.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError("no such password")
        self._save(entries)

    def entries(self) -> dict[tuple[str, str], str]:
        """Everything stored, as {(service, username): password} (tests look inside)."""
        return {tuple(k.split("\x1f", 1)): v for k, v in self._load().items()}  # type: ignore[misc]
