"""Account: the Stripe account a key belongs to."""

from __future__ import annotations

from typing import Any

from posapp.gateway.client import Gateway


def retrieve_account(gw: Gateway) -> dict[str, Any]:
    """The account the gateway's key belongs to (GET /v1/account)."""
    return gw.read("account.retrieve", lambda c: c.v1.accounts.retrieve_current())
