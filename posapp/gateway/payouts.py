"""Payouts: create (manual payouts), retrieve, list."""

from __future__ import annotations

from typing import Any

from stripe.params import PayoutCreateParams, PayoutListParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "payouts.create",
    lambda c, ids, p, o: c.v1.payouts.create(p, o),
    find_in="payouts",
    moves_money=True,
)


def create_payout(
    gw: Gateway, params: PayoutCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Pay `amount` of the available balance out to the bank (manual payout schedule); the
    same `idempotency_key` never pays out twice."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_payout(gw: Gateway, payout_id: str) -> dict[str, Any]:
    """One payout."""
    return gw.read("payouts.retrieve", lambda c: c.v1.payouts.retrieve(payout_id))


def list_payouts(
    gw: Gateway, params: PayoutListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of payouts, newest first, and whether more follow."""
    page = gw.read("payouts.list", lambda c: c.v1.payouts.list(params))
    return page["data"], page["has_more"]
