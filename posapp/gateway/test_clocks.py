"""Test clocks: create, advance, retrieve, delete (test mode only)."""

from __future__ import annotations

import time
from typing import Any

from stripe.params.test_helpers import (
    TestClockAdvanceParams,
    TestClockCreateParams,
    TestClockRetrieveParams,
)

from posapp.gateway.client import Gateway, operation

_CREATE = operation(
    "test_clocks.create", lambda c, ids, p, o: c.v1.test_helpers.test_clocks.create(p, o)
)
_ADVANCE = operation(
    "test_clocks.advance",
    lambda c, ids, p, o: c.v1.test_helpers.test_clocks.advance(ids[0], p, o),
)
_DELETE = operation(
    "test_clocks.delete",
    lambda c, ids, p, o: c.v1.test_helpers.test_clocks.delete(ids[0], p, o),
    refetch=lambda c, ids: c.v1.test_helpers.test_clocks.retrieve(ids[0]),
)


def create_test_clock(gw: Gateway, params: TestClockCreateParams) -> dict[str, Any]:
    """Create a test clock frozen at `frozen_time`."""
    return gw.write(_CREATE, params)


def advance_test_clock(
    gw: Gateway, test_clock_id: str, params: TestClockAdvanceParams, timeout: float = 120.0
) -> dict[str, Any]:
    """Move a test clock forward to `frozen_time` and return it once Stripe has caught up.

    Stripe answers `advancing` and runs the renewals, retries and notices of the passing
    time afterwards; the clock is read again (at growing intervals) until it is `ready`,
    or `TimeoutError` after `timeout` seconds.
    """
    clock = gw.write(_ADVANCE, params, (test_clock_id,))
    deadline = time.monotonic() + timeout
    pause = 0.05
    while clock.get("status") == "advancing":
        if time.monotonic() >= deadline:
            raise TimeoutError(f"test clock {test_clock_id} still advancing after {timeout} s")
        time.sleep(pause)
        pause = min(pause * 2, 2.0)
        clock = retrieve_test_clock(gw, test_clock_id)
    return clock


def retrieve_test_clock(
    gw: Gateway, test_clock_id: str, params: TestClockRetrieveParams | None = None
) -> dict[str, Any]:
    """One test clock (`status` says whether it is still advancing)."""
    return gw.read(
        "test_clocks.retrieve",
        lambda c: c.v1.test_helpers.test_clocks.retrieve(test_clock_id, params),
    )


def delete_test_clock(gw: Gateway, test_clock_id: str) -> dict[str, Any]:
    """Delete a test clock and every object attached to it."""
    return gw.write(_DELETE, {}, (test_clock_id,))
