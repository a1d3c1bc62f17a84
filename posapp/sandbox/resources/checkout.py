"""Checkout Sessions: create, retrieve, update, expire, list, line items (engine/checkout.py
completes them)."""

from __future__ import annotations

from ..engine.checkout import (
    MAX_LIFETIME,
    MIN_LIFETIME,
    MODES,
    UI_MODES,
    create_session,
    expire_session,
    parse_line_items,
)
from ..engine.customers import require_customer
from ..engine.discounts import automatic_tax_enabled, session_discounts
from ..errors import invalid, missing_param
from ..params import Params, currency_code, merge_metadata
from ..router import Request, api
from ..state import Obj

_SETUP_FUTURE_USAGE = ("on_session", "off_session")

CREATE_PARAMS = ("mode", "line_items", "customer", "customer_email", "customer_creation",
                 "success_url", "cancel_url", "metadata", "payment_intent_data",
                 "subscription_data", "setup_intent_data", "currency", "expires_at",
                 "client_reference_id", "payment_method_types", "ui_mode", "locale", "return_url",
                 "submit_type", "billing_address_collection", "allow_promotion_codes",
                 "discounts", "automatic_tax")


@api("POST", "/v1/checkout/sessions", CREATE_PARAMS, ("mode",))
def create_session_route(req: Request) -> Obj:
    state, p = req.state, req.params
    mode = str(p.enum("mode", MODES))
    customer_id, email = p.string("customer"), p.string("customer_email")
    if customer_id and email:
        raise invalid("You may only specify one of these parameters: customer, "
                      "customer_email.", param="customer_email")
    creation = p.enum("customer_creation", ("always", "if_required"))
    if creation and mode != "payment":
        raise invalid("`customer_creation` can only be used in `payment` mode.",
                      param="customer_creation")
    customer = require_customer(state, customer_id, "customer") if customer_id else None
    ui_mode = str(p.enum("ui_mode", UI_MODES, "hosted_page"))
    if ui_mode in ("embedded_page", "elements") and not p.string("return_url"):
        raise missing_param("return_url")
    intent_data = p.hash("payment_intent_data")
    if intent_data is not None:
        if mode != "payment":
            raise invalid("`payment_intent_data` can only be used in `payment` mode.",
                          param="payment_intent_data")
        data = Params(intent_data)
        data.check(("description", "metadata", "setup_future_usage", "capture_method",
                    "receipt_email", "statement_descriptor"))
        data.enum("setup_future_usage", _SETUP_FUTURE_USAGE)
    subscription_data = p.hash("subscription_data")
    if subscription_data is not None:
        if mode != "subscription":
            raise invalid("`subscription_data` can only be used in `subscription` mode.",
                          param="subscription_data")
        data = Params(subscription_data)
        data.check(("description", "metadata", "trial_period_days", "trial_end"))
        data.integer("trial_period_days", minimum=1, maximum=730)
    currency = p.string("currency")
    now = state.now()
    expires_at = p.integer("expires_at")
    if expires_at is not None and not now + MIN_LIFETIME <= expires_at <= now + MAX_LIFETIME:
        raise invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours "
                      "from Checkout Session creation.", param="expires_at")
    items = parse_line_items(state, p.array("line_items"))
    if mode == "subscription" and any(i["price"]["billing_scheme"] == "tiered" for i in items):
        raise invalid("The sandbox bills tiered prices only in `payment` mode; use a per-unit "
                      "price here.", param="line_items")
    return create_session(
        state, mode=mode, items=items, customer=customer, customer_email=email,
        customer_creation=creation or ("if_required" if mode == "payment" else None),
        success_url=p.string("success_url"), cancel_url=p.string("cancel_url"),
        metadata=p.raw("metadata"), payment_intent_data=intent_data,
        subscription_data=subscription_data,
        currency=currency_code(currency) if currency else None, expires_at=expires_at,
        client_reference_id=p.string("client_reference_id"), ui_mode=ui_mode,
        return_url=p.string("return_url"),
        discounts=session_discounts(state, p.raw("discounts")),
        allow_promotion_codes=p.boolean("allow_promotion_codes") or None,
        automatic_tax=automatic_tax_enabled(p))


@api("GET", "/v1/checkout/sessions/{id}")
def retrieve_session(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "checkout.session")


@api("POST", "/v1/checkout/sessions/{id}", ("metadata",))
def update_session(req: Request) -> Obj:
    session = req.state.get(req.path_args["id"], "checkout.session")
    return req.state.update(session, {
        "metadata": merge_metadata(session["metadata"], req.params.raw("metadata"))})


@api("POST", "/v1/checkout/sessions/{id}/expire")
def expire_session_route(req: Request) -> Obj:
    return expire_session(req.state, req.state.get(req.path_args["id"], "checkout.session"))


@api("GET", "/v1/checkout/sessions/{id}/line_items", ("limit", "starting_after",
                                                      "ending_before"))
def list_session_line_items(req: Request) -> Obj:
    session = req.state.get(req.path_args["id"], "checkout.session")
    return req.state.list_response("item", req.params, session["line_items"]["url"],
                                   items=session["line_items"]["data"])


@api("GET", "/v1/checkout/sessions", ("customer", "payment_intent", "payment_link", "status",
                                      "subscription", "customer_details", "created", "limit",
                                      "starting_after", "ending_before"))
def list_sessions(req: Request) -> Obj:
    p = req.params
    filters = {key: p.string(key) for key in ("customer", "payment_intent", "payment_link",
                                              "subscription")}
    status = p.enum("status", ("open", "complete", "expired"))
    email = (p.hash("customer_details") or {}).get("email")

    def keep(session: Obj) -> bool:
        return (all(value is None or session[key] == value for key, value in filters.items())
                and (status is None or session["status"] == status)
                and (email is None or (session["customer_details"] or {}).get("email")
                     == email))
    return req.state.list_response("checkout.session", p, "/v1/checkout/sessions", keep)
