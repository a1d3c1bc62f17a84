"""Take the subscriptions and invoices screenshots in this folder: the demo window under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/capture_billing.py

Starts the demo sandbox in-process, opens the window as `--demo` does, selects a running
subscription (its next-invoice preview fetched) and an open invoice, and saves PNGs.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import qasync

from posapp.config import Paths
from posapp.sandbox import running
from posapp.ui.launch import GuiOptions, application, make_controller
from posapp.ui.main_window import MainWindow, Panel
from posapp.worker import Worker

HERE = Path(__file__).resolve().parent
SIZE = (1360, 860)


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


async def shoot(window: MainWindow) -> None:
    """Select a subscription and an invoice worth showing and save both screens."""
    window.resize(*SIZE)
    await until(lambda: window.state.cache.last_success is not None, "the demo sync")
    window.toasts.clear()

    window.show_panel(Panel.SUBSCRIPTIONS)
    subscriptions = window.subscriptions
    rows = [subscriptions.model.object_at(r) or {}
            for r in range(subscriptions.model.rowCount())]
    chosen = next(s for s in rows if s.get("status") == "active"
                  and len((s.get("items") or {}).get("data") or []) >= 1)
    subscriptions.list.select_id(str(chosen["id"]))
    subscriptions.detail.tabs.setCurrentIndex(1)
    await until(lambda: subscriptions.detail.upcoming is not None, "the next invoice")
    await asyncio.sleep(0.5)
    save(window, "subscriptions")

    window.toasts.clear()
    window.show_panel(Panel.INVOICES)
    invoices = window.invoices
    rows = [invoices.model.object_at(r) or {} for r in range(invoices.model.rowCount())]
    invoice = next((i for i in rows if i.get("status") == "open"), rows[0])
    invoices.list.select_id(str(invoice["id"]))
    await asyncio.sleep(0.5)
    save(window, "invoices")


def main() -> int:
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with running(seed="demo") as sandbox, Worker() as worker:
        paths = Paths.resolve(Path(tempfile.mkdtemp(prefix="posapp-shots-")))
        controller = make_controller(GuiOptions(paths=paths, demo_api_base=sandbox.url,
                                                demo_api_key="sk_test_demo"), worker)
        with loop:
            loop.run_until_complete(controller.start())
            window = controller.window
            assert isinstance(window, MainWindow)
            loop.run_until_complete(shoot(window))
            controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
