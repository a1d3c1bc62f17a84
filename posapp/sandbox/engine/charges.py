"""Charges as payment attempts make them, and amounts as Stripe's messages show them."""

from __future__ import annotations

from typing import Any

from ..state import Obj, State, copy_json
from .cards import DECLINES, card_details

STATEMENT_DESCRIPTOR = "POSAPP SANDBOX"
_AUTHORISATION_SECONDS = 7 * 86_400
_OUTCOME_APPROVED: Obj = {
    "advice_code": None, "network_advice_code": None, "network_decline_code": None,
    "network_status": "approved_by_network", "reason": None, "risk_level": "normal",
    "risk_score": 20, "seller_message": "Payment complete.", "type": "authorized",
}


def card_option(pi: Obj, name: str) -> Any:
    """One of the PaymentIntent's `payment_method_options[card]` settings."""
    return ((pi.get("payment_method_options") or {}).get("card") or {}).get(name)


def is_manual(pi: Obj) -> bool:
    """Whether a card payment waits for capture: the intent's, or its card option's, method."""
    return "manual" in (pi["capture_method"], card_option(pi, "capture_method"))


def record_charge(state: State, pi: Obj, pm: Obj, *, decline: str | None = None,
                  authenticated: bool = False, present: Obj | None = None) -> Obj:
    """Store the charge of one payment attempt: succeeded (captured or not) or failed.

    A card_present PaymentMethod's charge carries what the reader read (`present` names the
    reader and its location). Emits nothing: the caller emits `charge.succeeded` /
    `charge.failed` in Stripe's order.
    """
    charge_id = state.new_id("ch_")
    captured = decline is None and not is_manual(pi)
    outcome = dict(_OUTCOME_APPROVED)
    failure_code = failure_message = None
    if decline is not None:
        failure_code, failure_message, _ = DECLINES[decline]
        outcome.update(network_status="declined_by_network", reason=decline,
                       seller_message="The bank did not return any further details with "
                                      "this decline.", type="issuer_declined")
        if decline == "fraudulent":
            # Radar blocks it before the card network sees it.
            outcome.update(network_status="not_sent_to_network", reason="highest_risk_level",
                           risk_level="highest", risk_score=95, type="blocked",
                           seller_message="Stripe blocked this payment as too risky.")
    details = card_details(pm)
    details.update(
        amount_authorized=pi["amount"] if decline is None else None,
        # Like Stripe's test mode: a six-digit authorization code and a network's id.
        authorization_code=None if decline else f"{int(charge_id[-6:], 36) % 1_000_000:06d}",
        network_transaction_id=None if decline else f"{int(charge_id[-9:], 36) % 10**15:015d}",
        extended_authorization={"status": "disabled"},
        incremental_authorization={"status": "unavailable"},
        installments=None,
        mandate=None,
        multicapture={"status": "unavailable"},
        overcapture={"maximum_amount_capturable": pi["amount"], "status": "unavailable"},
        regulated_status="unregulated",
        transaction_link_id=None,
        network=details["brand"],
        network_token={"used": False},
        three_d_secure={"authentication_flow": "challenge",
                        "electronic_commerce_indicator": "05", "exemption_indicator": None,
                        "result": "authenticated", "result_reason": None,
                        "transaction_id": f"{charge_id[3:11]}-sandbox-3ds",
                        "version": "2.2.0"} if authenticated else None,
    )
    if decline is None and not captured:
        # Stripe holds an online card authorisation for 7 days.
        details["capture_before"] = state.now() + _AUTHORISATION_SECONDS
    method_details: Obj = {"card": details, "type": "card"}
    if pm["type"] == "card_present":
        method_details = {"card_present": present_details(
            pm, details, present or {}, approved=decline is None), "type": "card_present"}
    charge: Obj = {
        "id": charge_id,
        "object": "charge",
        "amount": pi["amount"],
        "amount_captured": pi["amount"] if captured else 0,
        "amount_refunded": 0,
        "application": None,
        "application_fee": None,
        "application_fee_amount": None,
        "balance_transaction": None,
        "billing_details": copy_json(pm["billing_details"]),
        "calculated_statement_descriptor": pi.get("statement_descriptor") or STATEMENT_DESCRIPTOR,
        "captured": captured,
        "created": state.now(),
        "currency": pi["currency"],
        "customer": pi["customer"],
        "description": pi["description"],
        "disputed": False,
        "failure_balance_transaction": None,
        "failure_code": failure_code,
        "failure_message": failure_message,
        "fraud_details": {},
        "livemode": False,
        "metadata": dict(pi["metadata"]),
        "on_behalf_of": None,
        "outcome": outcome,
        "paid": decline is None,
        "payment_intent": pi["id"],
        "payment_method": pm["id"],
        "payment_method_details": method_details,
        "receipt_email": pi["receipt_email"],
        "receipt_number": None,
        "receipt_url": f"{state.api_base}/receipts/{charge_id}",
        "refunded": False,
        "review": None,
        "shipping": None,
        "source": None,
        "source_transfer": None,
        "statement_descriptor": pi.get("statement_descriptor"),
        "statement_descriptor_suffix": None,
        "status": "failed" if decline else "succeeded",
        "transfer_data": None,
        "transfer_group": None,
    }
    return state.insert(charge)


def present_details(pm: Obj, card: Obj, present: Obj, *, approved: bool) -> Obj:
    """A charge's `payment_method_details.card_present`: the card as the reader read it,
    the reader and its location, and the EMV receipt fields a printed receipt shows."""
    read = pm["card_present"]
    code = card["authorization_code"]
    return {
        **{key: copy_json(read[key]) for key in (
            "brand", "brand_product", "cardholder_name", "country", "description",
            "exp_month", "exp_year", "fingerprint", "funding", "iin", "issuer", "last4",
            "offline", "preferred_locales", "read_method", "wallet")},
        "amount_authorized": card["amount_authorized"],
        "capture_before": card.get("capture_before"),
        "emv_auth_data": "8A023030" if approved else None,
        "generated_card": None,
        "incremental_authorization_supported": False,
        "location": present.get("location"),
        "network": card["network"],
        "network_transaction_id": card["network_transaction_id"],
        "overcapture_supported": False,
        "reader": present.get("reader"),
        "receipt": {
            "account_type": "credit" if read["funding"] == "credit" else "checking",
            "application_cryptogram": "B9E8A3D7C2F10A64" if approved else None,
            "application_preferred_name": f"{str(read['brand']).title()} {read['funding']}",
            "authorization_code": code,
            "authorization_response_code": "3030" if approved else "3035",
            "cardholder_verification_method": "approval",
            "dedicated_file_name": "A0000000031010",
            "terminal_verification_results": "0000000000",
            "transaction_status_information": "0000",
        },
    }


_ZERO_DECIMAL = frozenset(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
                           "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
_THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])
_SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "cny": "CN¥"}


def display_amount(minor: int, currency: str) -> str:
    """`$12.50`, `¥500`, `12.500 KWD`: amounts as Stripe's messages and receipts show them."""
    exponent = 0 if currency in _ZERO_DECIMAL else 3 if currency in _THREE_DECIMAL else 2
    number = f"{minor / 10 ** exponent:,.{exponent}f}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def unrefunded(charge: Obj) -> int:
    """What can still be refunded (a partial capture already counts its released rest)."""
    return int(charge["amount"]) - int(charge["amount_refunded"])
