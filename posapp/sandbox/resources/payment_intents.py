"""PaymentIntents: the routes over the engine's state machine (engine/payments.py).

Sandbox-only routes: `POST /v1/test_helpers/sandbox/payment_intents/{id}/authenticate`
with `outcome=approve|deny` completes or fails a pending 3D Secure step, and the
`next_action.redirect_to_url` page (`/authenticate/{id}`, given when `return_url` is set)
lets a person do the same in a browser.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from ..engine.cards import resolve_payment_method
from ..engine.charges import display_amount
from ..engine.checkout import finish_authentication
from ..engine.clock import customer_time
from ..engine.connect import check_payment_intent
from ..engine.customers import require_customer
from ..engine.payments import (
    CAPTURE_METHODS,
    CONFIRMABLE,
    DEFAULT_OPTIONS,
    cancel_payment_intent,
    capture_payment_intent,
    card_options,
    check_amount,
    confirm_payment_intent,
    create_payment_intent,
    unexpected_state,
)
from ..errors import invalid
from ..params import Params, currency_code, merge_metadata
from ..router import PageResponse, Request, api, page
from ..state import Obj, search_response

_CANCELLATION_REASONS = ("duplicate", "fraudulent", "requested_by_customer", "abandoned")
_SETUP_FUTURE_USAGE = ("on_session", "off_session")

CREATE_PARAMS = ("amount", "currency", "customer", "payment_method", "payment_method_types",
                 "allowed_payment_method_types",
                 "confirm", "off_session", "capture_method", "metadata", "description",
                 "receipt_email", "automatic_payment_methods", "setup_future_usage",
                 "statement_descriptor", "return_url", "payment_method_options",
                 "application_fee_amount", "transfer_data", "on_behalf_of", "transfer_group")
UPDATE_PARAMS = ("amount", "currency", "customer", "payment_method", "payment_method_types",
                 "allowed_payment_method_types",
                 "capture_method", "metadata", "description", "receipt_email",
                 "setup_future_usage", "statement_descriptor", "payment_method_options")
_AMOUNT_FIELDS = ("amount", "currency", "payment_method", "capture_method",
                  "payment_method_types", "allowed_payment_method_types")


def _payment_method_types(p: Params) -> list[str] | None:
    """The payment method types asked for: `allowed_payment_method_types` (the current API's
    name) or the older `payment_method_types`; the object lists them as the latter."""
    name = next((n for n in ("allowed_payment_method_types", "payment_method_types")
                 if n in p), None)
    if name is None:
        return None
    kinds = [str(k) for k in p.array(name)]
    for kind in kinds:
        if kind not in ("card", "card_present"):
            raise invalid(f"The payment method type \"{kind}\" is invalid. The sandbox "
                          "supports: card, card_present.", param=name)
    return kinds or ["card"]


def _statement_descriptor(p: Params) -> str | None:
    text = p.string("statement_descriptor")
    if text and (len(text) > 22 or any(c in text for c in "<>\\'\"*")):
        raise invalid("The statement descriptor must be at most 22 characters and may not "
                      "contain <, >, \\, ', \" or *.", param="statement_descriptor")
    return text or None


def _connect_fields(req: Request, amount: int) -> Obj:
    """A destination or direct charge's fields (engine/connect.py), checked."""
    p = req.params
    fee = p.integer("application_fee_amount")
    transfer_data = p.hash("transfer_data")
    destination = str(transfer_data["destination"]) if transfer_data \
        and transfer_data.get("destination") else None
    if transfer_data is not None and destination is None:
        raise invalid("Missing required param: transfer_data[destination].",
                      param="transfer_data[destination]", code="parameter_missing")
    on_behalf_of = p.string("on_behalf_of") or None
    check_payment_intent(req.state, fee=fee, destination=destination,
                         on_behalf_of=on_behalf_of)
    if fee is not None and fee > amount:
        raise invalid("The application fee cannot be greater than the amount.",
                      param="application_fee_amount")
    return {"application_fee_amount": fee, "on_behalf_of": on_behalf_of,
            "transfer_data": {"amount": None, "destination": destination} if destination
            else None, "transfer_group": p.string("transfer_group") or None}


