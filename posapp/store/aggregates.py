"""Dashboard aggregates over the cache: takings per day, authorisations not captured yet,
refunds, disputes, MRR, invoices.

Money is counted as Stripe counts it: a charge is taken once it succeeded and was captured,
for the amount captured; an authorisation still held is not takings (see `uncaptured`).
Amounts are integer minor units, always grouped by currency (they never add across
currencies)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

MRR_STATUSES = ("active", "past_due")

AUTHORISATION_DAYS = 7
"""How long Stripe holds an online card authorisation when the charge does not say
(`payment_method_details.card.capture_before`)."""


@dataclass(frozen=True)
class DailyTakings:
    """Captured charges on one local day in one currency: the amount captured (`gross`),
    what was refunded of it, and how many charges."""

    day: str
    currency: str
    gross: int
    refunded: int
    count: int


@dataclass(frozen=True)
class Total:
    """A sum and a count in one currency."""

    currency: str
    amount: int
    count: int


@dataclass(frozen=True)
class Uncaptured:
    """Card authorisations held and not captured yet, in one currency: their total, count,
    and when the first of them lapses (Unix time)."""

    currency: str
    amount: int
    count: int
    first_expiry: int


@dataclass(frozen=True)
class InvoiceSummary:
    """Open invoices in one currency, and those of them past their due date."""

    currency: str
    open_count: int
    open_amount: int
    overdue_count: int
    overdue_amount: int


def takings_per_day(conn: sqlite3.Connection, *, since: int, until: int | None,
                    utc_offset: int) -> list[DailyTakings]:
    """Captured charges grouped by day (shifted by `utc_offset` seconds) and currency.

    After a partial capture Stripe counts the released rest in `amount_refunded`; it is
    taken off that figure, so `refunded` is only what was given back of the money taken."""
    rows = conn.execute(
        "WITH taken AS (SELECT created, currency, amount, amount_refunded, "
        "COALESCE(amount_captured, amount) AS taken_amount FROM charges "
        "WHERE deleted = 0 AND status = 'succeeded' AND captured = 1 "
        "AND created >= ? AND created < ?) "
        "SELECT date(created + ?, 'unixepoch') AS day, currency, SUM(taken_amount), "
        "SUM(COALESCE(amount_refunded, 0) - amount + taken_amount), COUNT(*) FROM taken "
        "GROUP BY day, currency ORDER BY day, currency",
        (since, until if until is not None else 2**62, utc_offset)).fetchall()
    return [DailyTakings(*r) for r in rows]


def uncaptured(conn: sqlite3.Connection) -> list[Uncaptured]:
    """Authorisations held now (succeeded, not captured, not released), per currency, with
    the earliest `capture_before` (else created + AUTHORISATION_DAYS)."""
    rows = conn.execute(
        "SELECT currency, SUM(amount), COUNT(*), "
        "MIN(COALESCE(capture_before, created + ?)) FROM charges "
        "WHERE deleted = 0 AND status = 'succeeded' "
        "AND captured = 0 AND COALESCE(refunded, 0) = 0 "
        "GROUP BY currency ORDER BY currency", (AUTHORISATION_DAYS * 86_400,)).fetchall()
    return [Uncaptured(*r) for r in rows]


def refund_totals(conn: sqlite3.Connection, *, since: int) -> list[Total]:
    """Succeeded refunds created since `since`, per currency."""
    rows = conn.execute(
        "SELECT currency, SUM(amount), COUNT(*) FROM refunds WHERE deleted = 0 "
        "AND status = 'succeeded' AND created >= ? GROUP BY currency ORDER BY currency",
        (since,)).fetchall()
    return [Total(*r) for r in rows]


# Balance transaction types of sales and their reversals: what net volume counts.
NET_VOLUME_TYPES = ("charge", "payment", "refund", "payment_refund", "refund_failure",
                    "adjustment")


def net_volume(conn: sqlite3.Connection, *, since: int,
               until: int | None = None) -> list[Total]:
    """Net volume per currency: what sales brought in after refunds, disputes and Stripe's
    fees (the `net` of their balance transactions created in [since, until))."""
    marks = ", ".join("?" * len(NET_VOLUME_TYPES))
    rows = conn.execute(
        f"SELECT currency, SUM(net), COUNT(*) FROM balance_transactions WHERE deleted = 0 "  # noqa: S608
        f"AND type IN ({marks}) AND created >= ? AND created < ? GROUP BY currency "
        "ORDER BY currency",
        (*NET_VOLUME_TYPES, since, until if until is not None else 2**62)).fetchall()
    return [Total(*r) for r in rows]


def dispute_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Number of disputes per status (`needs_response`, `won`, ...)."""
    rows = conn.execute("SELECT status, COUNT(*) FROM disputes WHERE deleted = 0 "
                        "GROUP BY status").fetchall()
    return {r[0]: r[1] for r in rows}


def mrr(conn: sqlite3.Connection) -> dict[str, int]:
    """Monthly recurring revenue of active and past-due subscriptions, per currency."""
    rows = conn.execute(
        "SELECT currency, SUM(mrr) FROM subscriptions WHERE deleted = 0 "
        "AND status IN (?, ?) GROUP BY currency", MRR_STATUSES).fetchall()
    return {r[0]: r[1] for r in rows}


def invoice_summary(conn: sqlite3.Connection, *, now: int) -> list[InvoiceSummary]:
    """Open invoices and overdue ones (open with a due date before `now`), per currency."""
    rows = conn.execute(
        "SELECT currency, COUNT(*), SUM(amount_remaining), "
        "SUM(due_date IS NOT NULL AND due_date < ?), "
        "SUM(CASE WHEN due_date IS NOT NULL AND due_date < ? THEN amount_remaining ELSE 0 END) "
        "FROM invoices WHERE deleted = 0 AND status = 'open' GROUP BY currency "
        "ORDER BY currency", (now, now)).fetchall()
    return [InvoiceSummary(*r) for r in rows]


@dataclass(frozen=True)
class MonthlyMrr:
    """The MRR of the subscriptions alive at the end of one month, in one currency."""

    month_end: int
    currency: str
    amount: int


def dispute_totals(conn: sqlite3.Connection, *, statuses: Sequence[str]) -> list[Total]:
    """Disputes whose status is one of `statuses`: their amounts and count, per currency."""
    marks = ", ".join("?" for _ in statuses)
    rows = conn.execute(
        f"SELECT currency, SUM(amount), COUNT(*) FROM disputes WHERE deleted = 0 "  # noqa: S608
        f"AND status IN ({marks}) GROUP BY currency ORDER BY currency",
        tuple(statuses)).fetchall()
    return [Total(*r) for r in rows]


def mrr_history(conn: sqlite3.Connection, *, month_ends: Sequence[int]) -> list[MonthlyMrr]:
    """MRR at each of `month_ends`: subscriptions created by then and not canceled by then,
    each at its current monthly amount (the cache keeps no history of price changes), per
    currency. Those billing now (active, past due) count, and canceled ones up to their
    cancellation; trials, paused and incomplete ones do not."""
    result: list[MonthlyMrr] = []
    for end in month_ends:
        rows = conn.execute(
            "SELECT currency, SUM(mrr) FROM subscriptions WHERE deleted = 0 AND created <= ? "
            "AND status IN (?, ?, 'canceled') "
            "AND (canceled_at IS NULL OR canceled_at > ?) GROUP BY currency ORDER BY currency",
            (end, *MRR_STATUSES, end)).fetchall()
        result.extend(MonthlyMrr(end, r[0], r[1]) for r in rows)
    return result
