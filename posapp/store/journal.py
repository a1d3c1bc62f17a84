"""Idempotency journal and audit log, in their own SQLite file.

The journal records every mutating Stripe request *before* it is sent (key, operation,
parameters), so a crash between sending and answering can be settled on the next start:
the same key is re-sent within Stripe's 24-hour idempotency window. The audit log is the
app's own record of who did what to which object. Both live apart from the cache so they
survive a rebuilt cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlite_utils

from .client_secrets import without_client_secrets
from .files import move_aside
from .salvage import readable_rows

log = logging.getLogger(__name__)


class JournalState(StrEnum):
    """Where an idempotency key stands."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class JournalEntry:
    """One idempotency key and what became of the request sent with it."""

    key: str
    operation: str
    params_hash: str
    params: dict[str, Any]
    state: JournalState
    object_id: str | None
    request_id: str | None
    error: str | None
    created: float
    updated: float


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit log."""

    id: int
    at: float
    actor: str
    action: str
    object_id: str | None
    amount: int | None
    currency: str | None
    idempotency_key: str | None
    request_id: str | None
    outcome: str
    detail: str


def canonical_json(params: Mapping[str, Any]) -> str:
    """Serialise `params` so that equal parameters always give the same text."""
    return json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def params_hash(params: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of `params`: equal for equal parameters, key order aside."""
    return hashlib.sha256(canonical_json(params).encode("utf-8")).hexdigest()


_LIKE_ESCAPE = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})


