"""The services process killed with SIGKILL while a confirmed manual payout is on its way to
Stripe, then opened again on the same files: the payout is found at Stripe by its key and
settled, never sent again, so the money goes out exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import stripe
from sdk_support import SANDBOX_ACCOUNT, TEST_KEY, advance_time, sandbox_profile
from ui_support import GUARD_SECONDS

from posapp.config import Paths
from posapp.sandbox import Sandbox
from posapp.services.recovery import interrupted_writes
from posapp.services.session import open_session
from posapp.store.journal import JournalState

PAYOUT = """
import sys
from pathlib import Path
from posapp.config import Paths
from posapp.services.balance import create_manual_payout, refresh_balance
from posapp.services.session import open_session
sys.path.insert(0, sys.argv[3])
from sdk_support import TEST_KEY, sandbox_profile

data, api_base = sys.argv[1:3]
session = open_session(Paths.resolve(Path(data)), sandbox_profile(), TEST_KEY,
                       api_base=api_base)
refresh_balance(session)
create_manual_payout(session, 5000, "usd", idempotency_key="payout-7/1")
"""
DAY = 86_400


def _wait(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GUARD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def test_killed_while_a_payout_is_sent_the_restart_finds_it_and_pays_out_once(
        tmp_path: Path, sandbox: Sandbox, client: stripe.StripeClient) -> None:
    client.v1.accounts.update(SANDBOX_ACCOUNT, params={
        "settings": {"payouts": {"schedule": {"interval": "manual"}}}})
    client.v1.payment_intents.create(params={"amount": 10_000, "currency": "usd",
                                             "payment_method": "pm_card_visa",
                                             "confirm": True})
    advance_time(sandbox, 3 * DAY)
    data = tmp_path / "posapp"
    sandbox.options.latency_ms = 1500  # the answer is held: the kill comes first
    before = sandbox.requests_served
    child = subprocess.Popen(  # noqa: S603  (our own script and arguments)
        [sys.executable, "-c", PAYOUT, str(data), sandbox.url, str(Path(__file__).parents[1])],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})

    def payout_sent() -> bool:
        # The child reads the balance, then posts the payout: two requests.
        assert child.poll() is None, "the payout finished before it could be killed"
        return sandbox.requests_served >= before + 2

    _wait(payout_sent, "the payout to reach the sandbox")
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    sandbox.options.latency_ms = 0
    _wait(lambda: len(client.v1.payouts.list().data) == 1, "the held payout to commit")

    session = open_session(Paths.resolve(data), sandbox_profile(), TEST_KEY,
                           api_base=sandbox.url)
    try:
        entry = session.journal.get("payout-7/1")
        assert entry is not None and entry.state is JournalState.SUCCEEDED
        assert [e.key for e in session.recovered] == ["payout-7/1"]
        assert interrupted_writes(session) == []
    finally:
        session.close()
    assert [(p.amount, p.automatic) for p in client.v1.payouts.list()] == [(5000, False)]
