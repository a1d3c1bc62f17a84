"""Payment Links' purchase limit: completed sessions count, and at the limit the link is off."""

from __future__ import annotations

from ..state import Obj, State

_UNAVAILABLE = "This payment link is no longer available."


def limit_reached(restrictions: Obj | None) -> bool:
    done = (restrictions or {}).get("completed_sessions")
    return done is not None and done["count"] >= done["limit"]


def unavailable_message(link: Obj) -> str:
    """What a customer is told about a link that no longer takes payments."""
    return str(link["inactive_message"] or _UNAVAILABLE)


def count_completed_session(state: State, link_id: str) -> None:
    """A session opened by the link completed: count it; at the limit the link goes off."""
    link = state.get(link_id, "payment_link")
    done = (link["restrictions"] or {}).get("completed_sessions")
    if done is None:
        return
    restrictions = {"completed_sessions": {**done, "count": done["count"] + 1}}
    changes: Obj = {"restrictions": restrictions}
    if limit_reached(restrictions):
        changes["active"] = False
    state.update(link, changes, "payment_link.updated")
