"""The GUI thread never talks to Stripe: every request of a full collect flow runs on a
worker thread, and a request attempted from the GUI thread is refused."""

from __future__ import annotations

import threading

import pytest
import qasync
import stripe
from ui_support import run, sync_now, wait_until

from posapp.gateway import customers
from posapp.gateway.client import RequestRecord
from posapp.gateway.errors import ForbiddenThreadError
from posapp.ui.shell.main_window import MainWindow


def test_gateway_never_runs_on_the_gui_thread(loop: qasync.QEventLoop,
                                              window: MainWindow) -> None:
    gui = threading.current_thread()
    threads: list[threading.Thread] = []

    def record(_request: RequestRecord) -> None:
        threads.append(threading.current_thread())

    gateway = window.state.session.gateway
    gateway.add_request_hook(record)
    window.collect.amount.text_edit.setText("3.20")
    window.collect.description.setText("Espresso")
    assert run(loop, window.collect.request_link()) is not None
    run(loop, window.collect.refresh_status())
    assert threads and gui not in threads

    with pytest.raises(ForbiddenThreadError):
        customers.create_customer(gateway, {"name": "From the GUI thread"})


def test_sync_reports_reach_every_slot_on_the_gui_thread(loop: qasync.QEventLoop,
                                                         window: MainWindow,
                                                         client: stripe.StripeClient) -> None:
    """The sync loop runs on a worker thread; what it reports must reach panels' slots,
    lambdas included, on the GUI thread, where widgets and models may be touched."""
    gui = threading.current_thread()
    seen: list[tuple[str, threading.Thread]] = []
    state = window.state
    state.tables_changed.connect(lambda _t: seen.append(("tables", threading.current_thread())))
    state.synced.connect(lambda _at: seen.append(("synced", threading.current_thread())))
    state.notification.connect(lambda _n: seen.append(("note", threading.current_thread())))
    client.v1.customers.create(params={"name": "Thread check"})
    sync_now(loop, window)
    wait_until(loop, lambda: {"tables", "synced"} <= {kind for kind, _ in seen}, "reports")
    assert all(thread is gui for _, thread in seen)
