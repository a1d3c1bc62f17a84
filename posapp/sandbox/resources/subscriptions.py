"""Subscriptions: the routes (create, update with prorations, cancel, resume, list, search)
over the engine (engine/subscriptions.py and, for time passing, engine/renewals.py)."""

from __future__ import annotations

from typing import Any

from ..engine.clock import customer_time
from ..engine.customers import require_customer
from ..engine.invoices import (
    DAY,
    attempt_payment,
    create_invoice,
    finalize_invoice,
    pending_items,
    void_invoice,
)
from ..engine.renewals import renew, resume_subscription
from ..engine.subscriptions import (
    ENDED,
    PAYMENT_BEHAVIORS,
    PRORATION_BEHAVIORS,
    STATUSES,
    cancel_subscription,
    create_subscription,
    items_of,
    period_of,
    plan_item_changes,
    price_for,
    proration_items,
    quantity_of,
    set_items,
)
from ..errors import invalid, missing_param, state_error
from ..params import Params, merge_metadata
from ..router import Request, api
from ..state import Obj, State, copy_json, search_response


def update_subscription(state: State, sub: Obj, p: Params) -> Obj:
    """Apply a `POST /v1/subscriptions/{id}` update: fields, items (prorated), trial, pause."""
    if sub["status"] in ENDED:
        allowed = {"metadata", "cancellation_details", "expand"}
        extra = [k for k in p.data if k not in allowed]
        if extra:
            raise state_error("A canceled subscription can only update its "
                              "cancellation_details and metadata.", param=extra[0])
    now = state.now()
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(sub["metadata"], p.raw("metadata"))
    if "description" in p:
        changes["description"] = p.string("description") or None
    if "default_payment_method" in p:
        pm = p.string("default_payment_method") or None
        if pm is not None:
            found = state.get(pm, "payment_method", param="default_payment_method")
            if found.get("customer") != sub["customer"]:
                raise invalid(f"The customer does not have a payment method with the ID {pm}. "
                              "The payment method must be attached to the customer.",
                              param="default_payment_method")
        changes["default_payment_method"] = pm
    if "collection_method" in p:
        changes["collection_method"] = p.enum("collection_method",
                                              ("charge_automatically", "send_invoice"))
    if "days_until_due" in p:
        changes["days_until_due"] = p.integer("days_until_due", minimum=0, maximum=730)
    if "cancellation_details" in p:
        details = Params(p.hash("cancellation_details") or {})
        changes["cancellation_details"] = {
            **sub["cancellation_details"], "comment": details.string("comment"),
            "feedback": details.string("feedback")}
    if "cancel_at_period_end" in p:
        at_end = p.boolean("cancel_at_period_end")
        changes["cancel_at_period_end"] = at_end
        changes["cancel_at"] = period_of(sub)[1] if at_end else None
    if "cancel_at" in p:
        value = p.raw("cancel_at")
        changes["cancel_at"] = None if value == "" else p.integer("cancel_at")
        changes["cancel_at_period_end"] = changes["cancel_at"] == period_of(sub)[1]
    if "pause_collection" in p:
        pause = p.hash("pause_collection")
        if pause is None:
            changes["pause_collection"] = None
        else:
            pp = Params(pause)
            pp.check(("behavior", "resumes_at"))
            behavior = pp.enum("behavior", ("keep_as_draft", "mark_uncollectible", "void"))
            if behavior is None:
                raise missing_param("pause_collection[behavior]")
            changes["pause_collection"] = {"behavior": behavior,
                                           "resumes_at": pp.integer("resumes_at")}
    behavior = p.enum("proration_behavior", PRORATION_BEHAVIORS, "create_prorations")
    payment_behavior = p.enum("payment_behavior", PAYMENT_BEHAVIORS, "allow_incomplete")
    at = p.integer("proration_date", now) or now
    prorations: list[tuple[Obj | None, Obj | None, int]] = []
    if "items" in p:
        items, prorations = plan_item_changes(state, sub, p.array("items"))
        changes["items"] = set_items(state, sub, items)
    snapshot = copy_json(sub)
    trial_now = p.raw("trial_end") == "now" and sub["status"] == "trialing"
    if "trial_end" in p and not trial_now:
        end = p.integer("trial_end")
        if end is None or end <= now:
            raise invalid("Invalid timestamp: must be in the future (or `now`).",
                          param="trial_end")
        items = copy_json((changes["items"] if "items" in changes else sub["items"])["data"])
        for item in items:
            item["current_period_end"] = end
        changes.update(trial_end=end, billing_cycle_anchor=end, status="trialing",
                       items=set_items(state, sub, items))
    state.update(sub, changes, "customer.subscription.updated")
    if trial_now:
        items = copy_json(items_of(sub))
        for item in items:
            item["current_period_end"] = now
        sub.update(items=set_items(state, sub, items), trial_end=now)
        renew(state, sub)
        return sub
    if prorations and behavior != "none" and sub["status"] not in ("trialing",):
        proration_items(state, sub, prorations, at)
        if behavior == "always_invoice":
            _invoice_update(state, sub, snapshot, str(payment_behavior))
    return sub


