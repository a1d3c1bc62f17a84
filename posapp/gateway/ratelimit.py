"""A thread-safe token bucket that keeps the app under Stripe's request rate limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TokenBucket:
    """Allows `rate` requests per second on average, and bursts of up to `burst`.

    Callers reserve a token under the lock and sleep outside it, so waiting threads are
    served in the order they arrived and none of them holds the lock while it sleeps.
    """

    def __init__(
        self,
        rate: float,
        *,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        # A fifth of a second's worth by default: a full second's burst on top of the
        # steady rate could double the requests Stripe sees in one second.
        self.burst = burst if burst is not None else max(1.0, rate / 5)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = self.burst
        self._stamp = clock()

    def acquire(self) -> float:
        """Take one token, sleeping until it is available; returns the time slept."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= 1
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait
