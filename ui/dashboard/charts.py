"""The dashboard's charts (QtCharts): bars with a money axis a clerk reads at a glance.

The money axis is a category axis with labels at round values (``120.000 €``),
never printf's ``1.2e+05``; the figures are Decimals, turned into floats only
to draw them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QCategoryAxis, QChart, QChartView, QHorizontalBarSeries, QStackedBarSeries,
    QBarSeries,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QCursor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QToolTip, QWidget

from ui.common import theme
from ui.common.formatting import format_decimal

THIS_YEAR = "chart_this_year"  # the theme's colours (ui.common.theme), light or dark
LAST_YEAR = "chart_last_year"
NEUTRAL = "chart_neutral"
OVERDUE = "chart_overdue"
NAME_SHARE = 0.34  # of a horizontal chart's width for the names on its axis (longer ones are cut, the tooltip
# has them whole); Qt gives the axis about that much and clips what is longer at the chart's edge


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """(maximum, step) of an axis from 0 that holds ``top`` in about ``ticks`` round steps."""
    if top <= 0:
        return 100.0, 25.0
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(top / step - 1e-9), step


def money_label(value: float, step: float, compact: bool = False) -> str:
    """``150.000 €``; compact (a horizontal axis, short of room): ``150 k €``, ``2,5 M €``."""
    for size, unit in ((1_000_000, "M"), (1_000, "k")):
        if compact and step >= size / 10 and value >= size:
            scaled = Decimal(str(round(value / size, 2))).normalize()
            places = max(0, -scaled.as_tuple().exponent)
            return f"{format_decimal(scaled, places)} {unit} €"
    return f"{format_decimal(Decimal(str(round(value, 2))), 0 if step >= 1 else 2)} €"


def money_axis(top: float, compact: bool = False) -> QCategoryAxis:
    """An axis from 0 with round money labels on its grid lines (fewer and shorter when ``compact``)."""
    maximum, step = nice_scale(top, 4 if compact else 5)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, maximum)
    axis.setStartValue(0)
    for i in range(round(maximum / step) + 1):
        axis.append(money_label(i * step, step, compact), i * step)
    _style_axis(axis)
    return axis


def short(name: str, chars: int) -> str:
    """``Mantenimiento preventivo (urgente)`` -> ``Mantenimiento…rgente)``: the end of a name often tells
    two products apart, so the middle goes."""
    if len(name) <= chars:
        return name
    tail = max((chars - 1) // 3, 0)
    head = max(chars - 1 - tail, 1)
    return name[:head].rstrip() + "…" + (name[-tail:].lstrip() if tail else "")


def unique(labels: Sequence[str]) -> list[str]:
    """A category axis keeps one of equal labels (two customers of one name, two names cut alike): the later
    ones get invisible zero-width spaces, so every bar keeps its label."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        out.append(label + "\u200b" * seen[label])
    return out


def wrap(label: str) -> str:
    """``Over 90 days`` -> ``Over 90<br>days``: axis labels are rich text, so a long one breaks in two."""
    words = label.split(" ")
    if len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])


def _style_axis(axis) -> None:
    font = QFont()
    font.setPointSizeF(8.5)
    axis.setLabelsFont(font)
    _colour_axis(axis)


def _colour_axis(axis) -> None:
    axis.setLabelsColor(theme.colour("chart_axis_text"))
    axis.setGridLineColor(theme.colour("chart_grid"))
    axis.setLinePenColor(theme.colour("chart_axis_line"))


