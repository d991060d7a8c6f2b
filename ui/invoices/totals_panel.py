"""The totals under the line grid: base, tax per rate group, recargo, IRPF and the total to pay.

It shows a ``Totals`` from ``app.services.totals.compute_totals`` as it is:
nothing is added up here, so the screen and the stored invoice cannot differ.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from app.services.totals import TaxGroup, Totals
from ui.common import theme
from ui.common.formatting import format_decimal

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TotalsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("totals")
        box = QWidget(self)
        self.grid = QGridLayout(box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(1)
        self.rows: list[tuple[str, str]] = []  # (caption, amount) as shown, for a reader or a test
        self.note = QLabel(self)
        self.note.setObjectName("totals_note")
        theme.style(self.note, "color: $warning_text;")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(box, 0)
        self.totals: Totals | None = None
        self._row = 0

    def show_totals(self, totals: Totals, left_out: int = 0) -> None:
        self.totals = totals
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # deleteLater alone would leave it painted until the next event loop turn
                widget.deleteLater()
        self.rows = []
        self._row = 0
        self._add("total_base", self.tr("Base"), totals.base)
        for i, group in enumerate(totals.groups):
            self._add(f"total_tax_{i}", self._tax_caption(group), group.tax)
        for i, group in enumerate(g for g in totals.groups if g.recargo_percent):
            self._add(f"total_recargo_{i}", self.tr("Recargo {pct} % on {base}")
                      .replace("{pct}", format_decimal(group.recargo_percent, None))
                      .replace("{base}", format_decimal(group.base, 2)), group.recargo)
        if totals.irpf_percent:
            self._add("total_irpf", self.tr("IRPF withheld {pct} %").replace(
                "{pct}", format_decimal(totals.irpf_percent, None)), -totals.irpf)
        self._add("total_total", self.tr("Total"), totals.total, bold=True)
        if left_out:
            self.note.setText(self.tr("The totals leave out {n} line(s) until completed or corrected.")
                              .replace("{n}", str(left_out)))
        else:
            self.note.clear()  # kept in the layout, empty: it holds the amounts to the right

    def _tax_caption(self, group: TaxGroup) -> str:
        base = format_decimal(group.base, 2)
        if group.exemption_reason:
            code = group.exemption_reason.split(":")[0].strip()
            return self.tr("Exempt ({code}) on {base}").replace("{code}", code).replace("{base}", base)
        return self.tr("IVA {pct} % on {base}").replace("{pct}", format_decimal(group.tax_percent, None)) \
            .replace("{base}", base)

    def _add(self, name: str, caption: str, amount: Decimal, *, bold: bool = False) -> None:
        row, self._row = self._row, self._row + 1
        text = format_decimal(amount, 2)
        left, right = QLabel(caption, self), QLabel(text, self)
        right.setObjectName(name)
        right.setAlignment(_RIGHT)
        left.setAlignment(_RIGHT)
        right.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            for label in (left, right):
                label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.grid.addWidget(left, row, 0)
        self.grid.addWidget(right, row, 1)
        self.rows.append((caption, text))
