"""Checkout Sessions (modes payment, subscription, setup) and how a hosted page completes one.

`create_session` stores one; `pay_session`, `resume_session` and `authenticate_setup` are
what the hosted Checkout and Payment Link pages call: the same PaymentIntent, SetupIntent
and subscription code as the API, then the session is completed
(`checkout.session.completed`). `finish_authentication` is the 3D Secure step of any
PaymentIntent, with the invoice and session it pays settled at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from ..errors import ApiError, invalid, missing_param, state_error
from ..params import Params, merge_metadata, parse_int
from ..state import Obj, State
from .cards import attach_payment_method
from .catalog import in_currency, inline_price, price_amount, usable_price
from .clock import customer_time
from .customers import create_customer, require_customer
from .discounts import (
    automatic_rate,
    check_restrictions,
    item_rates,
    line_tax_rates,
    price_items,
    promotion_code_by_code,
    redeem,
    session_discounts,
)
from .invoices import attempt_payment, settle_payment_intent
from .links import count_completed_session, unavailable_message
from .payments import (
    authenticate_payment_intent,
    confirm_payment_intent,
    create_payment_intent,
)
from .setups import authenticate_setup_intent, confirm_setup_intent, create_setup_intent
from .subscriptions import create_subscription

MODES = ("payment", "setup", "subscription")
# Only `hosted_page` has a page here; the others get a `client_secret` for Stripe.js.
UI_MODES = ("hosted_page", "embedded_page", "elements", "form")
MIN_LIFETIME, MAX_LIFETIME = 30 * 60, 24 * 3600


def line_item(state: State, price: Obj, quantity: int) -> Obj:
    """A Checkout / Payment Link line item (`object: item`) for `quantity` of `price`."""
    product = state.find(price["product"], "product")
    amount = price_amount(price, quantity)
    return {"id": state.new_id("li_", 24), "object": "item", "adjustable_quantity": None,
            "amount_discount": 0, "amount_subtotal": amount, "amount_tax": 0,
            "amount_total": amount, "currency": price["currency"],
            "description": product["name"] if product else None, "metadata": {},
            "price": price, "quantity": quantity}


def parse_line_items(state: State, raw: list[Any], param: str = "line_items", *,
                     taxed: bool = True) -> list[Obj]:
    """Line items from `line_items[]` (`price` or `price_data`, with `quantity`, and
    `tax_rates` where `taxed`: Checkout takes them, Payment Links only `automatic_tax`)."""
    items = []
    allowed = ("price", "price_data", "quantity", "adjustable_quantity", "metadata")
    for index, spec in enumerate(raw):
        name = f"{param}[{index}]"
        if not isinstance(spec, dict):
            raise invalid("Invalid object", param=name)
        Params(spec).check(allowed + (("tax_rates", "dynamic_tax_rates") if taxed else ()))
        if spec.get("price"):
            price = usable_price(state, str(spec["price"]), f"{name}[price]")
        elif spec.get("price_data") is not None:
            price = inline_price(state, spec["price_data"], f"{name}[price_data]")
        else:
            raise missing_param(f"{name}[price]")
        if spec.get("quantity") in (None, ""):
            raise missing_param(f"{name}[quantity]")
        quantity = parse_int(spec["quantity"], f"{name}[quantity]", minimum=1, maximum=999_999)
        item = line_item(state, price, quantity)
        rates = line_tax_rates(state, spec.get("tax_rates"), f"{name}[tax_rates]")
        if rates:
            item_rates(state)[item["id"]] = rates
        items.append(item)
    return items


def check_mode(mode: str, items: list[Obj], param: str = "line_items") -> str | None:
    """Stripe's rules for mode and prices; returns the shared currency (None without items)."""
    if mode == "setup":
        if items:
            raise invalid("You can not pass `line_items` in `setup` mode.", param=param)
        return None
    if not items:
        raise missing_param(param)
    recurring = [item for item in items if item["price"]["type"] == "recurring"]
    if mode == "payment" and recurring:
        raise invalid("You specified `payment` mode but passed a recurring price. Either "
                      "switch to `subscription` mode or use only one-time prices.",
                      param=param)
    if mode == "subscription" and not recurring:
        raise invalid("You must provide at least one recurring price in `subscription` mode "
                      "when using prices.", param=param)
    currencies = {item["currency"] for item in items}
    if len(currencies) > 1:
        raise invalid("All prices must use the same currency.", param=param)
    return str(currencies.pop())


