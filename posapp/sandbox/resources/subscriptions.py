"""Subscriptions: create, update (prorations), cancel, resume, list, search; renewals.

Periods live on the items (`items.data[].current_period_start/end`). Creating a
subscription opens its first invoice (`billing_reason=subscription_create`) and charges it
with the default PaymentMethod. Time only moves for customers on a test clock:
`run_clock` renews periods, ends trials, retries failed renewals (`invoices.RETRY_DAYS`),
expires incomplete subscriptions after 23 hours and cancels at period end.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from ..errors import ApiError, invalid, missing_param, state_error
from ..params import Params, merge_metadata, parse_int
from ..router import Request, api
from ..state import Obj, State, copy_json, search_response
from .customers import require_customer
from .invoices import (
    attempt_payment,
    build_invoice_item,
    create_invoice,
    create_invoice_item,
    finalize_invoice,
    item_line,
    mark_uncollectible,
    no_payment_method_error,
    pending_items,
    settle_payment,
    subscription_line,
    subscription_of,
    void_invoice,
)
from .prices import inline_price, usable_price
from .test_clocks import clock_time, customer_time

_DAY = 86_400
INCOMPLETE_EXPIRY = 23 * 3600
PAYMENT_BEHAVIORS = ("allow_incomplete", "default_incomplete", "error_if_incomplete",
                     "pending_if_incomplete")
PRORATION_BEHAVIORS = ("create_prorations", "none", "always_invoice")
STATUSES = ("active", "canceled", "incomplete", "incomplete_expired", "past_due", "paused",
            "trialing", "unpaid")
ENDED = ("canceled", "incomplete_expired")


# periods ------------------------------------------------------------------------------


def add_interval(anchor: int, interval: str, count: int) -> int:
    """`anchor` moved by `count` intervals; months keep the anchor's day where it exists."""
    if interval == "day":
        return anchor + count * _DAY
    if interval == "week":
        return anchor + count * 7 * _DAY
    start = dt.datetime.fromtimestamp(anchor, dt.UTC)
    months = count * (12 if interval == "year" else 1)
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return int(start.replace(year=year, month=month, day=day).timestamp())


def next_period_end(anchor: int, recurring: Obj, after: int) -> int:
    """The first period boundary counted from `anchor` that lies after `after`."""
    step = int(recurring["interval_count"])
    n = step
    end = add_interval(anchor, recurring["interval"], n)
    while end <= after:
        n += step
        end = add_interval(anchor, recurring["interval"], n)
    return end


def _plan(price: Obj) -> Obj:
    recurring = price["recurring"]
    return {"id": price["id"], "object": "plan", "active": price["active"],
            "amount": price["unit_amount"], "amount_decimal": price["unit_amount_decimal"],
            "billing_scheme": "per_unit", "created": price["created"],
            "currency": price["currency"], "interval": recurring["interval"],
            "interval_count": recurring["interval_count"], "livemode": False,
            "metadata": price["metadata"], "meter": None, "nickname": price["nickname"],
            "product": price["product"], "tiers_mode": None, "transform_usage": None,
            "trial_period_days": None, "usage_type": recurring["usage_type"]}


def _new_item(state: State, subscription_id: str, price: Obj, quantity: int, start: int,
              end: int, metadata: Any = None) -> Obj:
    return {"id": state.new_id("si_", 14), "object": "subscription_item",
            "billing_thresholds": None, "created": state.now(),
            "current_period_end": end, "current_period_start": start, "discounts": [],
            "metadata": merge_metadata({}, metadata), "plan": _plan(price),
            "price": price, "quantity": quantity, "subscription": subscription_id,
            "tax_rates": []}


def _items(sub: Obj) -> list[Obj]:
    items: list[Obj] = sub["items"]["data"]
    return items


def period_of(sub: Obj) -> tuple[int, int]:
    """The subscription's current period (its items share one billing cycle)."""
    first = _items(sub)[0]
    return int(first["current_period_start"]), int(first["current_period_end"])


