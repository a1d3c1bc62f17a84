"""`CollectPanel`, the cashier's screen: amount, description, optional customer, and three
ways to be paid — a hosted payment page shown as link and QR code, a saved card charged
off-session, or an invoice Stripe e-mails. Today's takings stay in view beside the form.

A sale is one unit, in one of the states `Sale` names (see docs/ui.md): editing → waiting
(a payment request is open) → paid / unknown / failed → new sale. Outside editing the form
is locked. Each tender attempt has one idempotency key: a second click, or "Check again"
after an unknown outcome, sends the same request, which Stripe carries out once. A payment
request is closed at Stripe before the screen lets go of it, and a payment that still lands
on a closed request is announced against its sale.

No card data is typed here. While a hosted page is open the poller follows it about once a
second (`hurry_while`); when a payment or checkout notification arrives the request's status is
read from Stripe and the screen turns to "Paid" (amount, brand, last 4) or shows the failure.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
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

from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.services.cart import Cart
from posapp.services.payments import (
    ChargeOutcome,
    ChargeState,
    PaymentRequest,
    PaymentStatus,
    charge_saved_card,
    close_overdue_requests,
    close_payment_request,
    open_requests,
    payment_request_status,
    recent_charge,
    request_payment,
    send_invoice,
)
from posapp.services.sale_tenders import (
    CartTender,
    charge_cart_to_card,
    record_outside_payment,
    request_cart_payment,
    sale_description,
)
from posapp.sync.notifications import (
    CheckoutCompleted,
    Notification,
    PaymentFailed,
    PaymentSucceeded,
)

from ..catalogue.receipt_pdf import (
    Paper,
    ask_receipt_path,
    print_receipt_dialog,
    save_receipt,
)
from ..common.app_state import AppState
from ..common.errors import error_text
from ..common.format import card_label
from ..common.theme import set_role
from ..widgets.amount_edit import AmountEdit
from ..widgets.customer_picker import CustomerPicker, customer_label
from ..widgets.link_view import LinkView
from .open_requests_view import OpenRequestsView, age_text
from .payment_list_model import request_status_text
from .payment_method_list_model import default_method_id, method_label
from .reader_tender import ReaderTender
from .takings_view import TakingsView

DEFAULT_DUE_DAYS = 14
DEFAULT_EXPIRY_MINUTES = 60
SETTLE_INTERVAL_MS = 5000
"""How often an unknown outcome is checked again by itself while the sale waits on it."""
OVERDUE_INTERVAL_MS = 60_000
"""How often overdue payment links are switched off and the open requests' ages refreshed."""


class Sale(StrEnum):
    """Where the sale on the screen stands."""

    EDITING = "editing"
    WAITING = "waiting"
    PAID = "paid"
    INVOICED = "invoiced"
    UNKNOWN = "unknown"
    FAILED = "failed"


@dataclass
class _Tender:
    """One tender attempt: its idempotency key, and how to send it (again) with that key."""

    key: str
    send: Callable[[str], Coroutine[Any, Any, Any]]


