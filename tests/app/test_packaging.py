"""Guards the installer recipes in packaging/ without building anything (the build itself is
`python packaging/build.py`, run by .github/workflows/package.yml)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
import app  # noqa: E402

_spec = importlib.util.spec_from_file_location("trastienda_packaging_metadata", PACKAGING / "metadata.py")
meta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(meta)


def _qt_modules_imported() -> set[str]:
    found = set()
    for path in [ROOT / "main.py", *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_the_list_of_qt_modules_used_is_what_the_code_imports():
    assert set(meta.QT_MODULES_USED) == _qt_modules_imported()


def test_unused_heavy_qt_modules_and_test_packages_are_excluded():
    for module in ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore",
                   "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtMultimedia", "PySide6.QtBluetooth",
                   "tkinter", "pytest", "hypothesis", "sqlalchemy.testing"):
        assert module in meta.EXCLUDES
    for fragment in ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt3D", "Qt6Multimedia"):
        assert fragment in meta.QT_FILE_EXCLUDES


def test_no_module_or_file_the_app_uses_is_excluded():
    for module in meta.QT_MODULES_USED:
        assert f"PySide6.{module}" not in meta.EXCLUDES
        assert not any(fragment in f"Qt6{module}" for fragment in meta.QT_FILE_EXCLUDES), module
    # the platform plugins the app runs on; offscreen is the screenshot command's
    for plugin in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                   "platforms/qwindows.dll", "platforms/libqcocoa.dylib", "printsupport/libcupsprintersupport.so",
                   "imageformats/libqsvg.so", "iconengines/libqsvgicon.so", "lib/libQt6Svg.so.6"):
        assert not any(fragment in plugin for fragment in meta.QT_FILE_EXCLUDES), plugin


def test_every_bundled_folder_exists_where_the_app_looks_for_it():
    from app.db.migrate import MIGRATIONS_DIR
    from app.documents.fonts import FONTS_DIR

    for source, _dest in meta.DATA_FOLDERS:
        assert (ROOT / source).is_dir(), source
    destinations = {dest for _src, dest in meta.DATA_FOLDERS}
    # Frozen, the app's Path(__file__).parents[2] is the bundle's top folder.
    assert MIGRATIONS_DIR.relative_to(ROOT).parts[0] in destinations
    assert FONTS_DIR.relative_to(ROOT).parts[0] in destinations
    assert (MIGRATIONS_DIR / "env.py").is_file() and list((MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert list(FONTS_DIR.glob("*.ttf"))
    ET.parse(ROOT / "resources" / "icons" / "trastienda.svg")
    assert len(list((ROOT / "resources" / "icons" / "actions").glob("*.svg"))) >= 20  # the menus' and tabs' icons


def test_one_version_everywhere():
    version = meta.app_version()
    assert version == app.__version__
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == version
    assert meta.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert meta.version_tuple("2.0") == (2, 0, 0, 0)


def test_inno_setup_script_matches_the_app():
    iss = (PACKAGING / "windows" / "trastienda.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', iss))
    assert defines["AppVersion"] == app.__version__
    assert defines["AppExeName"] == f"{meta.EXE_NAME}.exe"
    assert defines["AppName"] == meta.APP_NAME
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}", iss, re.MULTILINE)
    assert "{autoprograms}" in iss  # the Start menu entry
    assert "SetupIconFile=" in iss and "UninstallDisplayIcon=" in iss
    # build.py looks for the installer under the name the script gives it
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "OutputBaseFilename=Trastienda-{#AppVersion}-windows-x64-setup" in iss
    assert 'f"Trastienda-{VERSION}-windows-x64-setup.exe"' in build


def test_info_plist_matches_the_app():
    plist = meta.info_plist()
    assert plist["CFBundleShortVersionString"] == app.__version__
    assert plist["CFBundleVersion"] == app.__version__
    assert plist["CFBundleIdentifier"] == meta.BUNDLE_ID
    assert re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", meta.BUNDLE_ID)
    assert plist["NSHighResolutionCapable"] is True
    from app.i18n import LANGUAGES

    assert sorted(plist["CFBundleLocalizations"]) == sorted(LANGUAGES)  # every language the app speaks
    plistlib.loads(plistlib.dumps(plist))


def test_spec_uses_the_shared_metadata():
    spec = (PACKAGING / "trastienda.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for used in ("excludes=meta.EXCLUDES", "meta.DATA_FOLDERS", "meta.HIDDEN_IMPORTS", "meta.COLLECT_SUBMODULES",
                 "info_plist=meta.info_plist()", "bundle_identifier=meta.BUNDLE_ID", "meta.QT_FILE_EXCLUDES",
                 "COLLECT(", "BUNDLE(", "version=version_info"):
        assert used in spec, used


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "trastienda.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == meta.APP_NAME
    assert desktop["Exec"].split()[0] == meta.EXE_NAME
    assert desktop["Icon"] == "trastienda"


@pytest.mark.parametrize("ignored", ["build/", "dist/"])
def test_build_output_stays_out_of_git(ignored):
    assert ignored in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_ci_builds_on_the_three_systems():
    workflow = (ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    for runner in ("windows-latest", "macos-latest", "ubuntu-"):
        assert runner in workflow
    assert "packaging/build.py" in workflow and "--version" in workflow
