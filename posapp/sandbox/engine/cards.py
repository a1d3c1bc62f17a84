"""Stripe's test cards and PaymentMethods: tokens, declines, attach and detach.

Each use of a test token (`pm_card_visa`, ...) creates a new PaymentMethod, as Stripe does.
How a card behaves when charged is a property of its test card number; the PaymentMethod
carries that card's `fingerprint`, so any code holding the object can ask `test_card(pm)`.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from ..errors import ApiError, invalid
from ..state import Obj, State, copy_json

EXP_YEAR_OFFSET = 3


@dataclass(frozen=True)
class TestCard:
    """A Stripe test card: its number, network, and what happens when it is used."""

    token: str
    number: str
    brand: str
    charge_decline: str | None = None  # decline_code of every charge
    attach_decline: str | None = None  # decline_code when attached or set up
    authentication: bool = False  # 3D Secure required on every payment
    dispute: bool = False  # a successful charge is disputed at once
    funding: str = "credit"
    country: str = "US"

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.number.encode()).hexdigest()[:16]


TEST_CARDS: tuple[TestCard, ...] = (
    TestCard("pm_card_visa", "4242424242424242", "visa"),
    TestCard("pm_card_mastercard", "5555555555554444", "mastercard"),
    TestCard("pm_card_amex", "378282246310005", "amex"),
    TestCard("pm_card_chargeDeclined", "4000000000000002", "visa",
             charge_decline="generic_decline", attach_decline="generic_decline"),
    TestCard("pm_card_chargeDeclinedInsufficientFunds", "4000000000009995", "visa",
             charge_decline="insufficient_funds", attach_decline="insufficient_funds"),
    TestCard("pm_card_chargeDeclinedExpiredCard", "4000000000000069", "visa",
             charge_decline="expired_card", attach_decline="expired_card"),
    TestCard("pm_card_chargeDeclinedLostCard", "4000000000009987", "visa",
             charge_decline="lost_card", attach_decline="lost_card"),
    TestCard("pm_card_chargeDeclinedStolenCard", "4000000000009979", "visa",
             charge_decline="stolen_card", attach_decline="stolen_card"),
    TestCard("pm_card_chargeDeclinedIncorrectCvc", "4000000000000127", "visa",
             charge_decline="incorrect_cvc", attach_decline="incorrect_cvc"),
    TestCard("pm_card_chargeDeclinedProcessingError", "4000000000000119", "visa",
             charge_decline="processing_error", attach_decline="processing_error"),
    TestCard("pm_card_chargeDeclinedFraudulent", "4100000000000019", "visa",
             charge_decline="fraudulent", attach_decline="fraudulent"),
    TestCard("pm_card_chargeDeclinedVelocityLimitExceeded", "4000000000006975", "visa",
             charge_decline="card_velocity_exceeded",
             attach_decline="card_velocity_exceeded"),
    TestCard("pm_card_authenticationRequired", "4000002760003184", "visa",
             authentication=True),
    # 4000 0025 0000 3155: the sandbox asks for 3D Secure on every payment with it too.
    TestCard("pm_card_authenticationRequiredOnSetup", "4000002500003155", "visa",
             authentication=True),
    TestCard("pm_card_createDispute", "4000000000000259", "visa", dispute=True),
    TestCard("pm_card_chargeCustomerFail", "4000000000000341", "visa",
             charge_decline="generic_decline"),
)
# The testing page also names the Visa declines `pm_card_visa_chargeDeclined…`.
_BY_TOKEN = {card.token: card for card in TEST_CARDS} | {
    card.token.replace("pm_card_", "pm_card_visa_"): card for card in TEST_CARDS
    if card.token.startswith("pm_card_chargeDeclined")}
_BY_NUMBER = {card.number: card for card in TEST_CARDS}
_BY_FINGERPRINT = {card.fingerprint: card for card in TEST_CARDS}

# decline_code -> (error code, message, param), as Stripe answers card errors.
DECLINES: dict[str, tuple[str, str, str | None]] = {
    "generic_decline": ("card_declined", "Your card was declined.", None),
    "insufficient_funds": ("card_declined", "Your card has insufficient funds.", None),
    "lost_card": ("card_declined", "Your card was declined.", None),
    "stolen_card": ("card_declined", "Your card was declined.", None),
    "fraudulent": ("card_declined", "Your card was declined.", None),
    "card_velocity_exceeded": ("card_declined", "Your card was declined.", None),
    "expired_card": ("expired_card", "Your card has expired.", "exp_month"),
    "incorrect_cvc": ("incorrect_cvc", "Your card's security code is incorrect.", "cvc"),
    "processing_error": ("processing_error", "An error occurred while processing your card. "
                         "Try again in a little bit.", None),
    "authentication_required": ("authentication_required", "Your card was declined. This "
                                "transaction requires authentication.", None),
}


def card_error(decline_code: str, extra: Obj | None = None) -> ApiError:
    """Stripe's 402 card error for a decline, with `extra` (payment_intent, charge, ...)."""
    code, message, param = DECLINES[decline_code]
    return ApiError(402, message, type="card_error", code=code, param=param,
                    decline_code=decline_code, extra=extra)


