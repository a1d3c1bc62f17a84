"""Benchmark: the cashier's wait, from the customer paying on the hosted page to "Paid".

Starts `python -m posapp.sandbox --seed demo --latency-ms L`, opens the real main window on
it (as the UI tests build it), and `--sales` times: types an amount on the collect screen,
asks for a payment link, lets the customer take a random 0-2 s, pays the hosted page as a
browser posts it, and times how long after the page answered the screen shows "Paid".
Counts the app's requests to the sandbox while each request was open (per second), then
leaves the app idle for `--idle-seconds` after a minute's settling and counts its requests
per minute (`--settle-seconds`). Prints the machine's load average before and after. Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_paid.py [--sales 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from bench_sync import print_load

from posapp.config import Paths
from posapp.ui.shell import launch
from posapp.ui.shell.main_window import MainWindow, Panel
from posapp.worker import Worker

GUARD = 30.0


def start_sandbox(latency_ms: int) -> tuple[object, str]:
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "posapp.sandbox", "--port", "0", "--seed", "demo",
         "--latency-ms", str(latency_ms), "--api-key", "sk_test_demo"],
        stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def pay(url: str) -> int:
    """Post the hosted page's form as the customer's browser does."""
    data = urllib.parse.urlencode({"card": "4242424242424242", "email": "buyer@example.com",
                                   "name": "Walk-in buyer"}).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data)) as answer:
        return int(answer.status)


async def until(condition: object, what: str) -> None:
    deadline = time.monotonic() + GUARD
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=20)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--idle-seconds", type=float, default=120.0)
    parser.add_argument("--settle-seconds", type=float, default=60.0,
                        help="quiet time before the idle count starts")
    args = parser.parse_args()
    print_load("before")
    process, url = start_sandbox(args.latency_ms)
    try:
        run(url, args.sales, args.idle_seconds, args.settle_seconds)
    finally:
        process.terminate()  # type: ignore[attr-defined]
        process.wait()  # type: ignore[attr-defined]
    print_load("after")
    return 0


def run(url: str, sales: int, idle_seconds: float, settle_seconds: float) -> None:
    app = launch.application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    rng = random.Random(5)
    # The customer's browser pays from a plain thread: the loop's default executor would be
    # qasync's QThreads, still running when the QApplication goes.
    with tempfile.TemporaryDirectory(prefix="posapp-bench-paid-") as tmp, Worker() as worker, \
            ThreadPoolExecutor(max_workers=1) as browser:
        controller = launch.make_controller(
            launch.GuiOptions(paths=Paths.resolve(Path(tmp)), demo_api_base=url,
                              demo_api_key="sk_test_demo"), worker)
        loop.run_until_complete(controller.start())
        launch.after_start_up()
        window = controller.window
        assert isinstance(window, MainWindow)
        state = window.state
        requests: list[float] = []
        state.session.gateway.add_request_hook(lambda _r: requests.append(time.monotonic()))
        loop.run_until_complete(until(lambda: state.cache.last_success is not None,
                                      "the first sync"))
        window.show_panel(Panel.COLLECT)
        collect = window.collect
        delays: list[float] = []
        waiting = 0.0
        waiting_requests = 0

        async def one_sale(n: int) -> None:
            nonlocal waiting, waiting_requests
            collect.amount.text_edit.setText(f"{rng.randint(100, 9000) / 100:.2f}")
            collect.description.setText(f"Sale {n}")
            request = await collect.request_link()
            assert request is not None
            opened, before = time.monotonic(), len(requests)
            await asyncio.sleep(rng.uniform(0.0, 2.0))
            assert await asyncio.get_running_loop().run_in_executor(browser, pay,
                                                                    request.url) == 200
            paid = time.monotonic()
            await until(collect.view.is_paid, "Paid on screen")
            delays.append(time.monotonic() - paid)
            waiting += paid - opened
            waiting_requests += sum(1 for t in requests[before:] if t <= paid)
            collect.new_sale()

        for n in range(sales):
            loop.run_until_complete(one_sale(n))
        loop.run_until_complete(asyncio.sleep(settle_seconds))
        idle_from = len(requests)
        loop.run_until_complete(asyncio.sleep(idle_seconds))
        idle = len(requests) - idle_from
        controller.shutdown()
    delays.sort()
    p95 = delays[max(0, int(len(delays) * 0.95) - 1)]
    print(f"paid on the hosted page -> 'Paid' on screen over {len(delays)} sales: "
          f"p50 {statistics.median(delays):.2f} s, p95 {p95:.2f} s, max {delays[-1]:.2f} s "
          f"(target p95 <= 1.0 s)")
    print(f"requests while a request was open: {waiting_requests} in {waiting:.1f} s = "
          f"{waiting_requests / waiting:.2f}/s (target <= 1/s)")
    print(f"requests while idle: {idle} in {idle_seconds:.0f} s = "
          f"{idle * 60 / idle_seconds:.1f}/min (target <= 3/min)")


if __name__ == "__main__":
    raise SystemExit(main())
