"""The catalogue in the cache: products found by name, SKU and barcode; coupons, promotion
codes and tax rates stored; and a version-2 cache upgraded with its products searchable."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from store_support import as_left_by_version

from posapp.store.cache import SCHEMA_VERSION, Cache


def product(n: int, name: str, sku: str, barcode: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"prod_{n:04d}", "object": "product", "created": 1_700_000_000 + n,
            "name": name, "active": True,
            "metadata": {"sku": sku, "barcode": barcode, "category": "Drinks"}, **extra}


def test_products_are_found_by_name_sku_and_barcode(tmp_path: Path) -> None:
    with Cache(tmp_path / "c.db") as cache:
        cache.upsert("products", [product(1, "Flat white", "FW-12", "5012345678900"),
                                  product(2, "Oat latte", "OL-16", "5012345678917")])
        def found(text: str) -> list[str]:
            return [hit.id for hit in cache.search(text, tables=["products"])]
        assert found("flat") == ["prod_0001"]
        assert found("OL-16") == ["prod_0002"]
        assert found("5012345678917") == ["prod_0002"]
        assert cache.count("products", filters={"barcode": "5012345678900"}) == 1


def test_coupons_codes_and_tax_rates_are_cached(tmp_path: Path) -> None:
    with Cache(tmp_path / "c.db") as cache:
        cache.upsert_object({"id": "SPRING", "object": "coupon", "created": 1, "name": "Spring",
                             "valid": True})
        cache.upsert_object({"id": "promo_1", "object": "promotion_code", "created": 2,
                             "code": "SPRING10", "active": True,
                             "promotion": {"type": "coupon", "coupon": "SPRING"}})
        cache.upsert_object({"id": "txr_1", "object": "tax_rate", "created": 3,
                             "display_name": "VAT", "active": True})
        assert cache.count("promotion_codes", filters={"coupon": "SPRING"}) == 1
        assert cache.get("coupons", "SPRING") is not None
        assert cache.get("tax_rates", "txr_1") is not None


def test_version_4_cache_gains_the_catalogue_and_finds_its_products(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
                 "data BLOB NOT NULL)")
    conn.execute("CREATE TABLE products (id TEXT PRIMARY KEY, data TEXT NOT NULL, "
                 "created INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, "
                 "synced_gen INTEGER NOT NULL DEFAULT 0, name TEXT, active INTEGER)")
    old = product(7, "Croissant", "CR-1", "4006381333931")
    conn.execute("INSERT INTO products (id, data, created, name, active) VALUES (?,?,?,?,1)",
                 [old["id"], json.dumps(old), old["created"], old["name"]])
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Cache(path) as cache:
        assert cache.notice is None and cache.schema_version == SCHEMA_VERSION
        assert [h.id for h in cache.search("4006381333931", tables=["products"])] \
            == ["prod_0007"]
        cache.upsert_object({"id": "txr_2", "object": "tax_rate", "created": 1,
                             "display_name": "GST", "active": True})
        assert cache.get("tax_rates", "txr_2") is not None


def test_version_6_cache_gains_the_catalogue_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    """A cache made before the catalogue (version 6: Terminal and back office tables, no
    coupons, promotion codes or tax rates) gains them at version 7."""
    path = tmp_path / "v6.db"
    with Cache(path) as cache:
        cache.upsert_object(product(3, "Espresso", "ES-1", "4006381333900"))
    as_left_by_version(path, 6, *(f"DROP TABLE [{table}]"
                                  for table in ("coupons", "promotion_codes", "tax_rates")))
    with Cache(path) as cache:
        assert cache.schema_version == SCHEMA_VERSION
        assert [h.id for h in cache.search("ES-1", tables=["products"])] == ["prod_0003"]
        cache.upsert_object({"id": "promo_9", "object": "promotion_code", "created": 1,
                             "code": "NINE", "active": True,
                             "promotion": {"type": "coupon", "coupon": "NINE"}})
        assert cache.count("promotion_codes", filters={"coupon": "NINE"}) == 1
        assert cache.get("terminal_readers", "tmr_1") is None
