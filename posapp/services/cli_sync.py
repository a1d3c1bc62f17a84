"""`posapp sync`: pick the profile and key, open its session, and run the sync engine headless."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TextIO

from posapp.config import Paths, Settings
from posapp.gateway import Gateway, GatewayError
from posapp.keys import (
    ENV_API_KEY,
    KeyFormatError,
    KeyringUnavailable,
    KeyVault,
    MissingKey,
    ProfileStore,
    UnknownProfile,
    resolve_api_key,
)
from posapp.services.profiles import session_profile
from posapp.services.session import open_session
from posapp.store.cache import Cache
from posapp.sync.commands import run_forever, run_sync_once, run_verify

__all__ = ["run_sync_command"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def run_sync_command(
    paths: Paths,
    *,
    profile_name: str | None,
    api_base: str | None,
    once: bool,
    verify: bool,
    environ: Mapping[str, str],
    out: TextIO,
    vault: KeyVault | None = None,
    stop: threading.Event | None = None,
    rate: float | None = None,
) -> int:
    """Sync the cache of `profile_name` (default: the last used profile); returns the exit code.

    With no profile stored, a key in STRIPE_API_KEY is used alone (a profile for this run,
    named after the account, never saved). `once`: backfill, apply pending events, print
    counts. `verify`: also compare the cache
    with Stripe and repair it. Otherwise poll until `stop` is set or Ctrl-C. `rate`
    caps the requests per second (default: Stripe's limit for the key's mode). Problems
    (no profile, no key, Stripe unreachable) are printed as one line, never with the key.
    """
    settings = Settings.load(paths.settings_file)
    if settings.recovery_notice:
        out.write(f"{settings.recovery_notice}\n")
    vault = vault or KeyVault()
    store = ProfileStore(settings, vault)
    env_key = environ.get(ENV_API_KEY, "").strip()
    try:
        profile = store.get(profile_name) if profile_name else store.last_used()
        if profile is None and not env_key:
            out.write("No profile yet: add one with `posapp profile add NAME`, or set "
                      f"{ENV_API_KEY} to sync with that key alone.\n")
            return EXIT_USAGE
        if profile is None:
            # Like the Stripe CLI: the key alone is enough, for this run only.
            profile = session_profile(env_key, api_base)
            out.write(f"Using {ENV_API_KEY} for {profile.account_name} "
                      f"({profile.account_id}, {profile.mode} mode); nothing is saved.\n")
        key = resolve_api_key(profile, vault, environ)
    except (UnknownProfile, MissingKey, KeyFormatError, KeyringUnavailable) as exc:
        out.write(f"{exc}\n")
        return EXIT_USAGE
    except GatewayError as exc:
        out.write(f"{exc}\n")
        return EXIT_FAILED
    try:
        session = open_session(paths, profile, key, api_base=api_base, rate_per_second=rate)
    except GatewayError as exc:
        out.write(f"{exc}\n")
        return EXIT_FAILED
    for notice in (session.cache.notice, session.journal.notice):
        if notice:
            out.write(f"{notice}\n")
    try:
        if verify:
            run_verify(session.gateway, session.cache, out=out)
        elif once:
            run_sync_once(session.gateway, session.cache, out=out)
        else:
            _poll_until_stopped(session.gateway, session.cache, stop or threading.Event(), out)
    except GatewayError as exc:
        out.write(f"{exc}\n")
        return EXIT_FAILED
    finally:
        session.close()
    return EXIT_OK


def _poll_until_stopped(gateway: Gateway, cache: Cache, stop: threading.Event, out: TextIO) -> None:
    """Run the poller on its own thread so Ctrl-C in the main thread stops it cleanly."""
    worker = threading.Thread(
        target=run_forever, args=(gateway, cache, stop), kwargs={"out": out}, name="sync-poller"
    )
    worker.start()
    try:
        while worker.is_alive():
            worker.join(timeout=0.5)
    except KeyboardInterrupt:
        out.write("stopping…\n")
    finally:
        stop.set()
        worker.join()
