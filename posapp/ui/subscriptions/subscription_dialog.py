"""`SubscriptionDialog`: start a subscription — customer, one or more prices (found by
product name) with quantities, trial days, how it is collected and what happens when the
first payment fails — and say what came of it: running, in trial, or incomplete with the
invoice link the customer must open (a declined card, or their bank's 3D Secure)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.services.subscriptions import (
    NewSubscription,
    PaymentBehavior,
    SubscriptionItem,
    create_subscription,
)
from posapp.store.cache import Cache

from ..common.app_state import AppState
from ..common.dialog_parts import (
    CollectionChoice,
    RemovableRows,
    dialog_buttons,
    message_label,
    say_failure,
)
from ..common.format import Formats, card_label_of
from ..common.resources import icon
from ..common.theme import set_role
from ..widgets.customer_picker import CustomerPicker, customer_label
from .portal_link_dialog import LinkDialog, invoice_link_dialog
from .subscription_list_model import price_text, product_name

PRICE_CHOICES = 500
"""Active recurring prices offered, newest first (a catalogue, not a customer list)."""


def default_card_text(cache: Cache, customer: dict[str, Any]) -> str:
    """The customer's default card from the cache ("" when none is known)."""
    ref = (customer.get("invoice_settings") or {}).get("default_payment_method")
    pm_id = ref.get("id") if isinstance(ref, dict) else ref
    card = ((cache.get("payment_methods", pm_id) if isinstance(pm_id, str) else None)
            or {}).get("card")
    return card_label_of(card)


class PricePicker(QComboBox):
    """An active recurring price, chosen by typing part of its product's name."""

    def __init__(self, cache: Cache, formats: Formats, currency: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        filters: dict[str, Any] = {"active": 1, "type": "recurring"}
        if currency:
            filters["currency"] = currency
        prices = cache.page("prices", filters=filters, limit=PRICE_CHOICES).rows
        labelled = sorted((f"{product_name(cache, p)} — {price_text(p, formats)}", p)
                          for p in prices)
        for label, price in labelled:
            self.addItem(label, price)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a product name"))

    def price(self) -> dict[str, Any] | None:
        """The chosen price, if the text names one."""
        index = self.findText(self.currentText())
        data = self.itemData(index) if index >= 0 else None
        return data if isinstance(data, dict) else None

    def select_price(self, price_id: str) -> bool:
        """Choose the price `price_id` (False when it is not offered)."""
        for index in range(self.count()):
            if (self.itemData(index) or {}).get("id") == price_id:
                self.setCurrentIndex(index)
                return True
        return False


class _ItemRow:
    """One price with its quantity."""

    def __init__(self, picker: PricePicker) -> None:
        self.price = picker
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)


