"""Invoices and invoice items: build, finalize, attempt and settle payment, void, close.

Shapes follow API 2026-10-28: no `payment_intent` on the invoice but a `payments` list of
`invoice_payment` objects and a `confirmation_secret`; subscription invoices name their
subscription in `parent.subscription_details`; lines carry `pricing` and `parent`.
Subscriptions call `create_invoice`, `finalize_invoice` and `attempt_payment`; how a paid or
failed invoice moves its subscription (`_subscription_paid`, `_subscription_failed`) lives
here, so the engine's imports run subscriptions → invoices → payments.
"""

from __future__ import annotations

from typing import Any

from ..errors import ApiError, invalid, state_error
from ..params import merge_metadata
from ..state import Obj, State
from .charges import display_amount
from .discounts import (
    automatic_rate,
    coupon_applies,
    discount_coupon,
    line_discounts,
    redeem,
    session_discounts,
    tax_amount,
)
from .payments import (
    CANCELABLE,
    cancel_payment_intent,
    confirm_payment_intent,
    create_payment_intent,
)

DAY = 86_400
# Automatic retries of a failed subscription renewal: days after the 1st, 2nd, 3rd failure.
# After the 4th failed attempt the subscription becomes `unpaid`.
RETRY_DAYS = (3, 5, 7)


def _list(data: list[Obj], url: str) -> Obj:
    return {"object": "list", "data": data, "has_more": False, "total_count": len(data),
            "url": url}


def pricing_for(price: Obj | None, unit_amount: int) -> Obj:
    """The `pricing` hash of an invoice item or line."""
    return {"price_details": ({"price": price["id"], "product": price["product"]}
                              if price else None),
            "type": "price_details", "unit_amount_decimal": str(unit_amount)}


# invoice items -----------------------------------------------------------------------


def build_invoice_item(state: State, customer: Obj, *, currency: str, unit_amount: int,
                       quantity: int = 1, price: Obj | None = None,
                       description: str | None = None, period: tuple[int, int] | None = None,
                       subscription: str | None = None, subscription_item: str | None = None,
                       proration: bool = False, metadata: Any = None,
                       tax_rates: list[Obj] | None = None,
                       discountable: bool | None = None) -> Obj:
    """An invoice item, not stored (previews use it as is). `discountable` defaults as
    Stripe's does: false for prorations, true otherwise."""
    now = state.now()
    start, end = period or (now, now)
    item: Obj = {
        "id": state.new_id("ii_", 24),
        "object": "invoiceitem",
        "amount": unit_amount * quantity,
        "currency": currency,
        "customer": customer["id"],
        "customer_account": None,
        "date": now,
        "description": description or _product_name(state, price) or "Invoice item",
        "discountable": not proration if discountable is None else discountable,
        "discounts": [],
        "invoice": None,
        "livemode": False,
        "metadata": merge_metadata({}, metadata),
        "net_amount": unit_amount * quantity,
        "parent": ({"type": "subscription_details",
                    "subscription_details": {"subscription": subscription,
                                             "subscription_item": subscription_item}}
                   if subscription else None),
        "period": {"start": start, "end": end},
        "pricing": pricing_for(price, unit_amount),
        "proration": proration,
        "quantity": quantity,
        "quantity_decimal": str(quantity),
        "tax_rates": tax_rates or [],
        "test_clock": customer.get("test_clock"),
    }
    return item


def create_invoice_item(state: State, customer: Obj, *, invoice: Obj | None = None,
                        **fields: Any) -> Obj:
    """Store an invoice item (pending, or on a draft `invoice`); emits `invoiceitem.created`.

    `fields` are those of `build_invoice_item`.
    """
    item = build_invoice_item(state, customer, **fields)
    state.insert(item)
    state.emit("invoiceitem.created", item)
    if invoice is not None:
        add_items(state, invoice, [item])
    return item


def _product_name(state: State, price: Obj | None) -> str | None:
    if price is None:
        return None
    product = state.find(price["product"], "product")
    return product["name"] if product else None


