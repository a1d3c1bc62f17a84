"""Take the UI screenshots in this folder: the demo window under Xvfb, grabbed per screen.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/capture.py

Starts the demo sandbox in-process, opens the window as `--demo` does, drives it to each
screen (a payment link waiting with its QR code, the same link paid through the sandbox's
hosted page, the customers list and a customer's detail, the Chinese UI) and saves PNGs.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import qasync

from posapp.config import Paths
from posapp.sandbox import running
from posapp.ui.launch import GuiOptions, application, make_controller
from posapp.ui.main_window import MainWindow, Panel
from posapp.worker import Worker

HERE = Path(__file__).resolve().parent
SIZE = (1360, 860)


async def settle(seconds: float = 0.4) -> None:
    """Let Qt lay out and paint."""
    await asyncio.sleep(seconds)


async def until(condition: object, what: str, limit: float = 60.0) -> None:
    """Wait for `condition()` (a callable) to hold."""
    waited = 0.0
    while not condition():  # type: ignore[operator]
        if waited > limit:
            raise SystemExit(f"gave up waiting for {what}")
        await asyncio.sleep(0.1)
        waited += 0.1


def save(window: MainWindow, name: str) -> None:
    """Grab the window into `name`.png here."""
    path = HERE / f"{name}.png"
    window.grab().save(str(path))
    print("saved", path)


def pay(url: str) -> None:
    """Pay a hosted page as the customer's browser would."""
    data = urllib.parse.urlencode({"card": "4242424242424242", "email": "li.na@example.com",
                                   "name": "Li Na"}).encode()
    urllib.request.urlopen(urllib.request.Request(url, data=data)).close()  # noqa: S310


async def shoot(controller_factory: object) -> None:
    """Drive the window to each screen and save it."""
    controller = controller_factory("en_US")  # type: ignore[operator]
    await controller.start()
    window: MainWindow = controller.window
    window.resize(*SIZE)
    await until(lambda: window.state.cache.last_success is not None, "the demo sync")
    await settle(1.0)

    window.show_panel(Panel.COLLECT)
    collect = window.collect
    collect.amount.text_edit.setText("42.80")
    collect.description.setText("Two coffees and a cake")
    request = await collect.request_link()
    assert request is not None
    await settle()
    save(window, "collect-waiting-qr")
    await asyncio.get_running_loop().run_in_executor(None, pay, request.url)
    await until(collect.view.is_paid, "the paid state")
    await settle(1.0)
    save(window, "collect-paid")

    window.toasts.clear()
    window.show_panel(Panel.CUSTOMERS)
    await settle()
    save(window, "customers")
    customers = window.customers
    best = max((customers.model.object_at(r) or {} for r in range(customers.model.rowCount())),
               key=lambda c: len(c.get("metadata") or {}) + bool(c.get("address")))
    customers.list.select_id(str(best["id"]))
    customers.detail.setCurrentIndex(0)
    await settle()
    save(window, "customer-detail")

    controller.set_language("zh_CN")
    chinese: MainWindow = controller.window
    chinese.resize(*SIZE)
    chinese.show_panel(Panel.COLLECT)
    chinese.collect.amount.text_edit.setText("128.00")
    chinese.collect.description.setText("午餐套餐")
    await chinese.collect.request_link()
    await settle(1.0)
    save(chinese, "chinese")
    controller.shutdown()


def main() -> int:
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with running(seed="demo") as sandbox, Worker() as worker:
        root = Path(tempfile.mkdtemp(prefix="posapp-shots-"))

        def controller_for(language: str) -> object:
            paths = Paths.resolve(root)
            paths.create()
            paths.settings_file.write_text(f'{{"language": "{language}"}}', encoding="utf-8")
            return make_controller(GuiOptions(paths=paths, demo_api_base=sandbox.url,
                                              demo_api_key="sk_test_demo"), worker)

        with loop:
            loop.run_until_complete(shoot(controller_for))
    return 0


if __name__ == "__main__":
    sys.exit(main())
