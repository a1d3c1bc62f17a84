"""Helpers for the GUI tests: a qasync loop on pytest-qt's QApplication, the demo window
against a live sandbox, and waiting for what a user would see (with a guard, not a timing)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import stripe

from posapp.config import Paths
from posapp.sandbox import Sandbox
from posapp.ui.shell.controller import GuiController
from posapp.ui.shell.launch import GuiOptions, make_controller
from posapp.ui.shell.main_window import MainWindow
from posapp.worker import Worker

T = TypeVar("T")

GUARD_SECONDS = 30.0
"""How long a test waits for something before failing (never an assertion about speed)."""
DEMO_KEY = "sk_test_demo"


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to completion inside the qasync loop (Qt events keep flowing)."""
    return loop.run_until_complete(coro)


def wait_until(loop: asyncio.AbstractEventLoop, condition: Callable[[], object],
               what: str) -> None:
    """Let the app run until `condition()` is true; fail saying `what` was awaited."""
    async def poll() -> None:
        deadline = loop.time() + GUARD_SECONDS
        while not condition():
            if loop.time() > deadline:
                raise AssertionError(f"gave up waiting for {what}")
            await asyncio.sleep(0.02)
    loop.run_until_complete(poll())


def demo_controller(tmp_path: Path, sandbox: Sandbox, worker: Worker,
                    language: str = "") -> GuiController:
    """A controller like `--demo` makes, against `sandbox`, with files under `tmp_path`."""
    paths = Paths.resolve(tmp_path / "posapp")
    if language:
        paths.create()
        paths.settings_file.write_text(f'{{"language": "{language}"}}', encoding="utf-8")
    return make_controller(GuiOptions(paths=paths, demo_api_base=sandbox.url,
                                      demo_api_key=DEMO_KEY), worker)


def first_sync(loop: asyncio.AbstractEventLoop, window: MainWindow, what: str = "the first sync"
               ) -> None:
    """Wait until the window shows a finished sync (its status bar's "last synced"), so the
    lists have taken in what that sync changed."""
    wait_until(loop, lambda: window.status.last_synced is not None, what)


def sync_now(loop: asyncio.AbstractEventLoop, window: MainWindow) -> None:
    """Have the poller read Stripe's news now and wait until the window has shown it. Two
    polls complete: one may have been under way before the caller's changes at Stripe, the
    second began after them. The wait is on the status bar's "last synced", not the cache:
    the window hears of a poll after the tables it changed, so the lists are current then
    (the cache's own time is written before the window is told what changed)."""
    for _ in range(2):
        before = window.status.last_synced or 0.0
        window.state.expect_activity()

        def shown(since: float = before) -> bool:
            return (window.status.last_synced or 0.0) > since

        wait_until(loop, shown, "a poll")


def customer_with_card(client: stripe.StripeClient, card: str, name: str) -> stripe.Customer:
    """A customer with the test PaymentMethod `card` attached and made the default."""
    customer = client.v1.customers.create(params={"name": name, "email": "buyer@example.com"})
    method = client.v1.payment_methods.attach(card, params={"customer": customer.id})
    return client.v1.customers.update(
        customer.id, params={"invoice_settings": {"default_payment_method": method.id}})


async def pay_hosted_page(url: str, card: str = "4242424242424242", **fields: str) -> int:
    """Pay a hosted Checkout or Payment Link page the way a customer's browser posts it
    (off the GUI thread), with any other form `fields` typed (a `promotion_code`); returns
    the HTTP status."""
    data = urllib.parse.urlencode({"card": card, "email": "buyer@example.com",
                                   "name": "Walk-in buyer", **fields}).encode()

    def post() -> int:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data)) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as error:  # a declined card answers 402
            return int(error.code)

    with concurrent.futures.ThreadPoolExecutor(1) as browser:
        return await asyncio.wrap_future(browser.submit(post))
