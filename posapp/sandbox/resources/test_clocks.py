"""Test clocks (`/v1/test_helpers/test_clocks`): simulated time for customers on a clock.

Objects made for a customer on a clock carry the clock's time (engine/clock.py), and
advancing a clock runs every subscription of its customers up to the new time
(engine/renewals.py).
"""

from __future__ import annotations

from ..engine.renewals import advance_clock
from ..engine.subscriptions import delete_customer
from ..errors import invalid, state_error
from ..params import Params
from ..router import Request, api
from ..state import Obj, State, as_retrieved

_RETENTION = 30 * 86_400


def _live_clock(state: State, clock_id: str) -> Obj:
    clock = state.get(clock_id, "test_helpers.test_clock")
    if clock.get("deleted"):
        raise invalid(f"No such test clock: '{clock_id}'", code="resource_missing", param="id")
    return clock


@api("POST", "/v1/test_helpers/test_clocks", ("frozen_time", "name"), ("frozen_time",))
def create_test_clock(req: Request) -> Obj:
    state, p = req.state, req.params
    frozen = p.integer("frozen_time", minimum=0)
    assert frozen is not None
    now = state.now()
    clock: Obj = {
        "id": state.new_id("clock_", 24),
        "object": "test_helpers.test_clock",
        "created": now,
        "deletes_after": now + _RETENTION,
        "frozen_time": frozen,
        "livemode": False,
        "name": p.string("name"),
        "status": "ready",
        "status_details": {},
    }
    state.insert(clock)
    state.emit("test_helpers.test_clock.created", clock)
    return clock


@api("GET", "/v1/test_helpers/test_clocks/{id}")
def retrieve_test_clock(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "test_helpers.test_clock"))


@api("GET", "/v1/test_helpers/test_clocks", ("limit", "starting_after", "ending_before"))
def list_test_clocks(req: Request) -> Obj:
    return req.state.list_response("test_helpers.test_clock", req.params,
                                   "/v1/test_helpers/test_clocks",
                                   lambda clock: not clock.get("deleted"))


@api("DELETE", "/v1/test_helpers/test_clocks/{id}")
def delete_test_clock(req: Request) -> Obj:
    """Delete the clock and, as Stripe does, the customers attached to it."""
    state = req.state
    clock = _live_clock(state, req.path_args["id"])
    for customer in state.iter_type("customer"):
        if customer.get("test_clock") == clock["id"] and not customer.get("deleted"):
            delete_customer(state, customer)
    return state.delete(clock, "test_helpers.test_clock.deleted")


@api("POST", "/v1/test_helpers/test_clocks/{id}/advance", ("frozen_time",), ("frozen_time",))
def advance_test_clock(req: Request) -> Obj:
    """Move the clock forward: answered `advancing` at once; renewals, retries, trial ends,
    notices and cancellations run shortly after, then the clock is `ready` again."""
    state = req.state
    clock = _live_clock(state, req.path_args["id"])
    target = Params(req.params.data).integer("frozen_time", minimum=0)
    assert target is not None
    if target <= clock["frozen_time"]:
        raise state_error("The frozen time must be after the test clock's current frozen "
                          "time.", code="test_clock_advance_backwards", param="frozen_time")
    if clock["status"] != "ready":
        raise state_error("The test clock is already advancing.", code="test_clock_advancing")
    return advance_clock(state, clock, target)
