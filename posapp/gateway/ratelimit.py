"""A thread-safe limiter that keeps the app under Stripe's request rate limit."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

# Consecutive requests go at least this share of the average interval apart: spread out,
# yet a caller woken late (GC, scheduling) can be caught up on within the window.
_SPACING = 0.8


class RateLimiter:
    """Keeps requests to at most `rate` (a whole number) in every sliding one-second
    window, as Stripe counts them, however many threads send; on average `rate` per
    second for any rate.

    Both rules hold on the clock as it is when a caller is let through, not on moments
    booked in advance (a stalled process would otherwise release every booked request at
    once when it resumes): the last `int(rate)` requests span at least a window of
    `(1 + slack)` seconds, and consecutive requests are at least `_SPACING` of the average
    interval apart. `slack` absorbs the jitter between sending and Stripe's count on
    arrival. There is no burst allowance on top of the rate: it would let some windows
    hold more, and every 429 costs a request and a backoff. Callers wait in turn, each
    holding the lock while it sleeps.
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
        count = max(1, int(rate))
        self.window = (1.0 + slack) * count / rate
        self.gap = _SPACING * (1.0 + slack) / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._sent: deque[float] = deque([-math.inf] * count, maxlen=count)

    def acquire(self) -> float:
        """Wait until this request may go; returns the time slept."""
        with self._lock:
            now = self._clock()
            wait = max(self._sent[-1] + self.gap, self._sent[0] + self.window) - now
            if wait > 0:
                self._sleep(wait)
            self._sent.append(self._clock())
        return max(wait, 0.0)
