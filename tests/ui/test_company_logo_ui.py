"""The company logo in File > Company details and in the welcome: pick a PNG or JPEG, see it, remove it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.services.company import CompanyData, find_company, save_company
from app.services.logo import MAX_BYTES
from tests.ui.conftest import type_text
from tests.ui.test_first_run import COMPANY_TYPED, fill_company, open_welcome
from ui.company_dialog import CompanyDialog

EBRO = CompanyData("Suministros Ebro SL", "B58378431", "Calle Mayor 1", "50001", "Zaragoza")


def qt_image(path, size=(300, 100), kind="PNG"):
    picture = QImage(*size, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f3c78"))
    assert picture.save(str(path), kind)
    return path


@pytest.fixture
def dialog(qtbot, sqlite_db):
    save_company(sqlite_db, EBRO)
    opened = CompanyDialog(sqlite_db)
    qtbot.addWidget(opened)
    opened.show()
    return opened


def test_a_picked_png_is_previewed_saved_and_printed_on_reopening(qtbot, sqlite_db, dialog, open_from, tmp_path):
    field = dialog.form.fields["logo"]
    assert field.value() is None and field.preview.text() == "No logo" and not field.remove_button.isEnabled()
    png = qt_image(tmp_path / "logo.png")
    asked = open_from(png)
    qtbot.mouseClick(field.pick_button, Qt.MouseButton.LeftButton)
    assert asked and "*.png" in asked[0]["filters"][0] and "*.jpg" in asked[0]["filters"][0]
    assert field.value() == png.read_bytes()
    assert not field.preview.pixmap().isNull() and field.preview.pixmap().width() <= 160
    assert field.remove_button.isEnabled() and dialog.form.error_text("logo") == ""
    assert find_company(sqlite_db).logo is None  # nothing written before Save
    assert dialog.save() is True
    stored = find_company(sqlite_db)
    assert (stored.logo, stored.logo_mime) == (png.read_bytes(), "image/png")

    again = CompanyDialog(sqlite_db)
    qtbot.addWidget(again)
    assert again.form.fields["logo"].value() == png.read_bytes()
    assert not again.form.fields["logo"].preview.pixmap().isNull()


def test_a_wrong_file_is_named_under_the_field_and_the_logo_before_stays(qtbot, sqlite_db, dialog, open_from,
                                                                         tmp_path):
    field = dialog.form.fields["logo"]
    jpeg = qt_image(tmp_path / "logo.jpg", (640, 480), "JPG")
    open_from(jpeg)
    assert field.pick() is True
    renamed = tmp_path / "notes.png"
    renamed.write_text("not a picture\n" * 100)
    huge = tmp_path / "poster.png"
    with open(huge, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    for path, words in ((renamed, "PNG or JPEG"), (huge, "2 MB")):
        open_from(path)
        assert field.pick() is False
        assert words in dialog.form.error_text("logo")
        assert field.value() == jpeg.read_bytes()  # the one picked before stays
    open_from(None)  # cancelled: nothing changes, the message stays until the next pick
    assert field.pick() is False and field.value() == jpeg.read_bytes()
    open_from(jpeg)
    assert field.pick() is True and dialog.form.error_text("logo") == ""
    assert dialog.save() is True
    assert find_company(sqlite_db).logo_mime == "image/jpeg"


def test_remove_takes_the_logo_off_when_saved(qtbot, sqlite_db, tmp_path):
    png = qt_image(tmp_path / "logo.png")
    save_company(sqlite_db, CompanyData(**{**EBRO.__dict__, "logo": png.read_bytes()}))
    dialog = CompanyDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.form.fields["logo"]
    qtbot.mouseClick(field.remove_button, Qt.MouseButton.LeftButton)
    assert field.value() is None and field.preview.text() == "No logo" and not field.remove_button.isEnabled()
    assert find_company(sqlite_db).logo == png.read_bytes()  # until Save
    assert dialog.save() is True
    assert find_company(sqlite_db).logo is None


def test_alt_g_reaches_the_logo_button_from_the_keyboard(qtbot, dialog, open_from, tmp_path):
    open_from(qt_image(tmp_path / "logo.png"))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.form.fields["legal_name"].setFocus()
    qtbot.keyClick(dialog.form.fields["legal_name"], Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    field = dialog.form.fields["logo"]
    qtbot.waitUntil(field.pick_button.hasFocus, timeout=5000)
    qtbot.keyClick(field.pick_button, Qt.Key.Key_Space)
    assert field.value() is not None


def test_the_welcome_saves_the_picked_logo_with_the_company(qtbot, sqlite_db, open_from, tmp_path):
    png = qt_image(tmp_path / "logo.png", (200, 200))
    welcome = open_welcome(qtbot, sqlite_db)
    fill_company(qtbot, welcome, (*COMPANY_TYPED[:1], ("tax_id", "B58378431"), *COMPANY_TYPED[2:]))
    page = welcome.company_page
    field = page.form.fields["logo"]
    assert field.height() >= field.minimumSizeHint().height()  # the welcome grew to show the preview whole
    open_from(tmp_path / "missing.png")
    assert field.pick() is False and "cannot be read" in page.form.error_text("logo")
    qtbot.waitUntil(lambda: field.height() >= field.minimumSizeHint().height())  # and again for the error line
    open_from(png)
    assert page.form.fields["logo"].pick() is True
    type_text(qtbot, page.form.fields["tax_id"], "B58378431")
    assert page.save() is not None
    company = find_company(sqlite_db)
    assert (company.legal_name, company.logo, company.logo_mime) == ("Suministros Ebro SL", png.read_bytes(),
                                                                     "image/png")
