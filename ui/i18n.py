"""The window's language: Qt's translators, the locale that formats numbers, and app/'s messages.

At start-up ``install_language`` picks the language (``TRASTIENDA_LANG``, else the
clerk's choice in View > Language, else the system's: Spanish where the system
is Spanish, English elsewhere) and installs, for a language other than English,
Qt's own translation (standard buttons, file dialogs, context menus) and ours
(``resources/i18n/trastienda_<lang>.qm``, compiled from the .ts by
packaging/translations.py). A checkout without the .qm compiles it on the spot
when the PySide6 tools are there, so ``python main.py`` is never English by accident.
"""

from __future__ import annotations

import functools
import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n
from ui.common.settings import settings

log = logging.getLogger(__name__)

SETTING = "language"  # "system", "es" or "en"
QT_LOCALES = {"es": QLocale(QLocale.Language.Spanish, QLocale.Country.Spain),
              "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}

_installed: list[QTranslator] = []  # Qt keeps no reference: these must live as long as the app


def preference() -> str:
    value = str(settings().value(SETTING, "system") or "system")
    return value if value in i18n.LANGUAGES else "system"


def save_preference(value: str) -> None:
    store = settings()
    store.setValue(SETTING, value if value in i18n.LANGUAGES else "system")
    store.sync()


def system_language() -> str:
    return i18n.normalise(QLocale.system().name()) or i18n.SOURCE_LANGUAGE


def install_language(app: QCoreApplication, code: str | None = None) -> str:
    """Show the UI in ``code`` (None: the chosen one), replacing any language installed before."""
    language = i18n.normalise(code) or i18n.chosen_language(preference(), system_language())
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != i18n.SOURCE_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, path in (("qtbase", f"{qt_dir}/qtbase_{language}.qm"), ("trastienda", _our_catalogue(language))):
            translator = QTranslator(app)
            if path and translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("No %s translation for %s (%s)", name, language, path)
    system = QLocale.system()
    locale = system if i18n.normalise(system.name()) == language else QT_LOCALES[language]
    QLocale.setDefault(locale)
    i18n.set_language(language)
    return language


def _our_catalogue(language: str):
    """resources/i18n/trastienda_<lang>.qm, compiled first if the .ts is newer and the tools exist."""
    qm = i18n.I18N_DIR / f"trastienda_{language}.qm"
    ts = qm.with_suffix(".ts")
    if getattr(sys, "frozen", False) or not ts.exists():
        return qm if qm.exists() else None
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        try:
            translations_tool().compile_all()
        except Exception as exc:  # noqa: BLE001 - no tools: English rather than no window
            log.warning("Could not compile %s: %s", ts, exc)
    return qm if qm.exists() else None


@functools.cache
def translations_tool():
    """packaging/translations.py as a module (packaging/ is a folder of scripts, not a package:
    ``import packaging`` is the PyPI library of that name)."""
    import importlib.util

    script = i18n.I18N_DIR.parents[1] / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("trastienda_translations", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def add_language_menu(window, menu):
    """View > Language: the system's, Español or English. A choice is kept for the next start and
    applied now by rebuilding the window on the same database (unsaved edits are asked about)."""
    from PySide6.QtGui import QAction, QActionGroup

    submenu = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(submenu)
    current = preference()
    system_name = i18n.LANGUAGES[system_language()]
    choices = [("system", QCoreApplication.translate("Language", "System language ({0})").replace("{0}", system_name)),
               *[(code, name) for code, name in i18n.LANGUAGES.items()]]
    for code, text in choices:
        action = QAction(text, submenu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setObjectName(f"language_{code}")
        action.triggered.connect(lambda _checked=False, code=code: choose_language(window, code))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def choose_language(window, code: str):
    """Keep ``code`` ("system", "es", "en") and show the window in it; returns the new window or None."""
    from PySide6.QtWidgets import QApplication

    from ui.app import reopen_window

    before = i18n.language()
    save_preference(code)
    language = install_language(QApplication.instance())
    if language == before:
        return None
    new = reopen_window(window)
    if new is None:  # the clerk kept unsaved edits: the open window stays as it was, the choice applies later
        install_language(QApplication.instance(), before)
    return new
