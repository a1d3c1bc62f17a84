"""Balance: the balance per currency and the balance transactions behind it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stripe.params import BalanceTransactionListParams

from posapp.gateway.client import Gateway
from posapp.gateway.paging import iter_all


def retrieve_balance(gw: Gateway) -> dict[str, Any]:
    """Available and pending amounts per currency (GET /v1/balance)."""
    return gw.read("balance.retrieve", lambda c: c.v1.balance.retrieve())


def retrieve_balance_transaction(gw: Gateway, txn_id: str) -> dict[str, Any]:
    """One balance transaction."""
    return gw.read("balance_transactions.retrieve",
                   lambda c: c.v1.balance_transactions.retrieve(txn_id))


def iter_balance_transactions(
    gw: Gateway, params: BalanceTransactionListParams | None = None
) -> Iterator[dict[str, Any]]:
    """Every balance transaction matching `params` (`payout`, `source`, `type`, ...)."""
    return iter_all(gw, "balance_transactions", params)
