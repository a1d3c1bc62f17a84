"""posapp.keys: key shapes, the keyring vault, profiles and where a run's key comes from."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, null
from keyring_support import MemoryKeyring

from posapp.config import Paths, Settings, setup_logging
from posapp.keys import (
    SERVICE,
    KeyFormatError,
    KeyringUnavailable,
    KeyVault,
    MissingKey,
    Profile,
    ProfileError,
    ProfileStore,
    UnknownProfile,
    check_key_format,
    install_hint,
    mode_from_key,
    resolve_api_key,
)

LIVE_KEY = "sk_live_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0"
TEST_KEY = "sk_test_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0"


class LockedKeyring(MemoryKeyring):
    """A Secret Service whose collection is locked."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("Failed to unlock the collection!")


class FileKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backends: it has a file_path."""

    file_path = "/home/user/.local/share/python_keyring/keyring_pass.cfg"


AltPlaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load(tmp_path / "config" / "settings.json")


def _chainer() -> KeyringBackend:
    """keyring's chainer over whatever ``keyring.backend.get_all_keyring()`` returns."""
    backend: KeyringBackend = chainer.ChainerBackend()  # type: ignore[no-untyped-call]
    return backend


def _profile(name: str = "Shop", mode: Any = "test") -> Profile:
    return Profile(name, mode, "acct_123", "Corner Shop", None, "usd")


# --- key shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "mode"),
    [("sk_test_abc", "test"), ("sk_live_abc", "live"), ("rk_test_abc", "test"),
     ("rk_live_abc", "live"), ("  sk_test_abc\n", "test")],
)  # fmt: skip
def test_mode_from_key(key: str, mode: str) -> None:
    assert mode_from_key(key) == mode


@pytest.mark.parametrize("key", ["pk_test_abc", "whsec_abc", "sk_abc", "sk_test_", ""])
def test_mode_from_key_rejects_other_strings(key: str) -> None:
    with pytest.raises(KeyFormatError):
        mode_from_key(key)


def test_check_key_format_strips_whitespace() -> None:
    assert check_key_format(f"  {LIVE_KEY}\r\n") == LIVE_KEY
    assert check_key_format("\tsk_test_123 ") == "sk_test_123"
    assert check_key_format("sk_test_posapp_tests") == "sk_test_posapp_tests"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "Paste your Stripe secret key (sk_…) or a restricted key (rk_…)."),
        ("pk_live_abcdef", "This is a publishable key; paste the secret key (sk_…) or a "
         "restricted key (rk_…)."),
        ("whsec_abcdef", "This is a webhook signing secret; paste the secret key (sk_…) or a "
         "restricted key (rk_…)."),
        ("sk_live_…WXYZ", "This key is shortened or masked; reveal the full key in the Stripe "
         "Dashboard and copy it again."),
        ("sk_test_abc...", "This key is shortened or masked; reveal the full key in the Stripe "
         "Dashboard and copy it again."),
        ("sk_test_abc def", "The key contains spaces or line breaks; copy it again in one piece."),
        ("sk_test_abc\ndef", "The key contains spaces or line breaks; copy it again in one piece."),
        ("hello", "This is not a Stripe secret key: it should start with sk_test_, sk_live_, "
         "rk_test_ or rk_live_ followed by letters and digits."),
        ("sk_live_A1b2C3", "This key looks cut off; copy the whole key again."),
    ],
)  # fmt: skip
def test_check_key_format_explains_rejections(key: str, message: str) -> None:
    with pytest.raises(KeyFormatError) as caught:
        check_key_format(key)
    assert str(caught.value) == message


# --- vault -----------------------------------------------------------------------------------


def test_vault_round_trip_under_service_posapp(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    assert vault.available()
    assert vault.get("Shop") is None
    vault.set("Shop", f" {TEST_KEY}\n")
    assert memory_keyring.store == {(SERVICE, "Shop"): TEST_KEY}
    assert SERVICE == "posapp"
    assert vault.get("Shop") == TEST_KEY
    vault.delete("Shop")
    assert vault.get("Shop") is None
    vault.delete("Shop")


def test_vault_refuses_to_store_a_publishable_key(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(KeyFormatError, match="publishable"):
        KeyVault().set("Shop", "pk_test_abc")
    assert memory_keyring.store == {}


@pytest.mark.usefixtures("failing_keyring")
def test_vault_without_a_keyring_says_what_to_install() -> None:
    vault = KeyVault()
    assert not vault.available()
    attempts: list[Callable[[], object]] = [
        vault.check,
        lambda: vault.get("Shop"),
        lambda: vault.set("Shop", TEST_KEY),
    ]
    for attempt in attempts:
        with pytest.raises(KeyringUnavailable) as caught:
            attempt()
        assert "STRIPE_API_KEY" in str(caught.value)
        assert install_hint() in str(caught.value)


def test_empty_chain_and_null_keyring_are_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.backend, "get_all_keyring", list)
    null_keyring: KeyringBackend = null.Keyring()  # type: ignore[no-untyped-call]
    for backend in (_chainer(), null_keyring):
        with pytest.raises(KeyringUnavailable, match="No system keyring"):
            KeyVault(backend).check()


@pytest.mark.parametrize("backend_type", [FileKeyring, AltPlaintext])
def test_plaintext_backends_are_refused(backend_type: type[MemoryKeyring]) -> None:
    backend = backend_type()
    vault = KeyVault(backend)
    with pytest.raises(KeyringUnavailable, match="stores secrets in a plain file"):
        vault.set("Shop", TEST_KEY)
    assert backend.store == {}


def test_chain_with_a_plaintext_fallback_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    secure, plaintext = MemoryKeyring(), FileKeyring()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [secure, plaintext])
    with pytest.raises(KeyringUnavailable, match="plain file"):
        KeyVault(_chainer()).set("Shop", TEST_KEY)
    assert secure.store == plaintext.store == {}


