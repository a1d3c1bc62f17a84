"""The services process killed with SIGKILL in the middle of a saved-card charge (of an
amount, or of a cart through its invoice), then the app started again on the same files:
the customer is charged exactly once (counted at the sandbox) and the cashier is told how
the sale ended, or asked before it is sent again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
import stripe
from ui_support import DEMO_KEY, GUARD_SECONDS, demo_controller, run, wait_until

from posapp.config import Paths
from posapp.keys import Profile
from posapp.sandbox import Sandbox, running
from posapp.services.session import journal_path
from posapp.store.journal import Journal, JournalState
from posapp.ui.shell.controller import DEMO_PROFILE, GuiController
from posapp.ui.shell.main_window import MainWindow
from posapp.ui.shell.recovery_dialog import RecoveryDialog
from posapp.worker import Worker

# The cashier's services, on their own: open the demo profile's session and charge the
# customer's saved card, as the collect screen does.
CHARGE = """
import sys
from pathlib import Path
from posapp.config import Paths
from posapp.keys import Profile
from posapp.services.payments import charge_saved_card
from posapp.services.session import open_session

data, api_base, key, customer, card = sys.argv[1:]
profile = Profile("Demo", "test", "", "Demo shop", api_base, "usd")
session = open_session(Paths.resolve(Path(data)), profile, key)
charge_saved_card(session, customer, card, 450, "usd", "Espresso", idempotency_key="sale-7/1")
"""
# The same for a cart charged to the saved card (an itemised invoice, then paid).
CART_CHARGE = """
import sys
from pathlib import Path
from posapp.config import Paths
from posapp.keys import Profile
from posapp.services.cart import Cart, Line
from posapp.services.sale_tenders import charge_cart_to_card
from posapp.services.session import open_session

data, api_base, key, customer, card = sys.argv[1:]
profile = Profile("Demo", "test", "", "Demo shop", api_base, "usd")
session = open_session(Paths.resolve(Path(data)), profile, key)
cart = Cart("usd").add(Line("Latte", 455, 2)).add(Line("Croissant", 330))
charge_cart_to_card(session, cart, customer, card, idempotency_key="sale-8/1")
"""
# Seed 52 makes the first six requests answer 500 before doing anything.
ALL_ERRORS_SEED = 52


@pytest.fixture
def slow_sandbox() -> Iterator[Sandbox]:
    """A sandbox whose failures the test switches on and off; its seed fixes which."""
    with running(fail_seed=ALL_ERRORS_SEED) as server:
        yield server


def _customer(client: stripe.StripeClient) -> tuple[str, str]:
    customer = client.v1.customers.create(params={"name": "Kim Killed", "email": "k@ex.com"})
    card = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer.id})
    return customer.id, card.id


def _succeeded(client: stripe.StripeClient, customer_id: str) -> int:
    intents = client.v1.payment_intents.list(params={"customer": customer_id, "limit": 100})
    return sum(1 for i in intents.data if i.status == "succeeded")


def _kill_mid_charge(sandbox: Sandbox, data: Path, customer_id: str, card_id: str,
                     script: str = CHARGE, requests_before: int = 0) -> None:
    """Start the services process, and SIGKILL it once its charge reached the sandbox
    (after `requests_before` other requests of its own)."""
    before = sandbox.requests_served
    child = subprocess.Popen(  # noqa: S603  (our own script and arguments)
        [sys.executable, "-c", script, str(data), sandbox.url, DEMO_KEY, customer_id,
         card_id], env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})

    def arrived() -> bool:
        assert child.poll() is None, "the charge finished before it could be killed"
        return sandbox.requests_served > before + requests_before

    _wait(arrived, "the charge to reach the sandbox")
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL


def _wait(condition: Callable[[], bool], what: str) -> None:
    """Wait, outside the event loop, until `condition()` holds."""
    deadline = time.monotonic() + GUARD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def _journal(tmp_path: Path, sandbox: Sandbox) -> Journal:
    profile = Profile(DEMO_PROFILE, "test", "", "Demo shop", sandbox.url, "usd")
    return Journal(journal_path(Paths.resolve(tmp_path / "posapp"), profile))


@pytest.fixture
def restart(loop: qasync.QEventLoop, tmp_path: Path,
            worker: Worker) -> Iterator[Callable[[Sandbox], tuple[MainWindow, RecoveryDialog]]]:
    """Start the app again on the killed process's files; its recovery screen."""
    controllers: list[GuiController] = []

    def start(sandbox: Sandbox) -> tuple[MainWindow, RecoveryDialog]:
        controller = demo_controller(tmp_path, sandbox, worker)
        controllers.append(controller)
        run(loop, controller.start())
        window = controller.window
        assert isinstance(window, MainWindow)
        assert isinstance(window.recovery, RecoveryDialog), "no word to the cashier at start"
        return window, window.recovery

    yield start
    for controller in controllers:
        controller.shutdown()