def create_session(state: State, *, mode: str, items: list[Obj], customer: Obj | None = None,
                   customer_email: str | None = None, customer_creation: str | None = None,
                   success_url: str | None = None, cancel_url: str | None = None,
                   metadata: Any = None, payment_intent_data: Obj | None = None,
                   subscription_data: Obj | None = None, currency: str | None = None,
                   expires_at: int | None = None, payment_link: str | None = None,
                   client_reference_id: str | None = None, ui_mode: str = "hosted_page",
                   return_url: str | None = None, discounts: list[Obj] | None = None,
                   allow_promotion_codes: bool | None = None,
                   automatic_tax: bool = False) -> Obj:
    """Store an open Checkout Session; a `hosted_page` one has the sandbox's hosted Checkout
    page as its `url`, the others a `client_secret` instead. Lines are priced with their
    tax rates, `discounts` (a coupon or promotion code) or `automatic_tax` (engine/discounts.py).
    """
    if discounts and allow_promotion_codes:
        raise invalid("You may only specify one of these parameters: allow_promotion_codes, "
                      "discounts.", param="allow_promotion_codes")
    for item in items if currency else ():
        in_currency(item, str(currency))
    line_currency = check_mode(mode, items)
    now = state.now()
    session_id = state.new_id("cs_test_", 58)
    total = sum(item["amount_total"] for item in items)
    session: Obj = {
        "id": session_id,
        "object": "checkout.session",
        "adaptive_pricing": {"enabled": False},
        "after_expiration": None,
        "allow_promotion_codes": allow_promotion_codes,
        "amount_subtotal": total if mode != "setup" else None,
        "amount_total": total if mode != "setup" else None,
        "automatic_tax": ({"enabled": True, "liability": {"account": None, "type": "self"},
                           "provider": "stripe", "status": "complete"} if automatic_tax else
                          {"enabled": False, "liability": None, "provider": None,
                           "status": None}),
        "billing_address_collection": None,
        "cancel_url": cancel_url,
        "client_reference_id": client_reference_id,
        "collected_information": {"business_name": None, "individual_name": None,
                                  "shipping_details": None},
        "client_secret": (None if ui_mode == "hosted_page"
                          else f"{session_id}_secret_{state.new_id('', 24)}"),
        "consent": None,
        "consent_collection": None,
        "created": now,
        "currency": line_currency or currency,
        "custom_fields": [],
        "custom_text": {"after_submit": None, "shipping_address": None, "submit": None,
                        "terms_of_service_acceptance": None},
        "customer": customer["id"] if customer else None,
        "customer_account": None,
        "customer_creation": customer_creation if mode == "payment" else None,
        "customer_details": customer_details(customer) if customer else None,
        "customer_email": customer_email,
        "discounts": discounts or [],
        "expires_at": expires_at or now + MAX_LIFETIME,
        "invoice": None,
        "invoice_creation": None,
        "line_items": {"object": "list", "data": items, "has_more": False,
                       "url": f"/v1/checkout/sessions/{session_id}/line_items"},
        "livemode": False,
        "locale": None,
        "metadata": merge_metadata({}, metadata),
        "mode": mode,
        "payment_intent": None,
        "payment_link": payment_link,
        "payment_method_collection": "always" if mode != "payment" else None,
        "payment_method_configuration_details": None,
        "payment_method_options": {},
        "payment_method_types": ["card"],
        "payment_status": "no_payment_required" if mode == "setup" else "unpaid",
        "phone_number_collection": {"enabled": False},
        "recovered_from": None,
        "saved_payment_method_options": None,
        "setup_intent": None,
        "shipping_address_collection": None,
        "shipping_cost": None,
        "shipping_options": [],
        "status": "open",
        "submit_type": None,
        "subscription": None,
        "success_url": success_url,
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        "return_url": return_url,
        "ui_mode": ui_mode,
        "url": (f"{state.api_base}/checkout/{session_id}" if ui_mode == "hosted_page"
                else None),
    }
    _settings(state)[session_id] = {"payment_intent_data": payment_intent_data or {},
                                    "subscription_data": subscription_data or {}}
    if mode != "setup":
        reprice(state, session)
    state.insert(session)
    return session


