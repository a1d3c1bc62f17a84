"""Client secrets are never stored: Stripe returns one with every PaymentIntent, SetupIntent
and Checkout Session (and an invoice's `confirmation_secret`) for browser-side code, and
PosApp, which has no such code, needs none of them."""

from __future__ import annotations

from typing import Any

__all__ = ["MARKER", "without_client_secrets"]

MARKER = "client_secret"
"""Text every such field name contains: an object whose JSON lacks it has none to strip."""


def without_client_secrets(value: Any) -> Any:
    """`value` with every field named `client_secret` or `*_client_secret` removed, at any
    depth (dicts and lists are copied; other values returned as they are)."""
    if isinstance(value, dict):
        return {k: without_client_secrets(v) for k, v in value.items()
                if not (isinstance(k, str) and k.endswith(MARKER))}
    if isinstance(value, list):
        return [without_client_secrets(v) for v in value]
    return value
