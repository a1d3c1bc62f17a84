"""Benchmark: how long the GUI thread stalls while the main window backfills a big account.

Starts `python -m posapp.sandbox --seed bench:N --latency-ms 250 --rate-limit R`, opens the
real main window on it as the UI tests do (`launch.make_controller` with the demo options,
`controller.start()`, then `launch.after_start_up()` as `launch_gui` does), shows a panel
(`--panel`, default the payments list, which reloads as pages land), and while the first
backfill runs a 10 ms QTimer on the GUI thread records how late each tick fires.
Prints the longest stall, the p99 and the count over 50 and 100 ms, with the garbage
collections (per generation: count and longest) that ran meanwhile, and the machine's load
average before and after. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stall.py [--objects N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from bench_sync import KEY, print_load, start_sandbox
from PySide6.QtCore import QTimer

from posapp.config import Paths
from posapp.sync.backfill import is_complete
from posapp.ui.shell import launch
from posapp.ui.shell.main_window import MainWindow
from posapp.ui.shell.panels import Panel
from posapp.worker import Worker

TICK_MS = 10


class GcWatch:
    """Durations of the garbage collector's runs, per generation."""

    def __init__(self) -> None:
        self.runs: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.runs[info["generation"]].append(time.perf_counter() - self._started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--panel", default="payments", choices=[p.name.lower() for p in Panel],
                        help="the panel shown while the backfill runs (default: the "
                             "payments list, which reloads as pages land)")
    parser.add_argument("--rate-limit", type=int, default=25,
                        help="the sandbox's limit (the demo key is a test key: 25/s)")
    args = parser.parse_args()
    print_load("before")
    started = time.monotonic()
    process, url = start_sandbox(args.objects, 250, args.rate_limit)
    print(f"sandbox bench:{args.objects} seeded and listening in "
          f"{time.monotonic() - started:.1f} s")
    try:
        run(url, Panel[args.panel.upper()])
    finally:
        process.terminate()
        process.wait()
    print_load("after")
    return 0


def run(url: str, panel: Panel) -> None:
    app = launch.application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory(prefix="posapp-bench-gui-") as tmp, Worker() as worker:
        paths = Paths.resolve(Path(tmp))
        controller = launch.make_controller(
            launch.GuiOptions(paths=paths, demo_api_base=url, demo_api_key=KEY),
            worker)
        loop.run_until_complete(controller.start())
        launch.after_start_up()
        window = controller.window
        assert isinstance(window, MainWindow)
        window.resize(1280, 800)
        window.show_panel(panel)
        cache = window.state.cache
        watch = GcWatch()
        gc.callbacks.append(watch)
        lateness: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            lateness.append(max(0.0, now - last[0] - TICK_MS / 1000))
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(TICK_MS)
        began = time.monotonic()

        async def until_backfilled() -> None:
            while not is_complete(cache):
                await asyncio.sleep(0.2)

        loop.run_until_complete(until_backfilled())
        elapsed = time.monotonic() - began
        timer.stop()
        gc.callbacks.remove(watch)
        objects = sum(cache.count(t) for t in ("customers", "payment_intents", "charges",
                                                "invoices", "payment_methods"))
        controller.shutdown()
    lateness.sort()
    p99 = lateness[int(len(lateness) * 0.99) - 1] if lateness else 0.0
    print(f"backfill in the window ({panel.name.lower()} shown): {elapsed:.1f} s, "
          f"{objects:,} objects cached "
          f"(customers, payments, charges, invoices, cards)")
    print(f"GUI thread stall (10 ms timer, {len(lateness):,} ticks): longest "
          f"{lateness[-1] * 1000:.0f} ms, p99 {p99 * 1000:.1f} ms, "
          f"over 50 ms: {sum(s > 0.05 for s in lateness)}, "
          f"over 100 ms: {sum(s > 0.1 for s in lateness)}  (target: longest < 50 ms)")
    for generation, runs in watch.runs.items():
        if runs:
            print(f"gc generation {generation}: {len(runs)} runs, longest "
                  f"{max(runs) * 1000:.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