class Journal:
    """The idempotency journal and audit log over one SQLite file (WAL mode).

    One connection guarded by a lock serves every thread: rows are tiny and writes rare,
    so serialising them costs nothing noticeable and keeps SQLite's threading rules simple.
    `now` returns Unix seconds; tests pass a fake clock.

    The file is checked when opened. A damaged one (unreadable, or of another schema) is
    moved aside (`damaged_copy`) and a new one started with every row that can still be
    read; rows that were not settled come back `unknown` (a person checks them at Stripe,
    nothing re-sends them) and `notice` tells the user what happened, listing them.
    """

    def __init__(self, path: str | Path, *, now: Callable[[], float] = time.time) -> None:
        self._now = now
        self._lock = threading.RLock()
        self.notice: str | None = None
        self.damaged_copy: Path | None = None
        try:
            self._open(path)
        except sqlite3.DatabaseError as exc:
            if str(path) == ":memory:":
                raise
            self._start_over(Path(path), exc)

    def _open(self, path: str | Path) -> None:
        conn = sqlite3.connect(str(path), check_same_thread=False)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {result[0] if result else '?'}")
            self._db = sqlite_utils.Database(conn)
            self._db.enable_wal()
            self._create_schema()
            for table, columns in _COLUMNS.items():
                missing = set(columns) - set(self._db.table(table).columns_dict)
                if missing:
                    raise sqlite3.DatabaseError(f"{table} lacks {sorted(missing)}")
        except sqlite3.DatabaseError:
            conn.close()
            raise

    def _start_over(self, path: Path, cause: sqlite3.DatabaseError) -> None:
        aside = move_aside(path)
        self.damaged_copy = aside
        log.warning("journal %s is damaged (%s); moved to %s", path, cause, aside)
        entries = readable_rows(aside, "idempotency", _usable_entry)
        audit = readable_rows(aside, "audit_log", _usable_audit)
        self._open(path)
        unsettled: list[JournalEntry] = []
        with self._lock:
            for row in entries:
                if row["state"] in (JournalState.PENDING, JournalState.UNKNOWN):
                    row["state"] = JournalState.UNKNOWN.value
                    row["error"] = _FROM_DAMAGED
                    unsettled.append(_journal_entry(row))
                self._db.table("idempotency").insert(
                    {c: row[c] for c in _COLUMNS["idempotency"]}, ignore=True)
            self._db.table("audit_log").insert_all(
                ({c: row[c] for c in _COLUMNS["audit_log"]} for row in audit), ignore=True)
        self.notice = _damage_notice(aside, len(entries), len(audit), unsettled)

    def _create_schema(self) -> None:
        with self._lock:
            self._db.table("idempotency").create(
                {
                    "key": str,
                    "operation": str,
                    "params_hash": str,
                    "params": str,
                    "state": str,
                    "object_id": str,
                    "request_id": str,
                    "error": str,
                    "created": float,
                    "updated": float,
                },
                pk="key",
                not_null={"operation", "params_hash", "params", "state", "created", "updated"},
                if_not_exists=True,
            )
            self._db.table("idempotency").create_index(["state", "created"], if_not_exists=True)
            self._db.table("audit_log").create(
                {
                    "id": int,
                    "at": float,
                    "actor": str,
                    "action": str,
                    "object_id": str,
                    "amount": int,
                    "currency": str,
                    "idempotency_key": str,
                    "request_id": str,
                    "outcome": str,
                    "detail": str,
                },
                pk="id",
                not_null={"at", "actor", "action", "outcome", "detail"},
                if_not_exists=True,
            )
            self._db.table("audit_log").create_index(["at"], if_not_exists=True)
            self._db.table("audit_log").create_index(["object_id"], if_not_exists=True)

    def now(self) -> float:
        """The journal's clock (Unix seconds), which dates its rows."""
        return self._now()

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    # -- idempotency journal -------------------------------------------------------------

    def begin(self, key: str, operation: str, params: Mapping[str, Any]) -> JournalEntry:
        """Record a request as pending before it is sent; `key` must be new. A client secret
        among the parameters is not kept (and so not re-sent)."""
        params = without_client_secrets(dict(params))
        now = self._now()
        row = {
            "key": key,
            "operation": operation,
            "params_hash": params_hash(params),
            "params": canonical_json(params),
            "state": JournalState.PENDING.value,
            "object_id": None,
            "request_id": None,
            "error": None,
            "created": now,
            "updated": now,
        }
        with self._lock:
            self._db.table("idempotency").insert(row)
        return _journal_entry(row)

    def claim(
        self, key: str, operation: str, params: Mapping[str, Any]
    ) -> tuple[JournalEntry, bool]:
        """The row for `key`, begun now as `begin` does unless it exists; and whether it is
        new. One tender attempt keeps one key: a second send of it finds the first row."""
        with self._lock:
            found = self.get(key)
            if found is not None:
                return found, False
            return self.begin(key, operation, params), True

    def succeed(self, key: str, *, object_id: str | None, request_id: str | None) -> None:
        """Mark the request sent with `key` as done, with the object it produced."""
        self._settle(key, JournalState.SUCCEEDED, object_id=object_id, request_id=request_id)

    def fail(self, key: str, *, error: str, request_id: str | None = None) -> None:
        """Mark `key` as ended by an answer that rules out any retry (a 4xx)."""
        self._settle(key, JournalState.FAILED, error=error, request_id=request_id)

    def mark_unknown(self, key: str, *, error: str) -> None:
        """Mark `key` as unsettleable: its outcome at Stripe cannot be established."""
        self._settle(key, JournalState.UNKNOWN, error=error)

    def _settle(
        self,
        key: str,
        state: JournalState,
        *,
        object_id: str | None = None,
        request_id: str | None = None,
        error: str | None = None,
    ) -> None:
        """Raises KeyError when no row has `key`."""
        updates: dict[str, Any] = {"state": state.value, "updated": self._now(), "error": error}
        if object_id is not None:
            updates["object_id"] = object_id
        if request_id is not None:
            updates["request_id"] = request_id
        with self._lock:
            try:
                self._db.table("idempotency").update(key, updates)
            except sqlite_utils.db.NotFoundError:
                raise KeyError(key) from None

    def get(self, key: str) -> JournalEntry | None:
        """The journal row for `key`, or None."""
        with self._lock:
            rows = list(self._db.query("select * from idempotency where key = ?", [key]))
        return _journal_entry(rows[0]) if rows else None

    def entries(
        self,
        state: JournalState | None = None,
        *,
        operations: tuple[str, ...] = (),
        since: float | None = None,
    ) -> list[JournalEntry]:
        """Journal rows, oldest first, optionally only those in `state`, of `operations`,
        begun at or after `since` (Unix seconds)."""
        clauses: list[str] = []
        args: list[Any] = []
        if state is not None:
            clauses.append("state = ?")
            args.append(state.value)
        if operations:
            clauses.append(f"operation in ({', '.join('?' * len(operations))})")
            args.extend(operations)
        if since is not None:
            clauses.append("created >= ?")
            args.append(since)
        sql = "select * from idempotency"
        if clauses:
            sql += " where " + " and ".join(clauses)
        with self._lock:
            rows = list(self._db.query(sql + " order by created, key", args))
        return [_journal_entry(r) for r in rows]

    def pending(
        self, *, older_than: float | None = None, younger_than: float | None = None
    ) -> list[JournalEntry]:
        """Pending rows, oldest first; ages are seconds since the row was begun."""
        now = self._now()
        sql = "select * from idempotency where state = ?"
        args: list[Any] = [JournalState.PENDING.value]
        if older_than is not None:
            sql += " and created <= ?"
            args.append(now - older_than)
        if younger_than is not None:
            sql += " and created > ?"
            args.append(now - younger_than)
        with self._lock:
            rows = list(self._db.query(sql + " order by created, key", args))
        return [_journal_entry(r) for r in rows]

    # -- audit log -----------------------------------------------------------------------

    def record_audit(
        self,
        *,
        actor: str,
        action: str,
        outcome: str,
        object_id: str | None = None,
        amount: int | None = None,
        currency: str | None = None,
        idempotency_key: str | None = None,
        request_id: str | None = None,
        detail: str = "",
    ) -> int:
        """Append an audit row and return its id; `actor` is the profile name."""
        row = {
            "at": self._now(),
            "actor": actor,
            "action": action,
            "object_id": object_id,
            "amount": amount,
            "currency": currency,
            "idempotency_key": idempotency_key,
            "request_id": request_id,
            "outcome": outcome,
            "detail": detail,
        }
        with self._lock:
            table = self._db.table("audit_log").insert(row)
            last = table.last_pk
        assert isinstance(last, int)
        return last

    def list_audit(
        self,
        *,
        actor: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        object_id: str | None = None,
        since: float | None = None,
        until: float | None = None,
        search: str | None = None,
        before: tuple[float, int] | None = None,
        limit: int = 500,
    ) -> list[AuditEntry]:
        """Audit rows matching every given filter, newest first (by time, then id).

        `since` is inclusive and `until` exclusive (Unix seconds). `search` matches any
        part of the action, actor, object id, idempotency key, request id, outcome or detail,
        case-insensitively for ASCII letters. `before` is a keyset cursor, the `(at, id)` of
        the last row of the previous page: only older rows follow, so rows sharing a time
        are neither lost nor repeated between pages.
        """
        clauses: list[str] = []
        args: list[Any] = []
        for column, value in (
            ("actor", actor),
            ("action", action),
            ("outcome", outcome),
            ("object_id", object_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            clauses.append("at >= ?")
            args.append(since)
        if until is not None:
            clauses.append("at < ?")
            args.append(until)
        if before is not None:
            clauses.append("(at, id) < (?, ?)")
            args.extend(before)
        if search:
            pattern = f"%{search.translate(_LIKE_ESCAPE)}%"
            columns = (
                "action",
                "actor",
                "object_id",
                "idempotency_key",
                "request_id",
                "outcome",
                "detail",
            )
            clauses.append("(" + " or ".join(f"{c} like ? escape '\\'" for c in columns) + ")")
            args.extend([pattern] * len(columns))
        sql = "select * from audit_log"
        if clauses:
            sql += " where " + " and ".join(clauses)
        sql += " order by at desc, id desc limit ?"
        args.append(limit)
        with self._lock:
            rows = list(self._db.query(sql, args))
        return [AuditEntry(**r) for r in rows]


_COLUMNS: dict[str, tuple[str, ...]] = {
    "idempotency": ("key", "operation", "params_hash", "params", "state", "object_id",
                    "request_id", "error", "created", "updated"),
    "audit_log": ("id", "at", "actor", "action", "object_id", "amount", "currency",
                  "idempotency_key", "request_id", "outcome", "detail"),
}
_FROM_DAMAGED = "read back from a damaged journal: check this write in the Stripe Dashboard"
_NOTICE_LISTED = 20


def _usable_entry(row: Mapping[str, Any]) -> bool:
    entry = _journal_entry(row)  # raises on anything of the wrong shape
    texts = (row["key"], row["operation"], row["params_hash"])
    return isinstance(entry.params, dict) and all(isinstance(t, str) for t in texts)


def _usable_audit(row: Mapping[str, Any]) -> bool:
    return (isinstance(row["at"], int | float) and isinstance(row["id"], int)
            and all(isinstance(row[c], str) for c in ("actor", "action", "outcome", "detail")))


def _utc(moment: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(moment))


def _ids(entry: JournalEntry) -> str:
    ids = entry.params.get("ids")
    return "".join(f"{i} " for i in ids) if isinstance(ids, list) else ""


def _damage_notice(aside: Path, entries: int, audit: int,
                   unsettled: list[JournalEntry]) -> str:
    """What to tell the user about a journal that was started again."""
    text = (f"The journal of money writes was damaged and has been moved to {aside}; a new "
            f"one was started with the {entries} requests and {audit} audit rows that "
            "could still be read.")
    if unsettled:
        lines = [f"- {e.operation} {_ids(e)}(key {e.key}, begun {_utc(e.created)})"
                 for e in unsettled[:_NOTICE_LISTED]]
        if len(unsettled) > _NOTICE_LISTED:
            lines.append(f"- and {len(unsettled) - _NOTICE_LISTED} more")
        text += (" These writes were not settled and may need a look in the Stripe "
                 "Dashboard (they are marked unknown and are never sent again by "
                 "themselves):\n" + "\n".join(lines))
    else:
        text += (" No unsettled write could be read from it; if payments or refunds were "
                 "being made just before, check them in the Stripe Dashboard.")
    return text


def _journal_entry(row: Mapping[str, Any]) -> JournalEntry:
    return JournalEntry(
        key=row["key"],
        operation=row["operation"],
        params_hash=row["params_hash"],
        params=json.loads(row["params"]),
        state=JournalState(row["state"]),
        object_id=row["object_id"],
        request_id=row["request_id"],
        error=row["error"],
        created=row["created"],
        updated=row["updated"],
    )
