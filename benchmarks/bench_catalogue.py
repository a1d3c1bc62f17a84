"""Benchmark: the sale screen on a big catalogue (issue 14: 5,000 products, 20,000 prices).

Fills a cache file with N products (each with four prices: its default one-time price in
USD, an older archived one, one in EUR and a monthly one) and opens the real `SalePanel`
on it, then types a product name one key at a time into the search/scan box. Prints the
time to open the grid (reading the catalogue from the cache and drawing the first tiles)
and each keystroke's filter-and-redraw time (median and worst), with the load average.
Figures are printed, not asserted. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_catalogue.py [--products N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_sync import print_load
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.store.cache import Cache
from posapp.ui.catalogue.sale_panel import SalePanel
from posapp.ui.common.format import Formats

CATEGORIES = ("Coffee", "Tea", "Bakery", "Beans", "Gifts", "Merch", "Lunch", "Cold drinks")


def fill(cache: Cache, products: int) -> None:
    """`products` products with four prices each, created in time order."""
    rows: list[dict[str, Any]] = []
    prices: list[dict[str, Any]] = []
    for n in range(products):
        product_id, price_id = f"prod_{n:08d}", f"price_{n:08d}a"
        rows.append({"id": product_id, "object": "product", "created": 1_700_000_000 + n,
                     "active": True, "name": f"Item {n} {CATEGORIES[n % 8].lower()}",
                     "default_price": price_id, "images": [],
                     "metadata": {"category": CATEGORIES[n % 8], "sku": f"SKU-{n:05d}",
                                  "barcode": f"{2000000000000 + n}"}})
        base = {"object": "price", "product": product_id, "created": 1_700_000_000 + n,
                "recurring": None, "type": "one_time"}
        prices += [
            {**base, "id": price_id, "active": True, "currency": "usd",
             "unit_amount": 100 + n % 900},
            {**base, "id": f"price_{n:08d}b", "active": False, "currency": "usd",
             "unit_amount": 90 + n % 900},
            {**base, "id": f"price_{n:08d}c", "active": True, "currency": "eur",
             "unit_amount": 95 + n % 900},
            {**base, "id": f"price_{n:08d}d", "active": True, "currency": "usd",
             "unit_amount": 1000, "type": "recurring",
             "recurring": {"interval": "month", "interval_count": 1}}]
    cache.upsert("products", rows)
    cache.upsert("prices", prices)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--text", default="item 4321 tea")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print_load("before")
    with tempfile.TemporaryDirectory() as tmp, Cache(Path(tmp) / "bench.db") as cache:
        started = time.perf_counter()
        fill(cache, args.products)
        print(f"filled {args.products} products, {4 * args.products} prices in "
              f"{time.perf_counter() - started:.1f} s")
        state = SimpleNamespace(
            cache=cache, formats=Formats("en_US"), language="en_US",
            session=SimpleNamespace(profile=SimpleNamespace(default_currency="usd")),
            settings=SimpleNamespace(default_currency="usd"),
            connect_tables=lambda _tables, _slot: None)
        started = time.perf_counter()
        panel = SalePanel(state)  # type: ignore[arg-type]
        panel.resize(1280, 800)
        panel.show()
        app.processEvents()
        opened = time.perf_counter() - started
        print(f"grid open: {opened * 1000:.0f} ms ({len(panel.items)} sellable, "
              f"{panel.grid.count()} tiles drawn)")
        times = []
        for char in args.text:
            started = time.perf_counter()
            QTest.keyClicks(panel.scan, char)
            app.processEvents()
            times.append(time.perf_counter() - started)
        print(f"per keystroke over {len(times)} keys ({args.text!r} -> {len(panel.shown)} "
              f"shown): median {statistics.median(times) * 1000:.1f} ms, "
              f"worst {max(times) * 1000:.1f} ms")
        panel.close()
    print_load("after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
