"""Tax IDs: the account's own (`owner[type]=self`, Stripe's default): create, retrieve,
delete, list. Invoices and receipts print them as the seller's tax number."""

from __future__ import annotations

from typing import Any

from stripe.params import TaxIdCreateParams, TaxIdListParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation("tax_ids.create", lambda c, ids, p, o: c.v1.tax_ids.create(p, o))
_DELETE = operation(
    "tax_ids.delete",
    lambda c, ids, p, o: c.v1.tax_ids.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.tax_ids.retrieve(ids[0]),
)


def create_tax_id(gw: Gateway, params: TaxIdCreateParams) -> dict[str, Any]:
    """Add a tax ID (`type` such as `gb_vat`, `value`); Stripe derives its `country`."""
    return gw.write(_CREATE, params)


def retrieve_tax_id(gw: Gateway, tax_id: str) -> dict[str, Any]:
    """One tax ID; a deleted one comes back as `{"id": ..., "deleted": True}`."""
    return gw.read("tax_ids.retrieve", lambda c: c.v1.tax_ids.retrieve(tax_id))


def delete_tax_id(gw: Gateway, tax_id: str) -> dict[str, Any]:
    """Delete a tax ID (it also leaves the account's invoice defaults)."""
    return gw.write(_DELETE, {}, (tax_id,))


def list_tax_ids(
    gw: Gateway, params: TaxIdListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of tax IDs (the account's own unless `owner` says otherwise), newest first,
    and whether more follow."""
    page = gw.read("tax_ids.list", lambda c: c.v1.tax_ids.list(params))
    return page["data"], page["has_more"]