@api("POST", "/v1/payment_intents", CREATE_PARAMS, ("amount", "currency"))
def create_route(req: Request) -> Obj:
    p = req.params
    confirm = p.boolean("confirm")
    off_session = p.boolean("off_session")
    if off_session and not confirm:
        raise invalid("off_session can only be used when confirm=true.", param="off_session")
    automatic = p.hash("automatic_payment_methods")
    extra: Obj = {"statement_descriptor": _statement_descriptor(p)}
    if automatic is not None:
        extra["automatic_payment_methods"] = {
            "allow_redirects": automatic.get("allow_redirects", "always"),
            "enabled": automatic.get("enabled") in ("true", True)}
    kinds = _payment_method_types(p)
    if kinds is not None:
        extra["payment_method_types"] = kinds
    if "payment_method_options" in p:
        extra["payment_method_options"] = card_options(DEFAULT_OPTIONS,
                                                       p.hash("payment_method_options"))
    amount = p.integer("amount")
    assert amount is not None
    extra.update(_connect_fields(req, amount))
    customer = p.string("customer") or None
    with customer_time(req.state, customer):
        return create_payment_intent(
            req.state,
            amount=amount,
            currency=p.req_string("currency"),
            customer=customer,
            payment_method=p.string("payment_method") or None,
            confirm=confirm,
            off_session=off_session,
            capture_method=p.enum("capture_method", CAPTURE_METHODS,
                                  "automatic_async") or "automatic_async",
            metadata=merge_metadata({}, p.raw("metadata")),
            description=p.string("description") or None,
            receipt_email=p.string("receipt_email") or None,
            setup_future_usage=p.enum("setup_future_usage", _SETUP_FUTURE_USAGE),
            extra=extra,
            return_url=p.string("return_url") or None,
        )


@api("GET", "/v1/payment_intents/{id}", ("client_secret",))
def retrieve_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "payment_intent")


@api("POST", "/v1/payment_intents/{id}", UPDATE_PARAMS)
def update_route(req: Request) -> Obj:
    state, p = req.state, req.params
    pi = state.get(req.path_args["id"], "payment_intent")
    for name in _AMOUNT_FIELDS:
        if name in p and pi["status"] not in CONFIRMABLE:
            raise unexpected_state(pi, f"This PaymentIntent's {name} could not be updated "
                                    f"because it has a status of {pi['status']}. You may "
                                    f"only update the {name} of a PaymentIntent with one of "
                                    f"the following statuses: {', '.join(CONFIRMABLE)}.")
    changes: Obj = {}
    if "amount" in p or "currency" in p:
        currency = currency_code(p.string("currency") or pi["currency"])
        amount = p.integer("amount", pi["amount"])
        assert amount is not None
        check_amount(amount, currency)
        changes.update(amount=amount, currency=currency)
    if "customer" in p:
        customer = p.string("customer") or None
        if customer:
            require_customer(state, customer, "customer")
        changes["customer"] = customer
    if "payment_method" in p:
        token = p.string("payment_method")
        pm = resolve_payment_method(state, token, changes.get("customer", pi["customer"])) \
            if token else None
        changes["payment_method"] = pm["id"] if pm else None
        changes["status"] = "requires_confirmation" if pm else "requires_payment_method"
    for key in ("description", "receipt_email"):
        if key in p:
            changes[key] = p.string(key) or None
    if "statement_descriptor" in p:
        changes["statement_descriptor"] = _statement_descriptor(p)
    if "capture_method" in p:
        changes["capture_method"] = p.enum("capture_method",
                                           CAPTURE_METHODS)
    if "setup_future_usage" in p:
        changes["setup_future_usage"] = p.enum("setup_future_usage", _SETUP_FUTURE_USAGE)
    kinds = _payment_method_types(p)
    if kinds is not None:
        changes["payment_method_types"] = kinds
    if "metadata" in p:
        changes["metadata"] = merge_metadata(pi["metadata"], p.raw("metadata"))
    if "payment_method_options" in p:
        changes["payment_method_options"] = card_options(pi["payment_method_options"],
                                                         p.hash("payment_method_options"))
    # Stripe has no payment_intent.updated event: an update emits nothing.
    return state.update(pi, changes)


@api("POST", "/v1/payment_intents/{id}/confirm", ("payment_method", "off_session",
                                                  "return_url", "receipt_email",
                                                  "setup_future_usage", "capture_method",
                                                  "payment_method_options"))
