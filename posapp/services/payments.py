"""The cashier's use cases: ask for a payment on a Stripe-hosted page, follow it until it is
paid, charge a card the customer saved earlier, send an invoice, capture or cancel.

No card data passes through here: customers type their card on Stripe's pages (Checkout,
Payment Links, hosted invoices), and saved cards are charged by their PaymentMethod id.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import (
    ErrorKind,
    Gateway,
    GatewayError,
    checkout,
    payment_intents,
    payment_links,
)
from posapp.gateway.params import (
    CheckoutSessionCreateParams,
    PaymentIntentCancelParams,
    PaymentIntentCaptureParams,
    PaymentIntentCreateParams,
    PaymentLinkCreateParams,
)
from posapp.money import check_amount, check_minor_units, format_amount
from posapp.services.connect import PlatformCharge, check_platform_charge
from posapp.services.errors import ServiceError
from posapp.services.invoices import InvoiceItem, create_invoice, finalize_invoice
from posapp.services.invoices import send_invoice as send_finalized_invoice
from posapp.services.session import Session, perform, stripe_params
from posapp.store.journal import JournalState
from posapp.sync.sources import split_expanded

__all__ = [
    "ChargeOutcome",
    "ChargeState",
    "PaymentRequest",
    "PaymentStatus",
    "RequestMethod",
    "brand_name",
    "cancel_payment",
    "cancel_payment_request",
    "capture_payment",
    "card_of",
    "charge_saved_card",
    "close_overdue_requests",
    "close_payment_request",
    "describe_card",
    "open_requests",
    "payment_request_status",
    "recent_charge",
    "request_items",
    "request_payment",
    "send_invoice",
]

log = logging.getLogger(__name__)

RequestMethod = Literal["checkout", "payment_link"]
RequestState = Literal["waiting", "processing", "paid", "failed", "expired", "canceled"]
ChargeState = Literal[
    "succeeded", "processing", "declined", "authentication_required", "unknown"
]

_METADATA_DESCRIPTION = "posapp_description"
_METADATA_CUSTOMER = "posapp_customer"
_METADATA_EXPIRES = "posapp_expires_at"
_METADATA_AMOUNT = "posapp_amount"
_REQUEST_CREATES = {"checkout.sessions.create": "checkout", "payment_links.create": "payment_link"}
_DAY = 24 * 3600
_LATEST_CHARGE = (("latest_charge",),)
_CHARGE_OF_SESSION = (("payment_intent", "latest_charge"), ("payment_intent",))
_TAKEN = ("succeeded", "processing", "requires_capture")
REPEAT_WINDOW = 300
"""Seconds within which a second charge of the same amount to the same customer is
questioned ("charge again?")."""


@dataclass(frozen=True)
class PaymentRequest:
    """A payment asked of a customer on a Stripe-hosted page (show `url` as link or QR).

    `id` is the Checkout session (`cs_…`) or the payment link (`plink_…`). A Checkout page
    expires at `expires_at` (Stripe closes it); a payment link is switched off by the app
    after its `expires_at` (`close_overdue_requests`), or once paid. `created` is when this
    station made it (Unix seconds).
    """

    method: RequestMethod
    id: str
    url: str
    amount: int
    currency: str
    description: str
    customer_id: str | None
    expires_at: int | None
    created: int | None = None


@dataclass(frozen=True)
class PaymentStatus:
    """Where a payment request stands; `message` says it in a sentence for the cashier.

    Paid: `amount`, `card_brand`, `card_last4` and the payment's ids are set. `failed`: the
    customer's last attempt was refused (`message` says why); the page is still open and
    they may try another card.
    """

    state: RequestState
    message: str
    amount: int | None = None
    currency: str | None = None
    card_brand: str | None = None
    card_last4: str | None = None
    payment_intent_id: str | None = None
    charge_id: str | None = None


@dataclass(frozen=True)
class ChargeOutcome:
    """What came of charging a saved card.

    `succeeded`: paid, with the card's brand and last4. `declined`: `message` is the bank's
    reason as Stripe words it for a cashier (`decline_code` the machine-readable one).
    `authentication_required`: the bank wants the customer to confirm; `payment_request` is
    a hosted page to send them (its `url`), followed like any other payment request.
    `unknown`: retries ran out and Stripe may or may not have charged; nothing is known
    until the same tender is sent again with its `idempotency_key`.
    """

    state: ChargeState
    message: str
    payment_intent_id: str | None
    amount: int
    currency: str
    card_brand: str | None = None
    card_last4: str | None = None
    decline_code: str | None = None
    payment_request: PaymentRequest | None = None
    idempotency_key: str | None = None


def card_of(charge: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """The card brand and last four digits a charge was paid with, when it was a card
    (online, or read by a Terminal reader)."""
    details = (charge or {}).get("payment_method_details") or {}
    card = details.get("card") or details.get("card_present") or {}
    return card.get("brand"), card.get("last4")


# How card networks write their names, for Stripe's `brand` and `display_brand` values.
_BRAND_NAMES = {
    "amex": "American Express", "american_express": "American Express",
    "cartes_bancaires": "Cartes Bancaires", "diners": "Diners Club",
    "diners_club": "Diners Club", "eftpos_au": "eftpos Australia",
    "eftpos_australia": "eftpos Australia", "jcb": "JCB", "unionpay": "UnionPay",
    "union_pay": "UnionPay",
}


def brand_name(brand: str | None) -> str:
    """A card brand as people write it: `amex` -> American Express, `mastercard` ->
    Mastercard, `unionpay` -> UnionPay; "Card" without one."""
    key = (brand or "card").lower()
    return _BRAND_NAMES.get(key) or key.replace("_", " ").title()


def describe_card(brand: str | None, last4: str | None) -> str:
    """` with American Express •••• 0005` to end a sentence ("" without the last 4)."""
    if not last4:
        return ""
    return f" with {brand_name(brand)} •••• {last4}"


def request_payment(
    session: Session,
    amount: int,
    currency: str,
    description: str,
    customer_id: str | None = None,
    method: RequestMethod = "checkout",
    *,
    expires_in: int | None = None,
    expires_at: int | None = None,
    idempotency_key: str | None = None,
) -> PaymentRequest:
    """Ask for `amount` on a Stripe-hosted page and return its link.

    `checkout` makes a one-time Checkout Session (expires after `expires_in` seconds,
    30 minutes to 24 hours; Stripe's default is 24 hours) that can carry the customer.
    `payment_link` makes a Payment Link limited to one purchase (Stripe switches it off
    once it is paid); links never expire at Stripe, so `expires_in` is kept in its metadata
    and the app switches it off after that (`close_overdue_requests`); a customer id is
    kept in its metadata too (payment links cannot take a customer). `expires_at` (Unix
    seconds) may be given instead of `expires_in`: a tender sent again with its
    `idempotency_key` must send the same time. The same key never makes a second page.
    """
    currency = currency.lower()
    check_amount(amount, currency, session.locale)
    if not description.strip():
        raise ServiceError("Describe what the payment is for; the customer sees it.",
                           "description_required")
    line_item = {
        "quantity": 1,
        "price_data": {
            "currency": currency,
            "unit_amount": amount,
            "product_data": {"name": description},
        },
    }
    return request_items(session, [line_item], amount, currency, description, customer_id,
                         method, expires_in=expires_in, expires_at=expires_at,
                         idempotency_key=idempotency_key)


def request_items(
    session: Session,
    line_items: list[dict[str, Any]],
    amount: int,
    currency: str,
    description: str,
    customer_id: str | None = None,
    method: RequestMethod = "checkout",
    *,
    expires_in: int | None = None,
    expires_at: int | None = None,
    idempotency_key: str | None = None,
    checkout_extra: Mapping[str, Any] | None = None,
    metadata_extra: Mapping[str, str] | None = None,
    receipt_email: str | None = None,
) -> PaymentRequest:
    """`request_payment` for Stripe line items (`price` or `price_data`, with `tax_rates`)
    that come to `amount`: a cart's. `checkout_extra` adds Checkout parameters
    (`discounts`, `allow_promotion_codes`, `automatic_tax`); `metadata_extra` goes on the
    request and its payment (the tip, so reports can separate it); Stripe e-mails a receipt
    to `receipt_email` once paid (Checkout only)."""
    metadata = {_METADATA_DESCRIPTION: description[:500], **(metadata_extra or {})}
    if metadata_extra:
        metadata[_METADATA_AMOUNT] = str(amount)
    now = int(time.time())
    if expires_in:
        expires_at = now + expires_in
    create: Callable[[Gateway], dict[str, Any]]
    if method == "checkout":
        intent_data: dict[str, Any] = {"description": description}
        if metadata_extra:
            intent_data["metadata"] = dict(metadata_extra)
        if receipt_email:
            intent_data["receipt_email"] = receipt_email
        params = stripe_params(
            CheckoutSessionCreateParams,
            mode="payment",
            line_items=line_items,
            customer=customer_id,
            payment_intent_data=intent_data,
            metadata=metadata,
            expires_at=expires_at,
            **(checkout_extra or {}),
        )
        create = functools.partial(
            checkout.create_session, params=params, idempotency_key=idempotency_key
        )
    else:
        if customer_id:
            metadata[_METADATA_CUSTOMER] = customer_id
        if expires_at:
            metadata[_METADATA_EXPIRES] = str(expires_at)
        link_params = stripe_params(
            PaymentLinkCreateParams,
            line_items=line_items,
            metadata=metadata,
            payment_intent_data={"description": description, "metadata": metadata},
            restrictions={"completed_sessions": {"limit": 1}},
        )
        create = functools.partial(
            payment_links.create_payment_link,
            params=link_params,
            idempotency_key=idempotency_key,
        )
    created = perform(
        session,
        "payment_request.create",
        create,
        amount=amount,
        currency=currency,
        detail=description,
    )
    return PaymentRequest(
        method,
        created["id"],
        created["url"],
        amount,
        currency,
        description,
        customer_id,
        created.get("expires_at") or expires_at,
        created.get("created") or now,
    )


def payment_request_status(session: Session, request: PaymentRequest) -> PaymentStatus:
    """Ask Stripe where `request` stands now; the objects read are stored in the cache."""
    gw = session.gateway
    if request.method == "checkout":
        found = checkout.retrieve_session(
            gw, request.id, {"expand": ["payment_intent", "payment_intent.latest_charge"]}
        )
        return _checkout_status(session, found, request)
    link = payment_links.retrieve_payment_link(gw, request.id)
    session.cache.upsert_object(link)
    sessions, _ = checkout.list_sessions(
        gw,
        {
            "payment_link": request.id,
            "limit": 10,
            "expand": ["data.payment_intent", "data.payment_intent.latest_charge"],
        },
    )
    statuses = [_checkout_status(session, s, request) for s in sessions]
    for wanted in ("paid", "processing", "failed"):
        for status in statuses:
            if status.state == wanted:
                return status
    if not link.get("active"):
        return PaymentStatus("canceled", "The payment link was switched off.")
    return PaymentStatus("waiting", "Waiting for the customer to pay.")


def _checkout_status(
    session: Session, found: dict[str, Any], request: PaymentRequest
) -> PaymentStatus:
    intent = _expanded(found, "payment_intent")
    charge = _expanded(intent, "latest_charge")
    flat, inner = split_expanded(found, _CHARGE_OF_SESSION)
    for obj in [*inner, flat]:
        session.cache.upsert_object(obj)
    brand, last4 = card_of(charge)
    ids = {
        "payment_intent_id": intent["id"] if intent else None,
        "charge_id": charge["id"] if charge else None,
    }
    amount = found.get("amount_total") or request.amount
    currency = found.get("currency") or request.currency
    if found.get("status") == "complete":
        if found.get("payment_status") in ("paid", "no_payment_required"):
            paid = format_amount(amount, currency, session.locale)
            return PaymentStatus(
                "paid",
                f"Paid {paid}{describe_card(brand, last4)}.",
                amount,
                currency,
                brand,
                last4,
                **ids,
            )
        return PaymentStatus(
            "processing",
            "The customer has paid; the bank is still confirming the payment.",
            amount,
            currency,
            brand,
            last4,
            **ids,
        )
    if found.get("status") == "expired":
        return PaymentStatus("expired", "The payment page expired without a payment.", **ids)
    error = (intent or {}).get("last_payment_error") or {}
    if error:
        reason = error.get("message") or "The card was declined."
        return PaymentStatus(
            "failed", f"{reason} The customer can try another card on the page.", **ids
        )
    return PaymentStatus("waiting", "Waiting for the customer to pay.", **ids)


def _expanded(obj: Mapping[str, Any] | None, name: str) -> dict[str, Any] | None:
    value = (obj or {}).get(name)
    return value if isinstance(value, dict) else None


def cancel_payment_request(
    session: Session, request: PaymentRequest, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Stop `request` from being paid: expire the Checkout page or switch the link off.

    Stripe refuses (GatewayError) to expire a Checkout page that was already paid.
    """
    if request.method == "checkout":
        return perform(
            session,
            "payment_request.cancel",
            lambda gw: checkout.expire_session(gw, request.id, idempotency_key=idempotency_key),
            object_id=request.id,
            amount=request.amount,
            currency=request.currency,
        )
    return perform(
        session,
        "payment_request.cancel",
        lambda gw: payment_links.update_payment_link(
            gw, request.id, {"active": False}, idempotency_key=idempotency_key
        ),
        object_id=request.id,
        amount=request.amount,
        currency=request.currency,
    )


def close_payment_request(
    session: Session, request: PaymentRequest, *, idempotency_key: str | None = None
) -> PaymentStatus:
    """Close `request` at Stripe first, then say where it ended: `paid` (or `processing`)
    when the customer paid before it closed, so that payment is never missed; `canceled`
    otherwise. An unknown outcome of the close raises GatewayError with its key (send the
    same close again with it); a close Stripe refuses because the request was paid returns
    that payment."""
    try:
        cancel_payment_request(session, request, idempotency_key=idempotency_key)
    except GatewayError as error:
        if error.idempotency_key:
            raise
        status = payment_request_status(session, request)
        if status.state in ("waiting", "failed"):
            raise  # still open: the close really failed
    else:
        status = payment_request_status(session, request)
    if status.state in ("paid", "processing"):
        return status
    return PaymentStatus("canceled", "The payment request was closed; it can no longer be paid.")


def open_requests(session: Session, *, now: float | None = None) -> list[PaymentRequest]:
    """Payment requests this station made in the last 24 hours that are still open as far
    as the cache knows, oldest first (from the journal, so they survive a restart)."""
    since = (now if now is not None else time.time()) - _DAY
    found: list[PaymentRequest] = []
    for entry in session.journal.entries(
        JournalState.SUCCEEDED, operations=tuple(_REQUEST_CREATES), since=since
    ):
        method: RequestMethod = "checkout"
        if _REQUEST_CREATES[entry.operation] == "payment_link":
            method = "payment_link"
        table = "checkout_sessions" if method == "checkout" else "payment_links"
        obj = session.cache.get(table, entry.object_id or "")
        if obj is None or obj.get("deleted"):
            continue
        if (obj.get("status") != "open") if method == "checkout" else not obj.get("active"):
            continue
        found.append(_request_from(method, obj, entry.params.get("params") or {}))
    return found


def _request_from(
    method: RequestMethod, obj: Mapping[str, Any], params: Mapping[str, Any]
) -> PaymentRequest:
    metadata = obj.get("metadata") or params.get("metadata") or {}
    price = ((params.get("line_items") or [{}])[0]).get("price_data") or {}
    expires = obj.get("expires_at") or metadata.get(_METADATA_EXPIRES)
    return PaymentRequest(
        method,
        obj["id"],
        obj.get("url") or "",
        int(metadata.get(_METADATA_AMOUNT) or price.get("unit_amount")
            or obj.get("amount_total") or 0),
        str(price.get("currency") or obj.get("currency") or ""),
        str(metadata.get(_METADATA_DESCRIPTION) or ""),
        params.get("customer") or metadata.get(_METADATA_CUSTOMER),
        int(expires) if expires else None,
        obj.get("created"),
    )


def close_overdue_requests(session: Session, *, now: float | None = None) -> list[PaymentRequest]:
    """Switch off this station's payment links whose expiry has passed (Stripe closes
    Checkout pages itself); returns those closed."""
    moment = now if now is not None else time.time()
    closed: list[PaymentRequest] = []
    for request in open_requests(session, now=moment):
        if request.method == "payment_link" and request.expires_at and request.expires_at <= moment:
            cancel_payment_request(session, request)
            closed.append(request)
    return closed


def charge_saved_card(
    session: Session,
    customer_id: str,
    payment_method_id: str,
    amount: int,
    currency: str,
    description: str,
    *,
    idempotency_key: str | None = None,
    platform: PlatformCharge | None = None,
) -> ChargeOutcome:
    """Charge a card the customer saved earlier, without them present (off-session).

    `platform`: a platform's destination charge for a connected account, or the
    application fee of a direct charge made while acting as one (services.connect).

    `idempotency_key` is the tender attempt's key: charging again with it ("Check again"
    after an `unknown` outcome, or a second click) sends the same request, which Stripe
    carries out at most once.

    Declines come back as a `declined` outcome with the reason, not as an exception.
    When the bank insists on authentication (SCA), Stripe's guidance is to bring the
    customer back on-session to confirm the payment themselves. PosApp has no web page of
    its own, so it makes a Stripe-hosted Checkout page for the same amount and customer:
    the customer opens the link, pays with the card and passes the bank's check there;
    the cashier follows it with `payment_request_status` as any other request. The
    declined attempt stays on record at Stripe as an incomplete payment.
    Other failures (offline, bad request) raise GatewayError.
    """
    currency = currency.lower()
    check_amount(amount, currency, session.locale)
    check_platform_charge(platform, amount)
    params: PaymentIntentCreateParams = {
        "amount": amount,
        "currency": currency,
        "customer": customer_id,
        "payment_method": payment_method_id,
        "description": description,
        "off_session": True,
        "confirm": True,
        "expand": ["latest_charge"],
    }
    if platform is not None:
        platform.apply(params)
    try:
        intent = perform(
            session,
            "payment.charge_saved_card",
            lambda gw: payment_intents.create_payment_intent(
                gw, params, idempotency_key=idempotency_key
            ),
            amount=amount,
            currency=currency,
            detail=description,
            expanded=_LATEST_CHARGE,
        )
    except GatewayError as error:
        if error.idempotency_key:
            return ChargeOutcome(
                "unknown",
                "We don't know yet whether this went through: Stripe did not answer. "
                "PosApp checks again with the same request, which cannot charge twice.",
                None,
                amount,
                currency,
                idempotency_key=error.idempotency_key,
            )
        if error.kind is ErrorKind.CARD_DECLINED:
            _refresh_intent(session, error.payment_intent_id)
            return ChargeOutcome(
                "declined",
                error.message,
                error.payment_intent_id,
                amount,
                currency,
                decline_code=error.decline_code or error.code,
            )
        if error.kind is ErrorKind.AUTHENTICATION_REQUIRED:
            _refresh_intent(session, error.payment_intent_id)
            hosted = request_payment(
                session,
                amount,
                currency,
                description,
                customer_id,
                idempotency_key=f"{idempotency_key}-confirm" if idempotency_key else None,
            )
            return ChargeOutcome(
                "authentication_required",
                "This payment needs the customer to confirm it with their bank: send them "
                "this page to pay.",
                error.payment_intent_id,
                amount,
                currency,
                payment_request=hosted,
            )
        raise
    brand, last4 = card_of(_expanded(intent, "latest_charge"))
    if intent.get("status") == "succeeded":
        paid = format_amount(amount, currency, session.locale)
        return ChargeOutcome(
            "succeeded",
            f"Paid {paid}{describe_card(brand, last4)}.",
            intent["id"],
            amount,
            currency,
            brand,
            last4,
        )
    return ChargeOutcome(
        "processing",
        "The payment was accepted and is still being processed by the bank.",
        intent["id"],
        amount,
        currency,
        brand,
        last4,
    )


def recent_charge(
    session: Session,
    customer_id: str,
    amount: int,
    currency: str,
    *,
    now: float | None = None,
) -> dict[str, Any] | None:
    """The customer's latest payment of `amount` taken in the last `REPEAT_WINDOW` seconds,
    as the cache knows it (None when there is none): a second one is probably a mistake."""
    since = int(now if now is not None else time.time()) - REPEAT_WINDOW
    rows = session.cache.page(
        "payment_intents",
        filters={
            "customer": customer_id,
            "amount": amount,
            "currency": currency.lower(),
            "status": list(_TAKEN),
        },
        since=since,
        limit=1,
    ).rows
    return rows[0] if rows else None


def _refresh_intent(session: Session, payment_intent_id: str | None) -> None:
    """Store a declined payment intent and its failed charge, so views show the attempt;
    a failure to read them is logged, not raised (the decline is what the cashier needs)."""
    if payment_intent_id is None:
        return
    try:
        intent = payment_intents.retrieve_payment_intent(
            session.gateway, payment_intent_id, {"expand": ["latest_charge"]}
        )
    except GatewayError as error:
        log.warning("declined payment %s not refreshed: %s", payment_intent_id, error)
        return
    flat, inner = split_expanded(intent, _LATEST_CHARGE)
    for obj in [*inner, flat]:
        session.cache.upsert_object(obj)


def send_invoice(
    session: Session,
    customer_id: str,
    amount: int,
    currency: str,
    description: str,
    days_until_due: int,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Bill the customer by e-mail: a one-line invoice, finalized and sent by Stripe, due in
    `days_until_due` days; the customer pays on its hosted page (`hosted_invoice_url`).

    Every step's key is made from `idempotency_key`: when the outcome is unknown (retries
    ran out, or a read between the steps failed) doing it again with the same key finishes
    it without a second invoice or e-mail."""
    def step(name: str) -> str | None:
        return f"{idempotency_key}/{name}" if idempotency_key else None

    currency = currency.lower()
    check_amount(amount, currency, session.locale)
    draft = create_invoice(
        session,
        customer_id,
        currency,
        [InvoiceItem(description, amount)],
        collection_method="send_invoice",
        days_until_due=days_until_due,
        idempotency_key=idempotency_key,
    )
    finalize_invoice(session, draft["id"], idempotency_key=step("finalize"))
    return send_finalized_invoice(session, draft["id"], idempotency_key=step("send"))


def capture_payment(
    session: Session, payment_intent_id: str, amount: int | None = None
) -> dict[str, Any]:
    """Capture an authorized payment, fully or `amount` of it (the rest is released).

    An `amount` that is not whole minor units within Stripe's bounds is refused locally."""
    if amount is not None:
        check_minor_units(amount)
    params = stripe_params(
        PaymentIntentCaptureParams, amount_to_capture=amount, expand=["latest_charge"]
    )
    return perform(
        session,
        "payment.capture",
        lambda gw: payment_intents.capture_payment_intent(gw, payment_intent_id, params),
        object_id=payment_intent_id,
        amount=amount,
        expanded=_LATEST_CHARGE,
    )


def cancel_payment(
    session: Session, payment_intent_id: str, reason: str | None = None
) -> dict[str, Any]:
    """Cancel a payment that is not complete (an uncaptured one releases the hold)."""
    params = stripe_params(PaymentIntentCancelParams, cancellation_reason=reason)
    return perform(
        session,
        "payment.cancel",
        lambda gw: payment_intents.cancel_payment_intent(gw, payment_intent_id, params),
        object_id=payment_intent_id,
    )