def test_chain_of_secure_backends_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    secure = MemoryKeyring()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [secure])
    KeyVault(_chainer()).set("Shop", TEST_KEY)
    assert secure.store == {(SERVICE, "Shop"): TEST_KEY}


def test_locked_keyring_becomes_keyring_unavailable() -> None:
    vault = KeyVault(LockedKeyring())
    with pytest.raises(KeyringUnavailable, match=r"could not be read.*Failed to unlock"):
        vault.get("Shop")
    with pytest.raises(KeyringUnavailable, match="refused to store"):
        vault.set("Shop", TEST_KEY)


@pytest.mark.parametrize(
    ("platform", "words"),
    [
        ("linux", ["gnome-keyring", "KWallet", "dbus-user-session", "STRIPE_API_KEY"]),
        ("darwin", ["Keychain", "STRIPE_API_KEY"]),
        ("win32", ["Credential Manager", "STRIPE_API_KEY"]),
    ],
)
def test_install_hint_per_platform(platform: str, words: list[str]) -> None:
    hint = install_hint(platform)
    assert all(word in hint for word in words)
    assert platform == "linux" or "gnome-keyring" not in hint
    assert str(KeyringUnavailable("No keyring.", platform)) == f"No keyring. {hint}"


# --- profiles ----------------------------------------------------------------------------------


def test_add_stores_key_in_keyring_and_profile_in_settings_file(
    memory_keyring: MemoryKeyring, settings: Settings
) -> None:
    store = ProfileStore(settings, KeyVault())
    added = store.add(_profile("  Shop "), TEST_KEY)
    assert added.name == "Shop"
    assert memory_keyring.store == {(SERVICE, "Shop"): TEST_KEY}
    reloaded = ProfileStore(Settings.load(settings.path), KeyVault())
    assert reloaded.list_profiles() == [_profile("Shop")]
    assert reloaded.get("Shop").account_name == "Corner Shop"
    assert "sk_" not in settings.path.read_text(encoding="utf-8")


@pytest.mark.usefixtures("memory_keyring")
def test_add_rejects_duplicates_and_mode_mismatch(settings: Settings) -> None:
    store = ProfileStore(settings, KeyVault())
    store.add(_profile("Shop"), TEST_KEY)
    with pytest.raises(ProfileError, match=re.escape("A profile named “Shop” already exists.")):
        store.add(_profile("shop"), TEST_KEY)
    mismatch = "This is a live key but the profile is in test mode."
    with pytest.raises(ProfileError, match=re.escape(mismatch)):
        store.add(_profile("Other"), LIVE_KEY)
    with pytest.raises(ProfileError, match=re.escape("Give the profile a name.")):
        store.add(_profile("   "))
    with pytest.raises(ProfileError, match="mode must be"):
        _profile("Bad", mode="prod")
    assert [p.name for p in store.list_profiles()] == ["Shop"]


@pytest.mark.usefixtures("failing_keyring")
def test_without_keyring_profiles_work_with_env_key_only(settings: Settings) -> None:
    store = ProfileStore(settings, KeyVault())
    with pytest.raises(KeyringUnavailable):
        store.add(_profile("Shop"), TEST_KEY)
    assert store.list_profiles() == []
    store.add(_profile("Shop"))
    store.rename("Shop", "Counter")
    assert resolve_api_key(store.get("Counter"), KeyVault(), {"STRIPE_API_KEY": TEST_KEY}) == (
        TEST_KEY
    )
    store.remove("Counter")
    assert store.list_profiles() == []


def test_rename_moves_the_key_and_keeps_unknown_fields(
    memory_keyring: MemoryKeyring, settings: Settings
) -> None:
    store = ProfileStore(settings, KeyVault())
    store.add(_profile("Shop"), TEST_KEY)
    settings.profiles[0]["added_by_a_newer_version"] = 7
    store.set_last_used("Shop")
    renamed = store.rename("Shop", "Front counter")
    assert renamed.name == "Front counter"
    assert memory_keyring.store == {(SERVICE, "Front counter"): TEST_KEY}
    reloaded = Settings.load(settings.path)
    assert reloaded.profiles[0]["added_by_a_newer_version"] == 7
    assert reloaded.last_profile == "Front counter"
    with pytest.raises(UnknownProfile, match=re.escape("There is no profile named “Shop”.")):
        store.rename("Shop", "Again")


