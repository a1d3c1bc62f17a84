"""The idempotency journal and audit log over a real SQLite file."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.store.journal import Journal, JournalState, params_hash


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal(tmp_path: Path, clock: FakeClock) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite", now=clock)
    yield j
    j.close()


def test_params_hash_ignores_key_order_but_not_values() -> None:
    a = {"amount": 1250, "currency": "eur", "metadata": {"a": "1", "b": "2"}}
    b = {"metadata": {"b": "2", "a": "1"}, "currency": "eur", "amount": 1250}
    assert params_hash(a) == params_hash(b)
    assert params_hash(a) != params_hash({**a, "amount": 1251})
    assert params_hash({"name": "Zoë 张"}) != params_hash({"name": "Zoe 张"})


def test_begin_records_a_pending_row_before_anything_is_sent(journal: Journal) -> None:
    params = {"amount": 500, "currency": "usd"}
    entry = journal.begin("k1", "payment_intents.create", params)
    stored = journal.get("k1")
    assert stored == entry
    assert stored is not None
    assert stored.state is JournalState.PENDING
    assert stored.params == params
    assert stored.params_hash == params_hash(params)
    assert stored.object_id is None


def test_a_key_can_only_begin_once(journal: Journal) -> None:
    journal.begin("k1", "customers.create", {})
    with pytest.raises(sqlite3.IntegrityError):
        journal.begin("k1", "customers.create", {"name": "x"})


def test_succeed_and_fail_settle_a_key(journal: Journal, clock: FakeClock) -> None:
    journal.begin("ok", "customers.create", {"name": "A"})
    journal.begin("bad", "refunds.create", {"charge": "ch_1"})
    clock.now += 5
    journal.succeed("ok", object_id="cus_1", request_id="req_1")
    journal.fail("bad", error="charge_already_refunded", request_id="req_2")

    ok = journal.get("ok")
    bad = journal.get("bad")
    assert ok is not None and bad is not None
    assert (ok.state, ok.object_id, ok.request_id, ok.error) == (
        JournalState.SUCCEEDED,
        "cus_1",
        "req_1",
        None,
    )
    assert ok.updated == ok.created + 5
    assert (bad.state, bad.error, bad.request_id) == (
        JournalState.FAILED,
        "charge_already_refunded",
        "req_2",
    )
    assert journal.pending() == []


def test_settling_an_unknown_key_raises(journal: Journal) -> None:
    with pytest.raises(KeyError):
        journal.succeed("nope", object_id="x", request_id=None)
    with pytest.raises(KeyError):
        journal.fail("nope", error="x")


def test_pending_filters_by_age(journal: Journal, clock: FakeClock) -> None:
    journal.begin("old", "customers.create", {})
    clock.now += 20 * 3600
    journal.begin("middle", "customers.create", {})
    clock.now += 5 * 3600
    journal.begin("new", "customers.create", {})
    journal.begin("done", "customers.create", {})
    journal.succeed("done", object_id="cus_1", request_id=None)

    day = 24 * 3600.0
    assert [e.key for e in journal.pending()] == ["old", "middle", "new"]
    assert [e.key for e in journal.pending(older_than=day)] == ["old"]
    assert [e.key for e in journal.pending(younger_than=day)] == ["middle", "new"]
    assert [e.key for e in journal.pending(older_than=3600, younger_than=day)] == ["middle"]


def test_unknown_rows_leave_pending_and_can_be_listed(journal: Journal) -> None:
    journal.begin("k", "payment_intents.confirm", {"ids": ["pi_1"]})
    journal.mark_unknown("k", error="older than Stripe's 24 h idempotency window")
    assert journal.pending() == []
    unknown = journal.entries(JournalState.UNKNOWN)
    assert [e.key for e in unknown] == ["k"]
    assert unknown[0].error == "older than Stripe's 24 h idempotency window"


def test_rows_survive_reopening_the_file(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "journal.sqlite"
    first = Journal(path, now=clock)
    first.begin("k", "customers.create", {"email": "a@example.com"})
    first.record_audit(actor="shop", action="customers.create", outcome="pending")
    first.close()

    second = Journal(path, now=clock)
    try:
        assert [e.key for e in second.pending()] == ["k"]
        assert len(second.list_audit()) == 1
        mode = sqlite3.connect(path).execute("pragma journal_mode").fetchone()[0]
        assert mode == "wal"
    finally:
        second.close()


def test_audit_filters_and_search(journal: Journal, clock: FakeClock) -> None:
    journal.record_audit(
        actor="shop",
        action="refunds.create",
        object_id="re_1",
        amount=1250,
        currency="eur",
        idempotency_key="key-aaa",
        request_id="req_1",
        outcome="succeeded",
        detail="Refund 12.50 for order 100%",
    )
    clock.now += 1
    journal.record_audit(
        actor="backoffice",
        action="subscriptions.cancel",
        object_id="sub_1",
        outcome="failed",
        detail="客户要求取消",
    )
    clock.now += 1
    journal.record_audit(actor="shop", action="customers.create", outcome="succeeded")

    assert [e.action for e in journal.list_audit()] == [
        "customers.create",
        "subscriptions.cancel",
        "refunds.create",
    ]
    assert [e.object_id for e in journal.list_audit(actor="backoffice")] == ["sub_1"]
    assert len(journal.list_audit(outcome="succeeded")) == 2
    assert [e.action for e in journal.list_audit(object_id="re_1")] == ["refunds.create"]
    first = journal.list_audit(object_id="re_1")[0]
    assert (first.amount, first.currency, first.idempotency_key) == (1250, "eur", "key-aaa")

    start = journal.list_audit(object_id="re_1")[0].at
    assert [e.object_id for e in journal.list_audit(since=start + 1, until=start + 2)] == ["sub_1"]

    assert [e.object_id for e in journal.list_audit(search="REFUND")] == ["re_1"]
    assert [e.object_id for e in journal.list_audit(search="取消")] == ["sub_1"]
    assert [e.object_id for e in journal.list_audit(search="req_1")] == ["re_1"]
    # LIKE wildcards in the search text are literal characters.
    assert [e.object_id for e in journal.list_audit(search="100%")] == ["re_1"]
    assert journal.list_audit(search="_x") == []
    assert len(journal.list_audit(limit=1)) == 1


def test_audit_pages_by_cursor_through_rows_sharing_a_time(
    journal: Journal, clock: FakeClock
) -> None:
    for n in range(7):
        journal.record_audit(actor="shop", action=f"a{n}", outcome="succeeded")
        if n in (0, 4):  # a0 alone, a1..a4 share one time, a5 and a6 another
            clock.now += 1
    journal.record_audit(actor="shop", action="refused", outcome="failed")

    pages: list[list[str]] = []
    cursor: tuple[float, int] | None = None
    while page := journal.list_audit(outcome="succeeded", before=cursor, limit=3):
        pages.append([e.action for e in page])
        cursor = (page[-1].at, page[-1].id)

    assert pages == [["a6", "a5", "a4"], ["a3", "a2", "a1"], ["a0"]]
    assert journal.list_audit(before=(clock.now + 10, 0), limit=1)[0].action == "refused"


def test_concurrent_writers_from_many_threads(journal: Journal) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(25):
                key = f"t{n}-{i}"
                journal.begin(key, "customers.create", {"n": n, "i": i})
                journal.succeed(key, object_id=f"cus_{n}_{i}", request_id=None)
                journal.record_audit(actor="shop", action="customers.create", outcome="ok")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(journal.entries(JournalState.SUCCEEDED)) == 200
    assert len(journal.list_audit(limit=1000)) == 200
