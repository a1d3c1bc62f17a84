"""`posapp profile add|list|remove`: manage keyring profiles without the GUI.

The key of `add` is read by the caller (a hidden prompt, or stdin when it is not a
terminal) and never taken from the command line, where other users could see it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from posapp.config import Paths, Settings
from posapp.gateway import GatewayError
from posapp.keys import (
    KeyFormatError,
    KeyringUnavailable,
    KeyVault,
    ProfileError,
    ProfileStore,
    UnknownProfile,
)
from posapp.services.profiles import add_profile

__all__ = ["run_profile_command"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def run_profile_command(
    paths: Paths,
    action: str,
    *,
    name: str | None,
    api_base: str | None,
    read_key: Callable[[], str],
    out: TextIO,
    vault: KeyVault | None = None,
) -> int:
    """Run `action` (`add`, `list` or `remove`); problems are one line; the exit code."""
    settings = Settings.load(paths.settings_file)
    if settings.recovery_notice:
        out.write(f"{settings.recovery_notice}\n")
    vault = vault or KeyVault()
    store = ProfileStore(settings, vault)
    try:
        if action == "list":
            _list(store, out)
        elif action == "add":
            assert name is not None
            vault.check()  # before asking for the key: no keyring, no point typing it
            profile = add_profile(store, vault, name, read_key(), api_base)
            if store.last_used() is None:  # the first one is what `sync` uses by default
                store.set_last_used(profile.name)
            out.write(f"Added profile “{profile.name}”: {profile.account_name} "
                      f"({profile.account_id}, {profile.mode} mode); the key is in the "
                      "keyring.\n")
        else:
            assert name is not None
            store.remove(name)
            out.write(f"Removed profile “{name}” and its key.\n")
    except (KeyFormatError, KeyringUnavailable, ProfileError, UnknownProfile) as exc:
        out.write(f"{_one_line(exc)}\n")
        return EXIT_USAGE
    except GatewayError as exc:
        out.write(f"{_one_line(exc)}\n")
        return EXIT_FAILED
    return EXIT_OK


def _list(store: ProfileStore, out: TextIO) -> None:
    profiles = store.list_profiles()
    if not profiles:
        out.write("No profiles yet: add one with `posapp profile add NAME`.\n")
        return
    for p in profiles:
        out.write(f"{p.name}\t{p.mode}\t{p.account_id}\t{p.account_name}\t"
                  f"{p.api_base or 'https://api.stripe.com'}\n")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
