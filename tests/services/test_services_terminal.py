"""The reader tender against the sandbox: a simulated reader registered through the
services, a sale paid by a tapped card, declines with the bank's reason, cancel, time-out,
offline and busy readers, manual capture, an on-reader tip, the cart on the reader's screen,
an outcome left unknown, and a kill -9 during the reader's action: every case ends with at
most one charge at the sandbox and the cashier told the truth."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import stripe
from sdk_support import TEST_KEY, open_test_session

from posapp.config import Paths
from posapp.gateway import GatewayError
from posapp.keys import Profile
from posapp.sandbox import running
from posapp.services import terminal
from posapp.services.cart import Cart, Coupon, Line, TaxRate, Tip
from posapp.services.errors import ServiceError
from posapp.services.payments import capture_payment
from posapp.services.session import Session, open_session
from posapp.services.terminal import CartLine, ReaderPayment
from posapp.sync.commands import run_sync_once
from posapp.sync.poller import Poller


def counter_reader(session: Session, code: str = "simulated-wpe") -> str:
    place = terminal.create_location(session, "Café on Main",
                                     {"line1": "1 Main St", "city": "Portland",
                                      "country": "US", "postal_code": "97201"})
    reader = terminal.register_reader(session, code, place["id"], "Counter")
    return str(reader["id"])


def tap(client: stripe.StripeClient, reader_id: str, number: str = "4242424242424242",
        **params: Any) -> None:
    client.v1.test_helpers.terminal.readers.present_payment_method(
        reader_id, params={"card_present": {"number": number}, **params})


def start(session: Session, reader_id: str, key: str = "sale-1/1",
          **options: Any) -> tuple[ReaderPayment, terminal.ReaderOutcome]:
    return terminal.start_reader_payment(session, reader_id, 1250, "usd", "Two flat whites",
                                         idempotency_key=key, **options)


def charges(client: stripe.StripeClient) -> list[stripe.Charge]:
    return [c for c in client.v1.charges.list(params={"limit": 100}).data
            if c.status == "succeeded"]


def intents(client: stripe.StripeClient) -> list[stripe.PaymentIntent]:
    return list(client.v1.payment_intents.list(params={"limit": 100}).data)


def test_register_and_manage_readers(session: Session) -> None:
    reader_id = counter_reader(session, "simulated-s700")
    [reader] = terminal.list_readers(session)
    assert reader["id"] == reader_id and reader["status"] == "online"
    assert reader["device_type"] == "simulated_stripe_s700" and reader["label"] == "Counter"
    assert [loc["display_name"] for loc in terminal.list_locations(session)] == ["Café on Main"]
    assert terminal.rename_reader(session, reader_id, "Bar")["label"] == "Bar"
    with pytest.raises(GatewayError) as wrong:
        terminal.register_reader(session, "not-a-code",
                                 terminal.list_locations(session)[0]["id"])
    assert "registration code" in str(wrong.value)
    with pytest.raises(ServiceError):
        terminal.register_reader(session, "  ", "tml_x")
    terminal.delete_reader(session, reader_id)
    assert terminal.list_readers(session) == []


def test_a_tapped_card_pays_once_however_often_the_tender_is_sent(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, outcome = start(session, reader_id)
    assert outcome.state == "waiting"
    assert outcome.message == "Tap, insert or swipe on the reader."
    assert terminal.reader_payment_status(session, payment).state == "waiting"
    again, second = start(session, reader_id)  # a second click: the same attempt
    assert again == payment and second.state == "waiting"
    tap(client, reader_id)
    paid = terminal.reader_payment_status(session, payment)
    assert paid.state == "succeeded" and paid.final
    assert paid.message == "Paid $12.50 with Visa •••• 4242."
    assert (paid.card_brand, paid.card_last4, paid.amount) == ("visa", "4242", 1250)
    start(session, reader_id)  # and once more after it was paid
    assert len(intents(client)) == 1 and len(charges(client)) == 1
    assert session.cache.get("payment_intents", payment.payment_intent_id)["status"] \
        == "succeeded"  # type: ignore[index]


def test_a_decline_says_why_and_another_card_pays_the_same_payment(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, _ = start(session, reader_id)
    tap(client, reader_id, "4000000000009995")
    declined = terminal.reader_payment_status(session, payment)
    assert declined.state == "declined" and not declined.final
    assert declined.message == ("Your card has insufficient funds. The customer can try "
                                "another card.")
    assert declined.decline_code == "insufficient_funds"
    payment, retried = terminal.retry_reader_payment(session, payment)
    assert retried.state == "waiting" and payment.attempt == 2
    tap(client, reader_id, "5555555555554444")
    paid = terminal.reader_payment_status(session, payment)
    assert paid.state == "succeeded" and paid.card_brand == "mastercard"
    assert len(intents(client)) == 1 and len(charges(client)) == 1


def test_cancel_from_the_screen_ends_the_payment_for_good(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, _ = start(session, reader_id)
    canceled = terminal.cancel_reader_payment(session, payment)
    assert canceled.state == "canceled" and canceled.final
    assert "nothing was charged" in canceled.message
    assert client.v1.payment_intents.retrieve(payment.payment_intent_id).status == "canceled"
    with pytest.raises(stripe.InvalidRequestError):
        tap(client, reader_id)  # the reader no longer collects anything
    assert charges(client) == []


def test_a_card_tapped_just_before_cancel_is_reported_paid(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, _ = start(session, reader_id)
    tap(client, reader_id)
    outcome = terminal.cancel_reader_payment(session, payment)
    assert outcome.state == "succeeded"
    assert len(charges(client)) == 1


def test_offline_busy_and_timed_out_readers_say_the_way_on(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    client.raw_request("post", f"/v1/test_helpers/sandbox/terminal/readers/{reader_id}/"
                               "set_status", status="offline")
    payment, offline = start(session, reader_id)
    assert offline.state == "offline" and "offline" in offline.message
    client.raw_request("post", f"/v1/test_helpers/sandbox/terminal/readers/{reader_id}/"
                               "set_status", status="online")
    payment, waiting = terminal.retry_reader_payment(session, payment)
    assert waiting.state == "waiting"
    client.raw_request("post", f"/v1/test_helpers/sandbox/terminal/readers/{reader_id}/"
                               "timeout_action")
    timed_out = terminal.reader_payment_status(session, payment)
    assert timed_out.state == "timed_out" and "nothing was charged" in timed_out.message
    # Another station takes the reader meanwhile.
    other = client.v1.payment_intents.create(params={
        "amount": 300, "currency": "usd", "allowed_payment_method_types": ["card_present"]})
    client.v1.terminal.readers.process_payment_intent(reader_id,
                                                      params={"payment_intent": other.id})
    assert terminal.reader_payment_status(session, payment).state == "busy"
    payment, busy = terminal.retry_reader_payment(session, payment)
    assert busy.state == "busy" and "busy" in busy.message
    client.v1.terminal.readers.cancel_action(reader_id)
    payment, waiting = terminal.retry_reader_payment(session, payment)
    tap(client, reader_id)
    assert terminal.reader_payment_status(session, payment).state == "succeeded"
    assert len(charges(client)) == 1


def test_manual_capture_and_a_tip_on_the_reader(session: Session,
                                                client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, _ = start(session, reader_id, capture_method="manual", tipping=True)
    process = client.v1.terminal.readers.retrieve(reader_id).action
    assert process is not None
    config: Any = process.process_payment_intent.process_config  # type: ignore[union-attr]
    assert config.tipping.amount_eligible == 1250
    tap(client, reader_id, amount_tip=200)
    held = terminal.reader_payment_status(session, payment)
    assert held.state == "requires_capture" and held.final
    assert (held.amount, held.tip) == (1450, 200)
    assert held.message.startswith("Authorised $14.50 (including a $2.00 tip) with Visa")
    capture_payment(session, payment.payment_intent_id)
    paid = terminal.reader_payment_status(session, payment)
    assert paid.state == "succeeded" and paid.tip == 200
    assert [c.amount_captured for c in charges(client)] == [1450]


def test_the_cart_shows_on_the_reader_and_is_cleared(session: Session,
                                                     client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    terminal.show_cart(session, reader_id, "usd", [CartLine("Flat white", 900, 2),
                                                   CartLine("Croissant", 350)], tax=100)
    action = client.v1.terminal.readers.retrieve(reader_id).action
    assert action is not None and action.type == "set_reader_display"
    cart: Any = action.set_reader_display.cart  # type: ignore[union-attr]
    assert [(i.description, i.amount, i.quantity) for i in cart.line_items] == [
        ("Flat white", 900, 2), ("Croissant", 350, 1)]
    assert (cart.tax, cart.total, cart.currency) == (100, 1350, "usd")
    assert terminal.clear_display(session, reader_id) is not None
    assert client.v1.terminal.readers.retrieve(reader_id).action is None
    assert terminal.clear_display(session, reader_id) is None  # nothing shown


def test_an_unknown_outcome_is_settled_with_the_same_key(tmp_path: Path) -> None:
    with running(fail_rate=1.0, fail_seed=0) as flaky:
        client = stripe.StripeClient(TEST_KEY, base_addresses={"api": flaky.url},
                                     max_network_retries=0)
        flaky.options.fail_rate = 0.0
        session = open_test_session(flaky, tmp_path)
        session.gateway.max_retries = 0
        try:
            reader_id = counter_reader(session)
            flaky.options.fail_rate = 1.0  # the first answer is lost after Stripe acted
            with pytest.raises(GatewayError) as caught:
                start(session, reader_id)
            assert caught.value.idempotency_key == "sale-1/1"
            flaky.options.fail_rate = 0.0
            payment, outcome = start(session, reader_id)  # "Check again": the same key
            assert outcome.state == "waiting"
            tap(client, reader_id)
            assert terminal.reader_payment_status(session, payment).state == "succeeded"
            assert len(intents(client)) == 1 and len(charges(client)) == 1
        finally:
            session.close()


# The cashier's services, on their own: start a cart's reader payment and follow it, as the
# collect screen does, until killed.
FOLLOW = """
import sys, time
from pathlib import Path
from posapp.config import Paths
from posapp.keys import Profile
from posapp.services import terminal
from posapp.services.cart import Cart, Line
from posapp.services.session import open_session

