"""The books: balance per currency, balance transactions, payouts and what each payout
settled (reconciliation), manual payouts, and the fee and net of a payment or refund.

Stripe sends no events for balance transactions, and a pending one becomes available
without one, so `refresh_balance_transactions` lists the recent ones again (the sync
poller fetches those that events' objects name). The balance and each payout's list of
settled transactions are Stripe's answers kept in the cache's state, read offline.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from posapp.gateway import balance, payouts
from posapp.gateway.params import PayoutCreateParams
from posapp.money import check_amount, format_amount
from posapp.services.errors import ServiceError
from posapp.services.session import Session, perform
from posapp.store.cache import Cache

__all__ = [
    "BalanceLine",
    "FeeAndNet",
    "PayoutReconciliation",
    "balance_summary",
    "cached_fee_and_net",
    "create_manual_payout",
    "fee_and_net",
    "payout_reconciliation",
    "refresh_balance",
    "refresh_balance_transactions",
    "refresh_payouts",
]

_BALANCE_KEY = "balance"
# Recent balance transactions are read again: pending ones turn available on their own.
_PENDING_WINDOW = 7 * 86_400


@dataclass(frozen=True)
class BalanceLine:
    """What Stripe holds for the account in one currency (minor units)."""

    currency: str
    available: int
    pending: int


@dataclass(frozen=True)
class FeeAndNet:
    """A payment's or refund's balance transaction in brief."""

    currency: str
    amount: int
    fee: int
    net: int
    status: str
    available_on: int


@dataclass(frozen=True)
class PayoutReconciliation:
    """A payout and the balance transactions it settled (its own `payout` one included):
    `settled_net` sums the others, which equals the payout's amount when they add up."""

    payout: dict[str, Any]
    transactions: list[dict[str, Any]]
    settled_net: int

    @property
    def adds_up(self) -> bool:
        """Whether the settled transactions sum to the payout's amount."""
        return self.settled_net == int(self.payout["amount"])


def refresh_balance(session: Session) -> list[BalanceLine]:
    """Read the balance from Stripe and keep it for offline use."""
    answer = balance.retrieve_balance(session.gateway)
    session.cache.set_state(_BALANCE_KEY, json.dumps(
        {"available": answer.get("available") or [], "pending": answer.get("pending") or []}))
    return balance_summary(session)


def balance_summary(session: Session) -> list[BalanceLine]:
    """The balance last read from Stripe, per currency (empty before the first read)."""
    text = session.cache.get_state(_BALANCE_KEY)
    if not text:
        return []
    stored = json.loads(text)
    sums: dict[str, dict[str, int]] = {}
    for part in ("available", "pending"):
        for line in stored.get(part, []):
            sums.setdefault(str(line["currency"]), {"available": 0, "pending": 0})[part] += \
                int(line["amount"])
    return [BalanceLine(c, v["available"], v["pending"]) for c, v in sorted(sums.items())]


def refresh_balance_transactions(session: Session, *, now: float | None = None) -> int:
    """List the balance transactions of the last week and newer into the cache (pending
    ones may have become available); returns how many were stored."""
    newest = session.cache.page("balance_transactions", limit=1).rows
    since = int(now if now is not None else time.time()) - _PENDING_WINDOW
    if newest:
        since = min(since, int(newest[0]["created"]))
    stored = 0
    batch: list[dict[str, Any]] = []
    for txn in balance.iter_balance_transactions(session.gateway, {"created": {"gte": since}}):
        batch.append(txn)
        if len(batch) == 100:
            stored += session.cache.upsert("balance_transactions", batch)
            batch = []
    return stored + (session.cache.upsert("balance_transactions", batch) if batch else 0)


def refresh_payouts(session: Session) -> int:
    """The latest page of payouts (statuses change as they arrive) into the cache."""
    data, _ = payouts.list_payouts(session.gateway, {"limit": 100})
    return session.cache.upsert("payouts", data) if data else 0


def payout_reconciliation(session: Session, payout_id: str, *,
                          online: bool = True) -> PayoutReconciliation:
    """The payout and the balance transactions it settled, from Stripe (`payout` filter;
    kept for offline use) or, offline or when Stripe cannot be reached, as last read."""
    key = f"payout.{payout_id}.transactions"
    if online:
        payout = payouts.retrieve_payout(session.gateway, payout_id)
        txns = list(balance.iter_balance_transactions(session.gateway, {"payout": payout_id}))
        session.cache.upsert("payouts", [payout])
        if txns:
            session.cache.upsert("balance_transactions", txns)
        session.cache.set_state(key, json.dumps([t["id"] for t in txns]))
    else:
        found = session.cache.get("payouts", payout_id)
        if found is None:
            raise ServiceError("This payout is not in the cache yet.", "payout_not_cached")
        payout = found
        ids = json.loads(session.cache.get_state(key) or "[]")
        txns = [t for t in (session.cache.get("balance_transactions", i) for i in ids)
                if t is not None]
    settled = sum(int(t["net"]) for t in txns if t.get("type") != "payout")
    return PayoutReconciliation(payout, txns, settled)


def create_manual_payout(session: Session, amount: int, currency: str, *,
                         idempotency_key: str | None = None) -> dict[str, Any]:
    """Pay `amount` of the available balance out to the bank now (accounts on the manual
    payout schedule). Refused locally beyond the available balance last read;
    `idempotency_key` is the confirmation's key, so a second click pays out once."""
    currency = currency.lower()
    check_amount(amount, currency, session.locale, minimum=False)
    again = bool(idempotency_key) and session.journal.get(idempotency_key or "") is not None
    available = next((line.available for line in balance_summary(session)
                      if line.currency == currency), 0)
    if amount > available and not again:
        raise ServiceError(
            f"Only {format_amount(available, currency, session.locale)} is available to pay "
            "out.", "payout_over_available",
            available=format_amount(available, currency, session.locale))
    params: PayoutCreateParams = {"amount": amount, "currency": currency}
    payout = perform(session, "payout.create",
                     lambda gw: payouts.create_payout(gw, params,
                                                      idempotency_key=idempotency_key),
                     amount=amount, currency=currency)
    refresh_balance(session)
    return payout


def fee_and_net(session: Session, obj: Mapping[str, Any] | None, *,
                online: bool = False) -> FeeAndNet | None:
    """The fee and net of a charge or refund (`obj`, as cached), from its balance
    transaction in the cache, fetched from Stripe when missing and `online`; None while
    it has none (an uncaptured or failed charge)."""
    txn_id = _balance_transaction_id(obj)
    if txn_id is None:
        return None
    if online and session.cache.get("balance_transactions", txn_id) is None:
        session.cache.upsert_object(balance.retrieve_balance_transaction(session.gateway, txn_id))
    return cached_fee_and_net(session.cache, obj)


def cached_fee_and_net(cache: Cache, obj: Mapping[str, Any] | None) -> FeeAndNet | None:
    """`fee_and_net` from the cache alone (for the GUI thread, and offline)."""
    txn_id = _balance_transaction_id(obj)
    txn = cache.get("balance_transactions", txn_id) if txn_id else None
    if txn is None:
        return None
    return FeeAndNet(str(txn["currency"]), int(txn["amount"]), int(txn["fee"]), int(txn["net"]),
                     str(txn["status"]), int(txn["available_on"]))


def _balance_transaction_id(obj: Mapping[str, Any] | None) -> str | None:
    ref = obj.get("balance_transaction") if obj else None
    txn_id = ref.get("id") if isinstance(ref, Mapping) else ref
    return txn_id if isinstance(txn_id, str) else None
