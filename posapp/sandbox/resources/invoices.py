"""Invoices and invoice items: drafts, finalize, pay, send, void, uncollectible, previews.

Shapes follow API 2026-10-28: no `payment_intent` on the invoice but a `payments` list of
`invoice_payment` objects and a `confirmation_secret`; subscription invoices name their
subscription in `parent.subscription_details`; lines carry `pricing` and `parent`.
Subscriptions call `create_invoice`, `finalize_invoice` and `attempt_payment`; the hooks
back into subscriptions (`on_invoice_paid`, `on_invoice_payment_failed`) run afterwards.
"""

from __future__ import annotations

from typing import Any

from ..errors import ApiError, invalid, missing_param, state_error
from ..params import Params, merge_metadata
from ..router import Request, api
from ..state import Obj, State, as_retrieved, search_response
from .charges import display_amount
from .customers import live_customer
from .prices import currency_param, inline_price, usable_price
from .test_clocks import customer_time

_DAY = 86_400
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
                       proration: bool = False, metadata: Any = None) -> Obj:
    """An invoice item, not stored (previews use it as is)."""
    now = state.now()
    start, end = period or (now, now)
    item: Obj = {
        "id": state.new_id("ii_", 24),
        "object": "invoiceitem",
        "amount": unit_amount * quantity,
        "currency": currency,
        "customer": customer["id"],
        "date": now,
        "description": description or _product_name(state, price) or "Invoice item",
        "discountable": not proration,
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
        "tax_rates": [],
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
        "taxes": [],
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
                   items: list[Obj] | None = None, store: bool = True) -> Obj:
    """A draft invoice with `lines` and the invoice items `items`; emits `invoice.created`.

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
        invoice["due_date"] = now + (30 if days_until_due is None else days_until_due) * _DAY
    for line in lines or []:
        line["invoice"] = invoice_id
        invoice["lines"]["data"].append(line)
    if not store:
        invoice["lines"]["data"].extend(item_line(state, item) for item in items or [])
        _recompute(invoice)
        return invoice
    state.insert(invoice)
    _attach_items(state, invoice, items or [])
    _recompute(invoice)
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
    _recompute(invoice)
    state.emit("invoice.updated", invoice, previous)


def _recompute(invoice: Obj) -> None:
    subtotal = sum(line["amount"] for line in invoice["lines"]["data"])
    invoice["lines"]["total_count"] = len(invoice["lines"]["data"])
    for key in ("subtotal", "subtotal_excluding_tax", "total", "total_excluding_tax"):
        invoice[key] = subtotal
    invoice["amount_due"] = max(subtotal, 0)
    invoice["amount_remaining"] = max(subtotal, 0) - invoice["amount_paid"]
    invoice["ending_balance"] = 0 if invoice["status"] != "draft" else None


def subscription_of(invoice: Obj) -> str | None:
    """The id of the subscription that generated `invoice`, if any."""
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return details.get("subscription")


def finalize_invoice(state: State, invoice: Obj, payment_intent: Obj | None = None) -> Obj:
    """Number the draft, open it, and prepare its PaymentIntent (or mark a zero invoice paid).

    `payment_intent` is one already made for this invoice (a subscription charged up front).
    """
    from .payment_intents import create_payment_intent

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
    from .payment_intents import confirm_payment_intent, create_payment_intent

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
    from .subscriptions import on_invoice_payment_failed

    retries = (subscription_of(invoice) is not None
               and invoice["billing_reason"] != "subscription_create"
               and invoice["collection_method"] == "charge_automatically")
    attempt = invoice["attempt_count"]
    invoice["next_payment_attempt"] = (
        state.now() + RETRY_DAYS[attempt - 1] * _DAY
        if retries and 0 < attempt <= len(RETRY_DAYS) else None)
    state.emit("invoice.payment_failed", invoice, previous)
    on_invoice_payment_failed(state, invoice)


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
    from .subscriptions import on_invoice_paid

    on_invoice_paid(state, invoice)
    return invoice


def void_invoice(state: State, invoice: Obj) -> Obj:
    """Void an open or uncollectible invoice (`invoice.voided`); its PaymentIntent is
    canceled with `cancellation_reason` `void_invoice`."""
    if invoice["status"] not in ("open", "uncollectible"):
        raise state_error(f"You can only void open or uncollectible invoices; this invoice "
                          f"is {invoice['status']}.", code="invoice_not_editable")
    from .payment_intents import CANCELABLE, cancel_payment_intent

    now = state.now()
    payment = open_payment(invoice)
    if payment is not None:
        payment.update({"status": "canceled",
                        "status_transitions": {"canceled_at": now, "paid_at": None}})
        # Stripe cancels the invoice's PaymentIntent too, saying why.
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


# routes ------------------------------------------------------------------------------


def _invoice(req: Request) -> Obj:
    invoice = req.state.get(req.path_args["id"], "invoice")
    if invoice.get("deleted"):
        raise invalid(f"No such invoice: '{invoice['id']}'", code="resource_missing",
                      param="id")
    return invoice


_ITEM_PARAMS = ("amount", "currency", "customer", "description", "discountable", "invoice",
                "metadata", "period", "price_data", "pricing", "quantity", "subscription",
                "tax_behavior", "tax_code", "tax_rates", "unit_amount_decimal", "discounts")


def _item_amounts(state: State, p: Params, currency: str | None) -> tuple[Obj | None, int, str]:
    """(price, unit amount, currency) from `pricing[price]`, `price_data` or `amount`."""
    pricing = p.hash("pricing") or {}
    price_id = pricing.get("price")
    if price_id:
        price = usable_price(state, str(price_id), "pricing[price]")
        return price, price["unit_amount"], price["currency"]
    if p.hash("price_data") is not None:
        price = inline_price(state, p.raw("price_data"), "price_data")
        return price, price["unit_amount"], price["currency"]
    amount = p.integer("amount")
    if amount is None:
        unit = p.string("unit_amount_decimal")
        if unit is None:
            raise missing_param("amount")
        amount = round(float(unit))
    return None, amount, currency or currency_param(p)


@api("POST", "/v1/invoiceitems", _ITEM_PARAMS, ("customer",))
def create_invoice_item_route(req: Request) -> Obj:
    state, p = req.state, req.params
    customer = live_customer(req, p.req_string("customer"), "customer")
    invoice = None
    if p.string("invoice"):
        invoice = state.get(p.req_string("invoice"), "invoice", param="invoice")
        if invoice["status"] != "draft":
            raise state_error("You can only add invoice items to draft invoices.",
                              code="invoice_not_editable", param="invoice")
    currency = (p.string("currency") or "").lower() or None
    price, unit, currency = _item_amounts(state, p, currency)
    # An `amount` is the item's total: its quantity is 1.
    quantity = p.integer("quantity", 1, minimum=0) if price is not None else 1
    assert quantity is not None
    period = p.hash("period")
    with customer_time(state, customer):
        return create_invoice_item(
            state, customer, currency=currency, unit_amount=unit, quantity=quantity,
            price=price, description=p.string("description"),
            period=(int(period["start"]), int(period["end"])) if period else None,
            invoice=invoice, subscription=p.string("subscription"), metadata=p.raw("metadata"))


def _live_item(req: Request) -> Obj:
    item = req.state.get(req.path_args["id"], "invoiceitem")
    if item.get("deleted"):
        raise invalid(f"No such invoiceitem: '{item['id']}'", code="resource_missing",
                      param="id")
    return item


@api("GET", "/v1/invoiceitems/{id}")
def retrieve_invoice_item(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "invoiceitem"))


def _editable_item(state: State, item: Obj) -> Obj | None:
    invoice = state.find(item["invoice"], "invoice")
    if invoice is not None and invoice["status"] != "draft":
        raise state_error("Invoice items on a finalized invoice cannot be changed.",
                          code="invoice_not_editable")
    return invoice


@api("POST", "/v1/invoiceitems/{id}", ("amount", "description", "metadata", "quantity",
                                       "discountable", "period", "pricing", "tax_rates"))
def update_invoice_item(req: Request) -> Obj:
    state, p = req.state, req.params
    item = _live_item(req)
    invoice = _editable_item(state, item)
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(item["metadata"], p.raw("metadata"))
    if "description" in p:
        changes["description"] = p.string("description")
    quantity = p.integer("quantity", item["quantity"], minimum=0)
    assert quantity is not None
    unit = int(item["pricing"]["unit_amount_decimal"])
    if "amount" in p:
        unit, quantity = p.integer("amount") or 0, 1
    if quantity != item["quantity"] or unit * quantity != item["amount"]:
        changes.update({"quantity": quantity, "quantity_decimal": str(quantity),
                        "amount": unit * quantity, "net_amount": unit * quantity,
                        "pricing": {**item["pricing"], "unit_amount_decimal": str(unit)}})
    state.update(item, changes, "invoiceitem.updated")
    if invoice is not None:
        for line in invoice["lines"]["data"]:
            details = line["parent"].get("invoice_item_details") or {}
            if details.get("invoice_item") == item["id"]:
                line.update({"amount": item["amount"], "subtotal": item["amount"],
                             "quantity": item["quantity"], "description": item["description"],
                             "pricing": item["pricing"]})
        _recompute(invoice)
    return item


@api("DELETE", "/v1/invoiceitems/{id}")
def delete_invoice_item(req: Request) -> Obj:
    state = req.state
    item = _live_item(req)
    invoice = _editable_item(state, item)
    if invoice is not None:
        invoice["lines"]["data"] = [
            line for line in invoice["lines"]["data"]
            if (line["parent"].get("invoice_item_details") or {}).get("invoice_item")
            != item["id"]]
        _recompute(invoice)
    return state.delete(item, "invoiceitem.deleted")


@api("GET", "/v1/invoiceitems", ("customer", "invoice", "pending", "created", "limit",
                                 "starting_after", "ending_before"))
def list_invoice_items(req: Request) -> Obj:
    p = req.params
    customer = p.string("customer")
    invoice = p.string("invoice")
    pending = p.boolean("pending") if "pending" in p else None

    def keep(item: Obj) -> bool:
        return (not item.get("deleted")
                and (customer is None or item["customer"] == customer)
                and (invoice is None or item["invoice"] == invoice)
                and (pending is None or (item["invoice"] is None) == pending))
    return req.state.list_response("invoiceitem", p, "/v1/invoiceitems", keep)


_INVOICE_FIELDS = ("auto_advance", "collection_method", "days_until_due", "default_payment_method",
                   "description", "due_date", "footer", "metadata", "custom_fields",
                   "statement_descriptor", "rendering", "payment_settings", "discounts",
                   "automatic_tax", "account_tax_ids", "default_tax_rates")


@api("POST", "/v1/invoices", (*_INVOICE_FIELDS, "customer", "currency", "subscription",
                              "pending_invoice_items_behavior"))
def create_invoice_route(req: Request) -> Obj:
    state, p = req.state, req.params
    customer_id = p.string("customer")
    if not customer_id:
        raise missing_param("customer")
    customer = live_customer(req, customer_id, "customer")
    method = p.enum("collection_method", ("charge_automatically", "send_invoice"),
                    "charge_automatically")
    days = p.integer("days_until_due", minimum=0, maximum=1825)
    due = p.integer("due_date")
    if method == "send_invoice" and days is None and due is None:
        raise invalid("Invoices with `collection_method=send_invoice` need a `days_until_due` "
                      "or a `due_date`.", param="days_until_due")
    if method == "charge_automatically" and (days is not None or due is not None):
        raise invalid("Due dates only apply to invoices with `collection_method=send_invoice`.",
                      param="days_until_due" if days is not None else "due_date")
    behavior = p.enum("pending_invoice_items_behavior", ("exclude", "include"), "exclude")
    subscription = p.string("subscription")
    pm = p.string("default_payment_method")
    if pm:
        state.get(pm, "payment_method", param="default_payment_method")
    with customer_time(state, customer):
        items = (pending_items(state, customer["id"], subscription)
                 if behavior == "include" else [])
        currency = (p.string("currency") or "").lower() or (
            items[0]["currency"] if items else None)
        invoice = create_invoice(
            state, customer, currency=currency, collection_method=str(method),
            days_until_due=days, due_date=due, description=p.string("description"),
            auto_advance=p.boolean("auto_advance") if "auto_advance" in p else None,
            metadata=p.raw("metadata"), default_payment_method=pm,
            items=[i for i in items if i["currency"] == currency])
        if "footer" in p:
            invoice["footer"] = p.string("footer")
    return invoice


@api("GET", "/v1/invoices/{id}")
def retrieve_invoice(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "invoice"))


@api("POST", "/v1/invoices/{id}", _INVOICE_FIELDS)
def update_invoice(req: Request) -> Obj:
    state, p = req.state, req.params
    invoice = _invoice(req)
    changes: Obj = {}
    if "metadata" in p:
        changes["metadata"] = merge_metadata(invoice["metadata"], p.raw("metadata"))
    draft_only = [k for k in p.data if k not in ("metadata", "expand", "description", "footer")]
    if draft_only and invoice["status"] != "draft":
        raise state_error(f"Finalized invoices can't be updated in this way: "
                          f"{draft_only[0]} can only change on a draft.",
                          code="invoice_not_editable", param=draft_only[0])
    for key in ("description", "footer"):
        if key in p:
            changes[key] = p.string(key) or None
    if "auto_advance" in p:
        changes["auto_advance"] = p.boolean("auto_advance")
    if "collection_method" in p:
        changes["collection_method"] = p.enum("collection_method",
                                              ("charge_automatically", "send_invoice"))
    if "days_until_due" in p:
        days = p.integer("days_until_due", minimum=0, maximum=1825)
        changes["due_date"] = None if days is None else invoice["created"] + days * _DAY
    if "due_date" in p:
        changes["due_date"] = p.integer("due_date")
    if "default_payment_method" in p:
        pm = p.string("default_payment_method") or None
        if pm:
            state.get(pm, "payment_method", param="default_payment_method")
        changes["default_payment_method"] = pm
    return state.update(invoice, changes, "invoice.updated")


@api("DELETE", "/v1/invoices/{id}")
def delete_invoice(req: Request) -> Obj:
    state = req.state
    invoice = _invoice(req)
    if invoice["status"] != "draft":
        raise state_error("You can only delete draft invoices.", code="invoice_not_editable")
    for line in invoice["lines"]["data"]:
        item_id = (line["parent"].get("invoice_item_details") or {}).get("invoice_item")
        item = state.find(item_id, "invoiceitem")
        if item is not None:
            item["deleted"] = True
    return state.delete(invoice, "invoice.deleted")


@api("POST", "/v1/invoices/{id}/finalize", ("auto_advance",))
def finalize_route(req: Request) -> Obj:
    invoice = _invoice(req)
    if "auto_advance" in req.params:
        invoice["auto_advance"] = req.params.boolean("auto_advance")
    with customer_time(req.state, invoice["customer"]):
        return finalize_invoice(req.state, invoice)


@api("POST", "/v1/invoices/{id}/pay", ("payment_method", "paid_out_of_band", "off_session",
                                       "forgive", "mandate", "source"))
def pay_route(req: Request) -> Obj:
    state, p = req.state, req.params
    invoice = _invoice(req)
    status = invoice["status"]
    if status == "paid":
        raise state_error("Invoice is already paid.", code="invoice_already_paid")
    if status == "void":
        raise state_error("This invoice is void and can no longer be paid.",
                          code="invoice_not_payable")
    with customer_time(state, invoice["customer"]):
        if status == "draft":
            finalize_invoice(state, invoice)
            if invoice["status"] == "paid":
                return invoice
        if p.boolean("paid_out_of_band"):
            return mark_paid(state, invoice, None, out_of_band=True)
        error = attempt_payment(state, invoice, payment_method=p.string("payment_method"),
                                off_session=p.boolean("off_session", True))
    if error is not None:
        raise error
    return invoice


@api("POST", "/v1/invoices/{id}/send")
def send_route(req: Request) -> Obj:
    invoice = _invoice(req)
    if invoice["status"] != "open":
        raise state_error("You can only send open invoices; finalize the draft first.",
                          code="invoice_not_editable")
    req.state.emit("invoice.sent", invoice)
    return invoice


@api("POST", "/v1/invoices/{id}/void")
def void_route(req: Request) -> Obj:
    return void_invoice(req.state, _invoice(req))


@api("POST", "/v1/invoices/{id}/mark_uncollectible")
def mark_uncollectible_route(req: Request) -> Obj:
    return mark_uncollectible(req.state, _invoice(req))


@api("GET", "/v1/invoices/{id}/lines", ("limit", "starting_after", "ending_before"))
def list_lines(req: Request) -> Obj:
    invoice = _invoice(req)
    return req.state.list_response("line_item", req.params, invoice["lines"]["url"],
                                   items=invoice["lines"]["data"])


def _int_filter(value: Any, param: str) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        bounds = {k: int(v) for k, v in value.items()}
        return lambda n: n is not None and all(
            {"gt": n > b, "gte": n >= b, "lt": n < b, "lte": n <= b}.get(k, True)
            for k, b in bounds.items())
    try:
        exact = int(value)
    except ValueError:
        raise invalid(f"Invalid integer: {value}", param=param) from None
    return lambda n: n == exact


@api("GET", "/v1/invoices", ("customer", "subscription", "status", "collection_method",
                             "created", "due_date", "limit", "starting_after",
                             "ending_before"))
def list_invoices(req: Request) -> Obj:
    p = req.params
    customer = p.string("customer")
    subscription = p.string("subscription")
    status = p.enum("status", ("draft", "open", "paid", "uncollectible", "void"))
    method = p.enum("collection_method", ("charge_automatically", "send_invoice"))
    due = _int_filter(p.raw("due_date"), "due_date")

    def keep(invoice: Obj) -> bool:
        return (not invoice.get("deleted")
                and (customer is None or invoice["customer"] == customer)
                and (subscription is None or subscription_of(invoice) == subscription)
                and (status is None or invoice["status"] == status)
                and (method is None or invoice["collection_method"] == method)
                and (due is None or due(invoice["due_date"])))
    return req.state.list_response("invoice", p, "/v1/invoices", keep)


@api("GET", "/v1/invoices/search", ("query", "limit", "page"), ("query",))
def search_invoices(req: Request) -> Obj:
    return search_response(req.state, "invoice", req.params, "/v1/invoices/search")


@api("GET", "/v1/invoice_payments/{id}")
def retrieve_invoice_payment(req: Request) -> Obj:
    return req.state.get(req.path_args["id"], "invoice_payment")


@api("GET", "/v1/invoice_payments", ("invoice", "payment", "status", "created", "limit",
                                     "starting_after", "ending_before"))
def list_invoice_payments(req: Request) -> Obj:
    p = req.params
    invoice = p.string("invoice")
    status = p.enum("status", ("canceled", "open", "paid"))
    payment = p.hash("payment") or {}
    pi = payment.get("payment_intent")

    def keep(item: Obj) -> bool:
        return ((invoice is None or item["invoice"] == invoice)
                and (status is None or item["status"] == status)
                and (pi is None or item["payment"]["payment_intent"] == pi))
    return req.state.list_response("invoice_payment", p, "/v1/invoice_payments", keep)


@api("POST", "/v1/invoices/create_preview", ("customer", "subscription",
                                             "subscription_details", "currency",
                                             "invoice_items", "automatic_tax", "preview_mode"))
def create_preview(req: Request) -> Obj:
    """An invoice that is not stored: the customer's next invoice, or a subscription change."""
    from .subscriptions import preview_invoice

    state, p = req.state, req.params
    subscription_id = p.string("subscription")
    subscription = state.get(subscription_id, "subscription", param="subscription") \
        if subscription_id else None
    customer_id = p.string("customer") or (subscription["customer"] if subscription else None)
    if not customer_id:
        raise missing_param("customer")
    customer = live_customer(req, customer_id, "customer")
    details = Params(p.hash("subscription_details") or {})
    details.check(("items", "proration_behavior", "proration_date", "cancel_at_period_end",
                   "cancel_now", "default_tax_rates", "metadata", "trial_end",
                   "billing_cycle_anchor", "cancel_at", "resume_at", "start_date"))
    with customer_time(state, customer):
        return preview_invoice(state, customer, subscription, details)