class CollectPanel(QWidget):
    """Take a payment at the counter."""

    announce = Signal(str)
    """A sentence for a toast (a payment that landed on a request this screen closed)."""
    cart_done = Signal()
    """The sale of a cart handed over by the sale screen is over (New sale)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self.sale = Sale.EDITING
        self.request: PaymentRequest | None = None
        self.last_status: PaymentStatus | None = None
        self.last_charge: ChargeOutcome | None = None
        self._tender: _Tender | None = None
        self._busy = False
        self._repeat: Callable[[], Coroutine[Any, Any, Any]] | None = None
        self._closed: dict[str, PaymentRequest] = {}
        self._explained: set[str] = set()
        self.cart: Cart | None = None

        title = QLabel(self.tr("Collect payment"))
        title.setObjectName("title")
        self.amount = AmountEdit(state.session.profile.default_currency
                                 or state.settings.default_currency, state.language)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What is it for? The customer sees this."))
        self.customer = CustomerPicker(state.cache)
        self.expiry = QSpinBox()
        self.expiry.setRange(30, 24 * 60)
        self.expiry.setSingleStep(15)
        self.expiry.setSuffix(self.tr(" min"))
        saved = state.ui_settings.value("collect/expiry_minutes", DEFAULT_EXPIRY_MINUTES)
        self.expiry.setValue(int(str(saved)) if str(saved).isdigit() else DEFAULT_EXPIRY_MINUTES)
        self.expiry.setToolTip(self.tr("A payment page or link closes this long after it "
                                       "was shown"))
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Links expire after"), self.expiry)

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
        self.card_why = self._why_label()

        self.due_days = QSpinBox()
        self.due_days.setRange(1, 365)
        self.due_days.setValue(DEFAULT_DUE_DAYS)
        self.due_days.setPrefix(self.tr("due in "))
        self.due_days.setSuffix(self.tr(" days"))
        self.invoice = QPushButton(self.tr("Send invoice"))
        invoice_row = QHBoxLayout()
        invoice_row.addWidget(self.invoice, 1)
        invoice_row.addWidget(self.due_days, 1)
        self.invoice_why = self._why_label()
        self.reader = ReaderTender(self)

        self.cart_label = QLabel()
        self.cart_label.setObjectName("muted")
        self.cart_label.setWordWrap(True)
        self.allow_codes = QCheckBox(self.tr("Let the customer type a promotion code"))
        self.cash = QPushButton(self.tr("Record cash payment"))
        self.cash.setToolTip(self.tr("Recorded at Stripe as an itemised invoice paid outside "
                                     "Stripe"))
        for widget in (self.cart_label, self.allow_codes, self.cash):
            widget.hide()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("80 mm receipt"), "80mm")
        self.paper.addItem(self.tr("A4 receipt"), "a4")
        self.receipt = QPushButton(self.tr("Save receipt PDF…"))
        self.receipt.setToolTip(self.tr("Lines, tax, tip, total and a QR code of Stripe's "
                                        "receipt page"))
        self.print_receipt = QPushButton(self.tr("Print receipt…"))
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(self.print_receipt, 1)
        receipt_row.addWidget(self.receipt, 1)
        receipt_row.addWidget(self.paper)
        self.receipt_box = QWidget()
        self.receipt_box.setLayout(receipt_row)
        self.receipt_box.hide()

        self.repeat_text = QLabel()
        self.repeat_text.setObjectName("reason")
        self.repeat_text.setWordWrap(True)
        self.repeat_yes = QPushButton(self.tr("Charge again"))
        self.repeat_no = QPushButton(self.tr("Don't charge"))
        repeat_buttons = QHBoxLayout()
        repeat_buttons.addWidget(self.repeat_no)
        repeat_buttons.addStretch(1)
        repeat_buttons.addWidget(self.repeat_yes)
        self.repeat_bar = QWidget()
        repeat_layout = QVBoxLayout(self.repeat_bar)
        repeat_layout.setContentsMargins(0, 0, 0, 0)
        repeat_layout.addWidget(self.repeat_text)
        repeat_layout.addLayout(repeat_buttons)
        self.repeat_bar.hide()

        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_list = OpenRequestsView(state.formats)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addLayout(form)
        left.addWidget(self.cart_label)
        left.addWidget(self.allow_codes)
        left.addSpacing(8)
        left.addLayout(link_row)
        left.addLayout(card_row)
        left.addWidget(self.card_why)
        left.addLayout(invoice_row)
        left.addWidget(self.invoice_why)
        left.addWidget(self.cash)
        left.addWidget(self.receipt_box)
        left.addWidget(self.reader)
        left.addWidget(self.reason)
        left.addWidget(self.repeat_bar)
        left.addWidget(self.message)
        left.addSpacing(8)
        left.addWidget(self.open_list)
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
        self.center.addWidget(self.reader.view)
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
        self.cash.clicked.connect(lambda: self._state.spawn(self.record_cash()))
        self.receipt.clicked.connect(self._ask_receipt_path)
        self.print_receipt.clicked.connect(lambda: self._state.spawn(self.open_print()))
        self.repeat_yes.clicked.connect(self._repeat_confirmed)
        self.repeat_no.clicked.connect(self._repeat_declined)
        self.view.cancel_requested.connect(lambda: self._state.spawn(self.cancel_request()))
        self.view.check_requested.connect(lambda: self._state.spawn(self.check_again()))
        self.view.done.connect(self.new_sale)
        self.open_list.cancel_requested.connect(
            lambda request: self._state.spawn(self.cancel_open(request)))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.show_link.click)
        self.amount.text_edit.returnPressed.connect(self.description.setFocus)
        self.description.returnPressed.connect(self.show_link.click)
        self.amount.changed.connect(self._context_changed)
        self.description.textChanged.connect(lambda _t: self._context_changed())
        self.customer.customer_changed.connect(self._customer_picked)
        self.expiry.valueChanged.connect(
            lambda minutes: state.ui_settings.setValue("collect/expiry_minutes", minutes))
        state.notification.connect(self._notified)
        state.connect_tables(frozenset(("payment_methods", "customers")),
                             lambda: self._customer_changed(self.customer.customer() or {}))
        state.connect_tables(frozenset(("checkout_sessions", "payment_links")),
                             self.reload_open_requests)
        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(SETTLE_INTERVAL_MS)
        self._settle_timer.timeout.connect(self._settle_by_itself)
        self._overdue_timer = QTimer(self)
        self._overdue_timer.setInterval(OVERDUE_INTERVAL_MS)
        self._overdue_timer.timeout.connect(
            lambda: self._state.spawn(self.close_overdue_requests()))
        self._overdue_timer.start()
        QWidget.setTabOrder(self.amount.text_edit, self.description)
        self._customer_changed({})
        self.reload_open_requests()
        state.follow_online(self._online_changed)

    # --- state of the controls ----------------------------------------------------------

    def _why_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("muted")
        label.setWordWrap(True)
        label.hide()
        return label

    def _locked_reason(self) -> str:
        if self._busy:
            return self.tr("Busy…")
        if self._repeat is not None:
            return self.tr("Answer the question below first.")
        return {
            Sale.EDITING: "",
            Sale.WAITING: self.tr("A payment request is open: cancel it to change the sale.")
            if not self.reader.active() else
            self.tr("The reader is collecting this sale: cancel it to change the sale."),
            Sale.PAID: self.tr("This sale is paid: press New sale for the next one."),
            Sale.INVOICED: self.tr("This sale is invoiced: press New sale for the next one."),
            Sale.FAILED: self.tr("This sale is over: press New sale for the next one."),
            Sale.UNKNOWN: self.tr("We don't know yet whether this sale was paid: check again "
                                  "first."),
        }[self.sale]

    def update_actions(self) -> None:
        """Enable the ways to collect that can work now; disabled ones say why beside
        them (and in their tooltips)."""
        editing = self.sale is Sale.EDITING and not self._busy and self._repeat is None
        for widget in (self.customer, self.expiry, self.link_kind, self.due_days):
            widget.setEnabled(editing)
        # A code typed on Stripe's page cannot join a coupon, and would discount a tip.
        cart_codes = self.cart is not None and self.cart.coupon is None \
            and not self.cart.totals().tip
        self.allow_codes.setEnabled(editing and cart_codes)
        self.allow_codes.setToolTip("" if cart_codes else self.tr(
            "The cart has a discount or a tip: a code typed on Stripe's page would discount "
            "the tip or clash with the discount."))
        if not cart_codes:
            self.allow_codes.setChecked(False)
        self.amount.setEnabled(editing and self.cart is None)
        self.description.setEnabled(editing and self.cart is None)
        self.cards.setEnabled(editing and bool(self.cards.count()))
        offline = self._state.money_blocked_reason()
        missing = ""
        if self.cart is not None:
            pass
        elif self.amount.amount() is None:
            missing = self.tr("Enter an amount first.")
        elif not self.description.text().strip():
            missing = self.tr("Describe what the payment is for.")
        customer = self.customer.customer()
        blocked = self._locked_reason() or offline or missing
        self._enable(self.show_link, blocked)
        no_card = "" if self.cards.count() else (
            self.tr("Choose a customer with a saved card.") if customer is None
            else self.tr("This customer has no saved card: use “Collect a card” in Customers."))
        self._enable(self.charge, blocked or no_card, self.card_why, no_card)
        no_email = "" if customer and customer.get("email") else \
            self.tr("Choose a customer with an e-mail address to send an invoice.")
        cart_only = self.tr("A cart is paid by page, saved card, card reader or cash.") \
            if self.cart is not None else ""
        if cart_only:
            no_email = cart_only
        self._enable(self.invoice, blocked or no_email, self.invoice_why, no_email)
        self._enable(self.cash, blocked)
        self.reader.update_enabled(blocked)
        self.reason.setText(self._locked_reason() or offline or missing)

    def _enable(self, button: QPushButton, reason: str, why: QLabel | None = None,
                own: str = "") -> None:
        button.setEnabled(not reason)
        button.setToolTip(reason)
        if why is not None:
            # This button's own reason goes beside it; one shared by every button is said
            # once, under them all (`self.reason`).
            shown = "" if self._locked_reason() else own
            why.setText(shown)
            why.setVisible(bool(shown))

    def _customer_picked(self, customer: dict[str, Any]) -> None:
        self._customer_changed(customer)
        self._context_changed()

    def _customer_changed(self, customer: dict[str, Any]) -> None:
        self.cards.clear()
        if customer:
            default = default_method_id(customer)
            methods = self._state.cache.page(
                "payment_methods", filters={"customer": customer["id"]}, limit=50).rows
            methods.sort(key=lambda m: m.get("id") != default)
            for method in methods:
                self.cards.addItem(method_label(method), method["id"])
        self.update_actions()

    def _context_changed(self) -> None:
        """The sale being typed changed: the last action's message no longer applies."""
        if self.sale is Sale.EDITING and not self._busy:
            self._say("")
        self.update_actions()

    def _online_changed(self) -> None:
        if not self._state.online and self.message.objectName() == "error":
            self._say("")  # the offline reason above says it once
        if self._state.online and self.sale is Sale.UNKNOWN:
            self._settle_by_itself()
        self.update_actions()

    def _say(self, text: str, style: str = "") -> None:
        set_role(self.message, style)
        self.message.setText(text)

    def _money(self, amount: int | None = None, currency: str | None = None) -> str:
        return self._state.formats.money(amount if amount is not None else self._amount(),
                                         currency or self._currency())

    def _amount(self) -> int | None:
        """The sale's amount: the cart's total, or the typed amount."""
        return self.cart.totals().total if self.cart is not None else self.amount.amount()

    def _currency(self) -> str:
        return self.cart.currency if self.cart is not None else self.amount.currency

    def take_cart(self, cart: Cart) -> bool:
        """Tender `cart` from the sale screen: its lines, discount, tax and tip replace the
        typed amount until the sale is over. False while another sale is under way."""
        if not self._may_start() or cart.is_empty:
            return False
        self.cart = cart
        self.amount.clear()
        self.description.setText(sale_description(cart))
        self.cart_label.setText(self.tr("Cart total %1: lines, discount, tax and tip from the "
                                        "sale screen.").replace("%1", self._money()))
        for widget in (self.cart_label, self.allow_codes, self.cash):
            widget.show()
        self.update_actions()
        return True

    def _may_start(self) -> bool:
        """Whether a new tender attempt may begin now: never while one is in flight, a
        question is open or the sale is past editing (a second click lands here)."""
        return not self._busy and self._repeat is None and self.sale is Sale.EDITING

    async def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self._busy = True
        self.update_actions()
        try:
            return await self._state.run(fn, self._state.session, *args, **kwargs)
        finally:
            self._busy = False
            self.update_actions()

    def _set_sale(self, sale: Sale) -> None:
        self.sale = sale
        self.receipt_box.setVisible(sale is Sale.PAID and self.paid_intent() is not None)
        if sale is Sale.UNKNOWN:
            self._settle_timer.start()
        else:
            self._settle_timer.stop()
        self.update_actions()

    def _begin(self, send: Callable[[str], Coroutine[Any, Any, Any]]) -> _Tender:
        self._tender = _Tender(str(uuid.uuid4()), send)
        return self._tender

    def _failed(self, error: Exception, what: str, *, steps: bool = False) -> None:
        """A tender attempt raised: unknown when Stripe may have done it (the sale waits
        for "Check again" with the same key), otherwise nothing happened (say why).
        `steps`: the attempt is several writes, so an unreachable Stripe between them
        leaves it unknown too."""
        unreachable = steps and isinstance(error, GatewayError) and error.kind in (
            ErrorKind.NETWORK, ErrorKind.STRIPE_UNAVAILABLE)
        if isinstance(error, GatewayError) and (error.idempotency_key or unreachable):
            self._show_unknown(what)
            return
        self._tender = None
        self._say(error_text(error), "error")

    def _show_unknown(self, what: str) -> None:
        self.center.setCurrentWidget(self.view)
        self.view.show_unknown(
            self.tr("We don't know yet whether this went through"),
            self.tr("%1 Stripe did not answer. PosApp checks again with the same request, "
                    "which cannot charge twice; the sale stays open until then.")
            .replace("%1", what))
        self._say("")
        self._set_sale(Sale.UNKNOWN)

    # --- a second sale of the same amount ------------------------------------------------

    def _asks_repeat(self, customer: dict[str, Any], amount: int,
                     retry: Callable[[], Coroutine[Any, Any, Any]]) -> bool:
        """Whether the customer was charged this amount minutes ago; if so, ask first."""
        recent = recent_charge(self._state.session, customer["id"], amount,
                               self._currency())
        if recent is None:
            return False
        self.repeat_text.setText(
            self.tr("%1 paid %2 %3 ago. Charge again?")
            .replace("%1", customer_label(customer))
            .replace("%2", self._money(recent.get("amount"), recent.get("currency")))
            .replace("%3", age_text(time.time() - float(recent.get("created") or 0))))
        self._repeat = retry
        self.repeat_bar.show()
        self.repeat_no.setFocus()
        self.update_actions()
        return True

    def _repeat_confirmed(self) -> None:
        retry, self._repeat = self._repeat, None
        self.repeat_bar.hide()
        if retry is not None:
            self._state.spawn(retry())

    def _repeat_declined(self) -> None:
        self._repeat = None
        self.repeat_bar.hide()
        self._say(self.tr("Not charged again."), "muted")
        self.update_actions()

    # --- the three ways -----------------------------------------------------------------

    async def request_link(self, *, confirmed: bool = False) -> PaymentRequest | None:
        """Create the hosted payment page and show it as link and QR code."""
        amount = self._amount()
        if amount is None or not self._may_start():
            return None
        customer = self.customer.customer()
        if customer and not confirmed and self._asks_repeat(
                customer, amount, lambda: self.request_link(confirmed=True)):
            return None
        customer_id = customer["id"] if customer else None
        fn: Any = request_payment
        args: tuple[Any, ...] = (amount, self.amount.currency, self.description.text().strip(),
                                 customer_id, self.link_kind.currentData())
        extra: dict[str, Any] = {}
        if self.cart is not None:
            fn, args = request_cart_payment, (self.cart, self.link_kind.currentData(),
                                              customer_id)
            extra = {"allow_promotion_codes": self.allow_codes.isChecked(),
                     "receipt_email": (customer or {}).get("email")}
        expires_at = int(time.time()) + self.expiry.value() * 60

        async def send(key: str) -> PaymentRequest | None:
            self._say(self.tr("Creating the payment page…"), "muted")
            try:
                request: PaymentRequest = await self._call(
                    fn, *args, expires_at=expires_at, idempotency_key=key, **extra)
            except Exception as error:  # shown to the cashier; nothing was charged
                self._failed(error, self.tr("The payment page may or may not have been made."))
                return None
            self._tender = None
            self._say("")
            self._wait_for(request)
            return request

        return await send(self._begin(send).key)

    async def charge_card(self, *, confirmed: bool = False) -> ChargeOutcome | None:
        """Charge the chosen saved card; declines, authentication and an unknown outcome
        are shown. `confirmed`: the cashier already said to charge this customer again."""
        amount = self._amount()
        customer = self.customer.customer()
        method = self.cards.currentData()
        if amount is None or customer is None or not method or not self._may_start():
            return None
        if not confirmed and self._asks_repeat(
                customer, amount, lambda: self.charge_card(confirmed=True)):
            return None
        args = (customer["id"], method, amount, self.amount.currency,
                self.description.text().strip())
        card = self.cards.currentText()
        cart = self.cart

        async def send(key: str) -> ChargeOutcome | None:
            self._say(self.tr("Charging %1…").replace("%1", card), "muted")
            try:
                if cart is not None:
                    tender: CartTender = await self._call(
                        charge_cart_to_card, cart, customer["id"], method, idempotency_key=key)
                    outcome = _as_charge(tender, key)
                else:
                    outcome = await self._call(charge_saved_card, *args, idempotency_key=key)
            except Exception as error:  # offline, invalid request: nothing was charged
                self._failed(error, "", steps=cart is not None)
                return None
            self._show_charge(outcome, customer)
            return outcome

        return await send(self._begin(send).key)

    def _show_charge(self, outcome: ChargeOutcome, customer: dict[str, Any]) -> None:
        self.last_charge = outcome
        if outcome.state == "unknown":
            self._show_unknown(self.tr("The charge of %1 may or may not have been made.")
                               .replace("%1", self._money(outcome.amount, outcome.currency)))
            return
        self._tender = None
        money = self._money(outcome.amount, outcome.currency)
        if outcome.state in ("succeeded", "processing"):
            self._say("")
            self.center.setCurrentWidget(self.view)
            self.view.amount.setText(money)
            self.view.amount.show()
            detail = " · ".join(p for p in (
                card_label(outcome.card_brand, outcome.card_last4),
                customer_label(customer)) if p)
            if outcome.state == "succeeded":
                self.view.show_paid(self.tr("Paid"), detail)
            else:
                self.view.show_paid(self.tr("Paid, the bank is still confirming"), detail)
            self._set_sale(Sale.PAID)
        elif outcome.state == "declined":
            self._say(self.tr("Declined: %1").replace("%1", outcome.message), "error")
        elif outcome.state == "authentication_required" and outcome.payment_request:
            if outcome.payment_intent_id:
                self._explained.add(outcome.payment_intent_id)
            self._say("")
            self._wait_for(outcome.payment_request, self.tr(
                "This payment needs the customer to confirm it with their bank: send them "
                "this page to pay."))
        else:
            self._say(outcome.message, "muted")

    async def send_invoice(self) -> dict[str, Any] | None:
        """Have Stripe e-mail the customer an invoice due in N days; the sale is then
        invoiced (locked until New sale)."""
        amount = self.amount.amount()
        customer = self.customer.customer()
        if amount is None or customer is None or not self._may_start():
            return None
        args = (customer["id"], amount, self.amount.currency, self.description.text().strip(),
                self.due_days.value())

        async def send(key: str) -> dict[str, Any] | None:
            self._say(self.tr("Sending the invoice…"), "muted")
            try:
                invoice: dict[str, Any] = await self._call(send_invoice, *args,
                                                           idempotency_key=key)
            except Exception as error:  # shown to the cashier
                self._failed(error, self.tr("The invoice may or may not have been sent."),
                             steps=True)
                return None
            self._tender = None
            sent = (self.tr("Invoice %1 for %2 sent to %3, due %4.")
                    .replace("%1", str(invoice.get("number") or invoice.get("id")))
                    .replace("%2", self._money(invoice.get("amount_due"),
                                               invoice.get("currency")))
                    .replace("%3", str(customer.get("email")))
                    .replace("%4", self._state.formats.date(invoice.get("due_date"))))
            self._say(sent, "success")
            self.view.amount.setText(self._money(invoice.get("amount_due"),
                                                 invoice.get("currency")))
            self.view.amount.show()
            self.view.show_sent(self.tr("Invoice sent"), customer_label(customer))
            self.center.setCurrentWidget(self.view)
            self._set_sale(Sale.INVOICED)
            return invoice

        return await send(self._begin(send).key)

    async def record_cash(self) -> CartTender | None:
        """Record the cart as paid in cash: an itemised invoice paid outside Stripe."""
        cart = self.cart
        if cart is None or not self._may_start():
            return None
        customer = self.customer.customer()

        async def send(key: str) -> CartTender | None:
            self._say(self.tr("Recording the cash payment…"), "muted")
            try:
                tender: CartTender = await self._call(
                    record_outside_payment, cart, "cash",
                    customer["id"] if customer else None, idempotency_key=key)
            except Exception as error:  # shown to the cashier
                self._failed(error, self.tr("The cash payment may or may not have been "
                                            "recorded."), steps=True)
                return None
            if tender.state == "unknown":
                self._show_unknown(self.tr("The cash payment may or may not have been "
                                           "recorded."))
                return tender
            self._tender = None
            self._say("")
            self.view.amount.setText(self._money(tender.amount, tender.currency))
            self.view.amount.show()
            self.view.show_paid(self.tr("Paid in cash"),
                                customer_label(customer) if customer else "")
            self.center.setCurrentWidget(self.view)
            self._set_sale(Sale.PAID)
            return tender

        return await send(self._begin(send).key)

    # --- receipts -------------------------------------------------------------------------

    def paid_intent(self) -> str | None:
        """The PaymentIntent of the paid sale on the screen, if it has one."""
        if self.last_status is not None and self.last_status.state == "paid":
            return self.last_status.payment_intent_id
        if self.last_charge is not None and self.last_charge.state == "succeeded":
            return self.last_charge.payment_intent_id
        outcome = self.reader.outcome
        if outcome is not None and outcome.state == "succeeded":
            return outcome.payment_intent_id
        return None

    def _ask_receipt_path(self) -> None:
        payment = self.paid_intent()
        path = ask_receipt_path(self, payment) if payment else None
        if path is not None:
            self._state.spawn(self.save_receipt(path, self._paper()))

    def _paper(self) -> Paper:
        return "a4" if self.paper.currentData() == "a4" else "80mm"

    async def open_print(self) -> QPrintPreviewDialog | None:
        """Open the print dialog for the paid sale's receipt."""
        payment = self.paid_intent()
        if payment is None:
            return None
        try:
            return await print_receipt_dialog(self._state, payment, self, self._paper())
        except Exception as error:  # shown to the cashier
            self._say(error_text(error), "error")
            return None

    async def save_receipt(self, path: Path, paper: Paper = "80mm") -> Path | None:
        """Write the paid sale's receipt as a PDF at `path`."""
        payment = self.paid_intent()
        if payment is None:
            return None
        try:
            saved = await save_receipt(self._state, payment, path, paper)
        except Exception as error:  # shown to the cashier
            self._say(error_text(error), "error")
            return None
        self._say(self.tr("Saved %1.").replace("%1", str(saved)), "muted")
        return saved

    # --- an unknown outcome -------------------------------------------------------------

    async def check_again(self) -> Any:
        """Send the unsettled tender attempt again with its own key and show what Stripe
        says now (it replays what it did, or does it once)."""
        tender = self._tender
        if tender is None or self._busy or self.sale is not Sale.UNKNOWN:
            return None
        return await tender.send(tender.key)

    def _settle_by_itself(self) -> None:
        if self.sale is Sale.UNKNOWN and not self._busy and self._state.online:
            self._state.spawn(self.check_again())

    # --- waiting for the customer -------------------------------------------------------

    def _wait_for(self, request: PaymentRequest, waiting: str = "") -> None:
        self.request = request
        self.last_status = None
        money = self._money(request.amount, request.currency)
        self.view.show_link(
            request.url, self.tr("Scan to pay"), money,
            waiting or self.tr("Waiting for the customer to pay on Stripe's page…"),
            self.tr("Payment request: %1").replace("%1", request.description),
            self.tr("Please pay %1 for “%2” here:\n%3").replace("%1", money)
            .replace("%2", request.description).replace("%3", request.url))
        self.center.setCurrentWidget(self.view)
        self._set_sale(Sale.WAITING)
        self._state.hurry_while(lambda: self.request is request)
        self.reload_open_requests()

    def explains(self, notice: Notification) -> bool:
        """Whether this screen already tells the cashier what `notice` says (no toast):
        a payment waiting for the customer's confirmation is not a decline."""
        return isinstance(notice, PaymentFailed) and notice.payment_intent in self._explained

    def _notified(self, notice: Notification) -> None:
        if isinstance(notice, CheckoutCompleted):
            for request_id in (notice.checkout_session, notice.payment_link):
                late = self._closed.pop(request_id or "", None)
                if late is not None:
                    self.announce.emit(
                        self.tr("Payment received on a closed request: %1 for “%2”. It is in "
                                "the latest payments.")
                        .replace("%1", self._money(notice.amount or late.amount,
                                                   notice.currency or late.currency))
                        .replace("%2", late.description))
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
        if status.state in ("paid", "processing"):
            self._show_paid_status(status)
        elif status.state == "failed":
            set_role(self.view.waiting, "error")
            self.view.waiting.setText(status.message)
        elif status.state in ("expired", "canceled"):
            self.request = None
            self.view.show_failed(self.tr("Not paid"), request_status_text(status))
            self._set_sale(Sale.FAILED)
        else:
            set_role(self.view.waiting, "muted")
            self.view.waiting.setText(request_status_text(status))
        return status

    def _show_paid_status(self, status: PaymentStatus) -> None:
        self.request = None
        self.last_status = status
        self._say("")
        if status.amount is not None:
            # What was paid: less than asked when the customer typed a promotion code.
            self.view.amount.setText(self._money(status.amount, status.currency))
        self.view.show_paid(self.tr("Paid"), " · ".join(p for p in (
            self._money(status.amount, status.currency),
            card_label(status.card_brand, status.card_last4)) if p))
        self.center.setCurrentWidget(self.view)
        self._set_sale(Sale.PAID)
        self.reload_open_requests()

    async def cancel_request(self) -> PaymentStatus | None:
        """Close the open request at Stripe first, then let go of it: back to editing the
        same sale, or Paid when the customer paid before it closed."""
        request = self.request
        if self.reader.active():
            await self.reader.cancel_payment()
            return None
        if request is None or self._busy or self.sale is not Sale.WAITING:
            return None

        async def send(key: str) -> PaymentStatus | None:
            try:
                status: PaymentStatus = await self._call(
                    close_payment_request, request, idempotency_key=key)
            except Exception as error:  # still open: say why, keep waiting
                if isinstance(error, GatewayError) and error.idempotency_key:
                    self._show_unknown(self.tr("The payment request may or may not have "
                                               "been closed."))
                else:
                    self._tender = None
                    self._set_sale(Sale.WAITING)
                    self.view.waiting.setText(error_text(error))
                return None
            self._tender = None
            if status.state in ("paid", "processing"):
                self._show_paid_status(status)
                return status
            self._closed[request.id] = request
            self.request = None
            self.center.setCurrentIndex(0)
            self._set_sale(Sale.EDITING)
            self._say(self.tr("The payment request for %1 was closed; it can no longer be "
                              "paid.").replace("%1", self._money(request.amount,
                                                                 request.currency)), "muted")
            self.reload_open_requests()
            return status

        return await send(self._begin(send).key)

    def new_sale(self) -> None:
        """Clear the form for the next customer. An open request is closed at Stripe
        first; a sale whose outcome is unknown cannot be left."""
        if self._busy or self.sale is Sale.UNKNOWN:
            return
        if self.sale is Sale.WAITING:
            self._state.spawn(self._leave_request())
            return
        self._reset()

    async def _leave_request(self) -> None:
        await self.cancel_request()
        if self.sale is Sale.EDITING:
            self._reset()

    def _reset(self) -> None:
        if self.cart is not None:
            self.cart = None
            self.allow_codes.setChecked(False)
            for widget in (self.cart_label, self.allow_codes, self.cash):
                widget.hide()
            self.cart_done.emit()
        self.request = None
        self.reader.reset()
        self._tender = None
        self._repeat = None
        self.repeat_bar.hide()
        self._set_sale(Sale.EDITING)
        self.amount.clear()
        self.description.clear()
        self.customer.set_customer(None)
        self._say("")
        self.center.setCurrentIndex(0)
        self.amount.text_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Esc after the outcome starts a new sale; Esc while waiting cancels the
        request; Enter on an unknown outcome checks again."""
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self.sale in (Sale.PAID, Sale.INVOICED, Sale.FAILED) and (
                enter or key == Qt.Key.Key_Escape):
            self.new_sale()
        elif self.sale is Sale.WAITING and key == Qt.Key.Key_Escape:
            self._state.spawn(self.cancel_request())
        elif self.sale is Sale.UNKNOWN and enter:
            self._state.spawn(self.check_again())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- open requests of this station --------------------------------------------------

    def reload_open_requests(self) -> None:
        """List this station's payment requests that can still be paid, except the one on
        the screen."""
        shown = self.request.id if self.request else None
        self.open_list.set_requests(
            [r for r in open_requests(self._state.session) if r.id != shown])

    async def cancel_open(self, request: PaymentRequest) -> PaymentStatus | None:
        """Close one of the listed requests; a payment that landed on it is announced."""
        try:
            status: PaymentStatus = await self._state.run(
                close_payment_request, self._state.session, request)
        except Exception as error:  # shown to the cashier; the request stays listed
            self._say(error_text(error), "error")
            return None
        if status.state in ("paid", "processing"):
            self.announce.emit(self.tr("Payment received on a closed request: %1 for “%2”. "
                                       "It is in the latest payments.")
                               .replace("%1", self._money(request.amount, request.currency))
                               .replace("%2", request.description))
        else:
            self._closed[request.id] = request
        self.reload_open_requests()
        return status

    async def close_overdue_requests(self) -> list[PaymentRequest]:
        """Switch off this station's payment links past their expiry, then refresh the list
        (the ages move on)."""
        closed: list[PaymentRequest] = []
        if self._state.online:
            try:
                closed = await self._state.run(close_overdue_requests, self._state.session)
            except GatewayError:
                closed = []  # offline: next time
        for request in closed:
            self._closed[request.id] = request
        self.reload_open_requests()
        return closed


def _as_charge(tender: CartTender, key: str) -> ChargeOutcome:
    """A cart paid by saved card (an invoice) told as a saved-card charge is."""
    state: ChargeState = ("succeeded" if tender.state == "paid" else
                          "declined" if tender.state == "declined" else "unknown")
    return ChargeOutcome(state, tender.message, tender.payment_intent_id,
                         tender.amount, tender.currency,
                         idempotency_key=key if state == "unknown" else None)
