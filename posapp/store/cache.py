"""The offline cache: one SQLite file per profile mirroring the merchant's Stripe objects.

Writers are the sync engine and the services (results of the app's own calls); readers are
the views. Writes share one connection behind a lock (each transaction is short: a page of
100 objects, one event); reads share a second, read-only connection behind a lock of its
own, so a view never waits for a backfill's page to be written (WAL lets a reader see the
last commit while a writer works). WAL keeps the file consistent if the app dies.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

import sqlite_utils

from . import aggregates, search
from .client_secrets import MARKER, without_client_secrets
from .codec import Codec, deflate, dumps
from .files import move_aside
from .filters import AmountRange, CardLast4
from .schema import MIGRATIONS, TABLE_FOR_OBJECT, TABLES, is_deletion

log = logging.getLogger(__name__)
MARKER_BYTES = MARKER.encode()

SCHEMA_VERSION = len(MIGRATIONS)

FilterValue = str | int | None | Sequence[str | int] | AmountRange | CardLast4
"""A column's value, one of several values, or a `filters` condition (the key is then
only its name)."""

_CURSOR_KEY = "events.cursor"
_LAST_SUCCESS_KEY = "sync.last_success"
_BACKFILL_PREFIX = "backfill."


@dataclass(frozen=True, order=True)
class Cursor:
    """A keyset position: rows are ordered newest first by `(created, id)`."""

    created: int
    id: str


@dataclass(frozen=True)
class Page:
    """One page of objects, newest first, with the cursors to move either way."""

    rows: list[dict[str, Any]]
    newest: Cursor | None
    oldest: Cursor | None
    has_newer: bool
    has_older: bool


@dataclass(frozen=True)
class Segment:
    """A slice of one listing: objects created in `[gte, lt)` (None: unbounded), listed up
    to the object `after` (the next page's `starting_after`), and whether it is finished."""

    gte: int | None = None
    lt: int | None = None
    after: str | None = None
    done: bool = False


@dataclass(frozen=True)
class Checkpoint:
    """Where the backfill of one listed source stands: its segments (listed in parallel),
    how many objects it has stored, and the `created` of the newest object it listed."""

    segments: tuple[Segment, ...] = (Segment(),)
    count: int = 0
    newest: int | None = None

    @property
    def done(self) -> bool:
        """Whether every segment has been listed to its end."""
        return all(segment.done for segment in self.segments)


class Cache:
    """The cache file for one profile. Opening checks its integrity and migrates it; a damaged
    file is moved aside and an empty cache created, with `notice` telling the user why."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.notice: str | None = None
        self.damaged_copy: Path | None = None
        self._lock = threading.RLock()
        self._read_lock = threading.RLock()
        self._recording = threading.local()
        self._queue: list[QueuedPage] = []
        self._queue_lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = self._open_checked()
        except sqlite3.DatabaseError as exc:
            log.warning("cache %s is damaged (%s); rebuilding", self.path, exc)
            self.damaged_copy = move_aside(self.path)
            self.notice = ("The offline cache was damaged and has been rebuilt; "
                           "it will refill from Stripe on the next sync.")
            self._conn = self._open_checked()
        self._reader = sqlite3.connect(self.path, check_same_thread=False,
                                       isolation_level=None)
        self._reader.execute("PRAGMA query_only = 1")
        self._codec = Codec(self._reading, self._transaction)

    def _open_checked(self) -> sqlite3.Connection:
        # A cache closed cleanly leaves no WAL file behind; one left by a crash (or open in
        # another process) is read in full by `quick_check`. A clean one is only read as far
        # as its schema, so opening does not take longer as the cache grows.
        crashed = Path(f"{self.path}-wal").exists()
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            if crashed:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {result[0] if result else '?'}")
            else:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            # Each multi-row upsert keeps a statement journal (its DO UPDATE of NOT NULL
            # columns may abort midway); in memory, not written to a temp file page by page.
            conn.execute("PRAGMA temp_store=MEMORY")
            _migrate(conn)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        """Close the file (checkpointing the WAL)."""
        with self._read_lock:
            self._reader.close()
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._read_lock:
            yield self._reader

    @property
    def schema_version(self) -> int:
        """The schema version the file is at."""
        with self._reading() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # --- writes -------------------------------------------------------------------------

    @contextlib.contextmanager
    def recording_changes(self) -> Iterator[set[str]]:
        """Collect the tables this thread writes objects to (`upsert`, `mark_deleted`) inside
        the block: what a service call changed, for the lists showing those tables."""
        outer: set[str] | None = getattr(self._recording, "tables", None)
        tables: set[str] = set()
        self._recording.tables = tables
        try:
            yield tables
        finally:
            self._recording.tables = outer
            if outer is not None:
                outer |= tables

    def _changed(self, table: str) -> None:
        tables: set[str] | None = getattr(self._recording, "tables", None)
        if tables is not None:
            tables.add(table)

    def upsert(self, table: str, objects: Iterable[Mapping[str, Any]]) -> int:
        """Insert or update objects of one type; returns how many were written."""
        self._changed(table)
        batch = self._prepare(table, objects, generation=0)
        with self._transaction() as conn:
            return _write(conn, batch)

    def upsert_object(self, obj: Mapping[str, Any]) -> str | None:
        """Store one object in the table its `object` field names (a service's result).
        Returns the table, or None when the type is not cached."""
        table = TABLE_FOR_OBJECT.get(str(obj.get("object")))
        if table is not None:
            self.upsert(table, [obj])
        return table

    def _prepare(self, table: str, objects: Iterable[Mapping[str, Any]],
                 generation: int) -> _Batch:
        """Encode objects of one type for `_write` (outside any transaction: see `Codec`)."""
        return _prepare(table, objects, generation, self._codec.encode, raw=False)

    def mark_deleted(self, table: str, ids: Iterable[str]) -> int:
        """Flag rows as deleted on Stripe; they stay readable by id but leave lists."""
        self._changed(table)
        with self._transaction() as conn:
            return _mark_deleted(conn, table, ids)

    def save_backfill_page(self, source: str, objects: Sequence[Mapping[str, Any]],
                           checkpoint: Checkpoint, generation: int,
                           related: Iterable[Mapping[str, Any]] = ()) -> None:
        """Store one page a backfill listed and the checkpoint of its `source` after it, in
        one transaction, so a resumed backfill neither skips nor repeats a page. `objects`
        are the listed objects, `related` the objects that came expanded inside them; each
        goes to the table its `object` field names (objects of uncached types are
        skipped)."""
        self.write_queued(self.queue_page(
            source, self.encode_page(objects, generation, related), checkpoint))

    def encode_page(self, objects: Iterable[Mapping[str, Any]], generation: int,
                    related: Iterable[Mapping[str, Any]] = ()) -> EncodedPage:
        """A backfill page's objects encoded for `queue_page`, without the lock: the
        caller may drop the objects while it waits for the lock (a page of rows holds a
        fraction of the objects the garbage collector would walk)."""
        return _encode_page(objects, generation, related, self._codec.encode, set())

    @property
    def dictionaries(self) -> Mapping[str, tuple[int, bytes]]:
        """The compression dictionary of each type that has one, for `encode_rows`."""
        return self._codec.dictionaries

    def queue_page(self, source: str, page: EncodedPage, checkpoint: Checkpoint,
                   after: QueuedPage | None = None) -> QueuedPage:
        """Queue a page (made by `encode_page` or `encode_rows`) and its source's checkpoint
        for `write_queued`, behind every page queued before it: checkpoints queued in order
        are written in that order. `after` is an earlier page whose progress `checkpoint`
        includes; if that page could not be written, neither is this one (its checkpoint
        would skip the lost page)."""
        for batch in page.batches:
            if batch.raw:
                # Types that had no dictionary when the page was encoded elsewhere.
                for row in batch.rows:
                    row["data"] = self._codec.encode(batch.table, row["data"])
                batch.raw = False
        queued = QueuedPage(source, page, checkpoint, after)
        with self._queue_lock:
            self._queue.append(queued)
        return queued

    def write_queued(self, mine: QueuedPage) -> None:
        """Write a queued page, unless another thread's transaction already has; raises
        what the transaction that took it raised."""
        # Group commit: whoever gets the write lock writes every page queued by then in one
        # transaction (one commit instead of several: 6.7 -> 4.7 ms of CPU a page with four
        # together).
        with self._lock:
            if not mine.written:
                with self._queue_lock:
                    group, self._queue = self._queue, []
                writable = []
                for queued in group:
                    # Pages are taken in queue order, so `after` was settled before this.
                    if queued.after is not None and queued.after.error is not None:
                        queued.error = queued.after.error
                    else:
                        writable.append(queued)
                    queued.after = None
                try:
                    with self._transaction() as conn:
                        for queued in writable:
                            queued.write(conn)
                except BaseException as error:
                    for queued in writable:
                        queued.error = error
                finally:
                    for queued in group:
                        queued.written = True
                        queued.page = None
        if mine.error is not None:
            raise mine.error

    def sweep_unlisted(self, table: str, generation: int, listed_before: int) -> int:
        """After a complete listing: flag rows the listing did not return as deleted (they
        were deleted on Stripe while no events were read). Rows created after
        `listed_before` (the newest listed object's `created`) are spared; a row of that same
        second stored by the app itself is swept but restored by its creation event."""
        _check_table(table)
        with self._transaction() as conn:
            cur = conn.execute(
                f"UPDATE [{table}] SET deleted = 1 WHERE deleted = 0 AND synced_gen < ? "  # noqa: S608
                "AND created <= ?", (generation, listed_before))
            return cur.rowcount

    def apply_event(self, event: Mapping[str, Any], obj: Mapping[str, Any] | None) -> bool:
        """Apply one Stripe event exactly once: the event row, the object's new state (or its
        deletion for `*.deleted`) and the events cursor in one transaction. `obj` is the
        object to store (the event's own, or a re-fetched one; None stores nothing); see
        `schema.is_deletion` for which events delete. Returns
        False, changing nothing, if the event was already applied."""
        row = _row("events", event, 0, self._codec.encode)
        table = TABLE_FOR_OBJECT.get(str(obj.get("object"))) if obj else None
        batch = None
        if obj is not None and table is not None and table != "events":
            batch = self._prepare(table, [{**obj, "deleted": True} if is_deletion(event)
                                          else obj], generation=0)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM events WHERE id = ?", (event["id"],)).fetchone():
                return False
            row["seq"] = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
            conn.execute(_insert_sql("events", list(row)), list(row.values()))
            if batch is not None:
                _write(conn, batch)
            _set_state(conn, _CURSOR_KEY, str(event["id"]))
        return True

    # --- sync state ---------------------------------------------------------------------

    def get_state(self, key: str) -> str | None:
        """A raw `sync_state` value."""
        with self._reading() as conn:
            row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

    def set_state(self, key: str, value: str | None) -> None:
        """Set a raw `sync_state` value; None removes it."""
        with self._transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
            else:
                _set_state(conn, key, value)

    @property
    def events_cursor(self) -> str | None:
        """The newest applied event id (the poller's `ending_before`)."""
        return self.get_state(_CURSOR_KEY)

    def set_events_cursor(self, event_id: str | None) -> None:
        """Move the events cursor; None clears it (nothing applied yet)."""
        self.set_state(_CURSOR_KEY, event_id)

    def checkpoint(self, source: str) -> Checkpoint:
        """The backfill checkpoint of one listed source (fresh if it never started)."""
        raw = self.get_state(_BACKFILL_PREFIX + source)
        if raw is None:
            return Checkpoint()
        data = json.loads(raw)
        return Checkpoint(segments=tuple(Segment(*s) for s in data["segments"]),
                          count=data["count"], newest=data["newest"])

    def reset_backfill(self) -> None:
        """Forget every backfill checkpoint and the events cursor: the next sync is full."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM sync_state WHERE key LIKE 'backfill.%' OR key = ?",
                         (_CURSOR_KEY,))

    @property
    def last_success(self) -> float | None:
        """When a sync last completed (Unix time), for the "last synced" label."""
        raw = self.get_state(_LAST_SUCCESS_KEY)
        return None if raw is None else float(raw)

    def mark_success(self, when: float | None = None) -> None:
        """Record a completed sync."""
        self.set_state(_LAST_SUCCESS_KEY, repr(time.time() if when is None else when))

    # --- reads --------------------------------------------------------------------------

    def get(self, table: str, object_id: str) -> dict[str, Any] | None:
        """One object by id, deleted ones included (then carrying `"deleted": True`)."""
        _check_table(table)
        with self._reading() as conn:
            row = conn.execute(f"SELECT data, deleted FROM [{table}] WHERE id = ?",  # noqa: S608
                               (object_id,)).fetchone()
        if row is None:
            return None
        obj: dict[str, Any] = self._codec.decode(row[0])
        if row[1]:
            obj["deleted"] = True
        return obj

    def page(self, table: str, *, filters: Mapping[str, FilterValue] | None = None,
             older_than: Cursor | None = None, newer_than: Cursor | None = None,
             since: int | None = None, until: int | None = None, limit: int = 50,
             include_deleted: bool = False) -> Page:
        """A keyset page, newest first. Pass `older_than=page.oldest` for the next page and
        `newer_than=page.newest` for the previous one. `filters` match extracted columns
        (a sequence means "one of"); `since`/`until` bound `created` (inclusive/exclusive)."""
        if older_than is not None and newer_than is not None:
            raise ValueError("page either older_than or newer_than a cursor, not both")
        where, params = _where(table, filters, since, until, include_deleted)
        going_newer = newer_than is not None
        if older_than is not None:
            where.append("(created, id) < (?, ?)")
            params += [older_than.created, older_than.id]
        if newer_than is not None:
            where.append("(created, id) > (?, ?)")
            params += [newer_than.created, newer_than.id]
        order = "ASC" if going_newer else "DESC"
        sql = (f"SELECT data, created, id, deleted FROM [{table}] WHERE {' AND '.join(where)} "  # noqa: S608
               f"ORDER BY created {order}, id {order} LIMIT ?")
        with self._reading() as conn:
            rows = conn.execute(sql, [*params, limit + 1]).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        if going_newer:
            rows.reverse()
        decode = self._codec.decode
        objects = [decode(r[0]) | ({"deleted": True} if r[3] else {}) for r in rows]
        return Page(
            rows=objects,
            newest=Cursor(rows[0][1], rows[0][2]) if rows else None,
            oldest=Cursor(rows[-1][1], rows[-1][2]) if rows else None,
            has_newer=more if going_newer else older_than is not None,
            has_older=newer_than is not None if going_newer else more,
        )

    def count(self, table: str, *, filters: Mapping[str, FilterValue] | None = None,
              since: int | None = None, until: int | None = None,
              include_deleted: bool = False) -> int:
        """How many rows match (same filters as `page`)."""
        where, params = _where(table, filters, since, until, include_deleted)
        with self._reading() as conn:
            return int(conn.execute(
                f"SELECT COUNT(*) FROM [{table}] WHERE {' AND '.join(where)}",  # noqa: S608
                params).fetchone()[0])

    def has_rows(self, table: str) -> bool:
        """Whether the table holds any row, deleted ones included (without counting them)."""
        _check_table(table)
        with self._reading() as conn:
            return conn.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() is not None  # noqa: S608

    def ids(self, table: str) -> dict[str, dict[str, Any]]:
        """Every live (not deleted) object of a type by id: what `verify` compares."""
        _check_table(table)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT id, data FROM [{table}] WHERE deleted = 0").fetchall()  # noqa: S608
        return {r[0]: self._codec.decode(r[1]) for r in rows}

    def search(self, text: str, *, tables: Sequence[str] | None = None, limit: int = 50,
               locale: str = "en_US", now: datetime | None = None,
               tz: tzinfo | None = None) -> list[search.SearchHit]:
        """Find objects by free text, id prefix, card last4, amount or (with `now`) date,
        ranked by kind (see `search.search`); never raises on odd input."""
        with self._reading() as conn:
            return search.search(conn, text, tables=tables, limit=limit, locale=locale,
                                 now=now, tz=tz, decode=self._codec.decode)

    def takings_per_day(self, *, since: int, until: int | None = None,
                        utc_offset: int = 0) -> list[aggregates.DailyTakings]:
        """Captured charges per local day and currency (see `aggregates`)."""
        with self._reading() as conn:
            return aggregates.takings_per_day(conn, since=since, until=until,
                                              utc_offset=utc_offset)

    def uncaptured(self) -> list[aggregates.Uncaptured]:
        """Authorisations held and not captured yet, per currency (see `aggregates`)."""
        with self._reading() as conn:
            return aggregates.uncaptured(conn)

    def refund_totals(self, *, since: int) -> list[aggregates.Total]:
        """Succeeded refunds since a time, per currency."""
        with self._reading() as conn:
            return aggregates.refund_totals(conn, since=since)

    def net_volume(self, *, since: int, until: int | None = None) -> list[aggregates.Total]:
        """Net volume (sales after refunds, disputes and fees) per currency."""
        with self._reading() as conn:
            return aggregates.net_volume(conn, since=since, until=until)

    def dispute_counts(self) -> dict[str, int]:
        """Disputes by status."""
        with self._reading() as conn:
            return aggregates.dispute_counts(conn)

    def mrr(self) -> dict[str, int]:
        """Monthly recurring revenue per currency (minor units)."""
        with self._reading() as conn:
            return aggregates.mrr(conn)

    def invoice_summary(self, *, now: int) -> list[aggregates.InvoiceSummary]:
        """Open and overdue invoices per currency."""
        with self._reading() as conn:
            return aggregates.invoice_summary(conn, now=now)

    def dispute_totals(self, *, statuses: Sequence[str]) -> list[aggregates.Total]:
        """Amounts and counts of disputes in `statuses`, per currency."""
        with self._reading() as conn:
            return aggregates.dispute_totals(conn, statuses=statuses)

    def mrr_history(self, *, month_ends: Sequence[int]) -> list[aggregates.MonthlyMrr]:
        """MRR at the end of each month, per currency (see `aggregates.mrr_history`)."""
        with self._reading() as conn:
            return aggregates.mrr_history(conn, month_ends=month_ends)


def _migrate(conn: sqlite3.Connection) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"cache schema {version} is newer than this app's {SCHEMA_VERSION}")
    db = sqlite_utils.Database(conn)
    for step in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](db)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"not a cached type: {table!r}")


Encode = Callable[[str, bytes], bytes | str]
"""A table's name and an object's JSON -> the value stored in `data` (see `Codec.encode`)."""


def encode_rows(objects: Iterable[Mapping[str, Any]], generation: int,
                related: Iterable[Mapping[str, Any]],
                dictionaries: Mapping[str, tuple[int, bytes]]) -> EncodedPage:
    """`Cache.encode_page` without a cache, in any process: compressed against
    `dictionaries` (`Cache.dictionaries`). The rows of a type without a dictionary keep their
    JSON, and `Cache.queue_page` encodes them (recording the type's dictionary)."""
    def encode(table: str, text: bytes) -> bytes | str:
        found = dictionaries.get(table)
        return text if found is None else deflate(found, text)

    return _encode_page(objects, generation, related, encode,
                        set(TABLES) - set(dictionaries))


def _encode_page(objects: Iterable[Mapping[str, Any]], generation: int,
                 related: Iterable[Mapping[str, Any]], encode: Encode,
                 raw: set[str]) -> EncodedPage:
    batches: list[_Batch] = []
    for group, group_generation in ((objects, generation), (related, 0)):
        by_table: dict[str, list[Mapping[str, Any]]] = {}
        for obj in group:
            table = TABLE_FOR_OBJECT.get(str(obj.get("object")))
            if table is not None:
                by_table.setdefault(table, []).append(obj)
        batches += [_prepare(t, objs, group_generation, encode, raw=t in raw)
                    for t, objs in by_table.items()]
    return EncodedPage(batches)


def _prepare(table: str, objects: Iterable[Mapping[str, Any]], generation: int,
             encode: Encode, raw: bool) -> _Batch:
    """Encode objects of one type for `_write`. A deletion stub ({"id", "object",
    "deleted"}) keeps the last known state."""
    _check_table(table)
    batch = _Batch(table, [], [], generation, raw)
    for obj in objects:
        if obj.get("deleted") and "created" not in obj:
            batch.stubs.append(obj["id"])
        else:
            batch.rows.append(_row(table, obj, generation, encode))
    return batch


def _row(table: str, obj: Mapping[str, Any], generation: int, encode: Encode) -> dict[str, Any]:
    spec = TABLES[table]
    created = obj.get("created")
    data = dumps(obj)
    if MARKER_BYTES in data:  # cheap test first: most objects carry no client secret
        data = dumps(without_client_secrets(obj))
    return {"id": obj["id"],
            "data": encode(table, data),
            "created": created if isinstance(created, int) else 0,
            "deleted": int(bool(obj.get("deleted"))),
            "synced_gen": generation,
            **spec.extract(obj)}


_SQL_CACHE: dict[tuple[str, tuple[str, ...], bool, int], str] = {}
# Rows per INSERT statement when a batch is written: SQLite runs one statement in one call
# with the GIL released, where a row per call made each row wait to take the GIL back from
# the threads parsing pages (up to the 5 ms switch interval each, measured 17 ms a page).
_ROWS_PER_STATEMENT = 100


def _insert_sql(table: str, columns: list[str], upsert: bool = False, rows: int = 1) -> str:
    key = (table, tuple(columns), upsert, rows)
    sql = _SQL_CACHE.get(key)
    if sql is None:
        names = ", ".join(columns)
        marks = ", ".join(["(" + ", ".join("?" for _ in columns) + ")"] * rows)
        sql = f"INSERT INTO [{table}] ({names}) VALUES {marks}"  # noqa: S608
        if upsert:
            updates = ", ".join(f"{c} = excluded.{c}" for c in columns
                                if c not in ("id", "synced_gen", "rowid"))
            sql += (f" ON CONFLICT(id) DO UPDATE SET {updates}, "
                    "synced_gen = MAX(synced_gen, excluded.synced_gen)")
        _SQL_CACHE[key] = sql
    return sql


@dataclass(frozen=True)
class EncodedPage:
    """A backfill page's rows, encoded by `Cache.encode_page`."""

    batches: list[_Batch]


@dataclass
class QueuedPage:
    """A backfill page waiting for the group commit of `Cache.write_queued`; once written
    (or failed: `error`) it no longer holds its rows."""

    source: str
    page: EncodedPage | None
    checkpoint: Checkpoint
    after: QueuedPage | None = None
    written: bool = False
    error: BaseException | None = None

    def write(self, conn: sqlite3.Connection) -> None:
        """The page's rows and its source's checkpoint, inside the caller's transaction."""
        assert self.page is not None
        for batch in self.page.batches:
            _write(conn, batch)
        _set_state(conn, _BACKFILL_PREFIX + self.source, json.dumps(
            {"segments": [dataclasses.astuple(s) for s in self.checkpoint.segments],
             "count": self.checkpoint.count, "newest": self.checkpoint.newest}))


@dataclass
class _Batch:
    """Objects of one type encoded for writing: rows to upsert, ids of deletion stubs;
    `raw` while the rows' `data` is still plain JSON (see `encode_rows`)."""

    table: str
    rows: list[dict[str, Any]]
    stubs: list[str]
    generation: int
    raw: bool = False


def _write(conn: sqlite3.Connection, batch: _Batch) -> int:
    table, rows = batch.table, batch.rows
    _mark_deleted(conn, table, batch.stubs)
    if rows:
        if batch.generation:
            # A backfill lists newest first: counting rowids down keeps rowid order equal
            # to age for backfilled rows (new rows from events count up), which lets search
            # take the newest full-text matches without sorting them all.
            lowest = conn.execute(
                f"SELECT COALESCE(MIN(rowid), 0) FROM [{table}]").fetchone()[0]  # noqa: S608
            for n, row in enumerate(rows, 1):
                row["rowid"] = lowest - n
        columns = list(rows[0])
        for start in range(0, len(rows), _ROWS_PER_STATEMENT):
            chunk = rows[start:start + _ROWS_PER_STATEMENT]
            conn.execute(_insert_sql(table, columns, upsert=True, rows=len(chunk)),
                         [value for row in chunk for value in row.values()])
    return len(rows) + len(batch.stubs)


def _mark_deleted(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> int:
    _check_table(table)
    return sum(conn.execute(f"UPDATE [{table}] SET deleted = 1 WHERE id = ?",  # noqa: S608
                            (i,)).rowcount for i in ids)


def _set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def _where(table: str, filters: Mapping[str, FilterValue] | None, since: int | None,
           until: int | None, include_deleted: bool) -> tuple[list[str], list[Any]]:
    _check_table(table)
    allowed = TABLES[table].columns
    where: list[str] = [] if include_deleted else ["deleted = 0"]
    params: list[Any] = []
    for column, value in (filters or {}).items():
        if isinstance(value, (AmountRange, CardLast4)):
            sql, values = value.sql(table)
            where.append(sql)
            params.extend(values)
            continue
        if column not in allowed and column != "id":
            raise ValueError(f"{table} cannot be filtered on {column!r}")
        if value is None:
            where.append(f"{column} IS NULL")
        elif isinstance(value, (str, int)):
            where.append(f"{column} = ?")
            params.append(value)
        else:
            where.append(f"{column} IN ({', '.join('?' for _ in value)})")
            params.extend(value)
    if since is not None:
        where.append("created >= ?")
        params.append(since)
    if until is not None:
        where.append("created < ?")
        params.append(until)
    return (where or ["1"]), params
