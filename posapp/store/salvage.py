"""Reading what is still readable from a damaged SQLite file, row by row, until SQLite
gives up: rows before the damage are kept, rows of the wrong shape are skipped."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["readable_rows"]

log = logging.getLogger(__name__)


def readable_rows(path: Path, table: str,
                  usable: Callable[[Mapping[str, Any]], bool]) -> list[dict[str, Any]]:
    """Every row of `table` in the file at `path` that can be read and passes `usable`,
    in file order; an unreadable file or table gives what was read before it failed."""
    rows: list[dict[str, Any]] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return rows
    try:
        cursor = conn.execute(f"SELECT * FROM [{table}]")  # noqa: S608
        names = [d[0] for d in cursor.description]
        while (row := cursor.fetchone()) is not None:
            record = dict(zip(names, row, strict=True))
            try:
                ok = usable(record)
            except (KeyError, TypeError, ValueError):
                ok = False
            if ok:
                rows.append(record)
    except sqlite3.Error as exc:
        log.info("stopped reading %s from %s: %s", table, path, exc)
    finally:
        conn.close()
    return rows
