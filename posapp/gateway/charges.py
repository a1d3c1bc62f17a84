"""Charges: retrieve and list (charges are created through payment intents)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import ChargeListParams, ChargeRetrieveParams

from posapp.gateway.client import Gateway


def retrieve_charge(
    gw: Gateway, charge_id: str, params: ChargeRetrieveParams | None = None
) -> dict[str, Any]:
    """One charge."""
    return gw.read("charges.retrieve", lambda c: c.v1.charges.retrieve(charge_id, params))


def list_charges(
    gw: Gateway, params: ChargeListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of charges, newest first, and whether more follow."""
    page = gw.read("charges.list", lambda c: c.v1.charges.list(params))
    return page["data"], page["has_more"]
