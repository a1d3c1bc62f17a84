"""Card-present payments on a Stripe Terminal smart reader, driven from here (server-driven).

The reader tender, for a typed amount (`start_reader_payment`) or the sale screen's cart
(`start_cart_reader_payment`: its total, its lines as the description and the tip in the
metadata, as every cart tender records them):

1. one PaymentIntent per tender attempt (`card_present`, capture automatic or manual per
   profile), created with the attempt's idempotency key: a second click, "Check again" or a
   re-send after a crash finds the same PaymentIntent, so the sale can never be charged twice;
2. `process_payment_intent` on the station's reader, one key per try on that reader
   (`<key>/process/<try>`): a second click replays the same try; a new try (after a decline,
   a time-out, an offline or busy reader) processes the same PaymentIntent again, which can
   succeed only once;
3. `reader_payment_status` follows the reader's action and the PaymentIntent until it is paid,
   authorised (manual capture), declined (with the bank's reason), canceled or timed out;
4. `cancel_reader_payment` cancels the reader's action and then the PaymentIntent, so the
   abandoned attempt can no longer be paid; a card tapped just before is reported as paid.

The cart is shown on the reader's screen with `show_cart` (`show_sale_cart` for the sale
screen's cart: its lines after discount, the tax added and the total) and cleared with
`clear_display`.
A tip chosen on the reader is reported apart (`ReaderOutcome.tip`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import GatewayError, payment_intents, terminal
from posapp.gateway.params import (
    LocationCreateParams,
    PaymentIntentCreateParams,
    ReaderCreateParams,
    ReaderProcessPaymentIntentParams,
    ReaderSetReaderDisplayParams,
)
from posapp.money import check_amount, format_amount
from posapp.services.cart import Cart
from posapp.services.errors import ServiceError
from posapp.services.payments import card_of, describe_card
from posapp.services.sale_tenders import cart_total, sale_description, sale_metadata
from posapp.services.session import Session, perform, stripe_params
from posapp.store.journal import JournalState

__all__ = [
    "CaptureMethod",
    "CartLine",
    "ReaderOutcome",
    "ReaderPayment",
    "cancel_reader_payment",
    "cart_lines",
    "clear_display",
    "create_location",
    "delete_reader",
    "list_locations",
    "list_readers",
    "open_reader_payments",
    "reader_payment_status",
    "register_reader",
    "rename_reader",
    "retry_reader_payment",
    "show_cart",
    "show_sale_cart",
    "start_cart_reader_payment",
    "start_reader_payment",
]

CaptureMethod = Literal["automatic", "manual"]
ReaderState = Literal[
    "waiting", "succeeded", "requires_capture", "declined", "canceled", "stopped", "timed_out",
    "offline", "busy", "failed",
]
METADATA_READER = "posapp_reader"
_DAY = 24 * 3600
_PI_CREATE = "payment_intents.create"
_LATEST_CHARGE = (("latest_charge",),)
# Reader errors Stripe answers when an action cannot start, and what the cashier can do.
_READER_REFUSALS: dict[str, tuple[ReaderState, str]] = {
    "terminal_reader_offline": (
        "offline",
        "The reader is offline: check that it is on and connected, then try again, or "
        "choose another reader in Settings.",
    ),
    "terminal_reader_busy": (
        "busy",
        "The reader is busy with another payment (perhaps another station's): wait for it "
        "to finish, then try again.",
    ),
    "terminal_reader_timeout": (
        "timed_out",
        "The reader did not answer in time: try again.",
    ),
}


@dataclass(frozen=True)
class CartLine:
    """One line of the cart as the reader's screen shows it (amount is the line's total)."""

    description: str
    amount: int
    quantity: int = 1


@dataclass(frozen=True)
class ReaderPayment:
    """One tender attempt on a reader: its key, the PaymentIntent it made, the reader, and
    which try on the reader the latest `process_payment_intent` was."""

    key: str
    reader_id: str
    payment_intent_id: str
    amount: int
    currency: str
    description: str
    attempt: int = 1


@dataclass(frozen=True)
class ReaderOutcome:
    """Where a reader payment stands; `message` says it in a sentence for the cashier.

    `succeeded`: paid (`amount` includes a tip chosen on the reader, `tip` is that tip).
    `requires_capture`: authorised under manual capture; capture it to take the money.
    `canceled`: the PaymentIntent is canceled, it can never be paid.
    `declined`: the bank refused the card (`message` its reason, `decline_code`); the
    customer may try another card (`retry_reader_payment`). `stopped` (the reader's action
    was canceled there, or the reader moved on), `timed_out`, `offline`, `busy`, `failed`:
    nothing was charged and the PaymentIntent can still be paid: try again on the reader
    or cancel it (`cancel_reader_payment`); `message` says so.
    """

    state: ReaderState
    message: str
    payment_intent_id: str | None = None
    amount: int | None = None
    currency: str | None = None
    tip: int = 0
    card_brand: str | None = None
    card_last4: str | None = None
    decline_code: str | None = None
    charge_id: str | None = None

    @property
    def final(self) -> bool:
        """Whether following the reader further can change nothing."""
        return self.state in ("succeeded", "requires_capture", "canceled")


# readers and locations ----------------------------------------------------------------------


def list_readers(session: Session) -> list[dict[str, Any]]:
    """The account's readers (status and current action), newest first."""
    readers, _ = terminal.list_readers(session.gateway, {"limit": 100})
    return readers


