"""`DisputesPanel`: every dispute with its status, reason, amount and response countdown,
beside the selected dispute's detail, evidence form and actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from .app_state import AppState
from .dispute_detail import DisputeDetail
from .dispute_list_model import STATUSES, DisputeListModel, status_text
from .list_view import CacheListView, add_action

COUNTDOWN_REFRESH_MS = 60_000


class DisputesPanel(QWidget):
    """Find disputes and answer them before their deadline."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = DisputeListModel(state.cache, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, "lists/disputes",
                                  [(s, status_text(s)) for s in STATUSES])
        self.list.set_menu_builder(self._menu)
        self.detail = DisputeDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_dispute)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # The countdown column moves with the clock, not only with the cache.
        self._tick = QTimer(self, interval=COUNTDOWN_REFRESH_MS)
        self._tick.timeout.connect(self._repaint_countdowns)
        self._tick.start()
        state.connect_tables(frozenset(("disputes", "charges")), self.model.reload)
        self.model.reload()

    def show_object(self, object_id: str) -> bool:
        """Select the dispute `object_id`."""
        return self.list.select_id(object_id)

    def _repaint_countdowns(self) -> None:
        column = DisputeListModel.Columns.DUE
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0, column),
                                        self.model.index(rows - 1, column))

    def _menu(self, menu: QMenu, dispute: dict[str, Any]) -> None:
        payment = self.model.payment_of(dispute)
        if payment:
            add_action(menu, self.tr("Open payment"), lambda: self.open_object.emit(
                "payment_intents" if payment.startswith("pi_") else "charges", payment))
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(dispute["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"), lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(dispute["id"])))))