def reprice(state: State, session: Obj) -> None:
    """Work out the session's discount, tax and totals from its lines (engine/discounts.py);
    `automatic_tax` charges the rate of the customer's country (the account's without one)."""
    automatic = None
    if session["automatic_tax"]["enabled"]:
        customer = state.find(session["customer"], "customer") or {}
        address = (session["customer_details"] or {}).get("address") or \
            customer.get("address") or {}
        automatic = automatic_rate(state, address.get("country") or state.account["country"])
    session.update(price_items(state, session["line_items"]["data"], session["currency"],
                               session["discounts"], automatic))
    check_restrictions(state, session["discounts"], session["amount_subtotal"],
                       session["currency"] or "", session["customer"])


def apply_promotion_code(state: State, session: Obj, code: str) -> None:
    """The code a customer typed on the hosted page of a session that allows codes."""
    if not session["allow_promotion_codes"]:
        raise invalid("This checkout does not accept promotion codes.", param="promotion_code")
    promo = promotion_code_by_code(state, code, "promotion_code")
    before = session["discounts"]
    session["discounts"] = session_discounts(state, [{"promotion_code": promo["id"]}])
    try:
        reprice(state, session)
    except ApiError:
        session["discounts"] = before
        reprice(state, session)
        raise


# What a session was created with but Stripe does not show on it, per sandbox state.
_SETTINGS: WeakKeyDictionary[State, dict[str, Obj]] = WeakKeyDictionary()


def _settings(state: State) -> dict[str, Obj]:
    return _SETTINGS.setdefault(state, {})


# completing a session (the hosted pages) ---------------------------------------------


@dataclass
class Outcome:
    """What a payment attempt on a hosted page led to."""

    complete: bool = False
    error: str | None = None
    redirect: str | None = None  # a 3D Secure page to visit first


def session_customer(state: State, session: Obj, email: str | None,
                     name: str | None) -> Obj | None:
    """The session's customer, created now when the mode or `customer_creation` wants one."""
    if session["customer"]:
        return require_customer(state, session["customer"], "customer")
    wanted = session["mode"] == "subscription" or session["customer_creation"] == "always"
    if not wanted:
        return None
    fields = {k: v for k, v in (("email", email or session["customer_email"]),
                                ("name", name)) if v}
    customer = create_customer(state, fields)
    state.update(session, {"customer": customer["id"]})
    return customer


def _return_url(state: State, session: Obj) -> str:
    return f"{state.api_base}/checkout/{session['id']}/return"