def item_line(state: State, item: Obj) -> Obj:
    """The invoice line for an invoice item."""
    details = (item["parent"] or {}).get("subscription_details") or {}
    return {
        "id": state.new_id("il_", 24),
        "object": "line_item",
        "amount": item["amount"],
        "currency": item["currency"],
        "description": item["description"],
        "discount_amounts": [],
        "discountable": item["discountable"],
        "discounts": [],
        "invoice": None,
        "livemode": False,
        "metadata": dict(item["metadata"]),
        "parent": {"type": "invoice_item_details",
                   "invoice_item_details": {"invoice_item": item["id"],
                                            "proration": item["proration"],
                                            "proration_details": {"credited_items": None},
                                            "subscription": details.get("subscription")},
                   "subscription_item_details": None},
        "period": dict(item["period"]),
        "pretax_credit_amounts": [],
        "pricing": item["pricing"],
        "quantity": item["quantity"],
        "quantity_decimal": str(item["quantity"]),
        "subscription": details.get("subscription"),
        "subtotal": item["amount"],
        "taxes": [tax_line(item["amount"], rate) for rate in item.get("tax_rates") or []],
    }


def subscription_line(state: State, subscription: Obj, item: Obj, start: int, end: int) -> Obj:
    """The invoice line billing one subscription item for the period `start`..`end`."""
    price = item["price"]
    quantity = item["quantity"]
    amount = price["unit_amount"] * quantity
    recurring = price["recurring"] or {}
    every = recurring.get("interval", "month")
    if recurring.get("interval_count", 1) > 1:
        every = f"{recurring['interval_count']} {every}s"
    name = _product_name(state, price) or "Subscription"
    return {
        "id": state.new_id("il_", 24),
        "object": "line_item",
        "amount": amount,
        "currency": price["currency"],
        "description": f"{quantity} × {name} (at "
                       f"{display_amount(price['unit_amount'], price['currency'])} / {every})",
        "discount_amounts": [],
        "discountable": True,
        "discounts": [],
        "invoice": None,
        "livemode": False,
        "metadata": dict(subscription["metadata"]),
        "parent": {"type": "subscription_item_details",
                   "invoice_item_details": None,
                   "subscription_item_details": {"invoice_item": None, "proration": False,
                                                 "proration_details": {"credited_items": None},
                                                 "subscription": subscription["id"],
                                                 "subscription_item": item["id"]}},
        "period": {"start": start, "end": end},
        "pretax_credit_amounts": [],
        "pricing": pricing_for(price, price["unit_amount"]),
        "quantity": quantity,
        "quantity_decimal": str(quantity),
        "subscription": subscription["id"],
        "subtotal": amount,
        "taxes": [],
    }


def pending_items(state: State, customer_id: str, subscription: str | None = None) -> list[Obj]:
    """The customer's invoice items not yet on an invoice, oldest first."""
    found = []
    for item in state.iter_type("invoiceitem", newest_first=False):
        if item["customer"] != customer_id or item["invoice"] or item.get("deleted"):
            continue
        owner = ((item["parent"] or {}).get("subscription_details") or {}).get("subscription")
        if subscription is None or owner == subscription:
            found.append(item)
    return found


# invoices ----------------------------------------------------------------------------