def _set_items(state: State, sub: Obj, items: list[Obj]) -> Obj:
    listing = {**sub["items"], "data": items, "total_count": len(items)}
    for item in items:
        if item["id"] in state.objects:
            state.objects[item["id"]] = item
        else:
            state.insert(item)
    return listing


def _price_for(state: State, spec: Obj, index: int, param: str = "items") -> Obj:
    if spec.get("price"):
        price = usable_price(state, str(spec["price"]), f"{param}[{index}][price]")
    elif spec.get("price_data") is not None:
        price = inline_price(state, spec["price_data"], f"{param}[{index}][price_data]")
    else:
        raise missing_param(f"{param}[{index}][price]")
    if price["type"] != "recurring":
        raise invalid("The price specified is set to `type=one_time` but this field only "
                      "accepts prices with `type=recurring`.", param=f"{param}[{index}][price]")
    return price


def _quantity(spec: Obj, param: str) -> int:
    value = spec.get("quantity")
    return 1 if value in (None, "") else parse_int(value, param, minimum=0)


# creation ----------------------------------------------------------------------------


def create_subscription(state: State, customer: Obj, specs: list[tuple[Obj, int, Any]], *,
                        default_payment_method: str | None = None,
                        payment_behavior: str = "allow_incomplete",
                        trial_end: int | None = None,
                        collection_method: str = "charge_automatically",
                        days_until_due: int | None = None, cancel_at_period_end: bool = False,
                        cancel_at: int | None = None, metadata: Any = None,
                        description: str | None = None, off_session: bool = False,
                        missing_payment_method: str = "create_invoice",
                        return_url: str | None = None) -> Obj:
    """Create a subscription for `(price, quantity, metadata)` items and bill its first period.

    `error_if_incomplete` raises the card error (402) and stores no subscription; SCA cards
    leave it `incomplete` with its invoice's PaymentIntent in `requires_action`.
    """
    from .payment_intents import create_payment_intent

    now = state.now()
    currency = specs[0][0]["currency"]
    for index, (price, _, _) in enumerate(specs):
        if price["currency"] != currency:
            raise invalid("Currency mismatch: all items of a subscription must share one "
                          "currency.", param=f"items[{index}][price]")
    pm = default_payment_method or customer["invoice_settings"].get("default_payment_method")
    total = sum(price["unit_amount"] * quantity for price, quantity, _ in specs)
    trialing = trial_end is not None and trial_end > now
    charge_now = (collection_method == "charge_automatically" and not trialing and total > 0
                  and payment_behavior != "default_incomplete")
    if charge_now and pm is None:
        raise no_payment_method_error("resource_missing", "default_payment_method")
    paid_up_front = None
    if charge_now and payment_behavior == "error_if_incomplete":
        # Charge before storing anything: a decline leaves no subscription behind.
        paid_up_front = create_payment_intent(
            state, amount=total, currency=currency, customer=customer["id"],
            payment_method=pm, confirm=True, off_session=off_session,
            description="Subscription creation", return_url=return_url)
        if paid_up_front["status"] == "requires_action" and return_url is None:
            raise ApiError(402, "Your card was declined. This transaction requires "
                           "authentication.", type="card_error",
                           code="subscription_payment_intent_requires_action",
                           extra={"payment_intent": paid_up_front})
    sub_id = state.new_id("sub_", 24)
    period_end = trial_end if trialing and trial_end is not None else next_period_end(
        now, specs[0][0]["recurring"], now)
    items = [_new_item(state, sub_id, price, quantity, now, period_end, item_metadata)
             for price, quantity, item_metadata in specs]
    sub: Obj = {
        "id": sub_id,
        "object": "subscription",
        "application": None,
        "application_fee_percent": None,
        "automatic_tax": {"disabled_reason": None, "enabled": False, "liability": None},
        "billing_cycle_anchor": period_end if trialing else now,
        "billing_cycle_anchor_config": None,
        # Flexible billing mode is the default for new subscriptions since 2025-09-30.
        "billing_mode": {"flexible": {"proration_discounts": "included"}, "type": "flexible",
                         "updated_at": now},
        "billing_thresholds": None,
        "cancel_at": None,
        "cancel_at_period_end": False,
        "canceled_at": None,
        "cancellation_details": {"comment": None, "feedback": None, "reason": None},
        "collection_method": collection_method,
        "created": now,
        "currency": currency,
        "customer": customer["id"],
        "customer_account": None,
        "days_until_due": days_until_due,
        "default_payment_method": default_payment_method,
        "default_source": None,
        "default_tax_rates": [],
        "description": description,
        "discounts": [],
        "ended_at": None,
        "invoice_settings": {"account_tax_ids": None, "issuer": {"type": "self"}},
        "items": {"object": "list", "data": [], "has_more": False, "total_count": 0,
                  "url": f"/v1/subscription_items?subscription={sub_id}"},
        "latest_invoice": None,
        "livemode": False,
        "metadata": merge_metadata({}, metadata),
        "next_pending_invoice_item_invoice": None,
        "on_behalf_of": None,
        "pause_collection": None,
        "payment_settings": {"payment_method_options": None, "payment_method_types": None,
                             "save_default_payment_method": "off"},
        "pending_invoice_item_interval": None,
        "pending_setup_intent": None,
        "pending_update": None,
        "schedule": None,
        "start_date": now,
        "status": "trialing" if trialing else "incomplete",
        "test_clock": customer.get("test_clock"),
        "transfer_data": None,
        "trial_end": trial_end if trialing else None,
        "trial_settings": {"end_behavior": {"missing_payment_method": missing_payment_method}},
        "trial_start": now if trialing else None,
    }
    if collection_method == "send_invoice" and not trialing:
        sub["status"] = "active"
    sub["items"] = _set_items(state, sub, items)
    state.insert(sub)
    if cancel_at_period_end:
        sub.update(cancel_at_period_end=True, cancel_at=period_end)
    elif cancel_at is not None:
        sub["cancel_at"] = cancel_at
    state.emit("customer.subscription.created", sub)
    lines = [subscription_line(state, sub, item, now, period_end) for item in items]
    if trialing:
        for line in lines:
            line.update(amount=0, subtotal=0,
                        description=f"Trial period for {line['description'].split(' (at ')[0]}"
                        .replace("1 × ", ""))
    invoice = create_invoice(state, customer, currency=currency, subscription=sub,
                             billing_reason="subscription_create",
                             collection_method=collection_method,
                             days_until_due=days_until_due, period=(now, now), lines=lines,
                             items=pending_items(state, customer["id"], sub_id))
    sub["latest_invoice"] = invoice["id"]
    _bill(state, sub, invoice, payment_method=None if paid_up_front else pm,
          charge=charge_now and paid_up_front is None, paid_up_front=paid_up_front,
          off_session=off_session, return_url=return_url)
    return sub


