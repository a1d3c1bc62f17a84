"""Payouts: create (manual schedule only), retrieve, update, list (engine/payouts.py).

Sandbox-only: `POST /v1/test_helpers/sandbox/advance_time` (`seconds`) moves the clock of
the platform and its connected accounts forward, so the daily payout schedule runs and
payouts arrive (Stripe's own clock does this by itself).
"""

from __future__ import annotations

from ..engine.payouts import create_payout, tick
from ..errors import invalid
from ..params import currency_code, merge_metadata
from ..router import Request, api
from ..state import Obj

_STATUSES = ("pending", "paid", "failed", "canceled", "in_transit")


@api("POST", "/v1/payouts", ("amount", "currency", "description", "destination", "metadata",
                             "method", "source_type", "statement_descriptor"),
     ("amount", "currency"))
def create_route(req: Request) -> Obj:
    p = req.params
    amount = p.integer("amount")
    assert amount is not None
    if p.enum("method", ("standard", "instant")) == "instant":
        raise invalid("Instant payouts are not available in the sandbox.", param="method")
    return create_payout(req.state, amount=amount, currency=currency_code(
        p.req_string("currency")), destination=p.string("destination") or None,
        description=p.string("description") or None,
        metadata=merge_metadata({}, p.raw("metadata")),
        statement_descriptor=p.string("statement_descriptor") or None)


@api("GET", "/v1/payouts/{id}")
def retrieve_route(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "payout")


@api("POST", "/v1/payouts/{id}", ("metadata",))
def update_route(req: Request) -> Obj:
    payout = req.state.get(req.path_args["id"], "payout")
    return req.state.update(payout, {"metadata": merge_metadata(
        payout["metadata"], req.params.raw("metadata"))}, "payout.updated")


@api("GET", "/v1/payouts", ("status", "arrival_date", "created", "destination", "limit",
                            "starting_after", "ending_before"))
def list_route(req: Request) -> Obj:
    p = req.params
    status = p.enum("status", _STATUSES)
    destination = p.string("destination")

    def keep(payout: Obj) -> bool:
        return ((status is None or payout["status"] == status)
                and (destination is None or payout["destination"] == destination))
    return req.state.list_response("payout", p, "/v1/payouts", keep)


@api("POST", "/v1/test_helpers/sandbox/advance_time", ("seconds",), ("seconds",))
def advance_time(req: Request) -> Obj:
    """Sandbox only: time moves on by `seconds` for the platform and every connected
    account; payouts due meanwhile are made and arrive."""
    seconds = req.params.integer("seconds", minimum=1, maximum=400 * 86_400)
    assert seconds is not None
    platform = req.state.platform or req.state
    for state in (platform, *platform.connected.values()):
        state.clock_offset += seconds
        tick(state)
    return {"object": "sandbox.advance_time", "now": req.state.now()}
