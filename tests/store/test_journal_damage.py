"""A damaged journal never stops the app: it is checked when opened, moved aside when it is
damaged (truncated, overwritten, of another schema), and a new one started with every row
that could still be read. Writes that were not settled are kept as `unknown` (never re-sent
by themselves) and listed in the notice, so a person can check them at Stripe."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from posapp.store.journal import Journal, JournalState

PENDING_KEY = "key-pending"


def filled_journal(path: Path) -> None:
    """A journal with every kind of row, closed (its WAL folded back into the file)."""
    journal = Journal(path)
    for n in range(40):
        journal.begin(f"key-{n:02}", "refund.create", {"ids": [], "params": {"amount": n}})
        journal.succeed(f"key-{n:02}", object_id=f"re_{n}", request_id=f"req_{n}")
        journal.record_audit(actor="Till", action="refund.create", outcome="succeeded",
                             object_id=f"re_{n}", amount=n, currency="usd", detail="x" * 50)
    journal.begin("key-failed", "customer.create", {"ids": [], "params": {"name": "A"}})
    journal.fail("key-failed", error="card_declined: no")
    journal.begin("key-unknown", "payment_intent.capture", {"ids": ["pi_1"], "params": {}})
    journal.mark_unknown("key-unknown", error="network")
    journal.begin(PENDING_KEY, "refund.create", {"ids": [], "params": {"amount": 990}})
    journal.close()


def readable_rows(path: Path, table: str, key: str) -> set[object]:
    """The `key` column of every row SQLite can still read from a damaged file."""
    found: set[object] = set()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        cursor = conn.execute(f"SELECT {key} FROM {table}")  # noqa: S608
        while (row := cursor.fetchone()) is not None:
            found.add(row[0])
    except sqlite3.DatabaseError:
        pass
    return found


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def random_bytes_at_start(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(os.urandom(4096))


def random_bytes_inside(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(4096))


def other_schema(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE idempotency (id INTEGER PRIMARY KEY, note TEXT)")
    conn.execute("INSERT INTO idempotency (note) VALUES ('not ours')")
    conn.commit()
    conn.close()


def zeros(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


@pytest.mark.parametrize("damage", [truncate, random_bytes_at_start, random_bytes_inside,
                                    other_schema, zeros])
def test_a_damaged_journal_is_moved_aside_and_what_can_be_read_is_kept(
        tmp_path: Path, damage: object) -> None:
    path = tmp_path / "shop.journal.sqlite3"
    filled_journal(path)
    damage(path)  # type: ignore[operator]
    journal = Journal(path)
    assert journal.damaged_copy is not None and journal.damaged_copy.exists()
    assert journal.notice is not None and str(journal.damaged_copy) in journal.notice
    readable = readable_rows(journal.damaged_copy, "idempotency", "key")
    kept = {e.key: e for e in journal.entries()}
    assert readable & set(kept) == {k for k in readable if isinstance(k, str)
                                    and k.startswith("key-")}
    if PENDING_KEY in readable:
        assert kept[PENDING_KEY].state is JournalState.UNKNOWN
        assert "refund.create" in journal.notice
    assert journal.pending() == []
    audit_ids = readable_rows(journal.damaged_copy, "audit_log", "object_id")
    assert {a.object_id for a in journal.list_audit(limit=1000)} >= {
        i for i in audit_ids if isinstance(i, str)}
    journal.begin("key-new", "customer.create", {"ids": [], "params": {}})
    journal.succeed("key-new", object_id="cus_1", request_id=None)
    journal.close()
    assert Journal(path).notice is None


def test_a_sound_journal_opens_without_a_notice(tmp_path: Path) -> None:
    filled_journal(tmp_path / "j.sqlite3")
    journal = Journal(tmp_path / "j.sqlite3")
    assert journal.notice is None and journal.damaged_copy is None
    assert len(journal.entries()) == 43
