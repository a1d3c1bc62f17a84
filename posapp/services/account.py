"""The profile's own Stripe account (`GET /v1/account`) and its own tax IDs (`GET
/v1/tax_ids`), kept in its cache so they are known offline: the time zone its days are
counted in (Dashboard setting) and the business details (address, tax ID) its invoices and
receipts default to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from posapp.gateway import account, tax_ids
from posapp.store.cache import Cache

from .session import Session

__all__ = ["account_address", "account_timezone", "cached_account", "cached_tax_ids",
           "default_tax_id", "refresh_account"]

_STATE_KEY = "account"
_TAX_IDS_KEY = "account_tax_ids"


def refresh_account(session: Session) -> dict[str, Any]:
    """Ask Stripe for the session's account and its own tax IDs and keep them in the cache
    (GatewayError when Stripe cannot be reached; what was cached before stays)."""
    found = account.retrieve_account(session.gateway)
    own, _ = tax_ids.list_tax_ids(session.gateway, {"owner": {"type": "self"}, "limit": 100})
    session.cache.set_state(_STATE_KEY, json.dumps(found))
    session.cache.set_state(_TAX_IDS_KEY, json.dumps(own))
    return found


def _cached(cache: Cache, key: str) -> Any:
    text = cache.get_state(key)
    return None if text is None else json.loads(text)


def cached_account(cache: Cache) -> dict[str, Any] | None:
    """The account as last fetched (None: never fetched with this cache)."""
    found = _cached(cache, _STATE_KEY)
    return found if isinstance(found, dict) else None


def cached_tax_ids(cache: Cache) -> list[dict[str, Any]]:
    """The account's own tax IDs as last fetched, newest first ([] when none or never
    fetched)."""
    found = _cached(cache, _TAX_IDS_KEY)
    return [t for t in found if isinstance(t, dict)] if isinstance(found, list) else []


def default_tax_id(acct: Mapping[str, Any] | None,
                   own: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The tax ID the account's documents carry when the business settings name none: the
    first of `settings.invoices.default_account_tax_ids` (the account's invoice default)
    among `own`, else the first of `own` as Stripe lists them; None when it has none."""
    invoices = ((acct or {}).get("settings") or {}).get("invoices") or {}
    by_id = {t.get("id"): t for t in own if not t.get("deleted")}
    for chosen in invoices.get("default_account_tax_ids") or []:
        found = by_id.get(chosen.get("id") if isinstance(chosen, Mapping) else chosen)
        if found is not None:
            return found
    return next(iter(by_id.values()), None)


def account_timezone(acct: Mapping[str, Any] | None) -> ZoneInfo | None:
    """The time zone the account's Dashboard counts days in (`settings.dashboard.timezone`);
    None when unknown or not a zone this machine knows (the machine's zone applies then)."""
    name = (((acct or {}).get("settings") or {}).get("dashboard") or {}).get("timezone")
    if not isinstance(name, str) or not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def account_address(acct: Mapping[str, Any] | None) -> str:
    """The business address the account gives Stripe, one part a line: the public support
    address, else the company's registered one ("" when neither is set)."""
    acct = acct or {}
    for address in (((acct.get("business_profile") or {}).get("support_address")),
                    ((acct.get("company") or {}).get("address"))):
        if isinstance(address, Mapping):
            lines = [address.get(part) for part in ("line1", "line2", "city", "state",
                                                     "postal_code", "country")]
            text = "\n".join(str(line).strip() for line in lines if line and str(line).strip())
            if text:
                return text
    return ""

