"""Fault campaign: 200 money operations through the services — saved-card charges, refunds,
payment requests opened and closed — against a sandbox that fails a share of requests
(`--fail-rate`: a 500 before doing anything, or the work committed and the connection
dropped) and holds some answers past the client's timeout.

Each operation follows the app's own recovery policy, the one the screens apply: when the
outcome is unknown the same tender is sent again with its own idempotency key until Stripe's
answer is known ("Check again"); when a read failed after the write (nothing unknown), the
cashier's next click is a new attempt. At the end the server holds no duplicate of anything
and every journal row is settled."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
import stripe
from sdk_support import TEST_KEY, open_test_session

from posapp.gateway import ErrorKind, Gateway, GatewayError
from posapp.sandbox import Sandbox, running
from posapp.services.payments import (
    PaymentRequest,
    PaymentStatus,
    RequestMethod,
    charge_saved_card,
    close_payment_request,
    request_payment,
)
from posapp.services.refunds import NOTE_KEY, refund_payment
from posapp.services.session import Session
from posapp.store.journal import JournalState

OPERATIONS = 200
FAIL_RATE = 0.25
HELD_EVERY = 21
"""Every this many operations (each kind in turn), the first answer is held past the
client's timeout."""
TIMEOUT = 0.25
HELD_MS = 400
TRIES = 200
PAUSE = 0.02
"""Seconds between two "Check again" (the screen waits seconds; the campaign cannot)."""
T = TypeVar("T")


@pytest.fixture
def faulty() -> Iterator[Sandbox]:
    with running(fail_seed=20261201) as server:
        yield server


@pytest.fixture
def counter(faulty: Sandbox, tmp_path: Path) -> Iterator[Session]:
    """The cashier's session with a short timeout and one quick retry, so that faults end
    in unknown outcomes often."""
    session = open_test_session(faulty, tmp_path)
    session.gateway = Gateway(TEST_KEY, journal=session.journal, api_base=faulty.url,
                              timeout=TIMEOUT, max_retries=1, sleep=lambda _s: None)
    yield session
    session.close()


def until_known(attempt: Callable[..., T], unknown: Callable[[T], bool] = lambda _r: False,
                *, after_first: Callable[[], None] = lambda: None) -> T:
    """Send one tender attempt (`attempt(idempotency_key=...)`), and again with the same key
    while its outcome is unknown (an `unknown` result, or a GatewayError carrying the key)."""
    key = str(uuid.uuid4())
    for _ in range(TRIES):
        try:
            result = attempt(idempotency_key=key)
        except GatewayError as error:
            if not error.idempotency_key:
                raise
        else:
            if not unknown(result):
                return result
        finally:
            after_first()
        time.sleep(PAUSE)
    raise AssertionError("the outcome stayed unknown")


def as_cashier(action: Callable[[], T]) -> T:
    """The cashier clicks again after an error that left nothing unknown (a read failed)."""
    for _ in range(TRIES):
        try:
            return action()
        except GatewayError as error:
            if error.kind not in (ErrorKind.NETWORK, ErrorKind.STRIPE_UNAVAILABLE):
                raise
        time.sleep(PAUSE)
    raise AssertionError("Stripe never answered")


def test_two_hundred_operations_under_faults_leave_no_duplicate_and_nothing_unsettled(
        faulty: Sandbox, counter: Session) -> None:
    client = stripe.StripeClient(TEST_KEY, base_addresses={"api": faulty.url},
                                 max_network_retries=0)
    cards = []
    for n in range(4):
        customer = client.v1.customers.create(params={"name": f"Regular {n}"})
        card = client.v1.payment_methods.attach("pm_card_visa",
                                                params={"customer": customer.id})
        cards.append((customer.id, card.id))
    faulty.options.fail_rate = FAIL_RATE

    paid: list[str] = []
    refunded: list[str] = []
    requests: list[PaymentRequest] = []
    held = 0

    def answer_again() -> None:
        faulty.options.latency_ms = 0  # only the first attempt's answer is held

    for i in range(OPERATIONS):
        name = f"campaign-{i}"
        if i % HELD_EVERY == HELD_EVERY - 1:
            faulty.options.latency_ms = HELD_MS  # the answer comes after the client gave up
            held += 1
        kind = i % 5
        if kind <= 2:
            customer_id, card_id = cards[i % len(cards)]
            outcome = until_known(
                partial(charge_saved_card, counter, customer_id, card_id, 500 + i, "usd", name),
                lambda o: o.state == "unknown", after_first=answer_again)
            assert outcome.state == "succeeded", outcome.message
            assert outcome.payment_intent_id is not None
            paid.append(outcome.payment_intent_id)
        elif kind == 3:
            target = paid[len(refunded)]
            made = until_known(partial(refund_payment, counter, target, 100, note=name),
                               after_first=answer_again)
            assert made["status"] == "succeeded"
            refunded.append(target)
        else:
            method: RequestMethod = "checkout" if i % 10 == 4 else "payment_link"
            request = until_known(
                partial(request_payment, counter, 300 + i, "usd", name, method=method,
                        expires_at=int(time.time()) + 3600),
                after_first=answer_again)
            requests.append(request)

            def close(r: PaymentRequest = request) -> PaymentStatus:
                return until_known(partial(close_payment_request, counter, r))

            assert as_cashier(close).state == "canceled"
        answer_again()

    faulty.options.fail_rate = 0.0
    journal = counter.journal
    assert journal.pending() == []
    assert journal.entries(JournalState.UNKNOWN) == []
    assert held == OPERATIONS // HELD_EVERY

    intents = Counter(i.description for i in client.v1.payment_intents.list(
        params={"limit": 100}).auto_paging_iter())
    assert sum(intents.values()) == len(paid) == 120
    assert max(intents.values()) == 1
    refunds = Counter(r.metadata[NOTE_KEY] if r.metadata else "" for r in client.v1.refunds.list(
        params={"limit": 100}).auto_paging_iter())
    assert sum(refunds.values()) == len(refunded) == 40 and max(refunds.values()) == 1
    sessions = [s for s in client.v1.checkout.sessions.list(
        params={"limit": 100}).auto_paging_iter() if s.payment_link is None]
    links = list(client.v1.payment_links.list(params={"limit": 100}).auto_paging_iter())
    assert len(sessions) + len(links) == len(requests) == 40
    assert all(s.status == "expired" for s in sessions)
    assert not any(link.active for link in links)
    # The campaign did meet unknown outcomes (each audited), and settled every one.
    assert len(journal.list_audit(outcome="unknown", limit=1000)) > 10
