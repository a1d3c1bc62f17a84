"""When a failed Stripe request may be sent again, and how long to wait before it."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import stripe

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


def should_retry(exc: stripe.StripeError) -> bool:
    """Whether sending the same request again, with the same idempotency key, may succeed.

    Stripe's `Stripe-Should-Retry` header has the last word. Otherwise: connection errors
    the SDK marks retryable (timeouts, refused or dropped connections), 409 (a concurrent
    request holds the key or a lock), 429 and every 5xx. A 429 is retried with the same
    key on purpose: Stripe executed nothing and saved no result for it, so the retry runs
    fresh, while a new key could duplicate an earlier attempt that did commit.
    """
    advice = _header(exc.headers, "stripe-should-retry")
    if advice == "true":
        return True
    if advice == "false":
        return False
    if isinstance(exc, stripe.APIConnectionError):
        return exc.should_retry
    status = exc.http_status
    return status is not None and (status in (409, 429) or status >= 500)


def retry_after(exc: stripe.StripeError) -> float | None:
    """Seconds from a `Retry-After` header, capped at a minute; None when absent."""
    value = _header(exc.headers, "retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def backoff_delay(attempt: int, *, retry_after: float | None, rand: Callable[[], float]) -> float:
    """Seconds to wait before retry number `attempt` (1-based).

    Exponential (0.5 s, 1 s, 2 s, ... capped at 8 s) with jitter: a random point in the
    upper half of the step, so clients that failed together do not retry together. A
    `Retry-After` from the server is a floor.
    """
    step = min(INITIAL_DELAY * 2.0 ** (attempt - 1), MAX_DELAY)
    delay = step * (0.5 + 0.5 * rand())
    return max(delay, retry_after or 0.0)


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name:
            return value.strip().lower()
    return None
