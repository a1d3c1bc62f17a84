"""Profiles: a named Stripe account to work with; only its non-secret part is stored in files.

The key of a profile lives in the keyring under the profile's name (``KeyVault``), or comes
from ``STRIPE_API_KEY`` for one run (``resolve_api_key``); it is never written to a file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from posapp.keys.formats import KeyFormatError, Mode, check_key_format, mode_from_key
from posapp.keys.vault import KeyVault

if TYPE_CHECKING:
    from posapp.config import Settings

__all__ = [
    "ENV_API_KEY",
    "MissingKey",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "UnknownProfile",
    "resolve_api_key",
]

ENV_API_KEY = "STRIPE_API_KEY"
_MAX_NAME = 64


class ProfileError(ValueError):
    """A profile cannot be added or renamed as asked; the message says why."""


class UnknownProfile(LookupError):
    """No profile has that name."""


class MissingKey(LookupError):
    """Neither the keyring nor STRIPE_API_KEY has a key for the profile."""


@dataclass(frozen=True)
class Profile:
    """One Stripe account as PosApp knows it (no secret in here)."""

    name: str
    mode: Mode
    account_id: str
    account_name: str
    api_base: str | None = None
    default_currency: str = "usd"

    def __post_init__(self) -> None:
        if self.mode not in ("test", "live"):
            raise ProfileError(f"mode must be 'test' or 'live', not {self.mode!r}")

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Profile:
        """Build from a settings record, ignoring fields this version does not know."""
        return cls(
            name=str(record["name"]),
            mode=record["mode"],
            account_id=str(record.get("account_id", "")),
            account_name=str(record.get("account_name", "")),
            api_base=record.get("api_base"),
            default_currency=str(record.get("default_currency", "usd")),
        )


def _clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ProfileError("Give the profile a name.")
    if len(cleaned) > _MAX_NAME:
        raise ProfileError(f"Profile names are at most {_MAX_NAME} characters.")
    if any(not ch.isprintable() for ch in cleaned):
        raise ProfileError("Profile names cannot contain control characters.")
    return cleaned


class ProfileStore:
    """Profiles kept in the settings file, their keys kept in sync in the vault."""

    def __init__(self, settings: Settings, vault: KeyVault) -> None:
        self._settings = settings
        self._vault = vault

    def _record(self, name: str) -> dict[str, Any]:
        for record in self._settings.profiles:
            if record.get("name") == name:
                return record
        raise UnknownProfile(f"There is no profile named “{name}”.")

    def _ensure_free(self, name: str, *, ignoring: str | None = None) -> None:
        for record in self._settings.profiles:
            other = str(record.get("name", ""))
            if other != ignoring and other.casefold() == name.casefold():
                raise ProfileError(f"A profile named “{other}” already exists.")

    def list_profiles(self) -> list[Profile]:
        """Every profile, in the order they were added."""
        return [Profile.from_record(r) for r in self._settings.profiles if "name" in r]

    def get(self, name: str) -> Profile:
        """The profile called ``name``; UnknownProfile if there is none."""
        return Profile.from_record(self._record(name))

    def add(self, profile: Profile, api_key: str | None = None) -> Profile:
        """Save ``profile``; with ``api_key``, store the key in the keyring first.

        Without a key the profile relies on STRIPE_API_KEY at run time.
        """
        name = _clean_name(profile.name)
        self._ensure_free(name)
        if api_key is not None:
            key = check_key_format(api_key)
            if mode_from_key(key) != profile.mode:
                raise ProfileError(
                    f"This is a {mode_from_key(key)} key but the profile is in {profile.mode} mode."
                )
            self._vault.set(name, key)
        stored = replace(profile, name=name)
        self._settings.profiles.append(asdict(stored))
        self._settings.save()
        return stored

    def rename(self, old: str, new: str) -> Profile:
        """Rename a profile, moving its key in the keyring to the new name."""
        record = self._record(old)
        name = _clean_name(new)
        self._ensure_free(name, ignoring=old)
        key = self._vault.get(old) if self._vault.available() else None
        same_ignoring_case = name.casefold() == old.casefold()
        if key is not None and name != old:
            if same_ignoring_case:
                # Some keyrings (Windows Credential Manager) ignore case: deleting the old
                # entry after writing the new one would delete the new one.
                self._vault.delete(old)
            self._vault.set(name, key)
        record["name"] = name
        if self._settings.last_profile == old:
            self._settings.last_profile = name
        self._settings.save()
        if key is not None and not same_ignoring_case:
            self._vault.delete(old)
        return Profile.from_record(record)

    def remove(self, name: str) -> None:
        """Delete a profile and its key in the keyring."""
        record = self._record(name)
        if self._vault.available():
            self._vault.delete(name)
        self._settings.profiles.remove(record)
        if self._settings.last_profile == name:
            self._settings.last_profile = None
        self._settings.save()

    def last_used(self) -> Profile | None:
        """The profile used last, or None (also when it has since been removed)."""
        name = self._settings.last_profile
        if name is None:
            return None
        try:
            return self.get(name)
        except UnknownProfile:
            return None

    def set_last_used(self, name: str) -> None:
        """Remember ``name`` as the profile to open next time."""
        self._record(name)
        self._settings.last_profile = name
        self._settings.save()


def resolve_api_key(
    profile: Profile, vault: KeyVault, environ: Mapping[str, str] | None = None
) -> str:
    """The key to use for ``profile`` in this run.

    STRIPE_API_KEY, when set, wins (an explicit choice for this run) but must be a key of the
    profile's mode; otherwise the keyring's key. Raises KeyFormatError, KeyringUnavailable
    (when the keyring is needed but unusable) or MissingKey.
    """
    env = (os.environ if environ is None else environ).get(ENV_API_KEY, "")
    if env.strip():
        try:
            key = check_key_format(env)
        except KeyFormatError as exc:
            raise KeyFormatError(f"{ENV_API_KEY}: {exc}") from exc
        if mode_from_key(key) != profile.mode:
            raise KeyFormatError(
                f"{ENV_API_KEY} holds a {mode_from_key(key)} key, but profile "
                f"“{profile.name}” is in {profile.mode} mode."
            )
        return key
    stored = vault.get(profile.name)
    if stored is None:
        raise MissingKey(
            f"No Stripe key is stored for profile “{profile.name}”. Enter the key again, "
            f"or set {ENV_API_KEY} for this run."
        )
    return stored
