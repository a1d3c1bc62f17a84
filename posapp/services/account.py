"""The profile's own Stripe account (`GET /v1/account`), kept in its cache so it is known
offline: the time zone its days are counted in (Dashboard setting) and the business details
its invoices default to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from posapp.gateway import account
from posapp.store.cache import Cache

from .session import Session

__all__ = ["account_address", "account_timezone", "cached_account", "refresh_account"]

_STATE_KEY = "account"


def refresh_account(session: Session) -> dict[str, Any]:
    """Ask Stripe for the session's account and keep it in the cache (GatewayError when
    Stripe cannot be reached)."""
    found = account.retrieve_account(session.gateway)
    session.cache.set_state(_STATE_KEY, json.dumps(found))
    return found


def cached_account(cache: Cache) -> dict[str, Any] | None:
    """The account as last fetched (None: never fetched with this cache)."""
    text = cache.get_state(_STATE_KEY)
    if text is None:
        return None
    found = json.loads(text)
    return found if isinstance(found, dict) else None


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

