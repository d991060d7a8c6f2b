"""One lazy table model for every list: rows arrive in pages, sorted and searched in SQL.

The model knows how many rows the list holds (a count run off the GUI thread)
and keeps only a window of pages in memory, so a million invoices scroll,
jump to the end and sort without ever loading the table. Pages are read:

- by keyset from a neighbouring page it has seen (scrolling, either way);
- from the nearer end with an offset when the clerk jumps (drag, Ctrl+End),
  reading the list backwards for the second half, so the last page is as
  cheap as the first.

Until the count arrives it behaves like a plain ``canFetchMore``/``fetchMore``
model over the pages read so far, so the first rows show at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush

from app.db.session import Database
from app.errors import TrastiendaError
from app.services.listing import ListQuery, Page
from ui.common.formatting import format_date, format_decimal
from ui.common.worker import LatestOnly, run_in_background

SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value: Decimal, date, str
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record id (str)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole row as a dict
COUNT_DELAY_MS = 30  # the count waits for the first rows to be painted

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_SERVED = frozenset({_DISPLAY, _ALIGN, _BACKGROUND, int(Qt.ItemDataRole.ToolTipRole),
                     int(SORT_ROLE), int(ID_ROLE), int(ROW_ROLE)})

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One column of a list: the service's key, the header and how values show."""

    key: str
    title: str  # already translated by the tab (tr)
    kind: str = "text"  # text | money | price | quantity | percent | date | bool | choice
    width: int = 120
    choices: dict[str, str] = field(default_factory=dict)  # stored value -> label (kind choice)
    sortable: bool = True

    def display(self, value: Any) -> str:
        if value is None:
            return ""
        if self.kind == "money":
            return format_decimal(value, 2)
        if self.kind == "price":
            return format_decimal(value, 2) if value == round(value, 2) else format_decimal(value, None)
        if self.kind in ("quantity", "percent"):
            return format_decimal(value, None)
        if self.kind == "date":
            return format_date(value)
        if self.kind == "bool":
            return "✓" if value else ""
        if self.kind == "choice":
            return self.choices.get(str(value), str(value))
        return str(value)

    @property
    def alignment(self) -> Qt.AlignmentFlag:
        return _RIGHT if self.kind in ("money", "price", "quantity", "percent") else _LEFT


ListFn = Callable[[Database, ListQuery], Page]
CountFn = Callable[[Database, ListQuery], int]


