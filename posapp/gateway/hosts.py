"""Where a key may be sent: a live key only to Stripe's own hosts over https, a test key also
to a Stripe-compatible server (the sandbox) over http on this computer or https elsewhere.

`destination_problem` is asked by the gateway for the configured API base when it is built
and again for every URL just before the request leaves, so no caller can skip it.
"""

from __future__ import annotations

import ipaddress
from typing import Final
from urllib.parse import urlsplit

__all__ = [
    "STRIPE_API_BASE",
    "STRIPE_HOSTS",
    "api_base_problem",
    "destination_problem",
    "is_test_key",
]

STRIPE_API_BASE: Final = "https://api.stripe.com"
STRIPE_HOSTS: Final = frozenset(
    {"api.stripe.com", "files.stripe.com", "connect.stripe.com", "meter-events.stripe.com"}
)
_TEST_PREFIXES: Final = ("sk_test_", "rk_test_")


def is_test_key(api_key: str) -> bool:
    """Whether the key is a test key; anything else (live, or of no known shape) is treated
    as live, so a malformed live key is protected as well."""
    return api_key.strip().startswith(_TEST_PREFIXES)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _live_refusal(url: str) -> str:
    return (f"A live key is only ever sent to {STRIPE_API_BASE}, not to “{url}”: "
            "remove the API base, or use a test key with a sandbox.")


def destination_problem(api_key: str, url: str) -> str | None:
    """Why `api_key` must not be sent to `url` (an API base or a request URL), or None."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        host, port, parts = "", None, urlsplit("")
    if not is_test_key(api_key):
        if (parts.scheme == "https" and host in STRIPE_HOSTS and port in (None, 443)
                and not parts.username and not parts.password):
            return None
        return _live_refusal(url)
    if parts.scheme == "https" and host:
        return None
    if parts.scheme == "http" and _is_loopback(host):
        return None
    return (f"“{url}” is not usable: a test key goes over plain http only to this computer "
            "(localhost); any other server needs an https:// address.")


def api_base_problem(api_key: str, api_base: str | None) -> str | None:
    """Why `api_base` cannot be used with `api_key`, or None (None means Stripe itself).

    A live key's base must be Stripe's API itself: not one of its other hosts, no path."""
    problem = None if api_base is None else destination_problem(api_key, api_base)
    if problem is None and api_base is not None and not is_test_key(api_key):
        parts = urlsplit(api_base)
        if parts.hostname != "api.stripe.com" or parts.path not in ("", "/"):
            return _live_refusal(api_base)
    return problem
