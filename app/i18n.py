"""Translatable messages for app/, and the language they are shown in.

Messages a clerk can read are wrapped in ``_()`` with a string literal (values
go in with ``.format`` afterwards). English is the source language; the other
languages' catalogues are Qt Linguist files, ``resources/i18n/app_<lang>.ts``,
kept by ``python packaging/translations.py update``. They are read here with
the standard XML parser, since app/ never imports Qt.

The language comes, in this order, from ``TRASTIENDA_LANG``, the person's
choice (the window passes its setting to ``set_language``) and the system's
locale: Spanish where it is Spanish, English elsewhere.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from pathlib import Path

LANGUAGES = {"es": "Español", "en": "English"}  # code -> its own name
SOURCE_LANGUAGE = "en"
I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"

_language = SOURCE_LANGUAGE
_catalogue: dict[str, str] = {}


def _(message: str) -> str:
    return _catalogue.get(message) or message


def language() -> str:
    """The code of the language app/ messages and formats are in now ("es", "en")."""
    return _language


def set_language(code: str) -> str:
    """Show app/ messages in ``code`` from now on (an unknown code means English); returns it."""
    global _language, _catalogue
    code = normalise(code) or SOURCE_LANGUAGE
    _catalogue = {} if code == SOURCE_LANGUAGE else read_catalogue(I18N_DIR / f"app_{code}.ts")
    _language = code
    return code


_WINDOWS_NAMES = {"spanish": "es", "english": "en"}  # locale.getlocale() there: "Spanish_Spain"


def normalise(code: str | None) -> str | None:
    """"es_ES.UTF-8", "es-MX", "ES", "Spanish_Spain" -> "es"; None for a language we do not have."""
    short = (code or "").strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    short = _WINDOWS_NAMES.get(short, short)
    return short if short in LANGUAGES else None


def system_language() -> str:
    """The language of the system's locale if we have it, else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return normalise(value.split(":")[0]) or SOURCE_LANGUAGE
    try:
        current = locale.getlocale()[0]
    except ValueError:
        current = None
    return normalise(current) or SOURCE_LANGUAGE


def chosen_language(preference: str | None = None, system: str | None = None) -> str:
    """``TRASTIENDA_LANG`` if set, else ``preference`` ("es", "en"; "system" or None: the system's,
    which the window reads from Qt as ``system`` and the command line from the environment)."""
    return (normalise(os.environ.get("TRASTIENDA_LANG")) or normalise(preference)
            or normalise(system) or system_language())


def read_catalogue(path: Path) -> dict[str, str]:
    """English source -> translation, for the finished messages of a .ts file."""
    if not path.exists():
        return {}
    catalogue = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if translation.text:
            catalogue[message.findtext("source") or ""] = translation.text
    return catalogue
