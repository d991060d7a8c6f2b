"""What the installer recipes share: names, version, the data folders bundled, the modules left out.

Read by packaging/trastienda.spec, packaging/build.py and tests/app/test_packaging.py, so the
three cannot drift apart. Plain Python with no PyInstaller import: the test reads it without
building anything.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

APP_NAME = "Trastienda"
EXE_NAME = "trastienda"          # dist/trastienda/trastienda[.exe]
CLI_EXE_NAME = "trastienda-cli"  # Windows only: the same program with a console, for the admin commands
BUNDLE_ID = "es.trastienda.Trastienda"
PUBLISHER = "Trastienda"
DESCRIPTION = "Contracts, invoices, inventory and employees for small businesses"
COPYRIGHT = "Copyright (C) Trastienda"


def app_version() -> str:
    """app.__version__, read from the file (importing app would pull SQLAlchemy into the spec)."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError("app/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """The four numbers Windows wants (0.1.0 -> (0, 1, 0, 0)); a suffix such as .dev1 or rc2 is dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", (version or app_version()).split("+")[0])[:3]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


# (source folder relative to the repo, folder inside the bundle). The app finds them as
# Path(__file__).parents[2] / "migrations" and / "resources" (app/db/migrate.py,
# app/documents/fonts.py); frozen, __file__ is sys._MEIPASS/app/..., so they go to the top.
DATA_FOLDERS = [
    ("migrations", "migrations"),  # Alembic's env.py and versions/*.py are read as files at run time
    ("resources", "resources"),    # fonts embedded in the PDFs, icons
]

# The Qt modules the code imports (grep "from PySide6" in ui/ and main.py); the test checks the list.
# QtSvg draws the icons (ui/common/icons.py renders them itself, so the SVG image-format and icon-engine
# plugins are not needed, though neither is left out).
QT_MODULES_USED = [
    "QtCore", "QtGui", "QtWidgets", "QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtSvg",
]

# Python modules never used, so PyInstaller neither follows them nor runs their hooks (which is
# what would copy their Qt libraries, plugins and QML files into the bundle).
QT_EXCLUDES = [
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D", "PySide6.QtQuickTest",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtGraphsWidgets",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtScxml",
    "PySide6.QtStateMachine", "PySide6.QtRemoteObjects", "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtAxContainer", "PySide6.QtConcurrent",
    "PySide6.scripts",
]
OTHER_EXCLUDES = [
    "tkinter", "_tkinter", "PIL.ImageTk", "PIL.ImageQt",
    "PyQt5", "PyQt6", "PySide2",
    "pytest", "_pytest", "pytestqt", "hypothesis", "xdist", "pluggy",
    "sqlalchemy.testing", "alembic.testing",
    "IPython", "numpy", "matplotlib", "pydoc_data",
    "setuptools", "pip", "distutils",
]
EXCLUDES = QT_EXCLUDES + OTHER_EXCLUDES

# Qt files the PySide6 hooks copy that nothing above needs, matched against the bundled path.
# Kept as name fragments so one list fits the .so / .dll / .framework spellings.
QT_FILE_EXCLUDES = [
    "WebEngine", "Qt6Quick", "Qt6Qml", "Qt3D", "Qt6Multimedia", "Qt6Bluetooth", "Qt6Designer",
    "Qt6VirtualKeyboard", "Qt6ShaderTools", "Qt6Sql", "Qt6Test", "Qt6Positioning", "Qt6Location",
    "Qt6Sensors", "Qt6SerialPort", "Qt6Nfc", "Qt6DataVisualization", "Qt6Graphs", "Qt6Scxml",
    "Qt6RemoteObjects", "Qt6TextToSpeech", "Qt6SpatialAudio", "Qt6WebSockets", "Qt6WebChannel",
    "Qt6WebView", "Qt6Help", "Qt6HttpServer", "Qt6Lottie", "Qt6EglFS", "Qt6EglFs",
    # plugins: embedded-device platforms, raw input devices, the virtual keyboard (its library is
    # not shipped); xcb, wayland, offscreen (the screenshot command), cocoa and windows stay
    "egldeviceintegrations", "libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhrdisplay",
    "libqminimalegl", "plugins/generic/", "qtvirtualkeyboard",
    # translations of the Qt parts left out
    "qt_help_", "qtwebengine_", "qtmultimedia_", "qtdeclarative_", "qtconnectivity_", "qtlocation_",
    "qtserialport_", "qtwebsockets_", "qtquick", "qtdesigner_", "qtscxml_",
]

# Loaded by name at run time, so the import graph does not show them.
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "alembic.runtime.migration",
    "alembic.runtime.environment",
]


# Packages taken whole. Ours: the Alembic scripts import app modules that main.py reaches only
# through a migration (app.db.audit_triggers, app.domain.search ...). reportlab's barcode
# package imports every symbology by name when it is first imported.
COLLECT_SUBMODULES = ["app", "ui", "reportlab.graphics.barcode"]


def info_plist() -> dict[str, object]:
    """macOS Info.plist keys for the .app (PyInstaller's BUNDLE fills the rest)."""
    version = app_version()
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "LSMinimumSystemVersion": "11.0",
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHumanReadableCopyright": COPYRIGHT,
        # The languages the app speaks: without them macOS keeps the menus it draws itself
        # (the application menu's Services, Hide, Quit) in English on a Spanish Mac.
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "es"],
        "CFBundleAllowMixedLocalizations": True,
    }