def list_locations(session: Session) -> list[dict[str, Any]]:
    """The account's locations, newest first."""
    locations, _ = terminal.list_locations(session.gateway, {"limit": 100})
    return locations


def create_location(session: Session, display_name: str, address: dict[str, str]) -> dict[str, Any]:
    """A location to register readers at (`address` needs at least a country)."""
    if not display_name.strip():
        raise ServiceError("Name the location.", "location_name_required")
    if not address.get("country"):
        raise ServiceError("Give the location's country.", "location_country_required")
    params = stripe_params(LocationCreateParams, display_name=display_name.strip(),
                           address={k: v for k, v in address.items() if v})
    return perform(session, "terminal.location.create",
                   lambda gw: terminal.create_location(gw, params), detail=display_name)


def register_reader(
    session: Session, registration_code: str, location_id: str, label: str = ""
) -> dict[str, Any]:
    """Register a reader with the code its screen shows (`simulated-wpe` in test mode)."""
    code = registration_code.strip()
    if not code:
        raise ServiceError("Type the registration code the reader shows.",
                           "registration_code_required")
    params = stripe_params(ReaderCreateParams, registration_code=code, location=location_id,
                           label=label.strip() or None)
    return perform(session, "terminal.reader.register",
                   lambda gw: terminal.register_reader(gw, params), detail=label or code)


def rename_reader(session: Session, reader_id: str, label: str) -> dict[str, Any]:
    """Give a reader a new label."""
    if not label.strip():
        raise ServiceError("Give the reader a name.", "reader_label_required")
    return perform(session, "terminal.reader.rename",
                   lambda gw: terminal.update_reader(gw, reader_id, {"label": label.strip()}),
                   detail=label)


def delete_reader(session: Session, reader_id: str) -> dict[str, Any]:
    """Unregister a reader (it must be registered again with a new code)."""
    return perform(session, "terminal.reader.delete",
                   lambda gw: terminal.delete_reader(gw, reader_id), object_id=reader_id)


# the cart on the reader's screen -----------------------------------------------------------


def show_cart(
    session: Session,
    reader_id: str,
    currency: str,
    lines: Sequence[CartLine],
    *,
    tax: int | None = None,
) -> dict[str, Any]:
    """Show the cart on the reader's screen: its lines, the tax and the total."""
    total = sum(line.amount for line in lines) + (tax or 0)
    cart: dict[str, Any] = {
        "currency": currency.lower(),
        "line_items": [{"description": line.description[:100], "amount": line.amount,
                        "quantity": line.quantity} for line in lines],
        "total": total,
    }
    if tax is not None:
        cart["tax"] = tax
    params = stripe_params(ReaderSetReaderDisplayParams, type="cart", cart=cart)
    return terminal.set_reader_display(session.gateway, reader_id, params)


