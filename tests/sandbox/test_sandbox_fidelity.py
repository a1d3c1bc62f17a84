"""What real Stripe returns and refuses that an app trips on first (issue 12): includable
fields only when expanded, expand paths Stripe refuses, and the behaviours around them."""

from __future__ import annotations

import pytest
import stripe
from sandbox_support import customer_with_card, espresso, monthly_price, pay

# includable fields ----------------------------------------------------------------------


def test_invoice_payments_and_confirmation_secret_come_only_when_expanded(
        client: stripe.StripeClient) -> None:
    customer = customer_with_card(client)
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": monthly_price(client).id}]})
    plain = client.v1.invoices.retrieve(str(sub.latest_invoice))
    assert "payments" not in plain and "confirmation_secret" not in plain
    full = client.v1.invoices.retrieve(plain.id, params={
        "expand": ["payments", "confirmation_secret"]})
    assert full.payments is not None and full.payments.data[0].status == "paid"
    assert full.confirmation_secret is not None
    listed = client.v1.invoices.list(params={"expand": ["data.payments"]}).data[0]
    assert listed.payments is not None and len(listed.payments.data) == 1
    assert "payments" not in client.v1.invoices.list().data[0]
    events = client.v1.events.list(params={"type": "invoice.*"}).data
    assert events and all("payments" not in e.data.object for e in events)


def test_checkout_and_payment_link_line_items_come_only_when_expanded(
        client: stripe.StripeClient) -> None:
    price = espresso(client)
    session = client.v1.checkout.sessions.create(params={
        "mode": "payment", "success_url": "https://shop.example/ok",
        "line_items": [{"price": price.id, "quantity": 2}]})
    assert "line_items" not in session
    expanded = client.v1.checkout.sessions.retrieve(session.id,
                                                    params={"expand": ["line_items"]})
    assert expanded.line_items is not None and expanded.line_items.data[0].quantity == 2
    link = client.v1.payment_links.create(params={
        "line_items": [{"price": price.id, "quantity": 1}]})
    assert "line_items" not in link
    link = client.v1.payment_links.retrieve(link.id, params={"expand": ["line_items"]})
    assert link.line_items is not None and len(link.line_items.data) == 1


def test_charge_refunds_are_listed_when_expanded(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=3000)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 500})
    charge = client.v1.charges.retrieve(str(pi.latest_charge))
    assert "refunds" not in charge
    charge = client.v1.charges.retrieve(charge.id, params={"expand": ["refunds"]})
    assert charge.refunds is not None
    assert [r.id for r in charge.refunds.data] == [refund.id]


# expand paths Stripe refuses ------------------------------------------------------------


@pytest.mark.parametrize(("path", "message"), [
    ("nonsense", r"This property cannot be expanded \(nonsense\)\."),
    ("metadata", r"This property cannot be expanded \(metadata\)\."),
    ("amount", r"This property cannot be expanded \(amount\)\."),
    ("latest_charge.payment_method.customer.invoice_settings.default_payment_method",
     "You cannot expand more than 4 levels of a property"),
])
def test_unknown_non_expandable_or_too_deep_expands_are_refused(
        client: stripe.StripeClient, path: str, message: str) -> None:
    pi = pay(client)
    with pytest.raises(stripe.InvalidRequestError, match=message) as caught:
        client.v1.payment_intents.retrieve(pi.id, params={"expand": [path]})
    assert caught.value.http_status == 400


def test_a_list_expand_must_start_with_data(client: stripe.StripeClient) -> None:
    pay(client)
    with pytest.raises(stripe.InvalidRequestError, match=r"cannot be expanded \(customer\)"):
        client.v1.payment_intents.list(params={"expand": ["customer"]})