def create_invoice(state: State, customer: Obj, *, currency: str | None = None,
                   subscription: Obj | None = None, billing_reason: str = "manual",
                   collection_method: str = "charge_automatically",
                   days_until_due: int | None = None, due_date: int | None = None,
                   description: str | None = None, auto_advance: bool | None = None,
                   metadata: Any = None, default_payment_method: str | None = None,
                   period: tuple[int, int] | None = None, lines: list[Obj] | None = None,
                   items: list[Obj] | None = None, store: bool = True,
                   discounts: Any = None, automatic_tax: bool = False) -> Obj:
    """A draft invoice with `lines` and the invoice items `items`; emits `invoice.created`.
    `discounts` are the request's `discounts[]` (`set_discounts`); `automatic_tax` has the
    sandbox's rule set tax it.

    With `store=False` nothing is saved or emitted and the items stay pending: a preview.
    """
    now = state.now()
    invoice_id = state.new_id("in_" if store else "upcoming_in_", 24)
    address = customer.get("address")
    invoice: Obj = {
        "id": invoice_id,
        "object": "invoice",
        "account_country": state.account["country"],
        "account_name": state.account["business_profile"]["name"],
        "account_tax_ids": None,
        "amount_due": 0,
        "amount_overpaid": 0,
        "amount_paid": 0,
        "amount_paid_off_stripe": 0,
        "amount_remaining": 0,
        "amount_shipping": 0,
        "application": None,
        "attempt_count": 0,
        "attempted": False,
        "auto_advance": (auto_advance if auto_advance is not None
                         else subscription is not None),
        "automatic_tax": {"disabled_reason": None, "enabled": False, "liability": None,
                          "provider": None, "status": None},
        "automatically_finalizes_at": None,
        "billing_reason": billing_reason,
        "collection_method": collection_method,
        "confirmation_secret": None,
        "created": now,
        "currency": currency or state.account["default_currency"],
        "custom_fields": None,
        "customer": customer["id"],
        "customer_account": None,
        "customer_address": address,
        "customer_email": customer.get("email"),
        "customer_name": customer.get("name"),
        "customer_phone": customer.get("phone"),
        "customer_shipping": customer.get("shipping"),
        "customer_tax_exempt": customer.get("tax_exempt", "none"),
        "customer_tax_ids": [],
        "default_payment_method": default_payment_method,
        "default_source": None,
        "default_tax_rates": [],
        "description": description,
        "discounts": [],
        "due_date": due_date,
        "effective_at": None,
        "ending_balance": None,
        "footer": None,
        "from_invoice": None,
        "hosted_invoice_url": None,
        "invoice_pdf": None,
        "issuer": {"type": "self"},
        "last_finalization_error": None,
        "latest_revision": None,
        "lines": _list([], f"/v1/invoices/{invoice_id}/lines"),
        "livemode": False,
        "metadata": merge_metadata({}, metadata),
        "next_payment_attempt": None,
        "number": None,
        "on_behalf_of": None,
        "parent": ({"quote_details": None, "type": "subscription_details",
                    "subscription_details": {"metadata": dict(subscription["metadata"]),
                                             "subscription": subscription["id"],
                                             "subscription_proration_date": None}}
                   if subscription else None),
        "payment_settings": {"default_mandate": None, "payment_method_options": None,
                             "payment_method_types": None},
        "payments": _list([], "/v1/invoice_payments"),
        "period_end": (period or (now, now))[1],
        "period_start": (period or (now, now))[0],
        "post_payment_credit_notes_amount": 0,
        "pre_payment_credit_notes_amount": 0,
        "receipt_number": None,
        "rendering": None,
        "shipping_cost": None,
        "shipping_details": None,
        "starting_balance": 0,
        "statement_descriptor": None,
        "status": "draft",
        "status_transitions": {"finalized_at": None, "marked_uncollectible_at": None,
                               "paid_at": None, "voided_at": None},
        "subtotal": 0,
        "subtotal_excluding_tax": 0,
        "test_clock": customer.get("test_clock"),
        "threshold_reason": None,
        "total": 0,
        "total_discount_amounts": [],
        "total_excluding_tax": 0,
        "total_pretax_credit_amounts": [],
        "total_taxes": [],
        "webhooks_delivered_at": now,
    }
    if collection_method == "send_invoice" and due_date is None:
        invoice["due_date"] = now + (30 if days_until_due is None else days_until_due) * DAY
    for line in lines or []:
        line["invoice"] = invoice_id
        invoice["lines"]["data"].append(line)
    if not store:
        invoice["lines"]["data"].extend(item_line(state, item) for item in items or [])
        recompute(state, invoice)
        return invoice
    set_automatic_tax(state, invoice, automatic_tax)
    if discounts:
        set_discounts(state, invoice, discounts)
    state.insert(invoice)
    _attach_items(state, invoice, items or [])
    recompute(state, invoice)
    state.emit("invoice.created", invoice)
    return invoice


def _attach_items(state: State, invoice: Obj, items: list[Obj]) -> None:
    for item in items:
        item["invoice"] = invoice["id"]
        line = item_line(state, item)
        line["invoice"] = invoice["id"]
        invoice["lines"]["data"].append(line)


def add_items(state: State, invoice: Obj, items: list[Obj]) -> None:
    """Put invoice items on a draft invoice (`invoice.updated`)."""
    if invoice["status"] != "draft":
        raise state_error("You can only add invoice items to draft invoices.",
                          code="invoice_not_editable", param="invoice")
    previous = {"amount_due": invoice["amount_due"], "total": invoice["total"]}
    _attach_items(state, invoice, items)
    recompute(state, invoice)
    state.emit("invoice.updated", invoice, previous)


