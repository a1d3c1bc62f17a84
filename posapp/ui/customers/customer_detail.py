"""`CustomerDetail`: one customer in tabs — profile (editable), payment methods,
subscriptions, invoices and payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.customers import (
    collect_card_link,
    detach_payment_method,
    list_payment_methods,
    set_default_payment_method,
    update_customer,
)

from ..common.app_state import AppState
from ..common.errors import error_text
from ..common.resources import icon
from ..common.table_model import CacheTableModel
from ..common.theme import set_role
from ..invoices.invoice_list_model import InvoiceListModel
from ..payments.payment_list_model import PaymentListModel
from ..payments.payment_method_list_model import PaymentMethodListModel
from ..subscriptions.subscription_list_model import SubscriptionListModel
from ..widgets.card_link_dialog import CardLinkDialog
from .customer_form import CustomerForm


def _table(model: CacheTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CustomerDetail(QTabWidget):
    """Tabs about the selected customer; money-moving buttons follow the online state."""

    open_object = Signal(str, str)
    """(table, id) of a related object the user opened."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Every tab label whole: an elided "Pa…" behind scroll arrows hides a tab.
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setUsesScrollButtons(False)
        self._state = state
        self.customer: dict[str, Any] = {}

        self.form = CustomerForm()
        self.save = QPushButton(self.tr("Save changes"))
        self.save.setObjectName("primary")
        self.save.clicked.connect(lambda: self._state.spawn(self.save_profile()))
        self.form.validity_changed.connect(lambda _v: self.update_actions())
        self.message = QLabel()
        self.message.setWordWrap(True)
        profile = QWidget()
        profile_layout = QVBoxLayout(profile)
        profile_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save)
        profile_layout.addLayout(save_row)
        profile_layout.addStretch(1)

        self.methods_model = PaymentMethodListModel(state.cache, state.formats, self)
        self.methods = _table(self.methods_model)
        self.set_default = QPushButton(self.tr("Make default"))
        self.remove_method = QPushButton(icon("delete"), self.tr("Remove"))
        self.collect_card = QPushButton(icon("qr"), self.tr("Collect a card…"))
        self.refresh_methods = QPushButton(self.tr("Refresh"))
        self.set_default.clicked.connect(lambda: self._state.spawn(self.make_default()))
        self.remove_method.clicked.connect(lambda: self._state.spawn(self.remove_selected_method()))
        self.collect_card.clicked.connect(lambda: self._state.spawn(self.start_card_collection()))
        self.refresh_methods.clicked.connect(lambda: self._state.spawn(self.fetch_methods()))
        self.methods.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_actions())
        self.methods_reason = QLabel()
        self.methods_reason.setObjectName("reason")
        self.methods_reason.setWordWrap(True)
        method_buttons = QHBoxLayout()
        for button in (self.set_default, self.remove_method, self.collect_card,
                       self.refresh_methods):
            method_buttons.addWidget(button)
        method_buttons.addStretch(1)
        methods_page = QWidget()
        methods_layout = QVBoxLayout(methods_page)
        pci_note = QLabel(self.tr(
            "Cards are saved by the customer on a Stripe-hosted page; PosApp never sees the "
            "card number."))
        pci_note.setWordWrap(True)
        methods_layout.addWidget(pci_note)
        methods_layout.addWidget(self.methods, 1)
        methods_layout.addLayout(method_buttons)
        methods_layout.addWidget(self.methods_reason)

        self.subscriptions_model = SubscriptionListModel(state.cache, state.formats,
                                                         state.previews, self)
        self.invoices_model = InvoiceListModel(state.cache, state.formats, self)
        self.payments_model = PaymentListModel(state.cache, state.formats, self)
        self.addTab(profile, self.tr("Profile"))
        self.addTab(methods_page, self.tr("Cards"))
        for model, title in ((self.subscriptions_model, self.tr("Subscriptions")),
                             (self.invoices_model, self.tr("Invoices")),
                             (self.payments_model, self.tr("Payments"))):
            view = _table(model)
            view.doubleClicked.connect(
                lambda index, m=model: self._open_related(m, index.row()))
            self.addTab(view, title)
        state.connect_tables(frozenset(("payment_methods", "customers")), self._reload_methods)
        self.show_customer({})
        state.follow_online(self.update_actions)

    def show_customer(self, customer: dict[str, Any]) -> None:
        """Show `customer` (an empty dict shows nothing and disables the actions)."""
        self.customer = customer
        self.form.load(customer)
        self.message.clear()
        self.methods_model.show_customer(customer)
        customer_filter = {"customer": customer.get("id", "\x00none")}
        for model in (self.subscriptions_model, self.invoices_model, self.payments_model):
            model.set_filters(customer_filter)
        self.setEnabled(bool(customer))
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what can be done now; a disabled control carries the reason."""
        reason = self._state.money_blocked_reason()
        has = bool(self.customer)
        selected = self._selected_method()
        self.save.setEnabled(has and not reason and self.form.check())
        self.save.setToolTip(reason)
        for button in (self.set_default, self.remove_method):
            button.setEnabled(has and not reason and selected is not None)
            button.setToolTip(reason or ("" if selected else self.tr("Select a card first.")))
        self.collect_card.setEnabled(has and not reason)
        self.collect_card.setToolTip(reason)
        self.refresh_methods.setEnabled(has and not reason)
        self.methods_reason.setText(reason)

    async def save_profile(self) -> None:
        """Send the edited profile to Stripe."""
        await self._act(update_customer, self.customer["id"], **self.form.fields(for_update=True))
        if not self.message.text():
            self.message.setText(self.tr("Saved."))

    async def make_default(self) -> None:
        """Make the selected card the customer's default."""
        method = self._selected_method()
        if method is not None:
            await self._act(set_default_payment_method, self.customer["id"], method["id"])

    async def remove_selected_method(self) -> None:
        """Detach the selected card from the customer."""
        method = self._selected_method()
        if method is not None:
            await self._act(detach_payment_method, method["id"])
            await self.fetch_methods()

    async def fetch_methods(self) -> None:
        """Fetch the customer's cards from Stripe into the cache."""
        if self.customer:
            await self._act(list_payment_methods, self.customer["id"])

    async def start_card_collection(self) -> CardLinkDialog | None:
        """Create the setup page and show it as link and QR code."""
        checkout = await self._act(collect_card_link, self.customer["id"])
        if not isinstance(checkout, dict):
            return None
        dialog = CardLinkDialog(self._state, self.customer, checkout, self)
        dialog.open()
        return dialog

    async def _act(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        set_role(self.message, "muted")
        self.message.setText(self.tr("Working…"))
        try:
            result = await self._state.run(fn, self._state.session, *args, **kwargs)
        except Exception as error:  # shown beside the form; the cache is unchanged
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            self.methods_reason.setText(error_text(error))
            return None
        self.message.clear()
        if isinstance(result, dict) and result.get("object") == "customer":
            self.customer = result
        return result

    def _reload_methods(self) -> None:
        if self.customer:
            fresh = self._state.cache.get("customers", self.customer["id"])
            if fresh is not None:
                self.customer = fresh
            self.methods_model.show_customer(self.customer)

    def _selected_method(self) -> dict[str, Any] | None:
        index = self.methods.currentIndex()
        return self.methods_model.object_at(index.row()) if index.isValid() else None

    def _open_related(self, model: CacheTableModel, row: int) -> None:
        obj = model.object_at(row)
        if obj is not None:
            self.open_object.emit(model.table, str(obj["id"]))
