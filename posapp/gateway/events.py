"""Events: list, retrieve, and everything that happened after a given event, in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stripe.params import EventListParams, EventRetrieveParams

from posapp.gateway.client import Gateway
from posapp.gateway.paging import PAGE_SIZE


def list_events(
    gw: Gateway, params: EventListParams | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """One page of events, newest first, and whether more follow.

    Read as plain JSON (`Gateway.read_json`), as list pages are: the poller reads every
    event, and the SDK's objects would cost more CPU than the request itself."""
    page = gw.read_json("events.list", "/v1/events", dict(params or {}))
    return page["data"], bool(page["has_more"])


def retrieve_event(
    gw: Gateway, event_id: str, params: EventRetrieveParams | None = None
) -> dict[str, Any]:
    """One event (Stripe keeps them for 30 days)."""
    return gw.read("events.retrieve", lambda c: c.v1.events.retrieve(event_id, params))


def iter_events_after(
    gw: Gateway, event_id: str, params: EventListParams | None = None
) -> Iterator[dict[str, Any]]:
    """Every event newer than `event_id`, oldest first, 100 per request.

    Pages with `ending_before` (each page is newest-first, so it is yielded reversed and
    the next page ends before its newest event). `params` may filter by `type`/`types`.
    Raises GatewayError(NOT_FOUND, param "ending_before") once Stripe has dropped `event_id`
    (events are kept for 30 days): the caller must then re-read the objects themselves.
    """
    cursor = event_id
    while True:
        data, has_more = list_events(
            gw, {**(params or {}), "ending_before": cursor, "limit": PAGE_SIZE}
        )
        yield from reversed(data)
        if not has_more or not data:
            return
        cursor = data[0]["id"]
