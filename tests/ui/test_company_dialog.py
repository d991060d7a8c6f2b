"""File > Company details: a wrong NIF is marked beside the field; fixed, it is saved."""

from __future__ import annotations

from app.services.company import find_company
from tests.ui.conftest import type_text
from ui.company_dialog import CompanyDialog


def test_company_details_are_checked_and_saved(qtbot, sqlite_db):
    dialog = CompanyDialog(sqlite_db)
    qtbot.addWidget(dialog)
    fields = dialog.form.fields
    for name, text in (("legal_name", "Suministros Ebro SL"), ("tax_id", "B12345678"), ("street", "Calle Mayor 1"),
                       ("postal_code", "50001"), ("city", "Zaragoza")):
        type_text(qtbot, fields[name], text)
    assert dialog.save() is False
    assert dialog.form.error_text("tax_id") and fields["tax_id"].text() == "B12345678"
    assert find_company(sqlite_db) is None
    type_text(qtbot, fields["tax_id"], "B58378431")
    assert dialog.save() is True
    saved = find_company(sqlite_db)
    assert (saved.legal_name, saved.tax_id, saved.city) == ("Suministros Ebro SL", "B58378431", "Zaragoza")
    again = CompanyDialog(sqlite_db)  # opens with what was saved
    qtbot.addWidget(again)
    assert again.form.fields["legal_name"].text() == "Suministros Ebro SL"
