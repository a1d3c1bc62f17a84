"""Disputes: opened on a charge, decided won or lost.

Lifecycle: `needs_response` → (`submit=true`) `under_review` → `won`/`lost`.
"""

from __future__ import annotations

from ..errors import state_error
from ..state import Obj, State
from .balance import dispute_moved

RESPONSE_DAYS = 7
EVIDENCE_FIELDS = (
    "access_activity_log", "billing_address", "cancellation_policy",
    "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
    "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
    "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id",
    "product_description", "receipt", "refund_policy", "refund_policy_disclosure",
    "refund_refusal_explanation", "service_date", "service_documentation", "shipping_address",
    "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
    "uncategorized_file", "uncategorized_text",
)
OPEN = ("warning_needs_response", "needs_response", "under_review", "warning_under_review")
AWAITING_EVIDENCE = ("warning_needs_response", "needs_response")


def open_dispute(state: State, charge: Obj, reason: str = "fraudulent") -> Obj:
    """Open a dispute on a succeeded charge: the full amount is withdrawn at once."""
    now = state.now()
    card = charge["payment_method_details"]["card"]
    dispute: Obj = {
        "id": state.new_id("dp_"),
        "object": "dispute",
        "amount": charge["amount"],
        "balance_transactions": [],
        "charge": charge["id"],
        "created": now,
        "currency": charge["currency"],
        "enhanced_eligibility_types": [],
        "evidence": {**dict.fromkeys(EVIDENCE_FIELDS), "enhanced_evidence": {}},
        "evidence_details": {"due_by": now + RESPONSE_DAYS * 86_400,
                             "enhanced_eligibility": {}, "has_evidence": False,
                             "past_due": False, "submission_count": 0},
        "is_charge_refundable": False,
        "livemode": False,
        "metadata": {},
        "payment_intent": charge["payment_intent"],
        "payment_method_details": {"card": {"brand": card["brand"], "case_type": "chargeback",
                                            "network": card["network"],
                                            "network_reason_code": "10.4"},
                                   "type": "card"},
        "reason": reason,
        "status": "needs_response",
    }
    dispute["balance_transactions"] = [dispute_moved(state, dispute)]
    state.insert(dispute)
    charge["disputed"] = True
    state.emit("charge.dispute.created", dispute)
    state.emit("charge.dispute.funds_withdrawn", dispute)
    return dispute


def decide_dispute(state: State, dispute: Obj, status: str) -> Obj:
    """Close an open dispute as won or lost (`charge.dispute.closed`, funds reinstated if won)."""
    if dispute["status"] not in OPEN:
        raise state_error(f"This dispute is already closed ({dispute['status']}).")
    state.update(dispute, {"status": status})
    state.emit("charge.dispute.closed", dispute)
    if status == "won":
        dispute["balance_transactions"].append(dispute_moved(state, dispute, won=True))
        state.emit("charge.dispute.funds_reinstated", dispute)
    return dispute
