"""Stripe API key shapes: which keys PosApp accepts and which mode they belong to."""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["KeyFormatError", "Mode", "check_key_format", "mode_from_key"]

Mode = Literal["test", "live"]

_SECRET_KEY = re.compile(r"(?P<kind>sk|rk)_(?P<mode>test|live)_(?P<body>[A-Za-z0-9_]+)")
# Real live keys carry far more than this after the prefix; anything shorter was cut off
# while copying. Test keys stay lenient because local sandboxes accept short ones.
_MIN_LIVE_BODY = 24


class KeyFormatError(ValueError):
    """A pasted key is not a usable secret or restricted key; the message says why."""


def mode_from_key(key: str) -> Mode:
    """``"test"`` or ``"live"`` from a secret (``sk_``) or restricted (``rk_``) key's prefix."""
    match = _SECRET_KEY.fullmatch(key.strip())
    if match is None:
        raise KeyFormatError("not a Stripe secret or restricted key")
    return "live" if match["mode"] == "live" else "test"


def check_key_format(key: str) -> str:
    """The key with surrounding whitespace removed, or KeyFormatError saying what is wrong."""
    cleaned = key.strip()
    if not cleaned:
        raise KeyFormatError("Paste your Stripe secret key (sk_…) or a restricted key (rk_…).")
    if re.match(r"pk_(test|live)_", cleaned):
        raise KeyFormatError(
            "This is a publishable key; paste the secret key (sk_…) or a restricted key (rk_…)."
        )
    if cleaned.startswith("whsec_"):
        raise KeyFormatError(
            "This is a webhook signing secret; paste the secret key (sk_…) "
            "or a restricted key (rk_…)."
        )
    if "…" in cleaned or "..." in cleaned or "*" in cleaned:
        raise KeyFormatError(
            "This key is shortened or masked; reveal the full key in the Stripe Dashboard "
            "and copy it again."
        )
    if any(ch.isspace() for ch in cleaned):
        raise KeyFormatError("The key contains spaces or line breaks; copy it again in one piece.")
    match = _SECRET_KEY.fullmatch(cleaned)
    if match is None:
        raise KeyFormatError(
            "This is not a Stripe secret key: it should start with sk_test_, sk_live_, "
            "rk_test_ or rk_live_ followed by letters and digits."
        )
    if match["mode"] == "live" and len(match["body"]) < _MIN_LIVE_BODY:
        raise KeyFormatError("This key looks cut off; copy the whole key again.")
    return cleaned
