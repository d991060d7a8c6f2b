"""Connection profiles: "This computer" and any number of shared PostgreSQL servers.

Profiles live in ``profiles.json`` in the per-user data directory, with the
one used last. The file never holds a password: a remembered password is in
the OS keyring (``app.db.credentials``), and a URL with a password exists
only in memory, as a SQLAlchemy ``URL`` object (whose ``str()`` hides it).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.db.paths import data_dir
from app.errors import FieldError, NotFoundError, TrastiendaError, ValidationError
from app.i18n import _

LOCAL = "This computer"  # the built-in profile: the SQLite file in the data directory
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
VERIFYING = ("verify-ca", "verify-full")
FILE_NAME = "profiles.json"


@dataclass(frozen=True)
class Profile:
    """Where to connect and as whom; never how (no password here)."""

    name: str
    host: str = ""
    port: int = 5432
    database: str = "trastienda"
    user: str = ""
    sslmode: str = "prefer"
    sslrootcert: str = ""  # the CA file that signs the server's certificate (verify-ca / verify-full)

    @property
    def is_local(self) -> bool:
        return self.name == LOCAL

    def url(self, password: str | None = None, user: str | None = None) -> URL:
        """The SQLAlchemy URL, password included, in memory only: never ``render_as_string(hide_password=False)``."""
        query = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        return URL.create("postgresql+psycopg", username=user or self.user, password=password or None,
                          host=self.host, port=self.port, database=self.database, query=query)

    def describe(self, user: str | None = None) -> str:
        """``ana@server:5432/trastienda``: for the status bar and lists."""
        if self.is_local:
            return _("this computer")
        return f"{user or self.user}@{self.host}:{self.port}/{self.database}"


LOCAL_PROFILE = Profile(LOCAL)


def profiles_path() -> Path:
    return data_dir() / FILE_NAME


# -- the file ---------------------------------------------------------------------------


def _read() -> dict:
    path = profiles_path()
    if not path.exists():
        return {"profiles": [], "last": LOCAL}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("profiles", []), list):
            raise ValueError("not a profiles file")
    except (OSError, ValueError) as exc:
        raise TrastiendaError(_("The connection profiles file {path} cannot be read ({reason}). "
                                "Fix or delete it; \"This computer\" works without it.").format(
            path=path, reason=exc)) from None
    return data


def _write(data: dict) -> None:
    path = profiles_path()
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise TrastiendaError(_("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from None


def _from_dict(item: dict) -> Profile:
    known = {f.name for f in fields(Profile)}
    values = {k: v for k, v in item.items() if k in known}
    try:
        values["port"] = int(values.get("port", 5432))
    except (TypeError, ValueError):
        values["port"] = 5432  # a hand-edited file: the editor shows it and validation holds on save
    return Profile(**values)


def list_profiles() -> list[Profile]:
    """"This computer" first, then the shared servers in the order they were added."""
    return [LOCAL_PROFILE, *(_from_dict(item) for item in _read()["profiles"] if item.get("name") != LOCAL)]


def get_profile(name: str) -> Profile:
    wanted = (name or "").strip().casefold()
    for profile in list_profiles():
        if profile.name.casefold() == wanted:
            return profile
    raise NotFoundError(_("There is no connection profile named {name!r}. "
                          "`python main.py profile list` shows them.").format(name=name))


def save_profile(profile: Profile, *, original: str | None = None) -> Profile:
    """Add a profile, or replace the one named ``original`` (an edit, maybe renamed).

    Validates first: nothing is written when any field is wrong.
    """
    if original is not None and original.casefold() == LOCAL.casefold():
        raise ValidationError("name", _("\"This computer\" is the built-in local profile; it has nothing to edit."))
    profile = validate(profile, original=original)
    data = _read()
    items = data["profiles"]
    keep = (original or "").casefold()
    at = next((i for i, item in enumerate(items) if item.get("name", "").casefold() == keep), None)
    if original is not None and at is None:
        raise NotFoundError(_("There is no connection profile named {name!r}.").format(name=original))
    if at is None:
        items.append(asdict(profile))
    else:
        items[at] = asdict(profile)
        if data.get("last", "").casefold() == keep:
            data["last"] = profile.name
    _write(data)
    return profile


def remove_profile(name: str) -> Profile:
    """Forget a shared profile (the caller forgets its password too); "This computer" stays."""
    profile = get_profile(name)
    if profile.is_local:
        raise ValidationError("name", _("\"This computer\" is always there and cannot be removed."))
    data = _read()
    data["profiles"] = [item for item in data["profiles"] if item.get("name") != profile.name]
    if data.get("last") == profile.name:
        data["last"] = LOCAL
    _write(data)
    return profile


def last_profile() -> Profile:
    """The profile used last; "This computer" when none was, or it was removed."""
    try:
        return get_profile(_read().get("last") or LOCAL)
    except NotFoundError:
        return LOCAL_PROFILE


def remember_last(name: str) -> None:
    data = _read()
    if data.get("last") != name:
        data["last"] = name
        _write(data)


# -- validation ---------------------------------------------------------------------------


def validate(profile: Profile, *, original: str | None = None) -> Profile:
    """The profile cleaned up (trimmed, absolute CA path), or a ValidationError naming each bad field."""
    from app.services.validation import Validator

    v = Validator()
    name = v.required("name", profile.name, max_len=60)
    if name and any(ch in name for ch in ":/\\\n\r\t\0"):
        v.error("name", _("A profile name may not contain : / \\ or control characters."))
    taken = {p.name.casefold() for p in list_profiles()} - {(original or "").casefold()}
    if name and name.casefold() in taken:
        v.error("name", _("There is already a profile named {name!r}.").format(name=name)
                if name.casefold() != LOCAL.casefold() else _("\"This computer\" is the built-in local profile."))
    host = v.required("host", profile.host, max_len=255)
    if host and any(ch.isspace() or ch in "/@?#\0" for ch in host):
        v.error("host", _("Write a server name or address, e.g. server.office.lan or 192.168.1.10."))
    try:
        port = int(profile.port)
    except (TypeError, ValueError):
        port = 0
    if not 1 <= port <= 65535:
        v.error("port", _("The port is a number from 1 to 65535 (PostgreSQL uses 5432)."))
    database = v.required("database", profile.database, max_len=63)
    user = v.required("user", profile.user, max_len=63)
    for field, value in (("database", database), ("user", user)):
        if value and any(ch in value for ch in "\0\n\r"):
            v.error(field, _("Control characters are not allowed here."))
    sslmode = (profile.sslmode or "").strip().lower()
    if sslmode not in SSL_MODES:
        v.error("sslmode", _("TLS mode must be one of: {modes}.").format(modes=", ".join(SSL_MODES)))
    rootcert = (profile.sslrootcert or "").strip()
    if rootcert:
        path = Path(rootcert).expanduser()
        if not path.is_file():
            v.error("sslrootcert", _("No CA certificate file at {path}.").format(path=path))
        rootcert = str(path.resolve())
    elif sslmode in VERIFYING:
        v.error("sslrootcert", _("TLS mode {mode} checks the server's certificate: give the CA certificate file "
                                 "that signed it.").format(mode=sslmode))
    v.done()
    return Profile(name=name, host=host, port=port, database=database, user=user, sslmode=sslmode,
                   sslrootcert=rootcert)


def profile_from_url(name: str, url_text: str, *, sslmode: str | None = None,
                     sslrootcert: str | None = None) -> Profile:
    """A profile from ``postgresql+psycopg://USER@HOST:PORT/DB`` (not yet validated or saved).

    A password in the URL is refused: the URL would end up in shell history, and
    the profile on disk must never hold one.
    """
    try:
        url = make_url((url_text or "").strip())
    except ArgumentError:
        raise ValidationError("url", _("Not a database URL; write postgresql+psycopg://USER@HOST:PORT/DATABASE.")) from None
    problems: list[FieldError] = []
    if url.get_backend_name() != "postgresql":
        problems.append(FieldError("url", _("A shared profile is a PostgreSQL server: "
                                              "postgresql+psycopg://USER@HOST:PORT/DATABASE.")))
    if url.password is not None:
        problems.append(FieldError("url", _("Leave the password out of the URL: it would be stored on disk. "
                                              "The app asks for it, or takes it from PGPASSWORD.")))
    if problems:
        raise ValidationError(problems)
    query = {k: (v[0] if isinstance(v, tuple) else v) for k, v in url.query.items()}
    return replace(Profile(name=(name or "").strip()), host=url.host or "", port=url.port or 5432,
                   database=url.database or "", user=url.username or "",
                   sslmode=sslmode or query.get("sslmode", "prefer"),
                   sslrootcert=sslrootcert or query.get("sslrootcert", ""))