def cart_lines(cart: Cart) -> tuple[list[CartLine], int]:
    """The cart as the reader shows it: each line (the tip last) at its amount after
    discounts, and the tax added on top; together they make the cart's total."""
    priced = cart.priced()
    lines = [CartLine(p.line.description, p.subtotal - p.coupon_discount, p.line.quantity)
             for p in priced]
    return lines, sum(p.total for p in priced) - sum(line.amount for line in lines)


def show_sale_cart(session: Session, reader_id: str, cart: Cart) -> dict[str, Any]:
    """Show the sale screen's cart on the reader: its lines, the tax and the total."""
    lines, tax = cart_lines(cart)
    return show_cart(session, reader_id, cart.currency, lines, tax=tax)


def clear_display(session: Session, reader_id: str) -> dict[str, Any] | None:
    """Take the cart off the reader's screen (back to its idle screen). A reader doing
    anything else (a payment in progress) is left alone: None."""
    reader = terminal.retrieve_reader(session.gateway, reader_id)
    if (reader.get("action") or {}).get("type") != "set_reader_display":
        return None
    return terminal.cancel_action(session.gateway, reader_id)


# the tender ------------------------------------------------------------------------------


def start_reader_payment(
    session: Session,
    reader_id: str,
    amount: int,
    currency: str,
    description: str,
    *,
    idempotency_key: str,
    capture_method: CaptureMethod = "automatic",
    tipping: bool = False,
    attempt: int = 1,
    metadata: Mapping[str, str] | None = None,
) -> tuple[ReaderPayment, ReaderOutcome]:
    """Ask the reader to collect `amount`: make the attempt's PaymentIntent and start the
    reader's action (try `attempt` on it). The same key and attempt never make a second
    PaymentIntent or a second action.

    Returns the payment and where it stands, read back from Stripe: `waiting` for the card
    (or, sent again after the customer paid, `succeeded`), or `offline`/`busy` when the
    reader could not start (the PaymentIntent stays for `retry_reader_payment`).
    `tipping`: the reader offers tip choices computed on `amount`. `metadata` goes on the
    PaymentIntent beside the reader's id. Raises ServiceError for
    bad input and GatewayError otherwise, with `idempotency_key` set when the outcome is
    unknown: start it again with the same key and attempt, which cannot charge twice.
    """
    currency = currency.lower()
    check_amount(amount, currency, session.locale)
    if not description.strip():
        raise ServiceError("Describe what the payment is for; the customer sees it.",
                           "description_required")
    params = stripe_params(
        PaymentIntentCreateParams,
        amount=amount,
        currency=currency,
        allowed_payment_method_types=["card_present"],
        capture_method=capture_method,
        description=description,
        metadata={**(metadata or {}), METADATA_READER: reader_id},
    )
    intent = perform(
        session,
        "payment.reader.create",
        lambda gw: payment_intents.create_payment_intent(
            gw, params, idempotency_key=idempotency_key),
        amount=amount,
        currency=currency,
        detail=description,
    )
    payment = ReaderPayment(idempotency_key, reader_id, intent["id"], amount, currency,
                            description, attempt)
    return payment, _process(session, payment, tipping)


def start_cart_reader_payment(
    session: Session,
    reader_id: str,
    cart: Cart,
    *,
    idempotency_key: str,
    capture_method: CaptureMethod = "automatic",
    tipping: bool = False,
) -> tuple[ReaderPayment, ReaderOutcome]:
    """`start_reader_payment` for the sale screen's cart: its total, described by its lines
    (`2 × Latte, Croissant`) with the cart's metadata (the tip apart), as its other tenders
    record it. The same key never makes a second PaymentIntent."""
    return start_reader_payment(
        session, reader_id, cart_total(session, cart), cart.currency, sale_description(cart),
        idempotency_key=idempotency_key, capture_method=capture_method, tipping=tipping,
        metadata=sale_metadata(cart))


def retry_reader_payment(
    session: Session, payment: ReaderPayment, *, tipping: bool = False
) -> tuple[ReaderPayment, ReaderOutcome]:
    """Process the same PaymentIntent on the reader again (another card after a decline, or
    after a time-out, an offline or busy reader): a new try, never a second payment."""
    again = ReaderPayment(payment.key, payment.reader_id, payment.payment_intent_id,
                          payment.amount, payment.currency, payment.description,
                          payment.attempt + 1)
    return again, _process(session, again, tipping)


