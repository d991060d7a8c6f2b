"""The Dashboard tab: KPI tiles over five charts, read off the GUI thread.

The figures are read when the tab is first shown, again when it is shown and
they are more than a minute old, when another tab changed data (``mark_stale``)
and on F5 or the Refresh button. A failed read says so in one line in the tab;
the figures already on show stay.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from app.db.session import Database
from app.reports.dashboard import TOP_PRODUCT_DAYS, Dashboard, dashboard
from ui.common import theme
from ui.common.icons import icon
from ui.common.formatting import format_date
from ui.common.worker import LatestOnly
from ui.dashboard import targets
from ui.dashboard.charts import LAST_YEAR, NEUTRAL, OVERDUE, THIS_YEAR, ChartBox
from ui.dashboard.tiles import KpiTile

log = logging.getLogger(__name__)

STALE_AFTER_S = 60
COLUMNS = 5  # tiles per row
WIDE = 1280  # from this width the charts go three a row
# The tiles in the order of app.reports.dashboard (a placeholder each until the first read).
KPI_KEYS = ("revenue_month", "revenue_year", "receivables", "overdue", "drafts", "reorder", "stock_value",
            "contracts_attention", "contracts_to_bill", "away")


class DashboardTab(QWidget):
    sig_status = Signal(str)
    sig_open = Signal(object)  # a Target: the window shows the list behind a figure

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self._fixed_today = today
        self.data: Dashboard | None = None
        self._loader = LatestOnly(self)
        self._loaded_at: float | None = None  # time.monotonic() of the figures on show
        self._stale = False

        self.as_of = QLabel(self)
        self.as_of.setObjectName("dashboard_as_of")
        theme.style(self.as_of, "color: $muted_text;")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dashboard_error")
        theme.style(self.error_label, "color: $error_text;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label.hide()
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("dashboard_refresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(self.tr("Read the figures again (F5)"))
        self.refresh_button.clicked.connect(self.action_refresh)
        header = QHBoxLayout()
        header.addWidget(self.as_of)
        header.addSpacing(12)
        header.addWidget(self.error_label, 1)
        header.addStretch(0)
        header.addWidget(self.refresh_button)

        content = QWidget(self)
        content.setObjectName("dashboard_content")
        theme.style(content, "#dashboard_content { background: $page_bg; }")
        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, KpiTile] = {}
        for i, key in enumerate(KPI_KEYS):
            tile = self._tile(key)
            tiles.addWidget(tile, i // COLUMNS, i % COLUMNS)
        for column in range(COLUMNS):
            tiles.setColumnStretch(column, 1)
        self._tile_grid = tiles

        self.revenue_chart = ChartBox("chart_revenue", self.tr("Sales by month (tax base)"), content)
        self.aging_chart = ChartBox("chart_aging", self.tr("Owed by customers, by days late"), content)
        self.customers_chart = ChartBox("chart_customers", self.tr("Top customers this year"), content)
        self.products_chart = ChartBox("chart_products", self.tr("Top products, last {0} days").replace(
            "{0}", str(TOP_PRODUCT_DAYS)), content)
        self.stock_chart = ChartBox("chart_stock", self.tr("Stock value by warehouse"), content)
        self._charts_grid = QGridLayout()
        self._charts_grid.setSpacing(8)
        self._wide: bool | None = None
        self._arrange_charts(True)

        body = QVBoxLayout(content)
        body.setContentsMargins(8, 8, 8, 8)
        body.setSpacing(10)
        body.addLayout(tiles)
        body.addLayout(self._charts_grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        self.as_of.setText(self.tr("Reading the figures…"))

    # -- public API -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether figures are being read (screenshots and tests wait on it)."""
        return self._loader.busy

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def activate(self) -> None:
        """Shown: read the figures the first time, and again when stale or older than a minute."""
        old = self._loaded_at is not None and time.monotonic() - self._loaded_at > STALE_AFTER_S
        if self._loaded_at is None or self._stale or old:
            self.load()

    def mark_stale(self) -> None:
        """Data changed elsewhere: read again now if on show, otherwise when next shown."""
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        self._stale = False
        if self.data is not None:
            self.as_of.setText(self.tr("Reading the figures…"))
        today = self._fixed_today  # None: the worker's today, as the lists behind the figures use
        self._loader.submit(lambda: dashboard(self.db, today), self._on_loaded, self._on_failed)

    # -- results ----------------------------------------------------------------------
    def _on_loaded(self, data: Dashboard) -> None:
        self.data = data
        self._loaded_at = time.monotonic()
        self.error_label.hide()
        now = dt.datetime.now()
        self.as_of.setText(self.tr("Figures of {0} at {1}").replace("{0}", format_date(data.today))
                           .replace("{1}", now.strftime("%H:%M")))
        for kpi in data.kpis:
            tile = self.tiles.get(kpi.key)
            if tile is None:  # a figure this tab does not know yet: after the others
                tile = self._tile(kpi.key)
                n = len(self.tiles) - 1
                self._tile_grid.addWidget(tile, n // COLUMNS, n % COLUMNS)
            tile.set_kpi(kpi, targets.describe(kpi.target) if kpi.target is not None else "")
        shown = {kpi.key for kpi in data.kpis}
        for key, tile in self.tiles.items():  # figures this login may not read are left out, not shown as 0
            tile.setVisible(key in shown)
        self._draw_charts(data)

    def _on_failed(self, exc: Exception) -> None:
        log.warning("dashboard not read: %s", exc)
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        self.error_label.setText(self.tr("The figures could not be read: {0}").replace("{0}", first_line))
        self.error_label.setToolTip(str(exc))
        self.error_label.show()
        self._loaded_at = time.monotonic()  # not again on every show; F5 tries at once
        if self.data is None:
            self.as_of.setText("")
            for tile in self.tiles.values():
                tile.value_label.setText("—")
                tile.detail_label.setText(self.tr("Not available"))
            for chart in self.charts():
                chart.set_message(self.tr("Not available"))
        else:
            self.as_of.setText(self.tr("Figures of {0}").replace("{0}", format_date(self.data.today)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_charts(self.width() >= WIDE)

    def _arrange_charts(self, wide: bool) -> None:
        """Three charts a row on a wide window; two on a narrow one, where three would cut every label."""
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._charts_grid
        for chart in self.charts():
            grid.removeWidget(chart)
        if wide:
            places = [(self.revenue_chart, 0, 0, 1, 2), (self.aging_chart, 0, 2, 1, 1),
                      (self.customers_chart, 1, 0, 1, 1), (self.products_chart, 1, 1, 1, 1),
                      (self.stock_chart, 1, 2, 1, 1)]
        else:
            places = [(self.revenue_chart, 0, 0, 1, 2), (self.aging_chart, 1, 0, 1, 1),
                      (self.stock_chart, 1, 1, 1, 1), (self.customers_chart, 2, 0, 1, 1),
                      (self.products_chart, 2, 1, 1, 1)]
        for chart, row, column, rows, columns in places:
            grid.addWidget(chart, row, column, rows, columns)
        for column in range(3):
            grid.setColumnStretch(column, 1 if wide or column < 2 else 0)
        for row in range(3):
            grid.setRowStretch(row, 1 if row < (2 if wide else 3) else 0)

    def charts(self) -> list[ChartBox]:
        return [self.revenue_chart, self.aging_chart, self.customers_chart, self.products_chart, self.stock_chart]

    def _draw_charts(self, data: Dashboard) -> None:
        year = data.today.year
        locale = QLocale()
        months = [locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)]
        self.revenue_chart.bars(months, [(str(year - 1), LAST_YEAR, data.revenue_last_year),
                                         (str(year), THIS_YEAR, data.revenue_this_year)])
        titles = [title for _bucket, title, _owed in data.aging]
        current = [owed if bucket == "current" else 0 for bucket, _t, owed in data.aging]
        late = [0 if bucket == "current" else owed for bucket, _t, owed in data.aging]
        self.aging_chart.bars(titles, [(self.tr("Not yet due"), NEUTRAL, current), (self.tr("Overdue"), OVERDUE, late)],
                              stacked=True)
        no_products = self.tr("No products sold in the last {0} days.").replace("{0}", str(TOP_PRODUCT_DAYS))
        for chart, rows, empty, colour in (
                (self.customers_chart, data.top_customers, self.tr("Nothing sold this year yet."), THIS_YEAR),
                (self.products_chart, data.top_products, no_products, NEUTRAL),
                (self.stock_chart, data.stock_by_warehouse, self.tr("No warehouses yet."), NEUTRAL)):
            if rows:
                chart.horizontal_bars(rows, chart.title, colour)
            else:
                chart.set_message(empty)
        # A login whose role may not read a part (HR: no invoices; an accountant: no stock) sees why.
        hidden = self.tr("Your login may not read these figures.")
        for part, charts in (("sales", [self.revenue_chart]), ("receivables", [self.aging_chart]),
                             ("top", [self.customers_chart, self.products_chart]),
                             ("stock_by_warehouse", [self.stock_chart])):
            if part in data.unavailable:
                for chart in charts:
                    chart.set_message(hidden)

    def _tile(self, key: str) -> KpiTile:
        tile = KpiTile(key, self)
        tile.sig_activated.connect(self._on_tile)
        self.tiles[key] = tile
        return tile

    def _on_tile(self, key: str) -> None:
        if self.data is not None:
            target = self.data.kpi(key).target
            if target is not None:
                self.sig_open.emit(target)
