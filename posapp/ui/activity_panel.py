"""`ActivityPanel`: notifications of this session above the Stripe events applied to the cache."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from posapp.sync.notifications import Notification

from .app_state import AppState
from .list_view import CacheListView
from .notices import notice_text
from .object_detail import ObjectDetail
from .object_list_model import ObjectListModel


class ActivityPanel(QWidget):
    """What happened: the session's notifications, and the cached event log."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.notices = QListWidget()
        self.notices.setAlternatingRowColors(True)
        self.events_model = ObjectListModel(state.cache, "events", state.formats, self)
        self.events = CacheListView(self.events_model, state.ui_settings, "lists/events")
        self.detail = ObjectDetail(state.formats,
                                   lambda e: state.dashboard_url(str(e["id"])))
        self.events.selected.connect(self.detail.show_object)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Notifications"))
        heading.setObjectName("title")
        top_layout.addWidget(heading)
        top_layout.addWidget(self.notices)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.events)
        bottom.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        state.notification.connect(self.add_notice)
        state.connect_tables(frozenset(("events",)), self.events_model.reload)
        self.events_model.reload()

    def add_notice(self, notice: Notification) -> None:
        """Put a notification at the top of the list."""
        stamp = self._state.formats.time(time.time())
        self.notices.insertItem(0, f"{stamp}  {notice_text(notice, self._state.formats)}")

    def show_object(self, object_id: str) -> bool:
        """Select the event `object_id`."""
        return self.events.select_id(object_id)