def _process(session: Session, payment: ReaderPayment, tipping: bool) -> ReaderOutcome:
    config: dict[str, Any] = (
        {"tipping": {"amount_eligible": payment.amount}} if tipping else {"skip_tipping": True})
    params = stripe_params(ReaderProcessPaymentIntentParams,
                           payment_intent=payment.payment_intent_id, process_config=config)
    try:
        perform(
            session,
            "payment.reader.process",
            lambda gw: terminal.process_payment_intent(
                gw, payment.reader_id, params,
                idempotency_key=f"{payment.key}/process/{payment.attempt}"),
            object_id=payment.payment_intent_id,
            amount=payment.amount,
            currency=payment.currency,
        )
    except GatewayError as error:
        refusal = _READER_REFUSALS.get(error.code or "")
        if refusal is None or error.idempotency_key:
            raise
        return ReaderOutcome(refusal[0], refusal[1], payment.payment_intent_id,
                             payment.amount, payment.currency)
    # Read back rather than assume: a replayed request (a second click, a re-send after a
    # crash) answers as the first time, while the customer may have paid since.
    return reader_payment_status(session, payment)


def reader_payment_status(session: Session, payment: ReaderPayment) -> ReaderOutcome:
    """Ask Stripe where the payment stands: the PaymentIntent first (money is the truth),
    then the reader's action. The PaymentIntent and its charge are stored in the cache."""
    gw = session.gateway
    intent = payment_intents.retrieve_payment_intent(
        gw, payment.payment_intent_id, {"expand": ["latest_charge"]})
    charge = intent.get("latest_charge") if isinstance(intent.get("latest_charge"), dict) \
        else None
    if charge:
        session.cache.upsert_object(charge)
    session.cache.upsert_object({**intent, "latest_charge": charge["id"] if charge else None})
    outcome = _intent_outcome(session, intent, charge)
    if outcome is not None:
        return outcome
    reader = terminal.retrieve_reader(gw, payment.reader_id)
    action = reader.get("action") or {}
    processing = (action.get("process_payment_intent") or {}).get("payment_intent")
    ids = {"payment_intent_id": intent["id"], "amount": intent["amount"],
           "currency": intent["currency"]}
    if reader.get("deleted"):
        return ReaderOutcome("failed", "The reader was removed: choose another reader in "
                             "Settings, then try again.", **ids)
    if processing != intent["id"]:
        if action.get("status") == "in_progress":
            return ReaderOutcome("busy", _READER_REFUSALS["terminal_reader_busy"][1], **ids)
        return ReaderOutcome("stopped", "The reader is no longer collecting this payment; "
                             "nothing was charged. Try again, or cancel the payment.", **ids)
    status = action.get("status")
    if status == "in_progress":
        if reader.get("status") == "offline":
            return ReaderOutcome("offline", _READER_REFUSALS["terminal_reader_offline"][1],
                                 **ids)
        return ReaderOutcome("waiting", "Tap, insert or swipe on the reader.", **ids)
    if status == "failed":
        return _failed_action(action, ids)
    return ReaderOutcome("waiting", "The card was read; waiting for the bank's answer.", **ids)


def _intent_outcome(session: Session, intent: dict[str, Any],
                    charge: dict[str, Any] | None) -> ReaderOutcome | None:
    status = intent.get("status")
    brand, last4 = card_of(charge)
    tip = int(((intent.get("amount_details") or {}).get("tip") or {}).get("amount") or 0)
    facts: dict[str, Any] = {
        "payment_intent_id": intent["id"], "currency": intent["currency"], "tip": tip,
        "card_brand": brand, "card_last4": last4,
        "charge_id": charge["id"] if charge else None}
    card = describe_card(brand, last4)
    tip_text = (f" (including a {format_amount(tip, intent['currency'], session.locale)} tip)"
                if tip else "")
    if status == "succeeded":
        amount = int(intent["amount_received"])
        paid = format_amount(amount, intent["currency"], session.locale)
        return ReaderOutcome("succeeded", f"Paid {paid}{tip_text}{card}.", amount=amount,
                             **facts)
    if status == "requires_capture":
        amount = int(intent["amount_capturable"])
        held = format_amount(amount, intent["currency"], session.locale)
        return ReaderOutcome("requires_capture", f"Authorised {held}{tip_text}{card}: capture "
                             "it to take the money (the hold lapses after 2 days for "
                             "card-present payments).", amount=amount, **facts)
    if status == "canceled":
        return ReaderOutcome("canceled", "The payment was canceled; nothing was charged.",
                             amount=int(intent["amount"]), **facts)
    return None


