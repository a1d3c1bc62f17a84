"""Sync and search benchmark (see docs/performance.md).

1. Backfill: starts `python -m posapp.sandbox --seed bench:N --latency-ms 250 --rate-limit R`
   (R = 25, test mode, or 100, live mode: `--rate-limit`) and backfills it into a fresh
   cache through the gateway limited to R. Prints the seeding time, requests per 100
   (distinct, stored) objects, objects per second, elapsed time over the floor the rate
   limit sets (requests / R per second), the answers 429 (a limiter that lets more than R
   requests into some second causes those), the CPU the backfill used, and the cache's
   size per object with where the bytes are (objects' JSON and columns, indexes, full-text
   index).
2. Event apply: applies synthetic events through the poller's apply path into the cache.
3. Search: fills a cache with 200,000 searchable rows and times mixed queries.

The machine's load average is printed before and after: on a shared machine the figures
are only comparable with the load beside them.

Usage: .venv/bin/python benchmarks/bench_sync.py [--objects 30000] [--search-rows 200000]
       [--rate-limit 100] [--backfill-only] [--page-workers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from posapp.gateway.client import API_VERSION, Gateway
from posapp.store.cache import Cache
from posapp.store.journal import Journal
from posapp.store.schema import OBJECT_TYPES
from posapp.sync.backfill import backfill
from posapp.sync.poller import apply_event
from posapp.sync.workers import DEFAULT_PROCESSES, PageWorkers

KEY = "sk_test_bench"


def start_sandbox(objects: int, latency_ms: int,
                  rate_limit: int) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "posapp.sandbox", "--port", "0", "--seed", f"bench:{objects}",
         "--latency-ms", str(latency_ms), "--rate-limit", str(rate_limit), "--api-key", KEY],
        stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url.startswith("http"):
        process.kill()
        raise SystemExit(f"sandbox did not start: {url!r}")
    return process, url


def bench_backfill(work: Path, objects: int, latency_ms: int, rate_limit: int,
                   page_workers: int) -> None:
    print(f"== backfill: sandbox bench:{objects}, latency {latency_ms} ms, "
          f"rate limit {rate_limit}/s, {page_workers} page worker processes")
    started = time.monotonic()
    process, url = start_sandbox(objects, latency_ms, rate_limit)
    print(f"sandbox seeded and listening in {time.monotonic() - started:.1f} s")
    try:
        gateway = Gateway(KEY, journal=Journal(work / "journal.db"), api_base=url,
                          rate_per_second=rate_limit)
        rejected: list[int] = []
        gateway.add_request_hook(lambda r: rejected.append(1) if r.status == 429 else None)
        sandbox_cpu = process_cpu(process.pid)
        cpu = time.process_time()
        reaped = reaped_cpu()
        workers = PageWorkers(page_workers)
        with Cache(work / "backfill.db") as cache:
            result = backfill(gateway, cache, workers=workers)
            workers.close()
            cpu = time.process_time() - cpu
            # Page workers that have ended were reaped; any still running are read live.
            workers_cpu = reaped_cpu() - reaped + sum(
                process_cpu(pid) for pid in children() if pid != process.pid)
            sandbox_cpu = process_cpu(process.pid) - sandbox_cpu
            stored = {t: n for t in OBJECT_TYPES if (n := cache.count(t))}
    finally:
        process.terminate()
        process.wait()
    total = sum(stored.values())
    floor = result.requests / rate_limit
    print(f"distinct objects stored: {total} "
          f"({', '.join(f'{t} {n}' for t, n in stored.items())})")
    print(f"requests: {result.requests} (429 answers: {len(rejected)})")
    print(f"requests per 100 objects: {100 * result.requests / total:.3f}  (target <= 1.05)")
    print(f"elapsed: {result.elapsed:.1f} s; objects/s: {total / result.elapsed:.0f}; "
          f"client CPU {cpu:.1f} s in the syncing process, {workers_cpu:.1f} s in its page "
          f"workers; sandbox CPU {sandbox_cpu:.1f} s")
    per_request = 1000 / result.requests
    print(f"CPU per request: client {cpu * per_request:.1f} ms + workers "
          f"{workers_cpu * per_request:.1f} ms, sandbox {sandbox_cpu * per_request:.1f} ms; "
          f"at {rate_limit}/s that is "
          f"{(cpu + workers_cpu + sandbox_cpu) * rate_limit / result.requests:.2f} "
          f"of {os.cpu_count()} CPUs")
    target = "1.3" if rate_limit >= 100 else "1.15"
    print(f"floor (requests / {rate_limit}/s): {floor:.1f} s; "
          f"elapsed / floor: {result.elapsed / floor:.2f}x  (target <= {target})")
    print_cache_size(work / "backfill.db", total)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the syncing process: {peak:.0f} MiB")


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system) a running process and its ended children have used,
    from /proc (page workers are children of the fork server that starts them)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def reaped_cpu() -> float:
    """CPU seconds used by this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def children() -> list[int]:
    """The running child processes of this one (the sandbox, page workers)."""
    found: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found += [int(pid) for pid in (task / "children").read_text().split()]
    return found


