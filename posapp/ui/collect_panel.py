"""`CollectPanel`, the cashier's screen: amount, description, optional customer, and three
ways to be paid — a hosted payment page shown as link and QR code, a saved card charged
off-session, or an invoice Stripe e-mails. Today's takings stay in view beside the form.

No card data is typed here. While a hosted page is open the poller runs fast
(`expect_activity`); when a payment or checkout notification arrives the request's status is
read from Stripe and the screen turns to "Paid" (amount, brand, last 4) or shows the failure.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.services.payments import (
    ChargeOutcome,
    PaymentRequest,
    PaymentStatus,
    cancel_payment_request,
    charge_saved_card,
    payment_request_status,
    request_payment,
    send_invoice,
)
from posapp.sync.notifications import (
    CheckoutCompleted,
    Notification,
    PaymentFailed,
    PaymentSucceeded,
)

from .amount_edit import AmountEdit
from .app_state import AppState
from .customer_picker import CustomerPicker, customer_label
from .errors import error_text
from .link_view import LinkView
from .payment_method_list_model import card_label, default_method_id
from .takings_view import TakingsView
from .theme import set_role

DEFAULT_DUE_DAYS = 14


class CollectPanel(QWidget):
    """Take a payment at the counter."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.request: PaymentRequest | None = None
        self.last_status: PaymentStatus | None = None
        self.last_charge: ChargeOutcome | None = None

        title = QLabel(self.tr("Collect payment"))
        title.setObjectName("title")
        self.amount = AmountEdit(state.session.profile.default_currency
                                 or state.settings.default_currency, state.language)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What is it for? The customer sees this."))
        self.customer = CustomerPicker(state.cache)
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Customer"), self.customer)

        self.link_kind = QComboBox()
        self.link_kind.addItem(self.tr("Checkout page"), "checkout")
        self.link_kind.addItem(self.tr("Payment link"), "payment_link")
        self.show_link = QPushButton(self.tr("Show payment link and QR code"))
        self.show_link.setObjectName("primary")
        self.show_link.setToolTip(self.tr("The customer pays on Stripe's page (Ctrl+Enter)"))
        link_row = QHBoxLayout()
        link_row.addWidget(self.show_link, 1)
        link_row.addWidget(self.link_kind)

        self.cards = QComboBox()
        self.charge = QPushButton(self.tr("Charge saved card"))
        card_row = QHBoxLayout()
        card_row.addWidget(self.charge, 1)
        card_row.addWidget(self.cards, 1)

        self.due_days = QSpinBox()
        self.due_days.setRange(1, 365)
        self.due_days.setValue(DEFAULT_DUE_DAYS)
        self.due_days.setPrefix(self.tr("due in "))
        self.due_days.setSuffix(self.tr(" days"))
        self.invoice = QPushButton(self.tr("Send invoice"))
        invoice_row = QHBoxLayout()
        invoice_row.addWidget(self.invoice, 1)
        invoice_row.addWidget(self.due_days, 1)

        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addLayout(form)
        left.addSpacing(8)
        left.addLayout(link_row)
        left.addLayout(card_row)
        left.addLayout(invoice_row)
        left.addWidget(self.reason)
        left.addWidget(self.message)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setMaximumWidth(460)

        self.view = LinkView()
        idle = QLabel(self.tr("Enter an amount, then show the QR code to the customer, charge "
                              "a saved card or send an invoice."))
        idle.setObjectName("muted")
        idle.setWordWrap(True)
        idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.center = QStackedWidget()
        self.center.addWidget(idle)
        self.center.addWidget(self.view)
        self.takings = TakingsView(state)
        self.takings.setMaximumWidth(320)

        layout = QHBoxLayout(self)
        layout.setSpacing(24)
        layout.addWidget(left_box, 3)
        layout.addWidget(self.center, 4)
        layout.addWidget(self.takings, 2)

        self.show_link.clicked.connect(lambda: self._state.spawn(self.request_link()))
        self.charge.clicked.connect(lambda: self._state.spawn(self.charge_card()))
        self.invoice.clicked.connect(lambda: self._state.spawn(self.send_invoice()))
        self.view.cancel_requested.connect(lambda: self._state.spawn(self.cancel_request()))
        self.view.done.connect(self.new_sale)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.show_link.click)
        self.amount.text_edit.returnPressed.connect(self.description.setFocus)
        self.description.returnPressed.connect(self.show_link.click)
        self.amount.changed.connect(self.update_actions)
        self.description.textChanged.connect(lambda _t: self.update_actions())
        self.customer.customer_changed.connect(self._customer_changed)
        state.notification.connect(self._notified)
        state.connect_tables(frozenset(("payment_methods", "customers")),
                             lambda: self._customer_changed(self.customer.customer() or {}))
        self._busy = False
        self._customer_changed({})
        state.follow_online(self.update_actions)

    # --- state of the controls ----------------------------------------------------------

    def update_actions(self) -> None:
        """Enable the ways to collect that can work now; disabled ones say why."""
        offline = self._state.money_blocked_reason()
        missing = ""
        if self.amount.amount() is None:
            missing = self.tr("Enter an amount first.")
        elif not self.description.text().strip():
            missing = self.tr("Describe what the payment is for.")
        customer = self.customer.customer()
        blocked = offline or missing or (self.tr("Busy…") if self._busy else "")
        self._enable(self.show_link, blocked)
        no_card = "" if self.cards.count() else (
            self.tr("Choose a customer with a saved card.") if customer is None
            else self.tr("This customer has no saved card: use “Collect a card” in Customers."))
        self._enable(self.charge, blocked or no_card)
        self.cards.setEnabled(bool(self.cards.count()))
        no_email = "" if customer and customer.get("email") else \
            self.tr("Choose a customer with an e-mail address to send an invoice.")
        self._enable(self.invoice, blocked or no_email)
        self.reason.setText(offline)

    def _enable(self, button: QPushButton, reason: str) -> None:
        button.setEnabled(not reason)
        button.setToolTip(reason)

    def _customer_changed(self, customer: dict[str, Any]) -> None:
        self.cards.clear()
        if customer:
            default = default_method_id(customer)
            methods = self._state.cache.page(
                "payment_methods", filters={"customer": customer["id"]}, limit=50).rows
            methods.sort(key=lambda m: m.get("id") != default)
            for method in methods:
                self.cards.addItem(card_label(method), method["id"])
        self.update_actions()

    def _say(self, text: str, style: str = "") -> None:
        set_role(self.message, style)
        self.message.setText(text)

    def _money(self, amount: int | None = None, currency: str | None = None) -> str:
        return self._state.formats.money(amount if amount is not None else self.amount.amount(),
                                         currency or self.amount.currency)

    async def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self._busy = True
        self.update_actions()
        try:
            return await self._state.run(fn, self._state.session, *args, **kwargs)
        finally:
            self._busy = False
            self.update_actions()

    # --- the three ways -----------------------------------------------------------------

    async def request_link(self) -> PaymentRequest | None:
        """Create the hosted payment page and show it as link and QR code."""
        amount = self.amount.amount()
        if amount is None:
            return None
        customer = self.customer.customer()
        self._say(self.tr("Creating the payment page…"), "muted")
        try:
            request: PaymentRequest = await self._call(
                request_payment, amount, self.amount.currency, self.description.text().strip(),
                customer["id"] if customer else None, self.link_kind.currentData())
        except Exception as error:  # shown to the cashier; nothing was charged
            self._say(error_text(error), "error")
            return None
        self._say("")
        self._wait_for(request)
        return request

    async def charge_card(self) -> ChargeOutcome | None:
        """Charge the chosen saved card; declines and authentication are shown."""
        amount = self.amount.amount()
        customer = self.customer.customer()
        method = self.cards.currentData()
        if amount is None or customer is None or not method:
            return None
        self._say(self.tr("Charging %1…").replace("%1", self.cards.currentText()), "muted")
        try:
            outcome: ChargeOutcome = await self._call(
                charge_saved_card, customer["id"], method, amount, self.amount.currency,
                self.description.text().strip())
        except Exception as error:  # offline, invalid request: nothing was charged
            self._say(error_text(error), "error")
            return None
        self.last_charge = outcome
        money = self._money(outcome.amount, outcome.currency)
        if outcome.state == "succeeded":
            self._say("")
            self.center.setCurrentWidget(self.view)
            self.view.amount.setText(money)
            self.view.show_paid(self.tr("Paid"), " · ".join((
                self._card_line(outcome.card_brand, outcome.card_last4),
                customer_label(customer))))
        elif outcome.state == "declined":
            self._say(self.tr("Declined: %1").replace("%1", outcome.message), "error")
        elif outcome.state == "authentication_required" and outcome.payment_request:
            self._say(self.tr("The customer's bank wants them to confirm this payment. Send "
                              "them this link: they confirm it on Stripe's page."), "reason")
            self._wait_for(outcome.payment_request)
        else:
            self._say(outcome.message, "muted")
        return outcome

    async def send_invoice(self) -> dict[str, Any] | None:
        """Have Stripe e-mail the customer an invoice due in N days."""
        amount = self.amount.amount()
        customer = self.customer.customer()
        if amount is None or customer is None:
            return None
        self._say(self.tr("Sending the invoice…"), "muted")
        try:
            invoice: dict[str, Any] = await self._call(
                send_invoice, customer["id"], amount, self.amount.currency,
                self.description.text().strip(), self.due_days.value())
        except Exception as error:  # shown to the cashier
            self._say(error_text(error), "error")
            return None
        self._say(self.tr("Invoice %1 for %2 sent to %3, due %4.")
                  .replace("%1", str(invoice.get("number") or invoice.get("id")))
                  .replace("%2", self._money(invoice.get("amount_due"), invoice.get("currency")))
                  .replace("%3", str(customer.get("email")))
                  .replace("%4", self._state.formats.date(invoice.get("due_date"))), "success")
        self._state.tables_changed.emit(frozenset(("invoices",)))
        return invoice

    # --- waiting for the customer -------------------------------------------------------

    def _wait_for(self, request: PaymentRequest) -> None:
        self.request = request
        self.last_status = None
        money = self._money(request.amount, request.currency)
        self.view.show_link(
            request.url, self.tr("Scan to pay"), money,
            self.tr("Waiting for the customer to pay on Stripe's page…"),
            self.tr("Payment request: %1").replace("%1", request.description),
            self.tr("Please pay %1 for “%2” here:\n%3").replace("%1", money)
            .replace("%2", request.description).replace("%3", request.url))
        self.center.setCurrentWidget(self.view)
        self._state.hurry_while(lambda: self.request is request)

    def _notified(self, notice: Notification) -> None:
        if self.request is None or not isinstance(
                notice, CheckoutCompleted | PaymentSucceeded | PaymentFailed):
            return
        if isinstance(notice, CheckoutCompleted) and self.request.id not in (
                notice.checkout_session, notice.payment_link):
            return
        self._state.spawn(self.refresh_status())

    async def refresh_status(self) -> PaymentStatus | None:
        """Ask Stripe where the open request stands and show it."""
        request = self.request
        if request is None:
            return None
        try:
            status: PaymentStatus = await self._state.run(
                payment_request_status, self._state.session, request)
        except Exception as error:  # still waiting; say why the check failed
            self.view.waiting.setText(error_text(error))
            return None
        if self.request is not request:
            return status
        self.last_status = status
        if status.state == "paid":
            self.request = None
            self.view.show_paid(self.tr("Paid"), " · ".join(p for p in (
                self._money(status.amount, status.currency),
                self._card_line(status.card_brand, status.card_last4)) if p))
        elif status.state == "failed":
            set_role(self.view.waiting, "error")
            self.view.waiting.setText(status.message)
        elif status.state in ("expired", "canceled"):
            self.request = None
            self.view.show_failed(self.tr("Not paid"), status.message)
        else:
            self.view.waiting.setText(status.message)
        return status

    async def cancel_request(self) -> None:
        """Stop the open request from being paid."""
        request = self.request
        if request is None:
            return
        try:
            await self._call(cancel_payment_request, request)
        except Exception as error:  # e.g. paid meanwhile: check again
            self.view.waiting.setText(error_text(error))
            await self.refresh_status()
            return
        self.request = None
        self.view.show_failed(self.tr("Canceled"), self.tr("The payment page was closed."))

    def new_sale(self) -> None:
        """Clear the form for the next customer."""
        self.request = None
        self.amount.clear()
        self.description.clear()
        self.customer.set_customer(None)
        self._say("")
        self.center.setCurrentIndex(0)
        self.amount.text_edit.setFocus()

    def _card_line(self, brand: str | None, last4: str | None) -> str:
        if not last4:
            return ""
        return f"{(brand or 'card').replace('_', ' ').title()} •••• {last4}"
