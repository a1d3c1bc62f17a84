"""Resuming a paused subscription (a trial that ended without a payment method) against a
live sandbox, through a test clock."""

from __future__ import annotations

from typing import Any

import pytest
import stripe
from sdk_support import DAY, START, add_default_card, paused_subscription
from services_support import assert_audited, cached

from posapp.gateway import ErrorKind, GatewayError
from posapp.services import subscriptions
from posapp.services.session import Session
from posapp.services.subscriptions import NextCharge, next_charge


def test_paused_subscription_resumes_with_a_new_period_and_invoice(
        session: Session, client: stripe.StripeClient) -> None:
    sub_id, customer_id = paused_subscription(client)
    add_default_card(client, customer_id)

    resumed = subscriptions.resume_subscription(session, sub_id)

    assert resumed["status"] == "active"
    assert resumed["items"]["data"][0]["current_period_start"] == START + 8 * DAY
    invoice = resumed["latest_invoice"]
    assert (invoice["amount_paid"], invoice["status"]) == (1500, "paid")
    assert cached(session, "subscriptions", sub_id)["status"] == resumed["status"]
    assert cached(session, "invoices", invoice["id"])["status"] == "paid"
    assert_audited(session, "subscription.resume")


def test_resuming_needs_a_payment_method(session: Session, client: stripe.StripeClient) -> None:
    sub_id, _ = paused_subscription(client)

    with pytest.raises(GatewayError) as raised:
        subscriptions.resume_subscription(session, sub_id)

    assert "no attached payment source or default payment method" in str(raised.value)
    assert_audited(session, "subscription.resume", outcome=str(raised.value.kind))


def test_only_a_paused_subscription_can_be_resumed(
        session: Session, client: stripe.StripeClient) -> None:
    sub_id, customer_id = paused_subscription(client)
    add_default_card(client, customer_id)
    subscriptions.resume_subscription(session, sub_id)

    with pytest.raises(GatewayError) as raised:
        subscriptions.resume_subscription(session, sub_id)

    assert raised.value.kind is ErrorKind.INVALID_REQUEST
    assert "paused" in str(raised.value)
    assert_audited(session, "subscription.resume", outcome="invalid_request")


def _sub(**fields: Any) -> dict[str, Any]:
    item = {"quantity": 2, "current_period_end": 2_000_000,
            "price": {"unit_amount": 2900, "recurring": {"interval": "month"}}}
    return {"id": "sub_1", "status": "active", "currency": "usd",
            "collection_method": "charge_automatically", "items": {"data": [item]}, **fields}


@pytest.mark.parametrize(("fields", "preview", "expected"), [
    ({}, None, NextCharge("charge", 5800, "usd", 2_000_000, estimated=True)),
    ({}, {"amount_due": 6921, "next_payment_attempt": 2_000_000},
     NextCharge("charge", 6921, "usd", 2_000_000, estimated=False)),
    ({"collection_method": "send_invoice"}, None,
     NextCharge("invoice", 5800, "usd", 2_000_000, estimated=True)),
    ({"status": "trialing", "trial_end": 1_900_000}, None,
     NextCharge("trial", 5800, "usd", 1_900_000, estimated=True)),
    ({"cancel_at_period_end": True, "cancel_at": 2_000_000}, {"amount_due": 6921},
     NextCharge("cancels", None, "usd", 2_000_000)),
    ({"cancel_at": 1_950_000}, None, NextCharge("cancels", None, "usd", 1_950_000)),
    ({"pause_collection": {"behavior": "void", "resumes_at": None}}, {"amount_due": 6921},
     NextCharge("collection_paused", None, "usd", None)),
    ({"pause_collection": {"behavior": "void", "resumes_at": 1_990_000}}, None,
     NextCharge("collection_paused", None, "usd", 1_990_000)),
    ({"status": "paused"}, None, NextCharge("paused", None, "usd", None)),
    ({"status": "canceled"}, None, NextCharge("ended", None, "usd", None)),
    ({"status": "incomplete_expired"}, None, NextCharge("ended", None, "usd", None)),
    # A renewal date already past (a stale cache, a failed renewal): no date is promised.
    ({"status": "past_due"}, {"amount_due": 5800, "next_payment_attempt": 1_000},
     NextCharge("charge", 5800, "usd", None, estimated=False)),
])
def test_next_charge_says_what_will_be_charged_and_when(
        fields: dict[str, Any], preview: dict[str, Any] | None, expected: NextCharge) -> None:
    assert next_charge(_sub(**fields), preview, now=1_500_000) == expected
