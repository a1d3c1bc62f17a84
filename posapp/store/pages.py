"""A backfill's list page turned into the cache's rows, in whichever process does it.

The page arrives as the JSON bytes Stripe sent. `prepare_page` parses it, takes the
expanded objects out of each listed object (`split_expanded`) and encodes both into rows
(`cache.encode_rows`): the CPU-heavy part of storing a page, which the backfill runs in
worker processes so that only the SQL is left to the app's own (see posapp/sync/workers.py).
Only this module, the codec and the schema are needed for it: a worker never imports the
gateway, the SDK or Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .cache import EncodedPage, encode_rows
from .codec import loads

Paths = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PreparedPage:
    """One list page ready for `Cache.queue_page`: its rows, and what the backfill
    needs to go on: the last listed id (the next page's `starting_after`), each listed
    object's `created` in list order, whether more pages follow, and how many objects were
    listed and came expanded inside them."""

    rows: EncodedPage
    last_id: str | None
    created: list[Any]
    has_more: bool
    listed: int
    related: int


def prepare_page(body: bytes, expanded: Paths, generation: int,
                 dictionaries: Mapping[str, tuple[int, bytes]]) -> PreparedPage:
    """Parse a list page's JSON `body`, split each object's `expanded` paths out and encode
    it all for the backfill of `generation` (`dictionaries`: `Cache.dictionaries`)."""
    page = loads(body)
    own: list[dict[str, Any]] = []
    related: list[dict[str, Any]] = []
    for obj in page["data"]:
        flat, found = split_expanded(obj, expanded)
        own.append(flat)
        related += found
    return PreparedPage(
        rows=encode_rows(own, generation, related, dictionaries),
        last_id=own[-1]["id"] if own else None,
        created=[obj.get("created") for obj in own],
        has_more=bool(own) and bool(page.get("has_more")),
        listed=len(own), related=len(related))


def split_expanded(obj: Mapping[str, Any],
                   paths: Paths) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """`obj` with each expanded path collapsed to its id, and the expanded objects."""
    result = dict(obj)
    found: list[dict[str, Any]] = []
    for path in paths:
        parent = result
        for key in path[:-1]:
            child = parent.get(key)
            if not isinstance(child, dict):
                break
            parent[key] = child = dict(child)
            parent = child
        else:
            value = parent.get(path[-1])
            if isinstance(value, dict) and "id" in value:
                found.append(value)
                parent[path[-1]] = value["id"]
    return result, found
