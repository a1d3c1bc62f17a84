"""The "Card reader" tender of the collect screen: the station's reader, the button, and the
page shown while the reader collects ("Tap, insert or swipe on the reader"). It tenders the
typed amount or the sale screen's cart (its total, described by its lines, the tip in the
metadata as every cart tender records it).

It goes through the collect screen's Sale states: waiting while the reader collects (the
reader and the PaymentIntent read every second, and at once when the poller hears of the
payment's events), paid
(or authorised, then captured) when the PaymentIntent says so, unknown when Stripe did not
answer (Check again sends the same tender key), and back to editing when canceled. Each
attempt has one key (`posapp.services.terminal`): a second click, Check again or a restart
never makes a second payment. Declines, time-outs, an offline or busy reader keep the sale
waiting with the reason and "Try again" (the same PaymentIntent, a new try on the reader).
The station's reader is chosen in Settings ("authorise only" and "tips on the reader" in the
readers dialog), per profile on this machine; the choice beside the button changes the
reader for this sale only. While the cashier types an amount or rings up the sale screen's
cart, it shows on the reader: at most once a second (`DISPLAY_INTERVAL_MS`), the latest
state, and taken off when the cart empties or the sale is over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.gateway.errors import GatewayError
from posapp.money import to_decimal
from posapp.services.cart import Cart
from posapp.services.payments import capture_payment
from posapp.services.terminal import (
    CartLine,
    ReaderOutcome,
    ReaderPayment,
    cancel_reader_payment,
    clear_display,
    list_readers,
    open_reader_payments,
    reader_payment_status,
    retry_reader_payment,
    show_cart,
    show_sale_cart,
    start_cart_reader_payment,
    start_reader_payment,
)
from posapp.sync.notifications import Notification, PaymentFailed, PaymentSucceeded

from ..common.errors import error_text
from ..common.format import card_label
from ..common.theme import set_role
from .readers_dialog import ReadersDialog, reader_label, station_key

if TYPE_CHECKING:
    from .collect_panel import CollectPanel

POLL_INTERVAL_MS = 1000
"""How often the reader and the PaymentIntent are read while the reader collects."""
DISPLAY_INTERVAL_MS = 1000
"""The reader's screen follows the sale at most this often (typing sends no flood)."""