def _bill(state: State, sub: Obj, invoice: Obj, *, payment_method: str | None, charge: bool,
          paid_up_front: Obj | None = None, off_session: bool = True,
          return_url: str | None = None) -> None:
    """Finalize a subscription invoice and collect it as the collection method says."""
    finalize_invoice(state, invoice, payment_intent=paid_up_front)
    if invoice["status"] != "open":
        return
    if paid_up_front is not None:
        settle_payment(state, invoice, paid_up_front)
    elif invoice["collection_method"] == "send_invoice":
        state.emit("invoice.sent", invoice)
    elif charge:
        attempt_payment(state, invoice, payment_method=payment_method, off_session=off_session,
                        return_url=return_url)


def on_invoice_paid(state: State, invoice: Obj) -> None:
    """A paid subscription invoice makes an incomplete, past_due or unpaid subscription active."""
    sub = state.find(subscription_of(invoice), "subscription")
    if sub is None or sub["status"] not in ("incomplete", "past_due", "unpaid"):
        return
    if sub["latest_invoice"] != invoice["id"] and _open_invoices(state, sub):
        return
    state.update(sub, {"status": "active"}, "customer.subscription.updated")


def on_invoice_payment_failed(state: State, invoice: Obj) -> None:
    """A failed renewal makes the subscription past_due, then unpaid when retries run out."""
    sub = state.find(subscription_of(invoice), "subscription")
    if sub is None or invoice["billing_reason"] == "subscription_create":
        return
    if sub["status"] in ("active", "trialing", "past_due"):
        status = "past_due" if invoice["next_payment_attempt"] else "unpaid"
        state.update(sub, {"status": status}, "customer.subscription.updated")


