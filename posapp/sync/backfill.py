"""Resumable backfill: list every cached type into the cache, 100 objects per request.

Before listing, the newest event id becomes the events cursor, so the poller later applies
everything that happened during and after the backfill: no gap between the two. Each page
is stored with its checkpoint in one transaction; an interrupted backfill resumes each
type after its last stored page and does not list finished types again. All types are
listed at once, one thread each, and the gateway's token bucket keeps the total under
Stripe's rate limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from posapp.gateway.client import Gateway
from posapp.gateway.paging import PAGE_SIZE, iter_all
from posapp.store.cache import Cache, Checkpoint

from .sources import SOURCES, Source, split_expanded

_GENERATION_KEY = "sync.generation"
_COMPLETE_KEY = "sync.complete"
_ACTIVE_KEY = "backfill.active"


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

    @property
    def objects(self) -> int:
        """Objects stored, expanded ones included."""
        return sum(self.counts.values()) + self.related


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
             cancel: threading.Event | None = None) -> BackfillResult:
    """List every cached type into the cache, resuming an interrupted backfill; does
    nothing once a backfill has completed (see `start_full_resync`).

    Stops after the current pages when `cancel` is set (`complete` is then False; call
    again to resume). A `GatewayError` from any list stops the others and is raised once
    their pages are stored.
    """
    started = time.monotonic()
    requests_before = gateway.request_count
    if is_complete(cache):
        return BackfillResult({}, tuple(s.name for s in SOURCES), 0, 0.0, complete=True)
    generation = _begin(gateway, cache)
    run = _Run(gateway, cache, generation, progress, cancel or threading.Event())
    pending = [s for s in SOURCES if not cache.checkpoint(s.name).done]
    with ThreadPoolExecutor(max_workers=max(1, len(pending)),
                            thread_name_prefix="backfill") as pool:
        futures = [pool.submit(run.list_type, source) for source in pending]
    for future in futures:
        future.result()
    complete = not run.stop.is_set()
    swept: dict[str, int] = {}
    if complete:
        for source in SOURCES:
            newest = cache.checkpoint(source.name).newest
            if source.table is not None and source.exhaustive and newest is not None:
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
    cache.set_state(_GENERATION_KEY, str(generation))
    cache.set_state(_ACTIVE_KEY, str(generation))
    return generation


class _Run:
    """Shared state of one backfill call across its threads."""

    def __init__(self, gateway: Gateway, cache: Cache, generation: int,
                 progress: Callable[[BackfillProgress], None] | None,
                 cancel: threading.Event) -> None:
        self.gateway = gateway
        self.cache = cache
        self.generation = generation
        self.progress = progress
        self.cancel = cancel
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.stored: dict[str, int] = {}
        self.related = 0
        self.done = {s.name: cache.checkpoint(s.name).count for s in SOURCES}
        self.finished = {s.name for s in SOURCES if cache.checkpoint(s.name).done}
        self.expected = {s.name: cache.count(s.table) if s.table else 0 for s in SOURCES}

    def list_type(self, source: Source) -> None:
        try:
            self._list(source)
        except BaseException:
            self.stop.set()
            raise

    def _list(self, source: Source) -> None:
        checkpoint = self.cache.checkpoint(source.name)
        params: dict[str, Any] = dict(source.params)
        if checkpoint.after is not None:
            params["starting_after"] = checkpoint.after
        page: list[dict[str, Any]] = []
        related: list[dict[str, Any]] = []
        for obj in iter_all(self.gateway, source.resource, params):
            own, found = split_expanded(obj, source.expanded)
            page.append(own)
            related.extend(found)
            if len(page) == PAGE_SIZE:
                checkpoint = self._save(source, page, related, checkpoint, done=False)
                page, related = [], []
                if self.cancel.is_set() or self.stop.is_set():
                    self.stop.set()
                    return
        self._save(source, page, related, checkpoint, done=True)

    def _save(self, source: Source, page: list[dict[str, Any]], related: list[dict[str, Any]],
              checkpoint: Checkpoint, done: bool) -> Checkpoint:
        newest = checkpoint.newest
        if newest is None and page:
            newest = page[0].get("created")
        after = page[-1]["id"] if page else checkpoint.after
        checkpoint = Checkpoint(after=after, count=checkpoint.count + len(page), done=done,
                                newest=newest)
        self.cache.save_backfill_page(source.name, page, checkpoint, self.generation,
                                      related=related)
        with self.lock:
            self.stored[source.name] = self.stored.get(source.name, 0) + len(page)
            self.related += len(related)
            self.done[source.name] = checkpoint.count
            if done:
                self.finished.add(source.name)
            report = BackfillProgress(source.name, dict(self.done), frozenset(self.finished),
                                      self._estimate())
        if self.progress is not None:
            self.progress(report)
        return checkpoint

    def _estimate(self) -> int | None:
        if not any(self.expected.values()):
            return None
        return sum(max(self.expected[t] - self.done[t], 0)
                   for t in self.expected if t not in self.finished)
