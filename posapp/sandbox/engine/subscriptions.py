"""Subscriptions: create and bill the first period, items and periods, prorations, cancel,
and the invoice a change or the next period would bring (`preview_invoice`).

Periods live on the items (`items.data[].current_period_start/end`). Creating a
subscription opens its first invoice (`billing_reason=subscription_create`) and charges it
with the default PaymentMethod. Renewals and test clocks: renewals.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from ..errors import ApiError, invalid, missing_param, state_error
from ..params import Params, merge_metadata, parse_int
from ..state import Obj, State, copy_json
from .catalog import inline_price, usable_price
from .clock import customer_time
from .invoices import (
    DAY,
    attempt_payment,
    build_invoice_item,
    create_invoice,
    create_invoice_item,
    finalize_invoice,
    item_line,
    no_payment_method_error,
    pending_items,
    settle_payment,
    subscription_line,
)
from .payments import create_payment_intent

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
        return anchor + count * DAY
    if interval == "week":
        return anchor + count * 7 * DAY
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


def plan_of(price: Obj) -> Obj:
    recurring = price["recurring"]
    return {"id": price["id"], "object": "plan", "active": price["active"],
            "amount": price["unit_amount"], "amount_decimal": price["unit_amount_decimal"],
            "billing_scheme": "per_unit", "created": price["created"],
            "currency": price["currency"], "interval": recurring["interval"],
            "interval_count": recurring["interval_count"], "livemode": False,
            "metadata": price["metadata"], "meter": None, "nickname": price["nickname"],
            "product": price["product"], "tiers_mode": None, "transform_usage": None,
            "trial_period_days": None, "usage_type": recurring["usage_type"]}


def new_item(state: State, subscription_id: str, price: Obj, quantity: int, start: int,
              end: int, metadata: Any = None) -> Obj:
    return {"id": state.new_id("si_", 14), "object": "subscription_item",
            "billing_thresholds": None, "created": state.now(),
            "current_period_end": end, "current_period_start": start, "discounts": [],
            "metadata": merge_metadata({}, metadata), "plan": plan_of(price),
            "price": price, "quantity": quantity, "subscription": subscription_id,
            "tax_rates": []}


def items_of(sub: Obj) -> list[Obj]:
    items: list[Obj] = sub["items"]["data"]
    return items


def period_of(sub: Obj) -> tuple[int, int]:
    """The subscription's current period (its items share one billing cycle)."""
    first = items_of(sub)[0]
    return int(first["current_period_start"]), int(first["current_period_end"])


def set_items(state: State, sub: Obj, items: list[Obj]) -> Obj:
    listing = {**sub["items"], "data": items, "total_count": len(items)}
    for item in items:
        if item["id"] in state.objects:
            state.objects[item["id"]] = item
        else:
            state.insert(item)
    return listing


def price_for(state: State, spec: Obj, index: int, param: str = "items") -> Obj:
    if spec.get("price"):
        price = usable_price(state, str(spec["price"]), f"{param}[{index}][price]",
                             tiered=False)
    elif spec.get("price_data") is not None:
        price = inline_price(state, spec["price_data"], f"{param}[{index}][price_data]")
    else:
        raise missing_param(f"{param}[{index}][price]")
    if price["type"] != "recurring":
        raise invalid("The price specified is set to `type=one_time` but this field only "
                      "accepts prices with `type=recurring`.", param=f"{param}[{index}][price]")
    return price


