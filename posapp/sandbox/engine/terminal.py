"""Stripe Terminal, server-driven: locations, simulated smart readers and their actions.

A reader runs one action at a time. `process_payment_intent` starts an `in_progress`
action that waits for a card; `present_payment_method` (Stripe's test helper) taps one:
the PaymentIntent is charged as any card payment is (a decline fails the action with the
bank's reason, the PaymentIntent goes back to `requires_payment_method`), and the action
ends `succeeded` or `failed` with `terminal.reader.action_succeeded/failed`. `cancel_action`
and a time-out (sandbox helper) fail it too. `set_reader_display` shows a cart at once.
An offline reader (sandbox helper) refuses actions with `terminal_reader_offline`; a reader
with an action in progress refuses another with `terminal_reader_busy`.

In the demo (`state.auto_present_after` set) a card is tapped by itself a few seconds
after a payment action starts, so the whole flow can be watched without a helper call.
"""

from __future__ import annotations

import threading
from typing import Any

from ..errors import ApiError, invalid
from ..state import Obj, State
from .cards import card_present_method
from .payments import attempt_charge, unexpected_state

# Registration codes of simulated readers -> (device_type, default label, serial prefix).
SIMULATED_READERS: dict[str, tuple[str, str, str]] = {
    "simulated-wpe": ("simulated_wisepos_e", "Simulated WisePOS E", "WSC513"),
    "simulated-s700": ("simulated_stripe_s700", "Simulated Stripe S700", "STRM26"),
}
DEFAULT_TEST_CARD = "4242424242424242"
_GUIDE = ("Reference the integration guide at https://stripe.com/docs/terminal/payments/"
          "collect-payment?terminal-sdk-platform=server-driven#handle-errors for details on "
          "how to handle this error.")
CANCELED = ("canceled", "The action was canceled.")
TIMED_OUT = ("terminal_reader_timeout",
             "The reader timed out waiting for the customer to present a card.")


def create_location(state: State, display_name: str, address: Obj,
                    metadata: dict[str, str] | None = None, phone: str | None = None) -> Obj:
    """A business location readers are registered at."""
    location: Obj = {
        "id": state.new_id("tml_"),
        "object": "terminal.location",
        "address": address,
        "address_kana": None,
        "address_kanji": None,
        "configuration_overrides": None,
        "display_name": display_name,
        "display_name_kana": None,
        "display_name_kanji": None,
        "livemode": False,
        "metadata": dict(metadata or {}),
        "phone": phone,
    }
    return state.insert(location)


def register_reader(state: State, registration_code: str, *, label: str | None = None,
                    location: str | None = None,
                    metadata: dict[str, str] | None = None) -> Obj:
    """Register a simulated reader by its code (`simulated-wpe`, `simulated-s700`)."""
    known = SIMULATED_READERS.get(registration_code)
    if known is None:
        raise invalid("The registration code you provided is invalid. In test mode, use "
                      f"one of: {', '.join(SIMULATED_READERS)}.", param="registration_code")
    if location is not None:
        state.get(location, "terminal.location", param="location")
    device_type, default_label, serial = known
    reader: Obj = {
        "id": state.new_id("tmr_"),
        "object": "terminal.reader",
        "action": None,
        "device_sw_version": "",
        "device_type": device_type,
        "ip_address": "192.168.2.2",
        "label": label or default_label,
        "last_seen_at": state.now() * 1000,
        "livemode": False,
        "location": location,
        "metadata": dict(metadata or {}),
        "serial_number": f"{serial}-{state.new_id('', 9).upper()}",
        "status": "online",
    }
    return state.insert(reader)


def _check_free(reader: Obj) -> None:
    """Stripe's answers when a reader cannot take an action now: offline or busy."""
    if reader["status"] == "offline":
        raise ApiError(400, "Reader is currently offline, please ensure the reader is powered "
                       f"on and connected to the internet before retrying your request. {_GUIDE}",
                       code="terminal_reader_offline")
    action = reader["action"]
    if action and action["status"] == "in_progress":
        raise ApiError(400, "Reader is currently busy processing another request, please "
                       f"retry after the current action has completed. {_GUIDE}",
                       code="terminal_reader_busy")


def _start(state: State, reader: Obj, action: Obj) -> Obj:
    state.update(reader, {"action": action, "last_seen_at": state.now() * 1000})
    return reader


def _finish(state: State, reader: Obj, *, failure: tuple[str, str] | None = None,
            api_error: Obj | None = None) -> Obj:
    """End the reader's action: `succeeded`, or `failed` with a code and message."""
    action = dict(reader["action"])
    if failure is None:
        action.update(status="succeeded")
    else:
        action.update(status="failed", failure_code=failure[0], failure_message=failure[1],
                      api_error=api_error)
    state.update(reader, {"action": action})
    state.emit("terminal.reader.action_succeeded" if failure is None
               else "terminal.reader.action_failed", reader)
    return reader


