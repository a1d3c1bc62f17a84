"""The test key and account every test's SDK client and session use, a services session
on a sandbox, and a test clock advance that waits for `ready` (importable from any test
folder: `conftest` names more than one module, so tests import these from here)."""

from __future__ import annotations

import time
from pathlib import Path

import stripe

from posapp.config import Paths
from posapp.keys import Profile
from posapp.sandbox import Sandbox
from posapp.services.session import Session, open_session

TEST_KEY = "sk_test_posapp_tests"
SANDBOX_ACCOUNT = "acct_1PosAppSandbox0001"


def sandbox_profile(name: str = "Counter", mode: str = "test") -> Profile:
    """A profile of the sandbox's account, as `add_profile` would have stored it."""
    return Profile(name, "live" if mode == "live" else "test", SANDBOX_ACCOUNT, "Sandbox Coffee")


def open_test_session(sandbox: Sandbox, data_dir: Path) -> Session:
    """A services session on the sandbox with its files under `data_dir`."""
    return open_session(Paths.resolve(data_dir), sandbox_profile(), TEST_KEY, api_base=sandbox.url)


def advance_clock(client: stripe.StripeClient, clock_id: str,
                  frozen_time: int) -> stripe.test_helpers.TestClock:
    """Advance a test clock and wait until it is `ready` again (Stripe advances
    asynchronously)."""
    clock = client.v1.test_helpers.test_clocks.advance(clock_id,
                                                      params={"frozen_time": frozen_time})
    deadline = time.monotonic() + 30
    while clock.status != "ready" and time.monotonic() < deadline:
        time.sleep(0.02)
        clock = client.v1.test_helpers.test_clocks.retrieve(clock_id)
    assert clock.status == "ready", f"test clock {clock_id} still {clock.status}"
    return clock
