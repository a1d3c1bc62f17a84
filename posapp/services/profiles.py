"""Adding a profile: check a pasted key, ask Stripe whose account it is, keep it safely."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from posapp.gateway import Gateway, account
from posapp.keys import (
    KeyVault,
    Profile,
    ProfileStore,
    check_key_format,
    mode_from_key,
)
from posapp.store.journal import Journal

__all__ = ["account_display_name", "add_profile", "session_profile"]


def account_display_name(acct: Mapping[str, Any]) -> str:
    """The name the merchant knows their account by (Dashboard name, business name, e-mail)."""
    settings = acct.get("settings") or {}
    dashboard = settings.get("dashboard") or {}
    business = acct.get("business_profile") or {}
    for name in (dashboard.get("display_name"), business.get("name"), acct.get("email")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return str(acct.get("id", ""))


def add_profile(
    store: ProfileStore,
    vault: KeyVault,
    name: str,
    key: str,
    api_base: str | None = None,
    *,
    default_currency: str | None = None,
) -> Profile:
    """Validate `key` with Stripe and save it as the profile `name`.

    Order matters: the key's shape is checked (KeyFormatError) and the keyring's presence
    (KeyringUnavailable) before anything is sent, so the user fixes one thing at a time; then
    `GET /v1/account` proves the key works (GatewayError: bad key, no permission, offline)
    and names the account. Only then is the secret stored in the keyring and the rest in
    the settings file (ProfileError for a duplicate or unusable name). The profile's default
    currency is the account's unless `default_currency` is given.
    """
    cleaned = check_key_format(key)
    vault.check()
    profile = _profile_of_account(name, cleaned, api_base, default_currency)
    return store.add(profile, cleaned)


def session_profile(key: str, api_base: str | None = None) -> Profile:
    """A profile for this run only, for a key given through STRIPE_API_KEY: named after the
    account the key belongs to (`GET /v1/account`), never saved, the key never stored.

    Raises KeyFormatError or GatewayError, as `add_profile` does; needs no keyring."""
    return _profile_of_account(None, check_key_format(key), api_base, None)


def _profile_of_account(name: str | None, key: str, api_base: str | None,
                        default_currency: str | None) -> Profile:
    """The profile of the account `key` opens (`name` defaults to the account's name)."""
    # The request writes nothing, so the journal it would need stays in memory.
    journal = Journal(":memory:")
    try:
        acct = account.retrieve_account(Gateway(key, journal=journal, api_base=api_base))
    finally:
        journal.close()
    account_name = account_display_name(acct)
    return Profile(
        name=account_name if name is None else name,
        mode=mode_from_key(key),
        account_id=str(acct["id"]),
        account_name=account_name,
        api_base=api_base,
        default_currency=(default_currency or acct.get("default_currency") or "usd").lower(),
    )
