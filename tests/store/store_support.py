"""Helpers shared by the store tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def as_left_by_version(path: Path, version: int, *statements: str) -> None:
    """Make the closed cache at `path` look as schema `version` left it: run `statements`
    (undoing what later versions added), then set its version."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
