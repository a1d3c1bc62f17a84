"""The `sync` command's three modes as plain functions the CLI calls: sync once, keep
polling until stopped, and verify-and-repair. Each prints a short report to `out`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from posapp.gateway.client import Gateway
from posapp.store.cache import Cache
from posapp.store.schema import OBJECT_TYPES

from .backfill import BackfillProgress, backfill
from .notifications import Notification
from .poller import Poller
from .verify import VerifyReport, verify_and_repair


@dataclass(frozen=True)
class SyncReport:
    """What `run_sync_once` did: objects listed per type by the backfill (empty when the
    cache was already complete), events applied, rows now cached per type (not deleted),
    API requests made and seconds taken."""

    listed: dict[str, int]
    events_applied: int
    cached: dict[str, int]
    requests: int
    elapsed: float


def run_sync_once(gateway: Gateway, cache: Cache, *, out: TextIO | None = None,
                  progress: Callable[[BackfillProgress], None] | None = None,
                  notify: Callable[[Notification], None] | None = None) -> SyncReport:
    """Backfill (or finish an interrupted backfill), then apply every pending event.
    Raises GatewayError when Stripe cannot be read (the cache keeps what was stored)."""
    started = time.monotonic()
    requests_before = gateway.request_count
    listed = backfill(gateway, cache, progress=progress)
    polled = Poller(gateway, cache, notify=notify).poll_once()
    report = SyncReport(
        listed=dict(listed.counts), events_applied=polled.applied,
        cached={t: cache.count(t) for t in OBJECT_TYPES},
        requests=gateway.request_count - requests_before,
        elapsed=time.monotonic() - started)
    if out is not None:
        width = max(len(t) for t in OBJECT_TYPES)
        out.write(f"{'type':<{width}}  {'cached':>8}  {'listed':>8}\n")
        for table in OBJECT_TYPES:
            out.write(f"{table:<{width}}  {report.cached[table]:>8}  "
                      f"{report.listed.get(table, 0):>8}\n")
        out.write(f"events applied: {report.events_applied}\n"
                  f"API requests: {report.requests} (at most {gateway.rate_per_second:g}/s)\n"
                  f"time: {report.elapsed:.1f} s\n")
    return report


def run_forever(gateway: Gateway, cache: Cache, stop_event: threading.Event, *,
                out: TextIO | None = None,
                notify: Callable[[Notification], None] | None = None,
                active_interval: float = 2.0, idle_interval: float = 30.0) -> None:
    """Backfill if needed, then poll until `stop_event` is set (Ctrl-C in the CLI sets it);
    returns within one page or one poll of the stop. Errors are retried with backoff and
    reported through `notify` (and `out`)."""

    def report(notification: Notification) -> None:
        if out is not None:
            out.write(f"{notification}\n")
            out.flush()
        if notify is not None:
            notify(notification)

    def changed(tables: frozenset[str]) -> None:
        if out is not None:
            out.write(f"updated: {', '.join(sorted(tables))}\n")
            out.flush()

    Poller(gateway, cache, notify=report, on_change=changed, active_interval=active_interval,
           idle_interval=idle_interval).run(stop_event)


def run_verify(gateway: Gateway, cache: Cache, *, out: TextIO | None = None,
               repair: bool = True) -> VerifyReport:
    """Bring the cache up to date, then compare it with Stripe and repair differences."""
    run_sync_once(gateway, cache)
    report = verify_and_repair(gateway, cache, repair=repair)
    if out is not None:
        for table, count in report.checked.items():
            out.write(f"{table}: {count} checked\n")
        for difference in report.differences:
            fields = f" ({', '.join(difference.fields)})" if difference.fields else ""
            out.write(f"{difference.mismatch}: {difference.table} {difference.id}{fields}\n")
        verdict = "repaired" if report.repaired else "found"
        out.write(f"{len(report.differences)} differences {verdict}; "
                  f"API requests: {report.requests}; time: {report.elapsed:.1f} s\n")
    return report