def set_discounts(state: State, invoice: Obj, raw: Any, param: str = "discounts") -> None:
    """`discounts[]` of a draft invoice: a coupon or promotion code (checked as Stripe
    checks them) made into a stored `discount` the invoice and its lines name."""
    discounts = []
    for spec in session_discounts(state, raw, param):
        coupon = discount_coupon(state, spec)
        discount: Obj = {
            "id": state.new_id("di_", 24), "object": "discount", "checkout_session": None,
            "customer": invoice["customer"], "customer_account": None, "end": None,
            "invoice": invoice["id"], "invoice_item": None,
            "promotion_code": spec["promotion_code"], "start": state.now(),
            "source": {"coupon": coupon["id"], "type": "coupon"}, "subscription": None,
            "subscription_item": None}
        state.insert(discount)
        discounts.append(discount["id"])
    invoice["discounts"] = discounts


def set_automatic_tax(state: State, invoice: Obj, enabled: bool) -> None:
    """`automatic_tax[enabled]`: tax every line at the customer's country rate (the
    sandbox's rule set, engine/discounts.py) instead of the lines' tax rates."""
    invoice["automatic_tax"] = (
        {"disabled_reason": None, "enabled": True, "liability": {"account": None,
                                                                 "type": "self"},
         "provider": "stripe", "status": "complete"} if enabled else
        {"disabled_reason": None, "enabled": False, "liability": None, "provider": None,
         "status": None})


def redeem_discounts(state: State, invoice: Obj) -> None:
    """Count a finalized invoice's discounts against their coupons and codes."""
    for discount_id in invoice["discounts"]:
        discount = state.get(discount_id, "discount")
        redeem(state, [{"coupon": discount["source"]["coupon"],
                        "promotion_code": discount["promotion_code"]}])


def _line_rates(state: State, invoice: Obj, line: Obj) -> list[Obj]:
    if invoice["automatic_tax"]["enabled"]:
        customer = state.find(invoice["customer"], "customer") or {}
        country = (customer.get("address") or {}).get("country") or state.account["country"]
        rate = automatic_rate(state, country)
        return [rate] if rate else []
    ids = [tax["tax_rate_details"]["tax_rate"] for tax in line.get("taxes") or []]
    return [state.objects[i] for i in ids if i in state.objects]


def _reprice_lines(state: State, invoice: Obj) -> list[int]:
    """Each line's share of the invoice's discount (`discount_amounts`), and its tax on
    what is left (`taxes`), as Checkout prices the same lines; the cuts, line by line."""
    lines = invoice["lines"]["data"]
    discount_id = invoice["discounts"][0] if invoice["discounts"] else None
    coupon = None
    if discount_id is not None:
        source = state.get(discount_id, "discount")["source"]
        coupon = state.objects.get(source["coupon"])
    products = [((line.get("pricing") or {}).get("price_details") or {}).get("product")
                for line in lines]
    eligible = [line["discountable"] and (coupon is None or coupon_applies(coupon, product))
                for line, product in zip(lines, products, strict=True)]
    cuts = line_discounts([line["amount"] for line in lines], eligible, coupon,
                          invoice["currency"])
    for line, cut in zip(lines, cuts, strict=True):
        base = line["amount"] - cut
        line["discount_amounts"] = ([{"amount": cut, "discount": discount_id}]
                                    if discount_id else [])
        line["discounts"] = [discount_id] if discount_id and cut else []
        line["taxes"] = [tax_line(base, rate) for rate in _line_rates(state, invoice, line)]
    invoice["total_discount_amounts"] = ([{"amount": sum(cuts), "discount": discount_id}]
                                         if discount_id else [])
    return cuts


def tax_line(base: int, rate: Obj) -> Obj:
    """One entry of an invoice line's `taxes`: `rate` on `base` (after discounts)."""
    tax = tax_amount(base, rate)
    return {"amount": tax, "tax_behavior": "inclusive" if rate["inclusive"] else "exclusive",
            "tax_rate_details": {"tax_rate": rate["id"]},
            "taxability_reason": "standard_rated",
            "taxable_amount": base - tax if rate["inclusive"] else base,
            "type": "tax_rate_details"}


