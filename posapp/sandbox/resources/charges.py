"""Charges: made by PaymentIntents (`record_charge`); retrieve, update, list, search, receipts."""

from __future__ import annotations

import html

from ..params import merge_metadata
from ..router import PageResponse, Request, api, page
from ..state import Obj, State, copy_json, search_response
from .payment_methods import DECLINES, card_details

STATEMENT_DESCRIPTOR = "POSAPP SANDBOX"
_AUTHORISATION_SECONDS = 7 * 86_400
_OUTCOME_APPROVED: Obj = {
    "advice_code": None, "network_advice_code": None, "network_decline_code": None,
    "network_status": "approved_by_network", "reason": None, "risk_level": "normal",
    "risk_score": 20, "seller_message": "Payment complete.", "type": "authorized",
}


def record_charge(state: State, pi: Obj, pm: Obj, *, decline: str | None = None,
                  authenticated: bool = False) -> Obj:
    """Store the charge of one payment attempt: succeeded (captured or not) or failed.

    Emits nothing: the caller emits `charge.succeeded`/`charge.failed` in Stripe's order.
    """
    charge_id = state.new_id("ch_")
    captured = decline is None and pi["capture_method"] != "manual"
    outcome = dict(_OUTCOME_APPROVED)
    failure_code = failure_message = None
    if decline is not None:
        failure_code, failure_message, _ = DECLINES[decline]
        outcome.update(network_status="declined_by_network", reason=decline,
                       seller_message="The bank did not return any further details with "
                                      "this decline.", type="issuer_declined")
    details = card_details(pm)
    details.update(
        amount_authorized=pi["amount"] if decline is None else None,
        extended_authorization={"status": "disabled"},
        network=details["brand"],
        network_token={"used": False},
        three_d_secure={"authentication_flow": "challenge", "result": "authenticated",
                        "version": "2.2.0"} if authenticated else None,
    )
    if decline is None and not captured:
        # Stripe holds an online card authorisation for 7 days.
        details["capture_before"] = state.now() + _AUTHORISATION_SECONDS
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
        "payment_method_details": {"card": details, "type": "card"},
        "receipt_email": pi["receipt_email"],
        "receipt_number": None,
        "receipt_url": f"{state.api_base}/receipts/{charge_id}",
        "refunded": False,
        "review": None,
        "shipping": None,
        "source": None,
        "statement_descriptor": pi.get("statement_descriptor"),
        "statement_descriptor_suffix": None,
        "status": "failed" if decline else "succeeded",
        "transfer_data": None,
        "transfer_group": None,
    }
    return state.insert(charge)


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


@api("GET", "/v1/charges/{id}")
def retrieve_charge(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "charge")


@api("POST", "/v1/charges/{id}", ("description", "metadata", "receipt_email"))
def update_charge(req: Request) -> Obj:
    charge = req.state.get(req.path_args["id"], "charge")
    p = req.params
    changes: Obj = {}
    for key in ("description", "receipt_email"):
        if key in p:
            changes[key] = p.string(key) or None
    if "metadata" in p:
        changes["metadata"] = merge_metadata(charge["metadata"], p.raw("metadata"))
    return req.state.update(charge, changes, "charge.updated")


@api("GET", "/v1/charges", ("customer", "payment_intent", "created", "limit",
                            "starting_after", "ending_before", "transfer_group"))
def list_charges(req: Request) -> Obj:
    customer = req.params.string("customer")
    payment_intent = req.params.string("payment_intent")

    def keep(charge: Obj) -> bool:
        return ((customer is None or charge["customer"] == customer)
                and (payment_intent is None or charge["payment_intent"] == payment_intent))
    return req.state.list_response("charge", req.params, "/v1/charges", keep)


@api("GET", "/v1/charges/search", ("query", "limit", "page"), ("query",))
def search_charges(req: Request) -> Obj:
    return search_response(req.state, "charge", req.params, "/v1/charges/search")


@page("GET", "/receipts/{id}")
def receipt_page(req: Request) -> PageResponse:
    """The receipt a charge's `receipt_url` points at."""
    charge = req.state.get(req.path_args["id"], "charge")
    card = charge["payment_method_details"]["card"]
    lines = [
        ("Receipt", charge["id"]),
        ("Amount", display_amount(charge["amount"], charge["currency"])),
        ("Refunded", display_amount(charge["amount_refunded"], charge["currency"])),
        ("Card", f"{card['brand']} •••• {card['last4']}"),
        ("Status", charge["status"]),
        ("Description", charge["description"] or ""),
    ]
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                   for k, v in lines)
    body = (f"<!doctype html><html><head><meta charset='utf-8'><title>Receipt</title></head>"
            f"<body><h1>{html.escape(req.state.account['business_profile']['name'])}</h1>"
            f"<table>{rows}</table></body></html>")
    return PageResponse(body.encode())