def last_error(decline_code: str, pm: Obj, charge_id: str | None = None) -> Obj:
    """The `last_payment_error` / `last_setup_error` an intent keeps after a decline."""
    error: Obj = card_error(decline_code).body()["error"]
    if charge_id:
        error["charge"] = charge_id
    error["payment_method"] = copy_json(pm)
    return error


def authentication_failure(code: str, message: str, pm: Obj) -> Obj:
    """The last error an intent keeps when its customer fails the 3D Secure step."""
    error: Obj = ApiError(400, message, code=code).body()["error"]
    error["payment_method"] = copy_json(pm)
    return error


def test_card(pm: Obj) -> TestCard:
    """The test card behind a PaymentMethod (a plain Visa for anything unrecognised)."""
    fingerprint = (pm.get("card") or pm.get("card_present") or {}).get("fingerprint")
    return _BY_FINGERPRINT.get(fingerprint or "", TEST_CARDS[0])


def token_for_number(number: str) -> str | None:
    """The `pm_card_*` token of a test card number (spaces allowed), for hosted pages."""
    card = _BY_NUMBER.get(number.replace(" ", ""))
    return card.token if card else None


def card_details(pm: Obj) -> Obj:
    """The `card` hash a charge's `payment_method_details` shows for this PaymentMethod."""
    card = pm.get("card") or pm["card_present"]
    details: Obj = copy_json({key: card.get(key) for key in (
        "brand", "checks", "country", "exp_month", "exp_year", "fingerprint", "funding",
        "last4", "wallet")})
    return details


def card_present_method(state: State, number: str, read_method: str) -> Obj:
    """The single-use `card_present` PaymentMethod of a test card read by a reader
    (`number` one of the test card numbers; anything else reads as a Visa that succeeds).
    Stripe's card-present test cards behave as their online twins: 4000 0000 0000 0002
    declines, 4000 0000 0000 9995 has insufficient funds, and so on."""
    card = _BY_NUMBER.get(number.replace(" ", ""), TEST_CARDS[0])
    now = state.now()
    return _insert_payment_method(state, "card_present", {
        "brand": card.brand,
        "brand_product": None,
        "cardholder_name": None,
        "country": card.country,
        "description": None,
        "exp_month": 12,
        "exp_year": _year(now) + EXP_YEAR_OFFSET,
        "fingerprint": card.fingerprint,
        "funding": card.funding,
        "iin": None,
        "issuer": None,
        "last4": card.number[-4:],
        "networks": {"available": [card.brand], "preferred": None},
        "offline": None,
        "preferred_locales": ["en"],
        "read_method": read_method,
        "wallet": None,
    })


