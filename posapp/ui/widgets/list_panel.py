"""`ListPanel`: what every list panel shares — a toolbar over optional filters (the shared
`FilterBar`: dates, amounts, card; a customer picker) and a `CacheListView`, the selected
object's detail beside it in a splitter, toolbar actions that move money (disabled with the
reason while offline), a CSV export of what the list shows, and the context menu's
"Copy id" and "Open in Stripe Dashboard".

A panel subclasses it, adds its own buttons and filters, then calls `finish_layout`.
Strings here are translated in the "ListPanel" context, whichever panel shows them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.exports import ExportKind
from posapp.store.cache import FilterValue

from ..common.action_detail import ActionDetail
from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, export_and_tell
from ..common.list_view import CacheListView, add_action
from ..common.table_model import CacheTableModel
from ..common.theme import set_role
from .customer_picker import CustomerPicker
from .export_dialog import ExportDialog, ExportSource
from .filter_bar import FilterBar

ModelT = TypeVar("ModelT", bound=CacheTableModel)


class ListPanel(QWidget, Generic[ModelT]):
    """A list of cached objects beside the selected one's detail."""

    def __init__(self, state: AppState, model: ModelT, settings_key: str,
                 statuses: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = model
        model.setParent(self)
        self.list = CacheListView(model, state.ui_settings, settings_key, statuses)
        self.list.set_menu_builder(self._build_menu)
        self.status_filter = self.list.status_filter
        self.customer_filter: CustomerPicker | None = None
        self.filter_bar: FilterBar | None = None
        self._follows_status = False
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        """The list and the detail; `finish_layout` fills it."""
        self._roomy = False
        self.toolbar = QHBoxLayout()
        self.filters = QHBoxLayout()
        self.message = QLabel()
        """Inline text beside the toolbar: why money actions are off, or what just happened."""
        self.message.setObjectName("reason")
        self.message.setWordWrap(True)
        self._money_buttons: list[tuple[QPushButton, Callable[[], bool]]] = []
        self._export: tuple[Sequence[CsvColumn], str, Callable[[int, Path], str]] | None = None
        self._shown_reason = ""

    # -- building ------------------------------------------------------------------------

    def add_money_button(self, button: QPushButton,
                         allowed: Callable[[], bool] = lambda: True) -> QPushButton:
        """Put `button` in the toolbar as an action that moves money or cannot be undone:
        enabled only online and while `allowed()`, with the offline reason as its tooltip."""
        self.toolbar.addWidget(button)
        self._money_buttons.append((button, allowed))
        return button

    def add_csv_export(self, columns: Sequence[CsvColumn], file_name: str, tooltip: str,
                       done: Callable[[int, Path], str]) -> QPushButton:
        """Put an "Export…" button in the toolbar that writes what the list matches (CSV or
        XLSX, for the days chosen) to a file named after `file_name`'s stem and the days;
        `done(count, path)` words the result."""
        self._export = (columns, Path(file_name).stem, done)
        self.export = QPushButton(QCoreApplication.translate("ListPanel", "Export…"))
        self.export.setToolTip(tooltip)
        self.export.clicked.connect(self._ask_export)
        self.toolbar.addWidget(self.export)
        return self.export

    def add_customer_filter(self) -> CustomerPicker:
        """Add an "Any customer" picker to the filters; the list then applies its status
        filter first and `apply_filters` adds the others."""
        picker = CustomerPicker(self._state.cache)
        picker.setPlaceholderText(QCoreApplication.translate("ListPanel", "Any customer"))
        picker.setMinimumWidth(140)
        self.customer_filter = picker
        if self.filter_bar is not None:
            self.filter_bar.second_row.addWidget(picker, 1)
        else:
            self.filters.addWidget(picker, 1)
        self._follow_status()
        picker.customer_changed.connect(self.apply_filters)
        return picker

    def add_filter_bar(self, *, amounts: bool = True, card: bool = False,
                       customer: bool = False) -> FilterBar:
        """Add the shared filter bar: created from/to, and as the list's type allows an
        amount range, a card's last 4 and a customer picker; the list then applies its
        status filter first and `apply_filters` adds the others."""
        bar = FilterBar(self._state.formats, amounts=amounts, card=card)
        self.filter_bar = bar
        self.filters.addWidget(bar)
        bar.changed.connect(self.apply_filters)
        if customer:
            self.add_customer_filter()
        else:
            self._follow_status()
        return bar

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: the splitter has its real width now."""
        super().showEvent(event)
        self._give_list_room()

    def _give_list_room(self) -> None:
        """Once, when the columns are fitted and the panel is on screen: the list as wide
        as its columns need (at least 3/5 of the width), the detail keeping its minimum."""
        total = sum(self.splitter.sizes())
        if self._roomy or not self.list.is_fitted or not self.isVisible() or not total:
            return
        self._roomy = True
        detail_min = self._detail_side.minimumSizeHint().width()
        width = min(max(self.list.needed_width(), total * 3 // 5), total - detail_min)
        self.splitter.setSizes([width, total - width])
        self.list.fit_into(width)

    def _follow_status(self) -> None:
        if not self._follows_status:
            self._follows_status = True
            self.status_filter.currentIndexChanged.connect(self.apply_filters)

    def finish_layout(self, detail: QWidget, sizes: tuple[int, int],
                      tables: Iterable[str], reload: Callable[[], object] | None = None,
                      placeholder: str = "") -> None:
        """Lay out toolbar, filters, list and `detail`; `reload` (the model's by default)
        runs now and whenever one of `tables` changes; money actions follow the online
        state from now on, starting from the current one. A `placeholder` text stands in
        for `detail` while nothing is selected."""
        if self._money_buttons or self._export is not None:
            self.toolbar.addWidget(self.message, 1)
        if isinstance(detail, ActionDetail):
            detail.action_started.connect(self._clear_message)
        left: QWidget = self.list
        if self.filters.count():
            left = QWidget()
            left_layout = QVBoxLayout(left)
            left_layout.setContentsMargins(0, 0, 0, 0)
            left_layout.addLayout(self.filters)
            left_layout.addWidget(self.list, 1)
        splitter = self.splitter
        splitter.addWidget(left)
        if placeholder:
            self.placeholder = QLabel(placeholder)
            self.placeholder.setObjectName("muted")
            self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.placeholder.setWordWrap(True)
            self.detail_stack = QStackedWidget()
            self.detail_stack.addWidget(self.placeholder)
            self.detail_stack.addWidget(detail)
            self.list.selected.connect(self._show_placeholder_unless)
            detail = self.detail_stack
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes(list(sizes))
        self._detail_side = detail
        self.list.fitted.connect(self._give_list_room)
        layout = QVBoxLayout(self)
        if self.toolbar.count():
            layout.addLayout(self.toolbar)
        layout.addWidget(splitter, 1)
        refresh = reload or self.model.reload
        self._state.connect_tables(frozenset(tables), refresh)
        refresh()
        self.list.selected.connect(self.update_actions)
        self._state.follow_online(self.update_actions)

    # -- behaviour -----------------------------------------------------------------------

    def _show_placeholder_unless(self, selected: dict[str, Any]) -> None:
        self.detail_stack.setCurrentIndex(1 if selected else 0)

    def _clear_message(self) -> None:
        """A new action's outcome replaces the last one's message (not the offline reason)."""
        if self.message.text() != self._shown_reason:
            self.message.clear()

    def update_actions(self) -> None:
        """Enable the toolbar's money actions that are allowed, only online; offline the
        reason is their tooltip and the inline message."""
        reason = self._state.money_blocked_reason()
        for button, allowed in self._money_buttons:
            button.setEnabled(allowed() and not reason)
            button.setToolTip(reason)
        if not self._money_buttons:
            return
        # Only the reason this method showed is cleared: an export's result stays.
        if reason or self.message.text() == self._shown_reason:
            set_role(self.message, "reason")
            self.message.setText(reason)
        self._shown_reason = reason

    def show_object(self, object_id: str) -> bool:
        """Select the object `object_id`, clearing filters that would hide it."""
        if self.list.select_id(object_id):
            return True
        self.clear_filters()
        return self.list.select_id(object_id)

    def clear_filters(self) -> None:
        """Show every object again (status, customer, filter bar and search cleared)."""
        if self.filter_bar is not None:
            self.filter_bar.clear()
        widgets = [w for w in (self.status_filter, self.customer_filter) if w is not None]
        for widget in widgets:
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        if self.customer_filter is not None:
            self.customer_filter.set_customer(None)
        for widget in widgets:
            widget.blockSignals(False)
        self.list.search.clear()
        self.model.set_search("")
        self.apply_filters()

    def chosen_customer(self) -> dict[str, Any] | None:
        """The customer the list is filtered to, if any."""
        return self.customer_filter.customer() if self.customer_filter is not None else None

    def apply_filters(self) -> None:
        """Narrow the list to the chosen status (and customer and the filter bar's dates,
        amounts and card, when the panel has them)."""
        filters: dict[str, FilterValue] = {"status": self.status_filter.currentData()}
        if self.customer_filter is not None:
            customer = self.chosen_customer()
            filters["customer"] = customer["id"] if customer else None
        if self.filter_bar is not None:
            filters |= self.filter_bar.conditions()
            # One reload for both: the range is set quietly, the filters reload.
            self.model.set_created_range(*self.filter_bar.created_range(), reload=False)
        self.model.set_filters(filters)

    def export_source(self) -> ExportSource:
        """What the export dialog offers: the list as filtered, for the days its filter bar
        shows unless others are chosen."""
        assert self._export is not None, "the panel has no export"
        days = self.filter_bar.days() if self.filter_bar is not None else (None, None)
        return ExportSource(self._export[1], days,
                            lambda since, until: self.model.total((since, until)),
                            self.export_to)

    async def export_to(self, path: Path, kind: ExportKind = "csv",
                        created: tuple[int | None, int | None] | None = None,
                        progress: Callable[[int], None] | None = None,
                        cancel: threading.Event | None = None) -> int | None:
        """Write the objects the list now matches (created in `created` instead of the
        list's own range, when given) to `path`; the outcome shows beside the toolbar.
        Works offline. None unless it completed."""
        assert self._export is not None, "the panel has no export"
        columns, _name, done = self._export
        return await export_and_tell(self._state, self._say, self.model.iter_matching(created),
                                     columns, path, done, kind=kind, progress=progress,
                                     cancel=cancel)

    async def export_csv(self, path: Path) -> int | None:
        """Write the objects the list now matches to `path` as CSV (works offline)."""
        return await self.export_to(path)

    def _say(self, text: str, role: str) -> None:
        set_role(self.message, role)
        self.message.setText(text)

    # -- the context menu ----------------------------------------------------------------

    def fill_menu(self, menu: QMenu, obj: dict[str, Any]) -> None:
        """Add the panel's own actions on `obj` (above "Copy id")."""

    def dashboard_id(self, obj: dict[str, Any]) -> str:
        """The object whose Stripe Dashboard page the menu opens for `obj`."""
        return str(obj["id"])

    def add_detail_actions(self, menu: QMenu, obj: dict[str, Any],
                           buttons: Iterable[QPushButton]) -> None:
        """Select `obj` and offer the detail's `buttons` that its status allows, disabled
        with their reason when blocked (buttons that open a menu are left out)."""
        self.list.select_id(str(obj["id"]))
        for button in buttons:
            if (button.isEnabled() or button.toolTip()) and button.menu() is None:
                add_action(menu, button.text(), button.click, button.isEnabled(),
                           button.toolTip())

    def _build_menu(self, menu: QMenu, obj: dict[str, Any]) -> None:
        self.fill_menu(menu, obj)
        if menu.actions():
            menu.addSeparator()
        object_id = str(obj["id"])
        add_action(menu, QCoreApplication.translate("ListPanel", "Copy id"),
                   lambda: QGuiApplication.clipboard().setText(object_id))
        add_action(menu, QCoreApplication.translate("ListPanel", "Open in Stripe Dashboard"),
                   lambda: QDesktopServices.openUrl(
                       QUrl(self._state.dashboard_url(self.dashboard_id(obj)))))

    def _ask_export(self) -> ExportDialog:
        dialog = ExportDialog(self._state, self.export_source(), self)
        dialog.open()
        return dialog