def test_rename_onto_another_profile_is_refused_but_case_changes_work(
    memory_keyring: MemoryKeyring, settings: Settings
) -> None:
    store = ProfileStore(settings, KeyVault())
    store.add(_profile("Shop"), TEST_KEY)
    store.add(_profile("Cafe"), LIVE_KEY.replace("sk_live_", "sk_test_"))
    with pytest.raises(ProfileError, match="already exists"):
        store.rename("Shop", "CAFE")
    assert store.rename("Shop", "SHOP").name == "SHOP"
    assert store.rename("SHOP", "SHOP").name == "SHOP"
    assert memory_keyring.store[(SERVICE, "SHOP")] == TEST_KEY
    assert (SERVICE, "Shop") not in memory_keyring.store


def test_remove_deletes_key_and_forgets_last_used(
    memory_keyring: MemoryKeyring, settings: Settings
) -> None:
    store = ProfileStore(settings, KeyVault())
    store.add(_profile("Shop"), TEST_KEY)
    store.add(_profile("Cafe"), TEST_KEY)
    assert store.last_used() is None
    store.set_last_used("Shop")
    assert store.last_used() == _profile("Shop")
    store.remove("Shop")
    assert store.last_used() is None
    assert memory_keyring.store == {(SERVICE, "Cafe"): TEST_KEY}
    assert [
        p.name for p in ProfileStore(Settings.load(settings.path), KeyVault()).list_profiles()
    ] == ["Cafe"]
    with pytest.raises(UnknownProfile):
        store.remove("Shop")
    with pytest.raises(UnknownProfile):
        store.set_last_used("Shop")


# --- the key for this run --------------------------------------------------------------------


@pytest.mark.usefixtures("memory_keyring")
def test_resolve_api_key_prefers_env_then_keyring(settings: Settings) -> None:
    vault = KeyVault()
    store = ProfileStore(settings, vault)
    profile = store.add(_profile("Shop"), TEST_KEY)
    assert resolve_api_key(profile, vault, {}) == TEST_KEY
    assert resolve_api_key(profile, vault, {"STRIPE_API_KEY": " sk_test_123\n"}) == "sk_test_123"
    assert resolve_api_key(profile, vault, {"STRIPE_API_KEY": "  "}) == TEST_KEY


@pytest.mark.usefixtures("memory_keyring")
def test_resolve_api_key_failures_name_the_cause() -> None:
    vault = KeyVault()
    profile = _profile("Shop")
    with pytest.raises(
        KeyFormatError,
        match=re.escape("STRIPE_API_KEY holds a live key, but profile “Shop” is in test mode."),
    ):
        resolve_api_key(profile, vault, {"STRIPE_API_KEY": LIVE_KEY})
    with pytest.raises(KeyFormatError, match="STRIPE_API_KEY: This is a publishable key"):
        resolve_api_key(profile, vault, {"STRIPE_API_KEY": "pk_test_abc"})
    with pytest.raises(MissingKey, match="No Stripe key is stored for profile “Shop”"):
        resolve_api_key(profile, vault, {})


@pytest.mark.usefixtures("failing_keyring")
def test_resolve_api_key_without_keyring_or_env() -> None:
    with pytest.raises(KeyringUnavailable, match="STRIPE_API_KEY"):
        resolve_api_key(_profile("Shop"), KeyVault(), {})


def test_no_secret_reaches_any_file(
    memory_keyring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = Paths.resolve(tmp_path / "posapp")
    paths.create()
    settings = Settings.load(paths.settings_file)
    store = ProfileStore(settings, KeyVault())
    root_level = logging.getLogger().level
    handlers = setup_logging(paths, logging.DEBUG)
    try:
        store.add(_profile("Shop", "live"), LIVE_KEY)
        store.rename("Shop", "Main")
        key = resolve_api_key(store.get("Main"), KeyVault(), {})
        logging.getLogger("posapp.test").info("using %s", key)
        try:
            raise RuntimeError(f"Invalid API Key provided: {key}")
        except RuntimeError:
            logging.getLogger("posapp.test").exception("request failed")
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
        logging.getLogger().setLevel(root_level)
    files = [p for p in (tmp_path / "posapp").rglob("*") if p.is_file()]
    assert paths.settings_file in files
    assert paths.log_dir / "posapp.log" in files
    secret_part = LIVE_KEY.removeprefix("sk_live_")[:-4].encode()
    assert all(secret_part not in p.read_bytes() for p in files)
    assert "sk_live_…S9t0" in (paths.log_dir / "posapp.log").read_text(encoding="utf-8")
    assert secret_part.decode() not in capsys.readouterr().err


def test_install_hint_does_not_ask_for_a_variable_already_set() -> None:
    unset = install_hint("linux", {})
    already = install_hint("linux", {"STRIPE_API_KEY": "sk_test_x"})
    assert "set STRIPE_API_KEY for this run" in unset
    assert "STRIPE_API_KEY is set" in already and "set STRIPE_API_KEY for" not in already