def test_killed_after_stripe_charged_the_restart_says_it_went_through(
        tmp_path: Path, slow_sandbox: Sandbox,
        restart: Callable[[Sandbox], tuple[MainWindow, RecoveryDialog]]) -> None:
    client = stripe.StripeClient(DEMO_KEY, base_addresses={"api": slow_sandbox.url})
    customer_id, card_id = _customer(client)
    slow_sandbox.options.latency_ms = 1500  # the answer is held: the kill comes first
    _kill_mid_charge(slow_sandbox, tmp_path / "posapp", customer_id, card_id)
    slow_sandbox.options.latency_ms = 0
    _wait(lambda: _succeeded(client, customer_id) == 1, "the held charge to commit")
    [pending] = _journal(tmp_path, slow_sandbox).pending()
    assert pending.key == "sale-7/1"

    window, dialog = restart(slow_sandbox)
    [told] = dialog.outcomes
    assert told.text().startswith(f"Charge of $4.50 “Espresso” · {customer_id} — interrupted")
    assert told.text().endswith("ago: it went through at Stripe.")
    assert dialog.questions == {}
    assert _succeeded(client, customer_id) == 1
    entry = window.state.session.journal.get("sale-7/1")
    assert entry is not None and entry.state is JournalState.SUCCEEDED


def test_killed_before_stripe_had_it_the_restart_asks_and_a_yes_charges_once(
        loop: qasync.QEventLoop, tmp_path: Path, slow_sandbox: Sandbox,
        restart: Callable[[Sandbox], tuple[MainWindow, RecoveryDialog]]) -> None:
    client = stripe.StripeClient(DEMO_KEY, base_addresses={"api": slow_sandbox.url})
    customer_id, card_id = _customer(client)
    slow_sandbox.options.fail_rate = 1.0  # every attempt answers 500: killed between retries
    _kill_mid_charge(slow_sandbox, tmp_path / "posapp", customer_id, card_id)
    slow_sandbox.options.fail_rate = 0.0
    assert _succeeded(client, customer_id) == 0

    window, dialog = restart(slow_sandbox)
    assert _succeeded(client, customer_id) == 0  # nothing re-sent by itself
    question = dialog.questions["sale-7/1"]
    assert question.text().startswith(f"Charge of $4.50 “Espresso” · {customer_id} — interrupted")
    assert "Stripe does not have it: it was not charged. Send it again now?" in (
        question.text())
    dialog.send_buttons["sale-7/1"].click()
    wait_until(loop, lambda: question.text() == "Sent again: Stripe has it now.",
               "the answer")
    assert _succeeded(client, customer_id) == 1
    answers = [a.detail for a in window.state.session.journal.list_audit(search="sale-7/1")
               if a.detail.startswith("sent again")]
    assert len(answers) == 1 and answers[0].startswith("sent again: the cashier said yes")


def test_killed_while_a_cart_was_charged_to_the_saved_card_the_restart_says_it_was_paid(
        tmp_path: Path, slow_sandbox: Sandbox,
        restart: Callable[[Sandbox], tuple[MainWindow, RecoveryDialog]]) -> None:
    client = stripe.StripeClient(DEMO_KEY, base_addresses={"api": slow_sandbox.url})
    customer_id, card_id = _customer(client)
    # The invoice, its two items, reading it back and finalizing it go first; the answer
    # to paying it is held, and the kill comes first.
    slow_sandbox.options.latency_ms = 400
    _kill_mid_charge(slow_sandbox, tmp_path / "posapp", customer_id, card_id, CART_CHARGE,
                     requests_before=5)
    slow_sandbox.options.latency_ms = 0
    _wait(lambda: _succeeded(client, customer_id) == 1, "the held payment to commit")
    [pending] = _journal(tmp_path, slow_sandbox).pending()
    assert pending.key == "sale-8/1/pay"

    window, dialog = restart(slow_sandbox)
    [told] = dialog.outcomes
    assert told.text().startswith(f"Charge of $12.40 “2 × Latte, Croissant (card)” · "
                                  f"{customer_id} — interrupted")
    assert told.text().endswith("ago: it went through at Stripe.")
    assert dialog.questions == {}
    assert _succeeded(client, customer_id) == 1
    [invoice] = client.v1.invoices.list(params={"customer": customer_id}).data
    assert (invoice.status, invoice.total) == ("paid", 1240)
    entry = window.state.session.journal.get("sale-8/1/pay")
    assert entry is not None and entry.state is JournalState.SUCCEEDED