def pay_session(state: State, session: Obj, card: str, *, email: str | None = None,
                name: str | None = None) -> Outcome:
    """Pay (or save a card for) an open session with a test card token (`pm_card_visa`...)."""

    if session["status"] != "open":
        raise state_error(f"This Checkout Session is {session['status']}.")
    link = state.find(session["payment_link"], "payment_link")
    if link is not None and not link["active"]:
        # Opened before the link went off (e.g. it reached its limit of purchases).
        raise state_error(unavailable_message(link), code="payment_link_inactive")
    email = email or session["customer_email"] or (
        (session["customer_details"] or {}).get("email"))
    if not email and not session["customer"]:
        raise invalid("An email address is required.", param="email")
    known = state.find(session["customer"], "customer")
    state.update(session, {"customer_details": customer_details(known, email, name)})
    customer = session_customer(state, session, email, name)
    customer_id = customer["id"] if customer else None
    try:
        with customer_time(state, customer):
            if session["mode"] == "setup":
                seti = state.find(session["setup_intent"], "setup_intent")
                if seti is None or seti["status"] == "canceled":
                    seti = create_setup_intent(state, customer=customer_id,
                                               metadata=session["metadata"])
                    state.update(session, {"setup_intent": seti["id"]})
                confirm_setup_intent(state, seti, payment_method=card)
            elif session["mode"] == "payment":
                data = _settings(state)[session["id"]]["payment_intent_data"]
                pi = state.find(session["payment_intent"], "payment_intent")
                if pi is None or pi["status"] == "canceled":
                    pi = create_payment_intent(
                        state, amount=session["amount_total"], currency=session["currency"],
                        customer=customer_id, metadata=data.get("metadata") or {},
                        description=data.get("description"),
                        receipt_email=data.get("receipt_email") or email,
                        setup_future_usage=data.get("setup_future_usage"))
                    state.update(session, {"payment_intent": pi["id"]})
                confirm_payment_intent(state, pi, payment_method=card,
                                       return_url=_return_url(state, session))
            else:
                assert customer is not None
                _start_subscription(state, session, customer, card)
    except ApiError as error:
        if error.status != 402:
            raise
        return Outcome(error=error.message)
    return resume_session(state, session)


def customer_details(customer: Obj | None, email: str | None = None,
                     name: str | None = None) -> Obj:
    """A session's `customer_details`: what the customer (if any) and the form gave."""
    known = customer or {}
    return {"address": known.get("address"), "business_name": None,
            "email": email or known.get("email"), "individual_name": None,
            "name": name or known.get("name"), "phone": known.get("phone"),
            "tax_exempt": known.get("tax_exempt", "none"), "tax_ids": []}


def _start_subscription(state: State, session: Obj, customer: Obj, card: str) -> None:

    sub = state.find(session["subscription"], "subscription")
    pm = attach_payment_method(state, card, customer)
    if sub is not None and sub["status"] == "incomplete":
        invoice = state.get(sub["latest_invoice"], "invoice")
        error = attempt_payment(state, invoice, payment_method=pm["id"], off_session=False,
                                return_url=_return_url(state, session))
        if error is not None:
            raise error
        return
    data = _settings(state)[session["id"]]["subscription_data"]
    days = data.get("trial_period_days")
    trial_end = state.now() + int(days) * 86_400 if days else None
    specs = [(item["price"], item["quantity"], None) for item in session["line_items"]["data"]
             if item["price"]["type"] == "recurring"]
    sub = create_subscription(state, customer, specs, default_payment_method=pm["id"],
                              payment_behavior="error_if_incomplete", trial_end=trial_end,
                              metadata=data.get("metadata"),
                              description=data.get("description"),
                              return_url=_return_url(state, session))
    state.update(session, {"subscription": sub["id"], "invoice": sub["latest_invoice"]})