def print_cache_size(path: Path, objects: int) -> None:
    """The cache file's bytes per object, and which tables and indexes hold them."""
    conn = sqlite3.connect(path)
    parts: dict[str, int] = {}
    for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
        kind = ("full-text index" if "_fts" in name else
                "indexes" if name.startswith(("idx_", "sqlite_autoindex")) else
                "objects (JSON and columns)")
        parts[kind] = parts.get(kind, 0) + size
    conn.close()
    size = path.stat().st_size
    print(f"cache: {size / 2**20:.1f} MiB, {size / objects / 1024:.2f} KB per object "
          f"(target <= 1.5 KB); " + ", ".join(
              f"{kind} {100 * part / size:.0f}%" for kind, part in
              sorted(parts.items(), key=lambda kv: -kv[1])))


def synthetic_events(count: int) -> list[dict[str, Any]]:
    events = []
    for n in range(count):
        customer = {"id": f"cus_{n % 5000:08d}", "object": "customer",
                    "created": 1_700_000_000 + n % 5000, "name": f"Customer {n}",
                    "email": f"c{n}@example.com"}
        intent = {"id": f"pi_{n:010d}", "object": "payment_intent", "created": 1_700_000_000 + n,
                  "amount": 100 + n, "amount_received": 100 + n, "currency": "usd",
                  "status": "succeeded", "customer": customer["id"]}
        obj, etype = (customer, "customer.updated") if n % 2 else (
            intent, "payment_intent.succeeded")
        events.append({"id": f"evt_{n:012d}", "object": "event", "type": etype,
                       "api_version": API_VERSION, "created": 1_700_000_000 + n // 10,
                       "data": {"object": obj}})
    return events


