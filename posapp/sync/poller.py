"""The events poller: keeps the cache current by reading `GET /v1/events` after the newest
applied event, oldest first, applying each event exactly once.

The interval adapts: `hurry_interval` (0.75 s) while a cashier waits on an open payment
request (`hurry_while`), `active_interval` (2 s) while the app expects activity
(`expect_activity`) or events keep arriving, stretching to `idle_interval` (30 s) when
nothing happens; failures back off exponentially up to
`max_backoff`. When the cursor can no longer be used (Stripe keeps events 30 days, or the
event is unknown), the cache is listed again from scratch and the user is told.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from posapp.gateway.client import API_VERSION, Gateway
from posapp.gateway.errors import ErrorKind, GatewayError
from posapp.gateway.events import iter_events_after
from posapp.gateway.paging import iter_all
from posapp.store.cache import Cache
from posapp.store.schema import OBJECT_TYPES, TABLE_FOR_OBJECT, is_deletion

from .backfill import BackfillProgress, backfill, is_complete, start_full_resync
from .notifications import (
    ConnectionChanged,
    FullResyncStarted,
    Notification,
    for_event,
)
from .sources import balance_transaction_ids, refetch, refetched_on_event

log = logging.getLogger(__name__)

Notify = Callable[[Notification], None]
TablesChanged = Callable[[frozenset[str]], None]


@dataclass(frozen=True)
class PollResult:
    """One poll: events applied, events seen again (already applied), the tables whose
    rows changed, whether a full re-sync ran because the cursor had expired, and whether a
    backfill (the first, or the re-sync's) finished in it."""

    applied: int = 0
    duplicates: int = 0
    changed: frozenset[str] = field(default_factory=frozenset)
    resynced: bool = False
    backfilled: bool = False


class Poller:
    """Polls the Events API for one profile and applies what it finds to the cache.

    `notify` receives domain notifications and connection changes; `on_change` receives
    the set of tables that changed after each poll that changed any; `progress` follows a
    backfill the poller runs (the first one, or a full re-sync). All are called on the
    polling thread, `progress` on the backfill's threads.
    """

    def __init__(self, gateway: Gateway, cache: Cache, *, notify: Notify | None = None,
                 on_change: TablesChanged | None = None,
                 progress: Callable[[BackfillProgress], None] | None = None,
                 active_interval: float = 2.0, hurry_interval: float = 0.75,
                 idle_interval: float = 30.0, max_backoff: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.gateway = gateway
        self.cache = cache
        self.notify: Notify = notify if notify is not None else (lambda _n: None)
        self.on_change: TablesChanged = on_change if on_change is not None else (lambda _t: None)
        self.progress = progress
        self.active_interval = active_interval
        self.hurry_interval = hurry_interval
        self.idle_interval = idle_interval
        self.max_backoff = max_backoff
        self._clock = clock
        self._lock = threading.Lock()
        self._active_until = 0.0
        self._hurry: list[Callable[[], bool]] = []
        self._rhythm_from = -math.inf
        self._quiet_polls = 0
        self._failures = 0
        self.online: bool | None = None
        self.last_error: GatewayError | None = None

    def expect_activity(self, seconds: float = 600.0) -> None:
        """Poll at the active rate for the next `seconds` (a payment the app started is
        waiting for the customer), from the next wait on."""
        with self._lock:
            self._active_until = max(self._active_until, self._clock() + seconds)

    def hurry_while(self, waiting: Callable[[], bool]) -> None:
        """Poll every `hurry_interval` for as long as `waiting()` is true (a cashier waits
        for the customer to pay an open request), the first poll one interval from now
        (nobody has paid yet). Hurried polls start `hurry_interval` apart, however long
        each takes. `waiting` is called from the polling thread; once it returns False it
        is forgotten."""
        with self._lock:
            self._hurry.append(waiting)
            self._rhythm_from = max(self._rhythm_from, self._clock())

    @property
    def hurrying(self) -> bool:
        """Whether a `hurry_while` condition still holds."""
        with self._lock:
            self._hurry = [waiting for waiting in self._hurry if waiting()]
            return bool(self._hurry)

    def next_delay(self) -> float:
        """Seconds to wait before the next poll."""
        with self._lock:
            if self._failures:
                return float(min(self.max_backoff,
                                 self.active_interval * 2 ** self._failures))
            self._hurry = [waiting for waiting in self._hurry if waiting()]
            if self._hurry:
                return max(0.0, self._rhythm_from + self.hurry_interval - self._clock())
            if self._clock() < self._active_until:
                return self.active_interval
            return float(min(self.idle_interval,
                             self.active_interval * 2 ** self._quiet_polls))

    def poll_once(self, cancel: threading.Event | None = None) -> PollResult:
        """Apply every event after the cursor, oldest first, after running (or finishing)
        the backfill if the cache needs one; `cancel` stops that backfill between pages.
        Raises GatewayError when Stripe cannot be read; the cache keeps everything applied
        up to the failure."""
        with self._lock:
            self._rhythm_from = self._clock()
        try:
            result = self._poll(cancel)
        except GatewayError as error:
            self._went_offline(error)
            raise
        self._came_online()
        with self._lock:
            self._quiet_polls = 0 if result.applied else self._quiet_polls + 1
        if result.changed:
            self.on_change(result.changed)
        return result

    def run(self, stop: threading.Event, *, wake: threading.Event | None = None,
            after_poll: Callable[[PollResult | None], None] | None = None) -> None:
        """Poll until `stop` is set, waiting `next_delay()` between polls; failures are
        reported through `notify` and retried with backoff. Setting `wake` polls at once
        (set it after `stop` too), except while hurrying: a hurry keeps its rhythm (its first
        poll is one interval after it was asked for). `after_poll` receives each poll's
        result, None for a poll that failed."""
        while not stop.is_set():
            result: PollResult | None = None
            try:
                result = self.poll_once(stop)
            except GatewayError as error:
                log.warning("sync poll failed: %s", error)
            if after_poll is not None:
                after_poll(result)
            if wake is None:
                stop.wait(self.next_delay())
            else:
                self._wait(stop, wake)

    def _wait(self, stop: threading.Event, wake: threading.Event) -> None:
        """Sleep until the next poll is due or `wake` is set (kept asleep while hurrying)."""
        delay = self.next_delay()
        while delay > 0 and not stop.is_set() and wake.wait(delay):
            wake.clear()
            if not self.hurrying:
                return
            delay = self.next_delay()
        wake.clear()

    def _poll(self, cancel: threading.Event | None) -> PollResult:
        everything = frozenset(OBJECT_TYPES)
        changed: set[str] = set()
        resynced = backfilled = False
        if not is_complete(self.cache):
            if not self._backfill(cancel):
                return PollResult(changed=everything)
            changed.update(everything)
            backfilled = True
        cursor = self.cache.events_cursor
        try:
            applied, duplicates, touched = self._apply_all(_events_after(self.gateway, cursor))
        except GatewayError as error:
            if cursor is None or error.kind is not ErrorKind.NOT_FOUND:
                raise
            log.warning("events cursor %s is no longer usable: full re-sync", cursor)
            self.notify(FullResyncStarted(
                "Stripe no longer has the events since the last sync (it keeps them 30 days), "
                "so the whole cache is being refreshed."))
            start_full_resync(self.cache)
            resynced = True
            if not self._backfill(cancel):
                return PollResult(changed=everything, resynced=True)
            changed.update(everything)
            backfilled = True
            applied, duplicates, touched = self._apply_all(
                _events_after(self.gateway, self.cache.events_cursor))
        self.cache.mark_success()
        return PollResult(applied, duplicates, frozenset(changed | touched), resynced, backfilled)

    def _backfill(self, cancel: threading.Event | None) -> bool:
        return backfill(self.gateway, self.cache, progress=self.progress, cancel=cancel).complete

    def _apply_all(self, events: Iterator[dict[str, Any]]) -> tuple[int, int, set[str]]:
        applied = duplicates = 0
        changed: set[str] = set()
        for event in events:
            tables = apply_event(self.gateway, self.cache, event, self.notify)
            if not tables:
                duplicates += 1
                continue
            applied += 1
            changed |= tables
        return applied, duplicates, changed

    def _went_offline(self, error: GatewayError) -> None:
        with self._lock:
            self._failures += 1
            was = self.online
            self.online = False
            self.last_error = error
        if was is not False:
            self.notify(ConnectionChanged(False, str(error)))

    def _came_online(self) -> None:
        with self._lock:
            self._failures = 0
            was = self.online
            self.online = True
            self.last_error = None
        if was is not True:
            self.notify(ConnectionChanged(True, None))


def apply_event(gateway: Gateway, cache: Cache, event: Mapping[str, Any],
                notify: Notify) -> frozenset[str]:
    """Apply one event exactly once and return the cache tables it changed: none when it
    had been applied already, else `events`, its object's table (when that is cached) and
    `balance_transactions` when its balance transaction had to be fetched.
    An object rendered at another API version than the pinned one is fetched again (its
    current state)."""
    obj: dict[str, Any] = dict(event["data"]["object"])
    # A preview (`invoice.upcoming` carries the next invoice) is no stored object.
    preview = str(obj.get("id") or "upcoming_").startswith("upcoming_")
    table = "" if preview else TABLE_FOR_OBJECT.get(str(obj.get("object")), "")
    stale = event.get("api_version") != API_VERSION or refetched_on_event(table, obj)
    if table and stale and not is_deletion(event) and cache.get("events", event["id"]) is None:
        obj = refetch(gateway, table, obj["id"])
    if not cache.apply_event(event, None if preview else obj):
        return frozenset()
    changed = {"events", table} - {""}
    for txn_id in balance_transaction_ids(obj):
        if cache.get("balance_transactions", txn_id) is None:
            cache.upsert_object(refetch(gateway, "balance_transactions", txn_id))
            changed.add("balance_transactions")
    if "created" in obj:  # not a deletion stub from the re-fetch
        notification = for_event(event, obj, _customer_name(cache))
        if notification is not None:
            notify(notification)
    return frozenset(changed)


def _events_after(gateway: Gateway, cursor: str | None) -> Iterator[dict[str, Any]]:
    """Events after the cursor, oldest first. No cursor means the account had no events when
    the backfill began, so every event there is now is newer than the backfill."""
    if cursor is not None:
        return iter_events_after(gateway, cursor)
    events = list(iter_all(gateway, "events"))
    events.reverse()
    return iter(events)


def _customer_name(cache: Cache) -> Callable[[str | None], str | None]:
    def lookup(customer_id: str | None) -> str | None:
        customer = cache.get("customers", customer_id) if customer_id else None
        name = customer.get("name") if customer else None
        return name if isinstance(name, str) else None
    return lookup
