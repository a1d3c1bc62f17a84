"""Prices: create, list, retrieve, update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        PriceCreateParams,
        PriceListParams,
        PriceRetrieveParams,
        PriceUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "prices.create", lambda c, ids, p, o: c.v1.prices.create(p, o), find_in="prices"
)
_UPDATE = operation("prices.update", lambda c, ids, p, o: c.v1.prices.update(ids[0], p, o))


def create_price(gw: Gateway, params: PriceCreateParams) -> dict[str, Any]:
    """Create a price (one-off or recurring) for a product."""
    return gw.write(_CREATE, params)


def list_prices(
    gw: Gateway, params: PriceListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of prices, newest first, and whether more follow."""
    page = gw.read("prices.list", lambda c: c.v1.prices.list(params))
    return page["data"], page["has_more"]


def retrieve_price(
    gw: Gateway, price_id: str, params: PriceRetrieveParams | None = None
) -> dict[str, Any]:
    """One price."""
    return gw.read("prices.retrieve", lambda c: c.v1.prices.retrieve(price_id, params))


def update_price(gw: Gateway, price_id: str, params: PriceUpdateParams) -> dict[str, Any]:
    """Change a price's mutable fields (active, nickname, metadata ...)."""
    return gw.write(_UPDATE, params, (price_id,))
