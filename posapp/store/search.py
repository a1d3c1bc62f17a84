"""Search over the cache: ids by prefix (`cus_…`, `in_…`), card last4, and free text through
the FTS5 trigram indexes (so `小明` is found inside `王小明`).

Every term is passed to FTS5 as a quoted phrase, so quotes, operators and brackets in the
user's text are searched for literally and never reach the query parser; a term with no
letter or digit in it is ignored. Trigram indexes cannot look up terms shorter than three
characters; those are matched with LIKE instead, over a covering index.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .schema import SEARCHABLE, TABLES, table_for_id

_ID = re.compile(r"^[a-z]+_[A-Za-z0-9_]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # FTS5 ends a quoted string at NUL
_LAST4 = re.compile(r"^\d{4}$")
_LAST4_TABLES = ("charges", "payment_methods")
# Full-text matches considered per type, newest first (rowid order follows age, see
# `cache._upsert`); a term matching more than this shows the newest of them.
_CANDIDATES = 1000


@dataclass(frozen=True)
class SearchHit:
    """One object found: its table, id, creation time and the object itself."""

    table: str
    id: str
    created: int
    data: dict[str, Any]


def search(conn: sqlite3.Connection, text: str, *, tables: Sequence[str] | None = None,
           limit: int = 50) -> list[SearchHit]:
    """Objects matching `text`, newest first, at most `limit`. `tables` narrows free-text
    search (default: every searchable type); id and last4 matches are always included."""
    text = _CONTROL.sub(" ", text).strip()
    if not text or limit <= 0:
        return []
    hits: dict[tuple[str, str], SearchHit] = {}
    if _ID.match(text):
        _add(hits, _by_id_prefix(conn, text, limit))
    if _LAST4.match(text):
        for table in _LAST4_TABLES:
            _add(hits, _select(conn, table, "t.last4 = ?", [text], limit))
    for table in tables if tables is not None else SEARCHABLE:
        if TABLES[table].fts:
            _add(hits, _by_text(conn, table, text.split(), limit))
    ordered = sorted(hits.values(), key=lambda h: (h.created, h.id), reverse=True)
    return ordered[:limit]


def _add(hits: dict[tuple[str, str], SearchHit], found: list[SearchHit]) -> None:
    for hit in found:
        hits.setdefault((hit.table, hit.id), hit)


def _by_id_prefix(conn: sqlite3.Connection, prefix: str, limit: int) -> list[SearchHit]:
    table = table_for_id(prefix)
    if table is None:
        return []
    # A range on the primary key uses its index, unlike a case-insensitive LIKE.
    return _select(conn, table,
                   f"t.rowid IN (SELECT rowid FROM [{table}] WHERE id >= ? AND id < ? "  # noqa: S608
                   f"AND deleted = 0 LIMIT {_CANDIDATES})",
                   [prefix, prefix + "\U0010ffff"], limit)


def _by_text(conn: sqlite3.Connection, table: str, terms: list[str],
             limit: int) -> list[SearchHit]:
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
            limit: int) -> list[SearchHit]:
    rows = conn.execute(
        f"SELECT t.id, t.created, t.data FROM [{table}] t WHERE t.deleted = 0 AND {where} "  # noqa: S608
        "ORDER BY t.created DESC, t.id DESC LIMIT ?", [*params, limit]).fetchall()
    return [SearchHit(table, r[0], r[1], json.loads(r[2])) for r in rows]
