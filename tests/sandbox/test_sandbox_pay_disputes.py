"""Disputes in the sandbox through the SDK: opened by `pm_card_createDispute`, evidence and its
limits, submission, closing, the outcome helper, deadlines, and the events of each step."""

from __future__ import annotations

import pytest
import stripe
from sandbox_support import event_types, helper, pay

from posapp.sandbox import Sandbox

WEEK = 7 * 86_400


def disputed(client: stripe.StripeClient, amount: int = 4200) -> stripe.Dispute:
    pi = pay(client, "pm_card_createDispute", amount=amount)
    found = client.v1.disputes.list(params={"payment_intent": pi.id}).data
    assert len(found) == 1
    return found[0]


def test_dispute_card_payment_succeeds_then_is_disputed(client: stripe.StripeClient) -> None:
    pi = pay(client, "pm_card_createDispute", amount=4200)
    assert pi.status == "succeeded"
    assert isinstance(pi.latest_charge, str)
    charge = client.v1.charges.retrieve(pi.latest_charge)
    assert charge.disputed is True
    dispute = client.v1.disputes.list(params={"charge": charge.id}).data[0]
    assert dispute.id.startswith("dp_")
    assert (dispute.status, dispute.reason, dispute.amount) == ("needs_response",
                                                                "fraudulent", 4200)
    assert dispute.charge == charge.id and dispute.payment_intent == pi.id
    details = dispute.evidence_details
    assert details.due_by == dispute.created + WEEK
    assert (details.has_evidence, details.past_due, details.submission_count) == \
        (False, False, 0)
    assert event_types(client, dispute.id) == ["charge.dispute.created",
                                               "charge.dispute.funds_withdrawn"]
    with pytest.raises(stripe.InvalidRequestError) as refund:
        client.v1.refunds.create(params={"charge": charge.id})
    assert refund.value.code == "charge_disputed"


def test_manual_capture_disputes_once_captured(client: stripe.StripeClient) -> None:
    held = pay(client, "pm_card_createDispute", capture_method="manual")
    assert client.v1.disputes.list().data == []
    client.v1.payment_intents.capture(held.id)
    assert [d.payment_intent for d in client.v1.disputes.list().data] == [held.id]


def test_evidence_then_submit_then_won(client: stripe.StripeClient) -> None:
    dispute = disputed(client)
    updated = client.v1.disputes.update(dispute.id, params={
        "evidence": {"product_description": "Two flat whites",
                     "customer_email_address": "ann@example.com"},
        "metadata": {"case": "17"}})
    assert updated.status == "needs_response"
    assert updated.evidence.product_description == "Two flat whites"
    assert updated.evidence_details.has_evidence is True
    assert updated.metadata["case"] == "17"
    submitted = client.v1.disputes.update(dispute.id, params={
        "evidence": {"uncategorized_text": "Signed receipt attached."}, "submit": True})
    assert submitted.status == "under_review"
    assert submitted.evidence.product_description == "Two flat whites"
    assert submitted.evidence.uncategorized_text == "Signed receipt attached."
    assert submitted.evidence_details.submission_count == 1
    with pytest.raises(stripe.InvalidRequestError) as late:
        client.v1.disputes.update(dispute.id, params={"evidence": {"receipt": "file_x"}})
    assert late.value.http_status == 400
    with pytest.raises(stripe.InvalidRequestError) as close:
        client.v1.disputes.close(dispute.id)
    assert close.value.http_status == 400
    won = helper(client, f"disputes/{dispute.id}/outcome", status="won")
    assert won["status"] == "won"
    assert client.v1.disputes.retrieve(dispute.id).status == "won"
    assert event_types(client, dispute.id) == [
        "charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated",
        "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated"]
    with pytest.raises(stripe.InvalidRequestError):
        helper(client, f"disputes/{dispute.id}/outcome", status="lost")


def test_updated_event_says_what_changed(client: stripe.StripeClient) -> None:
    dispute = disputed(client)
    client.v1.disputes.update(dispute.id, params={"submit": True})
    event = client.v1.events.list(params={"type": "charge.dispute.updated"}).data[0]
    previous = event.data.previous_attributes
    assert previous is not None and previous["status"] == "needs_response"
    assert event.data.object["status"] == "under_review"


def test_closing_accepts_the_loss(client: stripe.StripeClient) -> None:
    dispute = disputed(client)
    closed = client.v1.disputes.close(dispute.id)
    assert closed.status == "lost"
    assert "charge.dispute.closed" in event_types(client, dispute.id)
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.disputes.close(dispute.id)
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.disputes.update(dispute.id, params={"submit": True})
    noted = client.v1.disputes.update(dispute.id, params={"metadata": {"lesson": "CCTV"}})
    assert noted.metadata["lesson"] == "CCTV"


def test_evidence_keys_and_lengths_are_checked(client: stripe.StripeClient) -> None:
    dispute = disputed(client)
    with pytest.raises(stripe.InvalidRequestError) as unknown:
        client.raw_request("post", f"/v1/disputes/{dispute.id}",
                           evidence={"favourite_colour": "blue"})
    assert unknown.value.param == "evidence[favourite_colour]"
    with pytest.raises(stripe.InvalidRequestError) as long_field:
        client.v1.disputes.update(dispute.id,
                                  params={"evidence": {"uncategorized_text": "x" * 20_001}})
    assert long_field.value.param == "evidence[uncategorized_text]"
    fields = ("access_activity_log", "cancellation_policy_disclosure", "cancellation_rebuttal",
              "customer_communication", "duplicate_charge_explanation", "product_description",
              "refund_policy_disclosure", "refund_refusal_explanation")
    with pytest.raises(stripe.InvalidRequestError) as total:
        client.raw_request("post", f"/v1/disputes/{dispute.id}",
                           evidence={name: "y" * 19_000 for name in fields})
    assert total.value.param == "evidence"
    fresh = client.v1.disputes.retrieve(dispute.id)
    assert fresh.evidence_details.has_evidence is False


def test_outcome_helper_validates_status(client: stripe.StripeClient) -> None:
    dispute = disputed(client)
    with pytest.raises(stripe.InvalidRequestError) as bad:
        helper(client, f"disputes/{dispute.id}/outcome", status="draw")
    assert bad.value.param == "status"
    lost = helper(client, f"disputes/{dispute.id}/outcome", status="lost")
    assert lost["status"] == "lost"
    assert event_types(client, dispute.id)[-1] == "charge.dispute.closed"


def test_deadline_passing_marks_past_due(client: stripe.StripeClient, sandbox: Sandbox) -> None:
    dispute = disputed(client)
    sandbox.state.clock_offset = WEEK + 60
    assert client.v1.disputes.retrieve(dispute.id).evidence_details.past_due is True
    assert client.v1.disputes.list().data[0].evidence_details.past_due is True


def test_unknown_dispute_is_404(client: stripe.StripeClient) -> None:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.disputes.retrieve("dp_missing")
    assert caught.value.http_status == 404
    assert caught.value.code == "resource_missing"
