"""Connected accounts (Stripe Connect): create, retrieve, update, list, onboarding links
and Express dashboard login links."""

from __future__ import annotations

from typing import Any

from stripe.params import (
    AccountCreateParams,
    AccountLinkCreateParams,
    AccountListParams,
    AccountUpdateParams,
)

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "accounts.create", lambda c, ids, p, o: c.v1.accounts.create(p, o), find_in="accounts"
)
_UPDATE = operation("accounts.update", lambda c, ids, p, o: c.v1.accounts.update(ids[0], p, o))
_LINK = operation("account_links.create", lambda c, ids, p, o: c.v1.account_links.create(p, o))
_LOGIN = operation(
    "accounts.login_links.create",
    lambda c, ids, p, o: c.v1.accounts.login_links.create(ids[0], p, o),
)


def create_account(gw: Gateway, params: AccountCreateParams) -> dict[str, Any]:
    """A new connected account (controller properties say who pays fees, bears losses,
    collects requirements and which dashboard it has)."""
    return gw.write(_CREATE, params)


def retrieve_account(gw: Gateway, account_id: str) -> dict[str, Any]:
    """One connected account (or the platform's own, by its id)."""
    return gw.read("accounts.retrieve", lambda c: c.v1.accounts.retrieve(account_id))


def update_account(gw: Gateway, account_id: str, params: AccountUpdateParams) -> dict[str, Any]:
    """Change an account: its metadata, e-mail, business name or payout schedule."""
    return gw.write(_UPDATE, params, (account_id,))


def list_accounts(
    gw: Gateway, params: AccountListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of the platform's connected accounts, newest first, and whether more follow."""
    page = gw.read("accounts.list", lambda c: c.v1.accounts.list(params))
    return page["data"], page["has_more"]


def create_account_link(gw: Gateway, params: AccountLinkCreateParams) -> dict[str, Any]:
    """A short-lived link where the account holder onboards (or updates their details)."""
    return gw.write(_LINK, params)


def create_login_link(gw: Gateway, account_id: str) -> dict[str, Any]:
    """A single-use link to an Express account's dashboard."""
    return gw.write(_LOGIN, None, (account_id,))
