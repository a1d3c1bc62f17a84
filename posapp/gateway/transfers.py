"""Transfers to connected accounts and their reversals."""

from __future__ import annotations

from typing import Any

from stripe.params import TransferCreateParams, TransferListParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "transfers.create",
    lambda c, ids, p, o: c.v1.transfers.create(p, o),
    find_in="transfers",
    moves_money=True,
)
_REVERSE = operation(
    "transfers.reversals.create",
    lambda c, ids, p, o: c.v1.transfers.reversals.create(ids[0], p, o),
    moves_money=True,
)


def create_transfer(
    gw: Gateway, params: TransferCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Send money from the platform's balance to a connected account."""
    return gw.write(_CREATE, params, key=idempotency_key)


def reverse_transfer(
    gw: Gateway, transfer_id: str, amount: int | None = None,
    *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Take (part of) a transfer back; the reversal object."""
    return gw.write(_REVERSE, {} if amount is None else {"amount": amount}, (transfer_id,),
                   key=idempotency_key)


def retrieve_transfer(gw: Gateway, transfer_id: str) -> dict[str, Any]:
    """One transfer, with its reversals."""
    return gw.read("transfers.retrieve", lambda c: c.v1.transfers.retrieve(transfer_id))


def list_transfers(
    gw: Gateway, params: TransferListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of transfers, newest first, and whether more follow."""
    page = gw.read("transfers.list", lambda c: c.v1.transfers.list(params))
    return page["data"], page["has_more"]
