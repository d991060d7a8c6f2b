"""What a stock count's buttons do: print and export its sheet, import counts, post it.

A mixin of ``StockCountsTab`` (ui.inventory.counts), split out to keep the tab
readable: every method here works on the tab's open count (``self.count``) and
runs its work off the GUI thread through the tab's ``_run``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.errors import NegativeStockWarning, ValidationError
from app.services import stock_counts
from ui.common import dialogs
from ui.common.formatting import format_decimal


class CountActions:
    # -- sheet: print, export, import ------------------------------------------------------------
    def print_sheet(self) -> None:
        if self.count is None:
            return
        count, expected = self.count, self.expected_box.isChecked()
        self.sig_status.emit(self.tr("Preparing the sheet…"))

        def done(data: bytes) -> None:
            from ui.invoices.preview import PreviewDialog

            title = self.tr("Count sheet {0}").replace("{0}", count.reference)
            dialog = PreviewDialog(data, title, f"{count.reference}.pdf", self)
            dialog.setObjectName("count_sheet_preview")
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self._preview = dialog
            self.sig_status.emit("")

        self._run(lambda: stock_counts.count_sheet_pdf(self.db, count.id, show_expected=expected),
                          done, self._show_sheet_error)

    def export_sheet(self) -> None:
        if self.count is None:
            return
        count = self.count
        path = dialogs.choose_save_path(self, self.tr("Export count sheet"), f"{count.reference}.csv",
                                        [(self.tr("CSV (*.csv)"), ".csv")])
        if not path:
            return

        def write() -> int:
            target = Path(path)
            partial = target.with_name(target.name + ".part")
            try:
                partial.write_bytes(stock_counts.count_sheet_csv(self.db, count.id))
                partial.replace(target)
            finally:
                partial.unlink(missing_ok=True)
            return count.lines

        self._run(write, lambda _n: self.sig_status.emit(
            self.tr("Count sheet saved to {0}.").replace("{0}", path)), self._on_file_failed)

    def import_counts(self) -> None:
        if self.count is None or not self.count.is_draft:
            return
        path = dialogs.choose_open_path(self, self.tr("Import counted quantities"),
                                        [self.tr("CSV files (*.csv *.txt)")])
        if not path:
            return
        count_id = self.count.id
        self.sig_status.emit(self.tr("Importing…"))

        def done(n: int) -> None:
            self.lines_model.refresh()
            self._reload_info()
            self.sig_status.emit(self.tr("{0} counted quantities imported.").replace("{0}", format_decimal(n, 0)))

        self._run(lambda: stock_counts.import_counted_csv(self.db, count_id, Path(path).read_bytes()),
                          done, self._on_file_failed)

    def _on_file_failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            lines = [e.message for e in exc.errors]
            more = len(lines) - 15
            text = "\n".join(lines[:15]) + (self.tr("\n…and {0} more.").replace("{0}", str(more)) if more > 0 else "")
            dialogs.inform(self, self.tr("Nothing was imported"), text)
        else:
            dialogs.inform(self, self.tr("Not done"), str(exc))
        self.sig_status.emit("")

    # -- posting and cancelling -----------------------------------------------------------------
    def post(self) -> None:
        if self.count is None or not self.count.is_draft:
            return
        if self.lines_model.unsaved:
            dialogs.inform(self, self.tr("Not posted"), self.tr(
                "{0} counted quantities are not saved (marked red). Type them again or clear them first.")
                .replace("{0}", str(self.lines_model.unsaved)))
            return
        if self.lines_model.saving:
            self.sig_status.emit(self.tr("Still saving the counts; post again in a moment."))
            return
        count_id = self.count.id
        self.post_button.setEnabled(False)

        def summaries():
            return (stock_counts.post_summary(self.db, count_id),
                    stock_counts.post_summary(self.db, count_id, "zero"))

        self._run(summaries, self._on_summaries, self._on_post_failed)

    def _on_summaries(self, pair) -> None:
        plain, zero = pair
        count = self.count
        choice = None
        if plain.uncounted:
            choice = dialogs.choose(self, self.tr("Lines not counted"), self.tr(
                "{0} lines were not counted. What do they mean?").replace("{0}", format_decimal(plain.uncounted, 0)),
                [(self.tr("Skip them: their stock stays as it is"), "skip"),
                 (self.tr("Count them as zero: their stock goes to 0"), "zero")])
            if choice is None:
                self.post_button.setEnabled(True)
                return
        summary = zero if choice == "zero" else plain
        value = format_decimal(summary.value_difference, 2)
        text = (self.tr("Post {0}? Stock on hand in {1} becomes what was counted.").replace("{0}", count.reference)
                .replace("{1}", count.warehouse_code) + "\n\n"
                + self.tr("{0} adjustments ({1} up, {2} down); stock value changes by {3} €.")
                .replace("{0}", format_decimal(summary.adjustments, 0)).replace("{1}", format_decimal(summary.gains, 0))
                .replace("{2}", format_decimal(summary.losses, 0)).replace("{3}", value)
                + "\n\n" + self.tr("This cannot be undone."))
        if not dialogs.confirm(self, self.tr("Post stock count"), text, yes=self.tr("Post")):
            self.post_button.setEnabled(True)
            return
        self._run_post(count, choice, allow_negative=False)

    def _run_post(self, count, choice: str | None, *, allow_negative: bool) -> None:
        self.sig_status.emit(self.tr("Posting {0}…").replace("{0}", count.reference))

        def failed(exc: Exception) -> None:
            if isinstance(exc, NegativeStockWarning) and dialogs.confirm(
                    self, self.tr("Negative stock"), str(exc) + "\n\n" + self.tr("Post anyway?")):
                self._run_post(count, choice, allow_negative=True)
                return
            self._on_post_failed(exc)

        self._run(lambda: stock_counts.post_count(self.db, count.id, uncounted=choice,
                                                  allow_negative=allow_negative),
                  self._on_posted, failed)

    def _on_posted(self, result: stock_counts.PostResult) -> None:
        self.changed()
        self.list.refresh(keep_id=str(result.count.id))
        self._show_count(result.count)
        self.sig_status.emit(self.tr("Posted {0}: {1} adjustments, stock value {2} €.")
                             .replace("{0}", result.count.reference)
                             .replace("{1}", format_decimal(result.adjustments, 0))
                             .replace("{2}", format_decimal(result.value_difference, 2)))

    def _on_post_failed(self, exc: Exception) -> None:
        self.post_button.setEnabled(bool(self.count and self.count.is_draft))
        message = " ".join(e.message for e in exc.errors) if isinstance(exc, ValidationError) else str(exc)
        dialogs.inform(self, self.tr("Not posted"), message)
        self.action_refresh()
