"""SetupIntents: create, retrieve, update, confirm, cancel, list (engine/setups.py).

Sandbox-only route `POST /v1/test_helpers/sandbox/setup_intents/{id}/authenticate`
(`outcome=approve|deny`) finishes a pending 3D Secure step.
"""

from __future__ import annotations

from ..engine.cards import resolve_payment_method
from ..engine.clock import customer_time
from ..engine.setups import (
    CONFIRMABLE,
    authenticate_setup_intent,
    cancel_setup_intent,
    confirm_setup_intent,
    create_setup_intent,
    unexpected_state,
)
from ..errors import ApiError
from ..params import merge_metadata
from ..router import Request, api
from ..state import Obj

USAGES = ("off_session", "on_session")
_CANCELLATION_REASONS = ("abandoned", "duplicate", "requested_by_customer")


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
            raise unexpected_state(seti, "This SetupIntent's payment_method could not be "
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
