"""Customers: create, retrieve, update, delete, list, search, and their payment methods."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        CustomerCreateParams,
        CustomerListParams,
        CustomerPaymentMethodListParams,
        CustomerRetrieveParams,
        CustomerSearchParams,
        CustomerUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "customers.create", lambda c, ids, p, o: c.v1.customers.create(p, o), find_in="customers"
)
_UPDATE = operation("customers.update", lambda c, ids, p, o: c.v1.customers.update(ids[0], p, o))
_DELETE = operation(
    "customers.delete",
    lambda c, ids, p, o: c.v1.customers.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.customers.retrieve(ids[0]),
)


def create_customer(gw: Gateway, params: CustomerCreateParams) -> dict[str, Any]:
    """Create a customer."""
    return gw.write(_CREATE, params)


def retrieve_customer(
    gw: Gateway, customer_id: str, params: CustomerRetrieveParams | None = None
) -> dict[str, Any]:
    """One customer; a deleted one comes back as `{"id": ..., "deleted": True}`."""
    return gw.read("customers.retrieve", lambda c: c.v1.customers.retrieve(customer_id, params))


def update_customer(gw: Gateway, customer_id: str, params: CustomerUpdateParams) -> dict[str, Any]:
    """Change a customer's details."""
    return gw.write(_UPDATE, params, (customer_id,))


def delete_customer(gw: Gateway, customer_id: str) -> dict[str, Any]:
    """Delete a customer for good (Stripe also cancels their subscriptions)."""
    return gw.write(_DELETE, {}, (customer_id,))


def list_customers(
    gw: Gateway, params: CustomerListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of customers, newest first, and whether more follow."""
    page = gw.read("customers.list", lambda c: c.v1.customers.list(params))
    return page["data"], page["has_more"]


def search_customers(
    gw: Gateway, params: CustomerSearchParams
) -> tuple[list[dict[str, Any]], str | None]:
    """Customers matching a search query, and the token of the next page (None at the end)."""
    page = gw.read("customers.search", lambda c: c.v1.customers.search(params))
    return page["data"], page.get("next_page")


def list_payment_methods(
    gw: Gateway, customer_id: str, params: CustomerPaymentMethodListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of a customer's saved payment methods, and whether more follow."""
    page = gw.read(
        "customers.list_payment_methods",
        lambda c: c.v1.customers.payment_methods.list(customer_id, params),
    )
    return page["data"], page["has_more"]
