"""Refunds: how much of a payment can still be given back, and giving it back.

The limit is checked twice: against the cached charge before anything is sent (so the
cashier hears at once, offline too), and by Stripe, which knows refunds the cache may not
have heard of yet. When Stripe refuses, the charge is fetched again so the next check is
right.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import (
    METADATA_KEY,
    ErrorKind,
    GatewayError,
    charges,
    payment_intents,
    refunds,
)
from posapp.gateway.params import RefundCreateParams
from posapp.money import AmountError, check_amount, check_minor_units, format_amount
from posapp.services.customers import check_metadata
from posapp.services.errors import ServiceError
from posapp.services.payments import card_of
from posapp.services.session import Session, perform, stripe_params
from posapp.store.cache import Cache

__all__ = [
    "NOTE_KEY",
    "RefundBlocked",
    "RefundReason",
    "RefundTooLarge",
    "Refundable",
    "refund_payment",
    "refundable",
    "refundable_amount",
]

log = logging.getLogger(__name__)

RefundReason = Literal["duplicate", "fraudulent", "requested_by_customer"]

NOTE_KEY = "posapp_note"
"""The metadata key where a refund's internal note is kept."""


class RefundTooLarge(AmountError):
    """A refund above what remains refundable; the message gives both amounts."""


BlockedReason = Literal["not_succeeded", "not_captured", "disputed", "no_charge"]

_BLOCKED = {
    "not_succeeded": "This payment did not succeed; there is nothing to refund.",
    "not_captured": "This payment is not captured yet: cancel it to release the hold instead.",
    "disputed": "This payment is disputed: respond to the dispute instead of refunding.",
    "no_charge": "This payment has no successful charge to refund.",
}


class RefundBlocked(ServiceError):
    """Nothing can be refunded of this payment; ``code`` is a `BlockedReason`."""

    def __init__(self, code: BlockedReason) -> None:
        super().__init__(_BLOCKED[code], code)


@dataclass(frozen=True)
class Refundable:
    """What can still be refunded of one charge, as the cache knows it, with the customer
    and card a confirmation shows."""

    charge_id: str
    payment_intent_id: str | None
    amount: int
    refunded: int
    remaining: int
    currency: str
    customer_id: str | None = None
    card_brand: str | None = None
    card_last4: str | None = None
    blocked: BlockedReason | None = None
    """Why nothing can be refunded at all (not captured, failed, disputed), else None."""


def _cached_charge(cache: Cache, payment_id: str) -> dict[str, Any] | None:
    if payment_id.startswith(("ch_", "py_")):
        return cache.get("charges", payment_id)
    intent = cache.get("payment_intents", payment_id)
    charge_id = (intent or {}).get("latest_charge")
    if isinstance(charge_id, Mapping):
        charge_id = charge_id.get("id")
    if isinstance(charge_id, str):
        charge = cache.get("charges", charge_id)
        if charge is not None:
            return charge
    page = cache.page(
        "charges", filters={"payment_intent": payment_id, "status": "succeeded"}, limit=1
    )
    return page.rows[0] if page.rows else None


def _refundable_of(charge: Mapping[str, Any]) -> Refundable:
    amount = int(charge.get("amount") or 0)
    captured = charge.get("amount_captured")
    paid = int(captured) if isinstance(captured, int) and charge.get("captured") else 0
    # After a partial capture Stripe counts the released rest in `amount_refunded`.
    refunded = max(int(charge.get("amount_refunded") or 0) - (amount - paid), 0)
    blocked: BlockedReason | None = None
    if charge.get("status") != "succeeded":
        blocked = "not_succeeded"
    elif not charge.get("captured"):
        blocked = "not_captured"
    elif charge.get("disputed"):
        blocked = "disputed"
    intent = charge.get("payment_intent")
    customer = charge.get("customer")
    brand, last4 = card_of(charge)
    return Refundable(
        charge_id=str(charge["id"]),
        payment_intent_id=intent if isinstance(intent, str) else None,
        amount=paid,
        refunded=refunded,
        remaining=0 if blocked else max(paid - refunded, 0),
        currency=str(charge.get("currency", "")),
        customer_id=customer if isinstance(customer, str) else None,
        card_brand=brand,
        card_last4=last4,
        blocked=blocked,
    )


def refundable(cache: Cache, payment_id: str) -> Refundable | None:
    """What remains refundable of a payment (`pi_…`) or charge (`ch_…`), from the cached
    charge; None when the cache holds no charge for it."""
    charge = _cached_charge(cache, payment_id)
    return None if charge is None else _refundable_of(charge)


def refundable_amount(cache: Cache, payment_id: str) -> int:
    """Minor units still refundable of a payment or charge, per the cache (0 if unknown)."""
    found = refundable(cache, payment_id)
    return 0 if found is None else found.remaining


