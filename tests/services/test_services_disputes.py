"""Disputes against a live sandbox: evidence drafts, the one-time submission, accepting, and
Stripe's evidence limits checked before sending."""

from __future__ import annotations

import pytest
from services_support import assert_audited, cached, customer_with_card

from posapp.gateway import ErrorKind, GatewayError, disputes
from posapp.services import payments
from posapp.services.customers import ContactError
from posapp.services.disputes import (
    EVIDENCE_TOTAL_LIMIT,
    EvidenceError,
    accept_dispute,
    check_evidence,
    save_evidence_draft,
    submit_evidence,
)
from posapp.services.session import Session


def _disputed(session: Session) -> str:
    """A payment the cardholder disputes at once; the dispute's id, stored in the cache."""
    customer_id, card_id = customer_with_card(session, "pm_card_createDispute")
    outcome = payments.charge_saved_card(session, customer_id, card_id, 6000, "usd", "Order")
    assert outcome.payment_intent_id is not None
    found, _ = disputes.list_disputes(
        session.gateway, {"payment_intent": outcome.payment_intent_id}
    )
    session.cache.upsert("disputes", found)
    return str(found[0]["id"])


def test_draft_can_be_changed_then_submitted_once(session: Session) -> None:
    dispute_id = _disputed(session)

    draft = save_evidence_draft(
        session,
        dispute_id,
        {"product_description": "Two bags of coffee", "customer_name": "Ada Lovelace"},
    )
    assert draft["status"] == "needs_response"
    assert draft["evidence"]["product_description"] == "Two bags of coffee"
    save_evidence_draft(session, dispute_id, {"customer_name": ""})
    assert cached(session, "disputes", dispute_id)["evidence"]["customer_name"] is None
    assert_audited(session, "dispute.save_evidence")

    submitted = submit_evidence(session, dispute_id, {"shipping_tracking_number": "1Z999"})

    assert submitted["status"] == "under_review"
    assert submitted["evidence"]["product_description"] == "Two bags of coffee"
    assert submitted["evidence_details"]["submission_count"] == 1
    assert cached(session, "disputes", dispute_id)["status"] == "under_review"
    assert_audited(session, "dispute.submit_evidence")
    with pytest.raises(GatewayError) as raised:
        submit_evidence(session, dispute_id, {"uncategorized_text": "More"})
    assert raised.value.kind is ErrorKind.INVALID_REQUEST


def test_accepting_a_dispute_loses_it(session: Session) -> None:
    dispute_id = _disputed(session)

    accepted = accept_dispute(session, dispute_id)

    assert accepted["status"] == "lost"
    assert cached(session, "disputes", dispute_id)["status"] == "lost"
    assert_audited(session, "dispute.accept")
    with pytest.raises(GatewayError):
        accept_dispute(session, dispute_id)


def test_evidence_over_a_field_limit_is_refused_before_sending(session: Session) -> None:
    dispute_id = _disputed(session)
    sent = session.gateway.request_count

    with pytest.raises(EvidenceError, match="20,001 characters; Stripe allows 20,000"):
        save_evidence_draft(session, dispute_id, {"product_description": "x" * 20_001})
    with pytest.raises(EvidenceError, match="not an evidence text field"):
        save_evidence_draft(session, dispute_id, {"receipt": "file_123"})

    assert session.gateway.request_count == sent


def test_combined_evidence_limit_counts_what_is_already_staged() -> None:
    staged = {f"field{i}": "x" * 20_000 for i in range(7)}
    long_fields = ["product_description", "uncategorized_text"]

    assert check_evidence({long_fields[0]: "y" * 10_000}, staged)
    with pytest.raises(EvidenceError, match=f"Stripe allows {EVIDENCE_TOTAL_LIMIT:,}"):
        check_evidence({long_fields[1]: "y" * 10_001}, staged)


def test_the_customers_email_in_evidence_is_checked() -> None:
    with pytest.raises(ContactError, match="is not an e-mail address"):
        check_evidence({"customer_email_address": "wang.fang@"})
    assert check_evidence({"customer_email_address": "wang.fang@example.com"})
    assert check_evidence({"customer_email_address": ""}) == {"customer_email_address": ""}
