"""SetupIntents: save a card for later without charging it.

A successful confirmation attaches the PaymentMethod to the SetupIntent's customer; cards
that fail verification raise Stripe's 402 card error carrying the SetupIntent; 3D Secure
cards wait in `requires_action` until `authenticate_setup_intent`.
"""

from __future__ import annotations

from typing import Any

from ..errors import ApiError
from ..state import Obj, State
from .cards import (
    attach_payment_method,
    authentication_failure,
    card_error,
    last_error,
    resolve_payment_method,
    test_card,
)
from .customers import require_customer

CONFIRMABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
_AUTH_FAILED = ("The latest attempt to set up the payment method has failed because "
                "authentication failed.")


def unexpected_state(seti: Obj, message: str) -> ApiError:
    return ApiError(400, message, code="setup_intent_unexpected_state",
                    extra={"setup_intent": seti})


def create_setup_intent(state: State, *, customer: str | None = None,
                        payment_method: str | None = None, confirm: bool = False,
                        usage: str = "off_session", metadata: dict[str, str] | None = None,
                        description: str | None = None,
                        extra: dict[str, Any] | None = None) -> Obj:
    """Create a SetupIntent (confirmed at once when `confirm`); raises card errors."""
    if customer is not None:
        require_customer(state, customer, "customer")
    pm = resolve_payment_method(state, payment_method, customer) if payment_method else None
    seti_id = state.new_id("seti_")
    seti: Obj = {
        "id": seti_id,
        "object": "setup_intent",
        "application": None,
        "automatic_payment_methods": None,
        "cancellation_reason": None,
        "client_secret": f"{seti_id}_secret_{state.new_id('', 25)}",
        "created": state.now(),
        "customer": customer,
        "description": description,
        "excluded_payment_method_types": None,
        "flow_directions": None,
        "last_setup_error": None,
        "latest_attempt": None,
        "livemode": False,
        "mandate": None,
        "metadata": dict(metadata or {}),
        "next_action": None,
        "on_behalf_of": None,
        "payment_method": pm["id"] if pm else None,
        "payment_method_configuration_details": None,
        "payment_method_options": {"card": {"mandate_options": None, "network": None,
                                            "request_three_d_secure": "automatic"}},
        "payment_method_types": ["card"],
        "single_use_mandate": None,
        "status": "requires_confirmation" if pm else "requires_payment_method",
        "usage": usage,
    }
    seti.update(extra or {})
    state.insert(seti)
    state.emit("setup_intent.created", seti)
    if confirm:
        confirm_setup_intent(state, seti)
    return seti


def confirm_setup_intent(state: State, seti: Obj, *, payment_method: str | None = None) -> Obj:
    """Verify the card: succeed (and attach), ask for 3D Secure, or fail (402 raised)."""
    status = seti["status"]
    if status not in CONFIRMABLE:
        raise unexpected_state(seti, "You cannot confirm this SetupIntent because it has a "
                                f"status of {status}. Only a SetupIntent with one of the "
                                "following statuses may be confirmed: "
                                f"{', '.join(CONFIRMABLE)}.")
    pm_id = payment_method or seti["payment_method"]
    if not pm_id:
        raise unexpected_state(seti, "You cannot confirm this SetupIntent because it's "
                                "missing a payment method. Update it with a payment method, "
                                "or confirm it with one.")
    pm = resolve_payment_method(state, pm_id, seti["customer"])
    state.update(seti, {"payment_method": pm["id"], "last_setup_error": None,
                        "next_action": None})
    card = test_card(pm)
    if card.attach_decline:
        state.update(seti, {"status": "requires_payment_method", "payment_method": None,
                            "last_setup_error": last_error(card.attach_decline, pm)})
        state.emit("setup_intent.setup_failed", seti)
        raise card_error(card.attach_decline, {"setup_intent": seti, "payment_method": pm})
    if card.authentication:
        state.update(seti, {"status": "requires_action", "next_action": {
            "type": "use_stripe_sdk",
            "use_stripe_sdk": {"type": "three_d_secure_redirect", "source": pm["id"]}}})
        state.emit("setup_intent.requires_action", seti)
        return seti
    return _succeed(state, seti, pm)


def _succeed(state: State, seti: Obj, pm: Obj) -> Obj:
    if seti["customer"]:
        attach_payment_method(state, pm["id"], state.get(seti["customer"], "customer"))
    state.update(seti, {"status": "succeeded", "next_action": None})
    state.emit("setup_intent.succeeded", seti)
    return seti


def authenticate_setup_intent(state: State, seti: Obj, approve: bool) -> Obj:
    """Finish the 3D Secure step of a `requires_action` SetupIntent."""
    if seti["status"] != "requires_action":
        raise unexpected_state(seti, "This SetupIntent does not require authentication: its "
                                f"status is {seti['status']}.")
    pm = state.get(seti["payment_method"], "payment_method", param="payment_method")
    if approve:
        return _succeed(state, seti, pm)
    state.update(seti, {"status": "requires_payment_method", "payment_method": None,
                        "next_action": None, "last_setup_error": authentication_failure(
                            "setup_intent_authentication_failure", _AUTH_FAILED, pm)})
    state.emit("setup_intent.setup_failed", seti)
    return seti


def cancel_setup_intent(state: State, seti: Obj, reason: str | None = None) -> Obj:
    if seti["status"] not in CONFIRMABLE:
        raise unexpected_state(seti, "You cannot cancel this SetupIntent because it has a "
                                f"status of {seti['status']}. Only a SetupIntent with one of "
                                "the following statuses may be canceled: "
                                f"{', '.join(CONFIRMABLE)}.")
    state.update(seti, {"status": "canceled", "cancellation_reason": reason,
                        "next_action": None})
    state.emit("setup_intent.canceled", seti)
    return seti
