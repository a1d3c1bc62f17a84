"""Payment intents: create, retrieve, update, confirm, capture, cancel, list, search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        PaymentIntentCancelParams,
        PaymentIntentCaptureParams,
        PaymentIntentConfirmParams,
        PaymentIntentCreateParams,
        PaymentIntentListParams,
        PaymentIntentRetrieveParams,
        PaymentIntentSearchParams,
        PaymentIntentUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "payment_intents.create",
    lambda c, ids, p, o: c.v1.payment_intents.create(p, o),
    find_in="payment_intents",
    moves_money=True,
)
_UPDATE = operation(
    "payment_intents.update", lambda c, ids, p, o: c.v1.payment_intents.update(ids[0], p, o)
)
_CONFIRM = operation(
    "payment_intents.confirm",
    lambda c, ids, p, o: c.v1.payment_intents.confirm(ids[0], p, o),
    moves_money=True,
)
_CAPTURE = operation(
    "payment_intents.capture",
    lambda c, ids, p, o: c.v1.payment_intents.capture(ids[0], p, o),
    moves_money=True,
)
_CANCEL = operation(
    "payment_intents.cancel", lambda c, ids, p, o: c.v1.payment_intents.cancel(ids[0], p, o)
)


def create_payment_intent(
    gw: Gateway, params: PaymentIntentCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a payment intent (with `confirm=True`, also try to charge it); the same
    `idempotency_key` (one tender attempt) never makes a second one."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_payment_intent(
    gw: Gateway, payment_intent_id: str, params: PaymentIntentRetrieveParams | None = None
) -> dict[str, Any]:
    """One payment intent."""
    return gw.read(
        "payment_intents.retrieve",
        lambda c: c.v1.payment_intents.retrieve(payment_intent_id, params),
    )


def update_payment_intent(
    gw: Gateway, payment_intent_id: str, params: PaymentIntentUpdateParams
) -> dict[str, Any]:
    """Change a payment intent that is not yet paid."""
    return gw.write(_UPDATE, params, (payment_intent_id,))


def confirm_payment_intent(
    gw: Gateway, payment_intent_id: str, params: PaymentIntentConfirmParams | None = None
) -> dict[str, Any]:
    """Try to charge a payment intent with its (or the given) payment method."""
    return gw.write(_CONFIRM, params, (payment_intent_id,))


def capture_payment_intent(
    gw: Gateway, payment_intent_id: str, params: PaymentIntentCaptureParams | None = None
) -> dict[str, Any]:
    """Capture an authorised payment (all of it, or `amount_to_capture`)."""
    return gw.write(_CAPTURE, params, (payment_intent_id,))


def cancel_payment_intent(
    gw: Gateway, payment_intent_id: str, params: PaymentIntentCancelParams | None = None
) -> dict[str, Any]:
    """Cancel a payment intent that has not succeeded."""
    return gw.write(_CANCEL, params, (payment_intent_id,))


def list_payment_intents(
    gw: Gateway, params: PaymentIntentListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of payment intents, newest first, and whether more follow."""
    page = gw.read("payment_intents.list", lambda c: c.v1.payment_intents.list(params))
    return page["data"], page["has_more"]


def search_payment_intents(
    gw: Gateway, params: PaymentIntentSearchParams
) -> tuple[list[dict[str, Any]], str | None]:
    """Payment intents matching a search query, and the next page's token (None at the end)."""
    page = gw.read("payment_intents.search", lambda c: c.v1.payment_intents.search(params))
    return page["data"], page.get("next_page")
