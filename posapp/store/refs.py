"""References between Stripe objects as the cache and every layer above it read them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def ref_id(value: Any) -> str | None:
    """An expandable field as its id, whether it came expanded or not (None when absent)."""
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None