def _failed_action(action: dict[str, Any], ids: dict[str, Any]) -> ReaderOutcome:
    code = action.get("failure_code") or ""
    message = action.get("failure_message") or "The reader could not take the payment."
    api_error = action.get("api_error") or {}
    if code == "canceled":
        return ReaderOutcome("stopped", "The payment was canceled on the reader; nothing "
                             "was charged. Try again, or cancel the payment.", **ids)
    if code == "terminal_reader_timeout":
        return ReaderOutcome("timed_out", "The reader stopped waiting for a card; nothing "
                             "was charged. Try again when the customer is ready.", **ids)
    if api_error.get("type") == "card_error" or code in ("card_declined", "expired_card",
                                                         "incorrect_cvc",
                                                         "processing_error"):
        return ReaderOutcome("declined", f"{message} The customer can try another card.",
                             decline_code=api_error.get("decline_code") or code, **ids)
    return ReaderOutcome("failed", f"{message} Nothing was charged; try again.", **ids)


def cancel_reader_payment(session: Session, payment: ReaderPayment) -> ReaderOutcome:
    """Stop the attempt: cancel the reader's action if it still collects this payment, then
    cancel the PaymentIntent so it can never be paid. A card tapped just before the cancel
    is not lost: the paid (or authorised) outcome is returned instead."""
    reader = terminal.retrieve_reader(session.gateway, payment.reader_id)
    action = reader.get("action") or {}
    processing = (action.get("process_payment_intent") or {}).get("payment_intent")
    if processing == payment.payment_intent_id and action.get("status") == "in_progress":
        try:
            terminal.cancel_action(session.gateway, payment.reader_id,
                                   idempotency_key=f"{payment.key}/cancel/{payment.attempt}")
        except GatewayError as error:
            if error.idempotency_key:
                raise
            # The action ended meanwhile (a card was tapped): the PaymentIntent says how.
    try:
        perform(
            session,
            "payment.reader.cancel",
            lambda gw: payment_intents.cancel_payment_intent(
                gw, payment.payment_intent_id, {"cancellation_reason": "abandoned"}),
            object_id=payment.payment_intent_id,
            amount=payment.amount,
            currency=payment.currency,
        )
    except GatewayError as error:
        if error.idempotency_key:
            raise
        # Refused because it was paid or authorised in the meantime: report the truth.
    return reader_payment_status(session, payment)


def open_reader_payments(session: Session, *, now: float | None = None) -> list[ReaderPayment]:
    """Reader payments this station started in the last 24 hours, oldest first, from the
    journal (so they survive a crash): after a restart, `reader_payment_status` tells each
    one's true outcome and none is started a second time."""
    since = (now if now is not None else time.time()) - _DAY
    found: list[ReaderPayment] = []
    processes = {
        entry.key: entry
        for entry in session.journal.entries(
            operations=("terminal.readers.process_payment_intent",), since=since)
    }
    for entry in session.journal.entries(JournalState.SUCCEEDED, operations=(_PI_CREATE,),
                                         since=since):
        params = entry.params.get("params") or {}
        reader_id = (params.get("metadata") or {}).get(METADATA_READER)
        if not reader_id or not entry.object_id:
            continue
        tries = [int(key.rsplit("/", 1)[1]) for key in processes
                 if key.startswith(f"{entry.key}/process/")]
        found.append(ReaderPayment(entry.key, reader_id, entry.object_id,
                                   int(params["amount"]), str(params["currency"]),
                                   str(params.get("description") or ""),
                                   max(tries, default=1)))
    return found
