"""PaymentIntents: Stripe's payment state machine.

`create_payment_intent`, `confirm_payment_intent`, `authenticate_payment_intent`,
`capture_payment_intent` and `cancel_payment_intent` are what the routes, billing and the
hosted pages call while holding `state.lock`. A decline updates the PaymentIntent, emits
`charge.failed` and `payment_intent.payment_failed`, and raises Stripe's 402 card error
carrying the PaymentIntent, as Stripe does.
"""

from __future__ import annotations

from typing import Any, NoReturn
from urllib.parse import quote

from ..errors import ApiError, invalid
from ..params import currency_code
from ..state import Obj, State, copy_json
from .cards import (
    attach_payment_method,
    authentication_failure,
    card_error,
    last_error,
    resolve_payment_method,
    test_card,
)
from .charges import card_option, display_amount, is_manual, record_charge
from .connect import settle
from .customers import require_customer
from .disputes import open_dispute

CONFIRMABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
CANCELABLE = ("requires_payment_method", "requires_capture", "requires_confirmation",
              "requires_action", "processing")
CAPTURE_METHODS = ("automatic", "automatic_async", "manual")
THREE_D_SECURE = ("any", "automatic", "challenge")
DEFAULT_OPTIONS: Obj = {"card": {"installments": None, "mandate_options": None, "network": None,
                                 "request_three_d_secure": "automatic"}}
MAX_AMOUNT = 99_999_999
# Stripe's minimum charge per currency (minor units); others need at least 1.
_MINIMUMS = {"usd": 50, "eur": 50, "cad": 50, "aud": 50, "chf": 50, "nzd": 50, "sgd": 50,
             "gbp": 30, "jpy": 50, "hkd": 400, "mxn": 1000, "dkk": 250, "nok": 300,
             "sek": 300, "cny": 400}
_MISSING_METHOD = ("You cannot confirm this PaymentIntent because it's missing a payment "
                   "method. You can either update the PaymentIntent with a payment method and "
                   "then confirm it again, or confirm it again directly with a payment method.")
_AUTH_FAILED = ("The provided PaymentMethod has failed authentication. You can provide "
                "payment_method_data or a new PaymentMethod to attempt to fulfill this "
                "PaymentIntent again.")


def check_amount(amount: int, currency: str, param: str = "amount") -> None:
    """Stripe's minimum and maximum charge amounts, with its messages."""
    minimum = _MINIMUMS.get(currency, 1)
    if amount < minimum:
        raise invalid(f"Amount must be at least {display_amount(minimum, currency)} "
                      f"{currency}", param=param, code="amount_too_small")
    if amount > MAX_AMOUNT:
        raise invalid(f"Amount must be no more than {display_amount(MAX_AMOUNT, currency)}",
                      param=param, code="amount_too_large")


def create_payment_intent(
    state: State,
    *,
    amount: int,
    currency: str,
    customer: str | None = None,
    payment_method: str | None = None,
    confirm: bool = False,
    off_session: bool = False,
    capture_method: str = "automatic",
    metadata: dict[str, str] | None = None,
    description: str | None = None,
    receipt_email: str | None = None,
    setup_future_usage: str | None = None,
    extra: dict[str, Any] | None = None,
    return_url: str | None = None,
) -> Obj:
    """Create a PaymentIntent (and confirm it when `confirm`); raises card errors on declines.

    `extra` holds further fields the caller wants on the object (invoice linkage,
    `payment_details`, `statement_descriptor`, ...); `return_url` is where the 3D Secure
    page sends the customer back to.
    """
    currency = currency_code(currency)
    check_amount(amount, currency)
    if customer is not None:
        require_customer(state, customer, "customer")
    if confirm and not payment_method:
        raise invalid(_MISSING_METHOD, code="payment_intent_unexpected_state")
    pm = resolve_payment_method(state, payment_method, customer) if payment_method else None
    pi_id = state.new_id("pi_")
    pi: Obj = {
        "id": pi_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_capturable": 0,
        "amount_details": {"tip": {}},
        "amount_received": 0,
        "application": None,
        "application_fee_amount": None,
        "automatic_payment_methods": None,
        "canceled_at": None,
        "cancellation_reason": None,
        "capture_method": capture_method,
        "client_secret": f"{pi_id}_secret_{state.new_id('', 25)}",
        "confirmation_method": "automatic",
        "created": state.now(),
        "currency": currency,
        "customer": customer,
        "customer_account": None,
        "description": description,
        "excluded_payment_method_types": None,
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "managed_payments": None,
        "metadata": dict(metadata or {}),
        "next_action": None,
        "on_behalf_of": None,
        "payment_details": None,
        "payment_method": pm["id"] if pm else None,
        "payment_method_configuration_details": None,
        "payment_method_options": copy_json(DEFAULT_OPTIONS),
        "payment_method_types": ["card"],
        "processing": None,
        "receipt_email": receipt_email,
        "review": None,
        "setup_future_usage": setup_future_usage,
        "shipping": None,
        "source": None,
        "statement_descriptor": None,
        "statement_descriptor_suffix": None,
        "status": "requires_confirmation" if pm else "requires_payment_method",
        "transfer_data": None,
        "transfer_group": None,
    }
    pi.update(extra or {})
    state.insert(pi)
    state.emit("payment_intent.created", pi)
    if confirm:
        confirm_payment_intent(state, pi, off_session=off_session, return_url=return_url)
    return pi


