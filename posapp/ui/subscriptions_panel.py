"""`SubscriptionsPanel`: subscriptions filtered by status and customer beside the selected
subscription's detail; start new ones, and export the list to CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .app_state import AppState
from .csv_export import CsvColumn, choose_csv_path, csv_money, csv_time, export_list
from .customer_picker import CustomerPicker
from .errors import error_text
from .list_view import CacheListView, add_action
from .resources import icon
from .subscription_detail import SubscriptionDetail
from .subscription_dialog import SubscriptionDialog
from .subscription_list_model import (
    STATUSES,
    SubscriptionListModel,
    items_of,
    period_end,
    renewal_amount,
    subscription_status_text,
)
from .theme import set_role

CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda s: s.get("id")),
    ("customer", lambda s: s.get("customer")),
    ("status", lambda s: s.get("status")),
    ("prices", lambda s: " ".join(
        f"{i.get('quantity', 1)}x{(i.get('price') or {}).get('id')}" for i in items_of(s))),
    ("currency", lambda s: s.get("currency")),
    ("amount_per_period", lambda s: csv_money(renewal_amount(s), s.get("currency"))),
    ("current_period_end", lambda s: csv_time(period_end(s))),
    ("cancel_at_period_end", lambda s: bool(s.get("cancel_at_period_end"))),
    ("collection_method", lambda s: s.get("collection_method")),
    ("created", lambda s: csv_time(s.get("created"))),
)
"""What a subscriptions export holds."""


class SubscriptionsPanel(QWidget):
    """Find, start and manage subscriptions."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = SubscriptionListModel(state.cache, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, "lists/subscriptions",
                                  [(s, subscription_status_text(s)) for s in STATUSES])
        self.list.search.setPlaceholderText(self.tr("Search by subscription id…"))
        self.list.set_menu_builder(self._menu)
        self.detail = SubscriptionDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_subscription)

        # The list applies its status filter first; the panel then adds the others.
        self.status_filter = self.list.status_filter
        self.customer_filter = CustomerPicker(state.cache)
        self.customer_filter.setPlaceholderText(self.tr("Any customer"))
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.customer_filter.customer_changed.connect(lambda _c: self.apply_filters())

        self.new = QPushButton(icon("add"), self.tr("New subscription"))
        self.new.clicked.connect(self.create_subscription)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Export the subscriptions the list shows now"))
        self.export.clicked.connect(self._ask_export)
        self.message = QLabel()
        self.message.setObjectName("reason")
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.new)
        bar.addWidget(self.export)
        bar.addWidget(self.message, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.customer_filter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        state.connect_tables(frozenset(("subscriptions", "customers", "products")),
                             self.model.reload)
        state.online_changed.connect(self._online_changed)
        self.model.reload()
        self._update_actions()

    def show_object(self, object_id: str) -> bool:
        """Select the subscription `object_id` (clearing filters that would hide it)."""
        if self.list.select_id(object_id):
            return True
        self.status_filter.setCurrentIndex(0)
        self.customer_filter.set_customer(None)
        self.list.search.clear()
        self.model.set_search("")
        return self.list.select_id(object_id)

    def apply_filters(self) -> None:
        """Narrow the list to the chosen status and customer."""
        customer = self.customer_filter.customer()
        self.model.set_filters({"status": self.status_filter.currentData(),
                                "customer": customer["id"] if customer else None})

    def create_subscription(self) -> SubscriptionDialog:
        """Open the new-subscription dialog; the subscription is selected once created."""
        dialog = SubscriptionDialog(self._state, self.customer_filter.customer(), self)
        dialog.accepted.connect(lambda: self._created(dialog))
        dialog.open()
        return dialog

    async def export_csv(self, path: Path) -> int | None:
        """Write the subscriptions the list now matches to `path` (works offline)."""
        set_role(self.message, "muted")
        self.message.setText(self.tr("Exporting…"))
        try:
            count = await export_list(self._state, self.model, CSV_COLUMNS, path)
        except OSError as error:
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        self.message.setText(self.tr("%n subscription(s) exported to %1.", "", count)
                             .replace("%1", str(path)))
        return count

    def _created(self, dialog: SubscriptionDialog) -> None:
        if dialog.outcome is None:
            return
        self.show_object(str(dialog.outcome.subscription["id"]))
        set_role(self.message, "success" if dialog.outcome.status in ("active", "trialing")
                 else "reason")
        self.message.setText(dialog.outcome_text())

    def _ask_export(self) -> None:
        path = choose_csv_path(self, "subscriptions.csv")
        if path is not None:
            self._state.spawn(self.export_csv(path))

    def _online_changed(self, _online: bool, _reason: str) -> None:
        # A bound method: lambdas were seen to miss this signal from the sync thread.
        self._update_actions()

    def _update_actions(self) -> None:
        reason = self._state.money_blocked_reason()
        self.new.setEnabled(not reason)
        self.new.setToolTip(reason)

    def _menu(self, menu: QMenu, subscription: dict[str, Any]) -> None:
        self.list.select_id(str(subscription["id"]))
        for button in self.detail.action_buttons:
            # Actions this status allows show, disabled with their reason when blocked.
            if (button.isEnabled() or button.toolTip()) and button.menu() is None:
                add_action(menu, button.text(), button.click, button.isEnabled(),
                           button.toolTip())
        menu.addSeparator()
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(subscription["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"), lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(subscription["id"])))))
