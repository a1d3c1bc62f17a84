"""Stripe Tax settings (`/v1/tax/settings`): whether the account can use `automatic_tax`.

An account starts `pending` (its head office is missing, as a new Stripe account's is);
setting `head_office[address]` makes it `active`. The sandbox computes `automatic_tax` by
its own rule set whatever the status (engine/discounts.py); the app reads the status to
decide whether Stripe Tax may be offered."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..params import Params, full_address
from ..router import Request, api
from ..state import Obj, State

_SETTINGS: WeakKeyDictionary[State, Obj] = WeakKeyDictionary()


def tax_settings(state: State) -> Obj:
    """The account's tax settings (made `pending` on first use)."""
    return _SETTINGS.setdefault(state, {
        "object": "tax.settings",
        "defaults": {"provider": "stripe", "tax_behavior": None, "tax_code": None},
        "head_office": None, "livemode": False, "status": "pending",
        "status_details": {"pending": {"missing_fields": ["head_office"]}}})


def set_head_office(state: State, address: Obj) -> Obj:
    """Give the account a head office, which makes Stripe Tax `active`."""
    settings = tax_settings(state)
    settings.update(head_office={"address": address}, status="active",
                    status_details={"active": {}})
    return settings


@api("GET", "/v1/tax/settings")
def retrieve_tax_settings(req: Request) -> Obj:
    return tax_settings(req.state)


@api("POST", "/v1/tax/settings", ("defaults", "head_office"))
def update_tax_settings(req: Request) -> Obj:
    p, settings = req.params, tax_settings(req.state)
    defaults = Params(p.hash("defaults") or {})
    defaults.check(("tax_behavior", "tax_code"))
    if "tax_behavior" in defaults:
        settings["defaults"]["tax_behavior"] = defaults.enum(
            "tax_behavior", ("exclusive", "inclusive", "inferred_by_currency"))
    if "tax_code" in defaults:
        settings["defaults"]["tax_code"] = defaults.string("tax_code")
    office = p.hash("head_office")
    if office is not None:
        Params(office).check(("address",), ("address",))
        set_head_office(req.state, full_address(office["address"]))
    return settings