class ReaderTender(QWidget):
    """The reader row of the collect screen and the reader's waiting page (`view`)."""

    def __init__(self, panel: CollectPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._state = panel._state
        self.payment: ReaderPayment | None = None
        self.outcome: ReaderOutcome | None = None
        self._polling = False
        self._list_error = ""
        self.readers: list[dict[str, Any]] = []
        self.rung_up: Cart | None = None
        """The sale screen's cart while it is rung up (shown on the reader)."""
        self._shown: object = None

        self.button = QPushButton(self.tr("Card reader"))
        self.button.setToolTip(self.tr("The customer taps, inserts or swipes their card on "
                                       "the station's reader"))
        self.choice = QComboBox()
        self.manage = QPushButton(self.tr("Readers…"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button, 1)
        row.addWidget(self.choice, 1)
        row.addWidget(self.manage)
        self.why = QLabel()
        self.why.setObjectName("muted")
        self.why.setWordWrap(True)
        self.why.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.why)

        self.view = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount = QLabel()
        self.amount.setObjectName("bigAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.setObjectName("primary")
        self.capture = QPushButton(self.tr("Capture now"))
        self.capture.setObjectName("primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.capture)
        view_layout = QVBoxLayout(self.view)
        view_layout.addStretch(1)
        view_layout.addWidget(self.heading)
        view_layout.addWidget(self.amount)
        view_layout.addWidget(self.message)
        view_layout.addLayout(buttons)
        view_layout.addStretch(1)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(lambda: self._state.spawn(self.refresh()))
        self._display = QTimer(self)
        self._display.setSingleShot(True)
        self._display.setInterval(DISPLAY_INTERVAL_MS)
        self._display.timeout.connect(lambda: self._state.spawn(self.show_sale_on_reader()))
        self.button.clicked.connect(lambda: self._state.spawn(self.collect()))
        self.cancel.clicked.connect(lambda: self._state.spawn(self.cancel_payment()))
        self.retry.clicked.connect(lambda: self._state.spawn(self.try_again()))
        self.capture.clicked.connect(lambda: self._state.spawn(self.capture_now()))
        self.manage.clicked.connect(self._open_readers)
        self.choice.currentIndexChanged.connect(self._chosen)
        panel.amount.changed.connect(self._show_soon)
        panel.description.textChanged.connect(lambda _t: self._show_soon())
        self._state.spawn(self._start())
        self._state.follow_online(self._online_changed)
        self._state.notification.connect(self._notified)

    def _notified(self, notice: Notification) -> None:
        """The poller heard of this sale's payment (succeeded or failed): read it now
        rather than at the next poll of the reader."""
        payment = self.payment
        if payment is not None and isinstance(notice, PaymentSucceeded | PaymentFailed) \
                and notice.payment_intent == payment.payment_intent_id:
            self._state.spawn(self.refresh())

    def _online_changed(self) -> None:
        if self._state.online and self._list_error:
            self._state.spawn(self.reload_readers())

    async def _start(self) -> None:
        await self.reload_readers()
        await self.resume()

    # --- the station's reader -----------------------------------------------------------

    def reader_id(self) -> str | None:
        """The reader this station collects on (None when none is chosen)."""
        value = self.choice.currentData()
        return str(value) if value else None

    def _setting(self, name: str, default: Any) -> Any:
        return self._state.ui_settings.value(station_key(self._state, name), default)

    def _chosen(self, _index: int) -> None:
        self._shown = None  # the other reader's screen has not seen the sale yet
        self._show_soon()
        self._panel.update_actions()

    async def reload_readers(self) -> list[dict[str, Any]]:
        """List the account's readers into the choice and choose the station's one (chosen
        in Settings; the first reader while none is)."""
        try:
            readers: list[dict[str, Any]] = await self._state.run(list_readers,
                                                                  self._state.session)
        except GatewayError as error:
            # Offline: the cached readers keep the station's choice; money waits anyway.
            self._list_error = self.tr("Readers could not be listed: %1").replace(
                "%1", error_text(error))
            readers = self._state.cache.page("terminal_readers", limit=100).rows
        else:
            self._list_error = ""
        self.readers = readers
        self.choice.blockSignals(True)
        self.choice.clear()
        for reader in readers:
            self.choice.addItem(reader_label(reader), reader["id"])
        self.choice.blockSignals(False)
        self.choose_station_reader()
        return readers

    def choose_station_reader(self) -> None:
        """Choose the station's reader (Settings), e.g. after a one-off choice for a sale."""
        if self.payment is not None:
            return  # the sale on the reader keeps its reader until it is over
        index = self.choice.findData(str(self._setting("reader", "") or ""))
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(index if index >= 0 else 0 if self.choice.count() else -1)
        self.choice.blockSignals(False)
        self._chosen(self.choice.currentIndex())

    def _open_readers(self) -> None:
        dialog = ReadersDialog(self._state, self)
        dialog.finished.connect(lambda _r: self._state.spawn(self.reload_readers()))
        dialog.open()

    def update_enabled(self, blocked: str) -> None:
        """Enable the tender when the sale may start on a chosen reader (else say why)."""
        own = "" if self.reader_id() else self.tr(
            "No reader chosen: register one with “Readers…”.")
        reason = blocked or own
        self.button.setEnabled(not reason)
        self.button.setToolTip(reason)
        editing = self._panel.sale.value == "editing" and not self._panel._busy
        self.choice.setEnabled(editing)
        shown = "" if self._panel._locked_reason() else (self._list_error or own)
        self.why.setText(shown)
        self.why.setVisible(bool(shown))

    def active(self) -> bool:
        """Whether a reader payment is on the screen."""
        return self.payment is not None

    # --- the cart on the reader -----------------------------------------------------------

    def follow_cart(self, cart: Cart) -> None:
        """The sale screen's cart changed: show it on the reader soon (none when empty)."""
        self.rung_up = None if cart.is_empty else cart
        self._show_soon()

    def _show_soon(self) -> None:
        """Show the sale on the reader within `DISPLAY_INTERVAL_MS`; changes meanwhile are
        shown together, so the reader is never asked more than once a second."""
        if not self._display.isActive():
            self._display.start()

    async def show_sale_on_reader(self) -> None:
        """Show the sale on the reader's screen: the cart tendered here or being rung up on
        the sale screen (lines, tax, total), or the typed amount and its description; an
        empty sale takes the last one off."""
        panel = self._panel
        reader = self.reader_id()
        if (reader is None or self.payment is not None or not self._state.online
                or panel.sale.value != "editing" or panel._busy):
            return  # a tender in flight owns the reader
        cart = panel.cart or self.rung_up
        amount = panel.amount.amount()
        shown: object = (reader, cart) if cart is not None else (
            reader, amount, panel.amount.currency, panel.description.text().strip()
        ) if amount is not None else None
        if shown == self._shown:
            return  # already on the reader (or nothing of ours is)
        try:
            if cart is not None:
                await self._state.run(show_sale_cart, self._state.session, reader, cart)
            elif amount is not None:
                line = CartLine(panel.description.text().strip() or self.tr("Sale"), amount)
                await self._state.run(show_cart, self._state.session, reader,
                                      panel.amount.currency, [line])
            else:
                await self._state.run(clear_display, self._state.session, reader)
        except GatewayError:
            return  # the reader's screen is a courtesy: a busy reader keeps its own
        self._shown = shown

    async def clear_reader(self) -> None:
        """Take the last sale off the reader's screen."""
        reader = self.reader_id()
        if reader is None or not self._state.online:
            return
        try:
            await self._state.run(clear_display, self._state.session, reader)
        except GatewayError:
            return
        self._shown = None

    # --- the tender -----------------------------------------------------------------------

    async def collect(self) -> ReaderOutcome | None:
        """Start the reader payment for the cart or the amount on the screen."""
        panel = self._panel
        amount = panel._amount()
        reader = self.reader_id()
        if amount is None or reader is None or not panel._may_start():
            return None
        self._display.stop()
        start: Any = start_reader_payment
        args: tuple[Any, ...] = (reader, amount, panel.amount.currency,
                                 panel.description.text().strip())
        if panel.cart is not None:
            start, args = start_cart_reader_payment, (reader, panel.cart)
        manual = str(self._setting("authorise_only", "false")) == "true"
        tipping = str(self._setting("tipping", "false")) == "true"

        async def send(key: str) -> ReaderOutcome | None:
            panel._say(self.tr("Sending the payment to the reader…"), "muted")
            try:
                payment, outcome = await panel._call(
                    start, *args, idempotency_key=key,
                    capture_method="manual" if manual else "automatic", tipping=tipping)
            except Exception as error:  # nothing charged, or unknown: Check again
                panel._failed(error, self.tr("The reader payment may or may not have "
                                             "been started."))
                return None
            panel._tender = None
            panel._say("")
            self.payment = payment
            # A decline is said on this screen: no "payment failed" toast beside it.
            panel._explained.add(payment.payment_intent_id)
            self._state.ui_settings.setValue(station_key(self._state, "open_payment"), key)
            return self._show(outcome)

        return await send(panel._begin(send).key)

    async def refresh(self) -> ReaderOutcome | None:
        """Read where the reader payment stands and show it."""
        payment = self.payment
        if payment is None or self._polling:
            return None
        self._polling = True
        try:
            outcome: ReaderOutcome = await self._state.run(
                reader_payment_status, self._state.session, payment)
        except GatewayError as error:
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        finally:
            self._polling = False
        if self.payment is not payment:
            return outcome
        return self._show(outcome)

    async def try_again(self) -> ReaderOutcome | None:
        """Process the same payment on the reader again (another card, the reader back)."""
        payment = self.payment
        if payment is None or self._panel._busy:
            return None
        tipping = str(self._setting("tipping", "false")) == "true"
        try:
            again, outcome = await self._panel._call(retry_reader_payment, payment,
                                                     tipping=tipping)
        except Exception as error:  # the payment stays; say why
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        self.payment = again
        return self._show(outcome)

    async def cancel_payment(self) -> ReaderOutcome | None:
        """Cancel from the screen: stop the reader and the PaymentIntent; a card tapped just
        before is reported as paid."""
        payment = self.payment
        if payment is None or self._panel._busy:
            return None
        self._poll.stop()
        try:
            outcome: ReaderOutcome = await self._panel._call(cancel_reader_payment, payment)
        except Exception as error:  # still collecting: say why, keep following
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            self._poll.start()
            return None
        return self._show(outcome)

    async def capture_now(self) -> ReaderOutcome | None:
        """Capture an authorised reader payment and show it paid."""
        payment = self.payment
        if payment is None or self._panel._busy:
            return None
        try:
            await self._panel._call(capture_payment, payment.payment_intent_id)
        except Exception as error:  # the authorisation stays; say why
            set_role(self.message, "error")
            self.message.setText(error_text(error))
            return None
        return await self.refresh()

    def _show(self, outcome: ReaderOutcome) -> ReaderOutcome:
        panel = self._panel
        payment = self.payment
        self.outcome = outcome
        if outcome.state == "succeeded":
            self._poll.stop()
            self.payment = None
            detail = " · ".join(p for p in (
                panel._money(outcome.amount, outcome.currency),
                self.tr("tip %1").replace("%1", panel._money(outcome.tip, outcome.currency))
                if outcome.tip else "",
                card_label(outcome.card_brand, outcome.card_last4)) if p)
            panel.view.show_paid(self.tr("Paid"), detail)
            panel.center.setCurrentWidget(panel.view)
            panel._set_sale(type(panel.sale).PAID)
            return outcome
        if outcome.state == "canceled":
            self._poll.stop()
            self.payment = None
            self._state.ui_settings.remove(station_key(self._state, "open_payment"))
            panel.center.setCurrentIndex(0)
            panel._set_sale(type(panel.sale).EDITING)
            panel._say(self.tr("The reader payment was canceled; nothing was charged."),
                       "muted")
            return outcome
        assert payment is not None
        label = next((str(r.get("label")) for r in self.readers
                      if r["id"] == payment.reader_id), payment.reader_id)
        self.heading.setText(self.tr("Card reader: %1").replace("%1", label))
        self.amount.setText(panel._money(outcome.amount or payment.amount, payment.currency))
        waiting = outcome.state == "waiting"
        held = outcome.state == "requires_capture"
        set_role(self.message, "muted" if waiting else "success" if held else "error")
        self.message.setText(self._text(outcome))
        self.retry.setVisible(not waiting and not held)
        self.capture.setVisible(held)
        panel.center.setCurrentWidget(self.view)
        panel._set_sale(type(panel.sale).WAITING)
        if held:
            self._poll.stop()
        elif not self._poll.isActive():
            self._poll.start()
        return outcome

    def _text(self, outcome: ReaderOutcome) -> str:
        money = self._panel._money(outcome.amount, outcome.currency)
        return {
            "waiting": self.tr("Tap, insert or swipe on the reader."),
            "requires_capture": self.tr("Authorised %1: capture it to take the money, or "
                                        "cancel to release the hold.").replace("%1", money),
            "declined": self.tr("Declined: %1 The customer can try another card.")
            .replace("%1", outcome.message.split(" The customer")[0]),
            "timed_out": self.tr("The reader stopped waiting for a card; nothing was "
                                 "charged. Try again when the customer is ready."),
            "stopped": self.tr("The reader stopped collecting this payment (canceled on the "
                               "reader); nothing was charged. Try again, or cancel."),
            "offline": self.tr("The reader is offline: check that it is on and connected, "
                               "then try again, or choose another reader."),
            "busy": self.tr("The reader is busy with another payment (perhaps another "
                            "station's): wait for it to finish, then try again."),
        }.get(outcome.state, self.tr("The reader could not take the payment: %1")
              .replace("%1", outcome.message))

    def reset(self) -> None:
        """The next sale: forget the last payment, take it off the reader's screen and go
        back to the station's reader."""
        self._poll.stop()
        self.payment = None
        self.outcome = None
        self._state.ui_settings.remove(station_key(self._state, "open_payment"))
        self._state.spawn(self.clear_reader())
        self.choose_station_reader()

    async def resume(self) -> ReaderOutcome | None:
        """After a restart (a crash included): the reader sale this station left on the
        screen, with its true outcome read from Stripe (paid, or still collecting...)."""
        key = str(self._setting("open_payment", "") or "")
        if not key or self.payment is not None or self._panel.sale.value != "editing":
            return None
        try:
            payments: list[ReaderPayment] = await self._state.run(open_reader_payments,
                                                                  self._state.session)
            payment = next((p for p in payments if p.key == key), None)
            if payment is None:
                self._state.ui_settings.remove(station_key(self._state, "open_payment"))
                return None
            outcome: ReaderOutcome = await self._state.run(
                reader_payment_status, self._state.session, payment)
        except GatewayError:
            return None  # offline: the journal keeps it for the next start
        self.payment = payment
        self._panel._explained.add(payment.payment_intent_id)
        amount = self._panel.amount
        amount.currency_box.setCurrentIndex(max(0, amount.currency_box.findData(
            payment.currency)))
        amount.text_edit.setText(str(to_decimal(payment.amount, payment.currency)))
        self._panel.description.setText(payment.description)
        return self._show(outcome)