class ChartBox(QFrame):
    """A chart, or a line of text in its place while loading or when there is nothing to draw."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        theme.style(self, f"#{name} {{ background: $tile_bg; border: 1px solid $tile_border; border-radius: 5px; }}")
        self.title = title
        self.chart = QChart()
        self.chart.setTitle(title)
        title_font = QFont()
        title_font.setPointSizeF(10)
        title_font.setBold(True)
        self.chart.setTitleFont(title_font)
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(4, 2, 24, 2))  # room for the last label of a horizontal axis
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMinimumHeight(230)
        self.view.setAccessibleName(title)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("chart_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        theme.style(self.placeholder, "color: $muted_text;")
        self.placeholder.setMinimumHeight(230)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(1, 1, 1, 1)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        self._rows: list[tuple[str, Decimal]] | None = None  # a horizontal chart's bars, to cut names on resize
        self._chars = 0
        self._bar_colours: list[tuple[QBarSet, str]] = []  # each bar set and its theme colour
        self._apply_theme()
        changed = theme.theme_changed()
        if changed is not None:  # a theme switched at run time: the chart is no style sheet, so it is told
            changed.connect(self._apply_theme)
        self.set_message(self.tr("Loading…"))

    # -- public API -----------------------------------------------------------------
    def set_message(self, text: str) -> None:
        """Show ``text`` (with the chart's title) instead of the chart."""
        self._rows = None
        self.placeholder.setText(f"<b>{self.title}</b><br><br>{text}")
        self._stack.setCurrentWidget(self.placeholder)

    @property
    def showing_chart(self) -> bool:
        return self._stack.currentWidget() is self.view

    def bars(self, categories: Sequence[str], sets: Sequence[tuple[str, str, Sequence[Decimal]]], *,
             stacked: bool = False, legend: bool = True, full_names: Sequence[str] | None = None) -> None:
        """Vertical bars: one category per label, one bar set per (label, theme colour name, values)."""
        series = QStackedBarSeries() if stacked else QBarSeries()
        self._rows = None
        self._draw(series, categories, sets, horizontal=False, legend=legend, full_names=full_names)

    def horizontal_bars(self, rows: Sequence[tuple[str, Decimal]], label: str, colour: str) -> None:
        """One bar per (name, amount), the largest on top."""
        rows = list(reversed(rows))  # Qt draws the first category at the bottom
        self._rows, self._label, self._colour = rows, label, colour
        self._chars = self._name_chars()
        self._draw(QHorizontalBarSeries(), [short(n, self._chars) for n, _v in rows],
                   [(label, colour, [v for _n, v in rows])], horizontal=True, legend=False,
                   full_names=[n for n, _v in rows])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._rows is not None and self._name_chars() != self._chars:
            self.horizontal_bars(list(reversed(self._rows)), self._label, self._colour)

    def _name_chars(self) -> int:
        """How many characters of a name fit beside a horizontal chart of this width."""
        metrics = self.view.fontMetrics()
        return max(6, int(self.width() * NAME_SHARE / max(metrics.averageCharWidth(), 1)))

    # -- drawing ----------------------------------------------------------------------
    def _apply_theme(self, _mode: str = "") -> None:
        self.chart.setBackgroundBrush(theme.brush("tile_bg"))
        self.chart.setBackgroundPen(Qt.PenStyle.NoPen)
        self.chart.setTitleBrush(theme.brush("tile_text"))
        self.chart.legend().setLabelColor(theme.colour("tile_text"))
        for axis in self.chart.axes():
            _colour_axis(axis)
        for bar_set, name in self._bar_colours:
            bar_set.setColor(theme.colour(name))
            bar_set.setBorderColor(theme.colour(name))

    def _draw(self, series, categories, sets, *, horizontal: bool, legend: bool, full_names) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()
        top = 0.0
        self._bar_colours = []
        for label, colour, values in sets:
            bar_set = QBarSet(label)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(theme.colour(colour))
            bar_set.setBorderColor(theme.colour(colour))
            series.append(bar_set)
            self._bar_colours.append((bar_set, colour))
        for i in range(len(categories)):
            column = [float(values[i]) for _l, _c, values in sets if i < len(values)]
            top = max(top, sum(column) if isinstance(series, QStackedBarSeries) else max(column, default=0.0))
        series.setBarWidth(0.7)
        names = list(full_names or categories)
        series.hovered.connect(lambda status, index, bar_set: self._on_hovered(status, index, bar_set, names))
        self.chart.addSeries(series)
        category_axis = QBarCategoryAxis()
        # Vertical bars: a label of several words may take two lines ("Not yet / due") rather than be cut.
        category_axis.append(unique(list(categories) if horizontal else [wrap(c) for c in categories]))
        _style_axis(category_axis)
        category_axis.setGridLineVisible(False)
        category_axis.setTruncateLabels(not horizontal)  # names are cut to fit by short()
        value_axis = money_axis(top, compact=horizontal)
        self.chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        self.chart.legend().setVisible(legend)
        self._stack.setCurrentWidget(self.view)

    def _on_hovered(self, status: bool, index: int, bar_set: QBarSet, names: list[str]) -> None:
        if not status or index >= len(names):
            QToolTip.hideText()
            return
        value = Decimal(str(round(bar_set.at(index), 2)))
        QToolTip.showText(QCursor.pos(), f"{names[index]} ({bar_set.label()}): {format_decimal(value, 2)} €", self)
