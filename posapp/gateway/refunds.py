"""Refunds: create, retrieve, list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import RefundCreateParams, RefundListParams, RefundRetrieveParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "refunds.create",
    lambda c, ids, p, o: c.v1.refunds.create(p, o),
    find_in="refunds",
    moves_money=True,
)


def create_refund(
    gw: Gateway, params: RefundCreateParams, *, idempotency_key: str | None = None
) -> dict[str, Any]:
    """Refund a payment intent or charge, fully or `amount` of it; the same
    `idempotency_key` never refunds twice."""
    return gw.write(_CREATE, params, key=idempotency_key)


def retrieve_refund(
    gw: Gateway, refund_id: str, params: RefundRetrieveParams | None = None
) -> dict[str, Any]:
    """One refund."""
    return gw.read("refunds.retrieve", lambda c: c.v1.refunds.retrieve(refund_id, params))


def list_refunds(
    gw: Gateway, params: RefundListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of refunds, newest first, and whether more follow."""
    page = gw.read("refunds.list", lambda c: c.v1.refunds.list(params))
    return page["data"], page["has_more"]