def recompute(state: State, invoice: Obj) -> None:
    """Totals from the lines: the discount comes off each line first, then exclusive tax is
    added and inclusive tax is inside what is left; `total_taxes` sums each rate's tax."""
    lines = invoice["lines"]["data"]
    discount = sum(_reprice_lines(state, invoice))
    subtotal = sum(line["amount"] for line in lines)
    invoice["lines"]["total_count"] = len(lines)
    by_rate: dict[tuple[str, str], Obj] = {}
    for tax in (tax for line in lines for tax in line.get("taxes") or []):
        key = (tax["tax_rate_details"]["tax_rate"], tax["tax_behavior"])
        total = by_rate.setdefault(key, {**tax, "amount": 0, "taxable_amount": 0})
        total["amount"] += tax["amount"]
        total["taxable_amount"] += tax["taxable_amount"]
    taxes = list(by_rate.values())
    inclusive = sum(t["amount"] for t in taxes if t["tax_behavior"] == "inclusive")
    exclusive = sum(t["amount"] for t in taxes if t["tax_behavior"] == "exclusive")
    invoice["subtotal"] = subtotal
    invoice["subtotal_excluding_tax"] = subtotal - inclusive
    invoice["total_excluding_tax"] = subtotal - discount - inclusive
    invoice["total"] = total_due = subtotal - discount + exclusive
    invoice["total_taxes"] = taxes
    invoice["amount_due"] = max(total_due, 0)
    invoice["amount_remaining"] = max(total_due, 0) - invoice["amount_paid"]
    invoice["ending_balance"] = 0 if invoice["status"] != "draft" else None


def subscription_of(invoice: Obj) -> str | None:
    """The id of the subscription that generated `invoice`, if any."""
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return details.get("subscription")


def finalize_invoice(state: State, invoice: Obj, payment_intent: Obj | None = None) -> Obj:
    """Number the draft, open it, and prepare its PaymentIntent (or mark a zero invoice paid).

    `payment_intent` is one already made for this invoice (a subscription charged up front).
    """
    if invoice["status"] != "draft":
        raise state_error("This invoice is already finalized, you can't re-finalize a "
                          "non-draft invoice.", code="invoice_not_editable")
    customer = state.get(invoice["customer"], "customer")
    number = f"{customer['invoice_prefix']}-{customer['next_invoice_sequence']:04d}"
    customer["next_invoice_sequence"] += 1
    now = state.now()
    changes: Obj = {
        "number": number,
        "status": "open",
        "effective_at": now,
        "ending_balance": 0,
        "hosted_invoice_url": f"{state.api_base}/invoice/{invoice['id']}",
        "invoice_pdf": f"{state.api_base}/invoice/{invoice['id']}/pdf",
        "status_transitions": {**invoice["status_transitions"], "finalized_at": now},
    }
    if invoice["amount_due"] > 0:
        reason = invoice["billing_reason"]
        pi = payment_intent or create_payment_intent(
            state, amount=invoice["amount_due"], currency=invoice["currency"],
            customer=customer["id"],
            description={"subscription_create": "Subscription creation",
                         "subscription_cycle": "Subscription cycle",
                         "subscription_update": "Subscription update"}.get(
                             reason, invoice["description"] or f"Invoice {number}"))
        _add_payment(state, invoice, pi)
        changes["confirmation_secret"] = {"client_secret": pi["client_secret"],
                                          "type": "payment_intent"}
    state.update(invoice, changes, "invoice.finalized")
    redeem_discounts(state, invoice)
    if invoice["amount_due"] == 0:
        mark_paid(state, invoice, None)
    return invoice


def _add_payment(state: State, invoice: Obj, pi: Obj) -> Obj:
    payment: Obj = {
        "id": state.new_id("inpay_", 24),
        "object": "invoice_payment",
        "amount_paid": None,
        "amount_requested": invoice["amount_remaining"],
        "created": state.now(),
        "currency": invoice["currency"],
        "invoice": invoice["id"],
        "is_default": True,
        "livemode": False,
        "payment": {"charge": None, "payment_intent": pi["id"], "payment_record": None,
                    "type": "payment_intent"},
        "status": "open",
        "status_transitions": {"canceled_at": None, "paid_at": None},
    }
    for other in invoice["payments"]["data"]:
        other["is_default"] = False
    state.insert(payment)
    invoice["payments"]["data"].insert(0, payment)
    invoice["payments"]["total_count"] = len(invoice["payments"]["data"])
    return payment


