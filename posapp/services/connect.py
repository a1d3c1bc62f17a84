"""Stripe Connect for platforms: connected accounts (list, create, onboarding link, Express
dashboard login link), acting as one of them, and the platform's side of destination and
direct charges (application fees and transfers).

Acting as an account (`act_as`) opens a session whose gateway sends the `Stripe-Account`
header with every request and whose cache, events cursor and journal are the account's
own: every service then works on that account unchanged. A destination charge is made by
the platform for a connected account (`PlatformCharge`, passed to
`payments.charge_saved_card`); a direct charge is any charge made while acting as the
account with an `application_fee` (the same `PlatformCharge` without a destination).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from posapp.gateway import accounts, application_fees, transfers
from posapp.gateway.params import AccountCreateParams, PaymentIntentCreateParams
from posapp.money import check_minor_units
from posapp.services.errors import ServiceError
from posapp.services.session import Session, open_connected_session, perform

__all__ = [
    "Dashboard",
    "PlatformCharge",
    "account_name",
    "act_as",
    "check_platform_charge",
    "create_connected_account",
    "list_connected_accounts",
    "login_link",
    "onboarding_link",
    "refresh_platform_lists",
]

Dashboard = Literal["express", "full", "none"]


@dataclass(frozen=True)
class PlatformCharge:
    """The platform's part of a charge: its `application_fee` (minor units, may be 0) and,
    for a destination charge, the connected account the money goes to (also the charge's
    `on_behalf_of`, so it is the settlement merchant)."""

    application_fee: int
    destination: str | None = None

    def apply(self, params: PaymentIntentCreateParams) -> None:
        """Add the platform's parameters to a PaymentIntent's."""
        if self.application_fee:
            params["application_fee_amount"] = self.application_fee
        if self.destination:
            params["transfer_data"] = {"destination": self.destination}
            params["on_behalf_of"] = self.destination


def account_name(account: dict[str, Any]) -> str:
    """How the app names a connected account: its business name, e-mail, or id."""
    profile = account.get("business_profile") or {}
    return str(profile.get("name") or account.get("email") or account["id"])


def _platform_only(session: Session) -> None:
    if session.acting_as is not None:
        raise ServiceError("Go back to the platform to manage connected accounts.",
                           "acting_as_connected_account")


def list_connected_accounts(session: Session) -> list[dict[str, Any]]:
    """The platform's connected accounts, newest first, read from Stripe into the cache."""
    _platform_only(session)
    found: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        data, more = accounts.list_accounts(
            session.gateway, {"limit": 100, **({"starting_after": after} if after else {})})
        found.extend(data)
        if not more or not data:
            break
        after = data[-1]["id"]
    if found:
        session.cache.upsert("accounts", found)
    return found


def create_connected_account(session: Session, name: str, email: str | None = None, *,
                             dashboard: Dashboard = "express",
                             country: str = "US") -> dict[str, Any]:
    """A new connected account with controller properties for its kind of dashboard:
    `express` (the platform pays Stripe's fees and bears losses; Stripe collects the
    requirements), `full` (a Standard account that does all of that itself) or `none`
    (the platform collects requirements too)."""
    _platform_only(session)
    if not name.strip():
        raise ServiceError("A connected account needs a business name.", "account_name_empty")
    platform_pays = dashboard != "full"
    params: AccountCreateParams = {
        "controller": {
            "fees": {"payer": "application" if platform_pays else "account"},
            "losses": {"payments": "application" if platform_pays else "stripe"},
            "requirement_collection": "application" if dashboard == "none" else "stripe",
            "stripe_dashboard": {"type": dashboard},
        },
        "country": country,
        "business_profile": {"name": name.strip()},
        "capabilities": {"card_payments": {"requested": True},
                         "transfers": {"requested": True}},
    }
    if email:
        params["email"] = email
    return perform(session, "account.create",
                   lambda gw: accounts.create_account(gw, params), detail=name.strip())


def onboarding_link(session: Session, account_id: str, *, refresh_url: str,
                    return_url: str) -> str:
    """The URL where the account holder onboards (it expires within minutes)."""
    _platform_only(session)
    link = accounts.create_account_link(session.gateway, {
        "account": account_id, "type": "account_onboarding", "refresh_url": refresh_url,
        "return_url": return_url})
    return str(link["url"])


def login_link(session: Session, account_id: str) -> str:
    """A single-use link to an Express account's dashboard."""
    _platform_only(session)
    return str(accounts.create_login_link(session.gateway, account_id)["url"])


def act_as(session: Session, account_id: str) -> Session:
    """A session acting as the connected account `account_id` (its own cache and events
    cursor); the platform's session stays open for going back."""
    _platform_only(session)
    account = session.cache.get("accounts", account_id)
    if account is None:
        account = accounts.retrieve_account(session.gateway, account_id)
        session.cache.upsert_object(account)
    return open_connected_session(session, account_id, account_name(account))


def refresh_platform_lists(session: Session) -> tuple[int, int]:
    """The latest application fees and transfers into the cache (events keep them up to
    date afterwards); how many of each were stored."""
    fees, _ = application_fees.list_application_fees(session.gateway, {"limit": 100})
    sent, _ = transfers.list_transfers(session.gateway, {"limit": 100})
    return (session.cache.upsert("application_fees", fees) if fees else 0,
            session.cache.upsert("transfers", sent) if sent else 0)


def check_platform_charge(platform: PlatformCharge | None, amount: int) -> None:
    """Refuse a fee that is not whole minor units or exceeds the amount charged."""
    if platform is None or not platform.application_fee:
        return
    check_minor_units(platform.application_fee)
    if platform.application_fee > amount:
        raise ServiceError("The platform's fee cannot be more than the amount charged.",
                           "application_fee_too_large")
