"""Payment links: create, retrieve, update, list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        PaymentLinkCreateParams,
        PaymentLinkListParams,
        PaymentLinkRetrieveParams,
        PaymentLinkUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "payment_links.create",
    lambda c, ids, p, o: c.v1.payment_links.create(p, o),
    find_in="payment_links",
)
_UPDATE = operation(
    "payment_links.update", lambda c, ids, p, o: c.v1.payment_links.update(ids[0], p, o)
)


def create_payment_link(
    gw: Gateway, params: PaymentLinkCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a reusable Stripe-hosted payment link; its URL is in `url`."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_payment_link(
    gw: Gateway, payment_link_id: str, params: PaymentLinkRetrieveParams | None = None
) -> dict[str, Any]:
    """One payment link."""
    return gw.read(
        "payment_links.retrieve", lambda c: c.v1.payment_links.retrieve(payment_link_id, params)
    )


def update_payment_link(
    gw: Gateway,
    payment_link_id: str,
    params: PaymentLinkUpdateParams,
    *,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Change a payment link (`active=False` switches it off)."""
    return gw.write(_UPDATE, params, (payment_link_id,), key=idempotency_key)


def list_payment_links(
    gw: Gateway, params: PaymentLinkListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of payment links, newest first, and whether more follow."""
    page = gw.read("payment_links.list", lambda c: c.v1.payment_links.list(params))
    return page["data"], page["has_more"]
