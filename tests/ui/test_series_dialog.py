"""File > Invoice series: a clerk sets up numbering; bad input is refused beside the field, nothing saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.domain.enums import InvoiceKind
from app.services.series import SeriesData, list_series, update_series
from tests.ui.conftest import type_text
from ui.common import theme
from ui.main_window import MainWindow
from ui.series_dialog import SeriesDialog


def make_dialog(qtbot, db) -> SeriesDialog:
    dialog = SeriesDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def listed(dialog: SeriesDialog) -> dict[str, list[str]]:
    """The table as a clerk reads it: code -> the row's texts."""
    t = dialog.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())}


def select(dialog: SeriesDialog, code: str) -> None:
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == code)
    dialog.table.selectRow(row)


def by_code(db) -> dict:
    return {s.code: s for s in list_series(db, include_archived=True)}


def test_the_three_seeded_series_are_listed_with_their_kind_and_default(qtbot, sqlite_db):
    dialog = make_dialog(qtbot, sqlite_db)
    rows = listed(dialog)
    assert set(rows) == {"F", "R", "S"}
    assert rows["R"][2] == "Credit note (rectificativa)"
    assert rows["F"][2] == "Invoice" and rows["S"][2] == "Simplified invoice"
    assert all(row[6] == "Yes" for row in rows.values())  # each the default of its kind
    select(dialog, "R")
    assert dialog.form.fields["code"].text() == "R"
    assert dialog.form.fields["kind"].value() == InvoiceKind.CREDIT_NOTE


def test_a_new_series_is_refused_beside_the_field_then_saved_made_default_and_archived(qtbot, sqlite_db, answers):
    dialog = make_dialog(qtbot, sqlite_db)
    fields = dialog.form.fields
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.current is None and fields["code"].text() == ""
    type_text(qtbot, fields["code"], "F")  # taken by the seeded series
    type_text(qtbot, fields["name"], "Facturas tienda Logroño")
    type_text(qtbot, fields["prefix"], "T-")
    type_text(qtbot, fields["next_number"], "1,5")  # not a whole number
    assert dialog.save() is False
    assert dialog.form.error_text("next_number")
    assert fields["next_number"].text() == "1,5" and fields["name"].text() == "Facturas tienda Logroño"
    assert set(by_code(sqlite_db)) == {"F", "R", "S"}

    type_text(qtbot, fields["next_number"], "0")  # below 1: the service refuses it
    assert dialog.save() is False
    assert dialog.form.error_text("next_number")
    assert set(by_code(sqlite_db)) == {"F", "R", "S"}

    type_text(qtbot, fields["next_number"], "1")
    assert dialog.save() is False  # the code is still taken
    assert dialog.form.error_text("code") and not dialog.form.error_text("next_number")
    assert set(by_code(sqlite_db)) == {"F", "R", "S"}

    type_text(qtbot, fields["code"], "T")
    type_text(qtbot, fields["next_number"], "120")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.form.error_text("code")
    saved = by_code(sqlite_db)["T"]
    assert (saved.name, saved.prefix, saved.next_number, saved.kind, saved.is_default) == (
        "Facturas tienda Logroño", "T-", 120, InvoiceKind.INVOICE, False)
    assert listed(dialog)["T"][1:6] == ["Facturas tienda Logroño", "Invoice", "T-", "Yes", "120"]

    fields["is_default"].setChecked(True)  # the default for invoices from now on
    assert dialog.save() is True
    series = by_code(sqlite_db)
    assert series["T"].is_default and not series["F"].is_default
    assert series["R"].is_default and series["S"].is_default  # other kinds keep theirs
    assert listed(dialog)["F"][6] == "" and listed(dialog)["T"][6] == "Yes"

    answers["answers"] = [True]
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)  # the default cannot be archived
    assert dialog.form.error_text("is_default")
    assert by_code(sqlite_db)["T"].archived_at is None

    select(dialog, "F")
    fields["is_default"].setChecked(True)
    assert dialog.save() is True
    select(dialog, "T")
    assert dialog.form.fields["code"].text() == "T"
    answers["answers"] = [True]
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert by_code(sqlite_db)["T"].archived_at is not None
    assert "T" not in {s.code for s in list_series(sqlite_db)}
    assert dialog.table.item(dialog.row_of(by_code(sqlite_db)["T"].id), 0).foreground().color() == theme.colour("muted_text")  # greyed
    assert dialog.archive_button.text() == "&Restore"
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert by_code(sqlite_db)["T"].archived_at is None


def test_the_kind_of_the_default_series_cannot_change_and_a_conflict_is_explained(qtbot, sqlite_db):
    dialog = make_dialog(qtbot, sqlite_db)
    select(dialog, "F")
    dialog.form.fields["kind"].set_value(InvoiceKind.CREDIT_NOTE)
    assert dialog.save() is False
    assert dialog.form.error_text("kind")
    assert by_code(sqlite_db)["F"].kind == InvoiceKind.INVOICE

    dialog.form.fields["kind"].set_value(InvoiceKind.INVOICE)
    f = by_code(sqlite_db)["F"]
    # Someone else renames it meanwhile.
    update_series(sqlite_db, f.id, SeriesData(code="F", name="Facturas 2026", kind=f.kind, prefix=f.prefix,
                                              yearly_reset=f.yearly_reset, next_number=f.next_number,
                                              is_default=True), f.version)
    type_text(qtbot, dialog.form.fields["name"], "Facturas ordinarias")
    assert dialog.save() is False
    assert "Someone else changed this series" in dialog.form.general_error.text()
    assert dialog.form.fields["name"].text() == "Facturas ordinarias"  # nothing typed lost
    assert by_code(sqlite_db)["F"].name == "Facturas 2026"


def test_the_file_menu_opens_the_series_dialog(qtbot, sqlite_db):
    window = MainWindow(sqlite_db, "/tmp/shop.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=10_000)
    action = window.findChild(QAction, "series")
    assert action is not None and action.text() == "Invoice s&eries…"
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("series") == names.index("company") + 1