def _open_invoices(state: State, sub: Obj) -> list[Obj]:
    return [i for i in state.iter_type("invoice")
            if i["status"] == "open" and subscription_of(i) == sub["id"]
            and i["customer"] == sub["customer"]]


# renewals, cancellation, pausing ------------------------------------------------------


def _default_pm(state: State, sub: Obj) -> str | None:
    customer = state.get(sub["customer"], "customer")
    found = sub["default_payment_method"] or customer["invoice_settings"].get(
        "default_payment_method")
    return str(found) if found else None


def renew(state: State, sub: Obj) -> Obj | None:
    """Start the next period at the current one's end: end a trial, invoice, and collect.

    Returns the new invoice (None when a trial ends into `paused` or a cancellation).
    """
    end = period_of(sub)[1]
    changes: Obj = {}
    if sub["status"] == "trialing":
        if _default_pm(state, sub) is None and sub["collection_method"] == \
                "charge_automatically":
            behavior = sub["trial_settings"]["end_behavior"]["missing_payment_method"]
            if behavior == "pause":
                state.update(sub, {"status": "paused"}, "customer.subscription.paused")
                return None
            if behavior == "cancel":
                cancel_subscription(state, sub, reason="cancellation_requested")
                return None
        changes.update(status="active", billing_cycle_anchor=end)
    anchor = end if "billing_cycle_anchor" in changes else int(sub["billing_cycle_anchor"])
    items = copy_json(_items(sub))
    for item in items:
        item["current_period_start"] = end
        item["current_period_end"] = next_period_end(anchor, item["price"]["recurring"], end)
    changes["items"] = _set_items(state, sub, items)
    state.update(sub, changes, "customer.subscription.updated")
    return _cycle_invoice(state, sub, "subscription_cycle")


def _cycle_invoice(state: State, sub: Obj, reason: str) -> Obj:
    start, end = period_of(sub)
    customer = state.get(sub["customer"], "customer")
    lines = [subscription_line(state, sub, item, start, end) for item in _items(sub)]
    invoice = create_invoice(state, customer, currency=sub["currency"], subscription=sub,
                             billing_reason=reason, collection_method=sub["collection_method"],
                             days_until_due=sub["days_until_due"], period=(start, start),
                             lines=lines, items=pending_items(state, customer["id"], sub["id"]))
    state.update(sub, {"latest_invoice": invoice["id"]})
    pause = sub["pause_collection"]
    if pause and pause["behavior"] == "keep_as_draft":
        return invoice
    if pause:
        finalize_invoice(state, invoice)
        if invoice["status"] == "open":
            if pause["behavior"] == "void":
                void_invoice(state, invoice)
            else:
                mark_uncollectible(state, invoice)
        return invoice
    _bill(state, sub, invoice, payment_method=None,
          charge=sub["status"] in ("active", "past_due"))
    return invoice


def cancel_subscription(state: State, sub: Obj, *, invoice_now: bool = False,
                        prorate: bool = False, reason: str = "cancellation_requested",
                        comment: str | None = None, feedback: str | None = None) -> Obj:
    """End the subscription now (`customer.subscription.deleted`), optionally crediting or
    invoicing the unused time."""
    if sub["status"] in ENDED:
        raise state_error("This subscription is already canceled and cannot be canceled "
                          "again.", code="resource_missing")
    now = state.now()
    if prorate and sub["status"] in ("active", "past_due", "unpaid"):
        _proration_items(state, sub, [(item, None, 0) for item in _items(sub)], now)
    if invoice_now:
        customer = state.get(sub["customer"], "customer")
        if pending_items(state, customer["id"], sub["id"]):
            invoice = create_invoice(state, customer, currency=sub["currency"],
                                     subscription=sub, billing_reason="subscription_update",
                                     collection_method=sub["collection_method"],
                                     days_until_due=sub["days_until_due"],
                                     items=pending_items(state, customer["id"], sub["id"]))
            sub["latest_invoice"] = invoice["id"]
            _bill(state, sub, invoice, payment_method=None, charge=True)
    state.update(sub, {
        "status": "canceled", "canceled_at": now, "ended_at": now,
        "cancel_at_period_end": False,
        "cancellation_details": {"comment": comment, "feedback": feedback, "reason": reason},
    })
    state.emit("customer.subscription.deleted", sub)
    return sub


