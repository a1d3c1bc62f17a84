"""`CacheListView`: a search box, optional status filter, a count and a table over a
`CacheTableModel`, with a context menu and remembered column widths.

Panels compose it; it knows nothing about the panel around it and reports selection and
actions through signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .table_model import OBJECT_ROLE, CacheTableModel

MenuBuilder = Callable[[QMenu, dict[str, Any]], None]
JUMP_PAGES = 5
"""How many more pages `select_id` reads before it searches for the id instead."""
FIT_MAX = 260
"""The widest a column is made to fit its contents (longer text is elided, whole in the
tooltip)."""
FIT_ROWS = 60
"""How many rows (the visible ones first) a column's fit looks at: cheap enough to redo
on every reload."""


class CacheListView(QWidget):
    """A filterable, searchable table of cached objects."""

    selected = Signal(dict)
    """The object now selected (an empty dict when the selection was cleared)."""
    activated = Signal(dict)
    """The object double-clicked or activated with Enter."""
    fitted = Signal()
    """The columns were sized to their contents (the panel may now give the list room)."""

    def __init__(self, model: CacheTableModel, settings: QSettings, settings_key: str,
                 statuses: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._settings = settings
        self._key = settings_key
        self._menu_builder: MenuBuilder | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, e-mail, id, last 4…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for value, label in statuses:
            self.status_filter.addItem(label, value)
        self.status_filter.setVisible(bool(statuses))
        self.status_filter.currentIndexChanged.connect(self._apply_status)

        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(model.created_column, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_column)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.horizontalHeader().setContextMenuPolicy(
            Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activate)
        saved = settings.value(f"{settings_key}/header")
        # Columns grow to fit their contents as rows arrive, unless the user's own widths
        # were restored.
        self._fitted = self._own_widths = isinstance(saved, QByteArray)
        self._fitting = False
        if isinstance(saved, QByteArray):
            self.table.horizontalHeader().restoreState(saved)
        else:
            for section, column in enumerate(model.columns):
                self.table.horizontalHeader().resizeSection(section, column.width)
                if column.stretch:
                    # One stretching column: the last one keeps its width, in view.
                    self.table.horizontalHeader().setStretchLastSection(False)
                    self.table.horizontalHeader().setSectionResizeMode(
                        section, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().sectionResized.connect(self._user_resized)
        self.table.horizontalHeader().sectionMoved.connect(lambda *_: self.save_state())
        model.loaded.connect(self._update_count)
        model.loaded.connect(self._fit_columns)
        model.modelReset.connect(self._reselect)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._selected_id: str | None = None
        self._update_count()

    def set_menu_builder(self, builder: MenuBuilder) -> None:
        """Who fills the context menu for a row (the panel, with its actions)."""
        self._menu_builder = builder

    def current_object(self) -> dict[str, Any] | None:
        """The selected object, if any."""
        index = self.table.currentIndex()
        return self.model.object_at(index.row()) if index.isValid() else None

    def select_id(self, object_id: str) -> bool:
        """Select the row of `object_id`: paging a little further into the list, or, for an
        object deeper down, searching for its id (the list then shows just that object)."""
        row = self.model.row_of(object_id)
        pages = 0
        while row is None and self.model.canFetchMore() and pages < JUMP_PAGES:
            self.model.fetchMore()
            pages += 1
            row = self.model.row_of(object_id)
        if row is None:
            self.search.blockSignals(True)
            self.search.setText(object_id)
            self.search.blockSignals(False)
            self.model.set_search(object_id)
            row = self.model.row_of(object_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    @property
    def is_fitted(self) -> bool:
        """Whether the columns have their widths (fitted to the rows, or the user's)."""
        return self._fitted

    def needed_width(self) -> int:
        """The width the table needs to show every column whole: the columns' widths (a
        stretching one at its contents' width), the scroll bar and the frame."""
        header = self.table.horizontalHeader()
        last = header.logicalIndex(header.count() - 1)
        width = 0
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            stretched = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
            if stretched or (section == last and header.stretchLastSection()):
                width += self._content_width(section)
            else:
                width += header.sectionSize(section)
        return (width + self.table.verticalScrollBar().sizeHint().width()
                + 2 * self.table.frameWidth())

    def _content_width(self, section: int) -> int:
        return min(FIT_MAX, max(self.table.horizontalHeader().sectionSizeHint(section),
                                self.table.sizeHintForColumn(section)))

    def _fit_columns(self, _rows: int) -> None:
        """At each load: each column as wide as its header and the rows need (at most
        FIT_MAX; after the first load it only grows, so nothing jumps), unless the user set
        the widths."""
        if self._own_widths:
            return
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for section in range(header.count()):
                if header.sectionResizeMode(section) != QHeaderView.ResizeMode.Stretch:
                    width = self._content_width(section)
                    if self._fitted:
                        width = max(width, header.sectionSize(section))
                    header.resizeSection(section, width)
        finally:
            self._fitting = False
        if not self._fitted:
            self._fitted = True
            self.fitted.emit()

    def fit_into(self, width: int) -> None:
        """Hide optional columns, the last first, until the table fits `width` (what the
        list's pane can have); the header's menu shows them again. The user's own choice of
        columns, once made, stays as it is."""
        if self._own_widths:
            return
        header = self.table.horizontalHeader()
        optional = [section for section, column in enumerate(self.model.columns)
                    if column.optional and not header.isSectionHidden(section)]
        self._fitting = True
        try:
            while optional and self.needed_width() > width:
                header.hideSection(optional.pop())
        finally:
            self._fitting = False

    def _column_menu(self, position: QPoint) -> None:
        """The header's menu: show or hide each column (remembered with the widths)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section, column in enumerate(self.model.columns):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(section != self.model.created_column)
            action.toggled.connect(lambda shown, s=section: self.show_column(s, shown))
        menu.exec(header.mapToGlobal(position))

    def show_column(self, section: int, shown: bool) -> None:
        """Show or hide one column, as the header's menu does, and remember it."""
        self.table.horizontalHeader().setSectionHidden(section, not shown)
        self.save_state()

    def _user_resized(self, section: int, _old: int, _new: int) -> None:
        """A column's width changed: the user's own when it is a column they can drag (a
        stretching one, or the last one filling the row, follows the view's width)."""
        header = self.table.horizontalHeader()
        stretched = header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch or (
            header.stretchLastSection()
            and section == header.logicalIndex(header.count() - 1))
        if not self._fitting and not stretched:
            self.save_state()

    def save_state(self) -> None:
        """Remember the column widths and order."""
        self._settings.setValue(f"{self._key}/header",
                                self.table.horizontalHeader().saveState())

    def _keep_sort_column(self, section: int, order: Qt.SortOrder) -> None:
        # Keyset pages follow (created, id) only; other headers just flip that order.
        if section != self.model.created_column:
            self.table.horizontalHeader().setSortIndicator(self.model.created_column, order)

    def _apply_status(self) -> None:
        status = self.status_filter.currentData()
        self.model.set_filters({"status": status})

    def _update_count(self, *_: object) -> None:
        total = self.model.total()
        self.count_label.setText(self.tr("%n item(s)", "", total))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        obj = current.data(OBJECT_ROLE) if current.isValid() else None
        self._selected_id = obj.get("id") if obj else None
        self.selected.emit(obj or {})

    def _reselect(self) -> None:
        if self._selected_id is None:
            return
        row = self.model.row_of(self._selected_id)
        if row is not None:
            self.table.selectRow(row)

    def _activate(self, index: QModelIndex) -> None:
        obj = index.data(OBJECT_ROLE)
        if obj:
            self.activated.emit(obj)

    def _show_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        obj = index.data(OBJECT_ROLE) if index.isValid() else None
        if not obj or self._menu_builder is None:
            return
        menu = QMenu(self)
        self._menu_builder(menu, obj)
        if menu.actions():
            menu.exec(self.table.viewport().mapToGlobal(position))


def add_action(menu: QMenu, text: str, handler: Callable[[], object],
               enabled: bool = True, reason: str = "") -> QAction:
    """Add a menu action; a disabled one carries its reason as tooltip and status tip."""
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: handler())
    action.setEnabled(enabled)
    if reason:
        action.setToolTip(reason)
        action.setStatusTip(reason)
    menu.setToolTipsVisible(True)
    return action
