"""`SubscriptionsPanel`: subscriptions filtered by status and customer beside the selected
subscription's detail; start new ones, and export the list to CSV."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from posapp.services.subscriptions import period_end, price_list_amount

from ..common.app_state import AppState
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.resources import icon
from ..common.theme import set_role
from ..widgets.list_panel import ListPanel
from .subscription_detail import SubscriptionDetail
from .subscription_dialog import SubscriptionDialog
from .subscription_list_model import (
    STATUSES,
    SubscriptionListModel,
    items_of,
    subscription_status_text,
)

CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda s: s.get("id")),
    ("customer", lambda s: s.get("customer")),
    ("status", lambda s: s.get("status")),
    ("prices", lambda s: " ".join(
        f"{i.get('quantity', 1)}x{(i.get('price') or {}).get('id')}" for i in items_of(s))),
    ("currency", lambda s: s.get("currency")),
    ("amount_per_period", lambda s: csv_money(price_list_amount(s), s.get("currency"))),
    ("current_period_end", lambda s: csv_time(period_end(s))),
    ("cancel_at_period_end", lambda s: bool(s.get("cancel_at_period_end"))),
    ("collection_method", lambda s: s.get("collection_method")),
    ("created", lambda s: csv_time(s.get("created"))),
)
"""What a subscriptions export holds."""


class SubscriptionsPanel(ListPanel[SubscriptionListModel]):
    """Find, start and manage subscriptions."""

    open_object = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, SubscriptionListModel(state.cache, state.formats,
                                                      state.previews),
                         "lists/subscriptions",
                         [(s, subscription_status_text(s)) for s in STATUSES], parent)
        self.list.search.setPlaceholderText(self.tr("Search by subscription id…"))
        self.detail = SubscriptionDetail(state)
        self.detail.open_object.connect(self.open_object)
        self.list.selected.connect(self.detail.show_subscription)

        self.new = self.add_money_button(QPushButton(icon("add"), self.tr("New subscription")))
        self.new.clicked.connect(self.create_subscription)
        self.add_csv_export(
            CSV_COLUMNS, "subscriptions.csv",
            self.tr("Export the subscriptions the list shows now"),
            lambda count, path: self.tr("%n subscription(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        self.add_filter_bar(amounts=False, customer=True)
        self.finish_layout(self.detail, (760, 440),
                           ("subscriptions", "customers", "products"))

    def create_subscription(self) -> SubscriptionDialog:
        """Open the new-subscription dialog; the subscription is selected once created."""
        dialog = SubscriptionDialog(self._state, self.chosen_customer(), self)
        dialog.accepted.connect(lambda: self._created(dialog))
        dialog.open()
        return dialog

    def _created(self, dialog: SubscriptionDialog) -> None:
        if dialog.outcome is None:
            return
        self.show_object(str(dialog.outcome.subscription["id"]))
        set_role(self.message, "success" if dialog.outcome.status in ("active", "trialing")
                 else "reason")
        self.message.setText(dialog.outcome_text())

    def fill_menu(self, menu: QMenu, subscription: dict[str, Any]) -> None:
        """The detail's actions this subscription's status allows."""
        self.add_detail_actions(menu, subscription, self.detail.action_buttons)
