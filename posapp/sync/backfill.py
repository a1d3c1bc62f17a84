"""Resumable backfill: list every cached type into the cache, 100 objects per request.

Before listing, the newest event id becomes the events cursor, so the poller later applies
everything that happened during and after the backfill: no gap between the two. Each page
is stored with its checkpoint in one transaction; an interrupted backfill resumes each
type after its last stored page and does not list finished types again. All types are
listed at once, long ones cut into `created` segments on threads of their own
(`split_segment`), and the gateway's rate limiter keeps the total under Stripe's rate
limit. Each page is parsed and encoded in a worker process (`workers.PageWorkers`) once a
list is found to have more than one page; the app's process fetches pages and one writer
thread writes them, those queued in the last half second in one transaction.
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

# The writer's transactions. A page's rows land at random places in most indexes of their
# table, so a transaction rewrites index pages in proportion to the indexes' size rather
# than to its rows: 6.3 -> 4.1 ms of CPU for a page's SQL with 4 -> 100 pages a transaction
# (bench:100000's 782 pages written again). A crash loses at most GATHER seconds of pages.
GATHER = 0.5
GROUP_PAGES = 100


@dataclass(frozen=True)
class _Writing:
    """A page queued for the cache, and what it adds to the run's counts once written."""

    listing: _Listing
    page: QueuedPage
    listed: int
    related: int
    # The source's objects listed up to this page, and whether it finished the source.
    count: int
    complete: bool


def _list_request(source: Source, segment: Segment) -> tuple[str, str, dict[str, Any]]:
    """The operation, path and query of the list call for `segment`'s next page."""
    params: dict[str, Any] = dict(source.params)
    created = {k: v for k, v in (("gte", segment.gte), ("lt", segment.lt)) if v is not None}
    if created:
        params["created"] = created
    if segment.after is not None:
        params["starting_after"] = segment.after
    return list_request(source.resource, params)


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
        # Objects stored per source (counted from the pages written).
        self.done = {name: li.checkpoint.count for name, li in self.listings.items()}
        self.expected = {s.name: cache.count(s.table) if s.table else 0 for s in SOURCES}
        self.pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="backfill")
        # Pages queued for the cache, in each source's checkpoint order, not yet written.
        self.pending: list[_Writing] = []
        for listing in self.listings.values():
            for segment in listing.checkpoint.segments:
                if not segment.done:
                    self._start(listing, segment)
        self.writer = threading.Thread(target=self._write_pages, name="backfill-writer")
        self.writer.start()

    def wait(self) -> None:
        """Block until every segment has finished or stopped and its pages are written;
        re-raise the first error."""
        self.writer.join()
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
            self._fail(error)
        finally:
            with self.lock:
                self.running -= 1
                self.lock.notify_all()

    def _list(self, listing: _Listing, segment: Segment) -> None:
        """List `segment` page by page until it is finished or the run stops, handing each
        page to the run's writer. A split narrows the segment, which lists on with its new
        bounds."""
        source = listing.source
        operation, path, query = _list_request(source, segment)
        while True:
            body = self.gateway.read_body(operation, path, query)
            page = self.workers.prepare(body, source.expanded, self.generation,
                                        self.cache.dictionaries, here=not self.several_pages)
            del body
            if page.has_more:
                self.several_pages = True
            segment, split = self._queue(listing, segment, page)
            if not page.has_more:
                return
            if self.cancel.is_set() or self.stop.is_set():
                self.stop.set()
                return
            if split:
                operation, path, query = _list_request(source, segment)
            else:
                query = {**query, "starting_after": page.last_id}

    def _queue(self, listing: _Listing, segment: Segment,
               page: PreparedPage) -> tuple[Segment, bool]:
        """Queue a page for the writer with the source's new checkpoint; returns the
        segment as it now stands and whether it was split (new segments then take the
        older objects)."""
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
            checkpoint = listing.checkpoint = Checkpoint(
                tuple(segments), old.count + page.listed, newest)
            # Queued in checkpoint order, under the source's lock.
            queued = listing.queued = self.cache.queue_page(
                listing.source.name, page.rows, checkpoint, after=listing.queued)
            with self.lock:
                self.lock.wait_for(lambda: len(self.pending) < 2 * GROUP_PAGES)
                self.pending.append(_Writing(listing, queued, page.listed, page.related,
                                             checkpoint.count, checkpoint.done))
                if len(self.pending) >= GROUP_PAGES:
                    self.lock.notify_all()
        for new in spawned:
            self._start(listing, new)
        return after, bool(spawned)

    def _write_pages(self) -> None:
        """The run's writer: writes the queued pages in one transaction every `GATHER`
        seconds (or `GROUP_PAGES` pages), until no segment is listing and every page is
        written, counting each page written and reporting progress."""
        while True:
            with self.lock:
                self.lock.wait_for(lambda: bool(self.pending) or self.running == 0)
                if not self.pending:
                    return
                self.lock.wait_for(
                    lambda: self.running == 0 or len(self.pending) >= GROUP_PAGES, GATHER)
                group, self.pending = self.pending, []
                self.lock.notify_all()
            for writing in group:
                self._written(writing)

    def _written(self, writing: _Writing) -> None:
        """Write a queued page (or learn that it was written), then count it and report
        progress. A page that cannot be written, or a progress callback that raises,
        stops the run."""
        name = writing.listing.source.name
        try:
            self.cache.write_queued(writing.page)
            with self.lock:
                self.stored[name] = self.stored.get(name, 0) + writing.listed
                self.related += writing.related
                # The writer takes a source's pages in the order they were queued.
                self.done[name] = writing.count
                if writing.complete:
                    self.finished.add(name)
                report = BackfillProgress(name, dict(self.done), frozenset(self.finished),
                                          self._estimate())
            if self.progress is not None:
                self.progress(report)
        except BaseException as error:
            self._fail(error)

    def _fail(self, error: BaseException) -> None:
        """Stop the run with `error` (once: the pages of a failed transaction share it)."""
        self.stop.set()
        with self.lock:
            if not any(e is error for e in self.errors):
                self.errors.append(error)

    def _estimate(self) -> int | None:
        if not any(self.expected.values()):
            return None
        return sum(max(self.expected[n] - self.done[n], 0)
                   for n in self.listings if n not in self.finished)
