"""SetupIntents: save a card for later without charging it.

A successful confirmation attaches the PaymentMethod to the SetupIntent's customer; cards
that fail verification raise Stripe's 402 card error carrying the SetupIntent; 3D Secure
cards wait in `requires_action` until `authenticate_setup_intent` (sandbox-only route
`POST /v1/test_helpers/sandbox/setup_intents/{id}/authenticate`, `outcome=approve|deny`).
"""

from __future__ import annotations

from typing import Any

from ..errors import ApiError
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj, State
from .customers import require_customer
from .payment_methods import (
    attach_payment_method,
    authentication_failure,
    card_error,
    last_error,
    resolve_payment_method,
    test_card,
)
from .test_clocks import customer_time

CONFIRMABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
USAGES = ("off_session", "on_session")
_CANCELLATION_REASONS = ("abandoned", "duplicate", "requested_by_customer")
_AUTH_FAILED = ("The latest attempt to set up the payment method has failed because "
                "authentication failed.")


def _unexpected_state(seti: Obj, message: str) -> ApiError:
    return ApiError(400, message, code="setup_intent_unexpected_state",
                    extra={"setup_intent": seti})


def create_setup_intent(state: State, *, customer: str | None = None,
                        payment_method: str | None = None, confirm: bool = False,
                        usage: str = "off_session", metadata: dict[str, str] | None = None,
                        description: str | None = None,
                        extra: dict[str, Any] | None = None) -> Obj:
    """Create a SetupIntent (confirmed at once when `confirm`); raises card errors."""
    if customer is not None:
        require_customer(state, customer, "customer")
    pm = resolve_payment_method(state, payment_method, customer) if payment_method else None
    seti_id = state.new_id("seti_")
    seti: Obj = {
        "id": seti_id,
        "object": "setup_intent",
        "application": None,
        "automatic_payment_methods": None,
        "cancellation_reason": None,
        "client_secret": f"{seti_id}_secret_{state.new_id('', 25)}",
        "created": state.now(),
        "customer": customer,
        "description": description,
        "flow_directions": None,
        "last_setup_error": None,
        "latest_attempt": None,
        "livemode": False,
        "mandate": None,
        "metadata": dict(metadata or {}),
        "next_action": None,
        "on_behalf_of": None,
        "payment_method": pm["id"] if pm else None,
        "payment_method_configuration_details": None,
        "payment_method_options": {"card": {"mandate_options": None, "network": None,
                                            "request_three_d_secure": "automatic"}},
        "payment_method_types": ["card"],
        "single_use_mandate": None,
        "status": "requires_confirmation" if pm else "requires_payment_method",
        "usage": usage,
    }
    seti.update(extra or {})
    state.insert(seti)
    state.emit("setup_intent.created", seti)
    if confirm:
        confirm_setup_intent(state, seti)
    return seti


def confirm_setup_intent(state: State, seti: Obj, *, payment_method: str | None = None) -> Obj:
    """Verify the card: succeed (and attach), ask for 3D Secure, or fail (402 raised)."""
    status = seti["status"]
    if status not in CONFIRMABLE:
        raise _unexpected_state(seti, "You cannot confirm this SetupIntent because it has a "
                                f"status of {status}. Only a SetupIntent with one of the "
                                "following statuses may be confirmed: "
                                f"{', '.join(CONFIRMABLE)}.")
    pm_id = payment_method or seti["payment_method"]
    if not pm_id:
        raise _unexpected_state(seti, "You cannot confirm this SetupIntent because it's "
                                "missing a payment method. Update it with a payment method, "
                                "or confirm it with one.")
    pm = resolve_payment_method(state, pm_id, seti["customer"])
    state.update(seti, {"payment_method": pm["id"], "last_setup_error": None,
                        "next_action": None})
    card = test_card(pm)
    if card.attach_decline:
        state.update(seti, {"status": "requires_payment_method", "payment_method": None,
                            "last_setup_error": last_error(card.attach_decline, pm)})
        state.emit("setup_intent.setup_failed", seti)
        raise card_error(card.attach_decline, {"setup_intent": seti, "payment_method": pm})
    if card.authentication:
        state.update(seti, {"status": "requires_action", "next_action": {
            "type": "use_stripe_sdk",
            "use_stripe_sdk": {"type": "three_d_secure_redirect", "source": pm["id"]}}})
        state.emit("setup_intent.requires_action", seti)
        return seti
    return _succeed(state, seti, pm)


def _succeed(state: State, seti: Obj, pm: Obj) -> Obj:
    if seti["customer"]:
        attach_payment_method(state, pm["id"], state.get(seti["customer"], "customer"))
    state.update(seti, {"status": "succeeded", "next_action": None})
    state.emit("setup_intent.succeeded", seti)
    return seti


