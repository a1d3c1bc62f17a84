"""Benchmark: the customers view over 100,000 cached customers.

Prints how long the Customers panel takes to open (model, view and first page, shown and
painted), what scrolling to the end of the list costs, and how many rows are then loaded —
keyset pages mean the view never holds all 100,000. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py [--customers N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from posapp.config import Paths, Settings
from posapp.keys import Profile
from posapp.services.session import cache_path, open_session
from posapp.store.cache import Cache
from posapp.ui.common.app_state import AppState, ProfileView
from posapp.ui.common.format import Formats
from posapp.ui.common.theme import DisplayMode
from posapp.ui.customers.customers_panel import CustomersPanel
from posapp.worker import Worker

BATCH = 5_000


def fill(cache: Cache, count: int) -> None:
    """`count` customers with names, e-mails and a default card id, newest last."""
    start = 1_600_000_000
    for first in range(0, count, BATCH):
        cache.upsert("customers", [
            {"id": f"cus_bench{i:07d}", "object": "customer", "created": start + i * 30,
             "name": f"Customer {i}", "email": f"customer{i}@example.com",
             "phone": f"+1 555 {i:07d}", "balance": 0, "currency": "usd",
             "invoice_settings": {"default_payment_method": f"pm_bench{i:07d}"}}
            for i in range(first, min(first + BATCH, count))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--scrolls", type=int, default=20,
                        help="times the scroll bar is dragged to the bottom")
    args = parser.parse_args()

    app = QApplication(sys.argv)
    root = Path(tempfile.mkdtemp(prefix="posapp-bench-ui-"))
    paths = Paths.resolve(root)
    paths.create()
    profile = Profile("Bench", "test", "acct_bench", "Bench shop", "http://127.0.0.1:9")
    started = time.perf_counter()
    with Cache(cache_path(paths, profile)) as cache:
        fill(cache, args.customers)
    print(f"filled {args.customers:,} customers in {time.perf_counter() - started:.1f} s")

    session = open_session(paths, profile, "sk_test_bench")
    with Worker() as worker:
        state = AppState(paths=paths, settings=Settings(paths.settings_file), session=session,
                         worker=worker, profile=ProfileView("Bench", "Bench shop", "acct_bench",
                                                            DisplayMode.TEST),
                         formats=Formats("en_US"))
        started = time.perf_counter()
        panel = CustomersPanel(state)
        panel.resize(1200, 800)
        panel.show()
        app.processEvents()
        panel.grab()
        opened = time.perf_counter() - started
        model = panel.model
        print(f"customers view opened in {opened * 1000:.0f} ms "
              f"({model.rowCount():,} rows loaded of {model.total():,})")

        bar = panel.list.table.verticalScrollBar()
        fetches: list[float] = []
        for _ in range(args.scrolls):
            before = model.rowCount()
            started = time.perf_counter()
            bar.setValue(bar.maximum())
            app.processEvents()
            fetches.append(time.perf_counter() - started)
            if model.rowCount() == before:
                break
        print(f"scrolled to the end {len(fetches)} times: {model.rowCount():,} rows loaded "
              f"of {model.total():,} ({model.pages_loaded} keyset pages); per scroll "
              f"median {statistics.median(fetches) * 1000:.1f} ms, "
              f"max {max(fetches) * 1000:.1f} ms")
        started = time.perf_counter()
        model.set_search("customer99999")
        print(f"search over {args.customers:,} customers: {model.rowCount()} hit(s) in "
              f"{(time.perf_counter() - started) * 1000:.1f} ms")
        state.close()
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
