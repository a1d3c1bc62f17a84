"""Benchmark: process start to the main window painted, on an empty cache and a full one.

Sets up a data folder with one profile on a running sandbox (the key comes from
STRIPE_API_KEY, as `posapp` allows for one run), then starts `posapp` (`posapp.app.main`)
in a new process several times and reports how long after the spawn the main window
received its first paint event. The child is the real command line with a probe thread
that only watches for that paint and then closes the window (the app quits as usual, so
the next start finds the cache closed cleanly). Run once with an empty cache and once with
the profile's cache filled with `--objects` synthetic objects (a completed sync). Prints the
CPU time the process had used by the paint (less sensitive to a busy machine than the
wall time) and the machine's load average before and after.

    .venv/bin/python benchmarks/bench_startup.py [--objects 234000] [--runs 5]
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_sync import fill_search_cache, print_load, start_sandbox

from posapp.config import Paths, Settings
from posapp.keys import KeyVault, Profile, ProfileStore
from posapp.services.session import cache_path
from posapp.store.cache import Cache

REPO = Path(__file__).resolve().parent.parent
KEY = "sk_test_bench"
PROBE = """
import os, sys, threading, time
t0 = float(os.environ["BENCH_T0"])

def watch():
    # Patches the controller once the app has imported it, so the probe changes nothing
    # in what the app imports, or in what order.
    while "posapp.ui.shell.controller" not in sys.modules or not hasattr(
            sys.modules["posapp.ui.shell.controller"], "GuiController"):
        time.sleep(0.001)
    controller = sys.modules["posapp.ui.shell.controller"]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(f"painted {time.time() - t0:.3f} {time.process_time():.3f}", flush=True)
                # Quit as a user would: a process killed here would leave the cache's WAL
                # behind, and the next start would check the whole file as after a crash.
                QTimer.singleShot(0, QApplication.closeAllWindows)
            return False

    show = controller.GuiController._show
    def watching_show(self, window):
        if type(window).__name__ == "MainWindow":
            window._first_paint = FirstPaint()
            window.installEventFilter(window._first_paint)
        show(self, window)
    controller.GuiController._show = watching_show

threading.Thread(target=watch, daemon=True).start()
from posapp.app import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def prepare(root: Path, url: str) -> Paths:
    paths = Paths.resolve(root)
    paths.create()
    store = ProfileStore(Settings.load(paths.settings_file), KeyVault())
    store.add(Profile("Bench", "test", "acct_bench", "Bench shop", url))
    store.set_last_used("Bench")
    return paths


def start_times(root: Path, runs: int) -> list[tuple[float, float]]:
    env = {**os.environ, "STRIPE_API_KEY": KEY, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        env["BENCH_T0"] = repr(time.time())
        done = subprocess.run([sys.executable, "-c", PROBE, str(root)], env=env,
                              cwd=REPO, capture_output=True, text=True, timeout=120,
                              check=False)
        line = next((x for x in done.stdout.splitlines() if x.startswith("painted ")), None)
        if line is None:
            raise SystemExit(f"the window was not painted: {done.stderr[-2000:]}")
        times.append((float(line.split()[1]), float(line.split()[2])))
    return times


def report(label: str, runs: list[tuple[float, float]]) -> None:
    times = [wall for wall, _ in runs]
    cpu = statistics.median(c for _, c in runs)
    print(f"{label}: start -> main window painted: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s over {len(times)} runs "
          f"(CPU used by then: median {cpu:.2f} s)  (target < 1.0 s empty, < 1.2 s full)")


def fill(paths: Paths, url: str, objects: int) -> None:
    profile = Profile("Bench", "test", "acct_bench", "Bench shop", url)
    with Cache(cache_path(paths, profile)) as cache:
        fill_search_cache(cache, objects, random.Random(3))
        cache.set_state("sync.complete", "1")
        cache.mark_success()
        total = sum(cache.count(t) for t in ("customers", "invoices", "charges",
                                              "payment_intents"))
    print(f"cache filled with {total:,} objects")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=234_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # An installed app has its bytecode; without it (PYTHONDONTWRITEBYTECODE, a fresh
    # checkout) every start compiled posapp's modules again: ~0.35 s more on this machine.
    compileall.compile_dir(REPO / "posapp", quiet=1)
    print_load("before")
    process, url = start_sandbox(100, 0, 25)
    try:
        with tempfile.TemporaryDirectory(prefix="posapp-bench-start-") as tmp:
            paths = prepare(Path(tmp), url)
            report("empty cache", start_times(Path(tmp), args.runs))
            fill(paths, url, args.objects)
            report(f"{args.objects:,} cached objects", start_times(Path(tmp), args.runs))
    finally:
        process.terminate()
        process.wait()
    print_load("after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
