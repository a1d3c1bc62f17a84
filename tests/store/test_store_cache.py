"""The offline cache on real SQLite files: opening, damage recovery, writes, the exactly-once
event ledger, keyset pages, filters and dashboard aggregates."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import sqlite_utils
from store_support import as_left_by_version

from posapp.store.cache import SCHEMA_VERSION, Cache, Checkpoint, Cursor, Segment
from posapp.store.schema import MIGRATIONS, OBJECT_TYPES, TABLES


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache(tmp_path / "profile.db") as c:
        yield c


def customer(n: int, created: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"cus_{n:04d}", "object": "customer", "created": created,
            "name": f"Customer {n}", "email": f"c{n}@example.com", **extra}


def event(n: int, etype: str, obj: dict[str, Any], created: int = 1_700_000_000,
          api_version: str = "2026-10-28.endive") -> dict[str, Any]:
    return {"id": f"evt_{n:04d}", "object": "event", "type": etype, "created": created,
            "api_version": api_version, "data": {"object": obj}}


def test_new_cache_has_a_table_per_type_wal_and_current_schema(tmp_path: Path) -> None:
    with Cache(tmp_path / "p.db") as c:
        assert c.schema_version == SCHEMA_VERSION
        assert c.notice is None
    conn = sqlite3.connect(tmp_path / "p.db")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) | {"sync_state", "customers_fts", "invoices_fts"} <= names
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_reopening_keeps_data_and_state(tmp_path: Path) -> None:
    with Cache(tmp_path / "p.db") as c:
        c.upsert("customers", [customer(1, 10)])
        c.set_events_cursor("evt_9")
    with Cache(tmp_path / "p.db") as c:
        assert c.get("customers", "cus_0001") is not None
        assert c.events_cursor == "evt_9"


def test_damaged_file_is_moved_aside_and_rebuilt_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    path.write_bytes(b"this is not an SQLite database at all" * 100)
    with Cache(path) as c:
        assert c.notice is not None and "rebuilt" in c.notice
        assert c.damaged_copy is not None and c.damaged_copy.exists()
        assert c.count("customers") == 0
        c.upsert("customers", [customer(1, 10)])
        assert c.count("customers") == 1


def test_cache_from_a_newer_app_version_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with Cache(path) as c:
        assert c.notice is not None
        assert c.schema_version == SCHEMA_VERSION


def test_upsert_updates_in_place_and_extracts_columns(cache: Cache) -> None:
    cache.upsert("customers", [customer(1, 10)])
    cache.upsert("customers", [customer(1, 10, name="Renamed")])
    assert cache.get("customers", "cus_0001")["name"] == "Renamed"
    assert cache.count("customers", filters={"name": "Renamed"}) == 1
    assert [h.id for h in cache.search("Renamed")] == ["cus_0001"]
    assert cache.search("Customer 1") == []


def test_subscription_period_end_and_mrr_come_from_items(cache: Cache) -> None:
    sub = {"id": "sub_1", "object": "subscription", "created": 5, "status": "active",
           "customer": "cus_0001", "currency": "usd", "items": {"data": [
               {"current_period_end": 2000, "quantity": 2,
                "price": {"unit_amount": 1000, "recurring": {"interval": "month"}}},
               {"current_period_end": 3000, "quantity": 1,
                "price": {"unit_amount": 12000, "recurring": {"interval": "year"}}}]}}
    cache.upsert("subscriptions", [sub])
    assert cache.count("subscriptions", filters={"current_period_end": 3000}) == 1
    assert cache.mrr() == {"usd": 3000}
    cache.upsert("subscriptions", [{**sub, "status": "canceled"}])
    assert cache.mrr() == {}
    assert cache.count("subscriptions", filters={"status": "canceled"}) == 1


def test_deletion_stub_keeps_last_state_but_leaves_lists(cache: Cache) -> None:
    cache.upsert("customers", [customer(1, 10), customer(2, 11)])
    cache.upsert("customers", [{"id": "cus_0001", "object": "customer", "deleted": True}])
    assert cache.get("customers", "cus_0001") == {**customer(1, 10), "deleted": True}
    assert [r["id"] for r in cache.page("customers").rows] == ["cus_0002"]
    assert cache.count("customers", include_deleted=True) == 2
    assert cache.search("Customer 1") == []


def test_apply_event_is_exactly_once_and_moves_cursor(cache: Cache) -> None:
    created = event(1, "customer.created", customer(1, 10))
    assert cache.apply_event(created, created["data"]["object"]) is True
    renamed = customer(1, 10, name="Second")
    assert cache.apply_event(event(2, "customer.updated", renamed), renamed) is True
    # The first event delivered again (a retried page) must not roll the name back.
    assert cache.apply_event(created, created["data"]["object"]) is False
    assert cache.get("customers", "cus_0001")["name"] == "Second"
    assert cache.events_cursor == "evt_0002"
    assert cache.count("events") == 2


def test_deleted_event_marks_row_deleted(cache: Cache) -> None:
    cache.upsert("customers", [customer(1, 10)])
    gone = customer(1, 10)
    assert cache.apply_event(event(1, "customer.deleted", gone), gone)
    assert cache.get("customers", "cus_0001")["deleted"] is True
    assert cache.count("customers") == 0


def test_canceled_subscription_event_keeps_the_row(cache: Cache) -> None:
    sub = {"id": "sub_1", "object": "subscription", "created": 5, "status": "canceled"}
    assert cache.apply_event(event(1, "customer.subscription.deleted", sub), sub)
    assert cache.page("subscriptions", filters={"status": "canceled"}).rows == [sub]


def test_event_for_uncached_type_is_still_recorded(cache: Cache) -> None:
    other = {"id": "seti_1", "object": "setup_intent", "created": 3}
    assert cache.apply_event(event(1, "setup_intent.created", other), other)
    assert cache.events_cursor == "evt_0001"
    assert cache.get("events", "evt_0001")["type"] == "setup_intent.created"


def test_failed_apply_leaves_nothing_behind(cache: Cache) -> None:
    broken = {"object": "customer", "created": 3}  # no id: the upsert fails
    with pytest.raises(KeyError):
        cache.apply_event(event(1, "customer.created", broken), broken)
    assert cache.count("events") == 0
    assert cache.events_cursor is None


def test_keyset_pages_walk_both_ways_through_equal_timestamps(cache: Cache) -> None:
    # 25 customers, five per second: ties on `created` are broken by id.
    cache.upsert("customers", [customer(n, 100 + n // 5) for n in range(25)])
    page = cache.page("customers", limit=7)
    pages = [page]
    while page.has_older:
        page = cache.page("customers", older_than=page.oldest, limit=7)
        pages.append(page)
    seen = [r["id"] for p in pages for r in p.rows]
    expected = sorted((customer(n, 100 + n // 5) for n in range(25)),
                      key=lambda c: (c["created"], c["id"]), reverse=True)
    assert seen == [c["id"] for c in expected]
    assert not pages[0].has_newer and pages[-1].has_newer
    back = cache.page("customers", newer_than=pages[2].newest, limit=7)
    assert back.rows == pages[1].rows
    assert back.has_newer and back.has_older
    with pytest.raises(ValueError):
        cache.page("customers", older_than=Cursor(1, "a"), newer_than=Cursor(2, "b"))


def test_filters_and_counts(cache: Cache) -> None:
    charges = [{"id": f"ch_{n}", "object": "charge", "created": n, "amount": 100 * n,
                "currency": "usd" if n % 2 else "eur",
                "status": "succeeded" if n % 3 else "failed", "customer": "cus_0001"}
               for n in range(1, 13)]
    cache.upsert("charges", charges)
    assert cache.count("charges", filters={"status": "failed"}) == 4
    assert cache.count("charges", filters={"currency": ["usd", "eur"]}) == 12
    page = cache.page("charges", filters={"status": "succeeded", "currency": "usd"},
                      since=3, until=10)
    assert [r["id"] for r in page.rows] == ["ch_7", "ch_5"]
    assert cache.count("charges", filters={"customer": None}) == 0
    with pytest.raises(ValueError):
        cache.count("charges", filters={"data; DROP TABLE charges": 1})
    with pytest.raises(ValueError):
        cache.page("not_a_table")


def test_dashboard_aggregates(cache: Cache) -> None:
    day = 1_767_225_600  # 2026-01-01T00:00:00Z
    cache.upsert("charges", [
        {"id": "ch_1", "object": "charge", "created": day + 100, "amount": 1000,
         "amount_refunded": 250, "currency": "usd", "status": "succeeded", "captured": True},
        {"id": "ch_2", "object": "charge", "created": day + 200, "amount": 500,
         "amount_refunded": 0, "currency": "usd", "status": "succeeded", "captured": True},
        {"id": "ch_3", "object": "charge", "created": day + 86_400, "amount": 700,
         "amount_refunded": 0, "currency": "jpy", "status": "succeeded", "captured": True},
        {"id": "ch_4", "object": "charge", "created": day + 300, "amount": 9999,
         "currency": "usd", "status": "failed"}])
    takings = cache.takings_per_day(since=day)
    assert [(t.day, t.currency, t.gross, t.refunded, t.count) for t in takings] == [
        ("2026-01-01", "usd", 1500, 250, 2), ("2026-01-02", "jpy", 700, 0, 1)]
    # Eleven hours west of UTC, the first two charges fall on New Year's Eve.
    assert cache.takings_per_day(since=day, utc_offset=-11 * 3600)[0].day == "2025-12-31"
    cache.upsert("refunds", [
        {"id": "re_1", "object": "refund", "created": day, "amount": 250, "currency": "usd",
         "status": "succeeded"},
        {"id": "re_2", "object": "refund", "created": day, "amount": 50, "currency": "usd",
         "status": "failed"}])
    assert [(t.currency, t.amount, t.count) for t in cache.refund_totals(since=0)] == [
        ("usd", 250, 1)]
    cache.upsert("disputes", [
        {"id": f"dp_{n}", "object": "dispute", "created": day, "status": s}
        for n, s in enumerate(["needs_response", "needs_response", "won"])])
    assert cache.dispute_counts() == {"needs_response": 2, "won": 1}
    cache.upsert("invoices", [
        {"id": "in_1", "object": "invoice", "created": day, "status": "open",
         "currency": "usd", "amount_remaining": 300, "due_date": day + 10},
        {"id": "in_2", "object": "invoice", "created": day, "status": "open",
         "currency": "usd", "amount_remaining": 200, "due_date": None},
        {"id": "in_3", "object": "invoice", "created": day, "status": "paid",
         "currency": "usd", "amount_remaining": 0, "due_date": day}])
    [summary] = cache.invoice_summary(now=day + 20)
    assert (summary.open_count, summary.open_amount) == (2, 500)
    assert (summary.overdue_count, summary.overdue_amount) == (1, 300)


def test_backfill_checkpoint_is_saved_with_its_page(cache: Cache) -> None:
    assert cache.checkpoint("customers") == Checkpoint()
    pm = {"id": "pm_1", "object": "payment_method", "created": 9, "customer": "cus_0001",
          "card": {"last4": "4242", "brand": "visa"}}
    split = Checkpoint(segments=(Segment(gte=5, after="cus_0001"), Segment(lt=5)), count=1,
                       newest=10)
    cache.save_backfill_page("customers", [customer(1, 10)], split, generation=1,
                             related=[pm])
    assert cache.checkpoint("customers") == split
    assert not split.done
    assert cache.count("payment_methods", filters={"customer": "cus_0001", "last4": "4242"}) == 1
    # A list-only source (its own objects are not a cached type) still keeps its place.
    cache.save_backfill_page("setup_intents", [{"id": "seti_1", "object": "setup_intent"}],
                             Checkpoint((Segment(done=True),), count=1), generation=1,
                             related=[{**pm, "id": "pm_2"}])
    assert cache.checkpoint("setup_intents").done
    assert cache.get("payment_methods", "pm_2") is not None
    cache.reset_backfill()
    assert cache.checkpoint("customers") == Checkpoint()
    assert cache.get("customers", "cus_0001") is not None


def test_sweep_marks_unlisted_rows_deleted_but_spares_newer_ones(cache: Cache) -> None:
    cache.upsert("customers", [customer(1, 10), customer(2, 20), customer(3, 500)])
    cache.save_backfill_page("customers", [customer(2, 20)],
                             Checkpoint((Segment(done=True),)), generation=4)
    assert cache.sweep_unlisted("customers", generation=4, listed_before=100) == 1
    assert cache.get("customers", "cus_0001")["deleted"] is True
    assert "deleted" not in cache.get("customers", "cus_0003")


def test_last_success_is_remembered(cache: Cache) -> None:
    assert cache.last_success is None
    cache.mark_success(1234.5)
    assert cache.last_success == 1234.5


def test_upsert_object_routes_by_object_field(cache: Cache) -> None:
    assert cache.upsert_object({"id": "cs_1", "object": "checkout.session", "created": 1,
                                "status": "open"}) == "checkout_sessions"
    assert cache.upsert_object({"id": "tok_1", "object": "token"}) is None
    assert cache.count("checkout_sessions", filters={"status": "open"}) == 1


def test_writers_on_several_threads_do_not_collide(cache: Cache) -> None:
    def write(table: str) -> None:
        for n in range(50):
            cache.save_backfill_page(
                table, [{"id": f"x_{table}_{n}", "object": TABLES[table].object, "created": n}],
                Checkpoint((Segment(after=f"x_{n}"),), count=n + 1), generation=1)

    threads = [threading.Thread(target=write, args=(t,)) for t in OBJECT_TYPES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(cache.count(t) == 50 for t in OBJECT_TYPES)
    assert all(cache.checkpoint(t).count == 50 for t in OBJECT_TYPES)


def test_pages_committed_together_fail_together_and_each_writer_hears_it(
        cache: Cache) -> None:
    # A checkpoint that cannot be written makes its transaction fail after rows went in.
    broken = Checkpoint(newest=cast(Any, {1, 2}))
    outcomes: dict[str, BaseException | None] = {}

    def save(source: str, checkpoint: Checkpoint) -> None:
        try:
            cache.save_backfill_page(source, [customer(len(outcomes) + 1, 10)], checkpoint,
                                     generation=1)
            outcomes[source] = None
        except TypeError as error:
            outcomes[source] = error

    # Both pages queue while a third write holds the lock, so one transaction takes both.
    with cache._lock:
        threads = [threading.Thread(target=save, args=("customers", Checkpoint(count=1))),
                   threading.Thread(target=save, args=("charges", broken))]
        for t in threads:
            t.start()
        while len(cache._queue) < 2:
            time.sleep(0.001)
    for t in threads:
        t.join()
    assert all(isinstance(outcomes[s], TypeError) for s in ("customers", "charges"))
    # Nothing of either page is stored: a resumed backfill lists both again.
    assert cache.count("customers") == 0
    assert cache.checkpoint("customers") == Checkpoint()
    cache.save_backfill_page("customers", [customer(1, 10)], Checkpoint(count=1),
                             generation=1)
    assert cache.count("customers") == 1


def test_a_page_queued_after_one_that_failed_is_not_written(cache: Cache) -> None:
    broken = Checkpoint(newest=cast(Any, {1, 2}))
    first = cache.queue_page("customers", cache.encode_page([customer(1, 10)], 1), broken)
    with pytest.raises(TypeError):
        cache.write_queued(first)
    # The second page's checkpoint counts the first page's customer: written alone, it
    # would tell a resumed backfill that customer was stored.
    second = cache.queue_page("customers", cache.encode_page([customer(2, 11)], 1),
                              Checkpoint(count=2), after=first)
    other = cache.queue_page("charges", cache.encode_page([], 1), Checkpoint(count=5))
    with pytest.raises(TypeError):
        cache.write_queued(second)
    cache.write_queued(other)
    assert cache.count("customers") == 0
    assert cache.checkpoint("customers") == Checkpoint()
    # Another type's page, not after the failed one, is written.
    assert cache.checkpoint("charges").count == 5


def test_checkpoints_queued_in_order_are_written_in_order(cache: Cache) -> None:
    pages = [cache.queue_page("customers", cache.encode_page([customer(n, 10 + n)], 1),
                              Checkpoint(count=n)) for n in (1, 2, 3)]
    cache.write_queued(pages[1])
    assert all(p.written for p in pages)
    assert cache.count("customers") == 3
    assert cache.checkpoint("customers") == Checkpoint(count=3)


def shop_customer(n: int) -> dict[str, Any]:
    """A customer shaped like Stripe's (most keys repeat from one customer to the next)."""
    return customer(n, 1_700_000_000 + n, phone=f"+1555{n:07d}", description=None,
                    address={"city": "Lisbon", "country": "PT", "line1": f"Rua {n}",
                             "line2": None, "postal_code": "1100-001", "state": None},
                    balance=0, currency="eur", default_source=None, delinquent=False,
                    discount=None, invoice_prefix=f"A{n:07X}", livemode=False,
                    metadata={"loyalty": str(n % 7)}, preferred_locales=["pt-PT"],
                    shipping=None, tax_exempt="none", test_clock=None,
                    invoice_settings={"custom_fields": None, "default_payment_method": None,
                                      "footer": None, "rendering_options": None})