def resume_session(state: State, session: Obj) -> Outcome:
    """Look at the session's intent (after a payment or a 3D Secure step) and complete it."""
    if session["status"] == "complete":
        return Outcome(complete=True)
    action: str | None
    if session["mode"] == "setup":
        intent = state.get(session["setup_intent"], "setup_intent")
        done, error_key = intent["status"] == "succeeded", "last_setup_error"
        action = f"{state.api_base}/checkout/{session['id']}/authenticate"
    elif session["mode"] == "payment":
        intent = state.get(session["payment_intent"], "payment_intent")
        done, error_key = intent["status"] == "succeeded", "last_payment_error"
        action = ((intent["next_action"] or {}).get("redirect_to_url") or {}).get("url")
    else:
        sub = state.get(session["subscription"], "subscription")
        invoice = state.get(sub["latest_invoice"], "invoice")
        payment = invoice["payments"]["data"][0] if invoice["payments"]["data"] else None
        intent = state.get(payment["payment"]["payment_intent"], "payment_intent") \
            if payment else {"status": "succeeded", "last_payment_error": None}
        done, error_key = sub["status"] in ("active", "trialing"), "last_payment_error"
        action = ((intent.get("next_action") or {}).get("redirect_to_url") or {}).get("url")
    if done:
        _complete(state, session)
        return Outcome(complete=True)
    if intent["status"] == "requires_action":
        return Outcome(redirect=action)
    error = intent.get(error_key) or {}
    return Outcome(error=error.get("message") or "The payment did not go through.")


def finish_authentication(state: State, pi: Obj, approve: bool) -> Obj:
    """Finish a PaymentIntent's 3D Secure step (approved or failed) and settle what it pays
    for: its invoice (and so the invoice's subscription) and an open Checkout Session.

    The one path for the challenge page and the sandbox's helper route.
    """
    with customer_time(state, pi["customer"]):
        authenticate_payment_intent(state, pi, approve)
        invoice = settle_payment_intent(state, pi)
        for session in state.iter_type("checkout.session"):
            pays = (session["payment_intent"] == pi["id"]
                    or (invoice is not None and session["invoice"] == invoice["id"]))
            if pays and session["status"] == "open":
                resume_session(state, session)
    return pi


def authenticate_setup(state: State, session: Obj, approve: bool) -> Outcome:
    """The 3D Secure step of a setup-mode session (SetupIntents have no redirect page)."""
    seti = state.get(session["setup_intent"], "setup_intent")
    authenticate_setup_intent(state, seti, approve)
    return resume_session(state, session)


def _complete(state: State, session: Obj) -> None:
    redeem(state, session["discounts"])
    changes: Obj = {"status": "complete"}
    if session["mode"] == "payment":
        changes["payment_status"] = "paid"
    elif session["mode"] == "subscription":
        sub = state.get(session["subscription"], "subscription")
        invoice = state.get(sub["latest_invoice"], "invoice")
        changes["payment_status"] = "paid" if invoice["amount_paid"] else "no_payment_required"
        changes["invoice"] = invoice["id"]
    state.update(session, changes)
    state.emit("checkout.session.completed", session)
    if session["payment_link"]:
        count_completed_session(state, session["payment_link"])


def expire_session(state: State, session: Obj) -> Obj:
    """Expire an open session (`checkout.session.expired`)."""
    if session["status"] != "open":
        raise state_error('Only Checkout Sessions with a status in ["open"] can be expired.',
                          code="checkout_session_not_open")
    state.update(session, {"status": "expired"})
    state.emit("checkout.session.expired", session)
    return session


def success_url(session: Obj) -> str | None:
    """Where the customer goes after paying, with `{CHECKOUT_SESSION_ID}` filled in."""
    url = session["success_url"]
    return url.replace("{CHECKOUT_SESSION_ID}", session["id"]) if url else None


def open_session(state: State, link: Obj) -> Obj:
    """A new Checkout Session for one purchase through the link."""
    if not link["active"]:
        raise state_error(unavailable_message(link), code="payment_link_inactive")
    items = [line_item(state, i["price"], i["quantity"]) for i in link["line_items"]["data"]]
    mode = "subscription" if any(i["price"]["type"] == "recurring" for i in items) \
        else "payment"
    after = link["after_completion"]
    return create_session(state, mode=mode, items=items,
                          customer_creation=(link["customer_creation"] if mode == "payment"
                                             else None),
                          success_url=(after["redirect"]["url"] if after["type"] == "redirect"
                                       else None),
                          payment_link=link["id"],
                          allow_promotion_codes=link["allow_promotion_codes"] or None,
                          automatic_tax=link["automatic_tax"]["enabled"])