def process_payment_intent(state: State, reader: Obj, pi: Obj,
                           process_config: Obj | None) -> Obj:
    """Start collecting a card for `pi` on `reader` (waits for `present_payment_method`)."""
    if "card_present" not in pi["payment_method_types"]:
        raise invalid("This PaymentIntent cannot be processed on a reader: its "
                      "payment_method_types do not include card_present.",
                      param="payment_intent")
    if pi["status"] not in ("requires_payment_method", "requires_confirmation"):
        raise unexpected_state(pi, "This PaymentIntent could not be processed because it "
                               f"has a status of {pi['status']}.")
    _check_free(reader)
    _start(state, reader, {
        "api_error": None, "failure_code": None, "failure_message": None,
        "process_payment_intent": {"payment_intent": pi["id"],
                                   "process_config": process_config},
        "status": "in_progress", "type": "process_payment_intent"})
    if state.auto_present_after is not None:
        _present_later(state, reader["id"], pi["id"], state.auto_present_after)
    return reader


def set_reader_display(state: State, reader: Obj, cart: Obj) -> Obj:
    """Show a cart (line items, tax, total) on the reader's screen."""
    _check_free(reader)
    _start(state, reader, {
        "api_error": None, "failure_code": None, "failure_message": None,
        "set_reader_display": {"cart": cart, "type": "cart"},
        "status": "in_progress", "type": "set_reader_display"})
    return _finish(state, reader)


def cancel_action(state: State, reader: Obj) -> Obj:
    """Cancel the reader's action in progress (the PaymentIntent is left as it was), or take
    a cart it shows off its screen (the reader goes idle: no action)."""
    action = reader["action"]
    if action and action["type"] == "set_reader_display":
        return state.update(reader, {"action": None})
    if not action or action["status"] != "in_progress":
        raise invalid("This reader has no action in progress to cancel.")
    return _finish(state, reader, failure=CANCELED)


def time_out_action(state: State, reader: Obj) -> Obj:
    """The reader gives up waiting for a card (sandbox helper)."""
    action = reader["action"]
    if not action or action["status"] != "in_progress":
        raise invalid("This reader has no action in progress to time out.")
    return _finish(state, reader, failure=TIMED_OUT)


def set_status(state: State, reader: Obj, status: str) -> Obj:
    """Take a reader offline or bring it back (sandbox helper)."""
    changes: Obj = {"status": status}
    if status == "online":
        changes["last_seen_at"] = state.now() * 1000
    return state.update(reader, changes)


def present_payment_method(state: State, reader: Obj, *, number: str = DEFAULT_TEST_CARD,
                           amount_tip: int | None = None,
                           read_method: str = "contactless_emv") -> Obj:
    """Tap a test card on the reader: charge the PaymentIntent its action is collecting for.

    A tip chosen on the reader is added to the amount and kept in `amount_details.tip`.
    """
    action = reader["action"]
    if not action or action["status"] != "in_progress" \
            or action["type"] != "process_payment_intent":
        raise invalid("This reader is not collecting a payment: start "
                      "process_payment_intent first.")
    pi = state.get(action["process_payment_intent"]["payment_intent"], "payment_intent")
    if amount_tip:
        state.update(pi, {"amount": int(pi["amount"]) + amount_tip,
                          "amount_details": {**pi["amount_details"],
                                             "tip": {"amount": amount_tip}}})
    pm = card_present_method(state, number, read_method)
    state.update(pi, {"payment_method": pm["id"], "last_payment_error": None})
    try:
        attempt_charge(state, pi, pm,
                       present={"reader": reader["id"], "location": reader["location"]})
    except ApiError as error:
        body = error.body()["error"]
        api_error = {key: body.get(key) for key in (
            "code", "decline_code", "doc_url", "message", "type")}
        api_error.update(charge=pi["latest_charge"], payment_method_type="card_present")
        return _finish(state, reader, failure=(body.get("code") or "card_declined",
                                               body["message"]), api_error=api_error)
    return _finish(state, reader)


def _present_later(state: State, reader_id: str, pi_id: str, delay: float) -> None:
    """Demo mode: tap the default test card after `delay` seconds, if the same action is
    still waiting for one then."""
    def tap() -> None:
        with state.lock:
            reader = state.find(reader_id, "terminal.reader")
            action: Any = reader["action"] if reader else None
            if reader is None or not action or action["status"] != "in_progress" \
                    or action.get("process_payment_intent", {}).get("payment_intent") != pi_id:
                return
            present_payment_method(state, reader)
    timer = threading.Timer(delay, tap)
    timer.daemon = True
    timer.start()
