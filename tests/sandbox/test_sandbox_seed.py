"""Seeds: the demo shop (every status the app shows, distinct customers with Chinese names,
a chronological event history, takings today, deterministic content), `bench:N`, and a
store that stays usable as it grows."""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime
from itertools import pairwise
from typing import Any

import pytest
from sandbox_support import sdk

from posapp.sandbox import Sandbox, State, running
from posapp.sandbox.seed import apply_seed

DAY = 86_400




def every(server: Sandbox, resource: str, **params: Any) -> list[Any]:
    service: Any = sdk(server).v1
    for name in resource.split("."):
        service = getattr(service, name)
    return list(service.list(params={"limit": 100, **params}).auto_paging_iter())


def test_demo_customers_and_catalogue(demo: Sandbox) -> None:
    customers = every(demo, "customers")
    names = {c.name for c in customers}
    assert len(customers) >= 60
    assert {"王芳", "李娜", "张伟", "Li Wei (李伟)", "Anna 陈"} <= names
    assert len(names) == len(customers), "a customer name appears twice"
    signup_days = {time.strftime("%Y-%m-%d", time.localtime(c.created)) for c in customers}
    assert len(signup_days) > 20, "customers should sign up across the history"
    wang = next(c for c in customers if c.name == "王芳")
    assert wang.email and wang.phone and wang.address and wang.address.country == "CN"
    assert wang.invoice_settings.default_payment_method
    prices = every(demo, "prices")
    assert {p.lookup_key for p in prices} >= {"espresso", "flat_white", "beans_250g",
                                              "coffee_club_monthly", "cloud_pro_yearly"}
    assert {p.type for p in prices} == {"one_time", "recurring"}
    assert any(not p.active for p in prices)


def test_demo_has_every_subscription_and_invoice_status(demo: Sandbox) -> None:
    subs = Counter(s.status for s in every(demo, "subscriptions", status="all"))
    assert set(subs) == {"active", "trialing", "past_due", "unpaid", "paused", "incomplete",
                         "incomplete_expired", "canceled"}
    invoices = every(demo, "invoices")
    assert {i.status for i in invoices} == {"draft", "open", "paid", "void", "uncollectible"}
    reasons = {i.billing_reason for i in invoices}
    assert {"manual", "subscription_create", "subscription_cycle",
            "subscription_update"} <= reasons
    past_due = every(demo, "subscriptions", status="past_due")[0]
    latest = sdk(demo).v1.invoices.retrieve(past_due.latest_invoice)
    assert latest.status == "open" and latest.next_payment_attempt is not None
    assert str(latest.hosted_invoice_url).startswith(f"{demo.url}/invoice/")


def test_demo_payments_refunds_disputes_and_links(demo: Sandbox) -> None:
    intents = every(demo, "payment_intents")
    statuses = Counter(pi.status for pi in intents)
    assert statuses["succeeded"] > 100 and statuses["requires_payment_method"] >= 5
    assert statuses["requires_capture"] == 1
    failed = [c for c in every(demo, "charges") if c.status == "failed"]
    assert {c.failure_code for c in failed} >= {"card_declined", "expired_card"}
    refunds = every(demo, "refunds")
    charges = {r.charge: sdk(demo).v1.charges.retrieve(r.charge) for r in refunds}
    assert any(c.refunded for c in charges.values())
    assert any(not c.refunded and c.amount_refunded for c in charges.values())
    assert {d.status for d in every(demo, "disputes")} == {"needs_response", "under_review",
                                                            "won", "lost"}
    links = every(demo, "payment_links")
    assert {link.active for link in links} == {True, False}
    sessions = every(demo, "checkout.sessions")
    assert {s.status for s in sessions} == {"open", "complete", "expired"}
    assert any(s.payment_link for s in sessions)


def test_demo_open_disputes_are_not_overdue(demo: Sandbox) -> None:
    now = time.time()
    found = every(demo, "disputes")
    waiting = [d for d in found if d.status == "needs_response"]
    assert waiting and all(d.evidence_details.due_by > now for d in waiting)
    assert not any(d.evidence_details.past_due for d in waiting)
    assert min(d.evidence_details.due_by for d in waiting) < now + 3 * DAY, \
        "one dispute should show the urgent countdown"
    answered = [d for d in found if d.status != "needs_response"]
    assert all(d.evidence_details.submission_count == 1 and d.evidence_details.due_by < now
               for d in answered)


def monthly_amount(subscription: Any) -> int:
    total = 0
    for item in subscription["items"].data:
        amount = item.price.unit_amount * item.quantity
        total += amount if item.price.recurring.interval == "month" else amount // 12
    return total