def open_payment(invoice: Obj) -> Obj | None:
    """The invoice's payment still waiting for its PaymentIntent, if any."""
    return next((p for p in invoice["payments"]["data"] if p["status"] == "open"), None)


def default_payment_method(state: State, invoice: Obj) -> str | None:
    """The PaymentMethod an automatic attempt uses: invoice, subscription, then customer."""
    if invoice["default_payment_method"]:
        return str(invoice["default_payment_method"])
    subscription = state.find(subscription_of(invoice), "subscription")
    if subscription and subscription["default_payment_method"]:
        return str(subscription["default_payment_method"])
    customer = state.get(invoice["customer"], "customer")
    found = customer["invoice_settings"].get("default_payment_method")
    return str(found) if found else None


def no_payment_method_error(code: str, param: str) -> ApiError:
    """Stripe's answer when there is no card to charge automatically."""
    return invalid("This customer has no attached payment source or default payment method. "
                   "Please consider adding a default payment method.", code=code, param=param)


def attempt_payment(state: State, invoice: Obj, *, payment_method: str | None = None,
                    off_session: bool = True, return_url: str | None = None) -> ApiError | None:
    """Charge an open invoice; returns the card error of a failed attempt (None otherwise).

    A success marks it paid; an SCA card leaves it open with its PaymentIntent in
    `requires_action` (`invoice.payment_action_required`); a decline counts an attempt and
    emits `invoice.payment_failed`.
    """
    pm = payment_method or default_payment_method(state, invoice)
    if pm is None:
        raise no_payment_method_error("invoice_no_customer_payment_method", "payment_method")
    payment = open_payment(invoice)
    pi = state.find(payment["payment"]["payment_intent"], "payment_intent") if payment else None
    if pi is None or pi["status"] == "canceled":
        if payment is not None:
            payment["status"] = "canceled"
        pi = create_payment_intent(state, amount=invoice["amount_remaining"],
                                   currency=invoice["currency"], customer=invoice["customer"],
                                   description=f"Invoice {invoice['number']}")
        payment = _add_payment(state, invoice, pi)
    if pi["status"] == "succeeded":
        # Paid meanwhile, e.g. its PaymentIntent was confirmed through the PaymentIntents API.
        settle_payment(state, invoice, pi)
        return None
    previous = {"attempt_count": invoice["attempt_count"], "attempted": invoice["attempted"]}
    invoice["attempt_count"] += 1
    invoice["attempted"] = True
    try:
        pi = confirm_payment_intent(state, pi, payment_method=pm, off_session=off_session,
                                    return_url=return_url)
    except ApiError as error:
        if error.status != 402:
            raise
        _payment_failed(state, invoice, previous)
        return error
    settle_payment(state, invoice, pi)
    return None


def _payment_failed(state: State, invoice: Obj, previous: Obj | None = None) -> None:
    """Schedule the next automatic retry, emit `invoice.payment_failed`, tell the subscription."""
    retries = (subscription_of(invoice) is not None
               and invoice["billing_reason"] != "subscription_create"
               and invoice["collection_method"] == "charge_automatically")
    attempt = invoice["attempt_count"]
    invoice["next_payment_attempt"] = (
        state.now() + RETRY_DAYS[attempt - 1] * DAY
        if retries and 0 < attempt <= len(RETRY_DAYS) else None)
    state.emit("invoice.payment_failed", invoice, previous)
    _subscription_failed(state, invoice)


def settle_payment(state: State, invoice: Obj, pi: Obj) -> None:
    """Bring the invoice in line with its PaymentIntent after a confirmation or 3DS step."""
    if pi["status"] == "succeeded":
        mark_paid(state, invoice, pi)
    elif pi["status"] == "requires_action":
        state.emit("invoice.payment_action_required", invoice)
    elif pi["status"] == "requires_payment_method" and invoice["status"] == "open":
        _payment_failed(state, invoice)