def _invoice_update(state: State, sub: Obj, snapshot: Obj, payment_behavior: str) -> None:
    customer = state.get(sub["customer"], "customer")
    items = pending_items(state, customer["id"], sub["id"])
    invoice = create_invoice(state, customer, currency=sub["currency"], subscription=sub,
                             billing_reason="subscription_update",
                             collection_method=sub["collection_method"],
                             days_until_due=sub["days_until_due"], items=items)
    previous_latest = sub["latest_invoice"]
    sub["latest_invoice"] = invoice["id"]
    finalize_invoice(state, invoice)
    if invoice["status"] != "open" or sub["collection_method"] == "send_invoice":
        return
    error = attempt_payment(state, invoice)
    if error is None or payment_behavior == "allow_incomplete":
        if error is not None:
            state.update(sub, {"status": "past_due"}, "customer.subscription.updated")
        return
    # error_if_incomplete / pending_if_incomplete: the update does not happen.
    void_invoice(state, invoice)
    for field in ("items", "status", "metadata", "cancel_at", "cancel_at_period_end",
                  "default_payment_method", "pause_collection"):
        sub[field] = snapshot[field]
    sub["latest_invoice"] = previous_latest
    set_items(state, sub, items_of(sub))
    raise error


CREATE_PARAMS = ("customer", "items", "default_payment_method", "payment_behavior",
                 "trial_period_days", "trial_end", "collection_method", "days_until_due",
                 "cancel_at_period_end", "cancel_at", "metadata", "proration_behavior",
                 "description", "off_session", "trial_settings", "currency",
                 "payment_settings", "trial_from_plan", "automatic_tax")
UPDATE_PARAMS = ("items", "default_payment_method", "payment_behavior", "proration_behavior",
                 "proration_date", "cancel_at_period_end", "cancel_at", "pause_collection",
                 "metadata", "description", "collection_method", "days_until_due",
                 "cancellation_details", "trial_end", "off_session", "payment_settings")


def _live_sub(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "subscription")


@api("POST", "/v1/subscriptions", CREATE_PARAMS, ("customer",))
def create_subscription_route(req: Request) -> Obj:
    state, p = req.state, req.params
    customer = require_customer(state, p.req_string("customer"), "customer")
    specs_raw = p.array("items")
    if not specs_raw:
        raise missing_param("items")
    specs: list[tuple[Obj, int, Any]] = []
    for index, spec in enumerate(specs_raw):
        if not isinstance(spec, dict):
            raise invalid("Invalid object", param=f"items[{index}]")
        Params(spec).check(("price", "price_data", "quantity", "metadata", "discounts",
                            "tax_rates", "billing_thresholds"))
        specs.append((price_for(state, spec, index),
                      quantity_of(spec, f"items[{index}][quantity]"), spec.get("metadata")))
    behavior = str(p.enum("payment_behavior", PAYMENT_BEHAVIORS, "allow_incomplete"))
    if behavior == "pending_if_incomplete":
        raise invalid("payment_behavior=pending_if_incomplete is only supported when "
                      "updating a subscription.", param="payment_behavior")
    method = str(p.enum("collection_method", ("charge_automatically", "send_invoice"),
                        "charge_automatically"))
    days = p.integer("days_until_due", minimum=0, maximum=730)
    if method == "send_invoice" and days is None:
        raise missing_param("days_until_due")
    if method == "charge_automatically" and days is not None:
        raise invalid("days_until_due is only allowed with collection_method=send_invoice.",
                      param="days_until_due")
    pm = p.string("default_payment_method")
    if pm:
        found = state.get(pm, "payment_method", param="default_payment_method")
        if found.get("customer") != customer["id"]:
            raise invalid(f"The customer does not have a payment method with the ID {pm}. The "
                          "payment method must be attached to the customer.",
                          param="default_payment_method")
    if p.raw("cancel_at_period_end") and p.raw("cancel_at"):
        raise invalid("You may only specify one of these parameters: cancel_at, "
                      "cancel_at_period_end.", param="cancel_at")
    trial_settings = Params(p.hash("trial_settings") or {})
    end_behavior = Params(trial_settings.hash("end_behavior") or {})
    missing_pm = str(end_behavior.enum("missing_payment_method",
                                       ("cancel", "create_invoice", "pause"),
                                       "create_invoice"))
    with customer_time(state, customer):
        now = state.now()
        trial_end: int | None = None
        if p.raw("trial_end") not in (None, "", "now"):
            trial_end = p.integer("trial_end")
            if trial_end is not None and trial_end <= now:
                raise invalid("Invalid timestamp: must be an integer Unix timestamp in the "
                              "future.", param="trial_end")
        days_trial = p.integer("trial_period_days", minimum=0, maximum=730)
        if days_trial:
            trial_end = now + days_trial * DAY
        return create_subscription(
            state, customer, specs, default_payment_method=pm, payment_behavior=behavior,
            trial_end=trial_end, collection_method=method, days_until_due=days,
            cancel_at_period_end=p.boolean("cancel_at_period_end"),
            cancel_at=p.integer("cancel_at"), metadata=p.raw("metadata"),
            description=p.string("description"), off_session=p.boolean("off_session"),
            missing_payment_method=missing_pm)


