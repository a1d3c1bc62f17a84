"""Keyring backends for tests: kept in memory, invisible to keyring's auto-detection."""

from __future__ import annotations

import keyring.errors
from keyring.backend import KeyringBackend


class _TestOnlyPriority:
    """Priority for instances only: reading it on the class raises, which makes keyring's
    auto-detection skip these backends in every other test of the session."""

    def __get__(self, obj: object, owner: type) -> float:
        if obj is None:
            raise RuntimeError("test-only keyring backend")
        return 1.0


class MemoryKeyring(KeyringBackend):
    """A keyring held in a dict."""

    priority = _TestOnlyPriority()

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None
