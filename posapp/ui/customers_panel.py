"""`CustomersPanel`: the customers list beside the selected customer's detail tabs, with
create, edit and delete (confirmed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from posapp.services.customers import delete_customer

from .app_state import AppState
from .confirm import confirm
from .customer_detail import CustomerDetail
from .customer_dialog import CustomerDialog
from .customer_list_model import CustomerListModel
from .customer_picker import customer_label
from .errors import error_text
from .list_view import CacheListView, add_action
from .refund_dialog import RefundDialog
from .resources import icon


class CustomersPanel(QWidget):
    """Find, create, edit and delete customers."""

    open_payment = Signal(str, str)
    """(table, id) of a related object to show in its own panel."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.model = CustomerListModel(state.cache, state.formats, self)
        self.list = CacheListView(self.model, state.ui_settings, "lists/customers")
        self.list.set_menu_builder(self._menu)
        self.detail = CustomerDetail(state)
        self.detail.open_object.connect(self.open_payment)
        self.list.selected.connect(self.detail.show_customer)
        self.list.activated.connect(lambda c: self.detail.setCurrentIndex(0))
        self.new = QPushButton(icon("add"), self.tr("New customer"))
        self.new.setToolTip(self.tr("New customer (Ctrl+N)"))
        self.new.clicked.connect(self.create_customer)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete…"))
        self.delete_button.clicked.connect(self._delete_current)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        QShortcut(QKeySequence("Ctrl+N"), self, self.create_customer)
        bar = QHBoxLayout()
        bar.addWidget(self.new)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.reason, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        state.connect_tables(frozenset(("customers", "payment_methods", "invoices")),
                             self.model.reload)
        state.online_changed.connect(lambda *_: self._update_actions())
        self.list.selected.connect(lambda _c: self._update_actions())
        self.model.reload()
        self._update_actions()

    def show_object(self, object_id: str) -> bool:
        """Select the customer `object_id` (or the owner of payment method `object_id`)."""
        if object_id.startswith(("pm_", "card_")):
            method = self._state.cache.get("payment_methods", object_id) or {}
            owner = method.get("customer")
            object_id = owner if isinstance(owner, str) else ""
            self.detail.setCurrentIndex(1)
        return bool(object_id) and self.list.select_id(object_id)

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
            self.reason.setText(error_text(error))
            return False
        self._state.tables_changed.emit(frozenset(("customers",)))
        self.detail.show_customer({})
        return True

    def _update_actions(self) -> None:
        reason = self._state.money_blocked_reason()
        has = self.list.current_object() is not None
        self.new.setEnabled(not reason)
        self.delete_button.setEnabled(has and not reason)
        for button in (self.new, self.delete_button):
            button.setToolTip(reason)
        self.reason.setText(reason)

    def _delete_current(self) -> None:
        customer = self.list.current_object()
        if customer is not None:
            self._state.spawn(self.delete(customer))

    def _menu(self, menu: QMenu, customer: dict[str, Any]) -> None:
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
        menu.addSeparator()
        add_action(menu, self.tr("Copy id"),
                   lambda: QGuiApplication.clipboard().setText(str(customer["id"])))
        add_action(menu, self.tr("Open in Stripe Dashboard"), lambda: QDesktopServices.openUrl(
            QUrl(self._state.dashboard_url(str(customer["id"])))))
