"""The back office's cached types in an older cache file: opening it adds their tables
(in schema version 6) and keeps what it held; net volume sums what sales brought in."""

from __future__ import annotations

from pathlib import Path

from store_support import as_left_by_version

from posapp.store.cache import SCHEMA_VERSION, Cache

BACK_OFFICE = ("balance_transactions", "payouts", "accounts", "application_fees", "transfers")


def _txn(txn_id: str, kind: str, amount: int, fee: int, created: int) -> dict[str, object]:
    return {"id": txn_id, "object": "balance_transaction", "type": kind, "amount": amount,
            "fee": fee, "net": amount - fee, "currency": "usd", "status": "available",
            "available_on": created, "created": created, "source": None}


def test_a_version_5_cache_gains_the_back_office_tables_and_keeps_its_rows(
        tmp_path: Path) -> None:
    path = tmp_path / "old.cache.sqlite3"
    cache = Cache(path)
    cache.upsert_object({"id": "cus_1", "object": "customer", "created": 1, "name": "Ada"})
    cache.close()
    as_left_by_version(path, 5, *(f"DROP TABLE [{table}]" for table in BACK_OFFICE))

    reopened = Cache(path)
    try:
        assert reopened.schema_version == SCHEMA_VERSION
        assert reopened.get("customers", "cus_1") is not None
        reopened.upsert("balance_transactions", [
            _txn("txn_1", "charge", 2000, 88, 100), _txn("txn_2", "refund", -500, 0, 200),
            _txn("txn_3", "payout", -1412, 0, 300), _txn("txn_4", "charge", 999, 59, 50)])
        [volume] = reopened.net_volume(since=100)
        assert (volume.currency, volume.amount, volume.count) == ("usd", 1912 - 500, 2)
    finally:
        reopened.close()
