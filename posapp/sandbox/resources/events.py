"""Events: list and retrieve, plus sandbox-only helpers for retention and API versions."""

from __future__ import annotations

import fnmatch

from ..errors import invalid
from ..router import Request, api
from ..state import EVENT_RETENTION, Obj

LIST_PARAMS = ("type", "types", "created", "limit", "starting_after", "ending_before",
               "delivery_success")


@api("GET", "/v1/events", LIST_PARAMS)
def list_events(req: Request) -> Obj:
    p = req.params
    single = p.string("type")
    several = [str(t) for t in p.array("types")]
    if single and several:
        raise invalid("You may only specify one of these parameters: type, types.",
                      param="types")
    patterns = several or ([single] if single else [])
    _expire(req)

    def keep(event: Obj) -> bool:
        return not patterns or any(fnmatch.fnmatchcase(event["type"], pattern)
                                   for pattern in patterns)
    return req.state.list_response("event", p, "/v1/events", keep)


@api("GET", "/v1/events/{id}")
def retrieve_event(req: Request) -> Obj:
    _expire(req)
    return req.state.get(req.path_args["id"], "event")


def _expire(req: Request) -> None:
    """Stripe keeps 30 days of events: older ones are gone from lists and retrieval."""
    req.state.expire_events(req.state.now() - EVENT_RETENTION)


@api("POST", "/v1/test_helpers/sandbox/purge_events", ("keep_after",))
def purge_events(req: Request) -> Obj:
    """Sandbox only: forget events (all, or those before `keep_after`), as 30-day retention does."""
    keep_after = req.params.string("keep_after")
    if keep_after:
        req.state.get(keep_after, "event", param="keep_after")
    dropped = req.state.purge_events(keep_after)
    return {"object": "sandbox.purge_events", "purged": dropped}


@api("POST", "/v1/test_helpers/sandbox/event_api_version", ("api_version",), ("api_version",))
def set_event_api_version(req: Request) -> Obj:
    """Sandbox only: stamp later events with another account API version."""
    req.state.event_api_version = req.params.req_string("api_version")
    return {"object": "sandbox.event_api_version", "api_version": req.state.event_api_version}
