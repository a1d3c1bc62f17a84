"""Adding a profile against the sandbox: the key is proven with Stripe, kept only in the
keyring, and every way it can go wrong says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring_support import MemoryKeyring

from posapp.config import Paths, Settings
from posapp.gateway import ErrorKind, GatewayError
from posapp.keys import KeyFormatError, KeyringUnavailable, KeyVault, ProfileError, ProfileStore
from posapp.sandbox import Sandbox
from posapp.services.profiles import add_profile

KEY = "sk_test_posapp_profile_key_1234"


def _store(tmp_path: Path) -> tuple[ProfileStore, KeyVault, Paths]:
    paths = Paths.resolve(tmp_path)
    vault = KeyVault()
    return ProfileStore(Settings.load(paths.settings_file), vault), vault, paths


def test_add_profile_names_the_account_and_keeps_the_key_in_the_keyring_only(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, paths = _store(tmp_path)

    profile = add_profile(store, vault, "Counter", f"  {KEY}\n", api_base=sandbox.url)

    assert profile.account_id == "acct_1PosAppSandbox0001"
    assert profile.account_name == "PosApp Sandbox Coffee"
    assert profile.mode == "test"
    assert profile.default_currency == "usd"
    assert vault.get("Counter") == KEY
    settings_text = paths.settings_file.read_text(encoding="utf-8")
    assert "acct_1PosAppSandbox0001" in settings_text
    assert KEY not in settings_text
    assert store.get("Counter") == profile


def test_restricted_key_is_accepted(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, _ = _store(tmp_path)

    profile = add_profile(store, vault, "Read only", "rk_test_readonly_counter", sandbox.url)

    assert profile.mode == "test"


def test_malformed_key_is_refused_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, _ = _store(tmp_path)
    served = sandbox.requests_served

    with pytest.raises(KeyFormatError, match="publishable key"):
        add_profile(store, vault, "Counter", "pk_test_123", api_base=sandbox.url)

    assert sandbox.requests_served == served
    assert store.list_profiles() == []


def test_key_stripe_rejects_is_not_stored(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, _ = _store(tmp_path)

    with pytest.raises(GatewayError) as raised:
        add_profile(store, vault, "Counter", "sk_test_expired_key", api_base=sandbox.url)

    assert raised.value.kind is ErrorKind.AUTHENTICATION
    assert "check the key" in str(raised.value)
    assert "sk_test_expired_key" not in str(raised.value)
    assert store.list_profiles() == []
    assert memory_keyring.store == {}


def test_no_keyring_says_what_to_install_and_stores_nothing(
    sandbox: Sandbox, tmp_path: Path, failing_keyring: None
) -> None:
    store, vault, paths = _store(tmp_path)
    served = sandbox.requests_served

    with pytest.raises(KeyringUnavailable) as raised:
        add_profile(store, vault, "Counter", KEY, api_base=sandbox.url)

    assert "STRIPE_API_KEY" in str(raised.value)
    assert sandbox.requests_served == served
    assert not paths.settings_file.exists()


def test_duplicate_name_is_refused(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, _ = _store(tmp_path)
    add_profile(store, vault, "Counter", KEY, api_base=sandbox.url)

    with pytest.raises(ProfileError, match="already exists"):
        add_profile(store, vault, "counter", "sk_test_other_key", api_base=sandbox.url)

    assert vault.get("Counter") == KEY


def test_stripe_unreachable_is_reported_as_such(
    sandbox: Sandbox, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, vault, _ = _store(tmp_path)
    url = sandbox.url
    sandbox.stop()

    with pytest.raises(GatewayError) as raised:
        add_profile(store, vault, "Counter", KEY, api_base=url)

    assert raised.value.kind is ErrorKind.NETWORK
    assert "unreachable" in str(raised.value)
    assert store.list_profiles() == []
