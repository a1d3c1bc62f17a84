"""Tax rates (inclusive or exclusive, by country/state): create, retrieve, update, list; and
the account's Stripe Tax settings (whether `automatic_tax` can be used)."""

from __future__ import annotations

from typing import Any

from stripe.params import TaxRateCreateParams, TaxRateListParams, TaxRateUpdateParams

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "tax_rates.create", lambda c, ids, p, o: c.v1.tax_rates.create(p, o), find_in="tax_rates"
)
_UPDATE = operation(
    "tax_rates.update", lambda c, ids, p, o: c.v1.tax_rates.update(ids[0], p, o)
)


def create_tax_rate(gw: Gateway, params: TaxRateCreateParams) -> dict[str, Any]:
    """Create a tax rate (its percentage and inclusiveness are fixed once made)."""
    return gw.write(_CREATE, params)


def retrieve_tax_rate(gw: Gateway, tax_rate_id: str) -> dict[str, Any]:
    """One tax rate."""
    return gw.read("tax_rates.retrieve", lambda c: c.v1.tax_rates.retrieve(tax_rate_id))


def update_tax_rate(gw: Gateway, tax_rate_id: str, params: TaxRateUpdateParams) -> dict[str, Any]:
    """Archive (`active: False`) or rename a tax rate."""
    return gw.write(_UPDATE, params, (tax_rate_id,))


def list_tax_rates(
    gw: Gateway, params: TaxRateListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of tax rates, newest first, and whether more follow."""
    page = gw.read("tax_rates.list", lambda c: c.v1.tax_rates.list(params))
    return page["data"], page["has_more"]


def retrieve_tax_settings(gw: Gateway) -> dict[str, Any]:
    """The account's Stripe Tax settings; `status` is `active` once Stripe Tax can compute
    tax for it (`automatic_tax`), `pending` while details such as the head office are missing."""
    return gw.read("tax.settings.retrieve", lambda c: c.v1.tax.settings.retrieve())
