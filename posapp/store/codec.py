"""How the cache stores an object's JSON: deflated against a dictionary of its own type.

Stripe objects of one type repeat the same keys and most of the same values, which a
general compressor working on one small object at a time cannot exploit. Each type's
first full object stored in a cache becomes that type's preset dictionary (kept in the
`dictionaries` table, never changed or deleted); every later object of the type is stored
as raw deflate against it, about a tenth of its JSON. A stored value is a BLOB: the
dictionary's id (two bytes, big-endian) followed by the deflate stream. A TEXT value is
plain JSON (an object of a type with no dictionary yet that is too small to make one).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

import orjson

# An object smaller than this makes a poor dictionary (a test's stub, a deletion stub).
_MIN_DICTIONARY = 256
_LEVEL = 6
# An 8 KB window with small hash tables: most objects and their dictionary fit in it, and
# setting up the compressor for each object (the dictionary is hashed every time) costs a
# fifth of what deflate's defaults do (charges: 84 -> 15 us, same size). Streams are read
# with the full window, which decodes any smaller one.
_WINDOW_BITS = -13
_MEMORY_LEVEL = 5


def dumps(obj: Mapping[str, Any]) -> bytes:
    """An object as compact UTF-8 JSON."""
    return orjson.dumps(obj)


def loads(value: str | bytes) -> Any:
    """Parse JSON text or UTF-8 bytes."""
    return orjson.loads(value)


class Codec:
    """The dictionaries of one cache file: compresses values for writing and decodes read
    values. `reading` and `transaction` give the cache's connection under its lock, the
    second in a write transaction (used once per type, to record its dictionary)."""

    def __init__(self, reading: Callable[[], AbstractContextManager[sqlite3.Connection]],
                 transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]
                 ) -> None:
        self._reading = reading
        self._transaction = transaction
        self._by_id: dict[int, bytes] = {}
        self._by_table: dict[str, tuple[int, bytes]] = {}
        self._load()

    def encode(self, table: str, text: bytes) -> bytes | str:
        """The stored form of one object's JSON `text` (call outside a transaction: the
        type's first object records its dictionary)."""
        found = self._by_table.get(table)
        if found is None:
            if len(text) < _MIN_DICTIONARY:
                return text.decode()
            found = self._record(table, text)
        return deflate(found, text)

    @property
    def dictionaries(self) -> dict[str, tuple[int, bytes]]:
        """Each type's dictionary as `(id, bytes)`, for `deflate` in another process."""
        return dict(self._by_table)

    def decode(self, value: str | bytes) -> Any:
        """The object a stored value holds."""
        if isinstance(value, str):
            return orjson.loads(value)
        zdict = self._by_id.get(int.from_bytes(value[:2], "big"))
        if zdict is None:
            # Recorded by another connection (a second process) since this one loaded.
            self._load()
            zdict = self._by_id[int.from_bytes(value[:2], "big")]
        inflate = zlib.decompressobj(-15, zdict=zdict)
        return orjson.loads(inflate.decompress(value[2:]) + inflate.flush())

    def _record(self, table: str, text: bytes) -> tuple[int, bytes]:
        # The transaction serialises threads (and processes) recording the same type.
        with self._transaction() as conn:
            row = conn.execute("SELECT id, data FROM dictionaries WHERE tbl = ? "
                               "ORDER BY id LIMIT 1", (table,)).fetchone()
            if row is None:
                ident = conn.execute("INSERT INTO dictionaries (tbl, data) VALUES (?, ?)",
                                     (table, text)).lastrowid
                row = (ident, text)
            found = (int(row[0]), bytes(row[1]))
            self._by_id[found[0]] = found[1]
            self._by_table[table] = found
            return found

    def _load(self) -> None:
        with self._reading() as conn:
            rows = conn.execute("SELECT id, tbl, data FROM dictionaries ORDER BY id").fetchall()
        for ident, table, data in rows:
            self._by_id[ident] = data
            self._by_table.setdefault(table, (ident, data))


def deflate(dictionary: tuple[int, bytes], text: bytes) -> bytes:
    """The stored form of `text` compressed against `dictionary` (`(id, bytes)`)."""
    ident, zdict = dictionary
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, _WINDOW_BITS, _MEMORY_LEVEL, zdict=zdict)
    return ident.to_bytes(2, "big") + compressor.compress(text) + compressor.flush()


def compress_table(conn: sqlite3.Connection, table: str) -> None:
    """Convert a table's plain JSON values to the compressed form, inside the caller's
    transaction (the schema migration): its newest object large enough becomes the type's
    dictionary. Its full-text index is unchanged (it indexes other columns), so the
    table's update triggers are set aside meanwhile rather than re-index every row."""
    sample = conn.execute(
        f"SELECT data FROM [{table}] WHERE typeof(data) = 'text' AND length(data) >= ? "  # noqa: S608
        "ORDER BY created DESC LIMIT 1", (_MIN_DICTIONARY,)).fetchone()
    if sample is None:
        return
    zdict = sample[0].encode()
    ident = conn.execute("INSERT INTO dictionaries (tbl, data) VALUES (?, ?)",
                         (table, zdict)).lastrowid
    assert ident is not None
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND tbl_name = ? AND sql LIKE '% UPDATE %'", (table,)).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER [{name}]")
    rows = conn.execute(f"SELECT rowid, data FROM [{table}] "  # noqa: S608
                        "WHERE typeof(data) = 'text'").fetchall()
    conn.executemany(f"UPDATE [{table}] SET data = ? WHERE rowid = ?",  # noqa: S608
                     ((deflate((ident, zdict), data.encode()), rowid) for rowid, data in rows))
    for _name, sql in triggers:
        conn.execute(sql)
