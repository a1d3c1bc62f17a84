"""Checkout Sessions, Payment Links and billing portal sessions through the SDK: creation,
shapes, lists, expiry and every validation error the app can run into."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from sandbox_support import espresso, event_types, monthly_price

from posapp.sandbox import Sandbox


def test_payment_session_shape_and_line_items(client: stripe.StripeClient,
                                              sandbox: Sandbox) -> None:
    price = espresso(client)
    session = client.v1.checkout.sessions.create(params={
        "mode": "payment", "success_url": "https://shop.example/ok?cs={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example/cart", "customer_email": "a@example.com",
        "metadata": {"order": "A-1"},
        "line_items": [{"price": price.id, "quantity": 2},
                       {"price_data": {"currency": "usd", "unit_amount": 475,
                                       "product_data": {"name": "Caffè latte"}},
                        "quantity": 1}]})
    assert session.id.startswith("cs_test_")
    assert session.url == f"{sandbox.url}/checkout/{session.id}"
    assert (session.status, session.payment_status, session.amount_total, session.currency) == \
        ("open", "unpaid", 1175, "usd")
    assert session.payment_intent is None and session.customer_email == "a@example.com"
    assert session.expires_at - session.created == 24 * 3600
    items = client.v1.checkout.sessions.line_items.list(session.id)
    assert [(i.description, i.quantity, i.amount_total) for i in items.data] == \
        [("Espresso", 2, 700), ("Caffè latte", 1, 475)]
    inline = items.data[1].price
    assert inline.active is False and inline.unit_amount == 475
    assert client.v1.checkout.sessions.retrieve(session.id).to_dict()["metadata"] == \
        {"order": "A-1"}


@pytest.mark.parametrize(("params", "message"), [
    ({"line_items": [{"price": "price_x", "quantity": 1}]}, "Missing required param: mode"),
    ({"mode": "donation"}, "Invalid mode"),
    ({"mode": "payment"}, "Missing required param: line_items"),
    ({"mode": "payment", "line_items": [{"price": "price_missing", "quantity": 1}]},
     "No such price"),
    ({"mode": "payment", "line_items": [{"price": "ONE_OFF"}]},
     "Missing required param: line_items\\[0\\]\\[quantity\\]"),
    ({"mode": "payment", "line_items": [{"price": "MONTHLY", "quantity": 1}]},
     "passed a recurring price"),
    ({"mode": "subscription", "line_items": [{"price": "ONE_OFF", "quantity": 1}]},
     "at least one recurring price"),
    ({"mode": "setup", "currency": "usd", "line_items": [{"price": "ONE_OFF", "quantity": 1}]},
     "can not pass `line_items` in `setup` mode"),
    ({"mode": "payment", "customer": "CUSTOMER", "customer_email": "x@example.com",
      "line_items": [{"price": "ONE_OFF", "quantity": 1}]}, "only specify one"),
    ({"mode": "subscription", "customer_creation": "always",
      "line_items": [{"price": "MONTHLY", "quantity": 1}]}, "only be used in `payment` mode"),
    ({"mode": "payment", "expires_at": 1, "line_items": [{"price": "ONE_OFF", "quantity": 1}]},
     "between 30 minutes and 24 hours"),
])
def test_session_validation(client: stripe.StripeClient, params: dict[str, Any],
                            message: str) -> None:
    names = {"ONE_OFF": espresso(client).id, "MONTHLY": monthly_price(client).id,
             "CUSTOMER": client.v1.customers.create().id}

    def fill(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value
    with pytest.raises(stripe.InvalidRequestError, match=message):
        client.v1.checkout.sessions.create(params=fill(params))


def test_expire_and_list_sessions(client: stripe.StripeClient) -> None:
    price = espresso(client)
    customer = client.v1.customers.create(params={"email": "c@example.com"})
    kept = client.v1.checkout.sessions.create(params={
        "mode": "payment", "customer": customer.id,
        "line_items": [{"price": price.id, "quantity": 1}]})
    gone = client.v1.checkout.sessions.create(params={
        "mode": "setup", "currency": "usd", "success_url": "https://shop.example/ok"})
    expired = client.v1.checkout.sessions.expire(gone.id)
    assert expired.status == "expired"
    assert "checkout.session.expired" in event_types(client)
    with pytest.raises(stripe.InvalidRequestError, match="can be expired"):
        client.v1.checkout.sessions.expire(gone.id)

    def ids(**params: Any) -> list[str]:
        return [s.id for s in client.v1.checkout.sessions.list(params=params).data]
    assert ids() == [gone.id, kept.id]
    assert ids(status="open") == [kept.id]
    assert ids(customer=customer.id) == [kept.id]
    with pytest.raises(stripe.InvalidRequestError, match=r"No such checkout\.session"):
        client.v1.checkout.sessions.retrieve("cs_test_missing")


def test_payment_link_lifecycle(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    price = espresso(client)
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 2}], "metadata": {"till": "1"},
        "after_completion": {"type": "redirect",
                             "redirect": {"url": "https://shop.example/thanks"}}})
    assert link.id.startswith("plink_") and link.url == f"{sandbox.url}/pay/{link.id}"
    assert (link.active, link.currency, link.after_completion.type) == (True, "usd", "redirect")
    items = client.v1.payment_links.line_items.list(link.id)
    assert [(i.price.id, i.quantity) for i in items.data] == [(price.id, 2)]
    off = client.v1.payment_links.update(link.id, params={"active": False,
                                                          "metadata": {"till": ""}})
    assert (off.active, off.to_dict()["metadata"]) == (False, {})
    other = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 1}]})
    assert [p.id for p in client.v1.payment_links.list(params={"active": True}).data] == \
        [other.id]
    assert client.v1.payment_links.retrieve(link.id).active is False
    assert "payment_link.updated" in event_types(client)
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: line_items"):
        client.v1.payment_links.create(params={})  # type: ignore[typeddict-item]
    with pytest.raises(stripe.InvalidRequestError, match="redirect\\]\\[url\\]"):
        client.v1.payment_links.create(params={
            "line_items": [{"price": price.id, "quantity": 1}],
            "after_completion": {"type": "redirect"}})



def test_payment_link_restriction_on_completed_sessions(client: stripe.StripeClient) -> None:
    price = espresso(client)
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 1}],
        "restrictions": {"completed_sessions": {"limit": 2}}})
    assert link.restrictions is not None
    assert link.restrictions.to_dict() == {"completed_sessions": {"count": 0, "limit": 2}}
    raised = client.v1.payment_links.update(link.id, params={
        "restrictions": {"completed_sessions": {"limit": 5}}})
    assert raised.to_dict()["restrictions"] == {"completed_sessions": {"count": 0, "limit": 5}}
    lifted = client.v1.payment_links.update(link.id, params={"restrictions": ""})
    assert (lifted.restrictions, lifted.active) == (None, True)
    with pytest.raises(stripe.InvalidRequestError) as low:
        client.v1.payment_links.update(link.id, params={
            "restrictions": {"completed_sessions": {"limit": 0}}})
    assert low.value.param == "restrictions[completed_sessions][limit]"
    # The count is Stripe's to keep.
    with pytest.raises(stripe.InvalidRequestError, match="unknown parameter"):
        client.v1.payment_links.create(params={
            "line_items": [{"price": price.id, "quantity": 1}],
            "restrictions": {"completed_sessions": {"limit": 1, "count": 1}}},  # type: ignore[typeddict-unknown-key]
        )


def test_portal_session(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    customer = client.v1.customers.create(params={"email": "p@example.com"})
    session = client.v1.billing_portal.sessions.create(params={
        "customer": customer.id, "return_url": "https://shop.example/account"})
    assert session.id.startswith("bps_")
    assert session.url == f"{sandbox.url}/portal/{session.id}"
    assert (session.customer, session.return_url) == (customer.id,
                                                      "https://shop.example/account")
    with pytest.raises(stripe.InvalidRequestError, match="Missing required param: customer"):
        client.v1.billing_portal.sessions.create(params={})  # type: ignore[typeddict-item]
    with pytest.raises(stripe.InvalidRequestError, match="No such customer"):
        client.v1.billing_portal.sessions.create(params={"customer": "cus_missing"})
