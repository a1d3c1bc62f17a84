"""A thread-safe limiter that keeps the app under Stripe's request rate limit."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Keeps requests to at most `rate` in every sliding one-second window, as Stripe
    counts them, however many threads send.

    Requests are spaced evenly, `(1 + slack) / rate` seconds apart (a token bucket that
    holds one token), so even a window of `1 + slack` seconds holds at most `rate` of
    them. Stripe counts requests as they arrive, and network and scheduling jitter can
    bring two requests closer than they were sent: `slack` absorbs that (at 0, about 3%
    of a saturated sandbox backfill's requests were answered 429). A burst allowance on
    top of the rate would let some windows hold more, and every 429 costs a request and
    a backoff. Callers reserve their moment under the lock and sleep outside it, so
    waiting threads are served in the order they arrived and none of them holds the lock
    while it sleeps.
    """

    def __init__(
        self,
        rate: float,
        *,
        slack: float = 0.05,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0 or slack < 0:
            raise ValueError("rate must be positive and slack not negative")
        self.rate = rate
        self.interval = (1.0 + slack) / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = -math.inf

    def acquire(self) -> float:
        """Wait for this request's moment; returns the time slept."""
        with self._lock:
            now = self._clock()
            moment = max(now, self._next)
            self._next = moment + self.interval
        wait = moment - now
        if wait > 0:
            self._sleep(wait)
        return wait
