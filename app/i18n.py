"""Translatable messages for app/.

Messages a clerk can read are wrapped in ``_()`` so that the translation issue
can extract and translate them with gettext; until then ``_`` returns the text.
"""

from __future__ import annotations

import gettext

_translations: gettext.NullTranslations = gettext.NullTranslations()


def install(translations: gettext.NullTranslations) -> None:
    """Make ``translations`` the catalogue every later ``_()`` call uses."""
    global _translations
    _translations = translations


def _(message: str) -> str:
    return _translations.gettext(message)
