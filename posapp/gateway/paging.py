"""Auto-paging over Stripe lists, for the sync engine and for look-ups."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

if TYPE_CHECKING:
    from posapp.gateway.client import Gateway

ListResource = Literal[
    "accounts",
    "application_fees",
    "balance_transactions",
    "charges",
    "checkout.sessions",
    "coupons",
    "customers",
    "disputes",
    "events",
    "invoice_items",
    "invoices",
    "payment_intents",
    "payment_links",
    "payouts",
    "prices",
    "products",
    "promotion_codes",
    "refunds",
    "setup_intents",
    "subscriptions",
    "tax_rates",
    "transfers",
    "terminal.locations",
    "terminal.readers",
]
LIST_RESOURCES: frozenset[str] = frozenset(get_args(ListResource))
PAGE_SIZE = 100
# Stripe's list paths: the SDK service name with dots as slashes, except invoice items.
_PATHS: Final[dict[str, str]] = {
    **{resource: "/v1/" + resource.replace(".", "/") for resource in LIST_RESOURCES},
    "invoice_items": "/v1/invoiceitems",
}


def list_request(resource: ListResource, params: Mapping[str, Any] | None = None
                 ) -> tuple[str, str, dict[str, Any]]:
    """The operation name, path and query of the first page of `resource` for
    `Gateway.read_body` (`iter_all`'s request); the next page adds `starting_after`."""
    if resource not in LIST_RESOURCES:
        raise ValueError(f"not a listable resource: {resource!r}")
    if params and "ending_before" in params:
        raise ValueError("lists page towards older objects; use ending_before elsewhere")
    return f"{resource}.list", _PATHS[resource], {**(params or {}), "limit": PAGE_SIZE}


def iter_all(
    gw: Gateway, resource: ListResource, params: Mapping[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Every object of `resource` matching `params`, newest first, 100 per request.

    `resource` is named as the SDK's service (`"checkout.sessions"`); `params` may hold
    filters (`{"status": "all"}`, `expand` ...) and a `starting_after` to resume from.
    Each page is fetched lazily as the iteration reaches it, as plain JSON
    (`Gateway.read_json`): pages are the bulk of a sync, and building the SDK's objects
    for them would cost more CPU than the rate limit leaves time for.
    """
    operation, path, query = list_request(resource, params)
    while True:
        page = gw.read_json(operation, path, query)
        data: list[dict[str, Any]] = page["data"]
        if not data:
            return
        last = data[-1]["id"]
        # Handed over one by one and not kept here: a caller that stores and drops what
        # it was given leaves nothing of the page alive for the garbage collector to walk.
        data.reverse()
        while data:
            yield data.pop()
        if not page.get("has_more"):
            return
        query = {**query, "starting_after": last}