def authenticate_setup_intent(state: State, seti: Obj, approve: bool) -> Obj:
    """Finish the 3D Secure step of a `requires_action` SetupIntent."""
    if seti["status"] != "requires_action":
        raise _unexpected_state(seti, "This SetupIntent does not require authentication: its "
                                f"status is {seti['status']}.")
    pm = state.get(seti["payment_method"], "payment_method", param="payment_method")
    if approve:
        return _succeed(state, seti, pm)
    state.update(seti, {"status": "requires_payment_method", "payment_method": None,
                        "next_action": None, "last_setup_error": authentication_failure(
                            "setup_intent_authentication_failure", _AUTH_FAILED, pm)})
    state.emit("setup_intent.setup_failed", seti)
    return seti


def cancel_setup_intent(state: State, seti: Obj, reason: str | None = None) -> Obj:
    if seti["status"] not in CONFIRMABLE:
        raise _unexpected_state(seti, "You cannot cancel this SetupIntent because it has a "
                                f"status of {seti['status']}. Only a SetupIntent with one of "
                                "the following statuses may be canceled: "
                                f"{', '.join(CONFIRMABLE)}.")
    state.update(seti, {"status": "canceled", "cancellation_reason": reason,
                        "next_action": None})
    state.emit("setup_intent.canceled", seti)
    return seti


@api("POST", "/v1/setup_intents", ("customer", "payment_method", "confirm", "usage",
                                   "payment_method_types", "metadata", "description",
                                   "automatic_payment_methods", "return_url"))
def create_route(req: Request) -> Obj:
    p = req.params
    for kind in p.array("payment_method_types"):
        if kind != "card":
            raise ApiError(400, f"The payment method type \"{kind}\" is invalid. The sandbox "
                           "supports: card.", param="payment_method_types")
    usage = p.enum("usage", USAGES, "off_session")
    assert usage is not None
    customer = p.string("customer") or None
    with customer_time(req.state, customer):
        return create_setup_intent(req.state, customer=customer,
                                   payment_method=p.string("payment_method") or None,
                                   confirm=p.boolean("confirm"), usage=usage,
                                   metadata=merge_metadata({}, p.raw("metadata")),
                                   description=p.string("description") or None)


@api("GET", "/v1/setup_intents/{id}", ("client_secret",))
def retrieve_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "setup_intent")


@api("POST", "/v1/setup_intents/{id}", ("metadata", "description", "payment_method"))
def update_route(req: Request) -> Obj:
    state, p = req.state, req.params
    seti = state.get(req.path_args["id"], "setup_intent")
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(seti["metadata"], p.raw("metadata"))
    if "description" in p:
        changes["description"] = p.string("description") or None
    if "payment_method" in p:
        if seti["status"] not in CONFIRMABLE:
            raise _unexpected_state(seti, "This SetupIntent's payment_method could not be "
                                    f"updated because it has a status of {seti['status']}.")
        token = p.string("payment_method")
        pm = resolve_payment_method(state, token, seti["customer"]) if token else None
        changes["payment_method"] = pm["id"] if pm else None
        if pm and seti["status"] == "requires_payment_method":
            changes["status"] = "requires_confirmation"
    return state.update(seti, changes, "setup_intent.updated")


@api("POST", "/v1/setup_intents/{id}/confirm", ("payment_method", "return_url"))
def confirm_route(req: Request) -> Obj:
    seti = req.state.get(req.path_args["id"], "setup_intent")
    with customer_time(req.state, seti["customer"]):
        return confirm_setup_intent(req.state, seti,
                                    payment_method=req.params.string("payment_method") or None)


@api("POST", "/v1/setup_intents/{id}/cancel", ("cancellation_reason",))
def cancel_route(req: Request) -> Obj:
    seti = req.state.get(req.path_args["id"], "setup_intent")
    reason = req.params.enum("cancellation_reason", _CANCELLATION_REASONS)
    return cancel_setup_intent(req.state, seti, reason)


@api("GET", "/v1/setup_intents", ("customer", "payment_method", "created", "limit",
                                  "starting_after", "ending_before"))
def list_route(req: Request) -> Obj:
    customer = req.params.string("customer")
    payment_method = req.params.string("payment_method")

    def keep(seti: Obj) -> bool:
        return ((customer is None or seti["customer"] == customer)
                and (payment_method is None or seti["payment_method"] == payment_method))
    return req.state.list_response("setup_intent", req.params, "/v1/setup_intents", keep)


@api("POST", "/v1/test_helpers/sandbox/setup_intents/{id}/authenticate", ("outcome",),
     ("outcome",))
def authenticate_route(req: Request) -> Obj:
    """Sandbox only: `outcome=approve` completes the 3D Secure step, `deny` fails it."""
    seti = req.state.get(req.path_args["id"], "setup_intent")
    outcome = req.params.enum("outcome", ("approve", "deny"))
    return authenticate_setup_intent(req.state, seti, outcome == "approve")