def test_demo_mrr_grows_over_the_year(demo: Sandbox) -> None:
    subs = every(demo, "subscriptions", status="all")
    now = int(time.time())

    def mrr_at(moment: int) -> int:
        return sum(monthly_amount(s) for s in subs
                   if s.created <= moment and s.status in ("active", "past_due", "canceled")
                   and (s.canceled_at is None or s.canceled_at > moment))
    history = [mrr_at(now - months * 30 * DAY) for months in range(12, -1, -1)]
    assert history[0] == 0 and all(history[1:]), "subscribers join from 11 months ago"
    assert history[-3] > history[-1] // 2, "MRR should not jump in the last two months"
    rises = sum(later > earlier for earlier, later in pairwise(history))
    assert rises >= 8
    renewals = every(demo, "invoices", created={"lt": now - 180 * DAY})
    assert {i.billing_reason for i in renewals} == {"subscription_create",
                                                    "subscription_cycle"}
    assert all(i.status == "paid" for i in renewals)


def test_demo_history_is_chronological(demo: Sandbox) -> None:
    events = every(demo, "events")
    oldest_first = list(reversed(events))
    created = [e.created for e in oldest_first]
    assert created == sorted(created)
    # Stripe lists 30 days of events; the older history is in the objects.
    assert time.time() - 30 * DAY - 60 <= created[0] < time.time() - 25 * DAY
    types = {e.type for e in events}
    assert {"customer.created", "invoice.payment_failed", "customer.subscription.deleted",
            "charge.dispute.closed", "charge.refunded", "checkout.session.completed",
            "invoice.paid"} <= types


def test_demo_has_takings_earlier_today_whatever_the_time() -> None:
    midnight = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    state = State()
    apply_seed(state, "demo")
    today = [pi for pi in state.iter_type("payment_intent")
             if pi["created"] >= midnight and pi["status"] == "succeeded"]
    assert len(today) >= 3
    assert all(pi["created"] <= time.time() for pi in today)
    days = {time.strftime("%Y-%m-%d", time.localtime(pi["created"]))
            for pi in state.iter_type("payment_intent")}
    assert len(days) >= 58  # sales every day of the history


def test_demo_is_deterministic() -> None:
    first, second = State(), State()
    apply_seed(first, "demo")
    apply_seed(second, "demo")
    assert [c["id"] for c in first.iter_type("customer")] == \
        [c["id"] for c in second.iter_type("customer")]
    assert [(s["id"], s["status"]) for s in first.iter_type("subscription")] == \
        [(s["id"], s["status"]) for s in second.iter_type("subscription")]


def test_bench_seed_objects_are_stripe_shaped() -> None:
    with running(seed="bench:2000") as server:
        state = server.state
        assert 2000 <= len(state.objects) < 2100
        assert state.count("event") == 0
        client = sdk(server)
        assert len(every(server, "customers")) == 200
        invoice = every(server, "invoices", status="open")[0]
        assert invoice.number and invoice.lines.data[0].pricing is not None
        for sub in every(server, "subscriptions", status="all"):
            item = sub["items"].data[0]
            assert item.price.recurring.interval == "month"
            assert item.current_period_start <= time.time() < item.current_period_end
        refund = client.v1.refunds.list().data[0]
        assert isinstance(refund.charge, str)
        assert client.v1.charges.retrieve(refund.charge).amount_refunded >= refund.amount
        for resource in ("customers", "payment_intents", "charges", "invoices", "refunds"):
            created = [obj.created for obj in every(server, resource)]
            assert created == sorted(created, reverse=True), f"{resource} not newest first"
            assert created[0] - created[-1] > 25 * DAY


def test_bad_seed_names() -> None:
    with pytest.raises(ValueError, match="unknown seed"):
        apply_seed(State(), "shop")
    with pytest.raises(ValueError, match="bench seed needs a count"):
        apply_seed(State(), "bench:")
    with pytest.raises(ValueError, match="must not be negative"):
        apply_seed(State(), "bench:-5")


def test_thousand_customer_creates_on_a_big_store() -> None:
    """No per-request cost grows with the store: docs/sandbox.md has the measured figure."""
    with running(seed="bench:30000") as server:
        client = sdk(server)
        created = [client.v1.customers.create(params={"email": f"c{n}@example.com"}).id
                   for n in range(1000)]
        newest = client.v1.customers.list(params={"limit": 3}).data
        assert [c.id for c in newest] == created[:-4:-1]
        assert client.v1.customers.search(
            params={"query": "email:'c999@example.com'"}).data[0].id == created[-1]
