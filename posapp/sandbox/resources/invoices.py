"""Invoices, invoice items and invoice payments: the routes (engine/invoices.py does the
work), and `POST /v1/invoices/create_preview`."""

from __future__ import annotations

from typing import Any

from ..engine.catalog import currency_param, inline_price, usable_price
from ..engine.clock import customer_time
from ..engine.discounts import automatic_tax_enabled, line_tax_rates
from ..engine.invoices import (
    DAY,
    attempt_payment,
    create_invoice,
    create_invoice_item,
    finalize_invoice,
    mark_paid,
    mark_uncollectible,
    pending_items,
    recompute,
    set_automatic_tax,
    set_discounts,
    subscription_of,
    void_invoice,
)
from ..engine.subscriptions import preview_invoice
from ..errors import invalid, missing_param, state_error
from ..params import Params, currency_code, merge_metadata
from ..router import Request, api
from ..state import Obj, State, as_retrieved, search_response
from .customers import live_customer


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
        price = usable_price(state, str(price_id), "pricing[price]", tiered=False)
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
    currency = currency_code(p.req_string("currency")) if p.string("currency") else None
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
            invoice=invoice, subscription=p.string("subscription"), metadata=p.raw("metadata"),
            tax_rates=line_tax_rates(state, p.raw("tax_rates"), "tax_rates"),
            discountable=p.boolean("discountable") if "discountable" in p else None)


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
    if "discountable" in p:
        changes["discountable"] = p.boolean("discountable")
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
                             "pricing": item["pricing"], "discountable": item["discountable"]})
        recompute(req.state, invoice)
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
        recompute(req.state, invoice)
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
        currency = (currency_code(p.req_string("currency")) if p.string("currency") else None) or (
            items[0]["currency"] if items else None)
        invoice = create_invoice(
            state, customer, currency=currency, collection_method=str(method),
            days_until_due=days, due_date=due, description=p.string("description"),
            auto_advance=p.boolean("auto_advance") if "auto_advance" in p else None,
            metadata=p.raw("metadata"), default_payment_method=pm,
            items=[i for i in items if i["currency"] == currency],
            discounts=p.raw("discounts"), automatic_tax=automatic_tax_enabled(p))
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
        changes["due_date"] = None if days is None else invoice["created"] + days * DAY
    if "due_date" in p:
        changes["due_date"] = p.integer("due_date")
    if "default_payment_method" in p:
        pm = p.string("default_payment_method") or None
        if pm:
            state.get(pm, "payment_method", param="default_payment_method")
        changes["default_payment_method"] = pm
    if "discounts" in p or "automatic_tax" in p:
        if "discounts" in p:
            set_discounts(state, invoice, p.raw("discounts"))
        if "automatic_tax" in p:
            set_automatic_tax(state, invoice, automatic_tax_enabled(p))
        recompute(state, invoice)
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
        raise invalid(f"Invalid integer: {value}", param=param,
                      code="parameter_invalid_integer") from None
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
