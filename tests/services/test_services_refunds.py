"""Refunds against a live sandbox: the refundable amount from the cache, over-refunds
stopped before sending, and a stale cache caught by Stripe and repaired."""

from __future__ import annotations

import re

import pytest
import stripe
from services_support import assert_audited, cached, customer_with_card

from posapp.gateway import ErrorKind, GatewayError, payment_intents
from posapp.money import AmountError
from posapp.sandbox import Sandbox
from posapp.services import payments
from posapp.services.customers import MetadataError
from posapp.services.refunds import (
    RefundTooLarge,
    refund_payment,
    refundable,
    refundable_amount,
)
from posapp.services.session import Session
from posapp.store.journal import JournalState


def _paid(session: Session, amount: int = 2000, card: str = "pm_card_visa") -> str:
    customer_id, card_id = customer_with_card(session, card)
    outcome = payments.charge_saved_card(session, customer_id, card_id, amount, "usd", "Order")
    assert outcome.state == "succeeded" and outcome.payment_intent_id is not None
    return outcome.payment_intent_id


def test_partial_refund_then_the_rest(session: Session) -> None:
    intent_id = _paid(session)
    charge_id = cached(session, "payment_intents", intent_id)["latest_charge"]
    assert refundable_amount(session.cache, intent_id) == 2000
    assert refundable_amount(session.cache, charge_id) == 2000
    found = refundable(session.cache, intent_id)
    assert found is not None
    assert (found.card_brand, found.card_last4) == ("visa", "4242")
    assert found.customer_id is not None and found.customer_id.startswith("cus_")

    refund = refund_payment(session, intent_id, 750, "requested_by_customer", "Cold coffee")

    assert refund["status"] == "succeeded" and refund["amount"] == 750
    assert refund["metadata"]["posapp_note"] == "Cold coffee"
    assert cached(session, "refunds", refund["id"])["amount"] == 750
    assert refundable_amount(session.cache, intent_id) == 1250
    row = assert_audited(session, "refund.create")
    assert (row.amount, row.currency, row.object_id, row.detail) == (
        750, "usd", intent_id, "Cold coffee"
    )

    rest = refund_payment(session, intent_id)

    assert rest["amount"] == 1250
    assert refundable_amount(session.cache, intent_id) == 0


def test_over_refund_is_blocked_before_sending_with_the_amounts(session: Session) -> None:
    intent_id = _paid(session)
    refund_payment(session, intent_id, 500)
    sent = session.gateway.request_count
    audited = len(session.journal.list_audit())

    with pytest.raises(RefundTooLarge) as raised:
        refund_payment(session, intent_id, 1600)

    assert str(raised.value) == (
        "$16.00 is more than can be refunded: $15.00 of $20.00 remains "
        "($5.00 already refunded)."
    )
    assert session.gateway.request_count == sent
    assert len(session.journal.list_audit()) == audited


def test_refund_of_a_fully_refunded_payment_is_blocked(session: Session) -> None:
    intent_id = _paid(session)
    refund_payment(session, intent_id)

    with pytest.raises(RefundTooLarge, match=re.escape("Nothing is left to refund")):
        refund_payment(session, intent_id)


def test_stale_cache_over_refund_is_rejected_by_stripe_and_the_cache_refreshed(
    session: Session, client: stripe.StripeClient
) -> None:
    intent_id = _paid(session)
    # Someone refunds in the Stripe Dashboard; this computer has not synced since.
    client.v1.refunds.create({"payment_intent": intent_id, "amount": 1500})
    assert refundable_amount(session.cache, intent_id) == 2000

    with pytest.raises(RefundTooLarge) as raised:
        refund_payment(session, intent_id, 1000)

    message = str(raised.value)
    assert "$5.00 of $20.00 remains ($15.00 already refunded)" in message
    assert "Stripe knew of refunds" in message
    assert refundable_amount(session.cache, intent_id) == 500
    assert session.journal.list_audit(action="refund.create")[0].outcome == "invalid_request"
    assert refund_payment(session, intent_id, 500)["amount"] == 500


def test_payment_unknown_to_the_cache_is_looked_up_at_stripe(
    session: Session, client: stripe.StripeClient
) -> None:
    customer_id, card_id = customer_with_card(session)
    intent = client.v1.payment_intents.create(
        {"amount": 1200, "currency": "usd", "customer": customer_id, "payment_method": card_id,
         "confirm": True, "off_session": True}
    )
    assert refundable(session.cache, intent.id) is None

    refund = refund_payment(session, intent.id, 200)

    assert refund["amount"] == 200
    assert refundable_amount(session.cache, intent.id) == 1000


def test_uncaptured_payment_is_not_refundable(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    intent = payment_intents.create_payment_intent(
        session.gateway,
        {"amount": 3000, "currency": "usd", "customer": customer_id, "payment_method": card_id,
         "capture_method": "manual", "confirm": True, "off_session": True},
    )

    with pytest.raises(ValueError, match="not captured yet"):
        refund_payment(session, intent["id"], 100)


def test_partially_captured_payment_refunds_only_what_was_captured(session: Session) -> None:
    customer_id, card_id = customer_with_card(session)
    intent = payment_intents.create_payment_intent(
        session.gateway,
        {"amount": 3000, "currency": "usd", "customer": customer_id, "payment_method": card_id,
         "capture_method": "manual", "confirm": True, "off_session": True},
    )
    payments.capture_payment(session, intent["id"], 1800)

    found = refundable(session.cache, intent["id"])

    assert found is not None
    assert (found.amount, found.refunded, found.remaining) == (1800, 0, 1800)
    with pytest.raises(RefundTooLarge):
        refund_payment(session, intent["id"], 1801)


def test_disputed_payment_cannot_be_refunded(session: Session) -> None:
    intent_id = _paid(session, card="pm_card_createDispute")
    sent = session.gateway.request_count

    with pytest.raises(ValueError, match="disputed: respond to the dispute"):
        refund_payment(session, intent_id, 100)

    assert session.gateway.request_count == sent


def test_overlong_note_is_refused_before_sending(session: Session) -> None:
    intent_id = _paid(session)
    sent = session.gateway.request_count

    with pytest.raises(MetadataError, match="Stripe allows 500"):
        refund_payment(session, intent_id, 100, note="n" * 501)

    assert session.gateway.request_count == sent


@pytest.mark.parametrize("amount", [10**30, 1.5, True, 0, -5])
def test_refund_amount_that_is_not_whole_minor_units_is_refused_before_sending(
    session: Session, amount: object
) -> None:
    intent_id = _paid(session)
    sent = session.gateway.request_count

    with pytest.raises(AmountError):
        refund_payment(session, intent_id, amount)  # type: ignore[arg-type]

    assert session.gateway.request_count == sent
    assert refundable_amount(session.cache, intent_id) == 2000


def test_refund_while_stripe_is_unreachable_is_audited_as_unknown(
    session: Session, sandbox: Sandbox
) -> None:
    intent_id = _paid(session)
    sandbox.stop()

    with pytest.raises(GatewayError) as raised:
        refund_payment(session, intent_id, 100)

    assert raised.value.kind is ErrorKind.NETWORK
    assert raised.value.idempotency_key is not None
    row = session.journal.list_audit(action="refund.create")[0]
    assert row.outcome == "unknown"
    assert row.idempotency_key == raised.value.idempotency_key
    entry = session.journal.get(row.idempotency_key)
    assert entry is not None and entry.state is JournalState.UNKNOWN