def _proration_items(state: State, sub: Obj,
                     changes: list[tuple[Obj | None, Obj | None, int]], at: int,
                     store: bool = True) -> list[Obj]:
    """Credit and debit invoice items for `(old item, new price, new quantity)` changes at
    `at`; returns them (stored as pending items unless `store` is False)."""
    start, end = period_of(sub)
    share = max(end - at, 0) / max(end - start, 1)
    when = dt.datetime.fromtimestamp(at, dt.UTC).strftime("%d %b %Y")
    customer = state.get(sub["customer"], "customer")
    made: list[Obj] = []

    def add(price: Obj, quantity: int, sign: int, item_id: str | None, verb: str) -> None:
        amount = sign * round(price["unit_amount"] * quantity * share)
        name = state.objects[price["product"]]["name"]
        fields: Obj = {"currency": price["currency"], "unit_amount": amount, "quantity": 1,
                       "price": price, "period": (at, end), "subscription": sub["id"],
                       "subscription_item": item_id, "proration": True,
                       "description": f"{verb} time on {quantity} × {name} after {when}"}
        made.append(create_invoice_item(state, customer, **fields) if store
                    else build_invoice_item(state, customer, **fields))

    for old, new_price, new_quantity in changes:
        if old is not None:
            add(old["price"], old["quantity"], -1, old["id"], "Unused")
        if new_price is not None and new_quantity:
            add(new_price, new_quantity, 1, old["id"] if old else None, "Remaining")
    return made


# update -------------------------------------------------------------------------------


def _plan_item_changes(state: State, sub: Obj, specs: list[Any]
                       ) -> tuple[list[Obj], list[tuple[Obj | None, Obj | None, int]]]:
    """The items after an `items[]` update and the changes that need prorating."""
    items = copy_json(_items(sub))
    by_id = {item["id"]: item for item in items}
    start, end = period_of(sub)
    changes: list[tuple[Obj | None, Obj | None, int]] = []
    for index, spec in enumerate(specs):
        if not isinstance(spec, dict):
            raise invalid("Invalid object", param=f"items[{index}]")
        Params(spec).check(("id", "price", "price_data", "quantity", "deleted", "metadata",
                            "clear_usage", "discounts", "tax_rates", "billing_thresholds"))
        item = by_id.get(str(spec.get("id"))) if spec.get("id") else None
        if spec.get("id") and item is None:
            raise invalid(f"Invalid subscription item: '{spec['id']}' does not belong to this "
                          "subscription.", param=f"items[{index}][id]")
        if item is not None and spec.get("deleted") in ("true", True):
            changes.append((copy_json(item), None, 0))
            items.remove(item)
            continue
        if item is None:
            price = _price_for(state, spec, index)
            quantity = _quantity(spec, f"items[{index}][quantity]")
            new = _new_item(state, sub["id"], price, quantity, start, end, spec.get("metadata"))
            items.append(new)
            changes.append((None, price, quantity))
            continue
        old = copy_json(item)
        if spec.get("price") or spec.get("price_data") is not None:
            price = _price_for(state, spec, index)
            item.update(price=price, plan=_plan(price))
        if "quantity" in spec:
            item["quantity"] = _quantity(spec, f"items[{index}][quantity]")
        if "metadata" in spec:
            item["metadata"] = merge_metadata(item["metadata"], spec["metadata"])
        if item["price"]["id"] != old["price"]["id"] or item["quantity"] != old["quantity"]:
            changes.append((old, item["price"], item["quantity"]))
    if not items:
        raise invalid("A subscription must have at least one active item.", param="items")
    for index, item in enumerate(items):
        if item["price"]["currency"] != sub["currency"]:
            raise invalid("Currency mismatch: all items of a subscription must share one "
                          "currency.", param=f"items[{index}][price]")
    return items, changes