class LazyTableModel(QAbstractTableModel):
    """A windowed cache over ``list_fn``/``count_fn`` of a service.

    Signals: ``sig_reset`` when the first page of a new query is in,
    ``sig_count(int)`` when the total is known, ``sig_error(str)`` when a
    query failed (the message is the clerk's, e.g. a bad filter).
    """

    sig_reset = Signal()
    sig_count = Signal(int)
    sig_error = Signal(str)

    def __init__(self, db: Database, columns: list[Column], list_fn: ListFn, count_fn: CountFn, *,
                 sort: str, descending: bool = False, page_size: int = 200, max_pages: int = 40,
                 row_brush: Callable[[dict], QBrush | None] | None = None, parent=None):
        super().__init__(parent)
        self.db = db
        self.columns = columns
        self.list_fn = list_fn
        self.count_fn = count_fn
        self.page_size = page_size
        self.max_pages = max_pages
        self.row_brush = row_brush
        self._query = ListQuery(sort=sort, descending=descending, limit=page_size)
        self._gen = 0
        self._rows = 0  # rows the view is told about
        self._count: int | None = None
        self._more = False  # before the count: whether fetchMore has a page to read
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._texts: dict[int, list[tuple[str, ...] | None]] = {}  # page -> display texts per row, once shown
        self._bounds: dict[int, tuple[Any, Any]] = {}  # page -> (first key, last key), kept when dropped
        self._pending: set[int] = set()
        self._first_page = LatestOnly(self)
        self._counter = LatestOnly(self)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._on_count_timer)
        self._count_job: Callable[[], None] | None = None
        self._shown_gen = -1  # the generation whose rows are on screen
        self._early_count: tuple[int, int] | None = None

    # -- the query -------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """Rows the list holds, once counted."""
        return self._count

    @property
    def busy(self) -> bool:
        return (bool(self._pending) or self._first_page.busy or self._counter.busy
                or self._count_timer.isActive())

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self._query = replace(self._query, search=text)
            self._changed()

    def set_filters(self, filters: dict[str, Any]) -> None:
        clean = {k: v for k, v in filters.items() if v not in (None, "", False)}
        if clean != self._query.filters:
            self._query = replace(self._query, filters=clean)
            self._changed()

    def set_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._query.sort, self._query.descending):
            self._query = replace(self._query, sort=key, descending=descending)
            self._changed()

    def _changed(self) -> None:
        if self._gen:  # started: read again; otherwise the first refresh() will
            self.refresh()

    def refresh(self) -> None:
        """Read the list again (after a save, a new search, another sort).

        The rows on screen stay until the new first page replaces them, so
        typing in the search box never flashes an empty table. The count runs
        after the first page, not beside it: both are Python under one GIL,
        and the rows the clerk is waiting for come first.
        """
        self._gen += 1
        gen, query = self._gen, replace(self._query, after=None, offset=0)

        def count() -> None:
            if gen == self._gen:
                self._counter.submit(lambda: self.count_fn(self.db, query),
                                     lambda n: self._on_count(gen, n), self._on_failed)

        def first_page_done(page: Page) -> None:
            self._on_first_page(gen, page)
            if gen == self._gen:
                # Let the view paint the rows before the count competes for the CPU.
                self._count_job = count
                self._count_timer.start()

        self._first_page.submit(lambda: self.list_fn(self.db, query), first_page_done, self._on_failed)

    def _on_count_timer(self) -> None:
        job, self._count_job = self._count_job, None
        if job is not None:
            job()

    @property
    def loading(self) -> bool:
        """Whether a new query's first page is still on its way (the view shows the old rows)."""
        return self._shown_gen != self._gen

    # -- results ---------------------------------------------------------------------
    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, TrastiendaError):
            self.sig_error.emit(str(exc))
        else:
            self.sig_error.emit(self.tr("The list could not be read: {0}").replace("{0}", str(exc)))

    def _on_first_page(self, gen: int, page: Page) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self._pages.clear()
        self._texts.clear()
        self._bounds.clear()
        self._pending.clear()
        self._store(0, page.rows, page.first_key, page.last_key)
        self._count = None
        self._rows = len(page.rows)
        self._more = page.has_more
        self._shown_gen = gen
        self.endResetModel()
        self.sig_reset.emit()
        if self._early_count is not None and self._early_count[0] == gen:
            self._apply_count(self._early_count[1])

    def _on_count(self, gen: int, n: int) -> None:
        if gen != self._gen:
            return
        if self._shown_gen != gen:  # counted before the first page came in
            self._early_count = (gen, n)
            return
        self._apply_count(n)

    def _apply_count(self, n: int) -> None:
        self._early_count = None
        self._count = n
        self._more = False
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:
            self.beginRemoveRows(QModelIndex(), n, self._rows - 1)
            self._rows = n
            self.endRemoveRows()
        self.sig_count.emit(n)

    def _store(self, p: int, rows: list[dict], first_key, last_key) -> None:
        self._pages[p] = rows
        self._texts[p] = [None] * len(rows)
        self._pages.move_to_end(p)
        if first_key is not None:
            self._bounds[p] = (first_key, last_key)
        while len(self._pages) > self.max_pages:
            dropped, _rows = self._pages.popitem(last=False)
            self._texts.pop(dropped, None)

    # -- paging ----------------------------------------------------------------------
    def _page_query(self, p: int) -> tuple[ListQuery, bool]:
        """How to read page ``p``: the query, and whether it reads backwards."""
        size, q = self.page_size, self._query
        n = self._count
        want = size if n is None else max(0, min(size, n - p * size))
        if p - 1 in self._bounds:
            return replace(q, limit=want or size, after=self._bounds[p - 1][1], offset=0), False
        if p + 1 in self._bounds:
            return replace(q, limit=want or size, after=self._bounds[p + 1][0], offset=0,
                           descending=not q.descending), True
        if n is None or p * size <= n // 2:
            return replace(q, limit=size, after=None, offset=p * size), False
        end = min(n, (p + 1) * size)
        return replace(q, limit=max(1, end - p * size), after=None, offset=n - end,
                       descending=not q.descending), True

    def _request(self, p: int) -> None:
        if p in self._pending:
            return
        self._pending.add(p)
        gen = self._gen
        query, backwards = self._page_query(p)

        def done(page: Page) -> None:
            if gen != self._gen:
                return
            self._pending.discard(p)
            rows, first, last = page.rows, page.first_key, page.last_key
            if backwards:
                rows, first, last = rows[::-1], last, first
            self._store(p, rows, first, last)
            start = p * self.page_size
            if self._count is None and start >= self._rows:  # fetchMore before the count
                if rows:
                    self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(rows) - 1)
                    self._rows += len(rows)
                    self.endInsertRows()
                self._more = page.has_more
            elif rows:
                last_row = min(start + len(rows), self._rows) - 1
                if last_row >= start:
                    self.dataChanged.emit(self.index(start, 0), self.index(last_row, len(self.columns) - 1))

        def failed(exc: Exception) -> None:
            self._pending.discard(p)
            self._on_failed(exc)

        run_in_background(lambda: self.list_fn(self.db, query), done, failed, self)

    def row_data(self, r: int) -> dict | None:
        """The row's values if its page is in memory (no read is started)."""
        p, i = divmod(r, self.page_size)
        rows = self._pages.get(p)
        return rows[i] if rows is not None and i < len(rows) else None

    def id_at(self, r: int) -> str | None:
        row = self.row_data(r)
        return str(row["__id"]) if row else None

    def row_of_id(self, record_id: str) -> int | None:
        """Where a record sits among the pages in memory (to reselect it after a refresh)."""
        for p, rows in self._pages.items():
            for i, row in enumerate(rows):
                if str(row["__id"]) == str(record_id):
                    return p * self.page_size + i
        return None

    # -- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self._count is None and self._more
                and self._shown_gen == self._gen)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request(self._rows // self.page_size)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and every role on each paint: refuse the
        # roles we do not serve first, and format a row's texts once, not per paint.
        if role not in _SERVED:
            return None
        r = index.row()
        if r >= self._rows or r < 0:
            return None
        c = index.column()
        if role == _ALIGN:
            return self.columns[c].alignment
        p, i = divmod(r, self.page_size)
        rows = self._pages.get(p)
        if rows is None:
            if self._shown_gen == self._gen:  # not while a new query replaces these rows
                self._request(p)
            return None
        if i >= len(rows):
            return None
        row = rows[i]
        if role == _DISPLAY:
            cache = self._texts[p]
            texts = cache[i]
            if texts is None:
                texts = cache[i] = tuple(col.display(row.get(col.key)) for col in self.columns)
            return texts[c]
        if role == _BACKGROUND:
            return self.row_brush(row) if self.row_brush else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.columns[c].display(row.get(self.columns[c].key))
            return text if len(text) > 30 else None
        if role == SORT_ROLE:
            return row.get(self.columns[c].key)
        if role == ID_ROLE:
            return str(row["__id"])
        return row  # ROW_ROLE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self.columns[section].alignment
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sortable:
            self.set_sort(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)
