"""Simulated time: what `state.now()` reads for a customer on a test clock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from ..state import Obj, State


@contextmanager
def clock_time(state: State, at: int | None, *, test_clock: bool = True) -> Iterator[None]:
    """Make `state.now()` read `at` inside the block; None: no change. On a `test_clock`,
    objects carry the clock's time but events keep the time they are really made at (as on
    Stripe, whose events list stays in the order things happened); a seed laying down
    history (`test_clock=False`) dates its events too."""
    if at is None:
        yield
        return
    saved, saved_events = state.clock_offset, state.event_offset
    if test_clock and saved_events is None:
        state.event_offset = saved
    state.clock_offset = at - int(time.time())
    try:
        yield
    finally:
        state.clock_offset, state.event_offset = saved, saved_events


def frozen_time_of(state: State, customer: Obj | str | None) -> int | None:
    """The frozen time of the customer's test clock (the customer or its id), or None for a
    customer on real time."""
    if isinstance(customer, str):
        customer = state.find(customer, "customer")
    clock_id = customer.get("test_clock") if customer else None
    clock = state.find(clock_id, "test_helpers.test_clock")
    return None if clock is None else int(clock["frozen_time"])


def customer_time(state: State, customer: Obj | str | None) -> AbstractContextManager[None]:
    """`clock_time` at the customer's clock: what an API request about a customer on a test
    clock runs in, so the objects and events it makes carry the clock's time."""
    return clock_time(state, frozen_time_of(state, customer))
