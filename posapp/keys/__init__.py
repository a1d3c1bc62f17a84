"""Stripe keys and profiles: key shapes, redaction, the keyring vault, stored profiles."""

from posapp.keys.formats import KeyFormatError, Mode, check_key_format, mode_from_key
from posapp.keys.profiles import (
    ENV_API_KEY,
    MissingKey,
    Profile,
    ProfileError,
    ProfileStore,
    UnknownProfile,
    resolve_api_key,
)
from posapp.keys.redact import RedactingFilter, redact, redact_key
from posapp.keys.vault import SERVICE, KeyringUnavailable, KeyVault, install_hint

__all__ = [
    "ENV_API_KEY",
    "SERVICE",
    "KeyFormatError",
    "KeyVault",
    "KeyringUnavailable",
    "MissingKey",
    "Mode",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "RedactingFilter",
    "UnknownProfile",
    "check_key_format",
    "install_hint",
    "mode_from_key",
    "redact",
    "redact_key",
    "resolve_api_key",
]
