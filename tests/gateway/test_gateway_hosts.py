"""Where a key may go: a live key only ever to Stripe over https, a test key also to a
sandbox on this computer (http) or any server over https. The gateway refuses before a byte
is sent, whichever caller asked (a profile's API base, --api-base, the add-profile dialog)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from recording_server import recording_server

from posapp.config import Paths, Settings
from posapp.gateway import ErrorKind, Gateway, GatewayError, account
from posapp.keys import KeyVault, Profile, ProfileStore
from posapp.services.profiles import add_profile
from posapp.services.session import open_session
from posapp.store.journal import Journal

LIVE_KEY = "sk_" + "live_" + "Hx9QkLmNoPqRsTuVwXyZ0123456789ab"
RESTRICTED_LIVE_KEY = "rk_" + "live_" + "Hx9QkLmNoPqRsTuVwXyZ0123456789ab"
TEST_KEY = "sk_test_posapp_hosts"
STRIPE_ONLY = re.escape("only ever sent to https://api.stripe.com")


@pytest.fixture
def journal() -> Journal:
    return Journal(":memory:")


@pytest.mark.parametrize("key", [LIVE_KEY, RESTRICTED_LIVE_KEY])
@pytest.mark.parametrize("base", [
    "http://127.0.0.1:{port}",
    "http://api.stripe.com",
    "https://api.stripe.com.evil.test",
    "https://evil.test/api.stripe.com",
    "https://api.stripe.com:8443",
    "https://user@api.stripe.com",
    "https://localhost:{port}",
])
def test_a_live_key_goes_nowhere_but_stripe(journal: Journal, key: str, base: str) -> None:
    with recording_server() as server:
        port = server.url.rsplit(":", 1)[1]
        with pytest.raises(GatewayError) as refused:
            account.retrieve_account(Gateway(key, journal=journal,
                                             api_base=base.format(port=port)))
        assert server.requests == []
    assert refused.value.kind is ErrorKind.INVALID_REQUEST
    assert "only ever sent to https://api.stripe.com" in str(refused.value)
    assert key[8:] not in str(refused.value)


@pytest.mark.parametrize("base", [None, "https://api.stripe.com", "https://api.stripe.com/"])
def test_a_live_key_may_use_stripe_itself(journal: Journal, base: str | None) -> None:
    assert Gateway(LIVE_KEY, journal=journal, api_base=base).mode == "live"


@pytest.mark.parametrize("base", ["http://localhost:{port}", "http://127.0.0.1:{port}"])
def test_a_test_key_may_use_a_sandbox_on_this_computer(journal: Journal, base: str) -> None:
    with recording_server() as server:
        port = server.url.rsplit(":", 1)[1]
        acct = account.retrieve_account(Gateway(TEST_KEY, journal=journal,
                                                api_base=base.format(port=port)))
        assert acct["id"] == "acct_1Recorded000001"
        assert len(server.requests) == 1


@pytest.mark.parametrize("base", ["http://192.168.1.20:12111", "http://sandbox.example.com",
                                  "ftp://127.0.0.1:21", "file:///tmp/stripe", "localhost:12111",
                                  "http://"])
def test_a_test_key_goes_in_clear_text_only_to_this_computer(journal: Journal,
                                                              base: str) -> None:
    with pytest.raises(GatewayError) as refused:
        Gateway(TEST_KEY, journal=journal, api_base=base)
    assert refused.value.kind is ErrorKind.INVALID_REQUEST
    assert "https" in str(refused.value)


@pytest.mark.parametrize("base", ["https://stripe-proxy.example.com", "http://127.8.9.1:12111",
                                  "http://[::1]:12111", "http://LOCALHOST:12111/stripe"])
def test_a_test_key_may_use_any_server_over_https(journal: Journal, base: str) -> None:
    assert Gateway(TEST_KEY, journal=journal, api_base=base).api_base == base


def test_adding_a_live_profile_with_a_custom_base_stores_and_sends_nothing(
        tmp_path: Path, memory_keyring: object) -> None:
    settings = Settings.load(tmp_path / "settings.json")
    vault = KeyVault()
    store = ProfileStore(settings, vault)
    with recording_server() as server:
        with pytest.raises(GatewayError, match=STRIPE_ONLY):
            add_profile(store, vault, "Shop", LIVE_KEY, server.url)
        assert server.requests == []
    assert store.list_profiles() == [] and vault.get("Shop") is None


def test_a_settings_file_pointing_a_live_profile_elsewhere_is_refused(tmp_path: Path) -> None:
    profile = Profile("Shop", "live", "acct_1", "Shop", api_base="http://127.0.0.1:9")
    with recording_server() as server:
        with pytest.raises(GatewayError, match=STRIPE_ONLY):
            open_session(Paths.resolve(tmp_path), profile, LIVE_KEY, api_base=server.url)
        with pytest.raises(GatewayError, match=STRIPE_ONLY):
            open_session(Paths.resolve(tmp_path), profile, LIVE_KEY)
        assert server.requests == []


def test_even_the_sdk_used_directly_cannot_send_a_live_key_elsewhere(journal: Journal) -> None:
    gw = Gateway(LIVE_KEY, journal=journal)
    with recording_server() as server:
        gw.client._requestor._options.base_addresses["api"] = server.url
        with pytest.raises(GatewayError, match=STRIPE_ONLY):
            account.retrieve_account(gw)
        assert server.requests == []


def test_the_sdk_sends_no_telemetry_and_writes_no_file(
        journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stripe._telemetry_id as telemetry_id

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(telemetry_id, "_loaded", False)
    monkeypatch.setattr(telemetry_id, "_cached_id", None)
    with recording_server() as server:
        gw = Gateway(TEST_KEY, journal=journal, api_base=server.url)
        for _ in range(3):
            account.retrieve_account(gw)
    assert len(server.requests) == 3
    for request in server.requests:
        assert "X-Stripe-Client-Telemetry" not in request.headers
        agent = json.loads(request.headers["X-Stripe-Client-User-Agent"])
        assert "telemetry_id" not in agent and "platform" not in agent
    assert list(tmp_path.rglob("*")) == []
