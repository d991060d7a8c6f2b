"""The app's icon, its icon set and its light and dark themes (ui/common/icons.py, ui/common/theme.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from ui.common import icons, theme
from ui.main_window import TAB_KEYS, MainWindow

ROOT = Path(__file__).resolve().parents[2]
# The menu actions (objectName) that carry an icon of the set.
ICONED_ACTIONS = {"new", "save", "close", "preview", "print", "export", "reports", "company", "series", "backup",
                  "restore_backup", "switch_profile", "quit", "find", "archive", "refresh", "about",
                  *(f"show_{key}" for key in TAB_KEYS)}
ROLES = {"text": QPalette.ColorRole.Text, "window": QPalette.ColorRole.Window, "base": QPalette.ColorRole.Base}


@pytest.fixture
def own_theme(qapp, monkeypatch):
    """Themes applied in a test are undone after it: the palette, the style and the theme's state."""
    palette, style = QApplication.palette(), qapp.style().name()
    monkeypatch.setattr(theme, "_theme", None)
    yield
    applied = theme._theme
    if applied is not None:
        QApplication.styleHints().colorSchemeChanged.disconnect(applied._on_scheme_changed)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette)
    theme._colour_cache.clear()


def painted(pixmap, min_alpha: int = 255) -> list[QColor]:
    """The colours of the pixmap's pixels at least ``min_alpha`` opaque (the strokes; antialiased edges
    are paler)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() >= min_alpha]


def menu_actions(window: MainWindow) -> dict[str, object]:
    found = {}

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.objectName():
                found[action.objectName()] = action

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_every_menu_action_with_an_icon_and_every_tab_show_theirs(qtbot, sqlite_db):
    window = MainWindow(sqlite_db, "test", remember=False)
    qtbot.addWidget(window)
    actions = menu_actions(window)
    assert ICONED_ACTIONS <= set(actions)
    text_colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
    for name in ICONED_ACTIONS:
        icon = actions[name].icon()
        assert not icon.isNull(), name
        pixmap = icon.pixmap(QSize(16, 16))
        assert pixmap.width() == 16 and len(painted(pixmap, 128)) > 10, name
        # tinted in the palette's text colour
        assert {c.rgb() for c in painted(icon.pixmap(QSize(24, 24)))} == {text_colour.rgb()}, name
    # the menus stay readable: every action keeps its text beside the icon
    assert all(actions[name].text() for name in ICONED_ACTIONS)
    for i in range(window.tabs.count()):
        assert len(painted(window.tabs.tabIcon(i).pixmap(QSize(16, 16)), 128)) > 10, window.tabs.tabText(i)
    # a disabled entry draws its icon in the palette's disabled text colour
    disabled = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    pixmap = actions["save"].icon().pixmap(QSize(24, 24), QIcon.Mode.Disabled)
    assert {c.rgb() for c in painted(pixmap)} == {disabled.rgb()}


def test_the_record_tabs_buttons_carry_the_menus_icons(qtbot, sqlite_db):
    window = MainWindow(sqlite_db, "test", remember=False, tab="invoices")
    qtbot.addWidget(window)
    tab = window.tab_by_key["invoices"]
    for button in (tab.save_button, tab.archive_button, tab.close_button):
        assert not button.icon().isNull(), button.objectName()
    assert not window.tab_by_key["dashboard"].refresh_button.icon().isNull()


def test_the_app_starts_with_its_icon_and_the_theme_of_the_environment():
    # In a process of its own: configure_application sets up the whole process (its language too).
    script = (
        "import sys; from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QSize; "
        "from PySide6.QtGui import QPalette; from ui.app import configure_application; "
        "app = QApplication([]); configure_application(app); icon = app.windowIcon(); "
        "print(sorted({s.width() for s in icon.availableSizes()}), icon.pixmap(QSize(64, 64)).toImage()"
        ".pixelColor(32, 8).name(), app.palette().color(QPalette.ColorRole.Window).lightness(), app.style().name())")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", theme.ENV_VAR: "dark"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60, check=True).stdout.split("\n")[-2]
    sizes, corner, lightness, style = out.rsplit(" ", 3)
    assert sizes.startswith("[16, 24, 32, 48, 64, 128, 256]")
    assert corner == "#1f5f7a"  # the app icon in its own colours (the blue tile), not tinted
    assert int(lightness) < 80 and style.lower() == "fusion"  # TRASTIENDA_THEME=dark


def test_every_svg_is_valid_and_the_set_is_drawn_alike():
    svgs = sorted((ROOT / "resources" / "icons").rglob("*.svg"))
    assert len(svgs) >= 24
    assert {p.stem for p in (ROOT / "resources" / "icons" / "actions").glob("*.svg")} >= {
        icons.ACTION_ICONS.get(name, name) for name in ICONED_ACTIONS}
    for path in svgs:
        renderer = QSvgRenderer(str(path))
        assert renderer.isValid(), path
        root = ET.parse(path).getroot()
        if path.parent.name == "actions":
            assert renderer.viewBoxF() == QRectF(0, 0, 24, 24), path
            # one outline style: 2 px round strokes, no fill, one colour that the loader replaces
            assert (root.get("stroke-width"), root.get("fill"), root.get("stroke-linecap")) == ("2", "none", "round")
            text = path.read_text(encoding="utf-8")
            assert "currentColor" not in text and "style=" not in text and "<image" not in text, path
            assert set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text)) == {"#000000"}, path
        else:
            assert renderer.viewBoxF() == QRectF(0, 0, 256, 256), path


def test_an_unknown_icon_name_fails_at_once():
    with pytest.raises(KeyError):
        icons.icon("no_such_icon")
    assert icons.action_icon("sync_now").isNull()  # an action without an icon in the set keeps none


def test_dark_theme_gives_a_dark_window_and_light_text(qapp, own_theme):
    assert theme.apply_theme(qapp, "dark") == "dark"
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).lightness() < 80
    assert palette.color(QPalette.ColorRole.Base).lightness() < 80
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        assert palette.color(role).lightness() > 200
    assert qapp.style().name().lower() == "fusion"
    assert theme.is_dark() and theme.colour("error_bg") == QColor(theme.COLOURS["error_bg"][1])
    assert theme.apply_theme(qapp, "light") == "light"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert not theme.is_dark()


def test_the_theme_asked_for_on_the_command_line_or_in_the_environment(monkeypatch):
    monkeypatch.delenv(theme.ENV_VAR, raising=False)
    assert theme.requested_mode() == "system"
    monkeypatch.setenv(theme.ENV_VAR, "Dark")
    assert theme.requested_mode() == "dark"
    assert theme.requested_mode("light") == "light"  # --theme wins
    monkeypatch.setenv(theme.ENV_VAR, "sepia")
    assert theme.requested_mode() == "system"
    # offscreen there is no system scheme: light
    assert theme.system_scheme() == "light"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_colours_read_on_their_backgrounds(mode):
    palette = theme.palette_for(mode)

    def get(name: str) -> QColor:
        return palette.color(ROLES[name]) if name in ROLES else theme.colour(name, dark=mode == "dark")

    low = [(text, bg, round(theme.contrast(get(text), get(bg)), 2)) for text, bg in theme.TEXT_ON
           if theme.contrast(get(text), get(bg)) < 4.5]
    assert low == []
    # the palette's own text on its own backgrounds too
    for role in ("window", "base"):
        assert theme.contrast(get("text"), get(role)) >= 7


def test_contrast_is_wcags():
    assert round(theme.contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert theme.contrast(QColor("#777777"), QColor("#777777")) == 1.0
    assert round(theme.contrast(QColor("#767676"), QColor("#ffffff")), 2) == 4.54  # WCAG's grey at the AA edge


def test_every_colour_has_both_values_and_no_widget_names_a_colour_of_its_own():
    for name, values in theme.COLOURS.items():
        assert len(values) == 2 and all(QColor(v).isValid() for v in values), name
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        if path.name == "theme.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(\"", text), path
        used |= set(re.findall(r"\$([a-z_]+)", text))
    assert used - {"text", "window", "base"} <= set(theme.COLOURS)


def test_switching_theme_at_run_time_updates_palette_style_sheets_and_icons(qtbot, qapp, own_theme):
    theme.apply_theme(qapp, "light")
    label = QLabel("Wrong")
    qtbot.addWidget(label)
    theme.style(label, "color: $error_text;")
    assert theme.COLOURS["error_text"][0] in label.styleSheet()
    save = icons.icon("save")

    def stroke() -> set[int]:
        return {c.rgb() for c in painted(save.pixmap(QSize(24, 24)))}

    assert stroke() == {QColor("#000000").rgb()}
    with qtbot.waitSignal(theme.theme_changed(), timeout=1000) as signal:
        theme.apply_theme(qapp, "dark")
    assert signal.args == ["dark"]
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert label.styleSheet() == f"color: {theme.COLOURS['error_text'][1]};"
    assert stroke() == {QApplication.palette().color(QPalette.ColorRole.WindowText).rgb()}
    theme.apply_theme(qapp, "light")
    assert label.styleSheet() == f"color: {theme.COLOURS['error_text'][0]};"


def test_the_dashboard_charts_follow_a_theme_switch(qtbot, qapp, sqlite_db, own_theme):
    from ui.dashboard.charts import THIS_YEAR, ChartBox

    theme.apply_theme(qapp, "light")
    box = ChartBox("chart_test", "Test")
    qtbot.addWidget(box)
    box.horizontal_bars([("Ana", 10), ("Luis", 5)], "Sales", THIS_YEAR)
    bar_set = box.chart.series()[0].barSets()[0]
    assert bar_set.color() == theme.colour(THIS_YEAR, dark=False)
    assert box.chart.backgroundBrush().color() == theme.colour("tile_bg", dark=False)
    theme.apply_theme(qapp, "dark")
    assert bar_set.color() == theme.colour(THIS_YEAR, dark=True)
    assert box.chart.backgroundBrush().color() == theme.colour("tile_bg", dark=True)
    assert box.chart.axes()[0].labelsColor() == theme.colour("chart_axis_text", dark=True)


def test_colours_set_once_on_items_follow_a_theme_switch(qtbot, qapp, sqlite_db, own_theme):
    """The series dialog greys an archived series on its items: a switch paints them again."""
    from app.services.series import SeriesData, archive_series, create_series
    from ui.series_dialog import ID_ROLE, SeriesDialog

    theme.apply_theme(qapp, "light")
    archived = create_series(sqlite_db, SeriesData(code="T", name="Tienda", prefix="T"))
    archive_series(sqlite_db, archived.id)
    dialog = SeriesDialog(sqlite_db)
    qtbot.addWidget(dialog)
    row = dialog.row_of(archived.id)
    dialog.table.selectRow(0)
    selected = dialog.table.item(0, 0).data(ID_ROLE)
    assert dialog.table.item(row, 1).foreground().color() == theme.colour("muted_text", dark=False)
    theme.apply_theme(qapp, "dark")
    assert dialog.table.item(row, 1).foreground().color() == theme.colour("muted_text", dark=True)
    assert dialog.table.item(dialog.table.currentRow(), 0).data(ID_ROLE) == selected  # the selection stays
