"""Disputes: retrieve, update (submit evidence), close (accept the loss), list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import (
        DisputeCloseParams,
        DisputeListParams,
        DisputeRetrieveParams,
        DisputeUpdateParams,
    )

from posapp.gateway.client import Gateway, operation

_UPDATE = operation("disputes.update", lambda c, ids, p, o: c.v1.disputes.update(ids[0], p, o))
_CLOSE = operation("disputes.close", lambda c, ids, p, o: c.v1.disputes.close(ids[0], p, o))


def retrieve_dispute(
    gw: Gateway, dispute_id: str, params: DisputeRetrieveParams | None = None
) -> dict[str, Any]:
    """One dispute."""
    return gw.read("disputes.retrieve", lambda c: c.v1.disputes.retrieve(dispute_id, params))


def update_dispute(gw: Gateway, dispute_id: str, params: DisputeUpdateParams) -> dict[str, Any]:
    """Add evidence to a dispute (and submit it with `submit=True`)."""
    return gw.write(_UPDATE, params, (dispute_id,))


def close_dispute(
    gw: Gateway, dispute_id: str, params: DisputeCloseParams | None = None
) -> dict[str, Any]:
    """Accept a dispute as lost; this cannot be undone."""
    return gw.write(_CLOSE, params, (dispute_id,))


def list_disputes(
    gw: Gateway, params: DisputeListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of disputes, newest first, and whether more follow."""
    page = gw.read("disputes.list", lambda c: c.v1.disputes.list(params))
    return page["data"], page["has_more"]
