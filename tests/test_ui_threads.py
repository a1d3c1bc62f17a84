"""The GUI thread never talks to Stripe: every request of a full collect flow runs on a
worker thread, and a request attempted from the GUI thread is refused."""

from __future__ import annotations

import threading

import pytest
import qasync
from ui_support import loop as loop  # fixture
from ui_support import run
from ui_support import window as window  # fixture
from ui_support import worker as worker  # fixture

from posapp.gateway import customers
from posapp.gateway.client import RequestRecord
from posapp.gateway.errors import ForbiddenThreadError
from posapp.ui.main_window import MainWindow


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