def confirm_route(req: Request) -> Obj:
    state, p = req.state, req.params
    pi = state.get(req.path_args["id"], "payment_intent")
    changes: Obj = {}
    if "receipt_email" in p:
        changes["receipt_email"] = p.string("receipt_email") or None
    if "setup_future_usage" in p:
        changes["setup_future_usage"] = p.enum("setup_future_usage", _SETUP_FUTURE_USAGE)
    if "capture_method" in p:
        changes["capture_method"] = p.enum("capture_method",
                                           CAPTURE_METHODS)
    if "payment_method_options" in p:
        changes["payment_method_options"] = card_options(pi["payment_method_options"],
                                                         p.hash("payment_method_options"))
    if changes and pi["status"] in CONFIRMABLE:
        state.update(pi, changes)
    with customer_time(state, pi["customer"]):
        return confirm_payment_intent(state, pi,
                                      payment_method=p.string("payment_method") or None,
                                      off_session=p.boolean("off_session"),
                                      return_url=p.string("return_url") or None)


@api("POST", "/v1/payment_intents/{id}/capture", ("amount_to_capture", "metadata",
                                                  "final_capture"))
def capture_route(req: Request) -> Obj:
    state, p = req.state, req.params
    pi = state.get(req.path_args["id"], "payment_intent")
    metadata = merge_metadata(pi["metadata"], p.raw("metadata"))
    with customer_time(state, pi["customer"]):
        capture_payment_intent(state, pi, p.integer("amount_to_capture"))
        return state.update(pi, {"metadata": metadata})


@api("POST", "/v1/payment_intents/{id}/cancel", ("cancellation_reason",))
def cancel_route(req: Request) -> Obj:
    pi = req.state.get(req.path_args["id"], "payment_intent")
    reason = req.params.enum("cancellation_reason", _CANCELLATION_REASONS)
    with customer_time(req.state, pi["customer"]):
        return cancel_payment_intent(req.state, pi, reason)


@api("GET", "/v1/payment_intents", ("customer", "created", "limit", "starting_after",
                                    "ending_before"))
def list_route(req: Request) -> Obj:
    customer = req.params.string("customer")

    def keep(pi: Obj) -> bool:
        return customer is None or pi["customer"] == customer
    return req.state.list_response("payment_intent", req.params, "/v1/payment_intents", keep)


@api("GET", "/v1/payment_intents/search", ("query", "limit", "page"), ("query",))
def search_route(req: Request) -> Obj:
    return search_response(req.state, "payment_intent", req.params,
                           "/v1/payment_intents/search")


@api("POST", "/v1/test_helpers/sandbox/payment_intents/{id}/authenticate", ("outcome",),
     ("outcome",))
def authenticate_route(req: Request) -> Obj:
    """Sandbox only: `outcome=approve` completes the 3D Secure step, `deny` fails it; what
    the PaymentIntent pays for is settled as after the challenge page."""
    pi = req.state.get(req.path_args["id"], "payment_intent")
    outcome = req.params.enum("outcome", ("approve", "deny"))
    return finish_authentication(req.state, pi, outcome == "approve")


@page("GET", "/authenticate/{id}")
def authenticate_page(req: Request) -> PageResponse:
    """The 3D Secure challenge a person sees: approve or deny, then back to `return_url`."""
    pi = req.state.get(req.path_args["id"], "payment_intent")
    amount = display_amount(pi["amount"], pi["currency"])
    return_url = req.params.string("return_url") or ""
    buttons = "".join(
        f"<button name='outcome' value='{value}'>{label}</button>"
        for value, label in (("approve", "Complete authentication"),
                             ("deny", "Fail authentication")))
    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>3D Secure</title>"
            f"</head><body><h1>3D Secure test payment</h1><p>{html.escape(amount)}</p>"
            f"<form method='post'><input type='hidden' name='return_url' "
            f"value='{html.escape(return_url, quote=True)}'>{buttons}</form></body></html>")
    return PageResponse(body.encode())


@page("POST", "/authenticate/{id}")
def authenticate_submit(req: Request) -> PageResponse:
    pi = req.state.get(req.path_args["id"], "payment_intent")
    finish_authentication(req.state, pi, req.form.get("outcome") == "approve")
    return_url = req.form.get("return_url")
    if return_url:
        separator = "&" if "?" in return_url else "?"
        return PageResponse(b"", status=303, location=f"{return_url}{separator}"
                            f"payment_intent={quote(pi['id'])}")
    return PageResponse(f"<p>Authentication finished: {html.escape(pi['status'])}</p>"
                        .encode())
