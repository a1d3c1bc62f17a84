"""Resumable backfill: list every cached type into the cache, 100 objects per request.

Before listing, the newest event id becomes the events cursor, so the poller later applies
everything that happened during and after the backfill: no gap between the two. Each page
is stored with its checkpoint in one transaction; an interrupted backfill resumes each
type after its last stored page and does not list finished types again. All types are
listed at once, long ones cut into `created` segments on threads of their own
(`split_segment`), and the gateway's rate limiter keeps the total under Stripe's rate
limit. Each page is parsed and encoded in a worker process (`workers.PageWorkers`) once a
list is found to have more than one page; the app's process fetches pages and writes them.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, cast

from posapp.gateway.client import Gateway
from posapp.gateway.paging import iter_all, list_request
from posapp.store.cache import Cache, Checkpoint, QueuedPage, Segment
from posapp.store.pages import PreparedPage
from posapp.store.schema import TABLES

from .sources import SOURCES, Source
from .workers import PageWorkers

_GENERATION_KEY = "sync.generation"
_COMPLETE_KEY = "sync.complete"
_ACTIVE_KEY = "backfill.active"
# The tables that held rows when the backfill under way began: only they can hold rows the
# listing no longer returns. A first backfill skips the sweep (a scan of every row it stored).
_SWEPT_KEY = "backfill.sweep"


@dataclass(frozen=True)
class BackfillProgress:
    """Reported after every stored page (from the backfill's threads). `done` counts the
    objects listed per source (a cached type, or `setup_intents` listed for their payment
    methods), resumed pages included; `estimated_remaining` is how many more the last
    complete sync suggests, None when there is nothing to go by."""

    source: str
    done: Mapping[str, int]
    finished: frozenset[str]
    estimated_remaining: int | None


@dataclass(frozen=True)
class BackfillResult:
    """What one `backfill` call did: objects listed per source in this run, sources skipped
    as already finished, expanded objects stored besides, API requests made, seconds taken,
    whether it ran to the end, and rows marked deleted because no listing returned them."""

    counts: dict[str, int]
    skipped: tuple[str, ...]
    requests: int
    elapsed: float
    complete: bool
    related: int = 0
    swept: dict[str, int] = field(default_factory=dict)


def is_complete(cache: Cache) -> bool:
    """Whether a backfill has finished and none is under way (the poller may run)."""
    return cache.get_state(_COMPLETE_KEY) is not None and cache.get_state(_ACTIVE_KEY) is None


def start_full_resync(cache: Cache) -> None:
    """Forget every checkpoint and the events cursor: the next `backfill` lists everything
    again (rows it no longer finds are then marked deleted)."""
    cache.set_state(_COMPLETE_KEY, None)
    cache.reset_backfill()


def backfill(gateway: Gateway, cache: Cache, *,
             progress: Callable[[BackfillProgress], None] | None = None,
             cancel: threading.Event | None = None,
             workers: PageWorkers | None = None) -> BackfillResult:
    """List every cached type into the cache, resuming an interrupted backfill; does
    nothing once a backfill has completed (see `start_full_resync`).

    Stops after the current pages when `cancel` is set (`complete` is then False; call
    again to resume). A `GatewayError` from any list stops the others and is raised once
    their pages are stored. `workers` prepare the pages (default: new ones, ended on
    return).
    """
    started = time.monotonic()
    requests_before = gateway.request_count
    if is_complete(cache):
        return BackfillResult({}, tuple(s.name for s in SOURCES), 0, 0.0, complete=True)
    generation = _begin(gateway, cache)
    own_workers = workers is None
    run = _Run(gateway, cache, generation, progress, cancel or threading.Event(),
               workers or PageWorkers())
    try:
        run.wait()
    finally:
        if own_workers:
            run.workers.close()
    complete = not run.stop.is_set()
    swept: dict[str, int] = {}
    if complete:
        listed_tables = cache.get_state(_SWEPT_KEY)
        # A backfill begun before the key existed sweeps every table, as it would have.
        stale = set(TABLES if listed_tables is None else json.loads(listed_tables))
        for source in SOURCES:
            newest = cache.checkpoint(source.name).newest
            if (source.table is not None and source.table in stale and source.exhaustive
                    and newest is not None):
                swept[source.table] = cache.sweep_unlisted(source.table, generation, newest)
        cache.set_state(_COMPLETE_KEY, str(generation))
        cache.set_state(_ACTIVE_KEY, None)
        cache.mark_success()
    return BackfillResult(
        counts=run.stored, skipped=tuple(s.name for s in SOURCES if s.name not in run.stored),
        requests=gateway.request_count - requests_before,
        elapsed=time.monotonic() - started, complete=complete, related=run.related,
        swept={t: n for t, n in swept.items() if n})


def _begin(gateway: Gateway, cache: Cache) -> int:
    """The generation of the backfill under way, or of a new one (recording the cursor)."""
    active = cache.get_state(_ACTIVE_KEY)
    if active is not None:
        return int(active)
    generation = int(cache.get_state(_GENERATION_KEY) or 0) + 1
    newest = next(iter_all(gateway, "events"), None)
    for source in SOURCES:
        cache.set_state(f"backfill.{source.name}", None)
    cache.set_events_cursor(newest["id"] if newest else None)
    cache.set_state(_SWEPT_KEY, json.dumps(sorted(
        {s.table for s in SOURCES if s.table is not None and cache.has_rows(s.table)})))
    cache.set_state(_GENERATION_KEY, str(generation))
    cache.set_state(_ACTIVE_KEY, str(generation))
    return generation


class _Listing:
    """One source's checkpoint as its segments advance, and its page queued last for the
    cache, guarded by its own lock."""

    def __init__(self, source: Source, checkpoint: Checkpoint) -> None:
        self.source = source
        self.checkpoint = checkpoint
        self.queued: QueuedPage | None = None
        self.lock = threading.Lock()


def split_segment(segment: Segment, created: list[int], after: str) -> list[Segment]:
    """How to share out the rest of `segment` after a full page whose objects were created
    at `created` (in list order), listed up to `after`: the segment's narrowed self first
    (it lists on from `after`), then new segments for other threads; [] keeps it whole.

    Stripe lists newest first, so the rest is older than the page: the segment keeps the
    next `PAGES_AHEAD` pages' worth of time (judged by the page's span) and hands out
    `FAN_OUT` - 1 windows as wide below it, the last one open-ended; that one splits the
    same way on its first page, so a long history spreads over more threads as it is
    found. A list not in `created` order (a non-Stripe server) is cut once into `WINDOWS`
    equal windows across the page's range instead. Windows partition `created`, and an
    object listed twice is stored once, so the cache ends the same whatever the split.
    """
    if segment.gte is not None:
        return []
    if created == sorted(created, reverse=True):
        width = max(1, created[0] - created[-1]) * PAGES_AHEAD
        bounds = [created[-1] - width * k for k in range(1, FAN_OUT + 1)]
    elif segment.lt is None:
        step = max(1, (max(created) - min(created)) // WINDOWS)
        bounds = [max(created) + 1 - step * k for k in range(1, WINDOWS)]
    else:
        return []
    windows = [Segment(low, high) for high, low in itertools.pairwise(bounds)]
    return [Segment(bounds[0], segment.lt, after), *windows, Segment(None, bounds[-1])]


PAGES_AHEAD = 8
FAN_OUT = 3
WINDOWS = 6


class _Run:
    """One backfill call: a thread per segment being listed (see `split_segment`), all
    sharing the gateway and its rate limiter."""

    def __init__(self, gateway: Gateway, cache: Cache, generation: int,
                 progress: Callable[[BackfillProgress], None] | None,
                 cancel: threading.Event, workers: PageWorkers) -> None:
        self.gateway = gateway
        self.workers = workers
        # Pages are prepared in this process until a list turns out to have more than one.
        self.several_pages = False
        self.cache = cache
        self.generation = generation
        self.progress = progress
        self.cancel = cancel
        self.stop = threading.Event()
        self.lock = threading.Condition()
        self.running = 0
        self.errors: list[BaseException] = []
        self.stored: dict[str, int] = {}
        self.related = 0
        self.listings = {s.name: _Listing(s, cache.checkpoint(s.name)) for s in SOURCES}
        self.finished = {name for name, li in self.listings.items() if li.checkpoint.done}
        self.expected = {s.name: cache.count(s.table) if s.table else 0 for s in SOURCES}
        self.pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="backfill")
        for listing in self.listings.values():
            for segment in listing.checkpoint.segments:
                if not segment.done:
                    self._start(listing, segment)

    def wait(self) -> None:
        """Block until every segment has finished or stopped; re-raise the first error."""
        with self.lock:
            self.lock.wait_for(lambda: self.running == 0)
        self.pool.shutdown()
        if self.errors:
            raise self.errors[0]

    def _start(self, listing: _Listing, segment: Segment) -> None:
        with self.lock:
            self.running += 1
        self.pool.submit(self._segment, listing, segment)

    def _segment(self, listing: _Listing, segment: Segment) -> None:
        try:
            self._list(listing, segment)
        except BaseException as error:
            self.stop.set()
            with self.lock:
                self.errors.append(error)
        finally:
            with self.lock:
                self.running -= 1
                self.lock.notify_all()

    def _list(self, listing: _Listing, segment: Segment) -> None:
        narrowed: Segment | None = segment
        while narrowed is not None:
            narrowed = self._list_until_split(listing, narrowed)

    def _list_until_split(self, listing: _Listing, segment: Segment) -> Segment | None:
        """List `segment` page by page. Returns None when it is finished or the run stops,
        or the segment narrowed by a split, to be listed on with its new bounds."""
        source = listing.source
        params: dict[str, Any] = dict(source.params)
        created = {k: v for k, v in (("gte", segment.gte), ("lt", segment.lt)) if v is not None}
        if created:
            params["created"] = created
        if segment.after is not None:
            params["starting_after"] = segment.after
        operation, path, query = list_request(source.resource, params)
        while True:
            body = self.gateway.read_body(operation, path, query)
            page = self.workers.prepare(body, source.expanded, self.generation,
                                        self.cache.dictionaries, here=not self.several_pages)
            del body
            if page.has_more:
                self.several_pages = True
            after, split = self._save(listing, segment, page)
            if not page.has_more:
                return None
            if self.cancel.is_set() or self.stop.is_set():
                self.stop.set()
                return None
            if split:
                return after
            segment = after
            query = {**query, "starting_after": page.last_id}

    def _save(self, listing: _Listing, segment: Segment,
              page: PreparedPage) -> tuple[Segment, bool]:
        """Store a page with the source's new checkpoint; returns the segment as it now
        stands and whether it was split (a new segment then takes the older objects)."""
        done = not page.has_more
        after = Segment(segment.gte, segment.lt, page.last_id or segment.after, done)
        created = page.created
        spawned: list[Segment] = []
        # Payment links carry no `created`, so they cannot be split by it.
        if not done and None not in created:
            split = split_segment(segment, cast(list[int], created), after.after or "")
            if split:
                after, spawned = split[0], split[1:]
        with listing.lock:
            old = listing.checkpoint
            segments = [after if s == segment else s for s in old.segments] + spawned
            newest = old.newest if old.newest is not None or not created else created[0]
            listing.checkpoint = Checkpoint(tuple(segments), old.count + page.listed, newest)
            # Queued in checkpoint order under the lock, written outside it: the source's
            # other segments queue their pages meanwhile and are committed with this one.
            queued = listing.queued = self.cache.queue_page(
                listing.source.name, page.rows, listing.checkpoint, after=listing.queued)
            complete = listing.checkpoint.done
        self.cache.write_queued(queued)
        name = listing.source.name
        with self.lock:
            self.stored[name] = self.stored.get(name, 0) + page.listed
            self.related += page.related
            if complete:
                self.finished.add(name)
            report = BackfillProgress(
                name, {n: li.checkpoint.count for n, li in self.listings.items()},
                frozenset(self.finished), self._estimate())
        for new in spawned:
            self._start(listing, new)
        if self.progress is not None:
            self.progress(report)
        return after, bool(spawned)

    def _estimate(self) -> int | None:
        if not any(self.expected.values()):
            return None
        return sum(max(self.expected[n] - li.checkpoint.count, 0)
                   for n, li in self.listings.items() if n not in self.finished)
