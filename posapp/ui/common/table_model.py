"""`CacheTableModel`: a table over one cached Stripe type, read in keyset pages.

Rows are ordered by `(created, id)`; the view pulls further pages through
`canFetchMore`/`fetchMore` as the user scrolls, so a list of 100,000 customers opens with one
page and never loads them all. A search box switches the model to the cache's full-text
search; filters map onto the cache's extracted columns. Subclasses declare their columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from posapp.store.cache import Cache, Cursor, FilterValue
from posapp.store.search_terms import parse_date_range

from .format import Formats

PAGE_SIZE = 100
SEARCH_LIMIT = 500
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
"""`data(index, OBJECT_ROLE)` gives the row's whole Stripe object."""

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its translated header, the cell text, optional colour and alignment;
    `stretch` makes it take whatever width the others leave (eliding, full text in the
    tooltip) so the columns after it stay in view; an `optional` one is hidden when the
    list is too narrow to show every column whole (the header's menu shows it again)."""

    header: str
    text: Callable[[dict[str, Any]], str]
    color: Callable[[dict[str, Any]], str | None] | None = None
    align_right: bool = False
    sorts_by_created: bool = False
    width: int = 140
    stretch: bool = False
    optional: bool = False


def created_column(header: str, formats: Formats, *, date_only: bool = False) -> Column:
    """The column every list sorts by: when the object was created (date and time, or
    the date alone), in the account's zone."""
    show = formats.date if date_only else formats.datetime
    return Column(header, lambda row: show(row.get("created")), sorts_by_created=True,
                  width=80 if date_only else 125)


def money_column(header: str, formats: Formats, field: str = "amount", *,
                 optional: bool = False) -> Column:
    """A right-aligned amount: the row's `field` in the row's currency."""
    return Column(header, lambda row: formats.money(row.get(field), row.get("currency")),
                  align_right=True, width=90, optional=optional)


class Headed(Protocol):
    """A column with a header."""

    @property
    def header(self) -> str: ...


RowT = TypeVar("RowT")


class PagedRowsModel(QAbstractTableModel, Generic[RowT]):
    """Rows under headed columns, read a page at a time as the view scrolls: what the
    cache's lists and the audit log share. Subclasses set `columns` and read the pages."""

    loaded = Signal(int)
    """Emitted after rows were (re)loaded, with the number of rows now held."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._has_more = False
        self.columns: Sequence[Headed] = ()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def _append_page(self, rows: list[RowT], more: bool) -> None:
        """Add a page read after the last row; `more`: further pages follow."""
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._has_more = more
        self.loaded.emit(len(self._rows))


class CacheTableModel(PagedRowsModel[dict[str, Any]]):
    """Objects of one cached table, newest first (or oldest first when sorted so)."""

    def __init__(self, cache: Cache, table: str, formats: Formats,
                 parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._cache = cache
        self._table = table
        self.formats = formats
        self._page_size = page_size
        self._oldest: Cursor | None = None
        self._filters: dict[str, FilterValue] = {}
        self._search = ""
        self._search_days: tuple[int, int] | None = None
        self._since: int | None = None
        self._until: int | None = None
        self._ascending = False
        self.pages_loaded = 0
        self._memo: dict[tuple[str, str], str] = {}
        self.columns: Sequence[Column] = self.make_columns()

    def make_columns(self) -> Sequence[Column]:
        """The model's columns; subclasses override."""
        raise NotImplementedError

    @property
    def created_column(self) -> int:
        """The column showing the creation time (the one the list can be sorted by)."""
        return next((i for i, c in enumerate(self.columns) if c.sorts_by_created), 0)

    @property
    def table(self) -> str:
        """The cache table the model reads."""
        return self._table

    # --- Qt model interface -------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        obj = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(obj)
        if role == OBJECT_ROLE:
            return obj
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(obj)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole cell text, which a narrow column elides, above the object's id.
            return "\n".join(t for t in (column.text(obj), str(obj.get("id") or "")) if t)
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._search

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows, oldest, more = self._read(self._oldest, self._page_size)
        self._oldest = oldest
        self._append_page(rows, more)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by creation time (the one order keyset pages can follow at any depth)."""
        ascending = order == Qt.SortOrder.AscendingOrder
        if ascending != self._ascending:
            self._ascending = ascending
            self.reload()

    # --- what the panels use ------------------------------------------------------------

    def object_at(self, row: int) -> dict[str, Any] | None:
        """The Stripe object shown in `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, object_id: str) -> int | None:
        """The row showing `object_id`, if it is loaded."""
        for row, obj in enumerate(self._rows):
            if obj.get("id") == object_id:
                return row
        return None

    def memo(self, key: tuple[str, str], compute: Callable[[], str]) -> str:
        """A derived cell text (e.g. a looked-up card) computed once per reload."""
        text = self._memo.get(key)
        if text is None:
            text = self._memo[key] = compute()
        return text

    def set_filters(self, filters: Mapping[str, FilterValue]) -> None:
        """Show only rows whose extracted columns match (None values are dropped)."""
        self._filters = {k: v for k, v in filters.items() if v is not None}
        self.reload()

    def set_created_range(self, since: int | None, until: int | None, *,
                          reload: bool = True) -> None:
        """Show only rows created in `[since, until)` (None: unbounded); `reload=False`
        leaves the reading to a following change."""
        self._since, self._until = since, until
        if reload:
            self.reload()

    def iter_matching(self, created: tuple[int | None, int | None] | None = None,
                      ) -> Iterator[dict[str, Any]]:
        """Every row the current filters, search and created range (or `created` in its
        place) match, read in keyset pages as it is consumed (an export reads them all
        without holding them all; consume it off the GUI thread). Later filter changes do
        not affect it."""
        since, until = self._created_range(created)
        if self._search:
            return iter(self._search_rows(since, until))
        return self._pages(self._cache, self._table, dict(self._filters), since, until,
                           self._page_size)

    def _created_range(self, created: tuple[int | None, int | None] | None = None,
                       ) -> tuple[int | None, int | None]:
        """The range rows are shown in (the set one, or `created`), narrowed by a date
        searched for."""
        since, until = created if created is not None else (self._since, self._until)
        if self._search_days is None:
            return since, until
        start, end = self._search_days
        return (max(start, since) if since is not None else start,
                min(end, until) if until is not None else end)

    @staticmethod
    def _pages(cache: Cache, table: str, filters: dict[str, FilterValue], since: int | None,
               until: int | None, size: int) -> Iterator[dict[str, Any]]:
        cursor: Cursor | None = None
        while True:
            page = cache.page(table, filters=filters, older_than=cursor, since=since,
                              until=until, limit=size)
            yield from page.rows
            if not page.has_older:
                return
            cursor = page.oldest

    def set_search(self, text: str) -> None:
        """Show the cache's search results for `text` (empty: back to the paged list). A
        date ("yesterday", "last week", "12/3", "12/1 to 12/3") narrows the paged list to
        days (in the account's time zone) instead."""
        self._search_days = parse_date_range(text, self.formats.now(), self.formats.zone)
        self._search = "" if self._search_days is not None else text.strip()
        self.reload()

    def total(self, created: tuple[int | None, int | None] | None = None) -> int:
        """How many rows the current filters match in the whole cache (created in
        `created` instead of the list's range, when given)."""
        if self._search and created is None:
            return len(self._rows)
        since, until = self._created_range(created)
        if self._search:
            return len(self._search_rows(since, until))
        return self._cache.count(self._table, filters=self._filters, since=since, until=until)

    def reload(self) -> None:
        """Read again from the cache, keeping as many rows as were loaded (at least a page),
        so a sync refresh does not throw the user back to the top."""
        self.beginResetModel()
        self._memo.clear()
        if self._search:
            self._rows = self._search_rows(self._since, self._until)
            self._oldest, self._has_more = None, False
        else:
            keep = max(self._page_size, len(self._rows))
            self._rows, self._oldest, self._has_more = self._read(None, keep)
        self.endResetModel()
        self.loaded.emit(len(self._rows))

    def _search_rows(self, since: int | None, until: int | None) -> list[dict[str, Any]]:
        hits = self._cache.search(self._search, tables=[self._table], limit=SEARCH_LIMIT,
                                  locale=self.formats.language)
        found = [h.id for h in hits if h.table == self._table]
        if not found:
            return []
        # The list's own filters and range apply to what the search found, in SQL.
        return self._cache.page(self._table, filters={**self._filters, "id": found},
                                since=since, until=until, limit=len(found)).rows

    def _read(self, after: Cursor | None,
              limit: int) -> tuple[list[dict[str, Any]], Cursor | None, bool]:
        self.pages_loaded += 1
        since, until = self._created_range()
        if self._ascending:
            start = after or Cursor(-1, "")
            page = self._cache.page(self._table, filters=self._filters, newer_than=start,
                                    since=since, until=until, limit=limit)
            return list(reversed(page.rows)), page.newest, page.has_newer
        page = self._cache.page(self._table, filters=self._filters, older_than=after,
                                since=since, until=until, limit=limit)
        return page.rows, page.oldest, page.has_older
