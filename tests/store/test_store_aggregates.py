"""Dashboard aggregates added for the billing dashboard: dispute amounts by status and MRR
over past months, on a real cache file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posapp.store.aggregates import MonthlyMrr, Total, Uncaptured
from posapp.store.cache import Cache


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache(tmp_path / "profile.db") as c:
        yield c


def dispute(n: int, status: str, amount: int, currency: str = "usd") -> dict[str, Any]:
    return {"id": f"dp_{n}", "object": "dispute", "created": 100 + n, "status": status,
            "amount": amount, "currency": currency, "charge": f"ch_{n}", "reason": "fraudulent"}


def subscription(n: int, created: int, status: str, monthly: int,
                 canceled_at: int | None = None) -> dict[str, Any]:
    return {"id": f"sub_{n}", "object": "subscription", "created": created, "status": status,
            "customer": "cus_1", "currency": "usd", "canceled_at": canceled_at,
            "items": {"data": [{"quantity": 1, "current_period_end": created + 1000, "price": {
                "unit_amount": monthly, "recurring": {"interval": "month"}}}]}}


def test_dispute_totals_sum_only_the_asked_statuses_per_currency(cache: Cache) -> None:
    cache.upsert("disputes", [dispute(1, "needs_response", 1000), dispute(2, "under_review", 500),
                              dispute(3, "won", 9999), dispute(4, "needs_response", 300, "eur")])
    open_ones = cache.dispute_totals(statuses=("needs_response", "under_review"))
    assert open_ones == [Total("eur", 300, 1), Total("usd", 1500, 2)]
    assert cache.dispute_totals(statuses=("lost",)) == []


def test_mrr_history_counts_subscriptions_alive_at_each_month_end(cache: Cache) -> None:
    cache.upsert("subscriptions", [
        subscription(1, created=100, status="active", monthly=1000),
        subscription(2, created=250, status="past_due", monthly=500),
        subscription(3, created=100, status="canceled", monthly=2000, canceled_at=250),
        subscription(4, created=100, status="trialing", monthly=7000),
        subscription(5, created=100, status="incomplete", monthly=7000),
    ])
    history = cache.mrr_history(month_ends=[50, 200, 300])
    assert history == [MonthlyMrr(200, "usd", 3000), MonthlyMrr(300, "usd", 1500)]
    # The latest month agrees with the MRR the dashboard shows for now.
    assert cache.mrr() == {"usd": history[-1].amount}


def charge(n: int, amount: int, *, captured: int | None = None, refunded: int = 0,
           status: str = "succeeded", capture_before: int | None = None) -> dict[str, Any]:
    """A card charge created at 1000 + n: captured in full unless `captured` says otherwise
    (0: an authorisation still held)."""
    taken = amount if captured is None else captured
    card = {"brand": "visa", "last4": "4242", "capture_before": capture_before}
    return {"id": f"ch_{n}", "object": "charge", "created": 1000 + n, "status": status,
            "amount": amount, "amount_captured": taken if status == "succeeded" else 0,
            "captured": status == "succeeded" and taken > 0, "amount_refunded": refunded,
            "refunded": refunded == amount, "currency": "usd",
            "payment_method_details": {"type": "card", "card": card}}


def test_takings_count_only_captured_money_less_refunds(cache: Cache) -> None:
    cache.upsert("charges", [
        charge(1, 1000),
        charge(2, 2500, refunded=500),
        charge(3, 5000, captured=0, capture_before=9000),  # authorised, not captured
        charge(4, 4000, captured=3000, refunded=1000),  # 3000 taken, the rest released
        charge(5, 700, status="failed"),
        charge(6, 800, captured=0, refunded=800),  # authorisation released
    ])
    days = cache.takings_per_day(since=0)
    assert [(d.gross, d.refunded, d.count) for d in days] == [(1000 + 2500 + 3000, 500, 3)]


def test_uncaptured_authorisations_are_totalled_apart_with_the_first_expiry(
        cache: Cache) -> None:
    cache.upsert("charges", [
        charge(1, 1000),
        charge(2, 5000, captured=0, capture_before=9000),
        charge(3, 2000, captured=0),  # no expiry from Stripe: the card default of 7 days
        charge(4, 800, captured=0, refunded=800),
    ])
    assert cache.uncaptured() == [Uncaptured("usd", 7000, 2, min(9000, 1003 + 7 * 86_400))]
