"""Terminal in the sandbox through the official SDK: locations, simulated readers, the
process_payment_intent action with a tapped test card (success, declines, tip), cancel,
time-out, offline and busy readers, the cart on the display, and the events Stripe emits."""

from __future__ import annotations

import time
from typing import Any

import pytest
import stripe
from sandbox_support import event_types, helper, sdk

from posapp.sandbox import Sandbox


def location(client: stripe.StripeClient) -> stripe.terminal.Location:
    return client.v1.terminal.locations.create(params={
        "display_name": "Café on Main",
        "address": {"line1": "1 Main St", "city": "Springfield", "country": "US",
                    "postal_code": "97477", "state": "OR"}})


def reader(client: stripe.StripeClient, code: str = "simulated-wpe") -> stripe.terminal.Reader:
    place = location(client)
    return client.v1.terminal.readers.create(params={
        "registration_code": code, "label": "Counter 1", "location": place.id})


def intent(client: stripe.StripeClient, amount: int = 1250,
           capture_method: Any = "automatic") -> stripe.PaymentIntent:
    return client.v1.payment_intents.create(params={
        "amount": amount, "currency": "usd", "allowed_payment_method_types": ["card_present"],
        "capture_method": capture_method, "description": "Two flat whites"})


def present(client: stripe.StripeClient, reader_id: str, number: str = "4242424242424242",
            **params: Any) -> stripe.terminal.Reader:
    return client.v1.test_helpers.terminal.readers.present_payment_method(
        reader_id, params={"card_present": {"number": number}, **params})


def api_error(call: Any) -> stripe.InvalidRequestError:
    with pytest.raises(stripe.InvalidRequestError) as caught:
        call()
    return caught.value


def test_locations_and_readers_are_managed_like_stripe(client: stripe.StripeClient) -> None:
    place = location(client)
    assert place.id.startswith("tml_") and place.address.city == "Springfield"
    renamed = client.v1.terminal.locations.update(place.id, params={"display_name": "Main"})
    assert renamed.display_name == "Main"
    wpe = client.v1.terminal.readers.create(params={"registration_code": "simulated-wpe",
                                                    "location": place.id})
    s700 = client.v1.terminal.readers.create(params={"registration_code": "simulated-s700",
                                                     "label": "Till 2", "location": place.id})
    assert wpe.device_type == "simulated_wisepos_e" and wpe.status == "online"
    assert wpe.label == "Simulated WisePOS E" and wpe.action is None
    assert s700.device_type == "simulated_stripe_s700" and s700.label == "Till 2"
    assert client.v1.terminal.readers.update(wpe.id, params={"label": "Bar"}).label == "Bar"
    listed = client.v1.terminal.readers.list(params={"location": place.id}).data
    assert [r.id for r in listed] == [s700.id, wpe.id]
    assert client.v1.terminal.readers.delete(s700.id).deleted is True
    assert [r.id for r in client.v1.terminal.readers.list().data] == [wpe.id]
    error = api_error(lambda: client.v1.terminal.readers.create(
        params={"registration_code": "puppy-kitten-cow"}))
    assert error.param == "registration_code"
    expanded = client.v1.terminal.readers.retrieve(wpe.id, params={"expand": ["location"]})
    assert expanded.location.display_name == "Main"  # type: ignore[union-attr]
    assert client.v1.terminal.locations.delete(place.id).deleted is True


def test_a_tapped_card_pays_and_the_charge_shows_the_card_present(
        client: stripe.StripeClient) -> None:
    device = reader(client)
    pi = intent(client)
    started = client.v1.terminal.readers.process_payment_intent(device.id, params={
        "payment_intent": pi.id, "process_config": {"tipping": {"amount_eligible": 1250}}})
    action = started.action
    assert action is not None and action.status == "in_progress"
    assert action.type == "process_payment_intent"
    assert action.process_payment_intent.payment_intent == pi.id  # type: ignore[union-attr]
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_payment_method"
    done = present(client, device.id, amount_tip=200)
    assert done.action is not None and done.action.status == "succeeded"
    paid = client.v1.payment_intents.retrieve(pi.id, params={"expand": ["latest_charge"]})
    assert paid.status == "succeeded" and paid.amount_received == 1450
    assert paid.amount_details.tip.amount == 200  # type: ignore[union-attr]
    charge: Any = paid.latest_charge
    details = charge.payment_method_details
    assert details.type == "card_present"
    assert details.card_present.brand == "visa" and details.card_present.last4 == "4242"
    assert details.card_present.read_method == "contactless_emv"
    assert details.card_present.reader == device.id
    assert details.card_present.receipt.authorization_code
    assert "terminal.reader.action_succeeded" in event_types(client, device.id)


