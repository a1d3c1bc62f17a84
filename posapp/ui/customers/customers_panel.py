"""`CustomersPanel`: the customers list beside the selected customer's detail tabs, with
create, edit and delete (confirmed) and an export of the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from posapp.services.customers import delete_customer

from ..common.app_state import AppState
from ..common.confirm import confirm
from ..common.csv_export import CsvColumn, csv_money, csv_time
from ..common.errors import error_text
from ..common.list_view import add_action
from ..common.resources import icon
from ..refunds.refund_dialog import RefundDialog
from ..widgets.customer_picker import customer_label
from ..widgets.list_panel import ListPanel
from .customer_detail import CustomerDetail
from .customer_dialog import CustomerDialog
from .customer_list_model import CustomerListModel

CSV_COLUMNS: tuple[CsvColumn, ...] = (
    ("id", lambda c: c.get("id")),
    ("name", lambda c: c.get("name")),
    ("email", lambda c: c.get("email")),
    ("phone", lambda c: c.get("phone")),
    ("description", lambda c: c.get("description")),
    ("created", lambda c: csv_time(c.get("created"))),
    ("currency", lambda c: c.get("currency")),
    ("balance", lambda c: csv_money(c.get("balance"), c.get("currency"))),
)


class CustomersPanel(ListPanel[CustomerListModel]):
    """Find, create, edit and delete customers."""

    open_payment = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, CustomerListModel(state.cache, state.formats),
                         "lists/customers", parent=parent)
        self.detail = CustomerDetail(state)
        self.detail.open_object.connect(self.open_payment)
        self.list.selected.connect(self.detail.show_customer)
        self.list.activated.connect(lambda c: self.detail.setCurrentIndex(0))
        self.new = self.add_money_button(QPushButton(icon("add"), self.tr("New customer")))
        self.new.clicked.connect(self.create_customer)
        self.delete_button = self.add_money_button(
            QPushButton(icon("delete"), self.tr("Delete…")),
            lambda: self.list.current_object() is not None)
        self.delete_button.clicked.connect(self._delete_current)
        self.add_csv_export(
            CSV_COLUMNS, "customers.csv", self.tr("Export the customers the list shows now"),
            lambda count, path: self.tr("%n customer(s) exported to %1.", "", count)
            .replace("%1", str(path)))
        QShortcut(QKeySequence("Ctrl+N"), self, self.create_customer)
        self.finish_layout(self.detail, (800, 440),
                           ("customers", "payment_methods", "invoices"),
                           placeholder=self.tr("Select a customer to see and edit it."))

    def show_object(self, object_id: str) -> bool:
        """Select the customer `object_id` (or the owner of payment method `object_id`)."""
        if object_id.startswith(("pm_", "card_")):
            method = self._state.cache.get("payment_methods", object_id) or {}
            owner = method.get("customer")
            object_id = owner if isinstance(owner, str) else ""
            self.detail.setCurrentIndex(1)
        return bool(object_id) and super().show_object(object_id)

    def create_customer(self) -> CustomerDialog:
        """Open the new-customer dialog; the new customer is selected once saved."""
        dialog = CustomerDialog(self._state, parent=self)
        dialog.accepted.connect(lambda: dialog.customer and self.list.select_id(
            str(dialog.customer["id"])))
        dialog.open()
        return dialog

    def edit_customer(self, customer: dict[str, Any]) -> CustomerDialog:
        """Open the edit dialog for `customer`."""
        dialog = CustomerDialog(self._state, customer, parent=self)
        dialog.open()
        return dialog

    def refund_payment(self, customer: dict[str, Any]) -> RefundDialog:
        """Open the refund dialog on one of `customer`'s payments (chosen in the dialog)."""
        dialog = RefundDialog(self._state, str(customer["id"]), self)
        dialog.open()
        return dialog

    async def delete(self, customer: dict[str, Any], confirmed: bool = False) -> bool:
        """Delete `customer` after the user confirms (tests pass `confirmed`)."""
        if not confirmed and not confirm(
                self, self._state.profile.mode, self.tr("Delete customer"),
                self.tr("Delete %1 for good? Stripe cancels their subscriptions at once and "
                        "this cannot be undone.").replace("%1", customer_label(customer))):
            return False
        try:
            await self._state.run(delete_customer, self._state.session, customer["id"])
        except Exception as error:  # shown beside the buttons
            self.message.setText(error_text(error))
            return False
        self.detail.show_customer({})
        return True

    def _delete_current(self) -> None:
        customer = self.list.current_object()
        if customer is not None:
            self._state.spawn(self.delete(customer))

    def fill_menu(self, menu: QMenu, customer: dict[str, Any]) -> None:
        """Edit, collect a card, refund a payment, delete (each disabled offline)."""
        reason = self._state.money_blocked_reason()
        add_action(menu, self.tr("Edit…"), lambda: self.edit_customer(customer),
                   not reason, reason)
        add_action(menu, self.tr("Collect a card…"),
                   lambda: self._state.spawn(self.detail.start_card_collection()),
                   not reason, reason)
        add_action(menu, self.tr("Refund a payment…"), lambda: self.refund_payment(customer),
                   not reason, reason)
        add_action(menu, self.tr("Delete…"), lambda: self._state.spawn(self.delete(customer)),
                   not reason, reason)
