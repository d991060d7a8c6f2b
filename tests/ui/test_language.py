"""The window in Spanish or English: Qt's and our catalogues, the locale's numbers, View > Language."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import i18n
from ui import i18n as ui_i18n
from ui.common.formatting import format_decimal, parse_decimal
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english_after():
    yield
    ui_i18n.install_language(QApplication.instance(), "en")
    assert i18n.language() == "en"


def _titles(window) -> list[str]:
    return [window.tabs.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&")
            for i in range(window.tabs.count())]


def test_in_spanish_the_window_qt_and_numbers_are_spanish(qtbot, sqlite_db, english_after):
    assert ui_i18n.install_language(QApplication.instance(), "es") == "es"
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
    qtbot.addWidget(window)
    assert _titles(window) == ["Panel", "Facturas", "Contratos", "Inventario", "Empleados", "Clientes y proveedores"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&Archivo"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalogue
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"
    assert format_decimal(Decimal("1234567.5")) == "1.234.567,50"
    assert format_decimal(Decimal("1234.56")) == "1.234,56"
    assert parse_decimal("1.234,56") == Decimal("1234.56")
    assert QLocale().language() == QLocale.Language.Spanish
    assert i18n.language() == "es"
    catalogue = i18n.read_catalogue(i18n.I18N_DIR / "app_es.ts")  # app/ messages: from app_es.ts
    assert i18n._("{where} does not exist.") == catalogue["{where} does not exist."] != "{where} does not exist."


def test_in_english_the_window_and_numbers_are_english(qtbot, sqlite_db, english_after):
    ui_i18n.install_language(QApplication.instance(), "en")
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3", remember=False)
    qtbot.addWidget(window)
    assert _titles(window)[:2] == ["Dashboard", "Invoices"]
    assert format_decimal(Decimal("1234.56")) == "1,234.56"


def test_view_language_rebuilds_the_window_in_the_choice_and_keeps_it(qtbot, sqlite_db, monkeypatch, english_after):
    monkeypatch.delenv("TRASTIENDA_LANG")
    monkeypatch.setattr(ui_i18n, "system_language", lambda: "en")
    from ui import app as ui_app

    window = ui_app.show_window(ui_app.Opened(sqlite_db, "/tmp/shop.sqlite3", None))
    window.tabs.setCurrentIndex(2)
    names = [a.objectName() for a in window.language_menu.actions()]
    assert names == ["language_system", "language_es", "language_en"]
    window.findChild(type(window.language_menu.actions()[0]), "language_es").trigger()
    spanish = ui_app._live["window"]
    assert spanish is not window and spanish.database is sqlite_db
    assert _titles(spanish)[1] == "Facturas" and spanish.tabs.currentIndex() == 2
    assert ui_i18n.preference() == "es"
    assert spanish.findChild(type(spanish.language_menu.actions()[0]), "language_es").isChecked()
    spanish.findChild(type(spanish.language_menu.actions()[0]), "language_system").trigger()
    english = ui_app._live["window"]
    assert _titles(english)[1] == "Invoices" and ui_i18n.preference() == "system"
    ui_app._live.pop("window", None)  # no top-level window left behind for a later test's exec()
    english.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_language_is_the_environment_s_then_the_choice_then_the_system_s(monkeypatch):
    monkeypatch.delenv("TRASTIENDA_LANG")
    assert i18n.chosen_language("system", "es_ES") == "es"
    assert i18n.chosen_language(None, "de_DE") in ("en", i18n.system_language())
    assert i18n.chosen_language("en", "es_ES") == "en"
    assert i18n.chosen_language("es", "en_US") == "es"
    monkeypatch.setenv("TRASTIENDA_LANG", "es")
    assert i18n.chosen_language("en", "en_US") == "es"
    for code, short in (("es_ES.UTF-8", "es"), ("es-MX", "es"), ("Spanish_Spain", "es"), ("en_GB", "en"),
                        ("fr_FR", None), ("", None), (None, None)):
        assert i18n.normalise(code) == short


def test_commands_speak_the_chosen_language(tmp_path):
    def run(*args, lang):
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TRASTIENDA_DATA_DIR": str(tmp_path),
               "QT_QPA_PLATFORM": "offscreen", "TRASTIENDA_LANG": lang}
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.sqlite3"), *args],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)

    spanish = run("report", "vat-book", "--from", "31/13/2026", lang="es")
    english = run("report", "vat-book", "--from", "31/13/2026", lang="en")
    assert spanish.returncode == english.returncode == 1
    assert "--from" in spanish.stderr and "--from" in english.stderr
    assert spanish.stderr != english.stderr
    assert "is not a date" in english.stderr
