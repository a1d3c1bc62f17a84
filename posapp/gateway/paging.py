"""Auto-paging over Stripe lists, for the sync engine and for look-ups."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, get_args

import stripe

if TYPE_CHECKING:
    from posapp.gateway.client import Gateway

ListResource = Literal[
    "charges",
    "checkout.sessions",
    "customers",
    "disputes",
    "events",
    "invoice_items",
    "invoices",
    "payment_intents",
    "payment_links",
    "prices",
    "products",
    "refunds",
    "setup_intents",
    "subscriptions",
]
LIST_RESOURCES: frozenset[str] = frozenset(get_args(ListResource))
PAGE_SIZE = 100


def iter_all(
    gw: Gateway, resource: ListResource, params: Mapping[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Every object of `resource` matching `params`, newest first, 100 per request.

    `resource` is named as the SDK's service (`"checkout.sessions"`); `params` may hold
    filters (`{"status": "all"}`, `expand` ...) and a `starting_after` to resume from.
    Each page is fetched lazily as the iteration reaches it.
    """
    if resource not in LIST_RESOURCES:
        raise ValueError(f"not a listable resource: {resource!r}")
    if params and "ending_before" in params:
        raise ValueError("iter_all pages towards older objects; use ending_before elsewhere")
    query: dict[str, Any] = {**(params or {}), "limit": PAGE_SIZE}
    operation = f"{resource}.list"
    while True:
        page = gw.read(operation, _lister(resource, query))
        data: list[dict[str, Any]] = page["data"]
        yield from data
        if not page.get("has_more") or not data:
            return
        query = {**query, "starting_after": data[-1]["id"]}


def _lister(
    resource: str, query: dict[str, Any]
) -> Callable[[stripe.StripeClient], stripe.StripeObject]:
    def call(client: stripe.StripeClient) -> Any:
        service: Any = client.v1
        for name in resource.split("."):
            service = getattr(service, name)
        return service.list(query)

    return call
