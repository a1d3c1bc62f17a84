"""Refunds in the sandbox through the SDK: full and partial, Stripe's errors for what cannot be
refunded, lists, metadata, and a refund failing later at the bank."""

from __future__ import annotations

import pytest
import stripe
from sandbox_support import event_types, helper, pay


def charge_of(client: stripe.StripeClient, pi: stripe.PaymentIntent) -> stripe.Charge:
    assert isinstance(pi.latest_charge, str)
    return client.v1.charges.retrieve(pi.latest_charge)


def test_full_refund_by_payment_intent(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=2500)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id,
                                              "reason": "requested_by_customer",
                                              "metadata": {"ticket": "T-9"}})
    assert refund.id.startswith("re_")
    assert refund.status == "succeeded"
    assert refund.amount == 2500
    assert refund.reason == "requested_by_customer"
    assert refund.payment_intent == pi.id
    charge = charge_of(client, pi)
    assert refund.charge == charge.id
    assert charge.amount_refunded == 2500 and charge.refunded is True
    assert event_types(client, charge.id) == ["charge.succeeded", "charge.updated",
                                               "charge.refunded"]
    assert event_types(client, refund.id) == ["refund.created"]
    assert client.v1.payment_intents.retrieve(pi.id).amount_received == 2500


def test_partial_refunds_add_up_then_over_refund_is_refused(
        client: stripe.StripeClient) -> None:
    pi = pay(client, amount=2000)
    charge = charge_of(client, pi)
    client.v1.refunds.create(params={"charge": charge.id, "amount": 500})
    with pytest.raises(stripe.InvalidRequestError) as over:
        client.v1.refunds.create(params={"charge": charge.id, "amount": 1600})
    assert over.value.http_status == 400
    assert over.value.param == "amount"
    assert over.value.user_message == ("Refund amount ($16.00) is greater than unrefunded "
                                       "amount on charge ($15.00)")
    client.v1.refunds.create(params={"charge": charge.id, "amount": 1500})
    charge = charge_of(client, pi)
    assert charge.amount_refunded == 2000 and charge.refunded is True


def test_refunding_a_refunded_charge_is_charge_already_refunded(
        client: stripe.StripeClient) -> None:
    pi = pay(client)
    client.v1.refunds.create(params={"payment_intent": pi.id})
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.refunds.create(params={"payment_intent": pi.id})
    assert again.value.code == "charge_already_refunded"
    assert len(client.v1.refunds.list(params={"payment_intent": pi.id}).data) == 1


def test_zero_decimal_amounts_in_messages(client: stripe.StripeClient) -> None:
    pi = client.v1.payment_intents.create(params={"amount": 500, "currency": "jpy",
                                                  "payment_method": "pm_card_visa",
                                                  "confirm": True})
    with pytest.raises(stripe.InvalidRequestError) as over:
        client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 600})
    assert over.value.user_message == "Refund amount (¥600) is greater than charge amount (¥500)"


def test_uncaptured_and_failed_payments_cannot_be_refunded(
        client: stripe.StripeClient) -> None:
    held = pay(client, capture_method="manual")
    with pytest.raises(stripe.InvalidRequestError) as uncaptured:
        client.v1.refunds.create(params={"charge": charge_of(client, held).id})
    assert uncaptured.value.code == "charge_not_refundable"
    with pytest.raises(stripe.CardError) as declined:
        pay(client, "pm_card_chargeDeclined")
    assert declined.value.error is not None and declined.value.error.payment_intent is not None
    failed_pi = declined.value.error.payment_intent
    with pytest.raises(stripe.InvalidRequestError) as by_intent:
        client.v1.refunds.create(params={"payment_intent": failed_pi.id})
    assert by_intent.value.code == "charge_not_refundable"
    with pytest.raises(stripe.InvalidRequestError) as by_charge:
        client.v1.refunds.create(params={"charge": str(failed_pi.latest_charge)})
    assert by_charge.value.code == "charge_not_refundable"


def test_partial_capture_leaves_only_the_captured_amount_refundable(
        client: stripe.StripeClient) -> None:
    held = pay(client, amount=1000, capture_method="manual")
    client.v1.payment_intents.capture(held.id, params={"amount_to_capture": 700})
    with pytest.raises(stripe.InvalidRequestError) as over:
        client.v1.refunds.create(params={"payment_intent": held.id, "amount": 800})
    assert "($7.00)" in (over.value.user_message or "")
    refund = client.v1.refunds.create(params={"payment_intent": held.id})
    assert refund.amount == 700
    assert charge_of(client, held).refunded is True


def test_refund_target_is_required_and_must_exist(client: stripe.StripeClient) -> None:
    pi = pay(client)
    with pytest.raises(stripe.InvalidRequestError) as neither:
        client.v1.refunds.create()
    assert neither.value.code == "parameter_missing"
    with pytest.raises(stripe.InvalidRequestError) as both:
        client.v1.refunds.create(params={"payment_intent": pi.id,
                                         "charge": str(pi.latest_charge)})
    assert both.value.http_status == 400
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.refunds.create(params={"charge": "ch_missing"})
    assert missing.value.http_status == 400 and missing.value.param == "charge"
    with pytest.raises(stripe.InvalidRequestError) as reason:
        client.v1.refunds.create(params={"payment_intent": pi.id,
                                         "reason": "changed_mind"})
    assert reason.value.param == "reason"
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.v1.refunds.retrieve("re_missing")
    assert unknown.value.http_status == 404


def test_list_retrieve_and_update_refunds(client: stripe.StripeClient) -> None:
    first, second = pay(client), pay(client)
    a = client.v1.refunds.create(params={"payment_intent": first.id, "amount": 100})
    b = client.v1.refunds.create(params={"payment_intent": first.id, "amount": 200})
    c = client.v1.refunds.create(params={"payment_intent": second.id})
    assert [r.id for r in client.v1.refunds.list().data] == [c.id, b.id, a.id]
    by_charge = client.v1.refunds.list(params={"charge": str(first.latest_charge)}).data
    assert [r.id for r in by_charge] == [b.id, a.id]
    updated = client.v1.refunds.update(a.id, params={"metadata": {"why": "spilt"}})
    assert updated.metadata is not None and updated.metadata["why"] == "spilt"
    assert client.v1.refunds.retrieve(a.id).metadata == updated.metadata
    assert event_types(client, a.id) == ["refund.created", "refund.updated"]


def test_failed_refund_gives_the_amount_back_to_the_charge(client: stripe.StripeClient) -> None:
    pi = pay(client, amount=3000)
    refund = client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 1000})
    failed = helper(client, f"refunds/{refund.id}/fail")
    assert failed["status"] == "failed"
    assert failed["failure_reason"] == "expired_or_canceled_card"
    charge = charge_of(client, pi)
    assert charge.amount_refunded == 0 and charge.refunded is False
    assert event_types(client, refund.id) == ["refund.created", "refund.updated",
                                              "refund.failed"]
    with pytest.raises(stripe.InvalidRequestError):
        helper(client, f"refunds/{refund.id}/fail")
    assert client.v1.refunds.create(params={"payment_intent": pi.id}).amount == 3000


def test_canceled_authorisation_counts_as_refunded(client: stripe.StripeClient) -> None:
    held = pay(client, capture_method="manual")
    client.v1.payment_intents.cancel(held.id)
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.refunds.create(params={"payment_intent": held.id})
    assert caught.value.code == "charge_already_refunded"