@api("GET", "/v1/subscriptions/{id}")
def retrieve_subscription(req: Request) -> Obj:
    return _live_sub(req)


@api("POST", "/v1/subscriptions/{id}", UPDATE_PARAMS)
def update_subscription_route(req: Request) -> Obj:
    sub = _live_sub(req)
    with customer_time(req.state, sub["customer"]):
        return update_subscription(req.state, sub, req.params)


@api("DELETE", "/v1/subscriptions/{id}", ("invoice_now", "prorate", "cancellation_details"))
def cancel_subscription_route(req: Request) -> Obj:
    p = req.params
    sub = _live_sub(req)
    details = Params(p.hash("cancellation_details") or {})
    with customer_time(req.state, sub["customer"]):
        return cancel_subscription(req.state, sub, invoice_now=p.boolean("invoice_now"),
                                   prorate=p.boolean("prorate"),
                                   comment=details.string("comment"),
                                   feedback=details.string("feedback"))


@api("POST", "/v1/subscriptions/{id}/resume", ("billing_cycle_anchor", "proration_behavior",
                                              "proration_date"))
def resume_subscription_route(req: Request) -> Obj:
    sub = _live_sub(req)
    anchor = req.params.enum("billing_cycle_anchor", ("now", "unchanged"), "now")
    with customer_time(req.state, sub["customer"]):
        return resume_subscription(req.state, sub, anchor_now=anchor == "now")


@api("GET", "/v1/subscriptions", ("customer", "price", "plan", "status", "collection_method",
                                  "created", "test_clock", "current_period_start",
                                  "current_period_end", "limit", "starting_after",
                                  "ending_before", "automatic_tax"))
def list_subscriptions(req: Request) -> Obj:
    p = req.params
    customer = p.string("customer")
    price = p.string("price") or p.string("plan")
    status = p.enum("status", (*STATUSES, "all", "ended"))
    method = p.enum("collection_method", ("charge_automatically", "send_invoice"))
    clock = p.string("test_clock")

    def keep(sub: Obj) -> bool:
        current = sub["status"]
        wanted = (current not in ENDED if status is None
                  else current in ENDED if status == "ended"
                  else status == "all" or current == status)
        return (wanted
                and (customer is None or sub["customer"] == customer)
                and (price is None or any(i["price"]["id"] == price for i in items_of(sub)))
                and (method is None or sub["collection_method"] == method)
                and (clock is None or sub["test_clock"] == clock))
    return req.state.list_response("subscription", p, "/v1/subscriptions", keep)


@api("GET", "/v1/subscriptions/search", ("query", "limit", "page"), ("query",))
def search_subscriptions(req: Request) -> Obj:
    return search_response(req.state, "subscription", req.params, "/v1/subscriptions/search")


@api("GET", "/v1/subscription_items", ("subscription", "limit", "starting_after",
                                       "ending_before"), ("subscription",))
def list_subscription_items(req: Request) -> Obj:
    sub = req.state.get(req.params.req_string("subscription"), "subscription",
                        param="subscription")
    return req.state.list_response("subscription_item", req.params, sub["items"]["url"],
                                   items=items_of(sub))


@api("GET", "/v1/subscription_items/{id}")
def retrieve_subscription_item(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "subscription_item")
