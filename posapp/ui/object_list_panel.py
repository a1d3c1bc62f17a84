"""`ObjectListPanel`: a cached list with a detail pane, for the billing panels that the next
part of the app fills in (subscriptions, invoices, refunds, disputes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from .app_state import AppState
from .list_view import CacheListView, add_action
from .object_detail import ObjectDetail
from .object_list_model import ObjectListModel


class ObjectListPanel(QWidget):
    """One cached type as a searchable list beside the selected object's details."""

    def __init__(self, state: AppState, table: str, statuses: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._table = table
        self.model = ObjectListModel(state.cache, table, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, f"lists/{table}", statuses)
        self.list.set_menu_builder(self._menu)
        self.detail = ObjectDetail(state.formats, self._dashboard_url)
        self.list.selected.connect(self.detail.show_object)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.connect_tables(frozenset((table,)), self.model.reload)
        self.model.reload()

    def show_object(self, object_id: str) -> bool:
        """Select `object_id` in the list."""
        return self.list.select_id(object_id)

    def _dashboard_url(self, obj: dict[str, Any]) -> str:
        return self._state.dashboard_url(str(obj["id"]))

    def _menu(self, menu: QMenu, obj: dict[str, Any]) -> None:
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(obj["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"),
                   lambda: QDesktopServices.openUrl(QUrl(self._dashboard_url(obj))))