data, api_base, key, reader = sys.argv[1:]
profile = Profile("Counter", "test", "", "Sandbox Coffee", api_base, "usd")
session = open_session(Paths.resolve(Path(data)), profile, key)
cart = Cart("usd").add(Line("Flat white", 450, quantity=2)).add(Line("Croissant", 350))
payment, _ = terminal.start_cart_reader_payment(session, reader, cart,
                                                idempotency_key="sale-9/1")
print("started", flush=True)
while True:
    terminal.reader_payment_status(session, payment)
    time.sleep(0.05)
"""


def _wait(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def test_killed_during_the_reader_action_the_restart_tells_the_true_outcome(
        tmp_path: Path) -> None:
    with running() as sandbox:
        client = stripe.StripeClient(TEST_KEY, base_addresses={"api": sandbox.url},
                                     max_network_retries=0)
        profile = Profile("Counter", "test", "", "Sandbox Coffee", sandbox.url, "usd")
        setup = open_session(Paths.resolve(tmp_path), profile, TEST_KEY)
        reader_id = counter_reader(setup)
        setup.close()
        child = subprocess.Popen(  # noqa: S603  (our own script and arguments)
            [sys.executable, "-c", FOLLOW, str(tmp_path), sandbox.url, TEST_KEY, reader_id],
            stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
        assert child.stdout is not None and child.stdout.readline().strip() == "started"

        def collecting() -> bool:
            action = client.v1.terminal.readers.retrieve(reader_id).action
            return action is not None and action.status == "in_progress"
        _wait(collecting, "the reader to collect")
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        tap(client, reader_id)  # the customer paid while the app was down

        session = open_session(Paths.resolve(tmp_path), profile, TEST_KEY)
        try:
            [payment] = terminal.open_reader_payments(session)
            assert (payment.key, payment.reader_id, payment.amount, payment.description) == (
                "sale-9/1", reader_id, 1250, "2 × Flat white, Croissant")
            outcome = terminal.reader_payment_status(session, payment)
            assert outcome.state == "succeeded" and outcome.message.startswith("Paid $12.50")
            # Sending the tender again (a cashier's "Check again") charges nothing more.
            cart = Cart("usd").add(Line("Flat white", 450, quantity=2)).add(
                Line("Croissant", 350))
            again, _ = terminal.start_cart_reader_payment(session, reader_id, cart,
                                                          idempotency_key="sale-9/1")
            assert again.payment_intent_id == payment.payment_intent_id
        finally:
            session.close()
        assert len(intents(client)) == 1 and len(charges(client)) == 1


def test_readers_and_their_actions_are_cached_by_the_sync(session: Session,
                                                          client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    run_sync_once(session.gateway, session.cache)
    cached = session.cache.get("terminal_readers", reader_id)
    assert cached is not None and cached["status"] == "online" and cached["action"] is None
    [location] = session.cache.page("terminal_locations").rows
    assert location["display_name"] == "Café on Main" and cached["location"] == location["id"]
    payment, _ = start(session, reader_id)
    tap(client, reader_id)
    Poller(session.gateway, session.cache).poll_once()  # terminal.reader.action_succeeded
    after = session.cache.get("terminal_readers", reader_id)
    assert after is not None and after["action"]["status"] == "succeeded"
    assert after["action"]["process_payment_intent"]["payment_intent"] \
        == payment.payment_intent_id
    terminal.delete_reader(session, reader_id)  # Stripe sends no event: the next full
    run_sync_once(session.gateway, session.cache)  # list says it is gone
    assert session.cache.page("terminal_readers").rows == []


def test_a_payment_canceled_on_the_reader_can_be_tried_again_or_canceled(
        session: Session, client: stripe.StripeClient) -> None:
    reader_id = counter_reader(session)
    payment, _ = start(session, reader_id)
    client.v1.terminal.readers.cancel_action(reader_id)  # the customer cancels on the reader
    stopped = terminal.reader_payment_status(session, payment)
    assert stopped.state == "stopped" and not stopped.final
    assert "nothing was charged" in stopped.message
    assert client.v1.payment_intents.retrieve(payment.payment_intent_id).status \
        == "requires_payment_method"  # still payable: the screen offers both ways on
    assert terminal.cancel_reader_payment(session, payment).state == "canceled"
    assert charges(client) == []


def _cart() -> Cart:
    """Two lines, one taxed on top, a coupon, and a 10% tip: every figure the cart has."""
    tax = TaxRate("txr_excl", "Sales tax", Decimal("8.875"), inclusive=False)
    return (Cart("usd").add(Line("Flat white", 450, quantity=2, tax_rates=(tax,)))
            .add(Line("Croissant", 350)).with_coupon(Coupon("c10", "10% off",
                                                            percent_off=Decimal(10)))
            .with_tip(Tip(percent=Decimal(10))))


def test_a_cart_is_charged_its_total_on_the_reader_and_brands_read_as_written(
        session: Session, client: stripe.StripeClient) -> None:
    cart = _cart()
    total = cart.totals().total
    reader_id = counter_reader(session)
    payment, outcome = terminal.start_cart_reader_payment(session, reader_id, cart,
                                                          idempotency_key="cart-1/1")
    assert outcome.state == "waiting" and payment.amount == total
    intent = client.v1.payment_intents.retrieve(payment.payment_intent_id)
    assert intent.amount == total
    assert intent.description == "2 × Flat white, Croissant"
    assert intent.metadata["posapp_tip"] == str(cart.totals().tip)
    assert intent.metadata["posapp_reader"] == reader_id
    again, _ = terminal.start_cart_reader_payment(session, reader_id, cart,
                                                  idempotency_key="cart-1/1")
    assert again.payment_intent_id == payment.payment_intent_id  # a second click
    tap(client, reader_id, "378282246310005")
    paid = terminal.reader_payment_status(session, payment)
    assert paid.state == "succeeded" and paid.amount == total
    assert paid.message.endswith("with American Express •••• 0005.")
    assert [c.amount for c in charges(client)] == [total]


def test_the_sale_screens_cart_adds_up_to_its_total_on_the_reader(
        session: Session, client: stripe.StripeClient) -> None:
    cart = _cart()
    reader_id = counter_reader(session)
    terminal.show_sale_cart(session, reader_id, cart)
    action = client.v1.terminal.readers.retrieve(reader_id).action
    assert action is not None
    shown: Any = action.set_reader_display.cart  # type: ignore[union-attr]
    totals = cart.totals()
    assert [(i.description, i.quantity) for i in shown.line_items] == [
        ("Flat white", 2), ("Croissant", 1), ("Tip", 1)]
    assert shown.total == totals.total
    assert sum(i.amount for i in shown.line_items) + shown.tax == totals.total
    assert shown.tax == totals.tax > 0  # the sales tax, added on top