def test_objects_are_stored_compact_and_read_back_whole(tmp_path: Path) -> None:
    shoppers = [shop_customer(n) for n in range(200)]
    with Cache(tmp_path / "p.db") as c:
        c.upsert("customers", shoppers[:100])
        c.save_backfill_page("customers", shoppers[100:], Checkpoint(), generation=1)
        assert c.get("customers", "cus_0007") == shoppers[7]
        assert c.page("customers", limit=200).rows == shoppers[::-1]
        assert [h.data for h in c.search("Customer 150")] == [shoppers[150]]
    conn = sqlite3.connect(tmp_path / "p.db")
    stored, kinds = conn.execute(
        "SELECT SUM(length(data)), group_concat(DISTINCT typeof(data)) FROM customers "
        "WHERE id != (SELECT id FROM customers ORDER BY rowid LIMIT 1)").fetchone()
    conn.close()
    as_json = sum(len(json.dumps(s, separators=(",", ":"))) for s in shoppers)
    assert kinds == "blob"
    assert stored < as_json / 4


def test_a_dictionary_recorded_by_another_connection_is_found(tmp_path: Path) -> None:
    with Cache(tmp_path / "p.db") as reader, Cache(tmp_path / "p.db") as writer:
        writer.upsert("customers", [shop_customer(1), shop_customer(2)])
        assert reader.get("customers", "cus_0002") == shop_customer(2)