def quantity_of(spec: Obj, param: str) -> int:
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
    items = [new_item(state, sub_id, price, quantity, now, period_end, item_metadata)
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
        "billing_schedules": [],
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
        "invoice_settings": {"account_tax_ids": None, "custom_fields": None,
                             "description": None, "footer": None, "issuer": {"type": "self"}},
        "items": {"object": "list", "data": [], "has_more": False, "total_count": 0,
                  "url": f"/v1/subscription_items?subscription={sub_id}"},
        "latest_invoice": None,
        "livemode": False,
        "managed_payments": None,
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
    sub["items"] = set_items(state, sub, items)
    state.insert(sub)
    if cancel_at_period_end:
        sub.update(cancel_at_period_end=True, cancel_at=period_end)
    elif cancel_at is not None:
        sub["cancel_at"] = cancel_at
    state.emit("customer.subscription.created", sub)
    if customer["currency"] is None:
        # A customer's currency is set by its first subscription, as on Stripe.
        state.update(customer, {"currency": currency}, "customer.updated")
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
    bill(state, sub, invoice, payment_method=None if paid_up_front else pm,
          charge=charge_now and paid_up_front is None, paid_up_front=paid_up_front,
          off_session=off_session, return_url=return_url)
    return sub


def bill(state: State, sub: Obj, invoice: Obj, *, payment_method: str | None, charge: bool,
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


# cancellation -------------------------------------------------------------------------


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
        proration_items(state, sub, [(item, None, 0) for item in items_of(sub)], now)
    if invoice_now:
        customer = state.get(sub["customer"], "customer")
        if pending_items(state, customer["id"], sub["id"]):
            invoice = create_invoice(state, customer, currency=sub["currency"],
                                     subscription=sub, billing_reason="subscription_update",
                                     collection_method=sub["collection_method"],
                                     days_until_due=sub["days_until_due"],
                                     items=pending_items(state, customer["id"], sub["id"]))
            sub["latest_invoice"] = invoice["id"]
            bill(state, sub, invoice, payment_method=None, charge=True)
    state.update(sub, {
        "status": "canceled", "canceled_at": now, "ended_at": now,
        "cancel_at_period_end": False,
        "cancellation_details": {"comment": comment, "feedback": feedback, "reason": reason},
    })
    state.emit("customer.subscription.deleted", sub)
    return sub


def delete_customer(state: State, customer: Obj) -> Obj:
    """Delete a customer (`customer.deleted`); as on Stripe, its live subscriptions are
    canceled first (`customer.subscription.deleted`)."""
    with customer_time(state, customer):
        for sub in state.iter_type("subscription", newest_first=False):
            if sub["customer"] == customer["id"] and sub["status"] not in ENDED:
                cancel_subscription(state, sub)
        return state.delete(customer, "customer.deleted")


def proration_items(state: State, sub: Obj,
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


def plan_item_changes(state: State, sub: Obj, specs: list[Any]
                       ) -> tuple[list[Obj], list[tuple[Obj | None, Obj | None, int]]]:
    """The items after an `items[]` update and the changes that need prorating."""
    items = copy_json(items_of(sub))
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
            price = price_for(state, spec, index)
            quantity = quantity_of(spec, f"items[{index}][quantity]")
            new = new_item(state, sub["id"], price, quantity, start, end, spec.get("metadata"))
            items.append(new)
            changes.append((None, price, quantity))
            continue
        old = copy_json(item)
        if spec.get("price") or spec.get("price_data") is not None:
            price = price_for(state, spec, index)
            item.update(price=price, plan=plan_of(price))
        if "quantity" in spec:
            item["quantity"] = quantity_of(spec, f"items[{index}][quantity]")
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
    planned = items_of(sub)
    if "items" in details:
        planned, changes = plan_item_changes(state, sub, details.array("items"))
        if behavior != "none" and sub["status"] != "trialing":
            prorations = proration_items(state, sub, changes, at, store=False)
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
        due_date = renewal + (30 if days is None else int(days)) * DAY
    invoice = create_invoice(state, customer, currency=sub["currency"], subscription=sub,
                             billing_reason="upcoming",
                             collection_method=sub["collection_method"], due_date=due_date,
                             period=current, lines=lines, store=False)
    if sub["collection_method"] == "charge_automatically":
        invoice["next_payment_attempt"] = renewal
    return invoice
