"""Moving a damaged SQLite file out of the way, with its WAL and shared-memory files, so a
new one can be started while the old one stays on disk for a person to look at."""

from __future__ import annotations

import time
from pathlib import Path

__all__ = ["move_aside"]

SQLITE_SUFFIXES = ("", "-wal", "-shm")


def move_aside(path: Path) -> Path:
    """Rename `path` (and its -wal/-shm files) to `<name>.damaged-<time>`; the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in SQLITE_SUFFIXES:
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{target}{suffix}"))
    return target
