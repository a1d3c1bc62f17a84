"""Disputes: stage evidence as a draft, submit it (once), or accept the dispute.

Only Stripe's text evidence fields are offered; the file fields (receipt, customer
communication, ...) take uploaded-file ids, which PosApp does not upload.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from posapp.gateway import disputes
from posapp.gateway.params import DisputeUpdateParams
from posapp.services.customers import check_email
from posapp.services.errors import ServiceError
from posapp.services.session import Session, perform, stripe_params

__all__ = [
    "EVIDENCE_FIELDS",
    "EVIDENCE_TOTAL_LIMIT",
    "EvidenceError",
    "accept_dispute",
    "check_evidence",
    "save_evidence_draft",
    "submit_evidence",
]

# Stripe, dispute `evidence`: long explanations "have a maximum character count of 20,000";
# "the combined character count of all fields is limited to 150,000". Short fields have no
# documented limit of their own; 5,000 keeps them sensible and under the total.
_LONG = 20_000
_SHORT = 5_000
EVIDENCE_FIELDS: dict[str, int] = {
    "product_description": _LONG,
    "customer_name": _SHORT,
    "customer_email_address": _SHORT,
    "customer_purchase_ip": _SHORT,
    "billing_address": _SHORT,
    "shipping_address": _SHORT,
    "shipping_carrier": _SHORT,
    "shipping_tracking_number": _SHORT,
    "shipping_date": _SHORT,
    "service_date": _SHORT,
    "duplicate_charge_id": _SHORT,
    "duplicate_charge_explanation": _LONG,
    "refund_policy_disclosure": _LONG,
    "refund_refusal_explanation": _LONG,
    "cancellation_policy_disclosure": _LONG,
    "cancellation_rebuttal": _LONG,
    "access_activity_log": _LONG,
    "uncategorized_text": _LONG,
}
"""The text evidence fields, in the order a form shows them, with their character limits."""
EVIDENCE_TOTAL_LIMIT = 150_000


class EvidenceError(ServiceError):
    """Evidence Stripe would refuse; the message names the field and the limit."""


def check_evidence(
    evidence: Mapping[str, str], current: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """`evidence` as a plain dict when Stripe will take it, else EvidenceError.

    `current` is the dispute's evidence already on Stripe: the combined limit counts it too.
    The customer's e-mail address, when given, must be one (ContactError).
    """
    for name, text in evidence.items():
        if name == "customer_email_address" and text.strip():
            check_email(text)
        limit = EVIDENCE_FIELDS.get(name)
        if limit is None:
            raise EvidenceError(f"“{name}” is not an evidence text field PosApp can send.",
                                "evidence_unknown_field", field=name)
        if len(text) > limit:
            raise EvidenceError(
                f"{name.replace('_', ' ').capitalize()} has {len(text):,} characters; "
                f"Stripe allows {limit:,}.",
                "evidence_too_long", field=name, length=f"{len(text):,}", maximum=f"{limit:,}",
            )
    merged = {**{k: v for k, v in (current or {}).items() if isinstance(v, str)}, **evidence}
    total = sum(len(v) for v in merged.values())
    if total > EVIDENCE_TOTAL_LIMIT:
        raise EvidenceError(
            f"All evidence together has {total:,} characters; Stripe allows "
            f"{EVIDENCE_TOTAL_LIMIT:,}.",
            "evidence_total", length=f"{total:,}", maximum=f"{EVIDENCE_TOTAL_LIMIT:,}",
        )
    return dict(evidence)


def _update(
    session: Session, action: str, dispute_id: str, evidence: Mapping[str, str], submit: bool
) -> dict[str, Any]:
    cached = session.cache.get("disputes", dispute_id) or {}
    params = stripe_params(
        DisputeUpdateParams,
        evidence=check_evidence(evidence, cached.get("evidence")), submit=submit
    )
    return perform(
        session,
        action,
        lambda gw: disputes.update_dispute(gw, dispute_id, params),
        object_id=dispute_id,
    )


def save_evidence_draft(
    session: Session, dispute_id: str, evidence: Mapping[str, str]
) -> dict[str, Any]:
    """Stage evidence on the dispute without submitting it (`submit=false`); it can be
    changed again until submitted. An empty text removes a field."""
    return _update(session, "dispute.save_evidence", dispute_id, evidence, submit=False)


def submit_evidence(
    session: Session, dispute_id: str, evidence: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Send the staged evidence (plus `evidence`) to the bank (`submit=true`).

    This can be done once: afterwards the dispute is under review and the evidence final.
    """
    return _update(session, "dispute.submit_evidence", dispute_id, evidence or {}, submit=True)


def accept_dispute(session: Session, dispute_id: str) -> dict[str, Any]:
    """Accept the dispute (close it): it is lost and the money stays with the cardholder.
    This cannot be undone."""
    return perform(
        session,
        "dispute.accept",
        lambda gw: disputes.close_dispute(gw, dispute_id),
        object_id=dispute_id,
    )
