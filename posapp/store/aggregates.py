"""Dashboard aggregates over the cache: takings per day, refunds, disputes, MRR, invoices.

Amounts are integer minor units, always grouped by currency (they never add across
currencies)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

MRR_STATUSES = ("active", "past_due")


@dataclass(frozen=True)
class DailyTakings:
    """Succeeded charges on one local day in one currency, and what was refunded of them."""

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
class InvoiceSummary:
    """Open invoices in one currency, and those of them past their due date."""

    currency: str
    open_count: int
    open_amount: int
    overdue_count: int
    overdue_amount: int


def takings_per_day(conn: sqlite3.Connection, *, since: int, until: int | None,
                    utc_offset: int) -> list[DailyTakings]:
    """Succeeded charges grouped by day (shifted by `utc_offset` seconds) and currency."""
    rows = conn.execute(
        "SELECT date(created + ?, 'unixepoch') AS day, currency, SUM(amount), "
        "SUM(COALESCE(amount_refunded, 0)), COUNT(*) FROM charges "
        "WHERE deleted = 0 AND status = 'succeeded' AND created >= ? AND created < ? "
        "GROUP BY day, currency ORDER BY day, currency",
        (utc_offset, since, until if until is not None else 2**62)).fetchall()
    return [DailyTakings(*r) for r in rows]


def refund_totals(conn: sqlite3.Connection, *, since: int) -> list[Total]:
    """Succeeded refunds created since `since`, per currency."""
    rows = conn.execute(
        "SELECT currency, SUM(amount), COUNT(*) FROM refunds WHERE deleted = 0 "
        "AND status = 'succeeded' AND created >= ? GROUP BY currency ORDER BY currency",
        (since,)).fetchall()
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
