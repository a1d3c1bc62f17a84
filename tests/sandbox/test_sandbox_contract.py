"""The sandbox's contract with stripe-python (issue 12, "Done means").

tests/conftest.py checks everything the sandboxes answered during the session when it
ends (any difference fails the run); here the checker itself is shown to catch each kind
of difference, and a representative tour of the API is checked on its own.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import stripe
from contract_support import Exchange, check_object, check_request, differences, recording
from sandbox_support import customer_with_card, espresso, helper, monthly_price, pay
from sdk_support import advance_clock


def object_problems(data: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    check_object(data, "", found)
    return found


def test_the_checker_finds_each_kind_of_response_difference(
        client: stripe.StripeClient) -> None:
    response = client.raw_request("get", f"/v1/charges/{pay(client).latest_charge}")
    good: dict[str, Any] = json.loads(json.dumps(response.data))
    assert object_problems(good) == set()
    assert object_problems({**good, "amount": "12"}) == {"charge.amount: str, not int"}
    assert object_problems({**good, "status": "settled"}) == {
        "charge.status: 'settled' is not one of ['failed', 'pending', 'succeeded']"}
    assert object_problems({**good, "colour": "red"}) == {
        "charge.colour: not a field of Charge"}
    missing = {k: v for k, v in good.items() if k != "receipt_url"}
    assert object_problems(missing) == {"charge.receipt_url: missing (Stripe always returns it)"}
    outcome = {**good["outcome"], "type": 7}
    assert object_problems({**good, "outcome": outcome}) == {
        "charge.outcome.type: int, not str"}


@pytest.mark.parametrize(("method", "path", "params", "problem"), [
    ("POST", "/v1/customers", {"address": {"zip": "1"}},
     "CustomerCreateParams[address][zip]: not a parameter of CustomerCreateParamsAddress"),
    ("POST", "/v1/customers", {"balance": "ten"},
     "CustomerCreateParams[balance]: 'ten' is not an integer"),
    ("POST", "/v1/payment_intents", {"amount": "5", "currency": "usd",
                                     "capture_method": "later"},
     "PaymentIntentCreateParams[capture_method]: 'later' is not one of "
     "['automatic', 'automatic_async', 'manual']"),
    ("POST", "/v1/checkout/sessions", {"ui_mode": "hosted"},
     "SessionCreateParams[ui_mode]: 'hosted' is not one of "
     "['elements', 'embedded_page', 'form', 'hosted_page']"),
    ("GET", "/v1/nowhere", {}, "GET /v1/nowhere: no stripe-python method sends this request"),
])
def test_the_checker_finds_requests_the_typed_params_do_not_allow(
        method: str, path: str, params: dict[str, Any], problem: str) -> None:
    found: set[str] = set()
    check_request(method, path, params, found)
    assert found == {problem}


def test_only_accepted_sdk_requests_are_held_to_the_typed_params() -> None:
    refused = Exchange("POST", "/v1/customers", {"balance": "ten"}, 400, b"{}", True)
    by_hand = Exchange("POST", "/v1/customers", {"balance": "ten"}, 200, b"{}", False)
    assert differences([refused, by_hand]) == []


def test_a_tour_of_the_api_matches_stripe_python(client: stripe.StripeClient) -> None:
    with recording() as seen:
        customer = customer_with_card(client, address={"line1": "1 Main St", "city": "Oslo"})
        paid = pay(client, customer=customer.id, amount=4_200)
        client.v1.refunds.create(params={"payment_intent": paid.id, "amount": 200})
        client.v1.charges.retrieve(str(paid.latest_charge),
                                   params={"expand": ["refunds", "balance_transaction"]})
        disputed = pay(client, "pm_card_createDispute")
        dispute = client.v1.disputes.list(params={"payment_intent": disputed.id}).data[0]
        helper(client, f"disputes/{dispute.id}/outcome", status="won")
        held = pay(client, capture_method="manual")
        client.v1.payment_intents.capture(held.id, params={"amount_to_capture": 1_000})
        clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": 1_780_000_000})
        member = customer_with_card(client, test_clock=clock.id)
        sub = client.v1.subscriptions.create(params={
            "customer": member.id, "items": [{"price": monthly_price(client).id}],
            "trial_period_days": 7, "expand": ["latest_invoice.payments"]})
        advance_clock(client, clock.id, 1_780_000_000 + 40 * 86_400)
        client.v1.invoices.list(params={"subscription": sub.id, "expand": ["data.payments"]})
        client.v1.invoices.create_preview(params={"subscription": sub.id})
        session = client.v1.checkout.sessions.create(params={
            "mode": "payment", "success_url": "https://shop.example/ok",
            "line_items": [{"price": espresso(client).id, "quantity": 2}]})
        client.v1.checkout.sessions.retrieve(session.id, params={"expand": ["line_items"]})
        client.v1.payment_links.create(params={
            "line_items": [{"price": espresso(client).id, "quantity": 1}]})
        client.v1.setup_intents.create(params={"customer": customer.id,
                                              "payment_method": "pm_card_visa",
                                              "confirm": True})
        client.v1.billing_portal.sessions.create(params={"customer": customer.id})
        client.v1.balance.retrieve()
        client.v1.balance_transactions.list(params={"limit": 100})
        client.v1.events.list(params={"limit": 100})
    assert len(seen) > 30
    assert differences(seen) == []
