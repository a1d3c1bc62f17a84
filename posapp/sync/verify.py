"""Verify the cache against Stripe and repair it: every id of every type, and the fields the
views rely on (status, amounts, `updated` where Stripe has it).

This is the exhaustive pass the backfill avoids for cost: it also lists each customer's
payment methods, one request per customer.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from posapp.gateway import customers
from posapp.gateway.client import Gateway
from posapp.gateway.paging import PAGE_SIZE, iter_all
from posapp.store.cache import Cache
from posapp.store.schema import TABLES

from .sources import SOURCES, Source, refetch, split_expanded


class Mismatch(StrEnum):
    """How a cached object differs from Stripe."""

    MISSING = "missing"  # on Stripe, not (or as deleted) in the cache
    GONE = "gone"  # in the cache, no longer on Stripe
    CHANGED = "changed"  # in both, with different key fields


@dataclass(frozen=True)
class Difference:
    """One object that differed; `fields` names the key fields that changed."""

    table: str
    id: str
    mismatch: Mismatch
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerifyReport:
    """Objects compared per type, the differences found (repaired unless `repair=False`),
    API requests made and seconds taken."""

    checked: dict[str, int]
    differences: list[Difference]
    repaired: bool
    requests: int
    elapsed: float


def verify_and_repair(gateway: Gateway, cache: Cache, *, repair: bool = True) -> VerifyReport:
    """Compare every cached type with Stripe and, when `repair`, make the cache match:
    missing and changed objects are stored, objects Stripe no longer lists are marked
    deleted."""
    started = time.monotonic()
    requests_before = gateway.request_count
    lists = {s.table: s for s in SOURCES if s.table is not None}
    with ThreadPoolExecutor(max_workers=16, thread_name_prefix="verify") as pool:
        listed = pool.map(lambda s: _list(gateway, s), lists.values())
        server = dict(zip(lists, listed, strict=True))
        server["payment_methods"] = {
            pm["id"]: pm
            for found in pool.map(lambda c: _payment_methods(gateway, c), server["customers"])
            for pm in found}
    checked: dict[str, int] = {}
    differences: list[Difference] = []
    for table, objects in server.items():
        found = _compare(table, objects, cache.ids(table))
        checked[table] = len(objects)
        differences.extend(found)
        if repair and found:
            _repair(gateway, cache, table, objects, found)
    if repair:
        cache.mark_success()
    return VerifyReport(checked, differences, repair, gateway.request_count - requests_before,
                        time.monotonic() - started)


def _list(gateway: Gateway, source: Source) -> dict[str, dict[str, Any]]:
    own: dict[str, dict[str, Any]] = {}
    for obj in iter_all(gateway, source.resource, dict(source.params)):
        plain, _ = split_expanded(obj, source.expanded)
        own[plain["id"]] = plain
    return own


def _payment_methods(gateway: Gateway, customer_id: str) -> list[dict[str, Any]]:
    """Every payment method attached to one customer."""
    found: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        data, has_more = customers.list_payment_methods(
            gateway, customer_id,
            {"limit": PAGE_SIZE, "starting_after": after} if after else {"limit": PAGE_SIZE})
        found.extend(data)
        if not has_more or not data:
            return found
        after = data[-1]["id"]


def _key_fields(table: str, obj: Mapping[str, Any]) -> dict[str, Any]:
    fields = TABLES[table].extract(obj)
    fields["created"] = obj.get("created")
    if "updated" in obj:
        fields["updated"] = obj["updated"]
    return fields


def _compare(table: str, server: Mapping[str, Mapping[str, Any]],
             cached: Mapping[str, Mapping[str, Any]]) -> list[Difference]:
    differences: list[Difference] = []
    for object_id, obj in server.items():
        mine = cached.get(object_id)
        if mine is None:
            differences.append(Difference(table, object_id, Mismatch.MISSING))
            continue
        theirs, ours = _key_fields(table, obj), _key_fields(table, mine)
        changed = tuple(sorted(k for k in theirs if theirs[k] != ours.get(k)))
        if changed:
            differences.append(Difference(table, object_id, Mismatch.CHANGED, changed))
    for object_id, mine in cached.items():
        if object_id in server:
            continue
        # Payment methods are only listed while attached: a detached one is not gone.
        if table != "payment_methods" or mine.get("customer") is not None:
            differences.append(Difference(table, object_id, Mismatch.GONE))
    return differences


def _repair(gateway: Gateway, cache: Cache, table: str,
            server: Mapping[str, dict[str, Any]], found: list[Difference]) -> None:
    cache.upsert(table, [server[d.id] for d in found if d.mismatch is not Mismatch.GONE])
    gone = [d.id for d in found if d.mismatch is Mismatch.GONE]
    if table == "payment_methods":
        # Detached since: store its current state rather than deleting it.
        cache.upsert(table, [refetch(gateway, table, pm_id) for pm_id in gone])
    else:
        cache.mark_deleted(table, gone)