def test_a_version_1_cache_is_compressed_on_opening_and_stays_searchable(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](sqlite_utils.Database(conn))
    for n in range(30):
        obj = shop_customer(n)
        row = {"id": obj["id"], "data": json.dumps(obj), "created": obj["created"],
               "deleted": 0, "synced_gen": 1, **TABLES["customers"].extract(obj)}
        conn.execute(f"INSERT INTO customers ({', '.join(row)}) "  # noqa: S608
                     f"VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    with Cache(path) as c:
        assert c.schema_version == SCHEMA_VERSION
        assert c.get("customers", "cus_0012") == shop_customer(12)
        assert [h.id for h in c.search("Customer 12")] == ["cus_0012"]
        c.upsert("customers", [shop_customer(12) | {"name": "Renamed"}])
        assert [h.id for h in c.search("Renamed")] == ["cus_0012"]
        assert c.search("Customer 12") == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT DISTINCT typeof(data) FROM customers").fetchall() == [("blob",)]
    conn.close()


def test_a_view_reads_the_last_commit_while_a_page_is_being_written(cache: Cache) -> None:
    cache.upsert("customers", [customer(1, 10)])
    writing, read_done = threading.Event(), threading.Event()

    def slow_page() -> None:
        # A backfill page's transaction, held open until the reader has finished.
        with cache._transaction() as conn:
            conn.execute("UPDATE customers SET name = 'Half written'")
            writing.set()
            read_done.wait(10)

    writer = threading.Thread(target=slow_page)
    writer.start()
    assert writing.wait(10)
    seen = cache.count("customers", filters={"name": "Customer 1"})
    read_done.set()
    writer.join()
    assert seen == 1
    assert cache.count("customers", filters={"name": "Half written"}) == 1


def test_a_version_3_cache_learns_which_charges_were_captured_on_opening(
        tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    day = 1_764_547_200  # 2025-12-01 00:00 UTC
    taken = {"id": "ch_taken", "object": "charge", "created": day + 60, "status": "succeeded",
             "amount": 900, "amount_captured": 900, "amount_refunded": 0, "currency": "usd",
             "captured": True, "refunded": False, "padding": "x" * 400}
    held = {**taken, "id": "ch_held", "amount_captured": 0, "captured": False,
            "payment_method_details": {"card": {"capture_before": day + 7 * 86_400}}}
    with Cache(path) as c:
        c.upsert("charges", [taken, held])
    as_left_by_version(path, 3, *(f"ALTER TABLE charges DROP COLUMN {column}"
                                  for column in ("captured", "amount_captured", "capture_before")))

    with Cache(path) as c:
        assert c.schema_version == SCHEMA_VERSION
        assert [(t.gross, t.count) for t in c.takings_per_day(since=day)] == [(900, 1)]
        [held_now] = c.uncaptured()
        assert (held_now.amount, held_now.first_expiry) == (900, day + 7 * 86_400)


def test_recording_changes_names_the_tables_this_thread_wrote(cache: Cache) -> None:
    other_thread = threading.Thread(target=lambda: cache.upsert("refunds", [
        {"id": "re_1", "object": "refund", "created": 1, "amount": 100}]))
    with cache.recording_changes() as outer:
        cache.upsert_object({"id": "cus_1", "object": "customer", "created": 1})
        with cache.recording_changes() as inner:
            cache.mark_deleted("payment_methods", ["pm_1"])
        other_thread.start()
        other_thread.join()
        cache.get("customers", "cus_1")  # reading changes nothing
    assert inner == {"payment_methods"}
    assert outer == {"customers", "payment_methods"}  # not the other thread's refunds
    cache.upsert_object({"id": "cus_2", "object": "customer", "created": 2})
    assert outer == {"customers", "payment_methods"}  # nothing recorded after the block
