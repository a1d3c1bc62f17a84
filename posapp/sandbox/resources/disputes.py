"""Disputes: opened by `pm_card_createDispute` payments; evidence, submit, close, outcome.

Lifecycle: `needs_response` → (`submit=true`) `under_review` → `won`/`lost`; closing
(accepting) a dispute in `needs_response` loses it. The sandbox-only route
`POST /v1/test_helpers/sandbox/disputes/{id}/outcome` with `status=won|lost` decides one.
"""

from __future__ import annotations

from ..errors import invalid, state_error
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, State

RESPONSE_DAYS = 7
EVIDENCE_FIELD_MAX = 20_000
EVIDENCE_TOTAL_MAX = 150_000
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
_AWAITING_EVIDENCE = ("warning_needs_response", "needs_response")


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
        "evidence": dict.fromkeys(EVIDENCE_FIELDS),
        "evidence_details": {"due_by": now + RESPONSE_DAYS * 86_400,
                             "enhanced_eligibility": {}, "has_evidence": False,
                             "past_due": False, "submission_count": 0},
        "is_charge_refundable": False,
        "livemode": False,
        "metadata": {},
        "payment_intent": charge["payment_intent"],
        "payment_method_details": {"card": {"brand": card["brand"], "case_type": "chargeback",
                                            "network_reason_code": "10.4"},
                                   "type": "card"},
        "reason": reason,
        "status": "needs_response",
    }
    state.insert(dispute)
    charge["disputed"] = True
    state.emit("charge.dispute.created", dispute)
    state.emit("charge.dispute.funds_withdrawn", dispute)
    return dispute


def _refresh(state: State, dispute: Obj) -> Obj:
    """`past_due` turns true once `due_by` passes without a submission."""
    details = dispute["evidence_details"]
    if dispute["status"] in _AWAITING_EVIDENCE and state.now() > details["due_by"]:
        details["past_due"] = True
    return dispute


def _get(state: State, dispute_id: str) -> Obj:
    return _refresh(state, state.get(dispute_id, "dispute"))


def _merge_evidence(current: Obj, update: object) -> Obj:
    if not isinstance(update, dict):
        raise invalid("Invalid object", param="evidence")
    merged = dict(current)
    for key, value in update.items():
        if key not in EVIDENCE_FIELDS:
            raise invalid(f"Received unknown parameter: evidence[{key}]",
                          param=f"evidence[{key}]", code="parameter_unknown")
        if not isinstance(value, str):
            raise invalid(f"Invalid string: evidence[{key}]", param=f"evidence[{key}]")
        if len(value) > EVIDENCE_FIELD_MAX:
            raise invalid(f"evidence[{key}] can have up to {EVIDENCE_FIELD_MAX} characters, "
                          f"but you passed {len(value)}.", param=f"evidence[{key}]")
        merged[key] = value or None
    if sum(len(v) for v in merged.values() if v) > EVIDENCE_TOTAL_MAX:
        raise invalid(f"The combined length of all evidence fields can be at most "
                      f"{EVIDENCE_TOTAL_MAX} characters.", param="evidence")
    return merged


@api("GET", "/v1/disputes/{id}")
def retrieve_dispute(req: Request) -> Obj:
    return _get(req.state, req.path_args["id"])


@api("POST", "/v1/disputes/{id}", ("evidence", "metadata", "submit"))
def update_dispute(req: Request) -> Obj:
    state, p = req.state, req.params
    dispute = _get(state, req.path_args["id"])
    submit = p.boolean("submit")
    if ("evidence" in p or submit) and dispute["status"] not in _AWAITING_EVIDENCE:
        raise state_error(f"This dispute is {dispute['status']}: its evidence was already "
                          "submitted or it is closed, so evidence can no longer be changed.",
                          param="evidence")
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(dispute["metadata"], p.raw("metadata"))
    evidence = dispute["evidence"]
    if "evidence" in p:
        evidence = _merge_evidence(evidence, p.raw("evidence"))
        changes["evidence"] = evidence
    details = dict(dispute["evidence_details"])
    details["has_evidence"] = any(evidence.values())
    if submit:
        details.update(submission_count=details["submission_count"] + 1, past_due=False)
        changes["status"] = "under_review"
    changes["evidence_details"] = details
    return state.update(dispute, changes, "charge.dispute.updated")


@api("POST", "/v1/disputes/{id}/close")
def close_dispute(req: Request) -> Obj:
    """Accept the dispute: it is lost and the funds stay with the cardholder."""
    dispute = _get(req.state, req.path_args["id"])
    if dispute["status"] not in _AWAITING_EVIDENCE:
        raise state_error(f"This dispute is {dispute['status']} and can no longer be closed.")
    return decide_dispute(req.state, dispute, "lost")


def decide_dispute(state: State, dispute: Obj, status: str) -> Obj:
    """Close an open dispute as won or lost (`charge.dispute.closed`, funds reinstated if won)."""
    if dispute["status"] not in OPEN:
        raise state_error(f"This dispute is already closed ({dispute['status']}).")
    state.update(dispute, {"status": status})
    state.emit("charge.dispute.closed", dispute)
    if status == "won":
        state.emit("charge.dispute.funds_reinstated", dispute)
    return dispute


@api("POST", "/v1/test_helpers/sandbox/disputes/{id}/outcome", ("status",), ("status",))
def dispute_outcome(req: Request) -> Obj:
    """Sandbox only: the card network decides the dispute (`status=won|lost`)."""
    dispute = _get(req.state, req.path_args["id"])
    status = req.params.enum("status", ("won", "lost"))
    assert status is not None
    return decide_dispute(req.state, dispute, status)


@api("GET", "/v1/disputes", ("charge", "payment_intent", "created", "limit",
                             "starting_after", "ending_before"))
def list_disputes(req: Request) -> Obj:
    state = req.state
    charge = req.params.string("charge")
    payment_intent = req.params.string("payment_intent")

    def keep(dispute: Obj) -> bool:
        _refresh(state, dispute)
        return ((charge is None or dispute["charge"] == charge)
                and (payment_intent is None or dispute["payment_intent"] == payment_intent))
    return state.list_response("dispute", req.params, "/v1/disputes", keep)