def confirm_payment_intent(state: State, pi: Obj, *, payment_method: str | None = None,
                           off_session: bool = False, return_url: str | None = None) -> Obj:
    """Confirm `pi`: succeed, wait for capture, ask for 3D Secure, or decline (402 raised)."""
    status = pi["status"]
    if status == "succeeded":
        raise unexpected_state(pi, "You cannot confirm this PaymentIntent because it has "
                                "already succeeded after being previously confirmed.")
    if status not in CONFIRMABLE:
        raise unexpected_state(pi, "You cannot confirm this PaymentIntent because it has a "
                                f"status of {status}. Only a PaymentIntent with one of the "
                                "following statuses may be confirmed: "
                                f"{', '.join(CONFIRMABLE)}.")
    pm_id = payment_method or pi["payment_method"]
    if not pm_id:
        raise unexpected_state(pi, _MISSING_METHOD)
    pm = resolve_payment_method(state, pm_id, pi["customer"])
    state.update(pi, {"payment_method": pm["id"], "last_payment_error": None,
                      "next_action": None})
    if test_card(pm).authentication or card_option(pi, "request_three_d_secure") in (
            "any", "challenge"):
        if off_session:
            _decline(state, pi, pm, "authentication_required")
        state.update(pi, {"status": "requires_action",
                          "next_action": _next_action(state, pi, return_url)})
        state.emit("payment_intent.requires_action", pi)
        return pi
    return attempt_charge(state, pi, pm)


def authenticate_payment_intent(state: State, pi: Obj, approve: bool) -> Obj:
    """Finish the 3D Secure step of a `requires_action` PaymentIntent (approved or failed)."""
    if pi["status"] != "requires_action":
        raise unexpected_state(pi, "This PaymentIntent does not require authentication: its "
                                f"status is {pi['status']}.")
    pm = state.get(pi["payment_method"], "payment_method", param="payment_method")
    if approve:
        return attempt_charge(state, pi, pm, authenticated=True)
    state.update(pi, {"status": "requires_payment_method", "next_action": None,
                      "payment_method": None, "last_payment_error": authentication_failure(
                          "payment_intent_authentication_failure", _AUTH_FAILED, pm)})
    state.emit("payment_intent.payment_failed", pi)
    return pi


def capture_payment_intent(state: State, pi: Obj, amount_to_capture: int | None = None) -> Obj:
    """Capture an authorised PaymentIntent; a partial capture releases the rest."""
    if pi["status"] != "requires_capture":
        raise unexpected_state(pi, "This PaymentIntent could not be captured because it has "
                                f"a status of {pi['status']}. Only a PaymentIntent with one of "
                                "the following statuses may be captured: requires_capture.")
    capturable = int(pi["amount_capturable"])
    amount = capturable if amount_to_capture is None else amount_to_capture
    if amount > capturable:
        raise invalid(f"The amount to capture ({amount}) must be less than or equal to the "
                      f"amount capturable ({capturable}).", param="amount_to_capture",
                      code="amount_too_large")
    if amount < 1:
        raise invalid("This value must be greater than or equal to 1.",
                      param="amount_to_capture")
    charge = state.get(pi["latest_charge"], "charge")
    state.update(charge, {"captured": True, "amount_captured": amount,
                          "amount_refunded": int(charge["amount"]) - amount},
                 "charge.captured")
    state.update(pi, {"status": "succeeded", "amount_received": amount,
                      "amount_capturable": 0})
    state.emit("payment_intent.succeeded", pi)
    settle(state, charge, amount)
    if test_card(state.get(charge["payment_method"], "payment_method")).dispute:
        open_dispute(state, charge)
    return pi