def test_a_declined_card_fails_the_action_with_the_reason(client: stripe.StripeClient) -> None:
    device = reader(client)
    pi = intent(client)
    client.v1.terminal.readers.process_payment_intent(device.id,
                                                      params={"payment_intent": pi.id})
    failed = present(client, device.id, "4000000000009995")
    action = failed.action
    assert action is not None and action.status == "failed"
    assert action.failure_code == "card_declined"
    assert action.failure_message == "Your card has insufficient funds."
    assert action.api_error is not None
    assert action.api_error.decline_code == "insufficient_funds"
    after = client.v1.payment_intents.retrieve(pi.id)
    assert after.status == "requires_payment_method"
    assert after.last_payment_error is not None
    assert "terminal.reader.action_failed" in event_types(client, device.id)
    # The customer tries another card: the same PaymentIntent, processed again.
    client.v1.terminal.readers.process_payment_intent(device.id,
                                                      params={"payment_intent": pi.id})
    assert present(client, device.id).action.status == "succeeded"  # type: ignore[union-attr]


def test_manual_capture_leaves_the_payment_to_capture(client: stripe.StripeClient) -> None:
    device = reader(client, "simulated-s700")
    pi = intent(client, capture_method="manual")
    client.v1.terminal.readers.process_payment_intent(device.id,
                                                      params={"payment_intent": pi.id})
    present(client, device.id, "5555555555554444")
    held = client.v1.payment_intents.retrieve(pi.id)
    assert held.status == "requires_capture" and held.amount_capturable == 1250
    assert client.v1.payment_intents.capture(pi.id).status == "succeeded"


def test_cancel_timeout_offline_and_busy(client: stripe.StripeClient) -> None:
    device = reader(client)
    first, second = intent(client), intent(client)
    client.v1.terminal.readers.process_payment_intent(device.id,
                                                      params={"payment_intent": first.id})
    busy = api_error(lambda: client.v1.terminal.readers.process_payment_intent(
        device.id, params={"payment_intent": second.id}))
    assert busy.code == "terminal_reader_busy"
    canceled = client.v1.terminal.readers.cancel_action(device.id)
    assert canceled.action is not None and canceled.action.status == "failed"
    assert canceled.action.failure_code == "canceled"
    assert client.v1.payment_intents.retrieve(first.id).status == "requires_payment_method"
    nothing = api_error(lambda: client.v1.terminal.readers.cancel_action(device.id))
    assert "no action in progress" in str(nothing.user_message)
    client.v1.terminal.readers.process_payment_intent(device.id,
                                                      params={"payment_intent": second.id})
    timed_out = helper(client, f"terminal/readers/{device.id}/timeout_action")
    assert timed_out["action"]["failure_code"] == "terminal_reader_timeout"
    helper(client, f"terminal/readers/{device.id}/set_status", status="offline")
    assert client.v1.terminal.readers.retrieve(device.id).status == "offline"
    offline = api_error(lambda: client.v1.terminal.readers.process_payment_intent(
        device.id, params={"payment_intent": second.id}))
    assert offline.code == "terminal_reader_offline"
    card_only = client.v1.payment_intents.create(params={"amount": 500, "currency": "usd"})
    helper(client, f"terminal/readers/{device.id}/set_status", status="online")
    refused = api_error(lambda: client.v1.terminal.readers.process_payment_intent(
        device.id, params={"payment_intent": card_only.id}))
    assert refused.param == "payment_intent"


def test_the_cart_shows_on_the_reader(client: stripe.StripeClient) -> None:
    device = reader(client)
    shown = client.v1.terminal.readers.set_reader_display(device.id, params={
        "type": "cart", "cart": {"currency": "usd", "tax": 100, "total": 1350, "line_items": [
            {"description": "Flat white", "amount": 625, "quantity": 2}]}})
    action = shown.action
    assert action is not None and action.status == "succeeded"
    cart = action.set_reader_display.cart  # type: ignore[union-attr]
    assert cart is not None and cart.total == 1350 and cart.tax == 100
    assert [(line.description, line.amount, line.quantity) for line in cart.line_items] == [
        ("Flat white", 625, 2)]


def test_the_demo_reader_taps_a_card_by_itself(demo: Sandbox) -> None:
    client = sdk(demo)
    readers = client.v1.terminal.readers.list().data
    assert [r.device_type for r in readers] == ["simulated_wisepos_e"]
    assert demo.state.auto_present_after is not None
    demo.state.auto_present_after = 0.05
    pi = intent(client)
    client.v1.terminal.readers.process_payment_intent(readers[0].id,
                                                      params={"payment_intent": pi.id})
    deadline = time.monotonic() + 30
    while client.v1.payment_intents.retrieve(pi.id).status != "succeeded" \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"
    assert client.v1.terminal.readers.retrieve(readers[0].id).action.status == "succeeded"  # type: ignore[union-attr]
