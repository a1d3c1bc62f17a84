"""Helpers the sandbox tests share: test-helper routes, payments, prices, customers, events."""

from __future__ import annotations

from typing import Any

import stripe
from sdk_support import TEST_KEY

from posapp.sandbox import Sandbox


def sdk(server: Sandbox, key: str = TEST_KEY) -> stripe.StripeClient:
    """The official SDK on `server` with `key`, SDK retries off."""
    return stripe.StripeClient(key, base_addresses={"api": server.url}, max_network_retries=0)


def helper(client: stripe.StripeClient, path: str, **params: Any) -> dict[str, Any]:
    """POST a sandbox-only test helper route (`/v1/test_helpers/sandbox/<path>`)."""
    response = client.raw_request("post", f"/v1/test_helpers/sandbox/{path}", **params)
    data: dict[str, Any] = response.data
    return data


def pay(client: stripe.StripeClient, card: str = "pm_card_visa", amount: int = 2000,
        **params: Any) -> stripe.PaymentIntent:
    """A confirmed PaymentIntent for `amount` cents paid with the test `card`."""
    create: Any = {"amount": amount, "currency": "usd", "payment_method": card,
                   "confirm": True, **params}
    return client.v1.payment_intents.create(params=create)


def event_types(client: stripe.StripeClient, object_id: str | None = None) -> list[str]:
    """Types of the last 100 events (only those about `object_id` when given), oldest first."""
    events = client.v1.events.list(params={"limit": 100}).data
    return [e.type for e in reversed(events)
            if object_id is None or e.data.object["id"] == object_id]


def monthly_price(client: stripe.StripeClient, amount: int = 1500,
                  name: str = "Cloud Pro", **extra: Any) -> stripe.Price:
    """A new $15/month (by default) recurring price with its own product."""
    return client.v1.prices.create(params={
        "currency": "usd", "unit_amount": amount, "recurring": {"interval": "month"},
        "product_data": {"name": name}, **extra})


def espresso(client: stripe.StripeClient, amount: int = 350) -> stripe.Price:
    """A one-time price of a new Espresso product."""
    return client.v1.prices.create(params={"currency": "usd", "unit_amount": amount,
                                           "product_data": {"name": "Espresso"}})


def customer_with_card(client: stripe.StripeClient, card: str = "pm_card_visa",
                       **extra: Any) -> stripe.Customer:
    """A customer whose default PaymentMethod comes from the test token `card`."""
    customer = client.v1.customers.create(params={"email": "buyer@example.com", **extra})
    pm = client.v1.payment_methods.attach(card, params={"customer": customer.id})
    return client.v1.customers.update(customer.id, params={
        "invoice_settings": {"default_payment_method": pm.id}})
