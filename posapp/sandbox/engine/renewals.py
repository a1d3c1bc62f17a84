"""Time passing for subscriptions: renewals, trial ends, retries, expiry, cancellation at
period end, resuming, and test clocks that run all of these up to their new time.

Time only moves for customers on a test clock: `advance_clock` renews periods, ends trials,
retries failed renewals (`invoices.RETRY_DAYS`), expires incomplete subscriptions after 23
hours and cancels at period end.
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from ..errors import state_error
from ..params import Params
from ..state import Obj, State, copy_json
from .clock import clock_time
from .invoices import (
    DAY,
    attempt_payment,
    create_invoice,
    finalize_invoice,
    mark_uncollectible,
    no_payment_method_error,
    pending_items,
    subscription_line,
    void_invoice,
)
from .subscriptions import (
    ENDED,
    INCOMPLETE_EXPIRY,
    bill,
    cancel_subscription,
    items_of,
    next_period_end,
    period_of,
    preview_invoice,
    set_items,
)

TRIAL_NOTICE_DAYS = 3
# Stripe's default "upcoming renewal events" setting: days before a renewal.
UPCOMING_DAYS = 3
# How long an advance takes here (Stripe takes seconds to minutes).
ADVANCE_SECONDS = 0.05
# Notices already sent: (subscription id, kind, when), per sandbox state.
_SENT: WeakKeyDictionary[State, set[tuple[str, str, int]]] = WeakKeyDictionary()


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
    items = copy_json(items_of(sub))
    for item in items:
        item["current_period_start"] = end
        item["current_period_end"] = next_period_end(anchor, item["price"]["recurring"], end)
    changes["items"] = set_items(state, sub, items)
    state.update(sub, changes, "customer.subscription.updated")
    return _cycle_invoice(state, sub, "subscription_cycle")


def _cycle_invoice(state: State, sub: Obj, reason: str) -> Obj:
    start, end = period_of(sub)
    customer = state.get(sub["customer"], "customer")
    lines = [subscription_line(state, sub, item, start, end) for item in items_of(sub)]
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
    bill(state, sub, invoice, payment_method=None,
          charge=sub["status"] in ("active", "past_due"))
    return invoice


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
    items = copy_json(items_of(sub))
    anchor = now if anchor_now else int(sub["billing_cycle_anchor"])
    for item in items:
        item["current_period_start"] = now
        item["current_period_end"] = next_period_end(anchor, item["price"]["recurring"], now)
    state.update(sub, {"status": "active", "billing_cycle_anchor": anchor,
                       "items": set_items(state, sub, items)})
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
    steps.extend(_notices(state, sub))
    # At equal times a cancellation wins over a renewal.
    order = {"cancel": 0, "expire": 1, "retry": 2, "overdue": 3, "renew": 4,
             "trial_will_end": 5, "upcoming": 6}
    return min(steps, key=lambda step: (step[0], order[step[1]])) if steps else None


def _notices(state: State, sub: Obj) -> list[tuple[int, str]]:
    """Stripe's advance notices not yet sent: the trial's end (3 days ahead) and the next
    renewal's invoice (`invoice.upcoming`, UPCOMING_DAYS ahead)."""
    sent = _SENT.setdefault(state, set())
    found: list[tuple[int, str]] = []
    if sub["status"] == "trialing" and sub["trial_end"]:
        at = int(sub["trial_end"]) - TRIAL_NOTICE_DAYS * DAY
        if at >= sub["created"] and (sub["id"], "trial_will_end", at) not in sent:
            found.append((at, "trial_will_end"))
    end = period_of(sub)[1]
    renews = not sub["cancel_at_period_end"] and (sub["cancel_at"] or end + 1) > end
    at = end - UPCOMING_DAYS * DAY
    if renews and sub["status"] in ("active", "trialing", "past_due") \
            and at >= sub["created"] and (sub["id"], "upcoming", at) not in sent:
        found.append((at, "upcoming"))
    return found


def run_clock(state: State, clock: Obj, target: int) -> None:
    """Run every subscription of the clock's customers up to `target`, in time order."""
    customers = {c["id"] for c in state.iter_type("customer")
                 if c.get("test_clock") == clock["id"] and not c.get("deleted")}
    run_subscriptions(state, [s for s in state.iter_type("subscription", newest_first=False)
                              if s["customer"] in customers], target, test_clock=True)


def run_subscriptions(state: State, subs: list[Obj], target: int,
                      test_clock: bool = False) -> None:
    """Renew, retry, expire and cancel `subs` as time passes up to `target`, in time order
    (on a `test_clock`, or laying down a seed's history: see `clock_time`)."""
    while True:
        due = [(step, sub) for sub in subs if (step := _next_step(state, sub)) is not None
               and step[0] <= target]
        if not due:
            return
        (at, action), sub = min(due, key=lambda entry: entry[0][0])
        with clock_time(state, at, test_clock=test_clock):
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
    elif action == "trial_will_end":
        _SENT.setdefault(state, set()).add((sub["id"], action, state.now()))
        state.emit("customer.subscription.trial_will_end", sub)
    elif action == "upcoming":
        _SENT.setdefault(state, set()).add((sub["id"], action, state.now()))
        customer = state.get(sub["customer"], "customer")
        state.emit("invoice.upcoming", preview_invoice(state, customer, sub, Params({})))
    else:
        renew(state, sub)


def advance_clock(state: State, clock: Obj, target: int) -> Obj:
    """Start moving a test clock to `target`, as Stripe does: `advancing` now, the renewals,
    retries and notices of the passing time shortly after on another thread, then `ready`."""
    state.update(clock, {"status": "advancing"}, "test_helpers.test_clock.advancing")

    def finish() -> None:
        with state.lock:
            if clock.get("deleted"):
                return
            run_clock(state, clock, target)
            state.update(clock, {"status": "ready", "frozen_time": target},
                         "test_helpers.test_clock.ready")

    threading.Timer(ADVANCE_SECONDS, finish).start()
    return clock
