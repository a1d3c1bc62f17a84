"""Application fees a platform collected on its connected accounts' charges, and their
refunds."""

from __future__ import annotations

from typing import Any

from stripe.params import ApplicationFeeListParams

from posapp.gateway.client import Gateway, operation

_REFUND = operation(
    "application_fees.refunds.create",
    lambda c, ids, p, o: c.v1.application_fees.refunds.create(ids[0], p, o),
    moves_money=True,
)


def retrieve_application_fee(gw: Gateway, fee_id: str) -> dict[str, Any]:
    """One application fee, with its refunds."""
    return gw.read("application_fees.retrieve",
                   lambda c: c.v1.application_fees.retrieve(fee_id))


def list_application_fees(
    gw: Gateway, params: ApplicationFeeListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of application fees, newest first, and whether more follow."""
    page = gw.read("application_fees.list", lambda c: c.v1.application_fees.list(params))
    return page["data"], page["has_more"]


def refund_application_fee(
    gw: Gateway, fee_id: str, amount: int | None = None,
    *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Give (part of) an application fee back to the connected account; the fee refund."""
    return gw.write(_REFUND, {} if amount is None else {"amount": amount}, (fee_id,),
                   key=idempotency_key)
