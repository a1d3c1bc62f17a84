"""The profile's own account, fetched from the sandbox and kept in the cache: its time zone
(the machine's when unknown) and the business address invoices default to."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from posapp.sandbox import Sandbox
from posapp.services.account import (
    account_address,
    account_timezone,
    cached_account,
    refresh_account,
)
from posapp.services.session import Session


def test_the_account_is_cached_with_its_time_zone_and_address(
        session: Session, sandbox: Sandbox) -> None:
    assert cached_account(session.cache) is None
    assert account_timezone(cached_account(session.cache)) is None  # the machine's then

    found = refresh_account(session)

    assert cached_account(session.cache) == found
    assert account_timezone(found) == ZoneInfo("Europe/London")
    assert account_address(found) == "1 Sandbox Street\nLondon\nEC1A 1BB\nGB"

    dashboard = sandbox.state.account["settings"]["dashboard"]
    dashboard["timezone"] = "Mars/Olympus_Mons"
    assert account_timezone(refresh_account(session)) is None
    dashboard["timezone"] = "Asia/Kolkata"
    assert account_timezone(refresh_account(session)) == ZoneInfo("Asia/Kolkata")
    sandbox.state.account["business_profile"]["support_address"] = None
    assert account_address(refresh_account(session)) == ""
