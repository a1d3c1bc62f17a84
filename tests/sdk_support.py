"""The test key and account every test's SDK client and session use, a services session
on a sandbox, and a test clock advance that waits for `ready` (importable from any test
folder: `conftest` names more than one module, so tests import these from here)."""

from __future__ import annotations

import time
from pathlib import Path

import requests
import stripe

from posapp.config import Paths
from posapp.gateway import Gateway, RequestRecord
from posapp.keys import Profile
from posapp.sandbox import Sandbox
from posapp.services.session import Session, open_session

TEST_KEY = "sk_test_posapp_tests"
SANDBOX_ACCOUNT = "acct_1PosAppSandbox0001"
START = 1_780_000_000
"""A test clock's first frozen time (2026-05-28)."""
DAY = 86_400


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


def paused_subscription(client: stripe.StripeClient, name: str = "Trial Tess") -> tuple[str, str]:
    """A subscription whose 7-day trial ended without a card, so Stripe paused it:
    (subscription id, customer id)."""
    clock = client.v1.test_helpers.test_clocks.create(params={"frozen_time": START})
    customer = client.v1.customers.create(params={"name": name, "test_clock": clock.id})
    product = client.v1.products.create(params={"name": "Coffee Club"})
    price = client.v1.prices.create(params={"product": product.id, "currency": "usd",
                                            "unit_amount": 1500,
                                            "recurring": {"interval": "month"}})
    sub = client.v1.subscriptions.create(params={
        "customer": customer.id, "items": [{"price": price.id}], "trial_period_days": 7,
        "trial_settings": {"end_behavior": {"missing_payment_method": "pause"}}})
    advance_clock(client, clock.id, START + 8 * DAY)
    assert client.v1.subscriptions.retrieve(sub.id).status == "paused"
    return sub.id, customer.id


def add_default_card(client: stripe.StripeClient, customer_id: str) -> None:
    """Save a Visa test card on the customer as their default."""
    visa = client.v1.payment_methods.attach("pm_card_visa", params={"customer": customer_id})
    client.v1.customers.update(customer_id, params={
        "invoice_settings": {"default_payment_method": visa.id}})


def advance_time(sandbox: Sandbox, seconds: int) -> None:
    """Move the sandbox's own clock on (its sandbox-only helper): the daily payout schedule
    runs and payouts in transit arrive."""
    answer = requests.post(f"{sandbox.url}/v1/test_helpers/sandbox/advance_time",
                           data={"seconds": seconds},
                           headers={"Authorization": f"Bearer {TEST_KEY}"}, timeout=10)
    assert answer.status_code == 200, answer.text


def lose_answers(gateway: Gateway, path_end: str = "", *, method: str | None = "POST",
                 once: bool = False) -> list[bool]:
    """Turn the gateway's retries off and lose the answers of requests whose path ends with
    `path_end` (and of `method`; None: any): Stripe commits them, then the connection drops,
    so their outcome is unknown. They are lost while the returned flag holds True (set it
    False to let answers through), or only the first one when `once`."""
    losing = [True]

    def drop(record: RequestRecord) -> None:
        if losing[0] and record.path.endswith(path_end) and method in (None, record.method):
            if once:
                losing[0] = False
            raise stripe.APIConnectionError("connection dropped after the commit",
                                            should_retry=True)

    gateway.max_retries = 0
    gateway.add_request_hook(drop)
    return losing