def update_subscription(state: State, sub: Obj, p: Params) -> Obj:
    """Apply a `POST /v1/subscriptions/{id}` update (see the module docstring for prorations)."""
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
        items, prorations = _plan_item_changes(state, sub, p.array("items"))
        changes["items"] = _set_items(state, sub, items)
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
                       items=_set_items(state, sub, items))
    state.update(sub, changes, "customer.subscription.updated")
    if trial_now:
        items = copy_json(_items(sub))
        for item in items:
            item["current_period_end"] = now
        sub.update(items=_set_items(state, sub, items), trial_end=now)
        renew(state, sub)
        return sub
    if prorations and behavior != "none" and sub["status"] not in ("trialing",):
        _proration_items(state, sub, prorations, at)
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
    _set_items(state, sub, _items(sub))
    raise error


def resume_subscription(state: State, sub: Obj, anchor_now: bool = True) -> Obj:
    """Resume a `paused` subscription: a new period from now, billed at once."""
    if sub["status"] != "paused":
        raise state_error("Only a subscription with status `paused` can be resumed; this one "
                          f"is {sub['status']}.", code="subscription_not_paused")
    customer = state.get(sub["customer"], "customer")
    card = sub["default_payment_method"] or customer["invoice_settings"].get(
        "default_payment_method")
    if sub["collection_method"] == "charge_automatically" and card is None:
        # Refused before anything changes: the subscription stays paused.
        raise no_payment_method_error("resource_missing", "default_payment_method")
    now = state.now()
    items = copy_json(_items(sub))
    anchor = now if anchor_now else int(sub["billing_cycle_anchor"])
    for item in items:
        item["current_period_start"] = now
        item["current_period_end"] = next_period_end(anchor, item["price"]["recurring"], now)
    state.update(sub, {"status": "active", "billing_cycle_anchor": anchor,
                       "items": _set_items(state, sub, items)})
    state.emit("customer.subscription.resumed", sub)
    _cycle_invoice(state, sub, "subscription_cycle")
    return sub


# test clocks --------------------------------------------------------------------------


def _next_step(state: State, sub: Obj) -> tuple[int, str] | None:
    """When this subscription next needs attention and why."""
    status = sub["status"]
    if status in ENDED or status == "paused":
        return None
    if status == "incomplete":
        return sub["created"] + INCOMPLETE_EXPIRY, "expire"
    steps: list[tuple[int, str]] = []
    invoice = state.find(sub["latest_invoice"], "invoice")
    if invoice is not None and invoice["status"] == "open":
        if invoice["next_payment_attempt"]:
            steps.append((int(invoice["next_payment_attempt"]), "retry"))
        if invoice["due_date"] and status == "active":
            steps.append((int(invoice["due_date"]), "overdue"))
    if sub["cancel_at"]:
        steps.append((int(sub["cancel_at"]), "cancel"))
    if status != "unpaid" or sub["collection_method"] == "send_invoice":
        steps.append((period_of(sub)[1], "renew"))
    # At equal times a cancellation wins over a renewal.
    order = {"cancel": 0, "expire": 1, "retry": 2, "overdue": 3, "renew": 4}
    return min(steps, key=lambda step: (step[0], order[step[1]])) if steps else None


def run_clock(state: State, clock: Obj, target: int) -> None:
    """Run every subscription of the clock's customers up to `target`, in time order."""
    customers = {c["id"] for c in state.iter_type("customer")
                 if c.get("test_clock") == clock["id"] and not c.get("deleted")}
    run_subscriptions(state, [s for s in state.iter_type("subscription", newest_first=False)
                              if s["customer"] in customers], target)


