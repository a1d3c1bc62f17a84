"""Dashboard aggregates added for the billing dashboard: dispute amounts by status and MRR
over past months, on a real cache file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posapp.store.aggregates import MonthlyMrr, Total
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
