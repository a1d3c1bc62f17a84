"""Disputes: retrieve, evidence, submit, close, list (opening and deciding: engine/disputes.py).

Closing (accepting) a dispute in `needs_response` loses it. The sandbox-only route
`POST /v1/test_helpers/sandbox/disputes/{id}/outcome` with `status=won|lost` decides one.
"""

from __future__ import annotations

from ..engine.disputes import AWAITING_EVIDENCE, EVIDENCE_FIELDS, decide_dispute
from ..errors import invalid, state_error
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, State

EVIDENCE_FIELD_MAX = 20_000
EVIDENCE_TOTAL_MAX = 150_000


def _refresh(state: State, dispute: Obj) -> Obj:
    """`past_due` turns true once `due_by` passes without a submission."""
    details = dispute["evidence_details"]
    if dispute["status"] in AWAITING_EVIDENCE and state.now() > details["due_by"]:
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
    if ("evidence" in p or submit) and dispute["status"] not in AWAITING_EVIDENCE:
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
    if dispute["status"] not in AWAITING_EVIDENCE:
        raise state_error(f"This dispute is {dispute['status']} and can no longer be closed.")
    return decide_dispute(req.state, dispute, "lost")



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