def payment_method_for_token(state: State, token: str, param: str = "payment_method") -> Obj:
    """A new PaymentMethod for a test token, or the existing one for a `pm_` id (else 404)."""
    card = _BY_TOKEN.get(token)
    if card is None:
        return state.get(token, "payment_method", param=param)
    now = state.now()
    return _insert_payment_method(state, "card", {
        "brand": card.brand,
        "checks": {"address_line1_check": None, "address_postal_code_check": None,
                   "cvc_check": "pass"},
        "country": card.country,
        "display_brand": card.brand,
        "exp_month": 12,
        "exp_year": _year(now) + EXP_YEAR_OFFSET,
        "fingerprint": card.fingerprint,
        "funding": card.funding,
        "generated_from": None,
        "last4": card.number[-4:],
        "networks": {"available": [card.brand], "preferred": None},
        "regulated_status": "unregulated",
        "three_d_secure_usage": {"supported": True},
        "wallet": None,
    })


def resolve_payment_method(state: State, token: str, customer: str | None) -> Obj:
    """The PaymentMethod an intent will use: a token's new one, or an id usable by `customer`."""
    pm = payment_method_for_token(state, token)
    owner = pm.get("customer")
    if owner is not None and owner != customer:
        raise invalid(f"The provided PaymentMethod belongs to the Customer {owner}. Please "
                      "provide the Customer ID to use this PaymentMethod.",
                      param="payment_method")
    return pm


def _insert_payment_method(state: State, kind: str, details: Obj) -> Obj:
    """Store a new PaymentMethod of `kind` (`card`, `card_present`) with its `details`."""
    return state.insert({
        "id": state.new_id("pm_"),
        "object": "payment_method",
        "allow_redisplay": "unspecified",
        "billing_details": {
            "address": {"city": None, "country": None, "line1": None, "line2": None,
                        "postal_code": None, "state": None},
            "email": None, "name": None, "phone": None, "tax_id": None,
        },
        kind: details,
        "created": state.now(),
        "customer": None,
        "customer_account": None,
        "livemode": False,
        "metadata": {},
        "type": kind,
    })


def _year(timestamp: int) -> int:
    return time.gmtime(timestamp).tm_year


def attach_payment_method(state: State, pm_id_or_token: str, customer: Obj,
                          param: str = "payment_method") -> Obj:
    """Attach a PaymentMethod (or a fresh one from a token) to `customer`.

    The card is verified as Stripe does: declining test cards fail with a 402 card error,
    except `pm_card_chargeCustomerFail`, which attaches and then fails every charge.
    """
    pm = payment_method_for_token(state, pm_id_or_token, param)
    if pm.get("customer") == customer["id"]:
        return pm
    check_attachable(pm, customer["id"], param)
    state.update(pm, {"customer": customer["id"]})
    state.emit("payment_method.attached", pm)
    return pm


def check_attachable(pm: Obj, customer_id: str, param: str = "payment_method") -> None:
    """Raise what attaching `pm` to the customer would: taken by another, or card declined."""
    owner = pm.get("customer")
    if owner is not None and owner != customer_id:
        raise invalid("The payment method you provided has already been attached to a "
                      "customer.", param=param)
    decline = test_card(pm).attach_decline
    if decline:
        raise card_error(decline)


def detach_payment_method(state: State, pm: Obj) -> Obj:
    """Detach `pm` from its customer, clearing it as the customer's invoice default."""
    owner = pm.get("customer")
    if owner is None:
        raise invalid("The payment method you provided is not attached to a customer so "
                      "detachment is impossible.", param="payment_method")
    customer = state.find(owner, "customer")
    if customer is not None and \
            customer["invoice_settings"].get("default_payment_method") == pm["id"]:
        settings = {**customer["invoice_settings"], "default_payment_method": None}
        state.update(customer, {"invoice_settings": settings}, "customer.updated")
    return state.update(pm, {"customer": None}, "payment_method.detached")
