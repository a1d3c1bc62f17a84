"""Search over the cache: ids by prefix (`cus_…`, `in_…`), card last4, and free text through
the FTS5 trigram indexes (so `小明` is found inside `王小明`).

Every term is passed to FTS5 as a quoted phrase, so quotes, operators and brackets in the
user's text are searched for literally and never reach the query parser; a term with no
letter or digit in it is ignored. Trigram indexes cannot look up terms shorter than three
characters; those are matched with LIKE instead, over a covering index.

Text that SQLite cannot take is cleaned first: control characters and lone surrogates (which
cannot be encoded) become spaces, repeated terms count once, and only the first
`MAX_TERMS` terms are searched (a longer query would grow an expression SQLite refuses).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .schema import SEARCHABLE, TABLES, table_for_id

_ID = re.compile(r"^[a-z]+_[A-Za-z0-9_]*$")
# FTS5 ends a quoted string at NUL; a lone surrogate cannot be encoded for SQLite.
_UNUSABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
MAX_TERMS = 16
MAX_TERM_LENGTH = 200
_LAST4 = re.compile(r"^\d{4}$")
_LAST4_TABLES = ("charges", "payment_methods")
# Full-text matches considered per type, newest first (rowid order follows age, see
# `cache._upsert`); of a term matching more, the newest are shown.
_CANDIDATES = 250


@dataclass(frozen=True)
class SearchHit:
    """One object found: its table, id, creation time and the object itself."""

    table: str
    id: str
    created: int
    data: dict[str, Any]


def search(conn: sqlite3.Connection, text: str, *, tables: Sequence[str] | None = None,
           limit: int = 50, decode: Callable[[Any], Any] = json.loads) -> list[SearchHit]:
    """Objects matching `text`, newest first, at most `limit`. `tables` narrows free-text
    search (default: every searchable type); id and last4 matches are always included.
    `decode` turns a stored `data` value into the object (the cache's codec)."""
    text = _UNUSABLE.sub(" ", text).strip()
    if not text or limit <= 0:
        return []
    terms = list(dict.fromkeys(t[:MAX_TERM_LENGTH] for t in text.split()))[:MAX_TERMS]
    found: set[_Found] = set()
    if _ID.match(text):
        found.update(_by_id_prefix(conn, text, limit))
    if _LAST4.match(text):
        for table in _LAST4_TABLES:
            found.update(_select(conn, table, "t.last4 = ?", [text], limit))
    for table in tables if tables is not None else SEARCHABLE:
        if TABLES[table].fts:
            found.update(_by_text(conn, table, terms, limit))
    best = sorted(found, key=lambda f: (f[2], f[1]), reverse=True)[:limit]
    # Only the objects shown are read and decoded.
    return [SearchHit(table, object_id, created, decode(conn.execute(
        f"SELECT data FROM [{table}] WHERE id = ?", (object_id,)).fetchone()[0]))  # noqa: S608
        for table, object_id, created in best]


_Found = tuple[str, str, int]


def _by_id_prefix(conn: sqlite3.Connection, prefix: str, limit: int) -> list[_Found]:
    table = table_for_id(prefix)
    if table is None:
        return []
    # A range on the primary key uses its index, unlike a case-insensitive LIKE.
    return _select(conn, table,
                   f"t.rowid IN (SELECT rowid FROM [{table}] WHERE id >= ? AND id < ? "  # noqa: S608
                   f"AND deleted = 0 LIMIT {_CANDIDATES})",
                   [prefix, prefix + "\U0010ffff"], limit)


def _by_text(conn: sqlite3.Connection, table: str, terms: list[str],
             limit: int) -> list[_Found]:
    terms = [t for t in terms if any(c.isalnum() for c in t)]
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    columns = TABLES[table].fts
    where: list[str] = []
    params: list[Any] = []
    for term in short_terms:
        where.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params.extend([f"%{_escape_like(term)}%"] * len(columns))
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        fts = f"[{table}_fts]"
        where.insert(0, f"t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ? "  # noqa: S608
                        f"ORDER BY rowid DESC LIMIT {_CANDIDATES})")
        params.insert(0, match)
    return _select(conn, table, " AND ".join(where), params, limit)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _select(conn: sqlite3.Connection, table: str, where: str, params: list[Any],
            limit: int) -> list[_Found]:
    rows = conn.execute(
        f"SELECT t.id, t.created FROM [{table}] t WHERE t.deleted = 0 AND {where} "  # noqa: S608
        "ORDER BY t.created DESC, t.id DESC LIMIT ?", [*params, limit]).fetchall()
    return [(table, r[0], r[1]) for r in rows]
