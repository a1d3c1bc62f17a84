"""Subscriptions: create, retrieve, update, cancel, resume, list, search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        SubscriptionCancelParams,
        SubscriptionCreateParams,
        SubscriptionListParams,
        SubscriptionResumeParams,
        SubscriptionRetrieveParams,
        SubscriptionSearchParams,
        SubscriptionUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "subscriptions.create",
    lambda c, ids, p, o: c.v1.subscriptions.create(p, o),
    find_in="subscriptions",
)
_UPDATE = operation(
    "subscriptions.update", lambda c, ids, p, o: c.v1.subscriptions.update(ids[0], p, o)
)
_CANCEL = operation(
    "subscriptions.cancel",
    lambda c, ids, p, o: c.v1.subscriptions.cancel(ids[0], p, o),
    refetch=lambda c, ids: c.v1.subscriptions.retrieve(ids[0]),
)
_RESUME = operation(
    "subscriptions.resume", lambda c, ids, p, o: c.v1.subscriptions.resume(ids[0], p, o)
)


def create_subscription(gw: Gateway, params: SubscriptionCreateParams) -> dict[str, Any]:
    """Start a subscription for a customer."""
    return gw.write(_CREATE, params)


def retrieve_subscription(
    gw: Gateway, subscription_id: str, params: SubscriptionRetrieveParams | None = None
) -> dict[str, Any]:
    """One subscription (its periods are on `items.data[].current_period_*`)."""
    return gw.read(
        "subscriptions.retrieve",
        lambda c: c.v1.subscriptions.retrieve(subscription_id, params),
    )


def update_subscription(
    gw: Gateway, subscription_id: str, params: SubscriptionUpdateParams
) -> dict[str, Any]:
    """Change a subscription (items, `cancel_at_period_end`, metadata ...)."""
    return gw.write(_UPDATE, params, (subscription_id,))


def cancel_subscription(
    gw: Gateway, subscription_id: str, params: SubscriptionCancelParams | None = None
) -> dict[str, Any]:
    """Cancel a subscription now (to cancel at period end, update it instead)."""
    return gw.write(_CANCEL, params, (subscription_id,))


def resume_subscription(
    gw: Gateway, subscription_id: str, params: SubscriptionResumeParams | None = None
) -> dict[str, Any]:
    """Resume a paused subscription."""
    return gw.write(_RESUME, params, (subscription_id,))


def list_subscriptions(
    gw: Gateway, params: SubscriptionListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of subscriptions, newest first, and whether more follow.

    Stripe leaves canceled ones out unless `status="all"`.
    """
    page = gw.read("subscriptions.list", lambda c: c.v1.subscriptions.list(params))
    return page["data"], page["has_more"]


def search_subscriptions(
    gw: Gateway, params: SubscriptionSearchParams
) -> tuple[list[dict[str, Any]], str | None]:
    """Subscriptions matching a search query, and the next page's token (None at the end)."""
    page = gw.read("subscriptions.search", lambda c: c.v1.subscriptions.search(params))
    return page["data"], page.get("next_page")