def run_subscriptions(state: State, subs: list[Obj], target: int) -> None:
    """Renew, retry, expire and cancel `subs` as time passes up to `target`, in time order."""
    while True:
        due = [(step, sub) for sub in subs if (step := _next_step(state, sub)) is not None
               and step[0] <= target]
        if not due:
            return
        (at, action), sub = min(due, key=lambda entry: entry[0][0])
        with clock_time(state, at):
            _perform(state, sub, action)


def _perform(state: State, sub: Obj, action: str) -> None:
    invoice = state.find(sub["latest_invoice"], "invoice")
    if action == "expire":
        if invoice is not None and invoice["status"] == "open":
            void_invoice(state, invoice)
        state.update(sub, {"status": "incomplete_expired", "ended_at": state.now()},
                     "customer.subscription.updated")
    elif action == "retry" and invoice is not None:
        attempt_payment(state, invoice)
    elif action == "overdue" and invoice is not None:
        state.update(sub, {"status": "past_due"}, "customer.subscription.updated")
    elif action == "cancel":
        cancel_subscription(state, sub)
    else:
        renew(state, sub)


# previews -----------------------------------------------------------------------------


def preview_invoice(state: State, customer: Obj, sub: Obj | None, details: Params) -> Obj:
    """`POST /v1/invoices/create_preview`: the customer's next invoice, or what a subscription
    change would bill (prorations, then the next period unless `always_invoice`)."""
    now = state.now()
    if sub is None:
        items = pending_items(state, customer["id"])
        if not items:
            raise ApiError(404, "No upcoming invoices for customer: " + customer["id"],
                           code="invoice_upcoming_none")
        return create_invoice(state, customer, currency=items[0]["currency"],
                              items=items, store=False)
    if sub["status"] in ENDED:
        raise ApiError(404, f"No upcoming invoices for subscription: {sub['id']}",
                       code="invoice_upcoming_none")
    behavior = details.enum("proration_behavior", PRORATION_BEHAVIORS, "create_prorations")
    at = details.integer("proration_date", now) or now
    lines: list[Obj] = []
    planned = _items(sub)
    if "items" in details:
        planned, changes = _plan_item_changes(state, sub, details.array("items"))
        if behavior != "none" and sub["status"] != "trialing":
            prorations = _proration_items(state, sub, changes, at, store=False)
            lines.extend(item_line(state, item) for item in prorations)
    pending = pending_items(state, customer["id"], sub["id"])
    lines.extend(item_line(state, item) for item in pending)
    if behavior == "always_invoice" and lines:
        return create_invoice(state, customer, currency=sub["currency"], subscription=sub,
                              billing_reason="subscription_update",
                              collection_method=sub["collection_method"],
                              days_until_due=sub.get("days_until_due"), lines=lines,
                              store=False)
    current = period_of(sub)
    renewal = current[1]
    after = {**sub, "items": {**sub["items"], "data": planned}}
    for item in planned:
        next_end = next_period_end(int(sub["billing_cycle_anchor"]),
                                   item["price"]["recurring"], renewal)
        lines.append(subscription_line(state, after, item, renewal, next_end))
    # The renewal invoice, as Stripe previews it: the invoice's period looks back on the
    # period that ends at renewal while the subscription lines bill the next one, and it is
    # attempted (or falls due) from the renewal on.
    due_date = None
    if sub["collection_method"] == "send_invoice":
        days = sub.get("days_until_due")
        due_date = renewal + (30 if days is None else int(days)) * _DAY
    invoice = create_invoice(state, customer, currency=sub["currency"], subscription=sub,
                             billing_reason="upcoming",
                             collection_method=sub["collection_method"], due_date=due_date,
                             period=current, lines=lines, store=False)
    if sub["collection_method"] == "charge_automatically":
        invoice["next_payment_attempt"] = renewal
    return invoice


# routes -------------------------------------------------------------------------------

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
        specs.append((_price_for(state, spec, index),
                      _quantity(spec, f"items[{index}][quantity]"), spec.get("metadata")))
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
            trial_end = now + days_trial * _DAY
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
                and (price is None or any(i["price"]["id"] == price for i in _items(sub)))
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
                                   items=_items(sub))


@api("GET", "/v1/subscription_items/{id}")
def retrieve_subscription_item(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "subscription_item")