def cancel_payment_intent(state: State, pi: Obj, reason: str | None = None) -> Obj:
    """Cancel `pi` from a cancelable status; an uncaptured charge is released (refunded)."""
    if pi["status"] not in CANCELABLE:
        raise unexpected_state(pi, "You cannot cancel this PaymentIntent because it has a "
                                f"status of {pi['status']}. Only a PaymentIntent with one of "
                                "the following statuses may be canceled: "
                                f"{', '.join(CANCELABLE)}.")
    if pi["status"] == "requires_capture":
        charge = state.get(pi["latest_charge"], "charge")
        state.update(charge, {"amount_refunded": charge["amount"], "refunded": True},
                     "charge.refunded")
    state.update(pi, {"status": "canceled", "canceled_at": state.now(),
                      "cancellation_reason": reason, "amount_capturable": 0,
                      "next_action": None})
    state.emit("payment_intent.canceled", pi)
    return pi


def unexpected_state(pi: Obj, message: str) -> ApiError:
    return ApiError(400, message, code="payment_intent_unexpected_state",
                    extra={"payment_intent": pi})


def _next_action(state: State, pi: Obj, return_url: str | None) -> Obj:
    """Stripe.js's 3D Secure step, or a redirect to the challenge page with `return_url`."""
    if return_url:
        url = f"{state.api_base}/authenticate/{pi['id']}?return_url={quote(return_url)}"
        return {"type": "redirect_to_url",
                "redirect_to_url": {"return_url": return_url, "url": url}}
    return {"type": "use_stripe_sdk",
            "use_stripe_sdk": {"type": "three_d_secure_redirect",
                               "stripe_js": f"{state.api_base}/authenticate/{pi['id']}",
                               "source": pi["payment_method"]}}


def card_options(current: Obj, update: Obj | None) -> Obj:
    """`payment_method_options` with a `payment_method_options[card]` update applied."""
    card = dict((current or {}).get("card") or {})
    given = (update or {}).get("card")
    if isinstance(given, dict):
        if "request_three_d_secure" in given:
            value = given["request_three_d_secure"]
            if value not in THREE_D_SECURE:
                raise invalid("Invalid payment_method_options[card][request_three_d_secure]: "
                              f"must be one of {', '.join(THREE_D_SECURE)}",
                              param="payment_method_options[card][request_three_d_secure]")
            card["request_three_d_secure"] = value
        if "capture_method" in given:
            value = given["capture_method"] or None
            if value not in (None, "manual"):
                raise invalid("Invalid payment_method_options[card][capture_method]: must be "
                              "manual or empty",
                              param="payment_method_options[card][capture_method]")
            card["capture_method"] = value
        for key in ("setup_future_usage", "require_cvc_recollection", "network"):
            if key in given:
                card[key] = given[key] or None
    return {**(current or {}), "card": card}


def attempt_charge(state: State, pi: Obj, pm: Obj, *, authenticated: bool = False,
                   present: Obj | None = None) -> Obj:
    """Charge the card once: success moves `pi` on; a decline raises the 402 card error.

    `present`: where a card_present card was read (`reader`, `location`) for its charge."""
    card = test_card(pm)
    if card.charge_decline:
        _decline(state, pi, pm, card.charge_decline, present)
    charge = record_charge(state, pi, pm, authenticated=authenticated, present=present)
    manual = is_manual(pi)
    changes: Obj = {"latest_charge": charge["id"], "next_action": None}
    if manual:
        changes.update(status="requires_capture", amount_capturable=pi["amount"])
    else:
        changes.update(status="succeeded", amount_received=pi["amount"])
    state.update(pi, changes)
    if pi["setup_future_usage"] and pi["customer"] and pm.get("customer") is None:
        customer = state.get(pi["customer"], "customer")
        attach_payment_method(state, pm["id"], customer)
    state.emit("charge.succeeded", charge)
    state.emit("payment_intent.amount_capturable_updated" if manual
               else "payment_intent.succeeded", pi)
    if not manual:
        settle(state, charge, int(charge["amount"]))
    if card.dispute and not manual:
        open_dispute(state, charge)
    return pi


def _decline(state: State, pi: Obj, pm: Obj, decline_code: str,
             present: Obj | None = None) -> NoReturn:
    """Record the failed charge and attempt on `pi`, then raise Stripe's card error."""
    charge = record_charge(state, pi, pm, decline=decline_code, present=present)
    state.update(pi, {"status": "requires_payment_method", "payment_method": None,
                      "latest_charge": charge["id"], "next_action": None,
                      "last_payment_error": last_error(decline_code, pm, charge["id"])})
    state.emit("charge.failed", charge)
    state.emit("payment_intent.payment_failed", pi)
    raise card_error(decline_code, {"payment_intent": pi, "charge": charge["id"],
                                    "payment_method": pm})
