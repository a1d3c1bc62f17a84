"""The OS keyring as the only home of Stripe secret keys (service ``posapp``, user = profile).

PosApp never stores a key anywhere else: when no secure backend is usable it says what to
install, and the key can still come from ``STRIPE_API_KEY`` for one run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from posapp.keys.formats import check_key_format

__all__ = ["SERVICE", "KeyVault", "KeyringUnavailable", "install_hint"]

SERVICE = "posapp"


def install_hint(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> str:
    """What a user on ``platform`` (a ``sys.platform`` value) can do to get a usable keyring;
    the way around it depends on whether STRIPE_API_KEY is already set."""
    env = os.environ if environ is None else environ
    if env.get("STRIPE_API_KEY", "").strip():
        meanwhile = ("STRIPE_API_KEY is set, so PosApp works with that key for this run "
                     "without storing it.")
    else:
        meanwhile = "Or set STRIPE_API_KEY for this run."
    if platform.startswith("linux") or "bsd" in platform:
        advice = ("Install a Secret Service keyring (gnome-keyring, or KWallet with its Secret "
                  "Service support) together with dbus-user-session, sign in again so it is "
                  "unlocked, and retry.")
    elif platform == "darwin":
        advice = ("Unlock your login keychain in Keychain Access (or create one if it is "
                  "missing) and retry.")
    elif platform in ("win32", "cygwin"):
        advice = ("Make sure Windows Credential Manager is available for your user account "
                  "(it is part of Windows) and retry.")
    else:
        advice = "Install a keyring backend supported by Python's keyring package."
    return f"{advice} {meanwhile}"


class KeyringUnavailable(RuntimeError):
    """No secure keyring can hold the key; the message says what to install or do instead."""

    def __init__(self, reason: str, platform: str = sys.platform) -> None:
        super().__init__(f"{reason} {install_hint(platform)}")
        self.reason = reason


def _chained(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    if isinstance(backend, chainer.ChainerBackend):
        yield from backend.backends
    else:
        yield backend


def _is_plaintext(backend: KeyringBackend) -> bool:
    # keyrings.alt's file backends (plaintext, "encrypted" with a guessable key) write the
    # secret into a file in the home directory; they all carry a file_path.
    return "keyrings.alt" in type(backend).__module__ or hasattr(backend, "file_path")


class KeyVault:
    """Get, store and delete a profile's Stripe key in the OS keyring.

    ``backend`` defaults to whatever ``keyring.get_keyring()`` returns at each call, so a
    backend set with ``keyring.set_keyring()`` takes effect immediately.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _usable_backend(self) -> KeyringBackend:
        backend = self._backend if self._backend is not None else keyring.get_keyring()
        members = list(_chained(backend))
        if not members or all(isinstance(b, fail.Keyring | null.Keyring) for b in members):
            raise KeyringUnavailable("No system keyring is available to store the Stripe key.")
        plaintext = [b for b in members if _is_plaintext(b)]
        if plaintext:
            name = type(plaintext[0]).__module__ + "." + type(plaintext[0]).__name__
            raise KeyringUnavailable(
                f"The active keyring ({name}) stores secrets in a plain file; "
                "PosApp refuses to keep a Stripe key there."
            )
        return backend

    def check(self) -> None:
        """Raise KeyringUnavailable unless a secure keyring backend is active."""
        self._usable_backend()

    def available(self) -> bool:
        """Whether a secure keyring backend is active (``check`` says why not)."""
        try:
            self._usable_backend()
        except KeyringUnavailable:
            return False
        return True

    def get(self, profile: str) -> str | None:
        """The key stored for ``profile``, or None when there is none."""
        backend = self._usable_backend()
        try:
            secret: str | None = backend.get_password(SERVICE, profile)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"The keyring could not be read ({exc}).") from exc
        return secret

    def set(self, profile: str, key: str) -> None:
        """Store ``key`` (checked and stripped) for ``profile``, replacing any previous one."""
        cleaned = check_key_format(key)
        backend = self._usable_backend()
        try:
            backend.set_password(SERVICE, profile, cleaned)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"The keyring refused to store the key ({exc}).") from exc

    def delete(self, profile: str) -> None:
        """Forget the key for ``profile``; nothing happens when none is stored."""
        if self.get(profile) is None:
            return
        try:
            self._usable_backend().delete_password(SERVICE, profile)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(f"The keyring could not delete the key ({exc}).") from exc
