"""Products: create, list, retrieve, update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        ProductCreateParams,
        ProductListParams,
        ProductRetrieveParams,
        ProductUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "products.create", lambda c, ids, p, o: c.v1.products.create(p, o), find_in="products"
)
_UPDATE = operation("products.update", lambda c, ids, p, o: c.v1.products.update(ids[0], p, o))


def create_product(
    gw: Gateway, params: ProductCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Create a product; `idempotency_key` when it is one step of a tender attempt."""
    return gw.write(_CREATE, params, key=idempotency_key)


def list_products(
    gw: Gateway, params: ProductListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of products, newest first, and whether more follow."""
    page = gw.read("products.list", lambda c: c.v1.products.list(params))
    return page["data"], page["has_more"]


def retrieve_product(
    gw: Gateway, product_id: str, params: ProductRetrieveParams | None = None
) -> dict[str, Any]:
    """One product."""
    return gw.read("products.retrieve", lambda c: c.v1.products.retrieve(product_id, params))


def update_product(gw: Gateway, product_id: str, params: ProductUpdateParams) -> dict[str, Any]:
    """Change a product (name, description, active ...)."""
    return gw.write(_UPDATE, params, (product_id,))
