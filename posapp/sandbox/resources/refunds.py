"""Refunds: create (by charge or PaymentIntent), retrieve, update, list; a failure helper.

The sandbox-only route `POST /v1/test_helpers/sandbox/refunds/{id}/fail` makes a succeeded
refund fail later, as a bank can: `refund.failed` and `refund.updated`, and the charge's
`amount_refunded` given back.
"""

from __future__ import annotations

from ..engine.balance import refund_failed, refund_moved
from ..engine.charges import display_amount, unrefunded
from ..engine.clock import customer_time
from ..engine.connect import refund_connect
from ..errors import ApiError, invalid
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, State

REASONS = ("duplicate", "fraudulent", "requested_by_customer")
FAILURE_REASONS = ("lost_or_stolen_card", "expired_or_canceled_card", "declined", "unknown")


def _charge_to_refund(state: State, charge_id: str | None, payment_intent: str | None) -> Obj:
    if charge_id and payment_intent:
        raise invalid("You cannot specify both charge and payment_intent. Please specify only "
                      "one.", param="payment_intent")
    if charge_id:
        return state.get(charge_id, "charge", param="charge")
    if not payment_intent:
        raise invalid("One of the following params should be provided for this request: "
                      "payment_intent or charge.", code="parameter_missing")
    pi = state.get(payment_intent, "payment_intent", param="payment_intent")
    charge = state.find(pi["latest_charge"], "charge")
    if charge is None or charge["status"] != "succeeded":
        raise invalid(f"This PaymentIntent ({pi['id']}) does not have a successful charge to "
                      "refund.", param="payment_intent", code="charge_not_refundable")
    return charge


def create_refund(state: State, *, charge: str | None = None,
                  payment_intent: str | None = None, amount: int | None = None,
                  reason: str | None = None, metadata: dict[str, str] | None = None,
                  reverse_transfer: bool = False, refund_application_fee: bool = False) -> Obj:
    """Refund all or part of a captured charge, with Stripe's errors for what cannot be;
    with Connect, reverse its transfer and refund its application fee in proportion."""
    target = _charge_to_refund(state, charge, payment_intent)
    if target["status"] != "succeeded":
        raise invalid(f"Charge {target['id']} has failed and cannot be refunded.",
                      code="charge_not_refundable", param="charge")
    if target["refunded"]:
        raise invalid(f"Charge {target['id']} has already been refunded.",
                      code="charge_already_refunded", param="charge")
    if not target["captured"]:
        raise invalid(f"Charge {target['id']} has not been captured; cancel its "
                      "PaymentIntent to release the authorization instead.",
                      code="charge_not_refundable", param="charge")
    if target["disputed"]:
        raise invalid(f"Charge {target['id']} has been charged back; cannot issue a refund.",
                      code="charge_disputed", param="charge")
    remaining = unrefunded(target)
    value = remaining if amount is None else amount
    if value < 1:
        raise invalid("This value must be greater than or equal to 1.", param="amount")
    if value > remaining:
        currency = target["currency"]
        against = ("charge amount" if remaining == int(target["amount"])
                   else "unrefunded amount on charge")
        raise invalid(f"Refund amount ({display_amount(value, currency)}) is greater than "
                      f"{against} ({display_amount(remaining, currency)})", param="amount")
    refund: Obj = {
        "id": state.new_id("re_"),
        "object": "refund",
        "amount": value,
        "balance_transaction": None,
        "charge": target["id"],
        "created": state.now(),
        "currency": target["currency"],
        "customer": target["customer"],
        "customer_account": None,
        "destination_details": {"card": {"reference_status": "pending",
                                         "reference_type": "acquirer_reference_number",
                                         "type": "refund"},
                                "type": "card"},
        "failure_reason": None,
        "metadata": dict(metadata or {}),
        "payment_intent": target["payment_intent"],
        "payment_method": target["payment_method"],
        "reason": reason,
        "receipt_number": None,
        "source_transfer_reversal": None,
        "status": "succeeded",
        "transfer_reversal": None,
    }
    refund_connect(state, target, refund, reverse=reverse_transfer,
                   refund_fee=refund_application_fee)
    refund["balance_transaction"] = refund_moved(state, refund)["id"]
    state.insert(refund)
    refunded = int(target["amount_refunded"]) + value
    state.update(target, {"amount_refunded": refunded,
                          "refunded": refunded >= int(target["amount"])}, "charge.refunded")
    state.emit("refund.created", refund)
    return refund


def fail_refund(state: State, refund: Obj, reason: str = "expired_or_canceled_card") -> Obj:
    """A succeeded refund fails at the bank: the money is back on the merchant's balance."""
    if refund["status"] != "succeeded":
        raise ApiError(400, f"Refund {refund['id']} has status {refund['status']}; only a "
                       "succeeded refund can fail.", code="invalid_state")
    charge = state.get(refund["charge"], "charge")
    refunded = int(charge["amount_refunded"]) - int(refund["amount"])
    state.update(charge, {"amount_refunded": refunded, "refunded": False}, "charge.updated")
    state.update(refund, {"status": "failed", "failure_reason": reason,
                          "failure_balance_transaction": refund_failed(state, refund)["id"]},
                 "refund.updated")
    state.emit("refund.failed", refund)
    return refund


@api("POST", "/v1/refunds", ("charge", "payment_intent", "amount", "reason", "metadata",
                             "instructions_email", "reverse_transfer",
                             "refund_application_fee"))
def create_route(req: Request) -> Obj:
    state, p = req.state, req.params
    charge, payment_intent = p.string("charge") or None, p.string("payment_intent") or None
    with customer_time(state, _charge_to_refund(state, charge, payment_intent)["customer"]):
        return create_refund(state, charge=charge, payment_intent=payment_intent,
                             amount=p.integer("amount"), reason=p.enum("reason", REASONS),
                             metadata=merge_metadata({}, p.raw("metadata")),
                             reverse_transfer=p.boolean("reverse_transfer"),
                             refund_application_fee=p.boolean("refund_application_fee"))


@api("GET", "/v1/refunds/{id}")
def retrieve_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "refund")


@api("POST", "/v1/refunds/{id}", ("metadata",))
def update_route(req: Request) -> Obj:
    refund = req.state.get(req.path_args["id"], "refund")
    metadata = merge_metadata(refund["metadata"], req.params.raw("metadata"))
    return req.state.update(refund, {"metadata": metadata}, "refund.updated")


@api("GET", "/v1/refunds", ("charge", "payment_intent", "created", "limit", "starting_after",
                            "ending_before"))
def list_route(req: Request) -> Obj:
    charge = req.params.string("charge")
    payment_intent = req.params.string("payment_intent")

    def keep(refund: Obj) -> bool:
        return ((charge is None or refund["charge"] == charge)
                and (payment_intent is None or refund["payment_intent"] == payment_intent))
    return req.state.list_response("refund", req.params, "/v1/refunds", keep)


@api("POST", "/v1/test_helpers/sandbox/refunds/{id}/fail", ("failure_reason",))
def fail_route(req: Request) -> Obj:
    """Sandbox only: the refund fails (`failure_reason`, default expired_or_canceled_card)."""
    refund = req.state.get(req.path_args["id"], "refund")
    reason = req.params.enum("failure_reason", FAILURE_REASONS, "expired_or_canceled_card")
    assert reason is not None
    return fail_refund(req.state, refund, reason)