def settle_payment_intent(state: State, pi: Obj) -> Obj | None:
    """After a 3D Secure step: update the invoice paid by `pi`, if one is; returns it."""
    for payment in state.iter_type("invoice_payment"):
        if payment["payment"]["payment_intent"] == pi["id"] and payment["status"] == "open":
            invoice = state.get(payment["invoice"], "invoice")
            if invoice["status"] in ("open", "uncollectible"):
                settle_payment(state, invoice, pi)
            return invoice
    return None


def mark_paid(state: State, invoice: Obj, pi: Obj | None, *, out_of_band: bool = False) -> Obj:
    """Record full payment (`invoice_payment.paid`, `invoice.paid`, `invoice.payment_succeeded`)."""
    now = state.now()
    payment = open_payment(invoice)
    if payment is not None and pi is not None:
        payment.update({"amount_paid": invoice["amount_remaining"], "status": "paid",
                        "status_transitions": {"canceled_at": None, "paid_at": now}})
        state.emit("invoice_payment.paid", payment)
    elif payment is not None:
        payment.update({"status": "canceled",
                        "status_transitions": {"canceled_at": now, "paid_at": None}})
    changes: Obj = {
        "status": "paid",
        "amount_paid": invoice["amount_paid"] + invoice["amount_remaining"],
        "amount_remaining": 0,
        "next_payment_attempt": None,
        "status_transitions": {**invoice["status_transitions"], "paid_at": now},
    }
    if out_of_band:
        changes["amount_paid_off_stripe"] = invoice["amount_remaining"]
    if invoice["amount_due"] > 0:
        changes["attempted"] = True
    state.update(invoice, changes, "invoice.paid")
    state.emit("invoice.payment_succeeded", invoice)
    _subscription_paid(state, invoice)
    return invoice


def _subscription_paid(state: State, invoice: Obj) -> None:
    """A paid subscription invoice makes an incomplete, past_due or unpaid subscription active."""
    sub = state.find(subscription_of(invoice), "subscription")
    if sub is None or sub["status"] not in ("incomplete", "past_due", "unpaid"):
        return
    if sub["latest_invoice"] != invoice["id"] and _open_invoices(state, sub):
        return
    state.update(sub, {"status": "active"}, "customer.subscription.updated")


def _subscription_failed(state: State, invoice: Obj) -> None:
    """A failed renewal makes the subscription past_due, then unpaid when retries run out."""
    sub = state.find(subscription_of(invoice), "subscription")
    if sub is None or invoice["billing_reason"] == "subscription_create":
        return
    if sub["status"] in ("active", "trialing", "past_due"):
        status = "past_due" if invoice["next_payment_attempt"] else "unpaid"
        state.update(sub, {"status": status}, "customer.subscription.updated")


def _open_invoices(state: State, sub: Obj) -> list[Obj]:
    return [i for i in state.iter_type("invoice")
            if i["status"] == "open" and subscription_of(i) == sub["id"]
            and i["customer"] == sub["customer"]]


def void_invoice(state: State, invoice: Obj) -> Obj:
    """Void an open or uncollectible invoice (`invoice.voided`)."""
    if invoice["status"] not in ("open", "uncollectible"):
        raise state_error(f"You can only void open or uncollectible invoices; this invoice "
                          f"is {invoice['status']}.", code="invoice_not_editable")
    now = state.now()
    payment = open_payment(invoice)
    if payment is not None:
        payment.update({"status": "canceled",
                        "status_transitions": {"canceled_at": now, "paid_at": None}})
        pi = state.find(payment["payment"]["payment_intent"], "payment_intent")
        if pi is not None and pi["status"] in CANCELABLE:
            cancel_payment_intent(state, pi, "void_invoice")
    return state.update(invoice, {
        "status": "void", "next_payment_attempt": None,
        "status_transitions": {**invoice["status_transitions"], "voided_at": now},
    }, "invoice.voided")


def mark_uncollectible(state: State, invoice: Obj) -> Obj:
    """Mark an open invoice uncollectible (`invoice.marked_uncollectible`)."""
    if invoice["status"] != "open":
        raise state_error(f"You can only mark open invoices as uncollectible; this invoice "
                          f"is {invoice['status']}.", code="invoice_not_editable")
    return state.update(invoice, {
        "status": "uncollectible", "next_payment_attempt": None,
        "status_transitions": {**invoice["status_transitions"],
                               "marked_uncollectible_at": state.now()},
    }, "invoice.marked_uncollectible")
