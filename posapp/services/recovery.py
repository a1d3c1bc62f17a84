"""Money writes whose outcome the app does not know: those a crash interrupted (found at
start) and those whose retries ran out (journal rows `unknown`).

Neither is ever re-sent silently. An interrupted charge that Stripe does not have is sent
again only on the cashier's word (`send_again`), given on a screen that says which sale it
was and how long ago; the answer goes into the audit log. Unknown rows are settled by
looking them up (`reconcile_unknown`), and Activity lists what is still unsettled.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

from posapp.gateway import GatewayError, moves_money
from posapp.services.session import Session, perform
from posapp.store.journal import JournalEntry, JournalState

__all__ = [
    "UnsettledWrite",
    "drop_interrupted",
    "interrupted_writes",
    "reconcile_unknown",
    "recovered_money_writes",
    "send_again",
    "unsettled_writes",
]


@dataclass(frozen=True)
class UnsettledWrite:
    """A journaled money write as a cashier would recognise the sale: what, for how much,
    for whom, and when (`created`, Unix seconds)."""

    key: str
    operation: str
    state: JournalState
    amount: int | None
    currency: str | None
    description: str
    customer_id: str | None
    object_id: str | None
    created: float
    error: str | None


def describe(entry: JournalEntry) -> UnsettledWrite:
    """The sale behind a journal row, read from the parameters it was sent with."""
    params: dict[str, Any] = entry.params.get("params") or {}
    ids = entry.params.get("ids") or []
    amount = params.get("amount")
    return UnsettledWrite(
        key=entry.key,
        operation=entry.operation,
        state=entry.state,
        amount=int(amount) if isinstance(amount, int | str) and str(amount).isdigit() else None,
        currency=params.get("currency"),
        description=str(params.get("description") or ""),
        customer_id=params.get("customer"),
        object_id=entry.object_id or (ids[0] if ids else params.get("payment_intent")),
        created=entry.created,
        error=entry.error,
    )


def _told(session: Session, entry: JournalEntry) -> UnsettledWrite:
    """`describe`, with an invoice payment told as its invoice's sale (amount, what,
    whom) from the cache: paying an invoice sends none of them."""
    write = describe(entry)
    invoice = (session.cache.get("invoices", str(write.object_id))
               if write.amount is None and (write.object_id or "").startswith("in_") else None)
    if invoice is None:
        return write
    return replace(write, amount=invoice.get("amount_due"), currency=invoice.get("currency"),
                   description=str(invoice.get("description") or ""),
                   customer_id=invoice.get("customer"))


def interrupted_writes(session: Session) -> list[UnsettledWrite]:
    """Money writes a crash interrupted that Stripe does not have (looked up at start):
    each waits for the cashier's yes or no."""
    return [_told(session, e) for e in session.gateway.awaiting_confirmation()]


def recovered_money_writes(session: Session) -> list[UnsettledWrite]:
    """Money writes a crash interrupted that opening the session settled by looking them
    up (found: they went through; the cashier is told)."""
    return [_told(session, e) for e in session.recovered if moves_money(e.operation)]


def _minutes_ago(created: float, now: float) -> str:
    return f"interrupted {max(0, int((now - created) // 60))} min before"


def send_again(session: Session, key: str) -> dict[str, Any]:
    """The cashier said yes: send the interrupted write `key` again with its own key (so
    it can still happen only once). Audited; raises GatewayError as any write does."""
    entry = session.journal.get(key)
    if entry is None:
        raise ValueError(f"no journaled request with key {key!r}")
    write = describe(entry)
    return perform(
        session,
        entry.operation,
        lambda gw: gw.resend(key),
        amount=write.amount,
        currency=write.currency,
        detail=f"sent again: the cashier said yes ({_minutes_ago(entry.created, time.time())})",
    )


def drop_interrupted(session: Session, key: str) -> None:
    """The cashier said no: the interrupted write `key` is not sent; audited. Its row turns
    unknown, so a late arrival at Stripe is still found by `reconcile_unknown`."""
    entry = session.journal.get(key)
    if entry is None:
        raise ValueError(f"no journaled request with key {key!r}")
    session.gateway.abandon(key)
    write = describe(entry)
    session.journal.record_audit(
        actor=session.actor,
        action=entry.operation,
        outcome="not_sent",
        object_id=write.object_id,
        amount=write.amount,
        currency=write.currency,
        idempotency_key=key,
        detail=f"not sent again: the cashier said no ({_minutes_ago(entry.created, time.time())})",
    )


def unsettled_writes(session: Session) -> list[UnsettledWrite]:
    """Journal rows whose outcome is still unknown, oldest first (Activity lists them)."""
    return [describe(e) for e in session.journal.entries(JournalState.UNKNOWN)]


def reconcile_unknown(session: Session) -> list[UnsettledWrite]:
    """Settle every unknown journal row that can be settled without sending a money write
    again (`Gateway.reconcile`), audit each one settled, and return those settled.

    Stops quietly when Stripe cannot be reached: the rows stay unknown for next time.
    """
    settled: list[UnsettledWrite] = []
    for entry in session.journal.entries(JournalState.UNKNOWN):
        try:
            now = session.gateway.reconcile(entry.key)
        except GatewayError:
            break
        if now.state is JournalState.UNKNOWN:
            continue
        write = describe(now)
        session.journal.record_audit(
            actor=session.actor,
            action=now.operation,
            outcome=now.state.value,
            object_id=write.object_id,
            amount=write.amount,
            currency=write.currency,
            idempotency_key=now.key,
            request_id=now.request_id,
            detail="settled: an unknown outcome looked up at Stripe",
        )
        settled.append(write)
    return settled