def bench_events(work: Path, count: int) -> None:
    print(f"== event apply: {count} events (half payments, half customer updates)")
    events = synthetic_events(count)
    gateway = Gateway(KEY, journal=Journal(work / "journal-events.db"),
                      api_base="http://127.0.0.1:9")
    heard: list[object] = []
    with Cache(work / "events.db") as cache:
        started = time.perf_counter()
        for event in events:
            apply_event(gateway, cache, event, heard.append)
        elapsed = time.perf_counter() - started
        again = time.perf_counter()
        for event in events[: count // 10]:
            apply_event(gateway, cache, event, heard.append)
        duplicate_elapsed = time.perf_counter() - again
    print(f"applied: {count / elapsed:.0f} events/s ({elapsed:.1f} s), "
          f"notifications: {len(heard)}, HTTP requests: {gateway.request_count}")
    print(f"duplicates skipped: {count // 10 / duplicate_elapsed:.0f} events/s")


GIVEN = ["Wang", "Li", "Zhang", "Maria", "José", "Anna", "Jo", "Ahmed", "Yuki", "Olga",
         "小明", "美玲", "建国", "Chloé", "Søren", "Priya", "Kwame", "Lars", "Aiko", "Mateo"]
FAMILY = ["王", "李", "张", "García", "Müller", "O'Brien", "Nakamura", "Ivanova", "Okafor",
          "Schmidt", "陈", "刘", "Rossi", "Dubois", "Kowalski", "Haddad", "Silva", "Kim"]
WORDS = ["espresso", "beans", "subscription", "catering", "refill", "gift card", "latte",
         "wholesale", "table 12", "delivery", "grinder", "pastry box"]


def fill_search_cache(cache: Cache, rows: int, rng: random.Random) -> None:
    per_table = rows // 4
    for start in range(0, per_table, 5000):
        batch = range(start, min(start + 5000, per_table))
        people = [(f"{rng.choice(FAMILY)}{rng.choice(GIVEN)}", n) for n in batch]
        cache.upsert("customers", [
            {"id": f"cus_{n:010d}", "object": "customer", "created": 1_600_000_000 + n * 60,
             "name": name, "email": f"user{n}@{rng.choice(['example.com', 'mail.cn'])}",
             "phone": f"+1555{n:07d}", "description": rng.choice(WORDS)}
            for name, n in people])
        cache.upsert("invoices", [
            {"id": f"in_{n:010d}", "object": "invoice", "created": 1_600_000_000 + n * 60,
             "number": f"INV{n // 100:05d}-{n % 100:04d}", "customer": f"cus_{n:010d}",
             "customer_name": name, "customer_email": f"user{n}@example.com",
             "status": rng.choice(["paid", "open", "void"]), "total": n % 10000,
             "currency": "usd"} for name, n in people])
        cache.upsert("charges", [
            {"id": f"ch_{n:010d}", "object": "charge", "created": 1_600_000_000 + n * 60,
             "description": rng.choice(WORDS), "amount": n % 10000, "currency": "usd",
             "status": "succeeded", "billing_details": {"name": name,
                                                        "email": f"user{n}@example.com"},
             "payment_method_details": {"card": {"brand": "visa", "last4": f"{n % 10000:04d}"}}}
            for name, n in people])
        cache.upsert("payment_intents", [
            {"id": f"pi_{n:010d}", "object": "payment_intent", "created": 1_600_000_000 + n * 60,
             "description": rng.choice(WORDS), "amount": n % 10000, "currency": "usd",
             "status": "succeeded", "receipt_email": f"user{n}@example.com"}
            for _name, n in people])


def bench_search(work: Path, rows: int, queries: int) -> None:
    print(f"== search: {queries} queries over {rows} cached rows")
    rng = random.Random(7)
    with Cache(work / "search.db") as cache:
        started = time.monotonic()
        fill_search_cache(cache, rows, rng)
        print(f"filled in {time.monotonic() - started:.1f} s")
        pool = ([rng.choice(FAMILY) + rng.choice(GIVEN)[:2] for _ in range(40)]
                + [rng.choice(GIVEN) for _ in range(30)] + ["小明", "王", "li", "jo", "a"]
                + [f"user{rng.randrange(rows // 4)}@" for _ in range(30)]
                + [f"INV{rng.randrange(500):05d}" for _ in range(20)]
                + [f"cus_{rng.randrange(rows // 4):010d}"[:9] for _ in range(20)]
                + [f"{rng.randrange(10000):04d}" for _ in range(20)]
                + [rng.choice(WORDS) for _ in range(20)]
                + ['"unbalanced', "NEAR(a b", "o'brien AND", "(((", "*"])
        timings = []
        for n in range(queries):
            text = pool[n % len(pool)]
            t0 = time.perf_counter()
            cache.search(text)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search latency: median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, "
          f"max {timings[-1]:.2f} ms  (target p95 < 20 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=30000)
    parser.add_argument("--latency-ms", type=int, default=250)
    parser.add_argument("--rate-limit", type=int, default=25,
                        help="requests per second: 25 (test mode) or 100 (live mode)")
    parser.add_argument("--page-workers", type=int, default=DEFAULT_PROCESSES,
                        help="worker processes preparing pages (0: in the syncing process)")
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--search-rows", type=int, default=200000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--skip-backfill", action="store_true")
    parser.add_argument("--backfill-only", action="store_true",
                        help="skip the event apply and search parts")
    args = parser.parse_args()
    print_load("before")
    with tempfile.TemporaryDirectory(prefix="posapp-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_backfill:
            bench_backfill(work, args.objects, args.latency_ms, args.rate_limit,
                           args.page_workers)
        if not args.backfill_only:
            bench_events(work, args.events)
            bench_search(work, args.search_rows, args.queries)
    print_load("after")


def print_load(when: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"load average {when}: {one:.2f}, {five:.2f}, {fifteen:.2f} "
          f"on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