class SubscriptionDialog(QDialog):
    """Create a subscription; `outcome` holds what Stripe made of it."""

    def __init__(self, state: AppState, customer: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.outcome: NewSubscription | None = None
        self.link_dialog: LinkDialog | None = None
        self.setWindowTitle(self.tr("New subscription"))
        self.setMinimumWidth(620)
        self.customer = CustomerPicker(state.cache)
        self.customer.setPlaceholderText(self.tr("Type a customer's name, e-mail or id"))
        self.card = QLabel()
        self.card.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self._lines = RemovableRows[_ItemRow](self._grid, 0, self.tr("Remove this price"),
                                              self._check)
        self.rows = self._lines.rows
        self.add_price = QPushButton(icon("add"), self.tr("Add a price"))
        self.add_price.clicked.connect(self.add_item)
        self.trial_days = QSpinBox()
        self.trial_days.setRange(0, 730)
        self.trial_days.setSpecialValueText(self.tr("No trial"))
        self.trial_days.setSuffix(self.tr(" days"))
        self.collection = CollectionChoice(self, self.tr("Charge the default card "
                                                         "automatically"),
                                           self.tr("E-mail each invoice, due in"), False)
        self.send_mode = self.collection.send_mode
        self.charge_mode = self.collection.charge_mode
        self.due_days = self.collection.due_days
        self.behavior = QComboBox()
        self.behavior.addItem(self.tr("Create it even if the first payment fails or needs "
                                      "the customer (incomplete)"), "allow_incomplete")
        self.behavior.addItem(self.tr("Create it incomplete; the customer pays the first "
                                      "invoice"), "default_incomplete")
        self.behavior.addItem(self.tr("Create nothing if the first payment fails"),
                              "error_if_incomplete")
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow("", self.card)
        form.addRow(self.tr("Prices"), self._grid)
        form.addRow("", self.add_price)
        form.addRow(self.tr("Free trial"), self.trial_days)
        form.addRow(self.tr("Collection"), self.charge_mode)
        form.addRow("", self.collection.send_row)
        form.addRow(self.tr("If the first payment fails"), self.behavior)
        self.message = message_label("error")
        self.buttons, self.create_button = dialog_buttons(
            self, state, self.tr("Start subscription"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.customer.customer_changed.connect(lambda _c: self._check())
        self.collection.group.buttonToggled.connect(lambda *_: self._check())
        self.trial_days.valueChanged.connect(lambda _v: self._check())
        self.add_item()
        if customer:
            self.customer.set_customer(customer)
        state.follow_online(self._check)

    def add_item(self) -> None:
        """Add a price line."""
        row = _ItemRow(PricePicker(self._state.cache, self._state.formats))
        row.price.currentTextChanged.connect(lambda _t: self._check())
        self._lines.add(row, row.price, row.quantity)

    def items(self) -> list[SubscriptionItem]:
        """The chosen prices with their quantities."""
        items = []
        for row in self.rows:
            price = row.price.price()
            if price is not None:
                items.append(SubscriptionItem(str(price["id"]), row.quantity.value()))
        return items

    def _check(self) -> None:
        self.collection.update()
        customer = self.customer.customer()
        card = default_card_text(self._state.cache, customer) if customer else ""
        self.card.setText(self.tr("Default card: %1").replace("%1", card) if card else "")
        problem = self._state.money_blocked_reason()
        if not problem and customer is None:
            problem = self.tr("Choose the customer.")
        if not problem and any(row.price.price() is None for row in self.rows):
            problem = self.tr("Choose a price from the list for each line.")
        currencies = {str((row.price.price() or {}).get("currency")) for row in self.rows}
        if not problem and len(currencies) > 1:
            problem = self.tr("All prices of a subscription must be in one currency.")
        if not problem and self.charge_mode.isChecked() and not card and \
                not self.trial_days.value():
            problem = self.tr("The customer has no default card: collect a card first, or "
                              "e-mail the invoices.")
        self.message.setText(problem)
        self.create_button.setEnabled(not problem)
        self.create_button.setToolTip(problem)

    async def save(self) -> NewSubscription | None:
        """Create the subscription and say what came of it."""
        customer = self.customer.customer()
        if customer is None:
            return None
        self.create_button.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(self.tr("Starting the subscription…"))
        behavior: PaymentBehavior = self.behavior.currentData()
        try:
            result = await self._state.run(
                create_subscription, self._state.session, str(customer["id"]), self.items(),
                trial_days=self.trial_days.value() or None,
                collection_method=self.collection.method(),
                days_until_due=self.collection.days_until_due(),
                payment_behavior=behavior)
        except Exception as error:  # declined with error_if_incomplete, refused, offline
            say_failure(self.message, error)
            self.create_button.setEnabled(True)
            return None
        self.outcome = result
        if result.status == "incomplete" and result.hosted_invoice_url:
            self.link_dialog = invoice_link_dialog(
                result.hosted_invoice_url, customer_label(customer), self.outcome_text(),
                self.parentWidget())
            self.link_dialog.open()
        self.accept()
        return result

    def outcome_text(self) -> str:
        """What the created subscription's status means for the merchant."""
        result = self.outcome
        if result is None:
            return ""
        sub = result.subscription
        if result.status == "trialing":
            return self.tr("The subscription is in its free trial until %1.").replace(
                "%1", self._state.formats.date(sub.get("trial_end")))
        if result.status == "active" and sub.get("collection_method") == "send_invoice":
            return self.tr("The subscription is active; Stripe e-mails each invoice, due in "
                           "%1 days.").replace("%1", str(sub.get("days_until_due")))
        if result.status == "active":
            return self.tr("The subscription is active.")
        if result.status != "incomplete":
            return self.tr("The subscription is %1.").replace("%1", str(result.status))
        return self._first_payment_problem() + " " + self.tr(
            "Send the customer the invoice link: the subscription starts once it is paid, "
            "and expires if it is not paid within 23 hours.")

    def _first_payment_problem(self) -> str:
        invoice = (self.outcome.subscription if self.outcome else {}).get("latest_invoice")
        payments = ((invoice if isinstance(invoice, dict) else {}).get("payments") or {}) \
            .get("data") or []
        intent_id = next((p["payment"].get("payment_intent") for p in payments
                          if isinstance(p.get("payment"), dict)), None)
        # The service stored the attempt's PaymentIntent when it explained the result.
        intent = self._state.cache.get("payment_intents", intent_id) \
            if isinstance(intent_id, str) else None
        if intent is None:
            return self.tr("The first payment has not been made.")
        if intent.get("status") == "requires_action":
            return self.tr("The customer's bank asks them to confirm the first payment "
                           "(3D Secure).")
        error = (intent.get("last_payment_error") or {}).get("message")
        if error:
            return self.tr("The first payment failed: %1").replace("%1", str(error))
        return self.tr("The first payment needs a payment method.")