def _refresh_charge(session: Session, payment_id: str) -> Refundable | None:
    """Fetch the payment's charge from Stripe into the cache and say what it allows."""
    gw = session.gateway
    if payment_id.startswith(("ch_", "py_")):
        charge: dict[str, Any] | None = charges.retrieve_charge(gw, payment_id)
    else:
        intent = payment_intents.retrieve_payment_intent(
            gw, payment_id, {"expand": ["latest_charge"]}
        )
        latest = intent.get("latest_charge")
        charge = latest if isinstance(latest, dict) else None
        session.cache.upsert_object({**intent, "latest_charge": charge["id"] if charge else None})
    if charge is None:
        return None
    session.cache.upsert_object(charge)
    return _refundable_of(charge)


def _too_large(
    session: Session, asked: int, found: Refundable, *, stripe_said: bool
) -> RefundTooLarge:
    def fmt(minor: int) -> str:
        return format_amount(minor, found.currency, session.locale)

    amounts = {"asked": fmt(asked), "remaining": fmt(found.remaining),
               "amount": fmt(found.amount), "refunded": fmt(found.refunded)}
    if found.remaining == 0:
        code = "nothing_left" if found.refunded else "nothing_to_refund"
        text = f"Nothing is left to refund on this payment of {fmt(found.amount)}"
        text += f" ({fmt(found.refunded)} already refunded)." if found.refunded else "."
    else:
        code = "refund_too_large"
        text = (
            f"{fmt(asked)} is more than can be refunded: {fmt(found.remaining)} of "
            f"{fmt(found.amount)} remains ({fmt(found.refunded)} already refunded)."
        )
    if stripe_said:
        text += " Stripe knew of refunds this computer had not seen yet; the payment is updated."
    return RefundTooLarge(text, code, stripe_said="yes" if stripe_said else "", **amounts)


def refund_payment(
    session: Session,
    payment_id: str,
    amount: int | None = None,
    reason: RefundReason | None = None,
    note: str = "",
    *,
    idempotency_key: str | None = None,
    reverse_transfer: bool = False,
    refund_application_fee: bool = False,
    metadata: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Refund `amount` (minor units; None for all that remains) of a payment or charge.

    A platform's refund of a destination charge may take the transfer back from the
    connected account (`reverse_transfer`) and give its application fee back
    (`refund_application_fee`), both in proportion to the amount refunded.

    An amount that is not a whole number of minor units within Stripe's bounds is refused
    (AmountError) before anything is looked up or sent.

    Blocked before sending (RefundTooLarge) when above what the cached charge leaves; if
    the cache has no charge for it, Stripe is asked first. `note` is kept in the refund's
    metadata. If Stripe refuses because the cache was behind, the charge is fetched again
    and RefundTooLarge says what really remains. The refund and the updated charge are
    stored in the cache; `metadata` goes on the refund too. `idempotency_key` is the refund
    attempt's key: sending it again after an unknown outcome skips the checks (the first
    attempt may already count against what remains) and Stripe refunds at most once.
    """
    if amount is not None:
        check_minor_units(amount)
    again = bool(idempotency_key) and session.journal.get(idempotency_key or "") is not None
    found = refundable(session.cache, payment_id) or _refresh_charge(session, payment_id)
    if found is None:
        raise RefundBlocked("no_charge")
    if found.blocked and not again:
        raise RefundBlocked(found.blocked)
    if amount is not None:
        check_amount(amount, found.currency, session.locale, minimum=False)
    asked = found.remaining if amount is None else amount
    if not again and (asked > found.remaining or found.remaining == 0):
        raise _too_large(session, asked, found, stripe_said=False)
    extra = {**(metadata or {}), **({NOTE_KEY: note} if note else {})}
    sent = check_metadata(extra, {METADATA_KEY: "reserved"}) if extra else None
    params = stripe_params(
        RefundCreateParams, charge=found.charge_id, amount=amount, reason=reason, metadata=sent,
        reverse_transfer=reverse_transfer or None,
        refund_application_fee=refund_application_fee or None,
    )
    try:
        refund = perform(
            session,
            "refund.create",
            lambda gw: refunds.create_refund(gw, params, idempotency_key=idempotency_key),
            object_id=found.payment_intent_id or found.charge_id,
            amount=asked,
            currency=found.currency,
            detail=note,
        )
    except GatewayError as error:
        if error.kind is not ErrorKind.INVALID_REQUEST:
            raise
        fresh = _refresh_charge(session, found.charge_id)
        if fresh is not None and fresh.blocked:
            raise RefundBlocked(fresh.blocked) from error
        if fresh is not None and asked > fresh.remaining:
            raise _too_large(session, asked, fresh, stripe_said=True) from error
        raise
    try:
        _refresh_charge(session, found.charge_id)
    except GatewayError as error:
        # The refund is done: an error now would invite the cashier to refund again.
        log.warning("refund %s made; charge not refreshed: %s", refund["id"], error)
    return refund
