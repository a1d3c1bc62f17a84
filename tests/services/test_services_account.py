"""The profile's own account, fetched from the sandbox and kept in the cache: its time zone
(the machine's when unknown), the business address invoices default to, and its own tax
IDs (the one its documents carry by default), kept for offline use."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import stripe
from sdk_support import open_test_session

from posapp.gateway import GatewayError
from posapp.sandbox import Sandbox, running
from posapp.services.account import (
    account_address,
    account_timezone,
    cached_account,
    cached_tax_ids,
    default_tax_id,
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


def test_the_accounts_tax_ids_are_cached_and_its_invoice_default_preferred(
        session: Session, client: stripe.StripeClient) -> None:
    assert cached_tax_ids(session.cache) == []
    assert default_tax_id(cached_account(session.cache), []) is None
    refresh_account(session)
    assert default_tax_id(cached_account(session.cache), cached_tax_ids(session.cache)) is None

    vat = client.v1.tax_ids.create(params={"type": "gb_vat", "value": "GB123456789"})
    ein = client.v1.tax_ids.create(params={"type": "us_ein", "value": "12-3456789"})
    refresh_account(session)
    own = cached_tax_ids(session.cache)
    assert [t["id"] for t in own] == [ein.id, vat.id]
    # No invoice default: the first the account lists.
    assert default_tax_id(cached_account(session.cache), own)["id"] == ein.id  # type: ignore[index]

    client.v1.accounts.update(client.v1.accounts.retrieve_current().id, params={
        "settings": {"invoices": {"default_account_tax_ids": [vat.id]}}})
    refresh_account(session)
    chosen = default_tax_id(cached_account(session.cache), cached_tax_ids(session.cache))
    assert chosen is not None and (chosen["type"], chosen["value"]) == ("gb_vat", "GB123456789")


def test_offline_the_cached_tax_ids_stay(tmp_path: Path) -> None:
    with running() as server:
        session = open_test_session(server, tmp_path)
        try:
            stripe.StripeClient("sk_test_x", base_addresses={"api": server.url}).v1.tax_ids \
                .create(params={"type": "au_abn", "value": "12345678912"})
            refresh_account(session)
        finally:
            session.close()
    offline = open_test_session(server, tmp_path)  # the sandbox has stopped
    offline.gateway.max_retries = 0
    try:
        with pytest.raises(GatewayError):
            refresh_account(offline)
        [abn] = cached_tax_ids(offline.cache)
        assert default_tax_id(cached_account(offline.cache), [abn]) == abn
        assert (abn["type"], abn["value"], abn["country"]) == ("au_abn", "12345678912", "AU")
    finally:
        offline.close()
