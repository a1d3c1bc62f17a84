"""Parts of the sync engine that need no server: splitting listings and expansions, and
which events become notifications."""

from __future__ import annotations

import itertools
from typing import Any

from posapp.store.cache import Segment
from posapp.sync.backfill import FAN_OUT, PAGES_AHEAD, WINDOWS, split_segment
from posapp.sync.notifications import (
    CheckoutCompleted,
    InvoicePaymentFailed,
    RefundFailed,
    RefundSucceeded,
    for_event,
)
from posapp.sync.sources import split_expanded


def test_split_expanded_collapses_fields_to_ids_without_touching_the_input() -> None:
    pm = {"id": "pm_1", "object": "payment_method", "card": {"last4": "4242"}}
    customer: dict[str, Any] = {"id": "cus_1", "object": "customer",
                                "invoice_settings": {"default_payment_method": pm,
                                                     "footer": None}}
    own, found = split_expanded(customer, (("invoice_settings", "default_payment_method"),))
    assert own["invoice_settings"] == {"default_payment_method": "pm_1", "footer": None}
    assert found == [pm]
    assert customer["invoice_settings"]["default_payment_method"] is pm
    plain, none = split_expanded({"id": "pi_1", "payment_method": None},
                                 (("payment_method",),))
    assert plain == {"id": "pi_1", "payment_method": None} and none == []


def names(customer_id: str | None) -> str | None:
    return {"cus_1": "Ana"}.get(customer_id or "")


def event(etype: str, obj: dict[str, Any], previous: dict[str, Any] | None = None
          ) -> dict[str, Any]:
    data: dict[str, Any] = {"object": obj}
    if previous is not None:
        data["previous_attributes"] = previous
    return {"id": "evt_1", "type": etype, "data": data}


def test_payment_link_checkout_names_the_link_and_customer() -> None:
    session = {"id": "cs_1", "amount_total": 1500, "currency": "eur", "customer": None,
               "customer_details": {"name": "Walk-in"}, "payment_link": "plink_1",
               "payment_intent": "pi_1"}
    assert for_event(event("checkout.session.completed", session), session, names) == \
        CheckoutCompleted("cs_1", 1500, "eur", None, "Walk-in", "plink_1", "pi_1")


def test_refund_updates_notify_only_on_a_status_change() -> None:
    refund = {"id": "re_1", "amount": 200, "currency": "usd", "charge": "ch_1",
              "status": "succeeded"}
    assert for_event(event("refund.updated", refund, {"metadata": {}}), refund, names) is None
    assert for_event(event("refund.updated", refund, {"status": "pending"}), refund, names) \
        == RefundSucceeded("re_1", 200, "usd", "ch_1")
    failed = {**refund, "status": "failed", "failure_reason": "lost_or_stolen_card"}
    # Stripe sends refund.updated and refund.failed for one failure: announce it once.
    assert for_event(event("refund.updated", failed, {"status": "succeeded"}), failed,
                     names) is None
    assert for_event(event("refund.failed", failed), failed, names) == RefundFailed(
        "re_1", 200, "usd", "ch_1", "lost_or_stolen_card")


def test_invoice_payment_failure_uses_the_cached_customer_name() -> None:
    invoice = {"id": "in_1", "number": "A-1", "amount_due": 900, "currency": "usd",
               "customer": "cus_1", "customer_name": "Ana Old Name"}
    assert for_event(event("invoice.payment_failed", invoice), invoice, names) == \
        InvoicePaymentFailed("in_1", "A-1", 900, "usd", "cus_1", "Ana")


def test_routine_events_raise_no_notification() -> None:
    customer = {"id": "cus_1", "object": "customer"}
    assert for_event(event("customer.updated", customer), customer, names) is None


def test_a_newest_first_page_hands_older_time_to_new_segments() -> None:
    created = list(range(10_000, 9_900, -1))  # a page spanning 99 s, newest first
    split = split_segment(Segment(), created, "pi_last")
    width = 99 * PAGES_AHEAD
    assert split[0] == Segment(9_901 - width, None, "pi_last")
    assert split[-1] == Segment(None, 9_901 - width * FAN_OUT)
    assert len(split) == FAN_OUT + 1
    # The windows tile the time below the page with no gap and no overlap.
    bounds = [(s.gte, s.lt) for s in split]
    assert all(upper[0] == lower[1] for upper, lower in itertools.pairwise(bounds))


def test_bounded_segments_are_not_split_again() -> None:
    created = list(range(200, 100, -1))
    assert split_segment(Segment(gte=0, lt=500, after="x"), created, "y") == []
    unordered = [150, 120, 190, 101] * 25
    assert split_segment(Segment(lt=500), unordered, "y") == []


def test_an_unordered_page_cuts_its_range_into_equal_windows() -> None:
    created = [1_000 + (n * 37) % 600 for n in range(100)]
    split = split_segment(Segment(), created, "ch_last")
    assert len(split) == WINDOWS
    assert split[0].lt is None and split[0].after == "ch_last"
    assert split[-1].gte is None
    assert all(s.after is None for s in split[1:])
