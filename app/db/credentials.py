"""Passwords for shared profiles: the OS keyring, PGPASSWORD, or a prompt; and logging in.

A remembered password is kept by the OS keyring (Windows Credential Manager,
macOS Keychain, Secret Service) under the service "Trastienda" and the name
"<profile>:<user>". It is never written to a file, a setting or a log, and a
URL carrying it exists only in memory. A password the server refuses is
forgotten at once, so a changed password is asked for instead of failing on
every start.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import keyring
from keyring.errors import KeyringError, PasswordDeleteError
from sqlalchemy.engine import URL

from app.db.profiles import Profile, get_profile, remember_last, save_profile
from app.errors import LoginRefusedError, TrastiendaError, ValidationError
from app.i18n import _

if TYPE_CHECKING:
    from app.db.session import Database

SERVICE = "Trastienda"


def account(profile: str, user: str) -> str:
    return f"{profile}:{user}"


# -- the keyring -------------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether "remember me" can work here: a real keyring, not the fail/null ones nor a plain-text file."""
    try:
        backend = keyring.get_keyring()
        priority = float(backend.priority)
    except Exception:  # a backend whose own check fails (no D-Bus, locked) is not usable
        return False
    return priority > 0 and "plaintext" not in type(backend).__name__.lower()


def stored_password(profile: str, user: str) -> str | None:
    """The remembered password, or None (none stored, or no keyring on this computer)."""
    if not user or not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account(profile, user))
    except KeyringError:
        return None


def store_password(profile: str, user: str, password: str) -> bool:
    """Remember a password; False when this computer has no usable keyring (nothing is written elsewhere)."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, account(profile, user), password)
    except KeyringError:
        return False
    return True


def forget_password(profile: str, user: str) -> None:
    """Remove a remembered password; nothing happens when there is none."""
    if not user or not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, account(profile, user))
    except (PasswordDeleteError, KeyringError):
        pass


# -- connecting --------------------------------------------------------------------------


def _check(url: URL) -> None:
    """Log in once to learn whether the password is right; a missing database is the command's business."""
    from app.db.engine import DatabaseMissingError, check_connection, make_engine

    engine = make_engine(url)
    try:
        check_connection(engine)
    except DatabaseMissingError:
        pass  # `db upgrade` creates it; any other command explains it
    finally:
        engine.dispose()


def command_url(name: str, *, ask: Callable[[str], str] | None = None, interactive: bool | None = None) -> URL | None:
    """The URL (password in memory) a command connects with for profile ``name``; None for "This computer".

    The password comes from the keyring, else PGPASSWORD, else (only when the server
    asks for one and stdin is a terminal) a prompt. Without a terminal nothing waits:
    a clear error says where a password can come from. A keyring password the server
    refuses is forgotten.
    """
    profile = get_profile(name)
    if profile.is_local:
        return None
    password, source = stored_password(profile.name, profile.user), "keyring"
    if password is None:
        password, source = os.environ.get("PGPASSWORD") or None, "PGPASSWORD"
    url = profile.url(password)
    try:
        _check(url)
        return url
    except LoginRefusedError as exc:
        if source == "keyring":
            forget_password(profile.name, profile.user)
        if not exc.password_missing:
            raise
    if not (sys.stdin.isatty() if interactive is None else interactive):
        raise LoginRefusedError(_(
            "The server asks {user}'s password for profile {name}, and there is none to give: log in once from the "
            "app with \"Remember me\", set PGPASSWORD, or run the command in a terminal to type it.").format(
            user=profile.user, name=profile.name), password_missing=True)
    typed = (ask or getpass.getpass)(_("Password for {user} on {name}: ").format(user=profile.user, name=profile.name))
    url = profile.url(typed)
    _check(url)
    return url


def log_in(profile: Profile, user: str, password: str, *, remember: bool) -> Database:
    """Open the profile's database as ``user``; returns the ``Database``.

    On success the password is remembered (``remember``) or any remembered one is
    forgotten, the user name typed becomes the profile's, and the profile becomes
    the one used last. A refused login forgets the remembered password. The schema
    is never migrated from here: a shared server is upgraded by its admin.
    """
    from app.db.open import open_database

    user = (user or "").strip()
    if not user:
        raise ValidationError("user", _("Type your user name."))
    try:
        database = open_database(profile.url(password, user=user), upgrade=False)
    except LoginRefusedError:
        forget_password(profile.name, user)
        raise
    if remember and password:
        store_password(profile.name, user, password)
    else:
        forget_password(profile.name, user)
    try:
        if user != profile.user:
            save_profile(replace(profile, user=user), original=profile.name)
        remember_last(profile.name)
    except TrastiendaError:
        pass  # logged in all the same; the profiles file is only a convenience
    return database


def open_profile_with_stored_password(profile: Profile) -> Database | None:
    """The profile's Database with the remembered password, or None when there is none to try.

    Raises ``DatabaseUnavailableError`` (``LoginRefusedError`` when the server refused
    it, and then it is forgotten) so the caller can show the login dialog with the reason.
    """
    password = stored_password(profile.name, profile.user)
    if password is None:
        return None
    return log_in(profile, profile.user, password, remember=True)
